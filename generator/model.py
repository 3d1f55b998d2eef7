"""The briefing's data model: plain, immutable records shared by every stage."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

from .errors import Location

@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the day, month or year: "2024-10-18", "2024-10", "2024"."""

    year: int
    month: int = 0
    day: int = 0

    def iso(self) -> str:
        """The date as written in the data."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def first_day(self) -> datetime.date:
        """The earliest day this date can mean."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> datetime.date:
        """The latest day this date can mean."""
        month = self.month or 12
        return datetime.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def short(self) -> str:
        """Compact form for tables: "18 Oct 2024"."""
        full = self.human()
        return " ".join(part[:3] if part.isalpha() else part for part in full.split())

    def human(self) -> str:
        """The date for readers: "18 October 2024"."""
        months = ("January", "February", "March", "April", "May", "June", "July",
                  "August", "September", "October", "November", "December")
        if not self.month:
            return str(self.year)
        month = months[self.month - 1]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"


@dataclass(frozen=True)
class DateSpan:
    """An event date: one day (start == end) or a range "A to B"."""

    start: PartialDate
    end: PartialDate

    def overlaps(self, other: "DateSpan") -> bool:
        """True when the two spans can mean a common day (a month contains its days)."""
        return self.start.first_day() <= other.end.last_day() and other.start.first_day() <= self.end.last_day()

    def human(self) -> str:
        """Readable form, e.g. "8 October 2024 – 13 October 2024"."""
        if self.start == self.end:
            return self.start.human()
        return f"{self.start.human()} – {self.end.human()}"


@dataclass(frozen=True)
class SkippedLines:
    """Seed lines left out of the article text, with the editor's reason."""

    first: int
    last: int
    reason: str
    location: Location


@dataclass(frozen=True)
class Source:
    """One seed article and what the editors know about it."""

    id: str
    seed: str
    headline: str
    headline_by: str
    outlet: str
    outlet_note: str
    published: PartialDate
    published_note: str
    language: str
    url: str
    skipped: tuple[SkippedLines, ...]
    subheadings: tuple[int, ...]
    location: Location


@dataclass(frozen=True)
class SummaryPoint:
    """A sentence in curator wording, backed by extract ids."""

    text: str
    evidence: tuple[str, ...]
    location: Location


@dataclass(frozen=True)
class Topic:
    """A topic page."""

    id: str
    title: str
    order: int
    summary: tuple[SummaryPoint, ...]
    related: tuple[str, ...]
    location: Location
    keywords: tuple[str, ...] = ()  # words that suggest the topic for a new article's paragraphs (ingest)


@dataclass(frozen=True)
class Entity:
    """A person, organisation, country, place or unnamed group."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    description: str
    role: str
    coordinates: tuple[float, float] | None
    location: Location

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Quantity:
    """Something the articles count, so figures for it from different sources can be compared."""

    id: str
    title: str
    unit: str
    description: str
    location: Location


@dataclass(frozen=True)
class Figure:
    """A number an extract gives: as written, as a value or range, for a quantity, by a claimant."""

    quantity: str
    text: str
    low: float
    high: float
    qualifier: str
    as_of: PartialDate | None
    claimed_by: str
    note: str
    location: Location


@dataclass(frozen=True)
class Extract:
    """A verbatim quote from a source, with the editors' annotations."""

    id: str
    source: str
    quote: str
    topics: tuple[str, ...]
    speaker: str
    stance: str
    said_on: PartialDate | None
    event_dates: tuple[DateSpan, ...]
    dates_note: str
    mentions: tuple[str, ...]
    note: str
    line_hint: int
    location: Location
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Event:
    """Something that happened, once, with every extract that reports it (curator title)."""

    id: str
    title: str
    evidence: tuple[str, ...]
    location: Location


@dataclass(frozen=True)
class Position:
    """An actor's stance on a key claim, as one extract reports it."""

    extract: str
    stance: str
    actor: str
    location: Location


@dataclass(frozen=True)
class Claim:
    """A key claim of the story (curator wording) and the positions taken on it."""

    id: str
    text: str
    order: int
    positions: tuple[Position, ...]
    location: Location


@dataclass(frozen=True)
class Briefing:
    """Site-wide text: title, description and key facts."""

    title: str
    description: str
    key_facts: tuple[SummaryPoint, ...]
    location: Location


@dataclass(frozen=True)
class Dataset:
    """Everything the editors wrote, validated."""

    briefing: Briefing
    sources: dict[str, Source]
    topics: dict[str, Topic]
    entities: dict[str, Entity]
    extracts: dict[str, Extract]
    quantities: dict[str, Quantity] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceParagraph:
    """One paragraph (one non-blank line) of a seed article."""

    source: str
    line: int
    text: str
    kind: str = "text"  # "text", "subheading" or "skipped"
    skip_reason: str = ""


@dataclass(frozen=True)
class Citation:
    """Where a quote was found: the paragraph and the exact characters of the seed."""

    extract: str
    source: str
    line: int
    start: int
    end: int
    seed_text: str


@dataclass(frozen=True)
class Article:
    """A seed split into paragraphs."""

    source: str
    paragraphs: tuple[SourceParagraph, ...] = ()

    def body(self) -> list[SourceParagraph]:
        """Paragraphs that are article text (not furniture)."""
        return [p for p in self.paragraphs if p.kind != "skipped"]
