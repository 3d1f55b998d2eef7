"""Diff: what changed in the briefing between a git revision and the working tree, for reviewers."""
