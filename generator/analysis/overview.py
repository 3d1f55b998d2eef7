"""The briefing at a glance, computed: where each key claim stands, and the key figures as reported over time.

Nothing here is curator wording but the claims' and quantities' own titles: a claim is "disputed"
because some actor asserts it and another denies it, "agreed" only when several independent, named
voices assert or expect it and none denies it or says it cannot confirm it; anything else is "unconfirmed".
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import When
from ..link.linked import LinkedBriefing
from ..model import Claim, Extract
from .claims import stands, voice
from .figures import FigureGroup, FigureRow

# How the positions on a claim are gathered into camps: supporters, opponents, the unsure.
SUPPORT, AGAINST, UNSURE, NOT_DENIED = ("asserts", "expects"), ("denies", "doubts"), ("cannot confirm",), ("does not deny",)
STATUS_ORDER = ("agreed", "disputed", "unconfirmed")
# Figure kinds the key-figures line follows over time; targets and totals are shown apart.
SERIES_KINDS = ("count", "estimate")
DEFAULT_KEY_FIGURES = 3


@dataclass(frozen=True)
class Camp:
    """Actors who speak for one voice (a country, an alliance, an analyst), with their first statement."""

    voice: str  # entity id of the top voice
    actors: tuple[str, ...]  # in the order they first spoke
    first: When
    extract: Extract  # the first statement, to link to


@dataclass(frozen=True)
class ClaimStanding:
    """Where a key claim stands: who supports it, who denies it, who could not confirm it."""

    claim: Claim
    status: str  # one of STATUS_ORDER
    support: tuple[Camp, ...]
    against: tuple[Camp, ...]
    unsure: tuple[Camp, ...]
    not_denied: tuple[Camp, ...]


def _camps(linked: LinkedBriefing, claim_stands, stances: tuple[str, ...]) -> tuple[Camp, ...]:
    camps: dict[str, list] = {}
    for stand in claim_stands:  # in time order
        if stand.position.stance in stances:
            camps.setdefault(voice(linked.dataset, stand.actor), []).append(stand)
    # The voices with most to say first (their statements retold by many articles count once each).
    ranked = sorted(camps.items(), key=lambda item: -len({(s.actor, linked.said(s.extract)) for s in item[1]}))
    return tuple(Camp(top, tuple(dict.fromkeys(s.actor for s in group)), linked.said(group[0].extract), group[0].extract)
                 for top, group in ranked)


def claim_standings(linked: LinkedBriefing, claims: tuple[Claim, ...]) -> tuple[ClaimStanding, ...]:
    """Every key claim with its camps and status, in the claims' order."""
    result = []
    for claim in claims:
        claim_stands = stands(linked, claim)
        support, against = _camps(linked, claim_stands, SUPPORT), _camps(linked, claim_stands, AGAINST)
        unsure, not_denied = _camps(linked, claim_stands, UNSURE), _camps(linked, claim_stands, NOT_DENIED)
        # Unnamed groups ("unattributed reports", "South Korean media") are not independent voices of their own.
        named = [camp for camp in support if linked.dataset.entities[camp.voice].kind != "group"]
        if against:
            status = "disputed"
        elif len(named) >= 2 and not unsure:
            status = "agreed"
        else:
            status = "unconfirmed"
        result.append(ClaimStanding(claim, status, support, against, unsure, not_denied))
    return tuple(result)


@dataclass(frozen=True)
class FigureStep:
    """One value as reported: who gave it and when (several articles retelling it are one step)."""

    text: str  # "at least 3,000"
    voices: tuple[str, ...]  # claimants' entity ids; "" for the article's own voice
    when: When
    extract: Extract


@dataclass(frozen=True)
class KeyFigureLine:
    """A key figure over time: the steps of its count or estimate, then its targets and totals."""

    label: str
    unit: str
    steps: tuple[FigureStep, ...]
    other: tuple[FigureStep, ...]  # targets ("10,000 by December 2024") and totals since a date


def _written(row: FigureRow) -> str:
    figure = row.figure
    text = f"{figure.qualifier} {figure.text}" if figure.qualifier else figure.text
    if figure.kind == "target":
        return text + (f" by {figure.by.human()}" if figure.by else " (target)")
    if figure.kind == "cumulative":
        return text + (f" since {figure.since.human()}" if figure.since else " in total")
    return text


def _steps(linked: LinkedBriefing, rows: list[FigureRow], said: bool = False) -> tuple[FigureStep, ...]:
    """Rows as steps: one per value and time, with every voice that gave it; a voice repeating its value is not a new step.

    A step's time is the time the figure describes, or (`said`) when it was given: a target's own time is its horizon.
    """
    steps: dict[tuple, list[FigureRow]] = {}
    said_before: dict[tuple, tuple] = {}
    for row in sorted(rows, key=lambda r: (r.when.sort_key(), r.figure.low, r.extract.source, r.extract.id)):
        value = (_written(row), row.figure.low, row.figure.high)
        speaker = voice(linked.dataset, row.claimant) if row.claimant else ""
        key = said_before.setdefault((value, speaker), (value, row.when))
        steps.setdefault(key, []).append(row)
    return tuple(FigureStep(_written(group[0]), tuple(dict.fromkeys(r.claimant for r in group)),
                            linked.said(group[0].extract) if said else group[0].when, group[0].extract)
                 for group in steps.values())


def key_figure_lines(linked: LinkedBriefing, groups: tuple[FigureGroup, ...]) -> tuple[KeyFigureLine, ...]:
    """The key figures the editors chose (`key_figures` in briefing.yml), else the first quantities that have figures."""
    by_quantity = {group.quantity.id: group for group in groups}
    chosen = [(k.label, k.quantities) for k in linked.dataset.briefing.key_figures]
    if not chosen:
        chosen = [("", (group.quantity.id,)) for group in groups[:DEFAULT_KEY_FIGURES]]
    lines = []
    for label, quantities in chosen:
        present = [by_quantity[q] for q in quantities if q in by_quantity]
        if not present:
            continue
        rows = [row for group in present for row in group.rows]
        series = [r for r in rows if r.figure.kind in SERIES_KINDS]
        lines.append(KeyFigureLine(label or present[0].quantity.title, present[0].quantity.unit, _steps(linked, series),
                                   _steps(linked, [r for r in rows if r.figure.kind not in SERIES_KINDS], said=True)))
    return tuple(lines)
