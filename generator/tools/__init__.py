"""Editors' and reviewers' tools built on the pipeline: ingest and diff."""
