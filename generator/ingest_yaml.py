"""Write the YAML of an ingested article: its source entry and a skeleton of suggested extracts."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

import yaml

from .link import alias_pattern, find_mentions

# Keyword rules for suggested topics; only rules whose topic exists in the briefing are used.
TOPIC_KEYWORDS = {
    "deployment": r"troops?|soldiers?|deploy\w*|dispatch\w*|forces|brigades?|battalions?|personnel",
    "arms-transfers": r"weapons?|shells?|missiles?|munitions?|containers?|ammunition|arms|artillery|rockets?",
    "reactions": r"said|says|condemn\w*|denied|denies|minister\w*|spokes(?:man|woman|person)|warned|urged|statement",
    "expert-analysis": r"experts?|analysts?|professor|researchers?|institute",
}
# Phrases first: "declined to comment" says more about the stance than the "said" after it.
_STANCE_PHRASES = ("declined to comment", "did not comment", "could not confirm", "did not deny", "denied",
                   "dismissed", "warned", "confirmed", "claimed", "condemned", "urged", "accused")
_STATEMENT = re.compile(r"\b(said|says|told|stated|added|announced|according to|"
                        + "|".join(_STANCE_PHRASES) + r")\b", re.IGNORECASE)
_SPEAKER_KINDS = ("person", "organisation", "country", "group")
WIDTH = 96


@dataclass
class Known:
    """What the existing briefing offers for suggestions: entities and topics."""

    entities: list = field(default_factory=list)
    topics: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.pattern = alias_pattern(self.entities)
        self.owner = {name: e.id for e in self.entities for name in e.names}
        self.kinds = {e.id: e.kind for e in self.entities}


@dataclass
class SourceEntry:
    """The fields of the new source, as they will be written."""

    id: str
    seed: str
    headline: str
    headline_by: str
    outlet: str
    outlet_note: str
    published: str
    published_note: str
    language: str
    url: str
    skip: list[tuple[str, str]]
    subheadings: list[int]


def scalar(text: str, indent: int) -> str:
    """Text as a YAML value: plain when that reads back unchanged, else a folded block."""
    text = " ".join(text.split())
    if not text:
        return ""
    try:
        node = yaml.compose(f"k: {text}\n", Loader=yaml.SafeLoader)
        plain_ok = (isinstance(node, yaml.MappingNode) and isinstance(node.value[0][1], yaml.ScalarNode)
                    and node.value[0][1].value == text and node.value[0][1].style is None)
    except yaml.YAMLError:
        plain_ok = False
    return text if plain_ok else ">-\n" + " " * indent + text


def suggest_topics(text: str, topics: tuple[str, ...]) -> list[str]:
    """Existing topic ids whose keywords, or the words of whose id, occur in the paragraph."""
    found = []
    for topic in topics:
        words = [w for w in topic.split("-") if len(w) >= 4]
        rule = TOPIC_KEYWORDS.get(topic) or "|".join(re.escape(w) for w in words)
        if rule and re.search(rf"\b(?:{rule})\b", text, re.IGNORECASE):
            found.append(topic)
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
    stance = next((p for p in _STANCE_PHRASES if re.search(rf"\b{p}\b", lowered)), "stated")
    return nearest.entity, stance


HEADER = """\
# Added by `python -m generator ingest` from {origin}.
# To do:
#   1. Check the source entry: headline, outlet, published and its note, url, and the `skip`
#      lines (page furniture found automatically); compare them with the seed file
#      seeds/{seed}
#      You may move the entry to sources.yml.
#   2. Turn the suggested extracts below into real ones: remove "# " at the start of each line
#      of the ones you keep, cut each quote down to the words you need (copied exactly), and
#      check topics, speaker and stance. Delete the suggestions you do not use.
#   3. Add new people, organisations and places to entities.yml, then run
#      `python -m generator check`: paragraphs no extract cites are listed as warnings.
"""


def render_yaml(entry: SourceEntry, origin: str, paragraphs: list[tuple[int, str]], known: Known) -> str:
    """The whole extracts file: header, source entry, `source:` and commented-out suggestions."""
    out = [HEADER.format(origin=" ".join(origin.split()), seed=entry.seed), "sources:", f"  - id: {entry.id}"]
    for key in ("seed", "headline", "headline_by", "outlet", "outlet_note", "published", "published_note",
                "language", "url"):
        value = getattr(entry, key)
        if value or key == "url":
            out.append(f"    {key}: {scalar(value, 6)}".rstrip())
        elif key == "published_note":
            out.append("    # published_note: how the date was worked out, when the article does not print it")
    if entry.skip:
        out.append("    skip:")
        out.extend(f"      {lines}: {scalar(reason, 8)}" for lines, reason in entry.skip)
    else:
        out.append("    skip: {}")
    if entry.subheadings:
        shown = ", ".join(map(str, entry.subheadings))
        out.append(f"    # subheadings: [{shown}]  # suggested section headings; uncomment if they are")
    out += ["", f"source: {entry.id}", "extracts:"]
    skipped = {int(n) for lines, _ in entry.skip for n in _expand(lines)} | set(entry.subheadings)
    text = [(line, p) for line, p in paragraphs if line not in skipped]
    out += ["  # Suggested extracts, one per paragraph of article text (the id ends with its seed line).",
            f"  # Topics: {', '.join(known.topics) or '(none defined yet)'}."]
    for line, paragraph in text:
        out += [""] + ["  # " + row if row else "  #" for row in _suggestion(entry.id, line, paragraph, known)]
    return "\n".join(out) + "\n"


def _expand(lines: str) -> range:
    first, _, last = lines.partition("-")
    return range(int(first), int(last or first) + 1)


def _suggestion(source_id: str, line: int, paragraph: str, known: Known) -> list[str]:
    """One commented-out extract: YAML lines without the leading "# "."""
    quote = " ".join(paragraph.split())
    rows = [f"- id: {source_id}-line-{line}", "  quote: >-"]
    rows += ["    " + part for part in textwrap.wrap(quote, WIDTH, break_long_words=False, break_on_hyphens=False)]
    topics = suggest_topics(quote, known.topics)
    rows.append(f"  topics: [{', '.join(topics)}]" + ("" if topics else "  # choose at least one"))
    named = suggest_entities(quote, known)
    speaker, stance = suggest_speaker(quote, known)
    if speaker:
        rows += [f"  speaker: {speaker}  # suggested: named nearest to the reporting verb",
                 f"  stance: {stance}"]
    if named:
        rows.append(f"  # named here (linked automatically): {', '.join(named)}")
    return rows
