"""The "What's new" page: each source's arrival, newest first, with the extracts it added and the conflicts it opened."""

from __future__ import annotations

from itertools import groupby

from ...routes import WHATS_NEW, relative, source_page, update_anchor
from ..context import RenderContext
from ..labels import short_quote, source_label
from ..links import extract_link
from ..markdown import md_link, md_text, page_heading, page_text, plural
from ..updates import SourceUpdate, source_updates

PAGE = WHATS_NEW


def update_lines(ctx: RenderContext, update: SourceUpdate, page: str) -> list[str]:
    """What one source added, as Markdown: topics, each extract in a line, conflicts opened (shared with the feeds)."""
    opened = tuple((d.anchor, d.title, ctx.discrepancy_page(d)) for d in update.opened)
    return ctx.reused(("update", update.source.id, page), update.extracts, lambda: _update_lines(ctx, update, page),
                      (update.source, opened))


def _update_lines(ctx: RenderContext, update: SourceUpdate, page: str) -> list[str]:
    topics = {}
    for extract in update.extracts:
        for topic in extract.topics:
            topics[topic] = topics.get(topic, 0) + 1
    titles = {t.id: t.title for t in ctx.topics}
    lines = [f"Added {plural(len(update.extracts), 'extract')}"
             + (": " + ", ".join(f"{md_text(titles.get(t, t))} ({n})" for t, n in topics.items()) if topics else "") + ".", ""]
    for extract in update.extracts:
        who = ctx.dataset.entities[extract.speaker].name + f" {extract.stance}" if extract.speaker else "The article"
        lines.append(f"- {md_text(who)}: {extract_link(ctx, extract, page, short_quote(ctx, extract))}")
    lines.append("")
    if update.opened:
        lines += [f"Opened {plural(len(update.opened), 'conflict')} between sources: "
                  + " · ".join(md_link(d.title, relative(page, ctx.discrepancy_page(d)) + "#" + d.anchor) for d in update.opened), ""]
    return lines


def render_whats_new(ctx: RenderContext) -> str:
    """Sources by publication date, newest first; the same entries as the Atom and JSON feeds."""
    updates = source_updates(ctx)
    lines = page_heading("What’s new")
    lines += ["Each news report as it entered the briefing, newest first: the extracts the editors took from it and "
              "any conflict between sources it opened. Follow these updates in a feed reader: "
              f"{md_link('Atom feed', 'feed.xml')} or {md_link('JSON Feed', 'feed.json')}.", ""]
    if not updates:
        return page_text(lines + ["No sources yet.", ""])
    for date, group in groupby(updates, key=lambda u: u.source.published):
        lines += [f"## {md_text(date.human())} {{#published-{date.iso()}}}", ""]
        for update in group:
            source = update.source
            lines += [f"### {md_link(source_label(source), relative(PAGE, source_page(source.id)))} {{#{update_anchor(source.id)}}}", ""]
            lines += update_lines(ctx, update, PAGE)
    return page_text(lines)
