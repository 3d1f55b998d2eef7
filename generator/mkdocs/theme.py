"""Small repairs to the theme: HTML every page passes the Nu HTML Checker and axe with, and a search that keeps hyphenated names whole.

Material for MkDocs writes a few attributes HTML does not allow (autocomplete on checkboxes,
autocorrect, empty tabindex, a label for a control some pages lack). The fixes are textual and
idempotent; they never touch page content.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import pagefind

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


# Material splits a query into words at spaces and each word at the search separator of mkdocs.yml, as
# it splits pages; lunr's query lexer then splits the result once more with its own default separator,
# which cuts at hyphens ("Kim Jong-un" became "kim* jong* un*" and matched every "UN", "unit",
# "unconfirmed"). Splitting there only at spaces keeps "jong-un" and "12,000" one term each. (The lexer
# tests one character at a time, so it could not use the separator itself: "," would always split.)
_WORKER_SEPARATOR = "lunr.tokenizer.separator=new RegExp(e.separator)"
_WORKER_SEPARATOR_FIXED = "lunr.tokenizer.separator=new RegExp(e.separator),lunr.QueryLexer.termSeparator=/\\s+/"


def fix_search_worker(site_dir: Path) -> str | None:
    """Make the search worker split queries as it splits pages; a message when the worker has changed beyond repair."""
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not workers:
        return None  # another theme, or Pagefind: nothing to fix
    for worker in workers:
        text = worker.read_text(encoding="utf-8")
        if _WORKER_SEPARATOR_FIXED in text:
            continue
        if _WORKER_SEPARATOR not in text:
            return (f"{worker.name}: the theme's search worker no longer sets its separator as expected, so queries "
                    "with hyphens (Kim Jong-un) will match every part; update fix_search_worker in generator/mkdocs/theme.py")
        worker.write_text(text.replace(_WORKER_SEPARATOR, _WORKER_SEPARATOR_FIXED), encoding="utf-8")
    return None


def finish_page(html: str, page, config, search: str) -> str:
    """A rendered page without the theme's invalid attributes; with Pagefind, marked for its indexer."""
    html = fix_theme_html(html)
    if search == "pagefind":
        html = pagefind.mark_page(html, page.url, page.file.src_uri, config.use_directory_urls)
    return html


def finish_site(site_dir: Path, search: str, directory_urls: bool, log) -> None:
    """Repair the theme's search worker; with Pagefind, index the finished site (raises PagefindError on failure)."""
    problem = fix_search_worker(site_dir)
    if problem:
        log.warning(problem)
    if search == "pagefind":
        log.info(pagefind.build_index(site_dir, directory_urls=directory_urls))
