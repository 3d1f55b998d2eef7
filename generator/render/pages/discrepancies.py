"""The discrepancies page: conflicts between sources about the same fact, most important first, two sides side by side."""

from __future__ import annotations

from ...routes import WHO_SAID_WHAT, discrepancies_page, relative
from ...vocab import DISCREPANCY_KINDS
from ..blocks import CURATOR_LABEL, attribution, quote_markdown
from ..context import RenderContext
from ..references import curated_inline
from ..markdown import md_inline, md_link, md_text, page_heading, page_text, plural

KIND_TITLES = {kind: title for kind, title, _ in DISCREPANCY_KINDS}


def render_discrepancies(ctx: RenderContext, part: int = 1) -> str:
    """Every conflict, ranked; each with one plain sentence, both sides' extracts and the curator's notes.

    A long list is shown on several pages: the first lists every conflict, each page shows its share in full.
    """
    found = ctx.analysis.discrepancies
    page = discrepancies_page(part)
    pages = ctx.discrepancy_pages()
    lines = page_heading("Discrepancies" + (f" (part {part} of {len(pages)})" if len(pages) > 1 else ""))
    if part == 1:
        lines += ["Where the articles contradict each other about the same fact: who said something, whose figure it "
                  "is, figures that cannot both be true, and dates that cannot both be right. Detected from the curated "
                  "data at each build and ranked by how central the fact is to the briefing. This page shows both sides; "
                  "it does not decide which is right. That some actors assert a claim and others deny it is the story "
                  f"itself, not a conflict between sources: see {md_link('who said what', relative(page, WHO_SAID_WHAT))}.", ""]
        if not found:
            return page_text(lines + ["No conflicts between sources found.", ""])
        lines += [f"{plural(len(found), 'conflict')}, most important first:", ""]
        lines += [f"{n}. {md_link(d.title, _href(ctx, page, d))} ({md_text(KIND_TITLES[d.kind].lower())})"
                  for n, d in enumerate(found, start=1)]
        lines.append("")
    pager = _pager(page, pages) if len(pages) > 1 else []
    lines += pager
    for discrepancy in found:
        if ctx.discrepancy_page(discrepancy) != page:
            continue
        lines += [f"## {md_text(discrepancy.title)} {{#{discrepancy.anchor}}}", "",
                  f"*{md_text(KIND_TITLES[discrepancy.kind])}.* {md_inline(discrepancy.statement)}", "{: .discrepancy-statement }", "",
                  '<div class="sides" markdown>', ""]
        for side in discrepancy.sides:
            lines += ['<div class="side" markdown>', "", f"**{md_inline(side.says)}**", "{: .side-says }", ""]
            for extract in side.extracts:
                lines += ["> " + quote_markdown(ctx, extract), "", attribution(ctx, extract, page), "{: .attribution }", ""]
            lines += ["</div>", ""]
        lines += ["</div>", ""]
        notes = {e.note: e.source for e in discrepancy.extracts if e.note}
        for note, source_id in notes.items():
            lines += [f"*{CURATOR_LABEL}:* {curated_inline(ctx, note, page, source_id)}", "{: .curator-note }", ""]
    return page_text(lines + pager)


def _href(ctx: RenderContext, page: str, discrepancy) -> str:
    target = ctx.discrepancy_page(discrepancy)
    return ("" if target == page else relative(page, target)) + "#" + discrepancy.anchor


def _pager(page: str, pages: list[str]) -> list[str]:
    """Links to every part; the current one is not a link."""
    items = [f"**{number}**" if path == page else md_link(str(number), relative(page, path))
             for number, path in enumerate(pages, start=1)]
    return ["Pages of conflicts: " + " · ".join(items), "{: .topic-pager }", ""]
