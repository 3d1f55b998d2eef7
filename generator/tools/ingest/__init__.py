"""Ingest: add an article (.txt or saved .html) as a seed, with a source entry and suggested extracts."""
