"""Run every analysis once, after linking, and index the results by extract for cross-links."""

from __future__ import annotations

from dataclasses import dataclass

from ..link.linked import LinkedBriefing
from ..model import Claim
from ..reuse import Reuse
from .claims import matrix_actors
from .discrepancies import Discrepancy, find_discrepancies
from .shared_words import repeated_word_pairs
from .figures import FigureGroup, group_figures
from .timeline import TimelineEntry, build_timeline


@dataclass(frozen=True)
class Analysis:
    """What the analysis pages show, plus reverse indexes from extracts to those results."""

    timeline: tuple[TimelineEntry, ...]
    figure_groups: tuple[FigureGroup, ...]
    retold: tuple[tuple[str, str], ...]  # extracts of one speaker whose words two articles share: one statement retold
    claims: tuple[Claim, ...]
    actors: tuple[str, ...]
    discrepancies: tuple[Discrepancy, ...]
    by_extract_timeline: dict[str, tuple[TimelineEntry, ...]]
    by_extract_figures: dict[str, tuple[FigureGroup, ...]]
    by_extract_discrepancies: dict[str, tuple[Discrepancy, ...]]
    by_extract_claims: dict[str, tuple[Claim, ...]]


def analyse(linked: LinkedBriefing, reuse: Reuse | None = None) -> Analysis:
    """Timeline, figure groups, claims matrix and discrepancies for the whole briefing.

    `reuse`: the runs of words each quote was cut into by the previous build (see shared_words).
    """
    timeline = build_timeline(linked)
    groups = group_figures(linked)
    claims = tuple(sorted(linked.dataset.claims.values(), key=lambda c: (c.order, c.id)))
    pairs = repeated_word_pairs(linked, reuse)
    discrepancies = find_discrepancies(linked, groups, pairs)
    by_timeline: dict[str, list[TimelineEntry]] = {}
    for entry in timeline:
        for extract in entry.extracts:
            by_timeline.setdefault(extract.id, []).append(entry)
    by_figures: dict[str, list[FigureGroup]] = {}
    for group in groups:
        for extract_id in dict.fromkeys(row.extract.id for row in group.rows):
            by_figures.setdefault(extract_id, []).append(group)
    by_discrepancies: dict[str, list[Discrepancy]] = {}
    for discrepancy in discrepancies:
        for extract in discrepancy.extracts:
            by_discrepancies.setdefault(extract.id, []).append(discrepancy)
    by_claims: dict[str, list[Claim]] = {}
    for claim in claims:
        for extract_id in dict.fromkeys(p.extract for p in claim.positions):
            by_claims.setdefault(extract_id, []).append(claim)
    retold = tuple((a, b) for a, b in pairs if linked.dataset.extracts[a].speaker == linked.dataset.extracts[b].speaker)
    return Analysis(timeline, groups, retold, claims, matrix_actors(linked, claims), discrepancies,
                    _frozen(by_timeline), _frozen(by_figures), _frozen(by_discrepancies), _frozen(by_claims))


def _frozen(index: dict[str, list]) -> dict[str, tuple]:
    return {key: tuple(values) for key, values in index.items()}
