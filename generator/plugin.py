"""Thin MkDocs glue: run the pipeline, add its pages as in-memory files, watch the data."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import pagefind_search
from .errors import BriefingError, GeneratorError
from .outputs import mark_site, refuse_site_dir
from .render.site import output_file
from .settings import ProjectSettings
from .html_fixes import fix_theme_html
from .pipeline import GeneratedSite, generate_site

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingConfig(base.Config):
    """Plugin options; folders are relative to mkdocs.yml."""

    briefings = c.Type(str, default="briefings")
    seeds = c.Type(str, default="seeds")
    # `pagefind` swaps Material's search for Pagefind's chunked index (see pagefind_search).
    search = c.Choice(("mkdocs", "pagefind"), default="mkdocs")


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Adds the briefing's topic, source and entity pages to the site."""

    def __init__(self) -> None:
        self.site: GeneratedSite | None = None
        self.last_good: GeneratedSite | None = None
        self.serving = False
        self.page_date = ""
        self.root = Path(".")

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note whether we are serving (defining this hook also keeps the plugin alive across rebuilds)."""
        self.serving = command == "serve"

    def _folder(self, name: str) -> Path:
        return (self.root / name).resolve()

    def on_config(self, config):
        """Remember where mkdocs.yml is; refuse a site folder whose cleaning would destroy data; mark the site as ours."""
        self.root = Path(config.config_file_path).resolve().parent
        settings = ProjectSettings(self.root, Path(config.docs_dir).resolve(), self._folder(self.config.briefings),
                                   self._folder(self.config.seeds), Path(config.site_dir).resolve(),
                                   config.use_directory_urls, self.config.search)
        try:
            # MkDocs empties the site folder right after on_pre_build: this is the last moment to refuse.
            mark_site(refuse_site_dir(settings.site_dir, self.root, settings.protected))
        except GeneratorError as exc:
            raise PluginError(str(exc)) from None
        if self.config.search == "pagefind":
            try:
                pagefind_search.check_config(config.plugins)
            except ValueError as exc:
                raise PluginError(str(exc)) from None
        return config

    def on_pre_build(self, config) -> None:
        """Check all data before MkDocs touches the site folder; a data problem stops the build."""
        try:
            self.site = generate_site(self._folder(self.config.briefings), self._folder(self.config.seeds), self.root,
                                      directory_urls=config.use_directory_urls)
        except BriefingError as exc:
            if not (self.serving and self.last_good):
                raise PluginError(exc.report()) from None
            # While serving, keep the last good site up and say why it is stale. Printed, not logged:
            # MkDocs would count a logged error and, in strict mode, refuse to serve anything.
            print(f"ERROR    -  {exc.report()}\nERROR    -  serving the last good version of the briefing until this is fixed",
                  file=sys.stderr, flush=True)
            self.site = self.last_good
            self._freeze_collector()
            return
        self.last_good = self.site
        sources = self.site.linked.dataset.sources.values()
        self.page_date = max(s.published for s in sources).iso() if sources else ""
        for warning in self.site.linked.warnings:
            log.warning(str(warning))
        log.info(self.site.summary())
        self._freeze_collector()

    def _freeze_collector(self) -> None:
        # Everything alive now (the briefing's data, MkDocs's configuration) lives until the build
        # ends. Frozen, the cycle collector stops rescanning it at every collection while thousands
        # of pages render: about 5 s of a 1,000-source build. Unfrozen again when the build ends.
        gc.freeze()

    def on_files(self, files: Files, config) -> Files:
        """Add generated pages; a hand-written page at the same path is an error, never overwritten."""
        assert self.site is not None
        pages = dict(self.site.pages)
        if self.config.search == "pagefind":
            pages[pagefind_search.SEARCH_PAGE] = pagefind_search.SEARCH_MARKDOWN
        # Compared by the file each becomes: docs/timeline.html would clash with timeline.md as surely as docs/timeline.md.
        written = {f.dest_uri: f.src_uri for f in files}
        clashes = [f"{written[uri]} ({uri})" for path in pages
                   if (uri := output_file(path, config.use_directory_urls)) in written]
        if clashes:
            raise PluginError("generated pages would replace hand-written files in docs/: " + ", ".join(clashes)
                              + "\nRename or remove those files; the generator owns these paths.")
        for path, markdown in pages.items():
            # One page per source and entity would swamp the navigation; the index pages list them.
            # Later pages of a long topic are reached from its first page.
            listed = path.endswith("index.md") or (path.startswith("topics/") and "--part-" not in path)
            inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
            generated = File.generated(config, path, content=markdown, inclusion=inclusion)
            # Edit links of generated pages point at the YAML the page comes from, not at docs/
            # (the Pagefind search page comes from no file, so it gets none).
            origin = self.root / self.site.origins.get(path, self.config.briefings)
            generated.edit_uri = Path(os.path.relpath(origin, config.docs_dir)).as_posix() if path in self.site.pages else None
            files.append(generated)
        if not self.serving:
            # A one-off build needs the briefing's data no more (the pages now live in the files):
            # freeing it before MkDocs renders every page lowers the build's peak memory.
            self.site = self.last_good = None
        return files

    def on_pre_page(self, page, config, files):
        """Date every page by the latest source, not the clock, so rebuilds are byte-identical."""
        if self.page_date:
            page.update_date = self.page_date
        return page

    def on_post_page(self, output: str, page, config) -> str:
        """Remove the theme's few invalid attributes (see html_fixes); with Pagefind, mark the page for it."""
        output = fix_theme_html(output)
        if self.config.search == "pagefind":
            output = pagefind_search.mark_page(output, page.url, search_page=pagefind_search.is_search_page(page.file.src_uri),
                                               search_url=pagefind_search.search_page_url(config.use_directory_urls))
        return output

    def on_post_build(self, config) -> None:
        """With Pagefind, index the finished site; an indexer failure fails the build."""
        gc.unfreeze()
        if self.config.search == "pagefind":
            try:
                log.info(pagefind_search.build_index(Path(config.site_dir), directory_urls=config.use_directory_urls))
            except RuntimeError as exc:
                raise PluginError(str(exc)) from None

    def on_build_error(self, error: Exception) -> None:
        """Give frozen objects back to the collector, so a failed rebuild while serving leaks nothing."""
        gc.unfreeze()

    def on_serve(self, server, config, builder):
        """Rebuild when editors change the YAML or the seeds."""
        server.watch(str(self._folder(self.config.briefings)))
        server.watch(str(self._folder(self.config.seeds)))
        return server
