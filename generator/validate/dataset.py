"""Validate stage: raw records -> a Dataset, with every problem collected, never the first only."""

from __future__ import annotations

from ..errors import ProblemList
from ..load.records import LoadedFiles, RawRecord
from ..model import Dataset
from ..reuse import Reuse
from ..routes import RESERVED_IDS
from . import records as convert
from .events_and_claims import claim, event
from .figures import quantity
from .references import check_references


def build_dataset(loaded: LoadedFiles, problems: ProblemList, reuse: Reuse | None = None) -> Dataset:
    """Turn raw records into validated model objects and check every reference between them.

    With `reuse`, a record the load stage reused (the same object: its file did not change) is not converted again.
    """
    by_section: dict[str, list[RawRecord]] = {}
    for record in loaded.records:
        by_section.setdefault(record.section, []).append(record)
    briefing = convert.briefing(by_section.get("briefing", []), problems, bool(loaded.unreadable))
    sources = _unique(by_section.get("sources", []), convert.source, "source", problems, reuse)
    topics = _unique(by_section.get("topics", []), convert.topic, "topic", problems, reuse)
    entities = _unique(by_section.get("entities", []), convert.entity, "entity", problems, reuse)
    quantities = _unique(by_section.get("quantities", []), quantity, "quantity", problems, reuse)
    extracts = _unique(by_section.get("extracts", []), convert.extract, "extract", problems, reuse)
    events = _unique(by_section.get("events", []), event, "event", problems, reuse)
    claims = _unique(by_section.get("claims", []), claim, "claim", problems, reuse)
    dataset = Dataset(briefing, sources, topics, entities, extracts, quantities, events, claims)
    check_references(dataset, problems, loaded)
    return dataset


def _unique(records, make, what, problems: ProblemList, reuse: Reuse | None) -> dict:
    """Convert records with `make`; duplicate and reserved ids are reported with their places."""
    result: dict = {}
    for record in records:
        item = _converted(record, make, problems, reuse)
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


def _converted(record: RawRecord, make, problems: ProblemList, reuse: Reuse | None):
    if reuse is None:
        return make(record, problems)

    def convert_one():
        found = ProblemList()
        return make(record, found), found.items, found.warnings

    # Keyed by the record object: the entry holds it, so no other record can take its id.
    item, errors, warnings = reuse.get(("record", id(record)), record, convert_one)
    problems.extend(errors)
    problems.warnings.extend(warnings)
    return item
