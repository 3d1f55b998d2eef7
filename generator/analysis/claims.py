"""Who said what on the key claims, and how many independent voices and outlets carry each claim and event."""

from __future__ import annotations

from dataclasses import dataclass

from ..link.linked import LinkedBriefing
from ..model import Claim, Dataset, Extract, Position, Source
from ..vocab import SUPPORTING_CLAIM_STANCES


@dataclass(frozen=True)
class Stand:
    """One position, resolved: who, what stance, when, from which extract."""

    actor: str
    position: Position
    extract: Extract


@dataclass(frozen=True)
class Corroboration:
    """How widely a claim or event is carried, and by how many independent voices.

    Articles are counted once each; outlets once each (two articles of one agency's copy are one
    outlet); voices once each, a spokesman counted with the body he speaks for (`voice_of`), so a
    statement retold by many articles is still one voice.
    """

    sources: tuple[str, ...]  # distinct articles reporting it
    outlets: tuple[str, ...]  # distinct outlets or credited agencies behind those articles
    voices: tuple[str, ...]  # distinct top-level voices asserting it (claims) or reporting it (events)

    @property
    def single_source(self) -> bool:
        """Carried by one article only."""
        return len(self.sources) == 1

    @property
    def single_voice(self) -> bool:
        """Carried by one voice only, however many articles repeat it."""
        return len(self.voices) == 1


def stands(linked: LinkedBriefing, claim: Claim) -> list[Stand]:
    """The positions on a claim, resolved to actors, in time order."""
    data = linked.dataset
    result = []
    for position in claim.positions:
        extract = data.extracts[position.extract]
        result.append(Stand(position.actor or extract.speaker, position, extract))
    result.sort(key=lambda s: (linked.said(s.extract).sort_key(), s.actor, s.extract.id))
    return result


def matrix_actors(linked: LinkedBriefing, claims: tuple[Claim, ...]) -> tuple[str, ...]:
    """Every actor with a position on any claim, by name."""
    actors = {s.actor for c in claims for s in stands(linked, c)}
    return tuple(sorted(actors, key=lambda a: (linked.dataset.entities[a].name.casefold(), a)))


def voice(dataset: Dataset, entity_id: str) -> str:
    """The entity an actor ultimately speaks for (following `voice_of`); itself when it speaks for no other."""
    seen = set()
    while entity_id in dataset.entities and dataset.entities[entity_id].voice_of and entity_id not in seen:
        seen.add(entity_id)
        entity_id = dataset.entities[entity_id].voice_of
    return entity_id


def outlet(source: Source) -> str:
    """Who stands behind an article's text: the credited agency, else the outlet, else the article itself."""
    if source.agency:
        return source.agency
    return source.outlet if source.outlet.casefold() != "unknown" else f"({source.id})"


def corroboration(linked: LinkedBriefing, extracts: list[Extract], actors: list[str]) -> Corroboration:
    """Articles, outlets and independent voices behind some extracts and the actors they quote."""
    data = linked.dataset
    sources = tuple(dict.fromkeys(e.source for e in extracts))
    return Corroboration(sources, tuple(dict.fromkeys(outlet(data.sources[s]) for s in sources)),
                         tuple(dict.fromkeys(voice(data, a) for a in actors if a)))


def claim_corroboration(linked: LinkedBriefing, claim: Claim) -> Corroboration:
    """Articles, outlets and voices supporting a claim (asserting or expecting it)."""
    supporting = [s for s in stands(linked, claim) if s.position.stance in SUPPORTING_CLAIM_STANCES]
    return corroboration(linked, [s.extract for s in supporting], [s.actor for s in supporting])


def event_corroboration(linked: LinkedBriefing, extracts: tuple[Extract, ...]) -> Corroboration:
    """Articles reporting an event, their outlets, and the voices they rely on."""
    return corroboration(linked, list(extracts), [e.speaker for e in extracts])
