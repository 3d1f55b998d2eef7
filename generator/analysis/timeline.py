"""The timeline: every dated event once (with all its sources) and every dated statement."""

from __future__ import annotations

from dataclasses import dataclass

from ..link.linked import LinkedBriefing
from ..model import DateSpan, Extract, PartialDate
from ..routes import event_anchor, statement_anchor


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline: an event, or one speaker's statements on one day."""

    anchor: str
    kind: str  # "event" or "statement"
    span: DateSpan
    title: str
    extracts: tuple[Extract, ...]
    speaker: str = ""
    event: str = ""

    @property
    def sources(self) -> tuple[str, ...]:
        """Distinct source ids, in first-seen order."""
        return tuple(dict.fromkeys(e.source for e in self.extracts))


def _event_span(extracts: list[Extract]) -> DateSpan | None:
    spans = [span for e in extracts for span in e.event_dates]
    if not spans:
        return None
    start = min((s.start for s in spans), key=PartialDate.first_day)
    end = max((s.end for s in spans), key=PartialDate.last_day)
    return DateSpan(start, end)


def build_timeline(linked: LinkedBriefing) -> tuple[TimelineEntry, ...]:
    """Events (curated, dated from their evidence) and statements (by speaker and day), in date order."""
    data = linked.dataset
    entries: list[TimelineEntry] = []
    for event in data.events.values():
        extracts = [data.extracts[i] for i in event.evidence if i in data.extracts]
        span = _event_span(extracts)
        if span is not None:
            entries.append(TimelineEntry(event_anchor(event.id), "event", span, event.title, tuple(extracts), event=event.id))
    statements: dict[tuple[PartialDate, str], list[Extract]] = {}
    for extract in data.extracts.values():
        if extract.speaker and extract.said_on:
            statements.setdefault((extract.said_on, extract.speaker), []).append(extract)
    for (day, speaker), extracts in statements.items():
        extracts.sort(key=lambda e: (data.sources[e.source].published, e.source, e.id))
        name = data.entities[speaker].name
        stances = ", ".join(dict.fromkeys(e.stance for e in extracts))
        entries.append(TimelineEntry(statement_anchor(day.iso(), speaker), "statement", DateSpan(day, day),
                                     f"{name}: {stances}", tuple(extracts), speaker=speaker))
    entries.sort(key=lambda t: (t.span.start.first_day(), t.span.end.last_day(), t.kind, t.title, t.anchor))
    return tuple(entries)
