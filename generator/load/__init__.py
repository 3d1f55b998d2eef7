"""Load stage: the editors' YAML files under briefings/, read strictly into located raw records."""
