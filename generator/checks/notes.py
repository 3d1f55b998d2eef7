"""Notes for readers' caution that editors cannot fix, such as a figure only one article gives."""

from __future__ import annotations

from ..analysis.analyse import Analysis
from ..errors import Problem


def editorial_notes(analysis: Analysis) -> tuple[Problem, ...]:
    """One note per quantity whose figures all come from one article."""
    notes = []
    for group in analysis.figure_groups:
        sources = {row.extract.source for row in group.rows}
        if len(sources) == 1:
            first = group.rows[0]
            notes.append(Problem(first.figure.location, f"figures for {group.quantity.id!r} come from one article only ({first.extract.source})",
                                 "The figures page shows it; corroborate it if another source becomes available."))
    return tuple(notes)
