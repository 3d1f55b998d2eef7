"""The discrepancies page: every detected disagreement between sources, with the extracts involved."""

from __future__ import annotations

from ...routes import DISCREPANCIES, paragraph_link
from ..context import RenderContext
from ..markdown import md_inline, md_link, md_text, page_text
from ..blocks import entity_link, extract_link, source_label

PAGE = DISCREPANCIES
KINDS = (
    ("words", "Same words, different speakers", "The same run of words is attributed to different people by different articles."),
    ("figures", "Different figures for the same thing", "Figures for one quantity that cannot all be true at once."),
    ("dates", "Different dates for the same event", "Articles date the same event to days that cannot coincide."),
    ("contradiction", "Sources contradicting each other", "A key claim asserted in one article and denied in another."),
)


def render_discrepancies(ctx: RenderContext) -> str:
    """Discrepancies grouped by kind; each lists what differs and links every extract involved."""
    found = ctx.analysis.discrepancies
    lines = ["# Discrepancies", "",
             "Detected automatically from the curated data each time the site is built. Each is flagged on the extracts "
             "involved. This page shows where the articles disagree; it does not decide which one is right.", ""]
    for kind, title, explanation in KINDS:
        items = [d for d in found if d.kind == kind]
        lines += [f"## {title} {{#{kind}}}", "", explanation, ""]
        if not items:
            lines += ["None found.", ""]
        for item in items:
            lines += [f"### {md_text(item.title)} {{#{item.anchor}}}", ""]
            lines += [f"- {md_inline(detail)}" for detail in item.details] + [""]
            lines.append("Extracts involved:")
            lines.append("")
            for extract in item.extracts:
                source = ctx.dataset.sources[extract.source]
                citation = ctx.citations.get(extract.id)
                where = md_link(f"{source_label(source)}, line {citation.line if citation else 0}",
                                paragraph_link(PAGE, source.id, citation.line if citation else 0))
                who = entity_link(ctx, extract.speaker, PAGE) if extract.speaker else "Article text"
                lines.append(f"- {who}, {extract_link(ctx, extract, PAGE, extract.id)} "
                             f"({md_inline(extract.stance or 'narrative')}) in {where}: "
                             f"«{md_inline(ctx.shown_quote(extract))}»")
            lines.append("")
    return page_text(lines)
