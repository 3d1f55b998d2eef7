"""Names an article uses that the briefing's entities do not know yet, proposed as entity stubs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...link.linked import find_mentions
from .suggest import Known
from .text import slug

_CAPITALISED = r"[A-Z][\w’'.-]*"
_NAME = re.compile(rf"(?<![\w’'-])(?:{_CAPITALISED})(?:\s+(?:of\s+the\s+|of\s+|de\s+|al-)?{_CAPITALISED}){{1,4}}")
_ORGANISATION = re.compile(r"\b(?:Agency|Ministry|Service|Council|Office|Institute|University|Command|Committee|Department|"
                           r"Directorate|Forces|Army|Navy|Party|Association|Center|Centre|Foundation|News|Times|Post)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|near|at|to|from|outside|around)\s+(?:the\s+)?$")
_PERSON_BEFORE = re.compile(r"\b(?:President|Minister|Secretary|Spokesman|Spokeswoman|Mr|Mrs|Ms|Dr|General|Gen\.|chief|"
                            r"director|professor|analyst|leader|ambassador|envoy)\s+$", re.IGNORECASE)
_TITLES = {"President", "Prime", "Minister", "Defence", "Defense", "Foreign", "Deputy", "Secretary", "General", "Mayor",
           "Chairman", "Chair", "Opposition", "Leader", "Mr", "Mrs", "Ms", "Dr", "Professor", "Ambassador", "Governor",
           "Senator", "Commander", "Chief", "Spokesman", "Spokeswoman", "Vice"}
_NOT_NAMES = {"The", "A", "An", "But", "And", "In", "On", "At", "It", "This", "That", "He", "She", "They", "We", "I",
              "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


@dataclass(frozen=True)
class EntityStub:
    """A proposed entity: id, guessed kind, the name as printed and other spellings seen."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]


def entity_stubs(paragraphs: list[str], known: Known) -> list[EntityStub]:
    """Capitalised names of two words or more that no known name covers, each once, in order of first use."""
    found: dict[str, EntityStub] = {}
    taken = {e.id for e in known.entities}
    for paragraph in paragraphs:
        covered = [(m.start, m.end) for m in find_mentions(paragraph, known.pattern, known.owner)]
        for match in _NAME.finditer(paragraph):
            words = match.group(0).split()
            titled = False
            while words and (words[0] in _NOT_NAMES or words[0].rstrip(".") in _TITLES):
                titled = titled or words[0].rstrip(".") in _TITLES
                words.pop(0)
            name = " ".join(words).rstrip(".’'")
            if len(name.split()) < 2 or any(a < match.end() and match.start() < b for a, b in covered):
                continue
            before = paragraph[:match.start()]
            kind = ("organisation" if _ORGANISATION.search(name) else "person" if titled or _PERSON_BEFORE.search(before)
                    else "place" if _PLACE_BEFORE.search(before) else "person" if len(name.split()) <= 3 else "organisation")
            key = name.casefold()
            if key in found:
                continue
            spelled = next((s for s in found.values() if _same_person(s.name, name)), None)
            if spelled:  # "Zelensky" and "Zelenskyy": one entity, two spellings
                found[spelled.name.casefold()] = EntityStub(spelled.id, spelled.kind, spelled.name, (*spelled.aliases, name))
                continue
            ident = slug(name) or "entity"
            while ident in taken:
                ident += "-new"
            taken.add(ident)
            found[key] = EntityStub(ident, kind, name, ())
    return sorted({s.id: s for s in found.values()}.values(), key=lambda s: s.id)


def _same_person(first: str, second: str) -> bool:
    """Two spellings of one name: same first word, last words that differ only by a doubled or extra letter."""
    a, b = first.split(), second.split()
    if len(a) != len(b) or a == b or a[:-1] != b[:-1]:
        return False
    x, y = sorted((a[-1].lower(), b[-1].lower()), key=len)
    return len(y) - len(x) == 1 and y.startswith(x)
