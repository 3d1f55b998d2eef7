"""Analyse stage: the timeline, figures, claims and discrepancies across sources."""
