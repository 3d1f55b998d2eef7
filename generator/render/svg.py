"""Static SVG charts generated at build time: no script, no external resource."""

from __future__ import annotations

import datetime
import html
import math
from collections import Counter
from dataclasses import dataclass

PALETTE = ("#3949ab", "#d81b60", "#00897b", "#f4511e", "#6d4c41", "#8e24aa", "#43a047", "#546e7a")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _text(value: str) -> str:
    return html.escape(value, quote=True)


def _day_label(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


# Every chart is drawn twice, for a wide and a narrow screen, and the stylesheet shows one: an SVG
# scales its text with its width, so one drawing 720 wide shows 13-unit text at 6 px on a phone.
WIDE, NARROW = 720, 360
TICK_GAP = 62  # least distance between two date labels: "30 Sep" in 13-unit text is about 40 wide


def chart_figure(wide: str, narrow: str, caption: str) -> str:
    """A chart drawn for wide and for narrow screens (CSS shows one), as one raw HTML block, kept out of search."""
    # The chart's labels repeat what the list under it says; indexed, they would outrank the quotes they retell.
    return (f'<figure class="chart-figure" data-search-exclude><div class="chart-wide">{wide}</div>'
            f'<div class="chart-narrow">{narrow}</div><figcaption>{_text(caption)}</figcaption></figure>')


def _day_ticks(first: datetime.date, last: datetime.date, scale: float) -> list[datetime.date]:
    """Days to label from first to last: Mondays (every week or every few) or, on a short axis, every day or few days."""
    if (last - first).days >= 21:
        every = 7 * max(1, math.ceil(TICK_GAP / (7 * scale)))
        day = first + datetime.timedelta(days=(7 - first.weekday()) % 7)
    else:
        every, day = max(1, math.ceil(TICK_GAP / scale)), first
    ticks = []
    while day <= last:
        ticks.append(day)
        day += datetime.timedelta(days=every)
    return ticks


def _tick_anchor(x: float, left: float, right: float) -> str:
    """Centred under its day, unless that would push the label past the chart's edge."""
    return "start" if x < left + TICK_GAP / 2 else "end" if x > right - TICK_GAP / 2 else "middle"


@dataclass(frozen=True)
class Mark:
    """One thing to draw on a time axis: a day or a span of days, linked to an anchor."""

    start: datetime.date
    end: datetime.date
    lane: int  # 0 = events, 1 = statements
    label: str
    href: str
    open_start: bool = False  # only the end is known ("before 21 October"): drawn fading out to the left
    open_end: bool = False  # only the start is known ("after 1 October")


def timeline_svg(marks: list[Mark], lanes: tuple[str, str], title: str, width: int = WIDE) -> str:
    """A horizontal timeline: one lane per kind, markers stacked when they share a day."""
    first = min(m.start for m in marks)
    last = max(m.end for m in marks)
    days = max((last - first).days, 1)
    narrow = width < WIDE
    # Wide: lane names in a left margin. Narrow: no room for one, so each name sits above its lane.
    left, right, label_room = (12, 12, 18) if narrow else (110, 20, 0)
    scale = (width - left - right) / days
    # Each mark takes the first row of its lane where it overlaps nothing already placed.
    row_ends: dict[int, list[datetime.date]] = {0: [], 1: []}
    placed = []
    for mark in sorted(marks, key=lambda m: (m.lane, m.start, m.end, m.label)):
        ends = row_ends[mark.lane]
        level = next((i for i, end in enumerate(ends) if end < mark.start), len(ends))
        if level == len(ends):
            ends.append(mark.end)
        else:
            ends[level] = mark.end
        placed.append((mark, level))
    depth = [max([lvl + 1 for m, lvl in placed if m.lane == lane] or [1]) for lane in (0, 1)]
    row = 14
    lane_top = [30 + label_room, 30 + label_room + depth[0] * row + 30 + label_room]
    height = lane_top[1] + depth[1] * row + 40
    x = lambda day: left + (day - first).days * scale  # noqa: E731
    title_id = f"timeline-chart-title-{width}"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {width} {height}" '
             f'aria-labelledby="{title_id}" class="chart timeline-chart">',
             f'<title id="{title_id}">{_text(title)}</title>']
    for lane, name in enumerate(lanes):
        top = lane_top[lane]
        label_y = top - 12 if narrow else top + 9
        parts.append(f'<text x="4" y="{label_y}" class="lane-label">{_text(name)}</text>')
        parts.append(f'<line x1="{left}" y1="{top - 6}" x2="{width - right}" y2="{top - 6}" class="lane-rule"/>')
    for day in _day_ticks(first, last, scale):
        parts.append(f'<line x1="{x(day):.1f}" y1="22" x2="{x(day):.1f}" y2="{height - 22}" class="tick"/>')
        parts.append(f'<text x="{x(day):.1f}" y="{height - 8}" class="tick-label" '
                     f'text-anchor="{_tick_anchor(x(day), left, width - right)}">{_day_label(day)}</text>')
    for mark, level in placed:
        y = lane_top[mark.lane] + level * row + 4
        colour = PALETTE[mark.lane]
        if mark.open_start or mark.open_end:
            shape = _open_bar(x(mark.start), x(mark.end), y, colour, mark.open_start)
        elif mark.end > mark.start:
            shape = (f'<rect x="{x(mark.start):.1f}" y="{y - 4}" width="{max(x(mark.end) - x(mark.start), 4):.1f}" '
                     f'height="8" rx="4" fill="{colour}" opacity="0.75"/>')
        else:
            shape = f'<circle cx="{x(mark.start):.1f}" cy="{y}" r="4.5" fill="{colour}"/>'
        parts.append(f'<a href="{_text(mark.href)}"><title>{_text(mark.label)}</title>{shape}</a>')
    parts.append("</svg>")
    return "".join(parts)


def _open_bar(left: float, right: float, y: float, colour: str, open_left: bool) -> str:
    """A bound: a dashed bar from the known day towards the unknown side, ending in an arrow, with a dot on the known day."""
    known, tip = (right, left) if open_left else (left, right)
    step = -6 if open_left else 6
    return (f'<line x1="{known:.1f}" y1="{y}" x2="{tip:.1f}" y2="{y}" stroke="{colour}" stroke-width="3" stroke-dasharray="4 3"/>'
            f'<path d="M{tip:.1f},{y} l{-step},-5 v10 z" fill="{colour}"/>'
            f'<circle cx="{known:.1f}" cy="{y}" r="4.5" fill="white" stroke="{colour}" stroke-width="2.5"/>')


@dataclass(frozen=True)
class Point:
    """A figure on a chart: the days it can describe, a value or range, a series (claimant) and a link.

    A target is no observation: it is drawn as a labelled line at its value, not at a day.
    """

    start: datetime.date | None  # first day it can describe; None when only the last is known
    end: datetime.date | None
    low: float
    high: float
    series: str
    shape: str  # "exact", "approximate", "at least", "up to"
    label: str
    href: str
    target: str = ""  # for a target: the label of its line


def figure_svg(points: list[Point], series: list[str], unit: str, title: str, anchor: str, width: int = WIDE) -> str:
    """Figures over time, one colour per claimant; ranges as bars, hedged figures by marker shape, targets as lines."""
    narrow = width < WIDE
    left, right, top, bottom = (52, 10, 24, 34) if narrow else (80, 20, 24, 34)
    # As tall as the data needs: a few figures get a low chart, many a taller one.
    plot = min(240, 100 + 20 * len(points))
    height = top + plot + bottom
    observed = [p for p in points if not p.target]
    days = [d for p in observed for d in (p.start, p.end) if d is not None]
    first = min(days) - datetime.timedelta(days=3)
    last = max(days) + datetime.timedelta(days=3)
    span = max((last - first).days, 1)
    scale = (width - left - right) / span
    peak = max(p.high for p in points)
    ceiling = _nice_ceiling(peak * 1.15 if peak > 0 else 1)
    x = lambda day: left + (day - first).days * scale  # noqa: E731
    y = lambda value: top + (1 - value / ceiling) * plot  # noqa: E731
    title_id = f"{anchor}-chart-title-{width}"
    legend_rows = 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {width} {height + legend_rows * len(series)}" '
             f'aria-labelledby="{title_id}" class="chart figure-chart">',
             f'<title id="{title_id}">{_text(title)}</title>']
    for step in range(5 if plot > 150 else 3):
        value = ceiling * step / (4 if plot > 150 else 2)
        parts.append(f'<line x1="{left}" y1="{y(value):.1f}" x2="{width - right}" y2="{y(value):.1f}" class="tick"/>')
        parts.append(f'<text x="{left - 6}" y="{y(value) + 4:.1f}" class="tick-label" text-anchor="end">{_number(value)}</text>')
    parts.append(f'<text x="4" y="{top - 10}" class="tick-label">{_text(unit)}</text>')
    for day in _day_ticks(first, last, scale):
        parts.append(f'<text x="{x(day):.1f}" y="{height - bottom + 20}" class="tick-label" '
                     f'text-anchor="{_tick_anchor(x(day), left, width - right)}">{_day_label(day)}</text>')
    # Claimants giving the same figure for the same days would hide each other: set them side by side.
    same = Counter((p.start, p.end, p.low, p.high) for p in observed)
    drawn: Counter = Counter()
    for point in points:
        colour = PALETTE[series.index(point.series) % len(PALETTE)]
        key = (point.start, point.end, point.low, point.high)
        shift = (drawn[key] - (same[key] - 1) / 2) * 11
        drawn[key] += 1
        if point.target:
            shape = (f'<line x1="{left}" y1="{y(point.high):.1f}" x2="{width - right}" y2="{y(point.high):.1f}" stroke="{colour}" '
                     f'stroke-width="2" stroke-dasharray="8 5"/><text x="{width - right - 4}" y="{y(point.high) - 5:.1f}" '
                     f'class="legend" text-anchor="end">{_text(point.target)}</text>')
        else:
            shape = _observation(point, lambda day, shift=shift: x(day) + shift, y, colour)
        parts.append(f'<a href="{_text(point.href)}"><title>{_text(point.label)}</title>{shape}</a>')
    for index, name in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        legend_y = height + legend_rows * index + 4
        parts.append(f'<circle cx="{10}" cy="{legend_y}" r="5" fill="{colour}"/>'
                     f'<text x="{20}" y="{legend_y + 4}" class="legend">{_text(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _observation(point: Point, x, y, colour: str) -> str:
    """A figure at the days it describes: a marker at a day, a bar over a span, a dashed tail before a reported day."""
    if point.start is None:  # reported by this day; its own day not stated
        cx = x(point.end)
        days = f'<line x1="{cx - 40:.1f}" y1="{y(point.high):.1f}" x2="{cx:.1f}" y2="{y(point.high):.1f}" stroke="{colour}" stroke-width="2" stroke-dasharray="4 3"/>' \
               f'<path d="M{cx - 40:.1f},{y(point.high):.1f} l6,-5 v10 z" fill="{colour}"/>'
    elif point.end is not None and point.end > point.start:
        cx = x(point.end)
        days = f'<line x1="{x(point.start):.1f}" y1="{y(point.high):.1f}" x2="{cx:.1f}" y2="{y(point.high):.1f}" stroke="{colour}" stroke-width="3"/>'
    else:
        cx, days = x(point.start), ""
    values = ""
    if point.high > point.low:
        values = f'<line x1="{cx:.1f}" y1="{y(point.low):.1f}" x2="{cx:.1f}" y2="{y(point.high):.1f}" stroke="{colour}" stroke-width="3"/>'
    return days + values + _marker(point.shape, cx, y(point.high), colour)


def _marker(shape: str, cx: float, cy: float, colour: str) -> str:
    if shape == "at least":
        return f'<path d="M{cx:.1f},{cy - 7:.1f} l6,10 h-12 z" fill="{colour}"/>'
    if shape == "up to":
        return f'<path d="M{cx:.1f},{cy + 7:.1f} l6,-10 h-12 z" fill="{colour}"/>'
    if shape == "approximate":
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5.5" fill="white" stroke="{colour}" stroke-width="2.5"/>'
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5.5" fill="{colour}"/>'


def _nice_ceiling(value: float) -> float:
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _number(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}m"
    if value < 10:
        return f"{value:g}"
    return f"{value:,.0f}"
