"""Thin MkDocs glue: run the pipeline, add its pages as in-memory files, watch the data."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from ..outputs import mark_site, refuse_site_dir
from ..pipeline import GeneratedSite
from ..routes import SEARCH
from . import pagefind
from .config import BriefingConfig, as_plugin_errors, generate_or_keep, project_settings_of
from .files import add_pages
from .preview import Preview, TemplateCache, search_plugin_of, silence_dirty_warning
from .theme import fix_search_worker, fix_theme_html

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Adds the briefing's topic, source, entity and analysis pages to the site."""

    def __init__(self) -> None:
        self.site: GeneratedSite | None = None
        self.last_good: GeneratedSite | None = None
        self.serving = False
        self.preview: Preview | None = None
        self.files = None
        self.pages: dict[str, str] | None = None
        self.templates: TemplateCache | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note whether we are serving and how (defining this hook also keeps the plugin alive across rebuilds)."""
        self.serving = command == "serve"
        # `--dirty`: rebuild only the pages an edit changed (see preview.py).
        self.preview = Preview() if dirty else None
        self.templates = TemplateCache() if self.serving else None
        if dirty:
            silence_dirty_warning()

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
        if self.preview:
            self.preview.start()
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
        self.pages = pages if self.preview else None
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
        """Date every page by the latest source, not the clock (rebuilt or not: the sitemap lists them all)."""
        self.files = files
        if self.templates is not None:
            env.bytecode_cache = self.templates
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.update_date = self.page_date or file.page.update_date
        return env

    @event_priority(-100)  # after the theme's search has indexed the page
    def on_page_context(self, context, page, config, nav):
        """In a dirty build, keep the search entries of each page rendered."""
        if self.preview:
            plugin = search_plugin_of(config)
            self.preview.page_indexed(page, plugin.search_index if plugin else None)
        return context

    def on_post_page(self, output: str, page, config) -> str:
        """Remove the theme's few invalid attributes; with Pagefind, mark the page for its indexer."""
        output = fix_theme_html(output)
        if self.settings.search == "pagefind":
            output = pagefind.mark_page(output, page.url, page.file.src_uri, config.use_directory_urls)
        return output

    @event_priority(100)  # before the theme writes its search index
    def _complete_dirty_build(self, config) -> None:
        """In a dirty build, give the search index the pages not rebuilt; delete pages no longer generated."""
        if self.preview:
            self.preview.restore_search(self.files, search_plugin_of(config))
            self.preview.remove_deleted(self.pages, Path(config.site_dir), config.use_directory_urls)

    def _finish_build(self, config) -> None:
        """Repair the theme's search worker; with Pagefind, index the finished site (an indexer failure fails the build)."""
        problem = fix_search_worker(Path(config.site_dir))
        if problem:
            log.warning(problem)
        if self.settings.search == "pagefind":
            with as_plugin_errors():
                log.info(pagefind.build_index(Path(config.site_dir), directory_urls=config.use_directory_urls))

    on_post_build = CombinedEvent(_complete_dirty_build, _finish_build)

    def on_serve(self, server, config, builder):
        """Rebuild when editors change the YAML or the seeds."""
        server.watch(str(self.settings.briefings_dir))
        server.watch(str(self.settings.seeds_dir))
        return server
