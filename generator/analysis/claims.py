"""Who said what on the key claims: positions, statements and sides; and how many independent voices and outlets carry each claim and event."""

from __future__ import annotations

from dataclasses import dataclass

from ..link.linked import LinkedBriefing
from ..model import Claim, Dataset, Extract, Position, Source, When
from ..vocab import CLAIM_STANCES, SUPPORTING_CLAIM_STANCES


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


@dataclass(frozen=True)
class Statement:
    """One actor's stance on one claim at one time, however many extracts and articles retell it.

    "At one time" is the `When` as exactly as the articles give it: a statement dated 18 October and
    one reported by 18 October without a day are two statements, never merged.
    """

    actor: str
    stance: str
    when: When
    voice: str  # the entity the actor ultimately speaks for (`voice`)
    side: str  # that voice when it is a side of the story (`sides`), else "" (analysts, media, unnamed sources)
    retellings: tuple[Stand, ...]  # the extracts that report it, in article order
    lead: Stand  # the most central retelling, whose words stand for the statement

    @property
    def sources(self) -> tuple[str, ...]:
        """The articles that report the statement, each once."""
        return tuple(dict.fromkeys(s.extract.source for s in self.retellings))


def sides(dataset: Dataset) -> frozenset[str]:
    """The voices that count as sides of the story: countries, and bodies that others speak for (NATO through its secretary-general).

    Everyone else (a broadcaster, an academic, "unnamed officials", a joint statement) speaks only
    for themselves and is shown apart from the sides.
    """
    spoken_for = {voice(dataset, e.id) for e in dataset.entities.values() if e.voice_of}
    countries = {e.id for e in dataset.entities.values() if e.kind == "country"}
    return frozenset(spoken_for | countries)


def claim_statements(linked: LinkedBriefing) -> dict[str, tuple[Statement, ...]]:
    """Every claim's positions grouped into statements (same actor, stance and time), in time order."""
    data = linked.dataset
    side_voices = sides(data)
    result = {}
    for claim in sorted(data.claims.values(), key=lambda c: (c.order, c.id)):
        groups: dict[tuple[str, str, When], list[Stand]] = {}
        for stand in stands(linked, claim):
            groups.setdefault((stand.actor, stand.position.stance, linked.said(stand.extract)), []).append(stand)
        found = []
        for (actor, stance, when), group in groups.items():
            group.sort(key=lambda s: _article_order(linked, s.extract))
            lead = min(group, key=lambda s: (-linked.weights.get(s.extract.id, 0), _article_order(linked, s.extract)))
            top = voice(data, actor)
            found.append(Statement(actor, stance, when, top, top if top in side_voices else "", tuple(group), lead))
        found.sort(key=lambda s: (s.when.sort_key(), data.entities[s.actor].name.casefold(), s.actor, CLAIM_STANCES.index(s.stance)))
        result[claim.id] = tuple(found)
    return result


def _article_order(linked: LinkedBriefing, extract: Extract) -> tuple:
    """Articles by publication, then place in the article (seed line), then id."""
    citation = linked.citations.get(extract.id)
    source = linked.dataset.sources[extract.source]
    return (source.published, source.id, citation.line if citation else 0, extract.id)


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
