"""The project's mkdocs.yml for builders without the briefing plugin (plain MkDocs, Zensical)."""

from __future__ import annotations

import yaml

from ..routes import not_in_nav_patterns
from ..settings import PLUGIN_NAME, parse_mkdocs_yml, plugin_options


def plain_mkdocs_config(config_text: str) -> str:
    """The project's mkdocs.yml without the briefing plugin, reading pages from ./docs."""
    config = parse_mkdocs_yml(config_text)
    plugins = config.get("plugins") or []
    briefing = plugin_options(config)
    config["plugins"] = [p for p in plugins if p != PLUGIN_NAME and not (isinstance(p, dict) and PLUGIN_NAME in p)]
    if briefing.get("search") == "pagefind":
        # Pagefind runs from the briefing plugin, which the export drops; the built-in search takes its place.
        config["plugins"].insert(0, "search")
    # Pages the plugin keeps out of the navigation stay out of it here too.
    config["not_in_nav"] = not_in_nav_patterns()
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    return "# Written by `python -m generator export`: builds without the briefing plugin.\n" + yaml.safe_dump(
        config, sort_keys=False, allow_unicode=True)
