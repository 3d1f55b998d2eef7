"""Render stage: every generated page, as a mapping from page path to Markdown."""

from __future__ import annotations

from functools import partial

from ..link import LinkedBriefing, entity_page, source_page
from .claims_page import render_corroboration, render_who_said_what
from .discrepancies_page import render_discrepancies
from .entities import render_entities_index, render_entity
from .figures_page import render_figures
from .map_page import render_map
from .parallel import PageJob, render_jobs
from .home import render_home
from .sources import render_source, render_sources_index
from .timeline import render_timeline
from .topics import render_topic, render_topics_index


def page_jobs(linked: LinkedBriefing) -> tuple[list[PageJob], list[PageJob]]:
    """What renders each page: the topic and entity pages, and all the others."""
    # Topic pages render the extract blocks that entity pages reuse, so those two stay together;
    # on large briefings the other pages are rendered by a second process meanwhile.
    together: list[PageJob] = [(path, partial(render_topic, linked, t, n))
                               for t in linked.topics for n, path in enumerate(linked.topic_pages(t.id), start=1)]
    together += [(entity_page(e.id), partial(render_entity, linked, e)) for e in linked.dataset.entities.values()]
    others: list[PageJob] = [
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
    others += [(source_page(s.id), partial(render_source, linked, s)) for s in linked.dataset.sources.values()]
    return together, others


def render_site(linked: LinkedBriefing) -> dict[str, str]:
    """All pages of an analysed briefing, in one process, sorted by path."""
    together, others = page_jobs(linked)
    return sorted_pages(linked, render_jobs(together + others))


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
