"""The timeline: every dated event once (with all its sources) and every statement whose time the text gives."""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import PartialDate, When
from ..link.linked import LinkedBriefing
from ..model import Extract
from ..routes import event_anchor, statement_anchor


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline: an event, or one speaker's statements of one time (a day, a span or a bound)."""

    anchor: str
    kind: str  # "event" or "statement"
    when: When
    title: str
    extracts: tuple[Extract, ...]
    speaker: str = ""
    event: str = ""

    @property
    def sources(self) -> tuple[str, ...]:
        """Distinct source ids, in first-seen order."""
        return tuple(dict.fromkeys(e.source for e in self.extracts))


def _event_when(extracts: list[Extract]) -> When | None:
    spans = [span for e in extracts for span in e.event_dates]
    if not spans:
        return None
    start = min((s.start for s in spans), key=PartialDate.first_day)
    end = max((s.end for s in spans), key=PartialDate.last_day)
    return When.on(start) if start == end else When("between", start, end)


def build_timeline(linked: LinkedBriefing) -> tuple[TimelineEntry, ...]:
    """Events (curated, dated from their evidence) and statements (by speaker and time), in time order.

    A statement whose day the text does not give (only when it was reported) is not placed on the
    timeline: placing it on the report's day would invent a date.
    """
    data = linked.dataset
    entries: list[TimelineEntry] = []
    for event in data.events.values():
        extracts = [data.extracts[i] for i in event.evidence if i in data.extracts]
        when = _event_when(extracts)
        if when is not None:
            entries.append(TimelineEntry(event_anchor(event.id), "event", when, event.title, tuple(extracts), event=event.id))
    statements: dict[tuple[When, str], list[Extract]] = {}
    for extract in data.extracts.values():
        if extract.speaker and extract.said_on:
            statements.setdefault((extract.said_on, extract.speaker), []).append(extract)
    for (when, speaker), extracts in statements.items():
        extracts.sort(key=lambda e: (data.sources[e.source].published, e.source, e.id))
        name = data.entities[speaker].name
        stances = ", ".join(dict.fromkeys(e.stance for e in extracts))
        slug = when.iso().replace(" to ", "--").replace(" ", "-")
        entries.append(TimelineEntry(statement_anchor(slug, speaker), "statement", when, f"{name}: {stances}",
                                     tuple(extracts), speaker=speaker))
    entries.sort(key=lambda t: (t.when.sort_key(), t.kind, t.title, t.anchor))
    return tuple(entries)
