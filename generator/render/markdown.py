"""Turn curated text into Markdown that shows exactly that text: never markup, never HTML."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from urllib.parse import quote

# Characters with inline meaning in Markdown or HTML (or in common extensions) become
# numeric character references, which Markdown passes through and browsers show as-is.
_ALWAYS = set("\\`*_{}[]<>&#!|~^=")
_URL_SAFE = "/:#?&=%.-_~+@!$,;'"
_NEEDS_QUOTING = re.compile(r"[^A-Za-z0-9" + re.escape(_URL_SAFE) + "]")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")


def _ref(char: str) -> str:
    return f"&#{ord(char)};"


_ESCAPES = str.maketrans({c: _ref(c) for c in _ALWAYS})
_SPECIAL = re.compile("[" + re.escape("".join(sorted(_ALWAYS))) + "]")


def _escape_all(text: str) -> str:
    # Most text has nothing to escape; the search is much cheaper than translate.
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text


def _escape(folded: str, line_start: bool) -> str:
    """Escape text whose whitespace is already folded."""
    if not line_start or not folded:
        return _escape_all(folded)
    # Block syntax only triggers at the start of a line: lists ("- ", "1986."), quotes, headings.
    if not folded[0].isalnum():
        return _ref(folded[0]) + _escape_all(folded[1:])
    match = _LEADING_NUMBER.match(folded)
    if match:
        return match.group(1) + _ref(match.group(2)) + _escape_all(folded[match.end():])
    return _escape_all(folded)


def md_inline(fragment: str, line_start: bool = False) -> str:
    """Escape text that continues a line (or, `line_start`, opens one): whitespace folded to single spaces, kept at the ends."""
    words = " ".join(fragment.split())
    if not words:
        return " " if fragment else ""
    # split/join is several times faster than a regex substitution on long paragraphs.
    lead = " " if fragment[0].isspace() else ""
    trail = " " if fragment[-1].isspace() else ""
    return _escape(lead + words + trail, line_start=line_start and not lead)


@lru_cache(maxsize=65536)  # names, titles and dates recur on every page of a large briefing
def md_text(text: str) -> str:
    """Escape curated text so that it shows literally, even at the start of a line."""
    return _escape(" ".join(text.split()), line_start=True)


def md_link(label: str, target: str) -> str:
    """A Markdown link whose label is escaped text; targets are our own paths or checked URLs."""
    return f"[{md_text(label)}]({_quote_target(target)})"


def _quote_target(target: str) -> str:
    # Our own page paths and anchors need no quoting; only checked external URLs may.
    return quote(target, safe=_URL_SAFE) if _NEEDS_QUOTING.search(target) else target


def page_heading(title: str) -> list[str]:
    """A page's first lines: its title in front matter, then as a heading.

    Themes print the front-matter title into <title>, the navigation and the search index as it
    is, so it is written HTML-escaped: the page is safe with any MkDocs-compatible builder, with
    or without the briefing plugin.
    """
    escaped = html.escape(" ".join(title.split()), quote=False)
    # JSON strings are YAML double-quoted scalars; the separators are escaped because YAML would read them as line breaks.
    value = json.dumps(escaped, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return ["---", f"title: {value}", "---", "", f"# {md_text(title)}", ""]


def plural(count: int, noun: str) -> str:
    """"1 source", "2 sources"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def page_text(lines: list[str]) -> str:
    """A page's lines as one text: trailing blank lines dropped, ending in one newline."""
    # Trimming the list, not the joined text, spares a copy of pages that run to megabytes.
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    if not end:
        return "\n"
    return "\n".join([*lines[:end - 1], lines[end - 1].rstrip(), ""])
