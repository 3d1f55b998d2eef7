"""Topic, entity and source pages, reused whole in a preview's rebuild when nothing they read changed.

A page is rendered again when an extract it reads changed (its signature: see signatures.py), or
when the global inputs changed, or when what else it reads is different: for a topic, how its
extracts fall into sections and pages and how many sources they come from. Everything else on
these pages is computed from those extracts and the global inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from ..model import Entity, Source, Topic
from .context import RenderContext
from .pages.entities import render_entity
from .pages.sources import render_source
from .pages.topics import render_topic
from .signatures import named_extracts


def reused_topic_pages(ctx: RenderContext, topic: Topic) -> Iterator[tuple[str, Callable[[], str]]]:
    """Each page of a topic, with what renders it (or reuses it)."""
    paths = ctx.topic_pages(topic.id)
    if ctx.reuse is None:
        yield from ((path, partial(render_topic, ctx, topic, n)) for n, path in enumerate(paths, start=1))
        return
    summary = [ctx.dataset.extracts[i] for point in topic.summary for i in point.evidence if i in ctx.dataset.extracts]
    read = list(ctx.topic_extracts.get(topic.id, ())) + summary + named_extracts(ctx, *(p.text for p in topic.summary))
    layout = tuple(tuple((s.anchor, s.title, s.kind, s.subject, tuple(tuple(e.id for e in b.extracts) for b in s.blocks))
                         for s in part) for part in ctx.topic_parts.get(topic.id, ()))
    also = (layout, tuple(e.id for e in read), ctx.topic_sources.get(topic.id, 0))
    changed = ctx.any_changed(read)
    for number, path in enumerate(paths, start=1):
        yield path, partial(ctx.reused, ("page", path), (), partial(render_topic, ctx, topic, number), also, changed)


def reused_entity_page(ctx: RenderContext, entity: Entity) -> str:
    """An entity's page: statements by it and mentions of it."""
    read = (*ctx.said_by.get(entity.id, ()), *ctx.mentioned_in.get(entity.id, ()),
            *named_extracts(ctx, entity.role, entity.description))
    return ctx.reused(("page", "entity", entity.id), read, partial(render_entity, ctx, entity))


def reused_source_page(ctx: RenderContext, source: Source) -> str:
    """A source's page: the article, paragraph by paragraph, with the extracts quoting each."""
    article = ctx.articles.get(source.id)
    paragraphs = article.paragraphs if article else ()
    read = [e for p in paragraphs for e in ctx.paragraph_extracts.get((source.id, p.line), ())]
    read += named_extracts(ctx, source.outlet_note, source.published_note, *(s.reason for s in source.skipped))
    return ctx.reused(("page", "source", source.id), read, partial(render_source, ctx, source))
