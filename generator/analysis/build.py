"""Run every analysis once, after linking, and index the results by extract for cross-links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..link import LinkedBriefing
from ..model import Claim
from .claims import matrix_actors
from .discrepancies import Discrepancy, WordPairs, find_discrepancies
from .figure_groups import FigureGroup, group_figures
from .timeline import TimelineEntry, build_timeline


@dataclass
class Analysis:
    """What the analysis pages show, plus reverse indexes from extracts to those results."""

    timeline: list[TimelineEntry]
    figure_groups: list[FigureGroup]
    claims: list[Claim]
    actors: list[str]
    discrepancies: list[Discrepancy]
    by_extract_timeline: dict[str, list[TimelineEntry]] = field(default_factory=dict)
    by_extract_figures: dict[str, list[FigureGroup]] = field(default_factory=dict)
    by_extract_discrepancies: dict[str, list[Discrepancy]] = field(default_factory=dict)
    by_extract_claims: dict[str, list[Claim]] = field(default_factory=dict)


def analyse(linked: LinkedBriefing, word_pairs: Callable[[], WordPairs] | None = None) -> Analysis:
    """Timeline, figure groups, claims matrix and discrepancies for the whole briefing.

    `word_pairs`, when given, supplies the extracts that repeat each other's words (the costliest
    part), asked for as late as possible.
    """
    groups = group_figures(linked)
    claims = sorted(linked.dataset.claims.values(), key=lambda c: (c.order, c.id))
    analysis = Analysis(build_timeline(linked), groups, claims, matrix_actors(linked, claims),
                        find_discrepancies(linked, groups, word_pairs))
    for entry in analysis.timeline:
        for extract in entry.extracts:
            analysis.by_extract_timeline.setdefault(extract.id, []).append(entry)
    for group in groups:
        for extract_id in dict.fromkeys(row.extract.id for row in group.rows):
            analysis.by_extract_figures.setdefault(extract_id, []).append(group)
    for discrepancy in analysis.discrepancies:
        for extract in discrepancy.extracts:
            analysis.by_extract_discrepancies.setdefault(extract.id, []).append(discrepancy)
    for claim in claims:
        for extract_id in dict.fromkeys(p.extract for p in claim.positions):
            analysis.by_extract_claims.setdefault(extract_id, []).append(claim)
    return analysis
