"""The discrepancies page: conflicts between sources about the same fact, most important first, two sides side by side."""

from __future__ import annotations

from ...routes import DISCREPANCIES, WHO_SAID_WHAT, relative
from ...vocab import DISCREPANCY_KINDS
from ..blocks import CURATOR_LABEL, attribution, quote_markdown
from ..context import RenderContext
from ..references import curated_inline
from ..markdown import md_inline, md_link, md_text, page_text, plural

PAGE = DISCREPANCIES
KIND_TITLES = {kind: title for kind, title, _ in DISCREPANCY_KINDS}


def render_discrepancies(ctx: RenderContext) -> str:
    """Every conflict, ranked; each with one plain sentence, both sides' extracts and the curator's notes."""
    found = ctx.analysis.discrepancies
    lines = ["# Discrepancies", "",
             "Where the articles contradict each other about the same fact: who said something, whose figure it is, "
             "figures that cannot both be true, and dates that cannot both be right. Detected from the curated data at "
             "each build and ranked by how central the fact is to the briefing. This page shows both sides; it does "
             "not decide which is right. That some actors assert a claim and others deny it is the story itself, not a "
             f"conflict between sources: see {md_link('who said what', relative(PAGE, WHO_SAID_WHAT))}.", ""]
    if not found:
        return page_text(lines + ["No conflicts between sources found.", ""])
    lines += [f"{plural(len(found), 'conflict')}, most important first:", ""]
    lines += [f"{n}. {md_link(d.title, '#' + d.anchor)} ({md_text(KIND_TITLES[d.kind].lower())})" for n, d in enumerate(found, start=1)]
    lines.append("")
    for discrepancy in found:
        lines += [f"## {md_text(discrepancy.title)} {{#{discrepancy.anchor}}}", "",
                  f"*{md_text(KIND_TITLES[discrepancy.kind])}.* {md_inline(discrepancy.statement)}", "{: .discrepancy-statement }", "",
                  '<div class="sides" markdown>', ""]
        for side in discrepancy.sides:
            lines += ['<div class="side" markdown>', "", f"**{md_inline(side.says)}**", "{: .side-says }", ""]
            for extract in side.extracts:
                lines += ["> " + quote_markdown(ctx, extract), "", attribution(ctx, extract, PAGE), "{: .attribution }", ""]
            lines += ["</div>", ""]
        lines += ["</div>", ""]
        notes = {e.note: e.source for e in discrepancy.extracts if e.note}
        for note, source_id in notes.items():
            lines += [f"*{CURATOR_LABEL}:* {curated_inline(ctx, note, PAGE, source_id)}", "{: .curator-note }", ""]
    return page_text(lines)
