"""The figures tracker: every figure grouped by what it counts, charted over time by claimant."""

from __future__ import annotations

from ...analysis.figures import FigureGroup, FigureRow
from ...routes import FIGURES, discrepancy_anchor, figure_anchor, paragraph_link, relative
from ...vocab import QUALIFIER_KINDS
from ..context import RenderContext
from ..markdown import md_inline, md_link, md_text, page_text, plural
from ..blocks import entity_link, extract_link, figure_kind_label
from ..labels import short_quote, source_label
from ..svg import NARROW, WIDE, Point, chart_figure, figure_svg

PAGE = FIGURES


def _value(row: FigureRow) -> str:
    qualifier = f"{row.figure.qualifier} " if row.figure.qualifier else ""
    return f"{qualifier}{row.figure.text}"


def _chart(ctx: RenderContext, group: FigureGroup) -> str:
    series = list(dict.fromkeys(ctx.name_of(r.claimant) for r in group.rows))
    points = [Point(r.when.earliest, r.when.latest, r.figure.low, r.figure.high, ctx.name_of(r.claimant),
                    QUALIFIER_KINDS.get(r.figure.qualifier, "exact"),
                    f"{_value(r)} {group.quantity.unit}{figure_kind_label(r.figure)}: {ctx.name_of(r.claimant)}, {_time(r)}",
                    "#" + figure_anchor(group.quantity.id, r.extract.id),
                    target=_target_label(ctx, r) if r.figure.kind == "target" else "")
              for r in group.rows]
    title = f"{group.quantity.title}: figures by claimant and date"
    legend = "; ".join(meaning for shown, meaning in _legend(points) if shown)
    caption = legend[:1].upper() + legend[1:] + ". Select a mark for its row in the table."
    drawn = [figure_svg(points, series, group.quantity.unit, title, group.quantity.id, width) for width in (WIDE, NARROW)]
    return chart_figure(*drawn, caption)


def _legend(points: list[Point]) -> list[tuple[bool, str]]:
    """What each kind of mark means, and whether this chart draws one."""
    observed = [p for p in points if not p.target]
    return [(any(p.shape == "exact" for p in observed), "Filled circle: an exact figure"),
            (any(p.shape == "approximate" for p in observed), "hollow circle: an approximate one"),
            (any(p.shape == "at least" for p in observed), "triangle up: a minimum (at least, more than)"),
            (any(p.shape == "up to" for p in observed), "triangle down: a maximum (up to, nearly)"),
            (any(p.high > p.low for p in observed), "vertical bar: a range of values"),
            (any(p.start and p.end and p.end > p.start for p in observed), "horizontal bar: a span of days"),
            (any(p.start is None for p in observed), "dashed tail with an arrow: reported by that day, its own day not stated"),
            (any(p.target for p in points), "dashed line across the chart: a target or plan, not a count")]


def _time(row: FigureRow) -> str:
    if row.figure.kind == "target":
        return f"to be reached by {row.figure.by.human()}" if row.figure.by else "no date given for it"
    return row.when.human() if row.when.kind == "reported" else f"as of {row.when.human()}"


def _target_label(ctx: RenderContext, row: FigureRow) -> str:
    horizon = f" by {row.figure.by.short()}" if row.figure.by else ""
    return f"{_value(row)}{horizon} (target, {ctx.name_of(row.claimant)})"


def _table(ctx: RenderContext, group: FigureGroup, conflicting: set[int]) -> list[str]:
    lines = ["| Time | Figure | What it is | Claimed by | Reported in | Quote |", "| --- | --- | --- | --- | --- | --- |"]
    anchored: set[str] = set()
    for row in group.rows:
        source = ctx.dataset.sources[row.extract.source]
        citation = ctx.citations.get(row.extract.id)
        where = md_link(source_label(source), paragraph_link(PAGE, source.id, citation.line if citation else 0))
        claimant = entity_link(ctx, row.claimant, PAGE) if row.claimant else ctx.name_of("")
        flag = " ⚠" if id(row) in conflicting else ""
        anchor = "" if row.extract.id in anchored else f'<span id="{figure_anchor(group.quantity.id, row.extract.id)}"></span>'
        anchored.add(row.extract.id)
        kind = (figure_kind_label(row.figure) or ", count").removeprefix(", ")
        lines.append(f"| {anchor}{md_text(row.when.short())} | **{md_inline(_value(row))}**{flag} | {md_text(kind)} | {claimant} | "
                     f"{where} | {extract_link(ctx, row.extract, PAGE, short_quote(ctx, row.extract, 8))} |")
    return lines


def render_figures(ctx: RenderContext) -> str:
    """One section per quantity: what it counts, whether sources differ, chart, table."""
    groups = ctx.analysis.figure_groups
    lines = ["# Figures", "",
             "Every number the articles give, grouped by what it counts. Each figure is shown as the article writes it, "
             "with what it is (a count or an estimate as of a date, a target to be reached by a date, a total since a "
             "date), who claims it, the time it describes and where it was reported. Where sources give figures that "
             "cannot both be true, this page says so and why; it does not decide which is right.", ""]
    lines += [f"- {md_link(g.quantity.title, '#' + g.quantity.id)} ({plural(len(g.rows), 'figure')})" for g in groups] + [""]
    for group in groups:
        quantity = group.quantity
        conflicting = group.conflicting()
        lines += [f"## {md_text(quantity.title)} {{#{quantity.id}}}", ""]
        about = f"Counted in {md_inline(quantity.unit)}."
        if quantity.description:
            about += f" {md_inline(quantity.description)}"
        lines += [about, ""]
        found = [d for d in ctx.analysis.discrepancies if d.kind in ("figures", "claimant")
                 and d.anchor.startswith(discrepancy_anchor(d.kind, quantity.id) + "-")]
        for discrepancy in found:
            lines += [f"**{'The sources differ' if discrepancy.kind == 'figures' else 'Whose figure?'}:** "
                      f"{md_inline(discrepancy.statement)} ({md_link('see discrepancies', relative(PAGE, ctx.discrepancy_page(discrepancy)) + '#' + discrepancy.anchor)})",
                      "{: .discrepancy-note }", ""]
        if not found and len({r.extract.source for r in group.rows}) > 1:
            lines += ["No two of these figures contradict each other, allowing for rounding, hedges such as “about”, "
                      "and the different times they describe.", "{: .page-intro }", ""]
        if len({r.extract.source for r in group.rows}) == 1:
            lines += ["**Single source:** only one of the articles gives a figure for this.", "{: .page-intro }", ""]
        if sum(1 for r in group.rows if r.figure.kind != "target") > 1:
            lines += [_chart(ctx, group), ""]
        lines += _table(ctx, group, {id(r) for r in conflicting}) + [""]
    return page_text(lines)
