"""Dates as exactly as the articles give them: a day, a month, a span, a bound, or only the day of the report."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
ONE_DAY = datetime.timedelta(days=1)


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
        return _abbreviated(self.human())

    def human(self) -> str:
        """The date for readers: "18 October 2024"."""
        if not self.month:
            return str(self.year)
        month = MONTHS[self.month - 1]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"

    @classmethod
    def of(cls, day: datetime.date) -> PartialDate:
        """The partial date of a calendar day."""
        return cls(day.year, day.month, day.day)


def _abbreviated(text: str) -> str:
    return " ".join(part[:3] if part in MONTHS else part for part in text.split())


@dataclass(frozen=True)
class DateSpan:
    """An event date: one day (start == end) or a range "A to B"."""

    start: PartialDate
    end: PartialDate

    def overlaps(self, other: DateSpan) -> bool:
        """True when the two spans can mean a common day (a month contains its days)."""
        return self.start.first_day() <= other.end.last_day() and other.start.first_day() <= self.end.last_day()

    def human(self) -> str:
        """Readable form, e.g. "8 October 2024 – 13 October 2024"."""
        if self.start == self.end:
            return self.start.human()
        return f"{self.start.human()} – {self.end.human()}"


@dataclass(frozen=True)
class When:
    """When something was said, no more exactly than the text says it.

    kind "on": a day, month or year (`start`); "between": a span (`start` to `end`); "before",
    "by" and "after": a bound (`end` for before and by, `start` for after); "reported": the text
    gives no day, only the report's date (`end`) by which it had been said.
    """

    kind: str
    start: PartialDate | None = None
    end: PartialDate | None = None

    KINDS = ("on", "between", "before", "by", "after", "reported")

    @classmethod
    def on(cls, date: PartialDate) -> When:
        """A day, month or year."""
        return cls("on", date, date)

    @classmethod
    def reported(cls, published: PartialDate) -> When:
        """Said at some time not stated, reported on `published`."""
        return cls("reported", None, published)

    @property
    def earliest(self) -> datetime.date | None:
        """The first day it can have been, or None when the text sets no lower bound."""
        if self.kind in ("on", "between"):
            return self.start.first_day()
        if self.kind == "after":
            return self.start.last_day() + ONE_DAY
        return None

    @property
    def latest(self) -> datetime.date | None:
        """The last day it can have been, or None when the text sets no upper bound."""
        if self.kind == "on":
            return self.start.last_day()
        if self.kind in ("between", "by", "reported"):
            return self.end.last_day()
        if self.kind == "before":
            return self.end.first_day() - ONE_DAY
        return None

    @property
    def day(self) -> datetime.date | None:
        """The day, when the text gives exactly one."""
        return self.start.first_day() if self.kind == "on" and self.start.day else None

    def sort_key(self) -> tuple:
        """By the first day it can have been (a bound with no start: its last day), then the last; a day before a span or bound."""
        first = self.earliest or self.latest or datetime.date.max
        return (first, self.latest or datetime.date.max, When.KINDS.index(self.kind))

    def can_overlap(self, other: When) -> bool:
        """True when both can mean a common day."""
        return ((self.earliest is None or other.latest is None or self.earliest <= other.latest)
                and (other.earliest is None or self.latest is None or other.earliest <= self.latest))

    def human(self) -> str:
        """For readers: "18 October 2024", "8–13 October 2024", "before 21 October 2024", "day not stated; reported 25 October 2024"."""
        if self.kind == "on":
            return self.start.human()
        if self.kind == "between":
            return _span(self.start, self.end)
        if self.kind == "after":
            return f"after {self.start.human()}"
        if self.kind == "reported":
            return f"day not stated; reported {self.end.human()}"
        return f"{self.kind} {self.end.human()}"

    def short(self) -> str:
        """Compact: "18 Oct 2024", "week of 14 Oct 2024", "before 21 Oct 2024", "by 25 Oct 2024 (reported)"."""
        if self.kind == "reported":
            return f"by {self.end.short()} (reported)"
        return _abbreviated(self.human())

    def iso(self) -> str:
        """As written in the data: "2024-10-18", "2024-10-08 to 2024-10-13", "before 2024-10-21", "reported 2024-10-25"."""
        if self.kind == "on":
            return self.start.iso()
        if self.kind == "between":
            return f"{self.start.iso()} to {self.end.iso()}"
        return f"{self.kind} {(self.start if self.kind == 'after' else self.end).iso()}"


def _span(start: PartialDate, end: PartialDate) -> str:
    if start == end:
        return start.human()
    if start.day and end.day:
        first, last = start.first_day(), end.first_day()
        if first.weekday() == 0 and last - first == datetime.timedelta(days=6):
            return f"week of {start.human()}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.human()}"
        if start.year == end.year:
            return f"{start.day} {MONTHS[start.month - 1]} – {end.human()}"
    return f"{start.human()} – {end.human()}"
