"""Pieces shared by every page: labels, attribution lines and the extract block."""

from __future__ import annotations

from urllib.parse import quote as quote_url

from ..model import Extract, Figure, Source, SummaryPoint
from ..routes import (DISCREPANCIES, FIGURES, TIMELINE, WHO_SAID_WHAT, entity_page, extract_anchor, figure_anchor,
                      paragraph_link, relative, topic_page)
from .context import RenderContext
from ..vocab import WORDS
from .markdown import md_inline, md_link, md_text
from .labels import source_label, speaker_label

CURATOR_LABEL = "Curator’s wording"


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


def grouped_links(ctx: RenderContext, extracts: list[Extract], page: str) -> str:
    """Links to extracts, one name per speaker, with numbered links when a speaker has several."""
    by_speaker: dict[str, list[Extract]] = {}
    for extract in extracts:
        by_speaker.setdefault(speaker_label(ctx, extract), []).append(extract)
    parts = []
    for name, group in by_speaker.items():
        if len(group) == 1:
            parts.append(extract_link(ctx, group[0], page, name))
        else:
            numbered = ", ".join(extract_link(ctx, e, page, str(i)) for i, e in enumerate(group, start=1))
            parts.append(f"{md_text(name)} ({numbered})")
    return "; ".join(parts)


def evidence_links(ctx: RenderContext, point: SummaryPoint, page: str) -> str:
    """The extracts behind a curator's point, as links."""
    return grouped_links(ctx, [ctx.dataset.extracts[i] for i in point.evidence], page)


def summary_list(ctx: RenderContext, points: tuple[SummaryPoint, ...], page: str) -> list[str]:
    """Curator points, each followed by links to its evidence."""
    return [f"- {md_text(p.text)} <span class=\"evidence\">Evidence: {evidence_links(ctx, p, page)}</span>" for p in points]


def quote_markdown(ctx: RenderContext, extract: Extract, page: str) -> str:
    """The quote as the seed has it, with the first mention of each entity linked."""
    text = ctx.shown_quote(extract)
    parts, cursor, seen = [], 0, set()
    for mention in ctx.quote_mentions.get(extract.id, []):
        if mention.entity in seen:
            continue
        seen.add(mention.entity)
        before = text[cursor:mention.start]
        parts.append(md_text(before) + (" " if before.endswith(" ") else "") if cursor == 0 else md_inline(before))
        parts.append(entity_link(ctx, mention.entity, page, text[mention.start:mention.end]))
        cursor = mention.end
    parts.append(md_text(text) if cursor == 0 else md_inline(text[cursor:]))
    return "".join(parts)


def figure_label(ctx: RenderContext, figure: Figure) -> str:
    """"12,000 soldiers (North Korean troops sent to Russia), target by December 2024, claimed by NIS"."""
    quantity = ctx.dataset.quantities.get(figure.quantity)
    text = f"{figure.text} {quantity.unit} ({quantity.title})" if quantity else figure.text
    text += figure_kind_label(figure)
    if figure.claimed_by:
        text += f", claimed by {ctx.dataset.entities[figure.claimed_by].name}"
    if figure.as_of:
        text += f", as of {figure.as_of.human()}"
    return text


def figure_kind_label(figure: Figure) -> str:
    """What a figure describes, when it is not a plain count: ", estimate", ", target by December 2024", ", total since August 2023"."""
    if figure.kind == "target":
        return ", target or plan" + (f" by {figure.by.human()}" if figure.by else "")
    if figure.kind == "cumulative":
        return ", total" + (f" since {figure.since.human()}" if figure.since else "")
    return ", estimate" if figure.kind == "estimate" else ""


def text_fragment(quote: str, words: int = 4) -> str:
    """A `#:~:text=` fragment that makes browsers scroll to and highlight the quote on the original page."""
    def encode(text: str) -> str:
        return quote_url(text, safe="").replace("-", "%2D")

    parts = quote.split()
    if len(parts) <= 2 * words:
        return "#:~:text=" + encode(" ".join(parts))
    return "#:~:text=" + encode(" ".join(parts[:words])) + "," + encode(" ".join(parts[-words:]))


def attribution(ctx: RenderContext, extract: Extract, page: str) -> str:
    """speaker + stance · source and paragraph (linked) · date said."""
    source = ctx.dataset.sources[extract.source]
    citation = ctx.citations.get(extract.id)
    line = citation.line if citation else 0
    where = md_link(f"{source_label(source)}, paragraph at line {line}", paragraph_link(page, source.id, line))
    if extract.speaker:
        words = WORDS.get(ctx.words.get(extract.id, ""))
        who = (f"**{entity_link(ctx, extract.speaker, page)}** <span class=\"stance\">{md_text(extract.stance)}</span>"
               + (f" <span class=\"words\">({md_text(words)})</span>" if words else ""))
    else:
        who = "**Article text**"
    if source.url:
        where += " (" + md_link("at the original", source.url + text_fragment(ctx.shown_quote(extract))) + ")"
    if not extract.speaker:
        date = f"published {source.published.human()}"
    else:
        when = ctx.said(extract)
        date = when.human() if when.kind == "reported" else f"said {when.human()}"
    return f"— {who} · {where} · {md_text(date)}"


def analysis_links(ctx: RenderContext, extract: Extract, page: str) -> list[str]:
    """Links from an extract to where the analysis pages use it: timeline, figures, claims."""
    analysis = ctx.analysis
    links = []
    for entry in analysis.by_extract_timeline.get(extract.id, []):
        links.append("Timeline: " + md_link(entry.when.human(), relative(page, TIMELINE) + "#" + entry.anchor))
    for group in analysis.by_extract_figures.get(extract.id, []):
        target = relative(page, FIGURES) + "#" + figure_anchor(group.quantity.id, extract.id)
        links.append("Figures: " + md_link(group.quantity.title, target))
    for claim in analysis.by_extract_claims.get(extract.id, []):
        links.append("Claim: " + md_link(claim.text, relative(page, WHO_SAID_WHAT) + "#" + claim.id))
    return links


def extract_block(ctx: RenderContext, extract: Extract, page: str, anchored: bool) -> list[str]:
    """An extract: quote, attribution, dates, topics, mentions and curator note."""
    opening = f'<div class="extract" id="{extract_anchor(extract.id)}" markdown>' if anchored else '<div class="extract" markdown>'
    # Topic and entity pages show the same extracts; the parts that do not depend on the page are
    # rendered once per folder depth, with links that work from any folder at that depth.
    depth = page.count("/")
    key = (extract.id, depth)
    if key not in ctx.memo:
        ctx.memo[key] = _block_parts(ctx, extract, "\0/" * depth + "page.md")
    head, meta, tail = ctx.memo[key]
    if not anchored:
        meta = meta + [extract_link(ctx, extract, page, "Open on its topic page")]
    return [opening, "", *head, " · ".join(meta), "{: .extract-meta }", "", *tail, "</div>", ""]


def _block_parts(ctx: RenderContext, extract: Extract, page: str) -> tuple[list[str], list[str], list[str]]:
    head = ["> " + quote_markdown(ctx, extract, page), "", attribution(ctx, extract, page), "{: .attribution }", ""]
    meta = []
    if extract.event_dates:
        meta.append("Events: " + md_text("; ".join(d.human() for d in extract.event_dates)))
    if extract.dates_note:
        meta.append("How dates were resolved: " + md_text(extract.dates_note))
    for figure in extract.figures:
        meta.append("Figure: " + md_text(figure_label(ctx, figure)))
    topics = [md_link(ctx.dataset.topics[t].title, relative(page, topic_page(t))) for t in extract.topics]
    meta.append("Topics: " + ", ".join(topics))
    if ctx.mentions.get(extract.id):
        meta.append("Mentions: " + ", ".join(entity_link(ctx, e, page) for e in ctx.mentions[extract.id]))
    meta += analysis_links(ctx, extract, page)
    tail = []
    for discrepancy in ctx.analysis.by_extract_discrepancies.get(extract.id, ()):
        target = relative(page, DISCREPANCIES) + "#" + discrepancy.anchor
        tail += [f"⚠ Discrepancy: {md_link(discrepancy.title, target)}", "{: .discrepancy-flag }", ""]
    if extract.note:
        tail += [f"*{CURATOR_LABEL}:* {md_text(extract.note)}", "{: .curator-note }", ""]
    return head, meta, tail
