"""Main text and metadata of a saved HTML page, via trafilatura (never fetches anything)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .text import InputError


@dataclass(frozen=True)
class HtmlArticle:
    """What the page gives: its article paragraphs and what its metadata says."""

    paragraphs: list[str]
    title: str
    date: str
    sitename: str
    url: str
    full_title: str = ""  # the page's title as written, with any "| Site" suffix


def extract_html(html: str, name: str) -> HtmlArticle:
    """The article of a page, one paragraph per extracted line; InputError if there is none."""
    try:
        import trafilatura
    except ImportError as exc:  # a broken install should say what to do, not print a traceback
        raise InputError(f"cannot read HTML: trafilatura is not usable ({exc}); "
                         "install it with `pip install trafilatura lxml_html_clean`") from None
    # trafilatura logs every page it finds little text in; our own message says it better.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        favor_precision=True, deduplicate=False,
        # Only dates the page states as its own: no guessing from other dates in the page.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(document, "text", None) or ""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if not paragraphs:
        raise InputError(f"{name}: no article text found in the HTML page "
                         "(is it the saved article page, not an index or an empty template?)")
    sitename = _clean(getattr(document, "sitename", None))
    url = _clean(getattr(document, "url", None))
    return HtmlArticle(
        paragraphs=paragraphs,
        title=_strip_site(_clean(getattr(document, "title", None)), sitename),
        date=_clean(getattr(document, "date", None)),
        sitename=sitename,
        url=url if re.match(r"^https?://\S+$", url) else "",
        full_title=_clean(getattr(document, "title", None)),
    )


def _clean(value) -> str:
    return " ".join(str(value).split()) if value else ""


def _strip_site(title: str, sitename: str) -> str:
    """"Headline | Site" -> "Headline" when Site is the page's site name."""
    if sitename:
        for separator in (" | ", " - ", " – ", " — ", " :: "):
            head, found, tail = title.rpartition(separator)
            if found and head and tail.casefold() == sitename.casefold():
                return head
    return title
