"""Reading events and key claims (part of the validate stage)."""

from __future__ import annotations

from ..errors import ProblemList
from .fields import FieldReader
from ..load.records import RawRecord
from ..model import Claim, Event, Position
from ..vocab import CLAIM_STANCES

EVENT_FIELDS = ("id", "title", "evidence")
CLAIM_FIELDS = ("id", "text", "order", "positions")
POSITION_FIELDS = ("extract", "stance", "actor")


def event(record: RawRecord, problems: ProblemList) -> Event:
    """One entry of `events:`."""
    f = FieldReader(record, EVENT_FIELDS, problems, "an event")
    return Event(f.ident("id"), f.text("title", True), f.text_list("evidence", True), f.at())


def claim(record: RawRecord, problems: ProblemList) -> Claim:
    """One entry of `claims:` with its positions."""
    f = FieldReader(record, CLAIM_FIELDS, problems, "a claim")
    positions = []
    for item in f.items("positions", "extract"):
        p = FieldReader(RawRecord("position", item, record.file), POSITION_FIELDS, problems, "a position")
        positions.append(Position(p.ident("extract"), p.choice("stance", CLAIM_STANCES, True),
                                  p.ident("actor", required=False), p.at()))
    return Claim(f.ident("id"), f.text("text", True), f.integer("order", True), tuple(positions), f.at())
