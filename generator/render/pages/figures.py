"""The figures tracker: every figure grouped by what it counts, charted over time by claimant."""

from __future__ import annotations

from ...analysis.figures import FigureGroup, FigureRow
from ...routes import DISCREPANCIES, FIGURES, discrepancy_anchor, figure_anchor, paragraph_link, relative
from ...vocab import QUALIFIER_KINDS
from ..context import RenderContext
from ..markdown import md_inline, md_link, md_text, page_text, plural
from ..blocks import entity_link, extract_link, source_label
from ..svg import Point, chart_figure, figure_svg

PAGE = FIGURES


def _value(row: FigureRow) -> str:
    qualifier = f"{row.figure.qualifier} " if row.figure.qualifier else ""
    return f"{qualifier}{row.figure.text}"


def _chart(ctx: RenderContext, group: FigureGroup) -> str:
    series = list(dict.fromkeys(ctx.name_of(r.claimant) for r in group.rows))
    points = [Point(r.as_of.first_day(), r.figure.low, r.figure.high, ctx.name_of(r.claimant), QUALIFIER_KINDS.get(r.figure.qualifier, "exact"),
                    f"{_value(r)} {group.quantity.unit}: {ctx.name_of(r.claimant)}, as of {r.as_of.human()}",
                    "#" + figure_anchor(group.quantity.id, r.extract.id))
              for r in group.rows]
    title = f"{group.quantity.title}: figures by claimant and date"
    caption = ("Filled circle: exact figure; hollow circle: approximate; triangle up: a minimum (at least, more than); "
               "triangle down: a maximum (up to, nearly); bar: a range.")
    return chart_figure(figure_svg(points, series, group.quantity.unit, title, group.quantity.id), caption)


def _table(ctx: RenderContext, group: FigureGroup, conflicting: set[int]) -> list[str]:
    lines = ["| As of | Figure | Claimed by | Reported in | Extract |", "| --- | --- | --- | --- | --- |"]
    anchored: set[str] = set()
    for row in group.rows:
        source = ctx.dataset.sources[row.extract.source]
        citation = ctx.citations.get(row.extract.id)
        where = md_link(source_label(source), paragraph_link(PAGE, source.id, citation.line if citation else 0))
        claimant = entity_link(ctx, row.claimant, PAGE) if row.claimant else ctx.name_of("")
        flag = " ⚠" if id(row) in conflicting else ""
        anchor = "" if row.extract.id in anchored else f'<span id="{figure_anchor(group.quantity.id, row.extract.id)}"></span>'
        anchored.add(row.extract.id)
        lines.append(f"| {anchor}{md_text(row.as_of.human())} | **{md_inline(_value(row))}**{flag} | {claimant} | {where} | "
                     f"{extract_link(ctx, row.extract, PAGE, row.extract.id)} |")
    return lines


def render_figures(ctx: RenderContext) -> str:
    """One section per quantity: what it counts, whether sources differ, chart, table."""
    groups = ctx.analysis.figure_groups
    lines = ["# Figures", "",
             "Every number the articles give, grouped by what it counts. Each figure is shown as the article writes it, "
             "with who claims it, the date it describes and where it was reported. Where sources give figures that "
             "cannot all be true, this page says so; it does not decide which is right.", ""]
    lines += [f"- {md_link(g.quantity.title, '#' + g.quantity.id)} ({plural(len(g.rows), 'figure')})" for g in groups] + [""]
    for group in groups:
        quantity = group.quantity
        conflicting = group.conflicting()
        lines += [f"## {md_text(quantity.title)} {{#{quantity.id}}}", ""]
        about = f"Counted in {md_inline(quantity.unit)}."
        if quantity.description:
            about += f" {md_inline(quantity.description)}"
        lines += [about, ""]
        if conflicting:
            values = sorted({_value(r) for r in conflicting})
            lines += [f"**The sources differ:** {md_inline(', '.join(values))} cannot all be right "
                      f"({md_link('see discrepancies', relative(PAGE, DISCREPANCIES) + '#' + discrepancy_anchor('figures', quantity.id))}).",
                      "{: .discrepancy-note }", ""]
        elif len({r.extract.source for r in group.rows}) > 1:
            lines += ["The sources agree on this figure.", "{: .page-intro }", ""]
        if len({r.extract.source for r in group.rows}) == 1:
            lines += ["**Single source:** only one of the articles gives a figure for this.", "{: .page-intro }", ""]
        if len(group.rows) > 1:
            lines += [_chart(ctx, group), ""]
        lines += _table(ctx, group, {id(r) for r in conflicting}) + [""]
    return page_text(lines)
