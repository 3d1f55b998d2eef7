"""Validate stage: raw records -> a Dataset, with every problem collected, never the first only."""

from __future__ import annotations

import re

from .errors import FOLLOW_ON, Location, ProblemList
from .fields import FieldReader
from .load import LoadedFiles, RawRecord
from .figures import figures_of, quantity
from .storyline import claim, event
from .model import (
    ENTITY_KINDS, STANCES, Briefing, Dataset, Entity, Extract, PartialDate, SkippedLines,
    Source, SummaryPoint, Topic,
)
from .yamlfile import line_of

SOURCE_FIELDS = ("id", "seed", "headline", "headline_by", "outlet", "outlet_note", "published",
                 "published_note", "language", "url", "skip", "subheadings")
TOPIC_FIELDS = ("id", "title", "order", "summary", "related")
ENTITY_FIELDS = ("id", "kind", "name", "aliases", "role", "description", "coordinates")
EXTRACT_FIELDS = ("id", "source", "quote", "topics", "speaker", "stance", "said_on", "event_dates",
                  "dates_note", "mentions", "note", "line", "figures")
BRIEFING_FIELDS = ("title", "description", "key_facts")
POINT_FIELDS = ("text", "evidence")
LINE_RANGE = re.compile(r"\s*([0-9]{1,9})\s*(?:-\s*([0-9]{1,9})\s*)?")
# Ids that would give a page the path of one of the site's own pages (`topics/index.md`) or an
# anchor the page already uses (`#matrix` on who-said-what).
RESERVED_IDS = {
    "topic": {"index": "topics/index is the list of topics"},
    "entity": {"index": "entities/index is the list of people, organisations and places"},
    "source": {"index": "sources/index is the list of sources"},
    "claim": {"matrix": "it is the anchor of the matrix on the who-said-what page"},
}


def build_dataset(loaded: LoadedFiles, problems: ProblemList) -> Dataset:
    """Turn raw records into validated model objects and check every reference between them."""
    by_section: dict[str, list[RawRecord]] = {}
    for record in loaded.records:
        by_section.setdefault(record.section, []).append(record)
    briefing = _briefing(by_section.get("briefing", []), problems, bool(loaded.unreadable))
    sources = _unique(by_section.get("sources", []), _source, "source", problems)
    topics = _unique(by_section.get("topics", []), _topic, "topic", problems)
    entities = _unique(by_section.get("entities", []), _entity, "entity", problems)
    quantities = _unique(by_section.get("quantities", []), quantity, "quantity", problems)
    extracts = _unique(by_section.get("extracts", []), _extract, "extract", problems)
    events = _unique(by_section.get("events", []), event, "event", problems)
    claims = _unique(by_section.get("claims", []), claim, "claim", problems)
    dataset = Dataset(briefing, sources, topics, entities, extracts, quantities, events, claims)
    check_references(dataset, problems, loaded)
    return dataset


def _unique(records, convert, what, problems: ProblemList) -> dict:
    """Convert records; duplicate and reserved ids are reported with their places."""
    result: dict = {}
    for record in records:
        item = convert(record, problems)
        if item is None or not item.id:
            continue
        if item.id in RESERVED_IDS.get(what, ()):
            problems.add(record.at("id"), f"{what} id {item.id!r} is reserved: {RESERVED_IDS[what][item.id]}",
                         "Choose another id, e.g. with a word more.")
            continue
        if item.id in result:
            first = result[item.id].location
            problems.add(item.location, f"duplicate {what} id {item.id!r}, already used at {first}",
                         "Give one of them another id.")
            continue
        result[item.id] = item
    return result


def _briefing(records: list[RawRecord], problems: ProblemList, files_missing: bool) -> Briefing:
    if not records:
        if not files_missing:  # else the unreadable file may hold it; its own error says what to fix
            problems.add(Location("briefings"), "no `briefing:` section found",
                         "Add briefings/briefing.yml with `briefing:` (title, description, key_facts).")
        return Briefing("Briefing", "", (), Location("briefings"))
    for extra in records[1:]:
        problems.add(extra.at(), f"a second `briefing:` section (the first is in {records[0].file})")
    f = FieldReader(records[0], BRIEFING_FIELDS, problems, "the briefing")
    return Briefing(f.text("title", True), f.text("description", True), _points(f, "key_facts"), f.at())


def _points(f: FieldReader, key: str) -> tuple[SummaryPoint, ...]:
    points = []
    for item in f.items(key):
        sub = FieldReader(RawRecord("point", item, f.record.file), POINT_FIELDS, f.problems, f"a `{key}` entry")
        points.append(SummaryPoint(sub.text("text", True), sub.text_list("evidence", True), sub.at()))
    return tuple(points)


def _source(record: RawRecord, problems: ProblemList) -> Source:
    f = FieldReader(record, SOURCE_FIELDS, problems, "a source")
    url = f.text("url")
    if url and not re.match(r"^https?://[^\s]+$", url, re.IGNORECASE):
        problems.add(f.at("url"), f"`url` {url!r} is not an http(s) address", "Write the full address starting with https://.")
        url = ""
    published_note = f.text("published_note")
    return Source(
        id=f.ident("id"), seed=f.text("seed", True), headline=f.text("headline", True),
        headline_by=f.choice("headline_by", ("article", "curator"), True),
        outlet=f.text("outlet", True, 'Write the outlet, or "unknown" when the text does not say.'),
        outlet_note=f.text("outlet_note"), published=f.date("published", True) or PartialDate(1),
        published_note=published_note, language=f.text("language", True), url=url,
        skipped=_skipped(f), subheadings=tuple(sorted(f.integer_list("subheadings"))), location=f.at(),
    )


def _skipped(f: FieldReader) -> tuple[SkippedLines, ...]:
    mapping = f.mapping("skip")
    if mapping is None:
        return ()
    result = []
    for key, reason in mapping.items():
        where = Location(f.record.file, mapping.key_lines[key])
        match = LINE_RANGE.fullmatch(key)
        if not match:
            f.problems.add(where, f"skip entry {key!r} is not a line or a range of lines", 'Write `12: reason` or `58-97: reason`.')
            continue
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        if first > last or first < 1:
            f.problems.add(where, f"skip range {key!r} is not a valid range of lines")
            continue
        if not isinstance(reason, str) or not reason.strip():
            f.problems.add(where, f"skip entry {key!r} has no reason", "Say in a few words why these lines are not article text.")
            continue
        result.append(SkippedLines(first, last, " ".join(reason.split()), where))
    return tuple(sorted(result, key=lambda s: s.first))


def _topic(record: RawRecord, problems: ProblemList) -> Topic:
    f = FieldReader(record, TOPIC_FIELDS, problems, "a topic")
    return Topic(f.ident("id"), f.text("title", True), f.integer("order", True), _points(f, "summary"),
                 f.text_list("related"), f.at())


def _entity(record: RawRecord, problems: ProblemList) -> Entity:
    f = FieldReader(record, ENTITY_FIELDS, problems, "an entity")
    kind = f.choice("kind", ENTITY_KINDS, True)
    coordinates = None
    raw = f.text_list("coordinates")
    if raw:
        try:
            lat, lon = (float(v) for v in raw)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError
            coordinates = (lat, lon)
        except ValueError:
            problems.add(f.at("coordinates"), "`coordinates` must be `[latitude, longitude]` in degrees",
                         "For example `[43.1155, 131.8855]`.")
    elif kind == "place":
        problems.add(f.at(), "a place needs `coordinates: [latitude, longitude]`")
    role = f.text("role")
    if role and kind != "person":
        problems.add(f.at("role"), "`role` is only for people", "Put it in the description instead.")
    return Entity(f.ident("id"), kind, f.text("name", True), tuple(" ".join(a.split()) for a in f.text_list("aliases")),
                  f.text("description", True), role, coordinates, f.at())


def _extract(record: RawRecord, problems: ProblemList) -> Extract:
    f = FieldReader(record, EXTRACT_FIELDS, problems, "an extract")
    source = f.ident("source", required=False) or record.default_source or ""
    if not source:
        problems.add(f.at(), "the extract has no source", "Add `source: <id>` at the top of the file or to the extract.")
    speaker, stance = f.ident("speaker", required=False), f.choice("stance", STANCES)
    if speaker and not stance:
        problems.add(f.at("speaker"), "the extract has a `speaker` but no `stance`",
                     "Say how it was said, e.g. `stance: stated` (allowed: " + ", ".join(STANCES) + ").")
    if stance and not speaker:
        problems.add(f.at("stance"), "the extract has a `stance` but no `speaker`", "Add `speaker: <entity id>`.")
    return Extract(
        id=f.ident("id"), source=source, quote=f.text("quote", True), topics=f.text_list("topics", True),
        speaker=speaker, stance=stance, said_on=f.date("said_on"), event_dates=f.date_spans("event_dates"),
        dates_note=f.text("dates_note"), mentions=f.text_list("mentions"),
        note=f.text("note"), line_hint=f.integer("line"), location=f.at(), figures=figures_of(f),
    )


def check_references(dataset: Dataset, problems: ProblemList, loaded: LoadedFiles = LoadedFiles(())) -> None:
    """Every id used must exist; aliases must not point at two entities.

    An id that a file which could not be read probably defines is not reported on its own: its
    file's error is the root cause. One line per such file says how many references wait on it.
    """
    unchecked: dict[str, list[str]] = {}

    def check(ids, table, what, where, field):
        for ref in ids:
            if ref not in table:
                broken = loaded.unreadable_file_defining(ref)
                if broken is not None:
                    unchecked.setdefault(broken.shown_as, []).append(str(ref))
                    continue
                line = line_of(ref, where.line)
                problems.add(Location(where.path, line), f"`{field}` names unknown {what} {str(ref)!r}",
                             _known_hint(table, what))

    for extract in dataset.extracts.values():
        check([extract.source] if extract.source else [], dataset.sources, "source", extract.location, "source")
        check(extract.topics, dataset.topics, "topic", extract.location, "topics")
        check([extract.speaker] if extract.speaker else [], dataset.entities, "entity", extract.location, "speaker")
        check(extract.mentions, dataset.entities, "entity", extract.location, "mentions")
        for figure in extract.figures:
            check([figure.quantity] if figure.quantity else [], dataset.quantities, "quantity", figure.location, "quantity")
            check([figure.claimed_by] if figure.claimed_by else [], dataset.entities, "entity", figure.location, "claimed_by")
    for topic in dataset.topics.values():
        check(topic.related, dataset.topics, "topic", topic.location, "related")
        for point in topic.summary:
            check(point.evidence, dataset.extracts, "extract", point.location, "evidence")
    for point in dataset.briefing.key_facts:
        check(point.evidence, dataset.extracts, "extract", point.location, "evidence")
    for happening in dataset.events.values():
        check(happening.evidence, dataset.extracts, "extract", happening.location, "evidence")
    for key_claim in dataset.claims.values():
        for position in key_claim.positions:
            check([position.extract] if position.extract else [], dataset.extracts, "extract", position.location, "extract")
            check([position.actor] if position.actor else [], dataset.entities, "entity", position.location, "actor")
            quoted = dataset.extracts.get(position.extract)
            if quoted is not None and not position.actor and not quoted.speaker:
                problems.add(position.location, f"extract {position.extract!r} has no speaker, so the position has no actor",
                             "Add `actor: <entity id>` to the position, or a speaker to the extract.")
    owners: dict[str, Entity] = {}
    for entity in dataset.entities.values():
        for name in dict.fromkeys(n.casefold() for n in entity.names):
            other = owners.setdefault(name, entity)
            if other is not entity:
                problems.add(entity.location, f"name or alias {name!r} of {entity.id!r} is also used by {other.id!r} ({other.location})",
                             "An alias must point at one entity only; remove it from one of them.")
    if not dataset.sources and not loaded.unreadable:
        problems.add(Location("briefings"), "no sources found", "Add briefings/sources.yml with `sources:`.")
    for shown_as, refs in sorted(unchecked.items()):
        names = ", ".join(dict.fromkeys(refs))
        problems.add(Location(shown_as), f"{len(refs)} references to ids this file seems to define were not checked ({_snippet(names)})",
                     "They follow from the error above: fix it, then check again.", rank=FOLLOW_ON)


def _snippet(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(",", 1)[0] + ", …"


def _known_hint(table: dict, what: str) -> str:
    known = sorted(table)
    if not known:
        return f"No {what} is defined yet."
    shown = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
    return f"Known {what} ids: {shown}"
