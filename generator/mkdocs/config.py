"""The plugin's options in mkdocs.yml (folders relative to it), and how the generator's settings and errors reach MkDocs."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from ..errors import BriefingError, GeneratorError
from ..outputs import mark_site, refuse_site_dir
from ..pipeline import GeneratedSite, generate_site
from ..reuse import Reuse
from ..settings import ProjectSettings
from . import pagefind


class BriefingConfig(base.Config):
    """`plugins: - briefing: {briefings: ..., seeds: ..., search: ...}`."""

    briefings = c.Type(str, default="briefings")
    seeds = c.Type(str, default="seeds")
    # `pagefind` swaps Material's search for Pagefind's chunked index (see pagefind.py).
    search = c.Choice(("mkdocs", "pagefind"), default="mkdocs")


def project_settings_of(config, options: BriefingConfig) -> ProjectSettings:
    """The project's settings as MkDocs and the plugin's options give them (the CLI reads the same from mkdocs.yml)."""
    root = Path(config.config_file_path).resolve().parent
    return ProjectSettings(root, Path(config.docs_dir).resolve(), (root / options.briefings).resolve(),
                           (root / options.seeds).resolve(), Path(config.site_dir).resolve(),
                           config.use_directory_urls, options.search, config.site_url or "")


@contextmanager
def as_plugin_errors() -> Iterator[None]:
    """Report the generator's errors the way MkDocs reports a plugin's: one message, no traceback."""
    try:
        yield
    except GeneratorError as exc:
        raise PluginError(exc.report() if isinstance(exc, BriefingError) else str(exc)) from None


def generate_or_keep(settings: ProjectSettings, last_good: GeneratedSite | None, log, reuse: Reuse | None = None) -> GeneratedSite:
    """The briefing's pages, announced in the log; on bad data, the last good pages (while serving) after saying why, else a PluginError."""
    try:
        site = generate_site(settings.briefings_dir, settings.seeds_dir, settings.root, settings.directory_urls, settings.site_url,
                             reuse)
        announce(site, log)
        return site
    except BriefingError as exc:
        if last_good is None:
            raise PluginError(exc.report()) from None
        # Printed, not logged: MkDocs would count a logged error and, in strict mode, refuse to serve anything.
        print(f"ERROR    -  {exc.report()}\nERROR    -  serving the last good version of the briefing until this is fixed",
              file=sys.stderr, flush=True)
        return last_good


def prepare_site_dir(settings: ProjectSettings, plugins) -> None:
    """Refuse a site folder whose cleaning would destroy data, mark it as ours, check the search settings."""
    with as_plugin_errors():
        # MkDocs empties the site folder right after on_pre_build: on_config is the last moment to refuse.
        mark_site(refuse_site_dir(settings.site_dir, settings.root, settings.protected))
        if settings.search == "pagefind":
            pagefind.check_config(plugins)


def announce(site: GeneratedSite, log) -> None:
    """Log the briefing's warnings and a one-line summary of what was generated."""
    for warning in site.briefing.warnings:
        log.warning(str(warning))
    log.info(site.summary())
