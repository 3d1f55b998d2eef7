"""Entity pages (everything said by and about one entity) and the entities index."""

from __future__ import annotations

from ...routes import ENTITIES_INDEX, entity_page, relative
from ..context import RenderContext
from ..markdown import md_inline, md_link, md_text, page_heading, page_text, plural
from ...model import Entity, Extract
from ...vocab import ENTITY_KIND_TITLES, ENTITY_KINDS
from ..blocks import extract_block
from ..references import curated_inline


def _by_topic(ctx: RenderContext, extracts: list[Extract], page: str, prefix: str) -> list[str]:
    # Each extract once, under the first of its topics in page order; its other topics are in its details.
    lines: list[str] = []
    by_topic: dict[str, list[Extract]] = {}
    for extract in extracts:
        by_topic.setdefault(ctx.home_topic(extract), []).append(extract)
    for topic in ctx.topics:
        group = by_topic.get(topic.id)
        if not group:
            continue
        lines += [f"### {md_text(topic.title)} {{#{prefix}-{topic.id}}}", ""]
        for extract in group:
            lines += extract_block(ctx, extract, page, anchored=False)
    return lines


def render_entity(ctx: RenderContext, entity: Entity) -> str:
    """Description, aliases, then statements by the entity and mentions of it, grouped by topic."""
    page = entity_page(entity.id)
    said = ctx.said_by.get(entity.id, [])
    mentioned = ctx.mentioned_in.get(entity.id, [])
    lines = page_heading(entity.name)
    facts = [f"- **Kind:** {md_text(entity.kind)}"]
    if entity.role:
        facts.append(f"- **Role at the time:** {curated_inline(ctx, entity.role, page)}")
    if entity.aliases:
        facts.append("- **Also written:** " + ", ".join(md_text(a) for a in entity.aliases))
    facts.append(f"- **Description** (curator’s wording)**:** {curated_inline(ctx, entity.description, page)}")
    if entity.coordinates:
        lat, lon = entity.coordinates
        what = "Region, approximate centre" if entity.extent == "region" else "Coordinates"
        facts.append(f"- **{what}:** {lat:.4f}, {lon:.4f}")
    facts.append(f"- **In this briefing:** {plural(len(said), 'statement')} by {md_inline(entity.name)}; "
                 f"mentioned in {plural(len(mentioned), 'other extract')}")
    lines += facts + [""]
    if said or entity.kind != "place":  # places do not speak: an empty "Said by" would only push the mentions down
        lines += [f"## Said by {md_text(entity.name)} {{#said}}", ""]
        lines += _by_topic(ctx, said, page, "said") or ["No statements attributed to this entity.", ""]
    lines += ["## Mentioned in {#mentioned}", ""]
    lines += _by_topic(ctx, mentioned, page, "mentioned") or ["Not mentioned in other extracts.", ""]
    return page_text(lines)


def render_entities_index(ctx: RenderContext) -> str:
    """All entities grouped by kind, with aliases so that search finds any spelling."""
    page = ENTITIES_INDEX
    lines = ["# People, organisations and places", "",
             "Every person, organisation, country and place the articles name, with every spelling they use.", ""]
    for kind in ENTITY_KINDS:
        members = sorted((e for e in ctx.dataset.entities.values() if e.kind == kind), key=lambda e: (e.name.casefold(), e.id))
        if not members:
            continue
        lines += [f"## {ENTITY_KIND_TITLES[kind]} {{#{kind}}}", ""]
        for entity in members:
            aliases = f" (also: {', '.join(md_inline(a) for a in entity.aliases)})" if entity.aliases else ""
            count = len(ctx.said_by.get(entity.id, [])) + len(ctx.mentioned_in.get(entity.id, []))
            lines.append(f"- {md_link(entity.name, relative(page, entity_page(entity.id)))}{aliases} — "
                         f"{curated_inline(ctx, entity.description, page)} ({plural(count, 'extract')})")
        lines.append("")
    return page_text(lines)
