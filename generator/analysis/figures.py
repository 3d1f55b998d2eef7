"""Figures grouped by what they count, with the values and times each allows, and the pairs that cannot both be true."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

from ..dates import When
from ..link.linked import LinkedBriefing, said
from ..model import Dataset, Extract, Figure, Quantity
from ..vocab import QUALIFIER_KINDS

# How far a hedge word ("about", "around") stretches a figure; used only to decide whether two can agree.
_APPROXIMATE = 0.1
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion)?", re.IGNORECASE)
# Kinds of figure that can contradict each other: a count and an estimate of the same thing at the
# same time can; a target cannot contradict a count, nor a total since one date a count at another.
COMPARABLE = {"count": "stock", "estimate": "stock", "target": "target", "cumulative": "cumulative"}


def figure_when(dataset: Dataset, extract: Extract, figure: Figure) -> When:
    """The time a figure describes: its `as_of` (or a target's `by`), else when it was said, as exactly as known."""
    if figure.kind == "target" and figure.by:
        return When("by", None, figure.by)
    if figure.as_of:
        return When.on(figure.as_of)
    return said(dataset, extract)


def rounding_unit(figure: Figure) -> float:
    """The precision a figure is written to: "1.2 million" -> 100,000; "12,000" -> 1,000; "1,500" -> 100; "six" -> 1.

    A round number is read as precise to at least its second significant digit: "10,000" says no
    more than "about ten thousand", but no less than "between 9,500 and 11,000".
    """
    match = _NUMBER.search(figure.text)
    value = max(abs(figure.low), abs(figure.high))
    if not match or value <= 0:
        return 1.0
    digits, scale = match.group(1).replace(",", ""), _SCALES.get((match.group(2) or "").lower(), 1.0)
    if "." in digits:
        written = 10 ** -len(digits.split(".")[1]) * scale
    else:
        written = 10 ** (len(digits) - len(digits.rstrip("0"))) * scale
    two_significant = 10 ** (math.floor(math.log10(value)) - 1)
    return max(1.0, min(written, two_significant))


@dataclass(frozen=True)
class FigureRow:
    """One figure with everything a reader needs: value, time, claimant, source."""

    figure: Figure
    extract: Extract
    when: When  # the time the figure describes
    claimant: str  # entity id, or "" for the article's own voice

    def interval(self) -> tuple[float, float]:
        """The values the figure is compatible with, given how it is written and its qualifier."""
        return self._interval

    @cached_property
    def _interval(self) -> tuple[float, float]:
        # Each row is compared with many others: work its interval out once.
        unit = rounding_unit(self.figure)
        # Rounded to the nearest unit, or cut off at it ("1.2 million" for 1.28 million).
        low, high = self.figure.low - unit / 2, self.figure.high + unit
        kind = QUALIFIER_KINDS.get(self.figure.qualifier, "exact")
        if kind == "approximate":
            return low * (1 - _APPROXIMATE), high * (1 + _APPROXIMATE)
        if kind == "at least":
            return low, math.inf
        if kind == "up to":
            return 0.0, high
        return low, high


@dataclass(frozen=True)
class FigureConflict:
    """Two figures for one quantity that cannot both be true, and why."""

    first: FigureRow
    second: FigureRow
    why: str


@dataclass(frozen=True)
class FigureGroup:
    """All figures for one quantity, in time order, and the pairs among them that cannot both be true."""

    quantity: Quantity
    rows: tuple[FigureRow, ...]
    conflicts: tuple[FigureConflict, ...]

    def conflicting(self) -> tuple[FigureRow, ...]:
        """Rows in at least one conflict, in table order."""
        involved = {id(row) for c in self.conflicts for row in (c.first, c.second)}
        return tuple(row for row in self.rows if id(row) in involved)


def _same_time(row: FigureRow) -> tuple:
    """What two figures must share to describe the same moment.

    The same day or stated span; for a target, the same horizon. A bound ("before 21 October") or
    an undated figure ("reported by 18 October") pins no moment: two such figures may describe
    different days, and could both be true, unless they come from the same article.
    """
    figure, when = row.figure, row.when
    if figure.kind == "target":
        return ("target", figure.by) if figure.by else ("target", None, row.extract.source, row.extract.id)
    kind = COMPARABLE.get(figure.kind, figure.kind)
    shared = (kind, when, figure.since)
    return shared if when.kind in ("on", "between") else (*shared, row.extract.source)


def _conflicts(rows: tuple[FigureRow, ...]) -> tuple[FigureConflict, ...]:
    """Pairs of figures that describe the same moment and which no number fits both (linear: each is compared with the extremes)."""
    position = {id(row): index for index, row in enumerate(rows)}
    buckets: dict[tuple, list[FigureRow]] = {}
    for row in rows:
        buckets.setdefault(_same_time(row), []).append(row)
    found: dict[tuple[int, int], FigureConflict] = {}
    for members in buckets.values():
        lowest_high = min(members, key=lambda r: r.interval()[1])
        highest_low = max(members, key=lambda r: r.interval()[0])
        for row in members:
            for other in (lowest_high, highest_low):
                _add_if_conflict(found, position, row, other)
    return tuple(found[key] for key in sorted(found))


def _add_if_conflict(found: dict, position: dict[int, int], a: FigureRow, b: FigureRow) -> None:
    if a is b:
        return
    (a_low, a_high), (b_low, b_high) = a.interval(), b.interval()
    if a_high >= b_low and b_high >= a_low:
        return
    if position[id(a)] > position[id(b)]:
        a, b = b, a
    key = (position[id(a)], position[id(b)])
    if key not in found:  # the same pair is met from both sides: explain it once
        found[key] = FigureConflict(a, b, _why(a, b))


def _why(first: FigureRow, second: FigureRow) -> str:
    if first.figure.kind == "target":
        when = f"Both are targets for {first.figure.by.human()}"
    elif first.when.kind == "reported":
        when = "Both are given as current in the same article"
    else:
        when = f"Both describe {first.when.human()}"
    return f"{when}, and no number fits both {_allowed(first)} and {_allowed(second)}."


def _allowed(row: FigureRow) -> str:
    low, high = row.interval()
    written = f"{row.figure.qualifier} {row.figure.text}" if row.figure.qualifier else row.figure.text
    if high == math.inf:
        return f"{written} (at least {_amount(low)})"
    if not row.figure.qualifier and rounding_unit(row.figure) == 1:
        return written
    return f"{written} (anything from {_amount(max(low, 0))} to {_amount(high)}, allowing for rounding and hedges)"


def _amount(value: float) -> str:
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 or value >= 100 else f"{value:,.1f}"


def group_figures(linked: LinkedBriefing) -> tuple[FigureGroup, ...]:
    """Every quantity that has figures, in the order the editors list quantities."""
    data = linked.dataset
    rows: dict[str, list[FigureRow]] = {}
    for extract in data.extracts.values():
        for figure in extract.figures:
            rows.setdefault(figure.quantity, []).append(
                FigureRow(figure, extract, figure_when(data, extract, figure), figure.claimed_by or extract.speaker))
    groups = []
    for quantity_id in (q for q in data.quantities if q in rows):
        ordered = tuple(sorted(rows[quantity_id], key=lambda r: (r.when.sort_key(), r.figure.low, r.extract.source, r.extract.id)))
        groups.append(FigureGroup(data.quantities[quantity_id], ordered, _conflicts(ordered)))
    return tuple(groups)
