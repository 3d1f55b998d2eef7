"""Discrepancies between sources, detected from the data; which side is right is never decided."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..link.linked import LinkedBriefing
from ..model import Extract
from ..routes import discrepancy_anchor
from ..text import fold_marks
from .claims import stands
from .figures import FigureGroup

SHINGLE_WORDS = 12  # long enough that a shared run is a quotation, not stock phrasing
COMMON_SHINGLE = 12  # a run of words shared by more extracts than this is stock phrasing, not a quote


@dataclass(frozen=True)
class Discrepancy:
    """One disagreement between sources, with every extract involved."""

    anchor: str
    kind: str  # "words", "figures", "dates", "contradiction"
    title: str
    details: tuple[str, ...]
    extracts: tuple[Extract, ...]


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold_marks(text).casefold())


WordPairs = list[tuple[str, str]]  # ids of two extracts, the smaller first, sorted


def repeated_word_pairs(linked: LinkedBriefing) -> WordPairs:
    """Extracts from different sources and speakers whose quotes share a run of SHINGLE_WORDS words."""
    speaking = [extract for extract in linked.dataset.extracts.values() if extract.speaker]
    return _pairs_sharing_a_run(linked, _may_share_a_run(linked, speaking))


def _runs(linked: LinkedBriefing, extract: Extract) -> Iterator[tuple[str, ...]]:
    # zip builds every run of SHINGLE_WORDS consecutive words in C, not word by word in Python.
    words = _words(linked.shown_quote(extract))
    return zip(*(words[i:] for i in range(SHINGLE_WORDS)))


def _may_share_a_run(linked: LinkedBriefing, extracts: list[Extract]) -> list[Extract]:
    # Runs are kept as their hashes, small numbers rather than tuples of words, so that the sets stay
    # small and fast for a hundred thousand extracts; the set operations keep, in C, the hashes that
    # occur more than once. Different runs can share a hash, rarely: the exact pass sorts that out.
    hashes_of: list[tuple[Extract, set[int]]] = []
    seen: set[int] = set()
    repeated: set[int] = set()
    for extract in extracts:
        hashes = set(map(hash, _runs(linked, extract)))
        hashes_of.append((extract, hashes))
        repeated |= hashes & seen
        seen |= hashes
    return [extract for extract, hashes in hashes_of if not hashes.isdisjoint(repeated)]


def _pairs_sharing_a_run(linked: LinkedBriefing, extracts: list[Extract]) -> WordPairs:
    # Every extract that shares a run with another is among `extracts`, so grouping them by run
    # gives the same groups as grouping all of them would.
    index: dict[tuple[str, ...], list[Extract]] = {}
    for extract in extracts:
        for run in set(_runs(linked, extract)):
            index.setdefault(run, []).append(extract)
    pairs: set[tuple[str, str]] = set()
    for group in index.values():
        if len(group) == 1 or len(group) > COMMON_SHINGLE:
            continue
        for a in group:
            for b in group:
                if a.id < b.id and a.source != b.source and a.speaker != b.speaker:
                    pairs.add((a.id, b.id))
    return sorted(pairs)


def same_words_other_speaker(linked: LinkedBriefing) -> list[Discrepancy]:
    """The same run of words attributed to different speakers by different sources."""
    found = []
    entities = linked.dataset.entities
    for a_id, b_id in repeated_word_pairs(linked):
        a, b = linked.dataset.extracts[a_id], linked.dataset.extracts[b_id]
        found.append(Discrepancy(
            discrepancy_anchor("words", a_id, b_id), "words",
            f"The same words are attributed to {entities[a.speaker].name} and to {entities[b.speaker].name}",
            (f"{linked.dataset.sources[a.source].headline}: {entities[a.speaker].name}",
             f"{linked.dataset.sources[b.source].headline}: {entities[b.speaker].name}"),
            (a, b)))
    return found


def differing_figures(linked: LinkedBriefing, groups: tuple[FigureGroup, ...]) -> list[Discrepancy]:
    """Figures for the same quantity that cannot all be true at once."""
    found = []
    for group in groups:
        conflicting = group.conflicting()
        if not conflicting:
            continue
        # One line per figure and claimant, however many articles repeat it.
        lines: dict[tuple[str, str], list] = {}
        for row in conflicting:
            value = f"{row.figure.qualifier + ' ' if row.figure.qualifier else ''}{row.figure.text}"
            lines.setdefault((value, row.claimant), []).append(row)
        details = tuple(
            f"{value}: {linked.name_of(claimant)}, as of {', '.join(dict.fromkeys(r.as_of.human() for r in rows))} "
            f"(in {_articles(len({r.extract.source for r in rows}))})"
            for (value, claimant), rows in lines.items())
        found.append(Discrepancy(discrepancy_anchor("figures", group.quantity.id), "figures",
                                 f"Figures differ for: {group.quantity.title}", details,
                                 tuple(dict.fromkeys(r.extract for r in conflicting))))
    return found


def differing_event_dates(linked: LinkedBriefing) -> list[Discrepancy]:
    """Evidence for one event that gives dates which cannot mean the same day."""
    found = []
    data = linked.dataset
    for event in sorted(data.events.values(), key=lambda e: e.id):
        dated = [(data.extracts[i], span) for i in event.evidence if i in data.extracts for span in data.extracts[i].event_dates]
        clashing = [(e, s) for e, s in dated if any(not s.overlaps(t) for _, t in dated)]
        if clashing:
            details = tuple(f"{s.human()} ({data.sources[e.source].headline})" for e, s in clashing)
            found.append(Discrepancy(discrepancy_anchor("dates", event.id), "dates", f"Different dates for: {event.title}", details,
                                     tuple(dict.fromkeys(e for e, _ in clashing))))
    return found


def contradictions(linked: LinkedBriefing) -> list[Discrepancy]:
    """A claim asserted by one source and denied in another."""
    found = []
    for claim in sorted(linked.dataset.claims.values(), key=lambda c: (c.order, c.id)):
        claim_stands = stands(linked, claim)
        asserting = [s for s in claim_stands if s.position.stance == "asserts"]
        denying = [s for s in claim_stands if s.position.stance == "denies"]
        clash = [(a, d) for a in asserting for d in denying if a.extract.source != d.extract.source and a.actor != d.actor]
        if not clash:
            continue
        involved = tuple(dict.fromkeys(s for pair in clash for s in pair))
        details = tuple(dict.fromkeys(
            f"{linked.name_of(s.actor)} {s.position.stance} ({linked.reported_on(s.extract).human()})" for s in involved))
        found.append(Discrepancy(discrepancy_anchor("contradiction", claim.id), "contradiction", f"Asserted and denied: {claim.text}", details,
                                 tuple(dict.fromkeys(s.extract for s in involved))))
    return found


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def find_discrepancies(linked: LinkedBriefing, groups: tuple[FigureGroup, ...]) -> tuple[Discrepancy, ...]:
    """Every kind of discrepancy, in a stable order."""
    return tuple(same_words_other_speaker(linked) + differing_figures(linked, groups) + differing_event_dates(linked)
                 + contradictions(linked))
