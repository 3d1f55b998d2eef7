"""The extract block, quote first, and the pieces other pages share: attribution line, evidence in words, figure labels.

A block shows the quote, then one attribution line (speaker · stance · outlet · when · ¶), and
folds everything else (citation to copy, how the date was worked out, figures, topics, mentions,
curator note) into a closed <details>. A hidden heading names the block, so that search results
land on the extract and screen readers can jump between extracts.
"""

from __future__ import annotations

import html
from urllib.parse import quote as quote_url

from ..model import Extract, Figure, SummaryPoint
from ..routes import (FIGURES, TIMELINE, WHO_SAID_WHAT, extract_anchor, figure_anchor, page_url,
                      paragraph_anchor, paragraph_link, relative, source_page, topic_page)
from ..vocab import WORDS
from .context import RenderContext
from .labels import (cut_marks, extract_label, extract_paragraph, outlet_label, said_label, source_label,
                     speaker_label)
from .links import entity_link, extract_link
from .markdown import md_inline, md_link, md_text, plural
from .references import curated_inline
from .sections import Block

CURATOR_LABEL = "Curator’s wording"
# Figures carry digits as the article writes them ("12,000"); search also needs them bare ("12000").
SEARCH_ONLY = '<span class="search-only" hidden>{}</span>'


def evidence_phrase(ctx: RenderContext, extracts: list[Extract], page: str) -> str:
    """Evidence in words: "NIS (“North Korea Allegedly…” ¶ 1, ¶ 3 · AFP ¶ 4); White House (CNN ¶ 21)".

    Each link is one extract, labelled by where it comes from: the outlet and the paragraph.
    """
    by_speaker: dict[str, dict[str, list[Extract]]] = {}
    for extract in extracts:
        # The article's own words: its outlet and paragraph say it all ("“North Korea Allegedly…” ¶ 7").
        name = ctx.dataset.entities[extract.speaker].name if extract.speaker else ""
        outlets = by_speaker.setdefault(name, {})
        outlets.setdefault(outlet_label(ctx.dataset.sources[extract.source]), []).append(extract)
    parts = []
    for name, outlets in by_speaker.items():
        places = []
        for outlet, group in outlets.items():
            links = [extract_link(ctx, e, page, f"¶ {extract_paragraph(ctx, e)}") for e in group]
            places.append(f"{md_text(outlet)} {', '.join(links)}")
        parts.append(f"{md_text(name)} ({' · '.join(places)})" if name else " · ".join(places))
    return "; ".join(parts)


def summary_list(ctx: RenderContext, points: tuple[SummaryPoint, ...], page: str) -> list[str]:
    """Curator points, each followed by who its evidence comes from, linked."""
    return [f"- {curated_inline(ctx, p.text, page, line_start=True)} <span class=\"evidence\">Evidence: "
            f"{evidence_phrase(ctx, [ctx.dataset.extracts[i] for i in p.evidence], page)}</span>" for p in points]


def quote_markdown(ctx: RenderContext, extract: Extract) -> str:
    """The quote as the seed has it, as text (no links inside: it must read cleanly), "…" where it is cut mid-sentence."""
    starts_mid, ends_mid = cut_marks(ctx, extract)
    # The quote opens a line of Markdown: md_text keeps "1986." or "- " there from becoming a list.
    text = "…" + md_inline(ctx.shown_quote(extract)) if starts_mid else md_text(ctx.shown_quote(extract))
    return text + ("…" if ends_mid else "")


def _joined_quote(ctx: RenderContext, extracts: tuple[Extract, ...]) -> str:
    """Quotes from one paragraph in order: run together where they touch, "…" where words lie between."""
    out = quote_markdown(ctx, extracts[0])
    for previous, extract in zip(extracts, extracts[1:]):
        gap = _gap(ctx, previous, extract)
        out = out.rstrip("…") + (" " if not gap.strip() else " … ") + quote_markdown(ctx, extract).lstrip("…")
    return out


def _gap(ctx: RenderContext, first: Extract, second: Extract) -> str:
    a, b = ctx.citations.get(first.id), ctx.citations.get(second.id)
    if a is None or b is None:
        return "…"
    return ctx.paragraph_text.get((first.source, a.line), "")[a.end:b.start] if b.start >= a.end else "…"


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


def paragraph_ref(ctx: RenderContext, extract: Extract, page: str) -> str:
    """"¶ 9", linked to the paragraph of the article the extract was cut from."""
    citation = ctx.citations.get(extract.id)
    number = extract_paragraph(ctx, extract)
    target = paragraph_link(page, extract.source, citation.line if citation else 0)
    label = f"¶ {number}" if number else "paragraph"
    return md_link(label, target) + '{ title="The paragraph in the article, with the quote highlighted" }'


def attribution(ctx: RenderContext, extract: Extract, page: str, stance: str = "") -> str:
    """One line: speaker · stance · outlet · when · ¶ N (linked to the paragraph)."""
    source = ctx.dataset.sources[extract.source]
    if extract.speaker:
        words = WORDS.get(ctx.words.get(extract.id, ""))
        who = f"**{entity_link(ctx, extract.speaker, page)}** {md_text(stance or extract.stance)}"
        if words and ctx.words.get(extract.id) != "direct":
            who += f" ({md_text(words)})"
    else:
        who = f"**{md_text(outlet_label(source))}** (article text)"
    where = outlet_label(source) if extract.speaker else ""
    if source.agency and source.agency not in where and source.outlet.casefold() != "unknown":
        where += f" ({source.agency})"
    parts = [who] + ([md_text(where)] if where else []) + [md_text(said_label(ctx, extract)), paragraph_ref(ctx, extract, page)]
    return " · ".join(parts)


def citation_text(ctx: RenderContext, extract: Extract, quote: str) -> str:
    """A citation to copy: quote, speaker, outlet, when, the article and its paragraph, and where on this site."""
    source = ctx.dataset.sources[extract.source]
    who = speaker_label(ctx, extract) if extract.speaker else "article text"
    number = extract_paragraph(ctx, extract)
    said = ctx.said(extract)
    when = said.human() if extract.speaker else f"published {source.published.human()}"
    outlet = "" if source.outlet.casefold() == "unknown" and not source.agency else f"{source_label(source)}, "
    text = (f"“{quote}” — {who}, {when}; {outlet}“{source.headline}”, "
            f"published {source.published.human()}" + (f", paragraph {number}" if number else "") + ".")
    citation = ctx.citations.get(extract.id)
    anchor = "" if citation is None else "#" + paragraph_anchor(citation.line)
    if source.url:
        text += f" {source.url}"
    elif ctx.site_url:
        text += f" {ctx.site_url.rstrip('/')}/{page_url(source_page(extract.source), ctx.directory_urls)}{anchor}"
    return text


def analysis_links(ctx: RenderContext, extract: Extract, page: str) -> list[str]:
    """Links from an extract to where the analysis pages use it: timeline, figures, claims, discrepancies."""
    analysis = ctx.analysis
    links = []
    for entry in analysis.by_extract_timeline.get(extract.id, []):
        links.append("On the timeline: " + md_link(entry.when.human(), relative(page, TIMELINE) + "#" + entry.anchor))
    for group in analysis.by_extract_figures.get(extract.id, []):
        target = relative(page, FIGURES) + "#" + figure_anchor(group.quantity.id, extract.id)
        links.append("Among the figures for " + md_link(group.quantity.title, target))
    for claim in analysis.by_extract_claims.get(extract.id, []):
        links.append("A position on the claim " + md_link(claim.text, relative(page, WHO_SAID_WHAT) + "#" + claim.id))
    return links


def extract_block(ctx: RenderContext, block: Block | Extract, page: str, anchored: bool) -> list[str]:
    """An extract (or a block of neighbouring ones): quote, attribution line, and the rest folded.

    `anchored`: the page where the extract lives (topic pages), with its anchor and in the search
    index; elsewhere (entity pages) a copy that links there.
    """
    block = block if isinstance(block, Block) else Block((block,))
    ids = tuple(e.id for e in block.extracts)
    return ctx.reused(("block", ids, page, anchored), block.extracts, lambda: _block(ctx, block, ids, page, anchored))


def _block(ctx: RenderContext, block: Block, ids: tuple[str, ...], page: str, anchored: bool) -> list[str]:
    # Topic and entity pages show the same extracts; a block's body does not depend on the page, only
    # on its folder depth (links are relative), so it is rendered once per depth.
    key = (ids, page.count("/"))
    if key not in ctx.memo:
        ctx.memo[key] = _block_body(ctx, block, "\0/" * page.count("/") + "page.md")
    body = ctx.memo[key]
    if anchored:
        first = block.first
        opening = ['<div class="extract" markdown>',
                   f'<h3 class="extract-heading" id="{extract_anchor(first.id)}">{html.escape(extract_label(ctx, first))}</h3>']
        opening += [f'<span id="{extract_anchor(e.id)}"></span>' for e in block.extracts[1:]]
        return opening + body + ["</div>", ""]
    link = extract_link(ctx, block.first, page, "Open it on its topic page")
    return ['<div class="extract" data-search-exclude markdown>'] + body + [link, "{: .open-on-topic }", "", "</div>", ""]


def _block_body(ctx: RenderContext, block: Block, page: str) -> list[str]:
    extracts, first = block.extracts, block.first
    numbers = _bare_numbers(extracts)
    # In the quote's paragraph: search shows the paragraph that matches, and that should be the quote.
    hidden = " " + SEARCH_ONLY.format(" ".join(numbers)) if numbers else ""
    stances = " and ".join(dict.fromkeys(e.stance for e in extracts))
    lines = ["", "> " + _joined_quote(ctx, extracts) + hidden, "", attribution(ctx, first, page, stances), "{: .attribution }", ""]
    # By anchor: hashing a discrepancy would hash every extract it holds.
    flagged = {d.anchor: d for e in extracts for d in ctx.analysis.by_extract_discrepancies.get(e.id, ())}
    for discrepancy in flagged.values():
        target = relative(page, ctx.discrepancy_page(discrepancy)) + "#" + discrepancy.anchor
        lines += [f"⚠ Sources disagree: {md_link(discrepancy.title, target)}", "{: .discrepancy-flag }", ""]
    return lines + _details(ctx, block, page)


def _bare_numbers(extracts: tuple[Extract, ...]) -> list[str]:
    """Numbers written with thousands separators, as bare digits: "12,000" -> "12000"."""
    found = []
    for extract in extracts:
        for word in extract.quote.split():
            digits = word.strip(".,;:()“”\"'’‘")
            if "," in digits and digits.replace(",", "").isdigit():
                found.append(digits.replace(",", ""))
    return list(dict.fromkeys(found))


def _details(ctx: RenderContext, block: Block, page: str) -> list[str]:
    """The folded part: citation to copy, then everything the curators recorded about the extract."""
    extracts = block.extracts
    quote = " … ".join(ctx.shown_quote(e) for e in extracts)
    # Kept out of the search index: the citation repeats the quote, and search results should show the quote.
    lines = ['<details class="extract-more" data-search-exclude markdown>', "<summary>Cite, dates and notes</summary>", "",
             "Citation (select or copy):", "{: .citation-label }", "",
             "    " + citation_text(ctx, block.first, quote), ""]
    facts = []
    for extract in extracts:
        when = ctx.said(extract)
        if extract.speaker:
            facts.append("Said: " + (f"the article gives no day (it reports the statement on {when.end.human()})"
                                     if when.kind == "reported" else md_text(when.human())))
        if extract.dates_note:
            facts.append("How the date was worked out: " + curated_inline(ctx, extract.dates_note, page, extract.source))
        if extract.event_dates:
            facts.append("Events it reports: " + md_text("; ".join(d.human() for d in extract.event_dates)))
        facts += ["Figure: " + md_text(figure_label(ctx, f)) for f in extract.figures]
    topics = list(dict.fromkeys(t for e in extracts for t in e.topics))
    facts.append("Topics: " + ", ".join(md_link(ctx.dataset.topics[t].title, relative(page, topic_page(t))) for t in topics))
    mentioned = list(dict.fromkeys(m for e in extracts for m in ctx.mentions.get(e.id, ())))
    if mentioned:
        facts.append("Mentions: " + ", ".join(entity_link(ctx, m, page) for m in mentioned))
    facts += list(dict.fromkeys(link for e in extracts for link in analysis_links(ctx, e, page)))
    source = ctx.dataset.sources[block.first.source]
    if source.url:
        facts.append(md_link("The quote on the publisher’s page", source.url + text_fragment(ctx.shown_quote(block.first))))
    lines += [f"- {fact}" for fact in dict.fromkeys(facts)] + [""]
    for note in dict.fromkeys(e.note for e in extracts if e.note):
        lines += [f"*{CURATOR_LABEL}:* {curated_inline(ctx, note, page, block.first.source)}", "{: .curator-note }", ""]
    if len(extracts) > 1:
        lines += [f"{plural(len(extracts), 'extract')} from this paragraph, shown together.", "{: .extract-meta }", ""]
    return lines + ["</details>", ""]
