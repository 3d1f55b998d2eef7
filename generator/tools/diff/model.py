"""The records a briefing comparison produces, and how field values are shown to readers."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ...model import DateSpan, Figure, PartialDate, When


@dataclass(frozen=True)
class ExtractView:
    """One side of an extract as readers see it: names instead of ids, the quote as the site shows it."""

    id: str
    source: str
    source_title: str
    speaker: str  # entity name, or "" for the article's own voice
    stance: str
    quote: str
    values: dict[str, str]  # YAML field name -> display text


@dataclass(frozen=True)
class ExtractChange:
    """An extract on both sides with the YAML fields that differ."""

    old: ExtractView
    new: ExtractView
    fields: tuple[str, ...]


@dataclass(frozen=True)
class FieldChange:
    """One field of a record: display text before and after."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class FigureChange:
    """A figure added, removed or changed, identified by (extract, quantity, text as written)."""

    status: str  # "added", "removed", "changed"
    quantity: str  # quantity title
    extract: str
    text: str
    summary: str  # e.g. "about 40 (Ana Lee, as of 2024-10-19)", from the new side when it exists
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class RecordChange:
    """A source, topic, entity, quantity, event, claim or the briefing text added, removed or changed."""

    kind: str
    status: str  # "added", "removed", "changed"
    id: str
    label: str
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class DiscrepancyChange:
    """A discrepancy that appeared, disappeared or whose details changed."""

    status: str  # "new", "resolved", "changed"
    anchor: str
    title: str
    details: tuple[str, ...]


@dataclass(frozen=True)
class PageChange:
    """A generated page whose Markdown differs."""

    status: str  # "added", "removed", "changed"
    path: str
    url: str
    title: str  # the page's heading as generated Markdown (already escaped), or ""


@dataclass
class BriefingDiff:
    """Everything that differs between an old and a new briefing, each list in a stable order."""

    extracts_added: list[ExtractView]
    extracts_removed: list[ExtractView]
    extracts_changed: list[ExtractChange]
    figures: list[FigureChange]
    records: list[RecordChange]
    discrepancies: list[DiscrepancyChange]
    warnings_new: list[str]
    warnings_resolved: list[str]
    pages: list[PageChange]

    def is_empty(self) -> bool:
        """True when readers would see no difference at all."""
        return not any(getattr(self, f.name) for f in dataclasses.fields(self))


def plain(value: object) -> object:
    """A comparable form of model values: dataclasses as tuples of their fields, without `location`."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, plain(getattr(value, f.name))) for f in dataclasses.fields(value) if f.name != "location")
    if isinstance(value, (tuple, list)):
        return tuple(plain(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, plain(v)) for k, v in value.items()))
    return value


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def figure_value(figure: Figure) -> str:
    """The `value` as editors write it: "40" or "10000-12000"."""
    return _number(figure.low) if figure.low == figure.high else f"{_number(figure.low)}-{_number(figure.high)}"


def display(value: object) -> str:
    """Readable text for a field value; "" when empty."""
    if isinstance(value, (PartialDate, When)):
        return value.iso()
    if isinstance(value, DateSpan):
        return value.start.iso() if value.start == value.end else f"{value.start.iso()} to {value.end.iso()}"
    if isinstance(value, (tuple, list)):
        return ", ".join(display(v) for v in value)
    if value is None:
        return ""
    return str(value)
