"""Render stage: every generated page, as a mapping from page path to Markdown."""

from __future__ import annotations

from ..link import LinkedBriefing, entity_page, source_page, topic_page
from .claims_page import render_corroboration, render_who_said_what
from .discrepancies_page import render_discrepancies
from .entities import render_entities_index, render_entity
from .figures_page import render_figures
from .home import render_home
from .sources import render_source, render_sources_index
from .timeline import render_timeline
from .topics import render_topic, render_topics_index


def render_site(linked: LinkedBriefing) -> dict[str, str]:
    """All pages, sorted by path so that output order never depends on input order."""
    pages = {
        "index.md": render_home(linked),
        "topics/index.md": render_topics_index(linked),
        "sources/index.md": render_sources_index(linked),
        "entities/index.md": render_entities_index(linked),
        "timeline.md": render_timeline(linked),
        "figures.md": render_figures(linked),
        "who-said-what.md": render_who_said_what(linked),
        "corroboration.md": render_corroboration(linked),
        "discrepancies.md": render_discrepancies(linked),
    }
    for topic in linked.topics:
        pages[topic_page(topic.id)] = render_topic(linked, topic)
    for source in linked.dataset.sources.values():
        pages[source_page(source.id)] = render_source(linked, source)
    for entity in linked.dataset.entities.values():
        pages[entity_page(entity.id)] = render_entity(linked, entity)
    return dict(sorted(pages.items()))
