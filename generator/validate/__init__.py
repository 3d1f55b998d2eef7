"""Validate stage: raw records become the model's records, with every problem reported at once."""
