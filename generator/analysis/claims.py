"""Who said what on the key claims, and how many sources carry each claim and event."""

from __future__ import annotations

from dataclasses import dataclass

from ..link.linked import LinkedBriefing
from ..model import Claim, Extract, Position
from ..vocab import SUPPORTING_CLAIM_STANCES


@dataclass(frozen=True)
class Stand:
    """One position, resolved: who, what stance, when, from which extract."""

    actor: str
    position: Position
    extract: Extract


@dataclass(frozen=True)
class Corroboration:
    """How widely a claim or event is carried."""

    sources: tuple[str, ...]  # distinct articles reporting it
    voices: tuple[str, ...]  # distinct actors asserting it (claims) or speakers reporting it (events)

    @property
    def single_source(self) -> bool:
        """Carried by one article only."""
        return len(self.sources) == 1


def stands(linked: LinkedBriefing, claim: Claim) -> list[Stand]:
    """The positions on a claim, resolved to actors, in date order."""
    data = linked.dataset
    result = []
    for position in claim.positions:
        extract = data.extracts[position.extract]
        result.append(Stand(position.actor or extract.speaker, position, extract))
    result.sort(key=lambda s: (linked.reported_on(s.extract), s.actor, s.extract.id))
    return result


def matrix_actors(linked: LinkedBriefing, claims: tuple[Claim, ...]) -> tuple[str, ...]:
    """Every actor with a position on any claim, by name."""
    actors = {s.actor for c in claims for s in stands(linked, c)}
    return tuple(sorted(actors, key=lambda a: (linked.dataset.entities[a].name.casefold(), a)))


def claim_corroboration(linked: LinkedBriefing, claim: Claim) -> Corroboration:
    """Articles and actors supporting a claim (asserting or expecting it)."""
    supporting = [s for s in stands(linked, claim) if s.position.stance in SUPPORTING_CLAIM_STANCES]
    return Corroboration(tuple(dict.fromkeys(s.extract.source for s in supporting)),
                         tuple(dict.fromkeys(s.actor for s in supporting)))


def event_corroboration(extracts: tuple[Extract, ...]) -> Corroboration:
    """Articles reporting an event and the named speakers they rely on."""
    return Corroboration(tuple(dict.fromkeys(e.source for e in extracts)),
                         tuple(dict.fromkeys(e.speaker for e in extracts if e.speaker)))
