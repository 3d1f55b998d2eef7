"""The briefing's data model: plain, immutable records shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import DateSpan, PartialDate, When
from .errors import Location

__all__ = ["DateSpan", "PartialDate", "When"]  # re-exported: every stage's records use them

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
    agency: str = ""  # a news agency or wire the text credits ("AFP"), whoever published it
    translated_from: str = ""  # language code, when the text reads as a translation: quotes are then not the speakers' own words


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
    voice_of: str = ""  # the entity this one speaks for (a spokesman's ministry, an agency's government): one voice
    extent: str = ""  # places: "point" or "region" (a region is named on the map, not drawn as a dot)

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
    """A number an extract gives: as written, as a value or range, for a quantity, by a claimant, of a kind.

    `kind` says what the number describes (vocab.FIGURE_KINDS): a count or an estimate as of a
    date, a target to be reached `by` a date, or a total counted `since` a date.
    """

    quantity: str
    text: str
    low: float
    high: float
    qualifier: str
    as_of: PartialDate | None
    claimed_by: str
    note: str
    location: Location
    kind: str = "count"
    by: PartialDate | None = None  # a target's horizon
    since: PartialDate | None = None  # where a cumulative total starts


@dataclass(frozen=True)
class Extract:
    """A verbatim quote from a source, with the editors' annotations."""

    id: str
    source: str
    quote: str
    topics: tuple[str, ...]
    speaker: str
    stance: str
    said_on: When | None  # None when the text gives no day: the statement was reported by its source's date
    event_dates: tuple[DateSpan, ...]
    dates_note: str
    mentions: tuple[str, ...]
    note: str
    line_hint: int
    location: Location
    figures: tuple[Figure, ...] = ()
    words: str = ""  # whose words the quote is (vocab.WORDS); "" when derived from the quote and its source


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
class KeyFigure:
    """A line of the home page's key-figures box: figures of one or more quantities, as reported over time."""

    label: str  # curator wording; "" means the first quantity's title
    quantities: tuple[str, ...]
    location: Location


@dataclass(frozen=True)
class Briefing:
    """Site-wide text: title, description, key facts and the quantities the home page shows as key figures."""

    title: str
    description: str
    key_facts: tuple[SummaryPoint, ...]
    location: Location
    key_figures: tuple[KeyFigure, ...] = ()


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
