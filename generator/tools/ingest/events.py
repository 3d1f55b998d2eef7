"""When the things a statement reports happened (`event_dates`), as exactly as the text gives it.

Ranges ("between 8 and 13 October", "from the 8th to the 13th (of October)", "October 27 and 28"),
spans up to the article ("since August 2023", "since last August"), days ("on October 3") and
months ("in June"), each resolved against the article's publication date; a day the statement was
said on is not an event date. Written as the data writes them ("2024-10-08 to 2024-10-13").
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ...model import PartialDate
from .attribution import SPEECH_VERB
from .statements import MONTHS, after_verb

_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = "(?P<{}>" + MONTHS.replace("{", "{{").replace("}", "}}") + ")"
_DAY = r"(?:the\s+)?(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_FORMS = (
    # "between 8 and 13 October", "from the 8th to the 13th (of October)", "8-13 October"
    ("range", re.compile(rf"\b(?:between|from)\s+{_DAY.format('a')}\s+(?:and|to|until)\s+{_DAY.format('b')}\s*\(?(?:of\s+)?"
                         rf"{_MONTH.format('m')}\)?{_YEAR}", re.IGNORECASE)),
    ("range", re.compile(rf"\b{_DAY.format('a')}\s*[-–]\s*{_DAY.format('b')}\s+{_MONTH.format('m')}{_YEAR}", re.IGNORECASE)),
    # "October 27 and 28", "Oct. 8-13", "between October 8 and 13"
    ("range", re.compile(rf"\b{_MONTH.format('m')}\s+(?P<a>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[-–]|and|to|through)\s*(?P<b>\d{{1,2}})"
                         rf"(?:st|nd|rd|th)?\b{_YEAR}", re.IGNORECASE)),
    # "since August 2023", "since last August", "since June"
    ("since", re.compile(rf"\bsince\s+(?P<last>last\s+)?{_MONTH.format('m')}(?:\s+(?P<year>(?:19|20)\d\d)|(?P<lastyear>\s+last\s+year))?",
                         re.IGNORECASE)),
    ("since_year", re.compile(r"\bsince\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)),
    # "on October 3", "on 3 October"
    ("day", re.compile(rf"\b{_MONTH.format('m')}\s+(?P<a>\d{{1,2}})(?:st|nd|rd|th)?(?!\s*(?:[-–]|and|to|through)\s*\d)\b{_YEAR}",
                       re.IGNORECASE)),
    ("day", re.compile(rf"\b(?P<a>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.format('m')}{_YEAR}", re.IGNORECASE)),
    # "in June", "in June 2024", "in February 2022"
    ("month", re.compile(rf"\b(?:in|during)\s+(?:early\s+|late\s+|mid-)?{_MONTH.format('m')}{_YEAR}\b", re.IGNORECASE)),
    # "from 1950 to 1953", "in 2022"
    ("years", re.compile(r"\b(?:from|between)\s+(?P<a>(?:19|20)\d\d)\s+(?:to|and|until)\s+(?P<b>(?:19|20)\d\d)\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?:in|during)\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)),
    # "this month", "last month"; "on Friday" (a day of the article's week, or the next one for what will happen)
    ("this_month", re.compile(r"\b(?:this|earlier this|later this)\s+month\b", re.IGNORECASE)),
    ("last_month", re.compile(r"\blast\s+month\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?:on\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# What is still to come is dated forward ("will arrive on Wednesday"); all else backward from the article.
_FUTURE = re.compile(r"\b(?:will|would|could(?!\s+have)|may(?!\s+have)|might(?!\s+have)|set to|expected to|due to|plans? to|"
                     r"planned|scheduled|next|as early as|within)\b", re.IGNORECASE)


@dataclass(frozen=True)
class EventDates:
    """The spans, as `event_dates` writes them, and the note saying where each came from."""

    spans: tuple[str, ...]
    note: str


def _month(word: str) -> int:
    return _MONTH_WORDS.index(word[:3].lower()) + 1


def _year(month: int, given: str | None, base: datetime.date) -> int:
    """The year the text gives, else the publication's; a month well after the article is last year's."""
    if given:
        return int(given)
    return base.year - 1 if month > base.month + 2 else base.year


def _resolve(kind: str, match: re.Match, base: datetime.date) -> str:
    if kind in ("this_month", "last_month"):
        day = base if kind == "this_month" else base.replace(day=1) - datetime.timedelta(days=1)
        return f"{day.year:04d}-{day.month:02d}"
    if kind == "weekday":
        shift = _WEEKDAYS.index(match.group("w").lower()) - base.weekday()
        clause = re.split(r"[,;]", match.string[max(0, match.start() - 60):match.start()])[-1]  # "will" of this clause only
        future = _FUTURE.search(clause)
        days = (shift % 7) if future else -((-shift) % 7)
        return (base + datetime.timedelta(days=days)).isoformat()
    month = _month(match.group("m")) if "m" in match.groupdict() and match.group("m") else 0
    if kind == "since_year":
        return f"{match.group('year')} to {base.isoformat()}"
    if kind == "years":
        return f"{match.group('a')} to {match.group('b')}" if match.group("b") > match.group("a") else ""
    if kind == "year":
        return match.group("year")
    year = _year(month, match.groupdict().get("year"), base)
    if kind == "since":
        if match.group("last") or match.group("lastyear"):  # "since last August", "since August last year", in October:
            year = base.year - 1
        elif not match.group("year") and month >= base.month:
            year = base.year - 1  # "since November", in October: last year's
        return f"{year:04d}-{month:02d} to {base.isoformat()}"
    if kind == "month":
        return f"{year:04d}-{month:02d}"
    first = datetime.date(year, month, int(match.group("a")))
    if kind == "day":
        return first.isoformat()
    last = datetime.date(year, month, int(match.group("b")))
    return f"{first.isoformat()} to {last.isoformat()}" if last > first else ""


def _dates_the_saying(sentence: str, start: int) -> bool:
    return any(end <= start and after_verb(sentence[end:start]) for end in (v.end() for v in SPEECH_VERB.finditer(sentence)))


def event_dates_in(sentence: str, published: PartialDate, said: str = "") -> EventDates | None:
    """The event dates a sentence gives, skipping the day it was said on; None when it gives none."""
    if not published.day:
        return None
    base = published.first_day()
    spans, phrases, taken = [], [], []
    for kind, pattern in _FORMS:
        for match in pattern.finditer(sentence):
            if kind in ("day", "weekday", "this_month", "last_month") and _dates_the_saying(sentence, match.start()):
                taken.append(match.span())
                continue  # "said on Thursday": when it was said, not an event
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue  # already read as part of a longer form ("between 8 and 13 October", not "13 October")
            try:
                span = _resolve(kind, match, base)
            except ValueError:  # "February 30": not a date
                continue
            taken.append(match.span())
            if span and span != said and span not in spans:
                spans.append(span)
                phrases.append(f"“{match.group(0).strip().rstrip('.')}”")
    if not spans:
        return None
    return EventDates(tuple(spans), f"Event dates from {', '.join(phrases)}, in an article published {published.human()}.")
