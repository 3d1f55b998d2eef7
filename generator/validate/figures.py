"""Reading quantities and the figures extracts give for them (part of the validate stage)."""

from __future__ import annotations

import re

from ..errors import ProblemList
from .fields import FieldReader
from ..load.records import RawRecord
from ..model import Figure, Quantity
from ..vocab import FIGURE_KINDS, QUALIFIERS

QUANTITY_FIELDS = ("id", "title", "unit", "description")
FIGURE_FIELDS = ("quantity", "text", "value", "qualifier", "kind", "as_of", "by", "since", "claimed_by", "note")
# At most 15 digits before the point: a float holds those exactly, and no count in the news is larger.
NUMBER = r"[0-9]{1,15}(?:\.[0-9]{1,6})?"
VALUE = re.compile(rf"({NUMBER})(?:\s*-\s*({NUMBER}))?")


def quantity(record: RawRecord, problems: ProblemList) -> Quantity:
    """One entry of `quantities:`."""
    f = FieldReader(record, QUANTITY_FIELDS, problems, "a quantity")
    return Quantity(f.ident("id"), f.text("title", True), f.text("unit", True), f.text("description"), f.at())


def parse_value(text: str) -> tuple[float, float] | None:
    """"1500" -> (1500, 1500); "10000-12000" -> (10000, 12000); None when malformed or reversed."""
    match = VALUE.fullmatch(text.strip())
    if not match:
        return None
    low = float(match.group(1))
    high = float(match.group(2)) if match.group(2) else low
    return (low, high) if low <= high else None


def figures_of(extract: FieldReader) -> tuple[Figure, ...]:
    """The `figures:` of an extract."""
    figures = []
    for item in extract.items("figures", "quantity"):
        f = FieldReader(RawRecord("figure", item, extract.record.file), FIGURE_FIELDS, extract.problems, "a figure")
        raw_value = f.text("value", True)
        value = parse_value(raw_value) if raw_value else None
        if raw_value and value is None:
            shown = raw_value if len(raw_value) <= 60 else raw_value[:60] + f"… ({len(raw_value)} characters)"
            f.problems.add(f.at("value"), f"`value` {shown!r} is not a number or a range",
                           "Write digits without commas (at most 15 before the point), e.g. `12000`, `1200000` or a range `10000-12000`.")
        low, high = value or (0.0, 0.0)
        kind = f.choice("kind", tuple(FIGURE_KINDS)) or "count"
        by, since = f.date("by"), f.date("since")
        if by is not None and kind != "target":
            f.problems.add(f.at("by"), "`by` is the horizon of a target", "Add `kind: target`, or write the date the figure describes as `as_of`.")
        if since is not None and kind != "cumulative":
            f.problems.add(f.at("since"), "`since` is where a cumulative total starts", "Add `kind: cumulative`, or remove `since`.")
        figures.append(Figure(
            quantity=f.ident("quantity"), text=f.text("text", True), low=low, high=high,
            qualifier=f.choice("qualifier", QUALIFIERS), as_of=f.date("as_of"),
            claimed_by=f.ident("claimed_by", required=False), note=f.text("note"), location=f.at(),
            kind=kind, by=by, since=since,
        ))
    return tuple(figures)
