"""Figures grouped by what they count, with the interval each figure allows."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..link.linked import LinkedBriefing
from ..model import Dataset, Extract, Figure, PartialDate, Quantity
from ..vocab import QUALIFIER_KINDS

# How far a hedge word stretches a figure; used only to decide whether two figures can agree.
_APPROXIMATE = 0.1


def figure_date(dataset: Dataset, extract: Extract, figure: Figure) -> PartialDate:
    """The date a figure describes: its own `as_of`, else when it was said, else when it was published."""
    return figure.as_of or extract.said_on or dataset.sources[extract.source].published


@dataclass(frozen=True)
class FigureRow:
    """One figure with everything a reader needs: value, date, claimant, source."""

    figure: Figure
    extract: Extract
    as_of: PartialDate
    claimant: str  # entity id, or "" for the article's own voice

    def interval(self) -> tuple[float, float]:
        """The values the figure is compatible with, given its qualifier."""
        low, high = self.figure.low, self.figure.high
        kind = QUALIFIER_KINDS.get(self.figure.qualifier, "exact")
        if kind == "approximate":
            return low * (1 - _APPROXIMATE), high * (1 + _APPROXIMATE)
        if kind == "at least":
            return low, math.inf
        if kind == "up to":
            return 0.0, high
        return low, high


@dataclass(frozen=True)
class FigureGroup:
    """All figures for one quantity, in date order."""

    quantity: Quantity
    rows: tuple[FigureRow, ...]

    def conflicting(self) -> tuple[FigureRow, ...]:
        """Rows that disagree with at least one other row of the group (linear: compare with the extremes)."""
        if len(self.rows) < 2:
            return ()
        intervals = [r.interval() for r in self.rows]
        by_high = sorted(range(len(intervals)), key=lambda i: intervals[i][1])[:2]
        by_low = sorted(range(len(intervals)), key=lambda i: -intervals[i][0])[:2]
        result = []
        for index, (low, high) in enumerate(intervals):
            lowest_high = intervals[by_high[0] if by_high[0] != index else by_high[1]][1]
            highest_low = intervals[by_low[0] if by_low[0] != index else by_low[1]][0]
            if lowest_high < low or highest_low > high:
                result.append(self.rows[index])
        return tuple(result)


def group_figures(linked: LinkedBriefing) -> tuple[FigureGroup, ...]:
    """Every quantity that has figures, in the order the editors list quantities."""
    data = linked.dataset
    rows: dict[str, list[FigureRow]] = {}
    for extract in data.extracts.values():
        for figure in extract.figures:
            rows.setdefault(figure.quantity, []).append(
                FigureRow(figure, extract, figure_date(data, extract, figure), figure.claimed_by or extract.speaker))
    groups = []
    for quantity_id in (q for q in data.quantities if q in rows):
        ordered = sorted(rows[quantity_id], key=lambda r: (r.as_of.first_day(), r.figure.low, r.extract.source, r.extract.id))
        groups.append(FigureGroup(data.quantities[quantity_id], tuple(ordered)))
    return tuple(groups)
