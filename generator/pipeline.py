"""The whole one-way pipeline: load -> validate -> verify -> link -> render."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from .analysis.build import analyse
from .analysis.discrepancies import WordPairs, repeated_word_pairs
from .errors import ProblemList
from .link import LinkedBriefing, link
from .load import load_records
from .provenance import verify_quotes
from .parallel import Helper, TwoEnded
from .render.site import PageJob, PageJobs, page_jobs, page_origins, render_jobs, sorted_pages
from .rules import editorial_notes, editorial_warnings
from .seeds import read_articles
from .validate import build_dataset


@dataclass(frozen=True)
class GeneratedSite:
    """The generator's output: pages by path, and the linked data they came from."""

    pages: dict[str, str]
    linked: LinkedBriefing
    origins: dict[str, str]

    def __repr__(self) -> str:
        return f"<GeneratedSite: {len(self.pages)} pages from {self.linked!r}>"

    def summary(self) -> str:
        """One line for logs."""
        data = self.linked.dataset
        return (f"briefing: {len(data.sources)} sources, {len(data.extracts)} extracts "
                f"({len(self.linked.citations)} quotes verified in their seeds), {len(self.pages)} pages, "
                f"{len(self.linked.warnings)} warnings")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the pipeline builds its data.

    The pipeline allocates hundreds of thousands of small, acyclic objects; the collector would
    walk all of them again and again (a quarter of the generator's time for 1,000 sources).
    Reference counting still frees everything; cycles wait for the next collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_briefing(briefings_dir: Path, seeds_dir: Path, root: Path | None = None) -> LinkedBriefing:
    """Load, validate, verify, link and analyse; raise BriefingError listing every problem."""
    with collector_paused():
        linked = linked_briefing(briefings_dir, seeds_dir, root)
        analyse_briefing(linked)
        linked.warnings, linked.notes = editorial_warnings(linked), editorial_notes(linked)
        return linked


def linked_briefing(briefings_dir: Path, seeds_dir: Path, root: Path | None = None) -> LinkedBriefing:
    """Load, validate, verify and link (no analysis yet); raise BriefingError listing every problem."""
    problems = ProblemList()
    records = load_records(briefings_dir, root or briefings_dir.parent, problems)
    dataset = build_dataset(records, problems)
    articles = read_articles(dataset, seeds_dir, problems)
    citations = verify_quotes(dataset, articles, problems)
    problems.raise_if_any()
    return link(dataset, articles, citations)


def analyse_briefing(linked: LinkedBriefing, word_pairs: Callable[[], WordPairs] | None = None) -> None:
    """Attach the analysis (timeline, figures, claims, discrepancies), once."""
    if linked.analysis is None:
        linked.analysis = analyse(linked, word_pairs)


def analyse_and_render(linked: LinkedBriefing) -> dict[str, str]:
    """Analyse, check and render a linked briefing: every page by path, sorted.

    On large briefings a forked child shares the work (see `parallel`). It first finds the extracts
    that repeat each other's words, the costliest analysis, and hands them over; then it analyses
    its own copy of the data and renders the home, index, timeline and analysis pages. Meanwhile
    this process runs the editorial checks and the rest of the analysis, and renders the topic and
    entity pages. Source pages need no analysis: both processes take them, from opposite ends,
    whenever they have nothing else to do.
    """
    jobs = page_jobs(linked)
    word_pairs = cache(partial(repeated_word_pairs, linked))  # once per process
    with Helper(jobs.count()) as helper:
        sources = helper.two_ended(len(jobs.source_pages))
        pairs, child_pages = helper.start(word_pairs, partial(_child_share, linked, jobs, word_pairs, sources))
        pages: dict[str, str] = {}

        def pairs_once_ready() -> WordPairs:
            _render_taken(jobs.source_pages, sources.front, pages, while_=pairs.running)
            return pairs.result()

        linked.warnings = editorial_warnings(linked)  # they need no analysis
        analyse_briefing(linked, pairs_once_ready)  # asks for the pairs last
        pages.update(render_jobs(jobs.extract_pages))
        linked.notes = editorial_notes(linked)
        _render_taken(jobs.source_pages, sources.front, pages)
        pages.update(child_pages.result())
    for path, render in jobs.source_pages:  # any the child took but did not send (it died)
        if path not in pages:
            pages[path] = render()
    return sorted_pages(linked, pages)


def _child_share(linked: LinkedBriefing, jobs: PageJobs, word_pairs: Callable[[], WordPairs], sources: TwoEnded) -> dict[str, str]:
    analyse_briefing(linked, word_pairs)
    pages = render_jobs(jobs.other_pages)
    _render_taken(jobs.source_pages, sources.back, pages)
    return pages


def _render_taken(jobs: list[PageJob], take: Callable[[], int | None], pages: dict[str, str],
                  while_: Callable[[], bool] = lambda: True) -> None:
    # Page by page, each taken from one end of the shared list, until none are left or `while_` says stop.
    while while_() and (index := take()) is not None:
        path, render = jobs[index]
        pages[path] = render()


def generate_site(briefings_dir: Path, seeds_dir: Path, root: Path | None = None, directory_urls: bool = True) -> GeneratedSite:
    """Run the whole pipeline and return the pages (URL style as the site will serve them)."""
    with collector_paused():
        linked = linked_briefing(briefings_dir, seeds_dir, root)
        linked.directory_urls = directory_urls
        return GeneratedSite(analyse_and_render(linked), linked, page_origins(linked))
