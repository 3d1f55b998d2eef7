"""The whole one-way pipeline: load -> validate -> verify -> link -> analyse and check -> render.

Each stage returns a new frozen value for the next: raw records, the dataset, articles and
citations, the linked briefing, the checked briefing (with its analysis), and the pages.
"""

from __future__ import annotations

import datetime
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .checks.checked import CheckedBriefing, analyse_and_check
from .errors import BriefingError, Location, Problem, ProblemList
from .link.linked import LinkedBriefing, link
from .load.records import load_records
from .render.context import render_context
from .outputs import hand_written_clashes
from .render.site import page_paths, render_files, render_site
from .reuse import Reuse
from .routes import PUBLISHED_FILES, SEARCH, edit_origins
from .settings import ProjectSettings
from .validate.dataset import build_dataset
from .verify.articles import read_articles
from .verify.quotes import verify_quotes


SITEMAP_DATES = (datetime.date(1970, 1, 1), datetime.date(2106, 2, 6))


@dataclass(frozen=True)
class GeneratedSite:
    """The generator's output: pages by path, the checked briefing they came from, and each page's YAML origin."""

    pages: dict[str, str]
    briefing: CheckedBriefing
    origins: dict[str, str]
    directory_urls: bool
    files: dict[str, str] = field(default_factory=dict)  # published beside the pages: feeds, CSV tables

    def __repr__(self) -> str:
        return f"<GeneratedSite: {len(self.pages)} pages from {self.briefing.linked!r}>"

    @property
    def page_date(self) -> str:
        """The latest source's publication date: every page's date, so that rebuilds never depend on the clock.

        MkDocs writes it into the sitemap as a 32-bit timestamp, so it is kept within 1970-01-01 to
        2106-02-06: a briefing of 1950's articles is dated 1 January 1970 there.
        """
        sources = self.briefing.linked.dataset.sources.values()
        if not sources:
            return ""
        latest = max(s.published for s in sources).last_day()
        return min(max(latest, SITEMAP_DATES[0]), SITEMAP_DATES[1]).isoformat()

    def summary(self) -> str:
        """One line for logs."""
        linked = self.briefing.linked
        return (f"briefing: {len(linked.dataset.sources)} sources, {len(linked.dataset.extracts)} extracts "
                f"({len(linked.citations)} quotes verified in their seeds), {len(self.pages)} pages, "
                f"{len(self.briefing.warnings)} warnings")


@contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """Pause Python's cycle collector while the pipeline builds its data.

    The pipeline allocates hundreds of thousands of small, acyclic objects; the collector would
    walk all of them again and again. Reference counting still frees everything; cycles wait for
    the next collection. `freeze`: a preview process keeps what it built for its next rebuild, so
    the collector's first pass afterwards would walk it all for nothing; it is frozen instead
    (`gc.freeze`), to be collected when the server is idle (mkdocs/preview.py, IdleCollector).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def linked_briefing(briefings_dir: Path, seeds_dir: Path, root: Path | None = None, reuse: Reuse | None = None) -> LinkedBriefing:
    """Load, validate, verify and link; raise BriefingError listing every problem."""
    problems = ProblemList()
    loaded = load_records(briefings_dir, root or briefings_dir.parent, problems, reuse)
    dataset = build_dataset(loaded, problems, reuse)
    articles = read_articles(dataset, seeds_dir, problems, reuse)
    citations = verify_quotes(dataset, articles, problems, reuse)
    problems.raise_if_any()
    return link(dataset, articles, citations)


def check_briefing(briefings_dir: Path, seeds_dir: Path, root: Path | None = None) -> CheckedBriefing:
    """Everything but rendering: the checked briefing, or BriefingError listing every problem."""
    with collector_paused():
        return analyse_and_check(linked_briefing(briefings_dir, seeds_dir, root))


def check_project(settings: ProjectSettings) -> CheckedBriefing:
    """`check_briefing` for a project, which also refuses hand-written files the generated pages would replace."""
    briefing = check_briefing(settings.briefings_dir, settings.seeds_dir, settings.root)
    paths = page_paths(render_context(briefing, settings.directory_urls)) + list(PUBLISHED_FILES)
    paths += [SEARCH] if settings.search == "pagefind" else []
    clashes = hand_written_clashes(paths, settings.docs_dir, settings.directory_urls)
    if clashes:
        docs = settings.docs_dir.relative_to(settings.root).as_posix() if settings.docs_dir.is_relative_to(settings.root) else str(settings.docs_dir)
        raise BriefingError([Problem(Location(f"{docs}/{page}"), f"this hand-written file and the generated page {generated} would both "
                                     "be built as the same file of the site, and one would silently replace the other",
                                     "Rename or remove the hand-written file; the generator owns that path.")
                             for page, generated in clashes])
    return briefing


def generate_site(briefings_dir: Path, seeds_dir: Path, root: Path | None = None, directory_urls: bool = True,
                  site_url: str = "", reuse: Reuse | None = None) -> GeneratedSite:
    """Run the whole pipeline and return the pages (URL style and address as the site will serve them).

    `reuse`: what the previous run of this process computed, for a preview's rebuilds (see reuse.py);
    the pages are the same with it as without.
    """
    succeeded = False
    try:
        with collector_paused(freeze=reuse is not None and reuse.frozen_between_builds):
            briefing = analyse_and_check(linked_briefing(briefings_dir, seeds_dir, root, reuse), reuse)
            context = render_context(briefing, directory_urls, site_url, reuse)
            pages = render_site(context)
            origins = edit_origins(briefing.linked.dataset, {t.id: context.topic_pages(t.id) for t in briefing.linked.topics},
                                   context.discrepancy_pages())
            site = GeneratedSite(pages, briefing, origins, directory_urls, render_files(context))
            succeeded = True
            return site
    finally:
        if reuse is not None:
            reuse.finish(succeeded)
