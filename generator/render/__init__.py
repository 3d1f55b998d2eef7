"""Render stage: every page of the site as Markdown, by page path; knows nothing of MkDocs."""
