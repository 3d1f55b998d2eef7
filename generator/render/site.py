"""Render stage: every generated page, as a mapping from page path to Markdown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..link import LinkedBriefing, entity_page, source_page
from .claims_page import render_corroboration, render_who_said_what
from .discrepancies_page import render_discrepancies
from .entities import render_entities_index, render_entity
from .figures_page import render_figures
from .map_page import render_map
from .home import render_home
from .sources import render_source, render_sources_index
from .timeline import render_timeline
from .topics import render_topic, render_topics_index

PageJob = tuple[str, Callable[[], str]]  # page path, and what renders it


@dataclass(frozen=True)
class PageJobs:
    """What renders each page, in three groups that need different things."""

    extract_pages: list[PageJob]  # topics and entities: they share extract blocks and need the analysis
    source_pages: list[PageJob]  # need no analysis at all
    other_pages: list[PageJob]  # home, indexes, timeline and the analysis pages

    def count(self) -> int:
        """How many pages there are."""
        return len(self.extract_pages) + len(self.source_pages) + len(self.other_pages)


def page_jobs(linked: LinkedBriefing) -> PageJobs:
    """What renders each page."""
    extract_pages: list[PageJob] = [(path, partial(render_topic, linked, t, n))
                                    for t in linked.topics for n, path in enumerate(linked.topic_pages(t.id), start=1)]
    extract_pages += [(entity_page(e.id), partial(render_entity, linked, e)) for e in linked.dataset.entities.values()]
    other_pages: list[PageJob] = [
        ("index.md", lambda: render_home(linked)),
        ("topics/index.md", lambda: render_topics_index(linked)),
        ("sources/index.md", lambda: render_sources_index(linked)),
        ("entities/index.md", lambda: render_entities_index(linked)),
        ("timeline.md", lambda: render_timeline(linked)),
        ("figures.md", lambda: render_figures(linked)),
        ("who-said-what.md", lambda: render_who_said_what(linked)),
        ("corroboration.md", lambda: render_corroboration(linked)),
        ("discrepancies.md", lambda: render_discrepancies(linked)),
        ("map.md", lambda: render_map(linked)),
    ]
    source_pages = [(source_page(s.id), partial(render_source, linked, s)) for s in linked.dataset.sources.values()]
    return PageJobs(extract_pages, source_pages, other_pages)


def output_file(path: str, directory_urls: bool) -> str:
    """The file a docs path becomes in the built site, by MkDocs' rules (`x.md` -> `x.html` or `x/index.html`)."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    folder, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        return f"{folder}/index.html" if folder else "index.html"
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def page_paths(linked: LinkedBriefing) -> list[str]:
    """Every generated page's path, without rendering any."""
    jobs = page_jobs(linked)
    return sorted(path for path, _ in jobs.extract_pages + jobs.source_pages + jobs.other_pages)


def hand_written_clashes(page_paths, docs_dir: Path, directory_urls: bool) -> list[tuple[str, str]]:
    """(docs file, generated page) pairs that would give the same file of the built site.

    MkDocs would silently let one replace the other; the generator owns its paths, so this is an error.
    """
    if not docs_dir.is_dir():
        return []
    written: dict[str, str] = {}
    for file in sorted(docs_dir.rglob("*")):
        relative = file.relative_to(docs_dir).as_posix()
        if file.is_file() and not any(part.startswith(".") for part in relative.split("/")):  # MkDocs skips hidden files
            written.setdefault(output_file(relative, directory_urls), relative)
    clashes = []
    for page in sorted(page_paths):
        docs_file = written.get(output_file(page, directory_urls))
        if docs_file is not None:
            clashes.append((docs_file, page))
    return clashes


def render_jobs(jobs: list[PageJob]) -> dict[str, str]:
    """Pages by path, rendered in order."""
    return {path: render() for path, render in jobs}


def render_site(linked: LinkedBriefing) -> dict[str, str]:
    """All pages of an analysed briefing, in one process, sorted by path."""
    jobs = page_jobs(linked)
    return sorted_pages(linked, render_jobs(jobs.extract_pages + jobs.source_pages + jobs.other_pages))


def sorted_pages(linked: LinkedBriefing, pages: dict[str, str]) -> dict[str, str]:
    """Pages sorted by path, so that output order never depends on input order; drops the render memo."""
    linked.render_memo.clear()  # shared extract blocks are only needed while rendering
    return dict(sorted(pages.items()))


def page_origins(linked: LinkedBriefing) -> dict[str, str]:
    """For each generated page, the editors' YAML file it mostly comes from (for edit links)."""
    data = linked.dataset
    first = lambda items, fallback: next((i.location.path for i in items), fallback)  # noqa: E731
    origins = {
        "index.md": data.briefing.location.path,
        "topics/index.md": first(data.topics.values(), "briefings"),
        "sources/index.md": first(data.sources.values(), "briefings"),
        "entities/index.md": first(data.entities.values(), "briefings"),
        "timeline.md": first(data.events.values(), "briefings"),
        "figures.md": first(data.quantities.values(), "briefings"),
        "who-said-what.md": first(data.claims.values(), "briefings"),
        "corroboration.md": first(data.claims.values(), "briefings"),
        "discrepancies.md": first(data.claims.values(), "briefings"),
        "map.md": first(data.entities.values(), "briefings"),
    }
    origins.update({page: t.location.path for t in data.topics.values() for page in linked.topic_pages(t.id)})
    origins.update({source_page(s.id): s.location.path for s in data.sources.values()})
    origins.update({entity_page(e.id): e.location.path for e in data.entities.values()})
    return dict(sorted(origins.items()))
