"""Turn curated text into Markdown that shows exactly that text: never markup, never HTML."""

from __future__ import annotations

import re
from urllib.parse import quote

# Characters with inline meaning in Markdown or HTML (or in common extensions) become
# numeric character references, which Markdown passes through and browsers show as-is.
_ALWAYS = set("\\`*_{}[]<>&#!|~^=")
_URL_SAFE = "/:#?&=%.-_~+@!$,;'"
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")


def _ref(char: str) -> str:
    return f"&#{ord(char)};"


_ESCAPES = str.maketrans({c: _ref(c) for c in _ALWAYS})
_WHITESPACE = re.compile(r"\s+")


def _escape(fragment: str, line_start: bool) -> str:
    folded = _WHITESPACE.sub(" ", fragment)
    if not line_start or not folded:
        return folded.translate(_ESCAPES)
    # Block syntax only triggers at the start of a line: lists ("- ", "1986."), quotes, headings.
    if not folded[0].isalnum():
        return _ref(folded[0]) + folded[1:].translate(_ESCAPES)
    match = _LEADING_NUMBER.match(folded)
    if match:
        return match.group(1) + _ref(match.group(2)) + folded[match.end():].translate(_ESCAPES)
    return folded.translate(_ESCAPES)


def md_inline(fragment: str) -> str:
    """Escape text that continues a line: whitespace folded to single spaces, kept at the ends."""
    return _escape(fragment, line_start=False)


def md_text(text: str) -> str:
    """Escape curated text so that it shows literally, even at the start of a line."""
    return _escape(" ".join(text.split()), line_start=True)


def md_link(label: str, target: str) -> str:
    """A Markdown link whose label is escaped text; targets are our own paths or checked URLs."""
    return f"[{md_text(label)}]({quote(target, safe=_URL_SAFE)})"


def plural(count: int, noun: str) -> str:
    """"1 source", "2 sources"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def relative(from_page: str, to_page: str) -> str:
    """Relative link from one generated page path to another (both relative to docs/)."""
    from_parts = from_page.split("/")[:-1]
    to_parts = to_page.split("/")
    common = 0
    while common < len(from_parts) and common < len(to_parts) - 1 and from_parts[common] == to_parts[common]:
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:])
