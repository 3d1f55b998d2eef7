"""Static briefing-site generator: curated YAML + seed articles -> Markdown pages."""
