"""Converting raw records into model records: the briefing, sources, topics, entities, extracts."""

from __future__ import annotations

import re

from ..errors import Location, ProblemList
from ..load.records import RawRecord
from ..model import Briefing, Entity, KeyFigure, Extract, PartialDate, SkippedLines, Source, SummaryPoint, Topic
from ..vocab import ENTITY_KINDS, PLACE_EXTENTS, STANCES, WORDS
from .fields import FieldReader
from .figures import figures_of

SOURCE_FIELDS = ("id", "seed", "headline", "headline_by", "outlet", "outlet_note", "agency", "published",
                 "published_note", "language", "translated_from", "url", "skip", "subheadings")
TOPIC_FIELDS = ("id", "title", "order", "summary", "related", "keywords")
ENTITY_FIELDS = ("id", "kind", "name", "aliases", "role", "description", "coordinates", "voice_of", "extent")
EXTRACT_FIELDS = ("id", "source", "quote", "topics", "speaker", "stance", "words", "said_on", "event_dates",
                  "dates_note", "mentions", "note", "line", "figures")
BRIEFING_FIELDS = ("title", "description", "key_facts", "key_figures")
KEY_FIGURE_FIELDS = ("label", "quantities")
POINT_FIELDS = ("text", "evidence")
LINE_RANGE = re.compile(r"\s*([0-9]{1,9})\s*(?:-\s*([0-9]{1,9})\s*)?")


def briefing(records: list[RawRecord], problems: ProblemList, files_missing: bool) -> Briefing:
    """The one `briefing:` section (site title, description, key facts)."""
    if not records:
        if not files_missing:  # else the unreadable file may hold it; its own error says what to fix
            problems.add(Location("briefings"), "no `briefing:` section found",
                         "Add briefings/briefing.yml with `briefing:` (title, description, key_facts).")
        return Briefing("Briefing", "", (), Location("briefings"))
    for extra in records[1:]:
        problems.add(extra.at(), f"a second `briefing:` section (the first is in {records[0].file})",
                     "The site has one title and one set of key facts: merge the two sections into one.")
    f = FieldReader(records[0], BRIEFING_FIELDS, problems, "the briefing")
    return Briefing(f.text("title", True), f.text("description", True), _points(f, "key_facts"), f.at(), _key_figures(f))


def _key_figures(f: FieldReader) -> tuple[KeyFigure, ...]:
    figures = []
    for item in f.items("key_figures", "quantities"):
        sub = FieldReader(RawRecord("key figure", item, f.record.file), KEY_FIGURE_FIELDS, f.problems, "a `key_figures` entry")
        figures.append(KeyFigure(sub.text("label"), sub.text_list("quantities", True), sub.at()))
    return tuple(figures)


def _points(f: FieldReader, key: str) -> tuple[SummaryPoint, ...]:
    points = []
    for item in f.items(key):
        sub = FieldReader(RawRecord("point", item, f.record.file), POINT_FIELDS, f.problems, f"a `{key}` entry")
        points.append(SummaryPoint(sub.text("text", True), sub.text_list("evidence", True), sub.at()))
    return tuple(points)


def source(record: RawRecord, problems: ProblemList) -> Source:
    """One entry of `sources:`."""
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
        agency=f.text("agency"), translated_from=f.text("translated_from"),
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
            f.problems.add(where, f"skip range {key!r} is not a valid range of lines",
                           "Lines count from 1, and a range goes from the lower number to the higher, e.g. `58-97: teaser list`.")
            continue
        if not isinstance(reason, str) or not reason.strip():
            f.problems.add(where, f"skip entry {key!r} has no reason", "Say in a few words why these lines are not article text.")
            continue
        result.append(SkippedLines(first, last, " ".join(reason.split()), where))
    return tuple(sorted(result, key=lambda s: s.first))


def topic(record: RawRecord, problems: ProblemList) -> Topic:
    """One entry of `topics:`."""
    f = FieldReader(record, TOPIC_FIELDS, problems, "a topic")
    keywords = tuple(" ".join(k.split()).casefold() for k in f.text_list("keywords"))
    return Topic(f.ident("id"), f.text("title", True), f.integer("order", True), _points(f, "summary"),
                 f.text_list("related"), f.at(), keywords)


def entity(record: RawRecord, problems: ProblemList) -> Entity:
    """One entry of `entities:`."""
    f = FieldReader(record, ENTITY_FIELDS, problems, "an entity")
    kind = f.choice("kind", ENTITY_KINDS, True)
    coordinates = None
    raw = f.text_list("coordinates")
    if raw:
        try:
            if not all(re.fullmatch(r"-?[0-9]{1,3}(?:\.[0-9]{1,8})?", v.strip()) for v in raw):
                raise ValueError  # float() also takes "١٠", "1_0" and "inf"
            # + 0.0 makes -0 plain 0: the same place, which pages must not print as "-0.0000" (and
            # since -0.0 == 0.0, a preview would not even see the edit between them).
            lat, lon = (float(v) + 0.0 for v in raw)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError
            coordinates = (lat, lon)
        except ValueError:
            problems.add(f.at("coordinates"), "`coordinates` must be `[latitude, longitude]` in degrees",
                         "For example `[43.1155, 131.8855]`.")
    elif kind == "place":
        problems.add(f.at(), "a place needs `coordinates: [latitude, longitude]`",
                     "Give its position in degrees, e.g. `coordinates: [43.1155, 131.8855]`; or make it a `group` if it is no one place.")
    extent = f.choice("extent", PLACE_EXTENTS)
    if extent and kind != "place":
        problems.add(f.at("extent"), "`extent` is only for places", "Remove it, or make this entity a `place`.")
    extent = extent or ("point" if kind == "place" else "")
    role = f.text("role")
    if role and kind != "person":
        problems.add(f.at("role"), "`role` is only for people", "Put it in the description instead.")
    return Entity(f.ident("id"), kind, f.text("name", True), tuple(" ".join(a.split()) for a in f.text_list("aliases")),
                  f.text("description", True), role, coordinates, f.at(), f.ident("voice_of", required=False), extent)


def extract(record: RawRecord, problems: ProblemList) -> Extract:
    """One entry of `extracts:`."""
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
        speaker=speaker, stance=stance, said_on=f.when("said_on"), event_dates=f.date_spans("event_dates"),
        dates_note=f.text("dates_note"), mentions=f.text_list("mentions"),
        note=f.text("note"), line_hint=f.integer("line"), location=f.at(), figures=figures_of(f),
        words=f.choice("words", tuple(WORDS)),
    )
