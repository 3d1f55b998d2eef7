"""Source pages (the article text, one anchor per paragraph) and the sources index."""

from __future__ import annotations

from collections import Counter

from ...routes import SOURCES_INDEX, paragraph_anchor, relative, source_page, topic_page
from ..context import RenderContext
from ..markdown import md_inline, md_link, md_text, page_heading, page_text, plural
from ...model import Source, SourceParagraph
from ..labels import paragraph_number, said_label
from ..links import extract_link
from ..references import curated_inline
from ..jsonld import news_article


def cited_spans(ctx: RenderContext, paragraph: SourceParagraph) -> list[tuple[int, int]]:
    """Character ranges of the paragraph that extracts quote, overlapping ranges merged."""
    spans = sorted((ctx.citations[e.id].start, ctx.citations[e.id].end)
                   for e in ctx.paragraph_extracts.get((paragraph.source, paragraph.line), []))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def paragraph_markdown(ctx: RenderContext, paragraph: SourceParagraph) -> str:
    """Paragraph text with the quoted parts marked."""
    text, out, cursor = paragraph.text, [], 0
    for start, end in cited_spans(ctx, paragraph):
        out.append(md_inline(text[cursor:start]))
        out.append("<mark>" + md_inline(text[start:end]) + "</mark>")
        cursor = end
    out.append(md_inline(text[cursor:]))
    return "".join(out)


def render_source(ctx: RenderContext, source: Source) -> str:
    """Metadata, the topics it feeds, the article text with anchors, and what was left out."""
    page = source_page(source.id)
    article = ctx.articles.get(source.id)
    lines = page_heading(source.headline)
    if source.headline_by == "curator":
        lines += ["*The article has no headline; this title is the curator’s.*", "{: .curator-note }", ""]
    lines += _metadata(ctx, source, page)
    lines += ["## Article text {#article-text}", "",
              "Paragraphs are numbered as the site cites them (¶ 1, ¶ 2, …). Passages quoted on the site are highlighted.",
              "{: .page-intro }", ""]
    for paragraph in (article.body() if article else []):
        lines += _paragraph(ctx, paragraph, page)
    skipped = [p for p in (article.paragraphs if article else []) if p.kind == "skipped"]
    if skipped:
        lines += ["## Left out of the article text {#left-out}", "",
                  "These parts of the saved page are page furniture, not article text:", ""]
        for item in source.skipped:
            texts = [p.text for p in skipped if item.first <= p.line <= item.last]
            first = " ".join(texts[0].split()[:8]) + ("…" if len(texts[0].split()) > 8 else "") if texts else ""
            more = f" and {plural(len(texts) - 1, 'more line')}" if len(texts) > 1 else ""
            lines.append(f"- “{md_inline(first)}”{more}: {curated_inline(ctx, item.reason, page, source.id)}")
        lines.append("")
    lines += [news_article(ctx, source), ""]
    return page_text(lines)


def _metadata(ctx: RenderContext, source: Source, page: str) -> list[str]:
    outlet = md_text(source.outlet) + (f" — {curated_inline(ctx, source.outlet_note, page, source.id)}" if source.outlet_note else "")
    if source.agency:
        outlet += f" (credits {md_text(source.agency)})"
    published = md_text(source.published.human()) + (
        f" — {curated_inline(ctx, source.published_note, page, source.id)}" if source.published_note else "")
    original = md_link(source.url, source.url) if source.url else "not known"
    headline = "the article’s own" if source.headline_by == "article" else "written by the curator (the article has none)"
    counts = ctx.source_topics.get(source.id, {})
    feeds = [f"{md_link(t.title, relative(page, topic_page(t.id)))} ({counts[t.id]})" for t in ctx.topics if t.id in counts]
    coverage = ctx.coverage.get(source.id)
    cover = "no article text"
    if coverage and coverage.total:
        cover = (f"{len(coverage.cited)} of {plural(coverage.total, 'paragraph')} of article text cited by extracts "
                 f"({coverage.percent()}%)")
        if coverage.uncited:
            cover += "; not yet cited: " + ", ".join(
                f"[¶ {paragraph_number(ctx, source.id, n)}](#{paragraph_anchor(n)})" for n in coverage.uncited)
    if coverage and coverage.skipped_lines:
        cover += f"; {plural(coverage.skipped_lines, 'line')} left out as page furniture ([see why](#left-out))"
    return [
        f"- **Outlet:** {outlet}",
        f"- **Published:** {published}",
        f"- **Language:** {md_text(source.language)}",
        f"- **Original address:** {original}",
        f"- **Headline:** {headline}",
        f"- **Feeds topics:** {', '.join(feeds) if feeds else 'none yet'}",
        f"- **Coverage:** {cover}",
        "",
    ]


def _paragraph(ctx: RenderContext, paragraph: SourceParagraph, page: str) -> list[str]:
    citing = ctx.paragraph_extracts.get((paragraph.source, paragraph.line), ())
    return ctx.reused(("paragraph", paragraph.source, paragraph.line), citing,
                      lambda: _paragraph_lines(ctx, paragraph, page, citing), (paragraph, page))


def _paragraph_lines(ctx: RenderContext, paragraph: SourceParagraph, page: str, citing) -> list[str]:
    anchor = paragraph_anchor(paragraph.line)
    count = paragraph_number(ctx, paragraph.source, paragraph.line)
    label = f"¶ {count}" if count else "§"  # headings are not counted as paragraphs
    title = f"Paragraph {count}" if count else "Subheading"
    number = f'<a class="line-number" href="#{anchor}" title="{title}: link to here">{label}</a>'
    css = "paragraph subheading" if paragraph.kind == "subheading" else "paragraph"
    # The line number opens the line, so the paragraph text never starts a Markdown block.
    lines = [f'<div class="{css}" id="{anchor}" markdown>', "", f"{number} {paragraph_markdown(ctx, paragraph)}", ""]
    if citing:
        links = [extract_link(ctx, e, page, f"{_who(ctx, e)}, {said_label(ctx, e)}") for e in citing]
        lines += ["Quoted on the site: " + "; ".join(links), "{: .cited-by }", ""]
    elif paragraph.kind == "text":
        lines += ["Not cited by any extract yet.", "{: .cited-by .uncited }", ""]
    lines += ["</div>", ""]
    return lines


def _who(ctx: RenderContext, extract) -> str:
    return ctx.dataset.entities[extract.speaker].name if extract.speaker else "article text"


def render_sources_index(ctx: RenderContext) -> str:
    """A table of all sources, newest first."""
    page = SOURCES_INDEX
    sources = sorted(ctx.dataset.sources.values(), key=lambda s: (s.published, s.id), reverse=True)
    lines = ["# Sources", "", f"{len(sources)} articles. Each source page shows the full article text, paragraph by paragraph.", "",
             "| Published | Headline | Outlet | Extracts |", "| --- | --- | --- | --- |"]
    counts = Counter(e.source for e in ctx.dataset.extracts.values())
    for source in sources:
        count = counts[source.id]
        headline = md_link(source.headline, relative(page, source_page(source.id)))
        marker = " (curator’s title)" if source.headline_by == "curator" else ""
        lines.append(f"| {md_text(source.published.iso())} | {headline}{marker} | {md_text(source.outlet)} | {count} |")
    return "\n".join(lines) + "\n"
