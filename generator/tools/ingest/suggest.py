"""Suggestions for a new article's extracts: one per statement, with topics, speaker, stance, time and figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...link.linked import find_mentions
from ...model import Entity, PartialDate, Quantity, Topic
from ...text import alias_pattern
from .attribution import ANALYST, VERB, Attribution, Speakers
from .events import EventDates, event_dates_in
from .statements import Said, SuggestedFigure, figures_in, said_before, said_when, sentences

# A clause that starts with its verb ("telling a summit that …", "and strongly condemned …", "but warned …") has
# no subject of its own.
_PREDICATE = re.compile(rf"(?:(?:and|but|or|yet)\s+)?(?:\w+ly\s+)?{VERB.pattern}")


@dataclass
class Known:
    """What the existing briefing offers for suggestions: entities and topics."""

    entities: list[Entity] = field(default_factory=list)
    topics: tuple[Topic, ...] = ()
    quantities: tuple[Quantity, ...] = ()

    def __post_init__(self) -> None:
        # Articles spell apostrophes both ways ("South Korea's spy agency", "South Korea’s spy agency").
        self.owner = {spelling: e.id for e in self.entities for name in e.names
                      for spelling in (name, name.replace("’", "'"), name.replace("'", "’"))}
        # A person is often named by surname alone after the first mention ("Budanov said"): the last word of the
        # name, where no one else has it and it is no other name.
        last_words = [e.name.split()[-1] for e in self.entities if e.kind == "person" and len(e.name.split()) > 1]
        for e in self.entities:
            word = e.name.split()[-1] if e.kind == "person" and len(e.name.split()) > 1 else ""
            if len(word) >= 4 and word[:1].isupper() and last_words.count(word) == 1 and word not in self.owner:
                self.owner[word] = e.id
        self.pattern = alias_pattern(self.owner)
        self.kinds = {e.id: e.kind for e in self.entities}
        self.names = {e.id: e.name for e in self.entities}

    def speakers(self) -> Speakers:
        """A fresh attribution memory, for one article."""
        analysts = frozenset(e.id for e in self.entities if (e.kind == "person" and ANALYST.search(f"{e.role} {e.description}"))
                             or (e.kind == "group" and ANALYST.search(e.name)))
        return Speakers(self.pattern, self.owner, self.kinds, self.names, analysts, self.capitals())

    def capitals(self) -> dict[str, str]:
        """Places whose description calls them a country's capital, speaking for its government ("Moscow denied")."""
        countries = {e.name.lower(): e.id for e in self.entities if e.kind == "country"}
        found = {}
        for place in (e for e in self.entities if e.kind == "place"):
            named = re.search(r"\b(?i:capital) of (?:the )?([A-Z][\w’' -]*?)(?=[;,.]|$)", place.description)
            if named and named.group(1).lower() in countries:
                found[place.id] = countries[named.group(1).lower()]
        return found

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

@dataclass(frozen=True)
class Statement:
    """One suggested extract: a sentence of a paragraph and what it is likely to be."""

    line: int
    quote: str
    speaker: str
    stance: str
    how: str  # how the speaker was found, for the editor
    said: Said | None
    events: EventDates | None
    figures: tuple[SuggestedFigure, ...]
    topics: tuple[str, ...]
    named: tuple[str, ...]

def suggest_statements(paragraphs: list[tuple[int, str]], known: Known, published: PartialDate) -> list[Statement]:
    """A suggestion per sentence of each paragraph, in order; pronouns resolved across the article."""
    speakers = known.speakers()
    found = []
    last_said: dict[str, tuple[Said, int]] = {}  # speaker -> their last dated statement and its line
    for line, paragraph in paragraphs:
        previous = None
        for sentence in sentences(" ".join(paragraph.split())):
            who = speakers.attribute(sentence)
            if not who.stance and previous and previous.speaker and (re.search(r"\bthat\b", previous.quote) or sentence[:1].islower()):
                # "Cho told lawmakers that … . Currently, these soldiers are …", "X said … and while it remains
                # unclear …": the reported speech goes on.
                who = Attribution(previous.speaker, previous.stance, "continues the reported speech of the sentence before")
            elif not who.speaker and previous and previous.speaker and _PREDICATE.match(sentence):
                # A clause cut from the sentence before ("…, telling a summit that …") has that sentence's speaker.
                who = Attribution(previous.speaker, who.stance or previous.stance, "the speaker of the clause before")
            said = (said_when(sentence, published) or said_before(sentence, published)) if who.speaker else None
            if said and not said.value.startswith("before"):
                last_said[who.speaker] = last_said[""] = (said, line)
            elif not said and who.speaker and (who.speaker in last_said or "" in last_said):
                # Reporters date a statement once and go on quoting it: the next words share the date last given,
                # the same speaker's first. A suggestion: the editor checks it against the article.
                earlier, earlier_line = last_said.get(who.speaker) or last_said[""]
                said = Said(earlier.value, f"Not dated here; the last date given before it (line {earlier_line}): {earlier.note}")
            events = event_dates_in(sentence, published, said.value if said else "")
            found.append(Statement(line, sentence, who.speaker, who.stance if who.speaker else "", who.how, said, events,
                                   tuple(figures_in(sentence, known.quantities)), tuple(suggest_topics(sentence, known.topics)),
                                   tuple(suggest_entities(sentence, known))))
            previous = found[-1]
    return found
