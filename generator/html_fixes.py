"""Small repairs to the theme's HTML so every page passes the Nu HTML Checker and axe.

Material for MkDocs writes a few attributes HTML does not allow (autocomplete on checkboxes,
autocorrect, empty tabindex, a label for a control some pages lack). The fixes are textual and
idempotent; they never touch page content.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"')
_AUTOCORRECT = re.compile(r'\s+autocorrect="off"')
_EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')
_LABEL_FOR = re.compile(r'<label([^>]*?)\s+for="([^"]+)"')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def fix_theme_html(html: str) -> str:
    """The page's HTML with the theme's invalid attributes removed."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _AUTOCORRECT.sub("", html)
    html = _EMPTY_TABINDEX.sub("", html)
    # Accessibility: a dialog needs a name.
    html = html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + ' aria-label="Search">')
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    # A label must point at a control on the page; Material keeps one for a table of contents some pages lack.
    return _LABEL_FOR.sub(lambda m: m.group(0) if m.group(2) in ids else f"<label{m.group(1)}", html)
