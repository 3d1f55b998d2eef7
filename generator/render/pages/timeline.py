"""The timeline page: a chart of the story's weeks, then every dated event and statement."""

from __future__ import annotations

import datetime
from itertools import groupby

from ...analysis.claims import event_corroboration
from ...analysis.timeline import TimelineEntry
from ...routes import TIMELINE, month_anchor, paragraph_link
from ..context import RenderContext
from ..markdown import md_inline, md_link, md_text, page_text, plural
from ...model import PartialDate
from ..blocks import CURATOR_LABEL, entity_link, extract_link
from ..labels import extract_paragraph, outlet_label, short_quote, source_label
from ..svg import NARROW, WIDE, Mark, chart_figure, timeline_svg

PAGE = TIMELINE


def chart_window(ctx: RenderContext) -> tuple[datetime.date, datetime.date]:
    """The weeks the chart shows: a month before the first article to two months after the last."""
    published = [s.published.first_day() for s in ctx.dataset.sources.values()]
    return min(published) - datetime.timedelta(days=31), max(published) + datetime.timedelta(days=62)


def _in_window(entry: TimelineEntry, window) -> bool:
    """Whether the chart can show the entry: its known days in the window, and not a whole month or year."""
    when = entry.when
    if when.kind == "on" and not when.day:
        return False
    known = [day for day in (when.earliest, when.latest) if day is not None]
    return bool(known) and all(window[0] <= day <= window[1] for day in known)


# How far an open-ended bound is drawn past its known day: far enough to read as "some time before".
OPEN_DAYS = datetime.timedelta(days=10)


def _mark(entry: TimelineEntry) -> Mark:
    when = entry.when
    start, end = when.earliest, when.latest
    lane = 0 if entry.kind == "event" else 1
    label, href = f"{when.human()}: {entry.title}", f"#{entry.anchor}"
    if start is None:
        return Mark(end - OPEN_DAYS, end, lane, label, href, open_start=True)
    if end is None:
        return Mark(start, start + OPEN_DAYS, lane, label, href, open_end=True)
    return Mark(start, end, lane, label, href)


def _sources_line(ctx: RenderContext, entry: TimelineEntry) -> str:
    links = []
    for source_id in entry.sources:
        source = ctx.dataset.sources[source_id]
        first = next(e for e in entry.extracts if e.source == source_id)
        line = ctx.citations[first.id].line if first.id in ctx.citations else 0
        links.append(md_link(source_label(source), paragraph_link(PAGE, source_id, line)))
    return f"Reported in {plural(len(entry.sources), 'source')}: " + " · ".join(links)


def _quote_label(ctx: RenderContext, extract) -> str:
    """Who is quoted and where: "John Kirby (CNN, ¶ 24)"; the article alone when it speaks for itself."""
    where = outlet_label(ctx.dataset.sources[extract.source])
    paragraph = extract_paragraph(ctx, extract)
    where += f", ¶ {paragraph}" if paragraph else ""
    return f"{ctx.dataset.entities[extract.speaker].name} ({where})" if extract.speaker else where


def _entry(ctx: RenderContext, entry: TimelineEntry) -> list[str]:
    also = (entry.kind, entry.anchor, entry.when, entry.title, entry.speaker, entry.event)
    return ctx.reused(("timeline entry", entry.anchor), entry.extracts, lambda: _entry_lines(ctx, entry), also)


def _entry_lines(ctx: RenderContext, entry: TimelineEntry) -> list[str]:
    lines = [f'<div class="timeline-entry {entry.kind}" id="{entry.anchor}" markdown>', ""]
    when = md_text(entry.when.human())
    if entry.kind == "event":
        voices = event_corroboration(ctx, entry.extracts).voices
        lines.append(f"**{when} · Event:** {md_inline(entry.title)} *({CURATOR_LABEL})*")
        lines += ["", _sources_line(ctx, entry) + (" · single source" if len(entry.sources) == 1 else ""), ""]
        if voices:
            lines += ["According to: " + ", ".join(entity_link(ctx, v, PAGE) for v in voices), ""]
        quotes = " · ".join(extract_link(ctx, e, PAGE, _quote_label(ctx, e)) for e in entry.extracts)
        lines += [f"{'Quote' if len(entry.extracts) == 1 else 'Quotes'}: {quotes}", "{: .extract-meta }", ""]
    else:
        stances = ", ".join(dict.fromkeys(e.stance for e in entry.extracts))
        lines += [f"**{when} · {entity_link(ctx, entry.speaker, PAGE)}** {md_inline(stances)}:", ""]
        lines += [f"- {extract_link(ctx, e, PAGE, short_quote(ctx, e))} — {_where(ctx, e)}" for e in entry.extracts] + [""]
    return lines + ["</div>", ""]


def _where(ctx: RenderContext, extract) -> str:
    """The outlet and paragraph a quote comes from, linked to that paragraph."""
    source = ctx.dataset.sources[extract.source]
    paragraph = extract_paragraph(ctx, extract)
    label = outlet_label(source) + (f", ¶ {paragraph}" if paragraph else "")
    line = ctx.citations[extract.id].line if extract.id in ctx.citations else 0
    return md_link(label, paragraph_link(PAGE, source.id, line))


def render_timeline(ctx: RenderContext) -> str:
    """Chart above, list below; entries outside the chart's window are listed too."""
    entries = ctx.analysis.timeline
    window = chart_window(ctx)
    shown = [e for e in entries if _in_window(e, window)]
    lines = ["# Timeline", "",
             "Every dated event (once, with all the articles that report it) and every statement whose time the "
             "articles give, in date order. Dates were resolved by the editors from the articles; see each extract "
             "for how. A statement known only to come before or after a day is shown as such, never on a day of its "
             "own; one whose day the articles do not give at all is not placed here.", ""]
    if shown:
        marks = [_mark(e) for e in shown]
        first = min(m.start for m in marks)
        last = max(m.end for m in marks)
        title = f"Timeline of events and statements, {_human(first)} to {_human(last)}"
        caption = (f"{len(shown)} of {len(entries)} entries: those dated between {_human(window[0])} and {_human(window[1])}. "
                   "Dot: a day; bar: a span of days; bar fading out with an arrow: before or after a day, "
                   "exact day not known. Select a mark to jump to it.")
        lanes = ("Events", "Statements")
        lines += [chart_figure(timeline_svg(marks, lanes, title, WIDE), timeline_svg(marks, lanes, title, NARROW), caption), ""]
    lines += [f"{plural(sum(1 for e in entries if e.kind == 'event'), 'event')} and "
              f"{plural(sum(1 for e in entries if e.kind == 'statement'), 'statement')} "
              f"(grouped by speaker and day).", "{: .page-intro }", ""]
    earlier = [e for e in entries if _before(e, window[0])]
    for (year, month), group in groupby((e for e in entries if e not in earlier),
                                        key=lambda e: (e.when.sort_key()[0].year, e.when.sort_key()[0].month)):
        lines += [f"## {md_text(PartialDate(year, month).human())} {{#{month_anchor(year, month)}}}", ""]
        for entry in group:
            lines += _entry(ctx, entry)
    if earlier:
        lines += ["## Earlier history {#earlier-history}", "",
                  f"Events before {md_text(PartialDate(window[0].year, window[0].month).human())} that the articles "
                  "recall as background to what they report.", ""]
        for entry in earlier:
            lines += _entry(ctx, entry)
    return page_text(lines)


def _before(entry: TimelineEntry, day: datetime.date) -> bool:
    """Whether the entry ends before the day: background, not the story's own weeks."""
    latest = entry.when.latest
    return latest is not None and latest < day


def _human(day: datetime.date) -> str:
    return PartialDate(day.year, day.month, day.day).human()
