"""Export: the generated Markdown tree, a plain mkdocs.yml and the dataset as JSON, for other builders and tools."""
