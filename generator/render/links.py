"""Links to entities and extracts, labelled with names: where a page sends readers for one thing."""

from __future__ import annotations

from ..model import Extract
from ..routes import entity_page, extract_anchor, relative
from .context import RenderContext
from .markdown import md_link


def entity_link(ctx: RenderContext, entity_id: str, page: str, label: str | None = None) -> str:
    """Link to an entity page, labelled with its canonical name."""
    entity = ctx.dataset.entities[entity_id]
    return md_link(label or entity.name, relative(page, entity_page(entity_id)))


def extract_link(ctx: RenderContext, extract: Extract, page: str, label: str) -> str:
    """Link to an extract where it is shown: on this page if it is there, else its first topic page."""
    shown_here = page.startswith("topics/") and any(ctx.page_on_topic(extract, t) == page for t in extract.topics)
    target = page if shown_here else ctx.home_page(extract)
    href = ("" if target == page else relative(page, target)) + "#" + extract_anchor(extract.id)
    return md_link(label, href)
