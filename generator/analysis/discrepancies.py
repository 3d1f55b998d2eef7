"""Conflicts between sources about the same fact, most important first; which side is right is never decided.

Four kinds (vocab.DISCREPANCY_KINDS): the same words given to different speakers (attribution);
a claim or figure one source gives to an actor while another says that actor could not confirm
or denied it (claimant); figures that cannot both be true (figures); dates of one event that
cannot be the same day (dates). A claim that some assert and others deny is the story's dispute,
not a conflict between sources: the who-said-what page shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..link.linked import LinkedBriefing
from ..model import Extract
from ..routes import discrepancy_anchor
from ..vocab import DISCREPANCY_KINDS, SUPPORTING_CLAIM_STANCES, UNSUPPORTING_STANCES
from .claims import stands
from .figures import FigureConflict, FigureGroup, FigureRow
from .shared_words import WordPairs


@dataclass(frozen=True)
class Side:
    """One side of a conflict: who says what, and the extracts that say it."""

    says: str
    extracts: tuple[Extract, ...]


@dataclass(frozen=True)
class Discrepancy:
    """One conflict between sources about the same fact."""

    anchor: str
    kind: str
    title: str
    statement: str  # the conflict in one plain sentence
    sides: tuple[Side, ...]
    importance: int

    @property
    def extracts(self) -> tuple[Extract, ...]:
        """Every extract involved, each once."""
        return tuple(dict.fromkeys(e for side in self.sides for e in side.extracts))

    @property
    def details(self) -> tuple[str, ...]:
        """The statement and what each side says, as plain lines."""
        return (self.statement, *(side.says for side in self.sides))


class _Finder:
    """Builds discrepancies with the shared pieces: names, dates, and each extract's weight."""

    def __init__(self, linked: LinkedBriefing):
        self.linked, self.data = linked, linked.dataset
        self.weight = linked.weights

    def who(self, extract: Extract) -> str:
        return self.linked.name_of(extract.speaker) if extract.speaker else "the article itself"

    def says(self, extract: Extract, what: str, when=None) -> str:
        return f"{what} ({(when or self.linked.said(extract)).short()})"

    def make(self, kind: str, ids: tuple[str, ...], title: str, statement: str, sides: tuple[Side, ...]) -> Discrepancy:
        extracts = {e.id for side in sides for e in side.extracts}
        importance = len(extracts) + sum(self.weight.get(i, 0) for i in extracts)
        return Discrepancy(discrepancy_anchor(kind, *ids), kind, title, statement, sides, importance)


def attribution_conflicts(finder: _Finder, pairs: WordPairs) -> list[Discrepancy]:
    """The same run of words attributed to different speakers by different sources."""
    found = []
    for a_id, b_id in pairs:
        a, b = finder.data.extracts[a_id], finder.data.extracts[b_id]
        if a.speaker == b.speaker:
            continue  # one statement retold by two articles
        found.append(finder.make(
            "attribution", (a_id, b_id), f"Same words, two speakers: {finder.who(a)} or {finder.who(b)}?",
            f"Two articles quote the same words but give them to different people: {finder.who(a)} in one, "
            f"{finder.who(b)} in the other.",
            (Side(finder.says(a, finder.who(a)), (a,)), Side(finder.says(b, finder.who(b)), (b,)))))
    return found


def claimant_conflicts(finder: _Finder, groups: tuple[FigureGroup, ...]) -> list[Discrepancy]:
    """A figure or claim one source gives to an actor, while another says that actor could not confirm or denied it."""
    found = []
    for group in groups:
        by_claimant: dict[str, list[FigureRow]] = {}
        for row in group.rows:
            by_claimant.setdefault(row.claimant, []).append(row)
        doubted = [(other, doubt) for other in group.rows for doubt in _doubts_beside(finder, other)]
        for other, doubt in doubted:
            for row in by_claimant.get(doubt.speaker, []):
                if row.extract.source == other.extract.source or not _same_figure(row, other):
                    continue
                name, unit = finder.linked.name_of(row.claimant), group.quantity.unit
                found.append(finder.make(
                    "claimant", (group.quantity.id, row.extract.id, other.extract.id),
                    f"Whose figure is {row.figure.text} {unit}?",
                    f"One article gives {_written(row)} {unit} as {name}’s own figure; another says the figure came from "
                    f"{finder.linked.name_of(other.claimant)}, and that {name} {doubt.stance} it.",
                    (Side(finder.says(row.extract, f"{name}: {_written(row)}", row.when), (row.extract,)),
                     Side(finder.says(other.extract, f"{finder.linked.name_of(other.claimant)}: {_written(other)}; "
                                                     f"{name} {doubt.stance}", other.when), (other.extract, doubt)))))
    for claim in sorted(finder.data.claims.values(), key=lambda c: (c.order, c.id)):
        by_actor: dict[str, list] = {}
        for stand in stands(finder.linked, claim):
            by_actor.setdefault(stand.actor, []).append(stand)
        for actor, actor_stands in sorted(by_actor.items()):
            backing = [s for s in actor_stands if s.position.stance in SUPPORTING_CLAIM_STANCES]
            doubting = [s for s in actor_stands if s.position.stance not in SUPPORTING_CLAIM_STANCES
                        and all(s.extract.source != b.extract.source for b in backing)]
            if not backing or not doubting or all(b.extract.source == d.extract.source for b in backing for d in doubting):
                continue
            name = finder.linked.name_of(actor)
            found.append(finder.make(
                "claimant", (claim.id, actor), f"Does {name} stand behind it? {claim.text}",
                f"Some articles report {name} backing this claim, another reports that {name} "
                f"{' and '.join(dict.fromkeys(d.position.stance for d in doubting))} it.",
                (Side(f"{name} {', '.join(dict.fromkeys(b.position.stance for b in backing))}", tuple(b.extract for b in backing)),
                 Side(f"{name} {', '.join(dict.fromkeys(d.position.stance for d in doubting))}", tuple(d.extract for d in doubting)))))
    return found


def _doubts_beside(finder: _Finder, row: FigureRow) -> list[Extract]:
    """Extracts in the figure's paragraph where someone other than its claimant could not confirm, denied or dismissed it."""
    citation = finder.linked.citations.get(row.extract.id)
    if citation is None:
        return []
    return [e for e in finder.linked.paragraph_extracts.get((citation.source, citation.line), ())
            if e.speaker and e.speaker != row.claimant and e.stance in UNSUPPORTING_STANCES]


def _same_figure(a: FigureRow, b: FigureRow) -> bool:
    (a_low, a_high), (b_low, b_high) = a.interval(), b.interval()
    return a_low <= b_high and b_low <= a_high


def _written(row: FigureRow) -> str:
    return f"{row.figure.qualifier} {row.figure.text}" if row.figure.qualifier else row.figure.text


def figure_conflicts(finder: _Finder, groups: tuple[FigureGroup, ...]) -> list[Discrepancy]:
    """Figures for one quantity that cannot both be true: one discrepancy per set of figures that conflict."""
    found = []
    for group in groups:
        for component in _components(group.conflicts):
            rows = sorted({id(r): r for c in component for r in (c.first, c.second)}.values(),
                          key=lambda r: (r.interval()[0], r.extract.id))
            low, high = rows[0], rows[-1]
            others = len(rows) - 2
            statement = component[0].why if len(component) == 1 else (
                f"{len(rows)} figures for the same time cannot all be true; they range from {_written(low)} to {_written(high)}.")
            found.append(finder.make(
                "figures", (group.quantity.id, low.extract.id), f"{group.quantity.title}: {_written(low)} or {_written(high)}?",
                statement,
                (Side(finder.says(low.extract, f"{finder.linked.name_of(low.claimant)}: {_written(low)}", low.when), (low.extract,)),
                 Side(finder.says(high.extract, f"{finder.linked.name_of(high.claimant)}: {_written(high)}"
                                  + (f" (and {others} other figures)" if others else ""), high.when),
                      tuple(r.extract for r in rows[1:])))))
    return found


def _components(conflicts: tuple[FigureConflict, ...]) -> list[list[FigureConflict]]:
    """Conflicts grouped by the figures they share (figures that clash with one another)."""
    parent: dict[int, int] = {}

    def root(key: int) -> int:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for conflict in conflicts:
        parent[root(id(conflict.first))] = root(id(conflict.second))
    groups: dict[int, list[FigureConflict]] = {}
    for conflict in conflicts:
        groups.setdefault(root(id(conflict.first)), []).append(conflict)
    return list(groups.values())


def date_conflicts(finder: _Finder) -> list[Discrepancy]:
    """Evidence for one event that gives dates which cannot mean the same day."""
    found = []
    data = finder.data
    for event in sorted(data.events.values(), key=lambda e: e.id):
        dated = [(data.extracts[i], span) for i in event.evidence if i in data.extracts for span in data.extracts[i].event_dates]
        clashing = [(e, s) for e, s in dated if any(not s.overlaps(t) for _, t in dated)]
        if not clashing:
            continue
        clashing.sort(key=lambda pair: (pair[1].start.first_day(), pair[0].id))
        (first, first_span), (last, last_span) = clashing[0], clashing[-1]
        found.append(finder.make(
            "dates", (event.id,), f"When? {event.title}",
            f"The articles date this event to {first_span.human()} and to {last_span.human()}, which cannot be the same day.",
            (Side(f"{first_span.human()}, according to {finder.who(first)}", tuple(e for e, s in clashing if not s.overlaps(last_span))),
             Side(f"{last_span.human()}, according to {finder.who(last)}", tuple(e for e, s in clashing if s.overlaps(last_span))))))
    return found


def find_discrepancies(linked: LinkedBriefing, groups: tuple[FigureGroup, ...], pairs: WordPairs) -> tuple[Discrepancy, ...]:
    """Every conflict between sources, the most important first (most central extracts, most extracts)."""
    finder = _Finder(linked)
    found = (attribution_conflicts(finder, pairs) + claimant_conflicts(finder, groups) + figure_conflicts(finder, groups)
             + date_conflicts(finder))
    unique = {d.anchor: d for d in found}
    kinds = [kind for kind, _, _ in DISCREPANCY_KINDS]
    return tuple(sorted(unique.values(), key=lambda d: (-d.importance, kinds.index(d.kind), d.anchor)))
