"""Typed access to one raw record's fields, collecting a problem for each bad value."""

from __future__ import annotations

import calendar
import difflib
import re

from ..errors import Location, ProblemList
from ..load.records import RawRecord
from ..model import DateSpan, PartialDate, When
from ..load.yaml_file import YList, YMap, YStr, line_of

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Ids become file names (`entities/<id>.html`, `topics/<id>--part-2.html`); file systems allow 255 bytes.
MAX_ID_LENGTH = 80
DATE_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# Dates outside these years are typing mistakes (0000, 9999), and the charts could not draw them.
YEARS = (1000, 2999)
MAX_DIGITS = 9  # line numbers and orders; more digits is a typing mistake


def is_id(text: str) -> bool:
    """Lowercase letters, digits and single hyphens, at most MAX_ID_LENGTH characters."""
    return len(text) <= MAX_ID_LENGTH and ID_PATTERN.fullmatch(text) is not None


def is_whole_number(text: str) -> bool:
    """ASCII digits only (`²` is a digit to str.isdigit, not to int), at most MAX_DIGITS of them."""
    return re.fullmatch(rf"[0-9]{{1,{MAX_DIGITS}}}", text) is not None


def parse_date(text: str) -> PartialDate | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; None when malformed, impossible or out of YEARS."""
    match = DATE_PATTERN.fullmatch(text.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if not YEARS[0] <= year <= YEARS[1]:
        return None
    if match.group(2) and not 1 <= month <= 12:
        return None
    if match.group(3) and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return PartialDate(year, month, day)


def parse_when(text: str) -> When | None:
    """"2024-10-18", "2024-10-08 to 2024-10-13", "before 2024-10-21", "by 2024-10-25", "after 2024-10-01"; None when malformed."""
    words = text.split()
    if len(words) == 2 and words[0] in ("before", "by", "after"):
        date = parse_date(words[1])
        if date is None:
            return None
        return When(words[0], date, None) if words[0] == "after" else When(words[0], None, date)
    parts = [p.strip() for p in text.split(" to ")]
    dates = [parse_date(p) for p in parts]
    if len(parts) > 2 or any(d is None for d in dates) or dates[0].first_day() > dates[-1].last_day():
        return None
    return When.on(dates[0]) if len(dates) == 1 else When("between", dates[0], dates[1])


class FieldReader:
    """Reads the fields of one record; unknown and missing fields become problems."""

    def __init__(self, record: RawRecord, known: tuple[str, ...], problems: ProblemList, what: str):
        self.record = record
        self.problems = problems
        self.what = what
        for key in record.data:
            if key not in known:
                close = [k for k in known if _similar(k, key)]
                hint = f"Did you mean `{close[0]}`?" if close else f"Known fields: {', '.join(known)}."
                self.problems.add(record.at(key), f"unknown field {key!r} in {what}", hint)

    def at(self, key: str | None = None) -> Location:
        """Where a field (or the record) was written."""
        return self.record.at(key)

    def has(self, key: str) -> bool:
        """True when the field is present and not empty."""
        value = self.record.data.get(key)
        return value is not None and not (isinstance(value, YStr) and value.strip() == "")

    def text(self, key: str, required: bool = False, hint: str = "") -> str:
        """A single line or paragraph of text, whitespace folded."""
        value = self.record.data.get(key)
        if type(value) is YStr:  # the usual case first: called for every field of every record
            words = " ".join(value.split())
            if words == value and words:
                return value  # most values are already folded; keep the located original
            if words:
                folded = YStr(words)
                folded.line = value.line
                return folded
            value = None  # empty or only whitespace: as good as missing
        if value is None:
            if required:
                self.problems.add(self.at(), f"{self.what} has no `{key}`", hint or f"Add `{key}:` to it.")
            return ""
        self.problems.add(self.at(key), f"`{key}` must be text, not a list or mapping")
        return ""

    def ident(self, key: str, required: bool = True) -> str:
        """An id: lowercase letters, digits and single hyphens."""
        value = self.text(key, required)
        if value and not is_id(value):
            too_long = len(value) > MAX_ID_LENGTH
            self.problems.add(self.at(key), f"`{key}` {_short(value)!r} is not a valid id"
                              + (f" (it has {len(value)} characters; at most {MAX_ID_LENGTH})" if too_long else ""),
                              "Use lowercase letters, digits and hyphens, e.g. `nis-1500-vladivostok`.")
            return ""
        return value

    def text_list(self, key: str, required: bool = False) -> tuple[YStr, ...]:
        """A list of text items; a single item may be written without brackets."""
        value = self.record.data.get(key)
        if value is None or (isinstance(value, YStr) and not value.strip()):
            if required:
                self.problems.add(self.at(), f"{self.what} has no `{key}`", f"Add `{key}: [ ... ]` to it.")
            return ()
        if isinstance(value, YStr):
            return (value,)
        if not isinstance(value, YList) or not all(isinstance(v, YStr) for v in value):
            self.problems.add(self.at(key), f"`{key}` must be a list of plain values, like `[a, b]`")
            return ()
        if required and not value:
            self.problems.add(self.at(key), f"`{key}` is empty", "List at least one.")
        return tuple(value)

    def date(self, key: str, required: bool = False) -> PartialDate | None:
        """A date written YYYY-MM-DD (or YYYY-MM, YYYY)."""
        value = self.text(key, required)
        if not value:
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.problems.add(self.at(key), f"`{key}` {_short(value)!r} is not a valid date",
                              f"Write dates as YYYY-MM-DD, e.g. 2024-10-18 (or YYYY-MM, YYYY), with a year from {YEARS[0]} to {YEARS[1]}.")
        return parsed

    def when(self, key: str) -> When | None:
        """When something was said: a date, a range "A to B", or a bound "before D", "by D", "after D"."""
        value = self.text(key)
        if not value:
            return None
        when = parse_when(value)
        if when is None:
            self.problems.add(self.at(key), f"`{key}` {_short(value)!r} is not a date, a range or a bound",
                              "Write the day (2024-10-18), month (2024-10), a range (`2024-10-14 to 2024-10-20`), or a "
                              "bound: `before 2024-10-21`, `by 2024-10-25`, `after 2024-10-01`. Leave it out when the "
                              f"text gives no time at all (years {YEARS[0]} to {YEARS[1]}).")
        return when

    def date_spans(self, key: str) -> tuple[DateSpan, ...]:
        """Dates or ranges "A to B"."""
        spans = []
        for item in self.text_list(key):
            parts = [p.strip() for p in str(item).split(" to ")]
            dates = [parse_date(p) for p in parts]
            where = Location(self.record.file, line_of(item, self.at(key).line))
            if len(parts) > 2 or any(d is None for d in dates):
                self.problems.add(where, f"`{key}` entry {_short(item)!r} is not a date or a range",
                                  f"Write YYYY-MM-DD, YYYY-MM, or a range like `2024-10-08 to 2024-10-13` (years {YEARS[0]} to {YEARS[1]}).")
                continue
            if dates[0] > dates[-1]:
                self.problems.add(where, f"`{key}` range {str(item)!r} ends before it starts")
                continue
            spans.append(DateSpan(dates[0], dates[-1]))
        return tuple(spans)

    def integer(self, key: str, required: bool = False) -> int:
        """A whole number."""
        value = self.text(key, required)
        if value and not is_whole_number(value):
            self.problems.add(self.at(key), f"`{key}` {_short(value)!r} must be a whole number",
                              f"Write it with the digits 0-9, at most {MAX_DIGITS} of them.")
            return 0
        return int(value) if value else 0

    def integer_list(self, key: str) -> tuple[int, ...]:
        """A list of whole numbers, e.g. seed line numbers."""
        numbers = []
        for item in self.text_list(key):
            if not is_whole_number(item.strip()):
                where = Location(self.record.file, line_of(item, self.at(key).line))
                self.problems.add(where, f"`{key}` entry {_short(item)!r} must be a whole number",
                                  f"Write it with the digits 0-9, at most {MAX_DIGITS} of them.")
                continue
            numbers.append(int(item))
        return tuple(numbers)

    def choice(self, key: str, allowed: tuple[str, ...], required: bool = False) -> str:
        """One value of a fixed list."""
        value = self.text(key, required)
        if value and value not in allowed:
            self.problems.add(self.at(key), f"`{key}` {_short(value)!r} is not one of the allowed values",
                              "Allowed: " + ", ".join(allowed) + ".")
            return ""
        return value

    def mapping(self, key: str) -> YMap | None:
        """A nested mapping, or None."""
        value = self.record.data.get(key)
        if value is None or (isinstance(value, YStr) and not value.strip()):
            return None
        if not isinstance(value, YMap):
            self.problems.add(self.at(key), f"`{key}` must be a mapping of `line: reason` entries")
            return None
        return value

    def items(self, key: str, first_field: str = "text") -> list[YMap]:
        """A list of nested mappings."""
        value = self.record.data.get(key)
        if value is None:
            return []
        if not isinstance(value, YList) or not all(isinstance(v, YMap) for v in value):
            self.problems.add(self.at(key), f"`{key}` must be a list of entries, each starting with `- {first_field}:`")
            return []
        return list(value)


def _short(value: str, limit: int = 60) -> str:
    """A value for a message: long values cut, so that a 5,000-digit typo does not fill the screen."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} characters)"


def _similar(a: str, b: str) -> bool:
    """Cheap typo check for field names: nearly the same length and letters."""
    if abs(len(a) - len(b)) > 1:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75
