"""Thin MkDocs glue: run the pipeline, add its pages as in-memory files, watch the data."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin

from ..outputs import mark_site, refuse_site_dir
from ..pipeline import GeneratedSite
from ..routes import SEARCH
from . import pagefind
from .config import BriefingConfig, as_plugin_errors, generate_or_keep, project_settings_of
from .files import add_pages
from .theme import fix_search_worker, fix_theme_html

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Adds the briefing's topic, source, entity and analysis pages to the site."""

    def __init__(self) -> None:
        self.site: GeneratedSite | None = None
        self.last_good: GeneratedSite | None = None
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note whether we are serving (defining this hook also keeps the plugin alive across rebuilds)."""
        self.serving = command == "serve"

    def on_config(self, config):
        """Read the settings; refuse a site folder whose cleaning would destroy data, and mark the site as ours."""
        self.settings = settings = project_settings_of(config, self.config)
        with as_plugin_errors():
            # MkDocs empties the site folder right after on_pre_build: this is the last moment to refuse.
            mark_site(refuse_site_dir(settings.site_dir, settings.root, settings.protected))
            if settings.search == "pagefind":
                pagefind.check_config(config.plugins)
        return config

    def on_pre_build(self, config) -> None:
        """Check all data before MkDocs touches the site folder; bad data stops the build (serving keeps the last good pages)."""
        self.site = generate_or_keep(self.settings, self.last_good if self.serving else None)
        if self.site is not self.last_good:
            self.last_good = self.site
            for warning in self.site.briefing.warnings:
                log.warning(str(warning))
            log.info(self.site.summary())

    def on_files(self, files, config):
        """Add the generated pages (and the Pagefind search page); a hand-written page at their path is an error."""
        pages = {**self.site.pages, SEARCH: pagefind.SEARCH_MARKDOWN} if self.settings.search == "pagefind" else self.site.pages
        files = add_pages(files, config, pages, self.site.origins, self.settings.root)
        self.page_date = self.site.page_date
        if not self.serving:
            # A one-off build needs the briefing's data no more (the pages now live in the files):
            # freeing it before MkDocs renders every page lowers the build's peak memory.
            self.site = self.last_good = None
        return files

    def on_pre_page(self, page, config, files):
        """Date every page by the latest source, not the clock, so rebuilds are byte-identical."""
        page.update_date = self.page_date or page.update_date
        return page

    def on_post_page(self, output: str, page, config) -> str:
        """Remove the theme's few invalid attributes; with Pagefind, mark the page for its indexer."""
        output = fix_theme_html(output)
        if self.settings.search == "pagefind":
            output = pagefind.mark_page(output, page.url, page.file.src_uri, config.use_directory_urls)
        return output

    def on_post_build(self, config) -> None:
        """Repair the theme's search worker; with Pagefind, index the finished site (an indexer failure fails the build)."""
        problem = fix_search_worker(Path(config.site_dir))
        if problem:
            log.warning(problem)
        if self.settings.search == "pagefind":
            with as_plugin_errors():
                log.info(pagefind.build_index(Path(config.site_dir), directory_urls=config.use_directory_urls))

    def on_serve(self, server, config, builder):
        """Rebuild when editors change the YAML or the seeds."""
        server.watch(str(self.settings.briefings_dir))
        server.watch(str(self.settings.seeds_dir))
        return server
