"""Text functions every stage shares: folding for comparison, matching names, naming invisible characters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .vocab import RELATIVE_DATES

# Typographic quotes and dashes, and the ASCII character each stands for when quotes are compared.
EQUIVALENT_MARKS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
}
_FOLD = str.maketrans(EQUIVALENT_MARKS)


def fold_marks(text: str) -> str:
    """Typographic quotes and dashes to ASCII, one character for one."""
    return text if text.isascii() else text.translate(_FOLD)  # the ASCII test is far cheaper than translate


def fold(text: str) -> str:
    """Whitespace runs to one space (ends trimmed), typographic quotes and dashes to ASCII."""
    return " ".join(fold_marks(text).split())


def alias_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One regex matching any of the names as a whole word, the longest name where several fit."""
    names = sorted({n for n in names if n})
    if not names:
        return None
    # A plain alternation of hundreds of names is tried name by name at every position; a trie of
    # the names, behind a check of the first character, is over ten times faster on large briefings.
    first = "".join(sorted({re.escape(n[0]) for n in names}))
    return re.compile(rf"(?=[{first}])(?<!\w)(?:{_trie_pattern(names)})(?!\w)")


def _trie_pattern(names: list[str]) -> str:
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict) -> str:
    # Longer names are tried before a name ends here, so the longest name that fits wins.
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if "" in node:
        return f"(?:{'|'.join(branches)})?" if branches else ""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


# The same pattern in lower case, searched in lower-cased text: matching without IGNORECASE is faster.
_RELATIVE_DATES_LOWER = re.compile(RELATIVE_DATES.pattern.lower())


def relative_date(text: str) -> str:
    """The first relative date in a text ("last Friday", "yesterday"), or ""."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower-case to two characters; positions would shift
        match = RELATIVE_DATES.search(text)
        return match.group(0) if match else ""
    match = _RELATIVE_DATES_LOWER.search(lowered)
    return text[match.start():match.end()] if match else ""


def snippet(text: str, limit: int = 70) -> str:
    """The start of a text for a message, cut at `limit` characters."""
    return text if len(text) <= limit else text[:limit].rstrip() + "…"

# unicodedata has no names for control characters; these are their Unicode aliases.
_CONTROL_NAMES = {
    0x00: "NULL", 0x01: "START OF HEADING", 0x02: "START OF TEXT", 0x03: "END OF TEXT",
    0x04: "END OF TRANSMISSION", 0x05: "ENQUIRY", 0x06: "ACKNOWLEDGE", 0x07: "BELL", 0x08: "BACKSPACE",
    0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN", 0x0E: "SHIFT OUT", 0x0F: "SHIFT IN", 0x10: "DATA LINK ESCAPE",
    0x11: "DEVICE CONTROL ONE", 0x12: "DEVICE CONTROL TWO", 0x13: "DEVICE CONTROL THREE",
    0x14: "DEVICE CONTROL FOUR", 0x15: "NEGATIVE ACKNOWLEDGE", 0x16: "SYNCHRONOUS IDLE",
    0x17: "END OF TRANSMISSION BLOCK", 0x18: "CANCEL", 0x19: "END OF MEDIUM", 0x1A: "SUBSTITUTE",
    0x1B: "ESCAPE", 0x1C: "FILE SEPARATOR", 0x1D: "GROUP SEPARATOR", 0x1E: "RECORD SEPARATOR",
    0x1F: "UNIT SEPARATOR", 0x7F: "DELETE", 0x85: "NEXT LINE",
}

# Characters that never belong in text: C0 and C1 controls (but tab, line feed and carriage
# return), lone surrogates and the noncharacters U+FFFE and U+FFFF.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# In YAML also the Unicode line and paragraph separators: invisible, and YAML reads them as line breaks.
YAML_UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def describe_char(char: str) -> str:
    """"U+200B ZERO WIDTH SPACE": code point and name, for characters a reader cannot see."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "") or (
        "SURROGATE" if 0xD800 <= code <= 0xDFFF else "NONCHARACTER" if code & 0xFFFE == 0xFFFE else "CONTROL CHARACTER")
    return f"U+{code:04X} {name}"


def is_invisible(char: str) -> bool:
    """True for characters that show as nothing or as a plain space: format, control, separator, combining marks."""
    return char != " " and unicodedata.category(char) in ("Cf", "Cc", "Co", "Cn", "Cs", "Zs", "Zl", "Zp", "Mn", "Me")


def control_characters(text: str, limit: int = 10, pattern: re.Pattern[str] = CONTROL_CHARACTERS) -> list[tuple[int, int, str]]:
    """(line, column, description) of the first `limit` control characters, 1-based."""
    found: list[tuple[int, int, str]] = []
    if pattern.search(text) is None:  # the usual case, in one scan
        return found
    for match in pattern.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        found.append((line, column, describe_char(match.group(0))))
        if len(found) == limit:
            break
    return found
