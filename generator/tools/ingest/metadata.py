"""Who published an article and which agency it credits, from the page and the text, with a note saying where from."""

from __future__ import annotations

import re

_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")
AGENCIES = ("AFP", "Reuters", "AP", "Associated Press", "Yonhap", "Bloomberg", "dpa", "EFE", "ANSA", "Kyodo", "TASS",
            "RIA Novosti", "Interfax", "Ukrinform", "Xinhua", "UPI")
_AGENCY = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
# "SEOUL (AFP) —", "— AFP", "(Reuters) -", "By Jane Doe, AFP", "By Jane Doe | Reuters", "Copyright AFP"
_CREDIT = re.compile(rf"\(({_AGENCY})\)|[—–-]\s*({_AGENCY})\s*$|^\s*({_AGENCY})\s*[—–-]|\bBy [^,|]+[,|]\s*({_AGENCY})\b|"
                     rf"(?:©|Copyright)\s*(?:\d{{4}}\s*)?({_AGENCY})\b")


def outlet_of(sitename: str, title: str) -> tuple[str, str]:
    """The outlet and how it was found: the page's site name (og:site_name and the like), else the suffix of
    its title ("Headline | Outlet"), else unknown."""
    if sitename:
        return sitename, "The site name in the page's metadata."
    for separator in _SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and 1 <= len(tail.split()) <= 5 and not tail.endswith((".", "?", "!")):
            return tail.strip(), f"From the page title (“{title}”); check it."
    return "unknown", "The text names no publisher; set `outlet` if it is known."


def agency_in(paragraphs: list[str]) -> tuple[str, str]:
    """A news agency the text credits in a dateline, byline or credit line, and a note saying where."""
    for paragraph in paragraphs:
        match = _CREDIT.search(paragraph)
        if match:
            agency = next(group for group in match.groups() if group)
            shown = paragraph if len(paragraph) <= 60 else paragraph[:57] + "…"
            return agency, f"Credits {agency}: “{shown}”."
    return "", ""
