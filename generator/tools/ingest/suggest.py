"""Suggestions for a new article's extracts: topics, entities named, and who is speaking."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...link.linked import find_mentions
from ...model import Entity, Topic
from ...text import alias_pattern
from ...vocab import STANCE_VERBS

_STATEMENT = re.compile(r"\b(said|says|told|stated|added|announced|according to|"
                        + "|".join(STANCE_VERBS) + r")\b", re.IGNORECASE)
_SPEAKER_KINDS = ("person", "organisation", "country", "group")


@dataclass
class Known:
    """What the existing briefing offers for suggestions: entities and topics."""

    entities: list[Entity] = field(default_factory=list)
    topics: tuple[Topic, ...] = ()

    def __post_init__(self) -> None:
        self.pattern = alias_pattern(name for e in self.entities for name in e.names)
        self.owner = {name: e.id for e in self.entities for name in e.names}
        self.kinds = {e.id: e.kind for e in self.entities}


def suggest_topics(text: str, topics: tuple[Topic, ...]) -> list[str]:
    """Ids of topics whose `keywords` (or, without any, the words of whose id) start a word of the text."""
    found = []
    for topic in topics:
        words = topic.keywords or tuple(w for w in topic.id.split("-") if len(w) >= 4)
        rule = "|".join(re.escape(w) for w in words)
        if rule and re.search(rf"\b(?:{rule})\w*", text, re.IGNORECASE):
            found.append(topic.id)
    return found


def suggest_entities(text: str, known: Known) -> list[str]:
    """Ids of known entities named in the text, in order of first mention."""
    return list(dict.fromkeys(m.entity for m in find_mentions(text, known.pattern, known.owner)))


def suggest_speaker(text: str, known: Known) -> tuple[str, str]:
    """(speaker, stance) when the paragraph reports a statement by a named entity, else ("", "").

    The speaker suggested is the named person, organisation, country or group nearest to the
    first reporting verb ("…, the president’s office said" names the office, not the president).
    """
    verb = _STATEMENT.search(text)
    if not verb:
        return "", ""
    candidates = [m for m in find_mentions(text, known.pattern, known.owner)
                  if known.kinds.get(m.entity) in _SPEAKER_KINDS
                  and not re.search(r"\btold\s+(?:the\s+)?$", text[:m.start])]  # "he told AFP": the listener
    if not candidates:
        return "", ""
    nearest = min(candidates, key=lambda m: verb.start() - m.end if m.end <= verb.start() else m.start - verb.end() + 1)
    lowered = text.lower()
    stance = next((p for p in STANCE_VERBS if re.search(rf"\b{p}\b", lowered)), "stated")
    return nearest.entity, stance
