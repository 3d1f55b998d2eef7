"""Small repairs to the theme's HTML so every page passes the Nu HTML Checker and axe.

Material for MkDocs writes a few attributes HTML does not allow (autocomplete on checkboxes,
autocorrect, empty tabindex, a label for a control some pages lack). The fixes are textual and
idempotent; they never touch page content.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"')
_LABEL_FOR = re.compile(r'<label([^>]*?)\s+for="([^"]+)"')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def fix_theme_html(html: str) -> str:
    """The page's HTML with the theme's invalid attributes removed."""
    # The invalid attributes are all in the theme's chrome; skipping the article keeps this
    # cheap on very long pages (a topic page of a large briefing is megabytes).
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        return _fix_chrome(html, html)
    return _fix_chrome(html[:start], html) + html[start:end] + _fix_chrome(html[end:], html)


def _fix_chrome(part: str, page: str) -> str:
    # Each substitution runs only where its attribute occurs: a substring test is far cheaper than a regex scan.
    if 'autocomplete="off"' in part:
        part = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", part)
    part = _drop_attribute(part, 'autocorrect="off"')
    part = _drop_attribute(part, 'tabindex=""')
    # Accessibility: a dialog needs a name.
    part = part.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + ' aria-label="Search">')
    # A label must point at a control on the page; Material keeps one for a table of contents some pages lack.
    if "<label" not in part:
        return part
    return _LABEL_FOR.sub(lambda m: m.group(0) if f'id="{m.group(2)}"' in page else f"<label{m.group(1)}", part)


def _drop_attribute(part: str, attribute: str) -> str:
    # Split and strip rather than a regex: `\s+attribute` backtracks through every run of the
    # chrome's indentation and took a quarter of a millisecond per page.
    pieces = part.split(attribute)
    if len(pieces) == 1:
        return part
    return "".join([piece.rstrip() for piece in pieces[:-1]] + [pieces[-1]])
