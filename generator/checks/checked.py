"""The checked briefing: linked data, its analysis, and what the editorial checks found."""

from __future__ import annotations

from dataclasses import dataclass

from ..reuse import Reuse
from ..analysis.analyse import Analysis, analyse
from ..errors import Problem
from ..link.linked import LinkedBriefing
from .editorial import editorial_warnings
from .notes import editorial_notes


@dataclass(frozen=True)
class CheckedBriefing:
    """Everything the pages are made from: the linked data, its analysis, warnings and notes."""

    linked: LinkedBriefing
    analysis: Analysis
    warnings: tuple[Problem, ...]
    notes: tuple[Problem, ...]

    def __repr__(self) -> str:
        return f"<CheckedBriefing of {self.linked!r}: {len(self.warnings)} warnings, {len(self.notes)} notes>"


def analyse_and_check(linked: LinkedBriefing, reuse: Reuse | None = None) -> CheckedBriefing:
    """Analyse the linked briefing and run the editorial checks (`reuse`: see analyse)."""
    analysis = analyse(linked, reuse)
    return CheckedBriefing(linked, analysis, editorial_warnings(linked), editorial_notes(analysis))
