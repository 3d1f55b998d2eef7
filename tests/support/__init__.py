"""Helpers shared by the tests (paths, builds, a browser): test modules import these, never each other."""
