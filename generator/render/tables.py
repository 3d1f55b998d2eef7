"""The briefing as spreadsheets: extracts, figures and events as CSV files that open correctly in Excel,
LibreOffice and Google Sheets.

UTF-8 with a byte-order mark (so Excel reads it as UTF-8), one header row, fields quoted by the csv
module where they hold commas, quotes or line breaks. A text cell that starts with = + - @ or a tab
or carriage return is prefixed with an apostrophe: spreadsheets would otherwise run it as a formula
(CSV injection); the apostrophe shows the text as written.
"""

from __future__ import annotations

import csv
import io

from ..routes import extract_anchor, page_url
from .context import RenderContext
from .labels import extract_paragraph, outlet_label, when_label

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str | int | float:
    if isinstance(value, (int, float)):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: list[str], rows: list[list]) -> str:
    """A CSV file's text: BOM, header, rows; every text cell guarded against formulas."""
    return "\ufeff" + "".join(csv_line(row) for row in [header, *rows])


def csv_line(row: list) -> str:
    """One row of a CSV file, with its line end; text cells guarded against formulas."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([_cell(v) for v in row])  # RFC 4180 line ends
    return out.getvalue()


def _link(ctx: RenderContext, path: str, anchor: str) -> str:
    url = page_url(path, ctx.directory_urls)
    return (ctx.site_url.rstrip("/") + "/" + ("" if url == "./" else url) if ctx.site_url else url) + "#" + anchor


def extracts_csv(ctx: RenderContext) -> str:
    """One row per extract: the quote, who said it, how and when, and where it was published."""
    header = ["extract", "quote", "speaker", "stance", "said (as shown)", "said: kind", "said: earliest", "said: latest",
              "source headline", "outlet", "published", "paragraph", "topics", "link"]
    lines = [csv_line(header)]
    for extract in sorted(ctx.dataset.extracts.values(), key=lambda e: e.id):
        lines.append(ctx.reused(("csv row", extract.id), (extract,), lambda extract=extract: csv_line(_extract_row(ctx, extract))))
    return "\ufeff" + "".join(lines)


def _extract_row(ctx: RenderContext, extract) -> list:
    source, when = ctx.dataset.sources[extract.source], ctx.said(extract)
    return [extract.id, extract.quote, ctx.dataset.entities[extract.speaker].name if extract.speaker else "",
            extract.stance, when_label(when), when.kind, when.earliest.isoformat() if when.earliest else "",
            when.latest.isoformat() if when.latest else "", source.headline, outlet_label(source),
            source.published.iso(), extract_paragraph(ctx, extract) or "", "; ".join(extract.topics),
            _link(ctx, ctx.home_page(extract), extract_anchor(extract.id))]


def figures_csv(ctx: RenderContext) -> str:
    """One row per figure: the number as printed, its range, what it is, who claims it, when, where."""
    header = ["quantity", "unit", "figure (as printed)", "qualifier", "low", "high", "kind", "claimed by", "time (as shown)",
              "extract", "outlet", "published", "paragraph"]
    rows = []
    for group in ctx.analysis.figure_groups:
        for row in group.rows:
            source = ctx.dataset.sources[row.extract.source]
            rows.append([group.quantity.title, group.quantity.unit, row.figure.text, row.figure.qualifier, row.figure.low,
                         row.figure.high, row.figure.kind, ctx.name_of(row.claimant), when_label(row.when), row.extract.id,
                         outlet_label(source), source.published.iso(), extract_paragraph(ctx, row.extract) or ""])
    return csv_text(header, rows)


def events_csv(ctx: RenderContext) -> str:
    """One row per event: the curator's title, its dates as the evidence gives them, and the extracts that report it."""
    header = ["event", "title (curator's wording)", "when (as shown)", "earliest", "latest", "sources", "evidence extracts"]
    dated = {entry.event: entry.when for entry in ctx.analysis.timeline if entry.kind == "event"}
    rows = []
    for event in sorted(ctx.dataset.events.values(), key=lambda e: e.id):
        when = dated.get(event.id)
        evidence = [ctx.dataset.extracts[i] for i in event.evidence if i in ctx.dataset.extracts]
        sources = dict.fromkeys(outlet_label(ctx.dataset.sources[e.source]) for e in evidence)
        rows.append([event.id, event.title, when.short() if when else "not dated",
                     when.earliest.isoformat() if when and when.earliest else "",
                     when.latest.isoformat() if when and when.latest else "", "; ".join(sources), "; ".join(e.id for e in evidence)])
    return csv_text(header, rows)
