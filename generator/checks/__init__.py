"""Check stage: editorial warnings (fail strict builds) and notes for readers' caution."""
