"""The plugin's options in mkdocs.yml; folders are relative to mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class BriefingConfig(base.Config):
    """`plugins: - briefing: {briefings: ..., seeds: ..., search: ...}`."""

    briefings = c.Type(str, default="briefings")
    seeds = c.Type(str, default="seeds")
    # `pagefind` swaps Material's search for Pagefind's chunked index (see pagefind.py).
    search = c.Choice(("mkdocs", "pagefind"), default="mkdocs")
