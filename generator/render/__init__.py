"""Render stage: linked data -> Markdown pages."""
