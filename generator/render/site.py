"""Every generated page, as a mapping from page path to Markdown, in a stable order."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..routes import (ATOM_FEED, CORROBORATION, CSV_TABLES, JSON_FEED, ENTITIES_INDEX, FIGURES, HOME, MAP, SOURCES_INDEX, TIMELINE,
                      TOPICS_INDEX, WHATS_NEW, WHO_SAID_WHAT, entity_page, search_boost, source_page)
from .context import RenderContext
from .pages.claims import render_corroboration, render_who_said_what
from .pages.discrepancies import render_discrepancies
from .pages.entities import render_entities_index
from .pages.figures import render_figures
from .pages.home import render_home
from .pages.map import render_map
from .pages.sources import render_sources_index
from .feeds import atom_feed, json_feed
from .pages.timeline import render_timeline
from .pages.whats_new import render_whats_new
from .tables import events_csv, extracts_csv, figures_csv
from .pages.topics import render_topics_index
from .reused_pages import reused_entity_page, reused_source_page, reused_topic_pages

PageRenderer = tuple[str, Callable[[], str]]  # page path, and what renders it


def page_renderers(ctx: RenderContext) -> list[PageRenderer]:
    """Every page's path and what renders it; topic and entity pages first, as they share extract blocks."""
    pages: list[PageRenderer] = [(path, render) for t in ctx.topics for path, render in reused_topic_pages(ctx, t)]
    pages += [(entity_page(e.id), partial(reused_entity_page, ctx, e)) for e in ctx.dataset.entities.values()]
    pages += [(source_page(s.id), partial(reused_source_page, ctx, s)) for s in ctx.dataset.sources.values()]
    pages += [
        (HOME, partial(render_home, ctx)),
        (TOPICS_INDEX, partial(render_topics_index, ctx)),
        (SOURCES_INDEX, partial(render_sources_index, ctx)),
        (ENTITIES_INDEX, partial(render_entities_index, ctx)),
        (TIMELINE, partial(render_timeline, ctx)),
        (FIGURES, partial(render_figures, ctx)),
        (WHO_SAID_WHAT, partial(render_who_said_what, ctx)),
        (CORROBORATION, partial(render_corroboration, ctx)),
        *((path, partial(render_discrepancies, ctx, n)) for n, path in enumerate(ctx.discrepancy_pages(), start=1)),
        (MAP, partial(render_map, ctx)),
        (WHATS_NEW, partial(render_whats_new, ctx)),
    ]
    return pages


def page_paths(ctx: RenderContext) -> list[str]:
    """Every generated page's path, without rendering any."""
    return sorted(path for path, _ in page_renderers(ctx))


def with_search_boost(path: str, text: str) -> str:
    """The page with its search weight in its front matter (Material reads `search: {boost: ...}`)."""
    boost = search_boost(path)
    if boost is None:
        return text
    line = f"search: {{boost: {boost}}}"
    if text.startswith("---\n"):
        return "---\n" + line + "\n" + text[4:]
    return f"---\n{line}\n---\n\n{text}"


def render_site(ctx: RenderContext) -> dict[str, str]:
    """All pages, sorted by path so that output order never depends on input order."""
    pages = {path: with_search_boost(path, render()) for path, render in page_renderers(ctx)}
    ctx.memo.clear()  # shared extract blocks are only needed while rendering
    return dict(sorted(pages.items()))


def render_files(ctx: RenderContext) -> dict[str, str]:
    """The files published beside the pages: the feeds of updates and the data as CSV, by path."""
    extracts, figures, events = CSV_TABLES
    return {ATOM_FEED: atom_feed(ctx), JSON_FEED: json_feed(ctx),
            extracts: extracts_csv(ctx), figures: figures_csv(ctx), events: events_csv(ctx)}
