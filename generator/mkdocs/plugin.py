"""Thin MkDocs glue: run the pipeline, add its pages as in-memory files, watch the data."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from ..pipeline import GeneratedSite
from ..reuse import Reuse
from . import pagefind
from .config import BriefingConfig, as_plugin_errors, generate_or_keep, prepare_site_dir, project_settings_of
from .files import add_pages, date_pages
from .preview import IdleCollector, Preview, TemplateCache, silence_dirty_warning
from .theme import finish_page, finish_site

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Adds the briefing's topic, source, entity and analysis pages to the site."""

    site: GeneratedSite | None = None
    last_good: GeneratedSite | None = None  # while serving: shown again when an edit breaks the data
    serving = False
    preview: Preview | None = None  # `serve --dirty`: rebuild only the pages an edit changed (preview.py)
    templates: TemplateCache | None = None
    reuse: Reuse | None = None  # while serving: what the previous rebuild computed, for the next (reuse.py)
    collector: IdleCollector | None = None  # while serving: the cycle collector runs between rebuilds

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note whether we are serving and how (defining this hook also keeps the plugin alive across rebuilds)."""
        self.serving = command == "serve"
        self.preview = Preview() if dirty else None
        self.templates = TemplateCache() if self.serving else None
        self.reuse = Reuse(frozen_between_builds=True) if self.serving else None
        self.collector = IdleCollector() if self.serving else None
        if dirty:
            silence_dirty_warning()

    def on_config(self, config):
        """Read the settings; refuse a site folder whose cleaning would destroy data, and mark the site as ours."""
        self.settings = project_settings_of(config, self.config)
        prepare_site_dir(self.settings, config.plugins)
        return config

    def on_pre_build(self, config) -> None:
        """Check all data before MkDocs touches the site folder; bad data stops the build (serving keeps the last good pages)."""
        if self.preview:
            self.preview.start()
        self.site = self.last_good = generate_or_keep(self.settings, self.last_good if self.serving else None, log, self.reuse)

    def on_files(self, files, config):
        """Add the generated pages (and the Pagefind search page); a hand-written page at their path is an error."""
        pages = pagefind.with_search_page(self.site.pages, self.settings.search)
        files = add_pages(files, config, pages, self.site.origins, self.settings.root, self.site.files)
        self.page_date = self.site.page_date
        if self.preview:
            self.preview.mark_generated(files, pages)
        if not self.serving:
            # A one-off build needs the briefing's data no more (the pages now live in the files):
            # freeing it before MkDocs renders every page lowers the build's peak memory.
            self.site = self.last_good = None
        return files

    def on_nav(self, nav, config, files):
        """In a dirty build, rebuild every page when what every page shows has changed."""
        if self.preview:
            self.preview.check_chrome(nav, files, config, self.page_date)
        return nav

    def on_env(self, env, config, files):
        """Date every page by the latest source; while serving, keep the compiled theme templates."""
        date_pages(files, self.page_date)
        if self.templates is not None:
            env.bytecode_cache = self.templates
        return env

    @event_priority(-100)  # after the theme's search has indexed the page
    def on_page_context(self, context, page, config, nav):
        """In a dirty build, keep the search entries of each page rendered."""
        if self.preview:
            self.preview.page_indexed(page, config)
        return context

    def on_post_page(self, output: str, page, config) -> str:
        """Remove the theme's few invalid attributes; with Pagefind, mark the page for its indexer."""
        return finish_page(output, page, config, self.settings.search)

    @event_priority(100)  # before the theme writes its search index
    def _complete_dirty_build(self, config) -> None:
        if self.preview:
            self.preview.complete(config)

    def _finish_build(self, config) -> None:
        with as_plugin_errors():  # an indexer failure fails the build
            finish_site(Path(config.site_dir), self.settings.search, config.use_directory_urls, log)
        if self.collector:
            self.collector.after_build()

    on_post_build = CombinedEvent(_complete_dirty_build, _finish_build)

    def on_serve(self, server, config, builder):
        """Rebuild when editors change the YAML or the seeds."""
        server.watch(str(self.settings.briefings_dir))
        server.watch(str(self.settings.seeds_dir))
        return server
