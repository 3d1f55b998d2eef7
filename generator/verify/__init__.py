"""Verify stage: the seed articles are read and every quote is found verbatim in its article."""
