"""A preview that keeps up: `mkdocs serve --dirty` rebuilds only the pages an edit changed.

MkDocs' dirty build renders a page only when its file says it is modified; a generated file always
says so. Here a generated page is modified when its Markdown differs from the previous build's (or
it is new). When something every page shows changes (the navigation's titles and order, the
date pages carry), every page is rebuilt. Pages that are not rebuilt still need what a full build
would give them: their titles (read from their Markdown, for the navigation of the pages that are
rebuilt) and their entries in the search index, which is written whole at every build: those are
kept from the build that last rendered each page. Pages that are no longer generated are deleted
from the site. A dirty build so ends with the same files as a clean one.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from pathlib import Path

import jinja2

from ..routes import output_file


def _unchanged() -> bool:
    return False


def _changed() -> bool:
    return True


class Preview:
    """What the previous dirty build produced: page Markdown, what every page shows, search entries."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        self.chrome: tuple | None = None
        self.search: dict[str, list[dict]] = {}  # page URL -> its entries in the search index
        self.order: list[str] = []
        self._indexed = 0
        self.files = None
        self.generated: dict[str, str] = {}

    def start(self) -> None:
        """A build begins: the theme's search index starts empty."""
        self._indexed = 0

    def mark_generated(self, files, pages: dict[str, str]) -> None:
        """Tell MkDocs which generated pages are unchanged since the previous build."""
        self.files, self.generated = files, pages
        for file in files.documentation_pages():
            previous = self.pages.get(file.src_uri)
            if file.src_uri in pages and previous is not None and previous == pages[file.src_uri]:
                file.is_modified = _unchanged

    def check_chrome(self, nav, files, config, page_date) -> None:
        """Read the navigation's titles; when what every page shows has changed, rebuild every page."""
        for page in nav.pages:  # titles come from the Markdown; those rebuilt are read again, which is cheap
            if page.markdown is None:
                page.read_source(config)
        chrome = (tuple((page.title, page.url) for page in nav.pages), page_date)
        if chrome != self.chrome:
            for file in files.documentation_pages():
                file.is_modified = _changed
        self.chrome = chrome

    def page_indexed(self, page, config) -> None:
        """Keep the search entries the theme just made for a page it rendered."""
        plugin = search_plugin_of(config)
        if plugin is None:
            return
        self.search[page.url] = plugin.search_index.entries[self._indexed:]
        self._indexed = len(plugin.search_index.entries)

    def complete(self, config) -> None:
        """End a dirty build: the search index gets the pages not rebuilt; pages no longer generated are deleted."""
        self.restore_search(self.files, search_plugin_of(config))
        self.remove_deleted(self.generated, Path(config.site_dir), config.use_directory_urls)

    def restore_search(self, files, search_plugin) -> None:
        """Give the theme's search index every page's entries, in the order a full build writes them."""
        self._indexed = 0
        if search_plugin is None:
            return
        # Page URLs, as the search plugin files entries under ("" for the home page, whose file URL is "./").
        urls = [file.page.url for file in files.documentation_pages() if file.page is not None]
        self.search = {url: self.search[url] for url in urls if url in self.search}
        search_plugin.search_index.entries = [entry for url in urls for entry in self.search.get(url, ())]
        search_plugin.search_index_prev = None  # the theme's own merge would append, out of order

    def remove_deleted(self, pages: dict[str, str], site_dir: Path, directory_urls: bool) -> None:
        """Delete the site files of pages the briefing no longer generates; remember this build's pages."""
        for path in sorted(set(self.pages) - set(pages)):
            target = site_dir / output_file(path, directory_urls)
            if target.is_file():
                target.unlink()
                if directory_urls and not any(target.parent.iterdir()):
                    os.rmdir(target.parent)
        self.pages = dict(pages)


class IdleCollector:
    """While serving, Python's cycle collector runs between edits, not during rebuilds.

    A preview process holds what the last rebuild made and what the next can reuse: over a million
    objects at 1,000 sources. Each full pass of the collector walks all of them (about half a
    second), and a rebuild triggered one or more. After each build, once the server has had
    time to send the new pages, the collector runs once and then freezes what is alive
    (`gc.freeze`), so that the passes during the next rebuild walk only that rebuild's objects.
    Nothing is lost: whatever the frozen objects leave behind is collected at the next idle pass.
    """

    DELAY = 1.0  # seconds after a build: browsers reload first

    def __init__(self) -> None:
        self.timer: threading.Timer | None = None

    def after_build(self) -> None:
        """Schedule one collection for when the server is idle again (a later build reschedules it)."""
        if self.timer is not None:
            self.timer.cancel()
        self.timer = threading.Timer(self.DELAY, self.collect)
        self.timer.daemon = True
        self.timer.start()

    @staticmethod
    def collect() -> None:
        """Collect everything unreachable, then leave what is alive out of the collector's future passes."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates kept across the rebuilds of one `mkdocs serve`: MkDocs makes a new Jinja
    environment per build, and compiling the theme's templates again took a third of a one-page rebuild.
    Jinja keys each entry by the template's source checksum, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def search_plugin_of(config):
    """The theme's search plugin, when the site uses one that keeps an index of entries."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            return plugin
    return None


class _DirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build leaves navigation and links inaccurate; with this preview it does not,
    and under `strict: true` the warning would abort every preview build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


DIRTY_WARNING = _DirtyWarning()


def silence_dirty_warning() -> None:
    """Drop MkDocs' warning about dirty builds (once per process)."""
    logger = logging.getLogger("mkdocs.commands.build")
    if DIRTY_WARNING not in logger.filters:
        logger.addFilter(DIRTY_WARNING)
