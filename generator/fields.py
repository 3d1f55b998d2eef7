"""Typed access to one raw record's fields, collecting a problem for each bad value."""

from __future__ import annotations

import calendar
import difflib
import re

from .errors import Location, ProblemList
from .load import RawRecord
from .model import DateSpan, PartialDate
from .yamlfile import YList, YMap, YStr, line_of

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(text: str) -> PartialDate | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; None when malformed or impossible."""
    match = DATE_PATTERN.match(text.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if match.group(2) and not 1 <= month <= 12:
        return None
    if match.group(3) and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return PartialDate(year, month, day)


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
        if value and not ID_PATTERN.match(value):
            self.problems.add(self.at(key), f"`{key}` {value!r} is not a valid id",
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
            self.problems.add(self.at(key), f"`{key}` {value!r} is not a valid date",
                              "Write dates as YYYY-MM-DD, e.g. 2024-10-18 (or YYYY-MM, YYYY).")
        return parsed

    def date_spans(self, key: str) -> tuple[DateSpan, ...]:
        """Dates or ranges "A to B"."""
        spans = []
        for item in self.text_list(key):
            parts = [p.strip() for p in str(item).split(" to ")]
            dates = [parse_date(p) for p in parts]
            where = Location(self.record.file, line_of(item, self.at(key).line))
            if len(parts) > 2 or any(d is None for d in dates):
                self.problems.add(where, f"`{key}` entry {str(item)!r} is not a date or a range",
                                  "Write YYYY-MM-DD, YYYY-MM, or a range like `2024-10-08 to 2024-10-13`.")
                continue
            if dates[0] > dates[-1]:
                self.problems.add(where, f"`{key}` range {str(item)!r} ends before it starts")
                continue
            spans.append(DateSpan(dates[0], dates[-1]))
        return tuple(spans)

    def integer(self, key: str, required: bool = False) -> int:
        """A whole number."""
        value = self.text(key, required)
        if value and not value.isdigit():
            self.problems.add(self.at(key), f"`{key}` {value!r} must be a whole number")
            return 0
        return int(value) if value else 0

    def integer_list(self, key: str) -> tuple[int, ...]:
        """A list of whole numbers, e.g. seed line numbers."""
        numbers = []
        for item in self.text_list(key):
            if not item.strip().isdigit():
                where = Location(self.record.file, line_of(item, self.at(key).line))
                self.problems.add(where, f"`{key}` entry {str(item)!r} must be a whole number")
                continue
            numbers.append(int(item))
        return tuple(numbers)

    def choice(self, key: str, allowed: tuple[str, ...], required: bool = False) -> str:
        """One value of a fixed list."""
        value = self.text(key, required)
        if value and value not in allowed:
            self.problems.add(self.at(key), f"`{key}` {value!r} is not one of the allowed values",
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


def _similar(a: str, b: str) -> bool:
    """Cheap typo check for field names: nearly the same length and letters."""
    if abs(len(a) - len(b)) > 1:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75
