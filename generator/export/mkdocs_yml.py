"""The project's mkdocs.yml for builders without the briefing plugin (plain MkDocs, Zensical)."""

from __future__ import annotations

from ..routes import not_in_nav_patterns
from ..settings import PLUGIN_NAME, dump_mkdocs_yml, parse_mkdocs_yml, plugin_options


def plain_mkdocs_config(config: dict | str) -> str:
    """A project's configuration (INHERIT already merged in) without the briefing plugin, reading pages from ./docs.

    MkDocs' own tags (`!ENV`, `!!python/name:` for Material's emoji index, ...) are written back as they were.
    """
    config = dict(parse_mkdocs_yml(config) if isinstance(config, str) else config)
    briefing = plugin_options(config)
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: options} if options else name for name, options in plugins.items()]
    config["plugins"] = [p for p in plugins if p != PLUGIN_NAME and not (isinstance(p, dict) and PLUGIN_NAME in p)]
    if briefing.get("search") == "pagefind":
        # Pagefind runs from the briefing plugin, which the export drops; the built-in search takes its place.
        config["plugins"].insert(0, "search")
    # Pages the plugin keeps out of the navigation stay out of it here too.
    config["not_in_nav"] = not_in_nav_patterns()
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    return "# Written by `python -m generator export`: builds without the briefing plugin.\n" + dump_mkdocs_yml(config)
