"""The whole one-way pipeline: load -> validate -> verify -> link -> render."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .analysis.build import analyse
from .errors import Problem, ProblemList
from .link import LinkedBriefing, link
from .load import load_records
from .provenance import verify_quotes
from .render.parallel import in_two_processes, render_jobs
from .render.site import page_jobs, page_origins, sorted_pages
from .rules import editorial_notes, editorial_warnings
from .seeds import read_articles
from .validate import build_dataset


@dataclass(frozen=True)
class GeneratedSite:
    """The generator's output: pages by path, and the linked data they came from."""

    pages: dict[str, str]
    linked: LinkedBriefing
    origins: dict[str, str]

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
        linked.warnings, linked.notes = editorial_checks(linked)
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


def analyse_briefing(linked: LinkedBriefing) -> None:
    """Attach the analysis (timeline, figures, claims, discrepancies), once."""
    if linked.analysis is None:
        linked.analysis = analyse(linked)


def editorial_checks(linked: LinkedBriefing) -> tuple[list[Problem], list[Problem]]:
    """Warnings and notes for the editors; they change no page."""
    return editorial_warnings(linked), editorial_notes(linked)


def analyse_and_render(linked: LinkedBriefing) -> dict[str, str]:
    """Analyse, check and render a linked briefing: every page by path, sorted.

    On large briefings a forked child analyses its own copy of the data, renders the source,
    timeline and analysis pages and runs the editorial checks, while this process analyses and
    renders the topic and entity pages; the analysis, which both halves need, then costs wall time once.
    """
    together, others = page_jobs(linked)

    def here() -> dict[str, str]:
        analyse_briefing(linked)
        return render_jobs(together)

    def there() -> tuple[dict[str, str], tuple[list[Problem], list[Problem]]]:
        analyse_briefing(linked)
        return render_jobs(others), editorial_checks(linked)

    pages, (more, (linked.warnings, linked.notes)) = in_two_processes(here, there, len(together) + len(others))
    pages.update(more)
    return sorted_pages(linked, pages)


def generate_site(briefings_dir: Path, seeds_dir: Path, root: Path | None = None, directory_urls: bool = True) -> GeneratedSite:
    """Run the whole pipeline and return the pages (URL style as the site will serve them)."""
    with collector_paused():
        linked = linked_briefing(briefings_dir, seeds_dir, root)
        linked.directory_urls = directory_urls
        return GeneratedSite(analyse_and_render(linked), linked, page_origins(linked))
