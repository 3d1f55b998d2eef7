"""Detect page furniture in an article's paragraphs: lines that are not article text.

Conservative by design: a doubtful line stays article text (the editor then sees a coverage
warning for it), because hiding a line of the article is worse than showing a caption.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from ...errors import Location
from ...model import SkippedLines
from .text import ends_sentence, parse_dateline

SUGGESTED = Location("(suggested by ingest)")

HEADLINE = "headline (shown as the page title)"
CAPTION = "photo caption"
CAPTION_TWICE = "photo caption, printed twice"
TEASERS = "teaser list (links to other articles of the site)"
ADDRESS = "address block of the publishing site"

# "… in North Korea. — AFP", "… founding. /Yonhap News": a sentence, then a credit of 1-4 capitalised words.
_CREDIT = re.compile(r"[.!?”\"’')]\s*(?:[—–-]+|/)\s*[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3}\s*$")
_PHOTO_CREDIT = re.compile(r"^(?:Photo|Photograph|Picture|Image|File photo)s?(?:\s+credit)?\s*:|"
                           r"\((?:Photo|Photograph|Image|Picture)s?\s*:?[^)]{0,60}\)\s*$|"
                           r"\b(?:Photo|Photograph|Image|Picture)s?\s*:\s*[^.]{1,60}$")
_PICTURE_WORDS = re.compile(r"\b(?:photo\w*|picture|image|handout|pictured|shows|seen)\b|\([CLR]\)", re.IGNORECASE)
_LANGUAGE_CODE = re.compile(r"^[a-z]{2}[_-][A-Z]{2}\s*\S+$")  # "en_USEnglish", "fr-FR Français"
_LANGUAGES = {"english", "français", "francais", "español", "espanol", "deutsch", "italiano", "português",
              "portugues", "русский", "українська", "한국어", "日本語", "中文", "العربية", "polski",
              "nederlands", "türkçe", "turkce", "tiếng việt", "bahasa indonesia", "हिन्दी", "اردو"}
_NAVIGATION = {
    "menu", "main menu", "home", "search", "share", "share this", "share this article", "share on facebook",
    "share on twitter", "subscribe", "subscribe now", "sign in", "sign up", "log in", "login", "register",
    "skip to content", "skip to main content", "advertisement", "advert", "sponsored", "read more",
    "see more", "more", "related", "related articles", "related stories", "related news", "most read",
    "most popular", "trending", "latest", "latest news", "top stories", "newsletter", "follow us",
    "print", "email", "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "copy link",
    "comments", "close", "back to top", "opinion", "editorial", "you may also like", "recommended",
    "accept", "accept all", "reject", "reject all", "cookie policy", "privacy policy", "terms of use",
    "cookie settings", "listen", "listen to this article", "watch", "next", "previous", "world", "news",
}
_NAV_SEPARATORS = re.compile(r"\s*[|•·›»/]\s*")
_ADDRESS_LINES = (
    re.compile(r"^(?:Physical|Mailing|Postal|Street|Office|Head office|Registered)?\s*Address:?$", re.IGNORECASE),
    re.compile(r"^\d+[A-Za-z]?\s+(?:[A-Z][\w.'’-]*\s+){0,4}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|"
               r"Dr|Drive|Way|Court|Ct|Place|Pl|Square|Sq|Highway|Hwy|Parkway|Pkwy)\.?(?:,\s*(?:Suite|Floor|Ste)\.?\s*\w+)?$"),
    re.compile(r"^[A-Z][\w .'’-]{1,40},\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?$"),  # "Dorchester Center, MA 02124"
    re.compile(r"^(?:P\.?\s?O\.?\s+Box|Suite)\s+\d+", re.IGNORECASE),
    re.compile(r"^(?:Tel|Phone|Fax|Telephone)\.?\s*:?\s*[+\d(][\d\s().+-]{6,}$", re.IGNORECASE),
)
_CREDIT_LINE = re.compile(r"(?:contributed (?:to )?(?:this|the) (?:report|story|article)\.?$|"
                          r"^(?:Additional )?(?:reporting|editing|writing) by\s)", re.IGNORECASE)
_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(rf"^By\s+{_NAME}(?:\s+(?:{_NAME}|and|&))*(?:,\s*{_NAME}(?:\s+{_NAME})*)?$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|Copyright\b)", re.IGNORECASE)
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")


@dataclass
class Furniture:
    """What the detector found: skipped lines with reasons, and hints for the source entry."""

    skipped: dict[int, str] = field(default_factory=dict)
    headline: str = ""
    dateline: str = ""
    published: datetime.date | None = None
    subheadings: list[int] = field(default_factory=list)


def words(text: str) -> int:
    """Number of words."""
    return len(text.split())


def is_short(text: str) -> bool:
    """A title-like line: a few words, not ending like a sentence with a full stop."""
    stripped = text.strip()
    return words(stripped) <= 10 and len(stripped) <= 90 and not re.search(r"\.[\"'”’)]*$", stripped)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_navigation(text: str) -> bool:
    """Menu entries, share buttons, section names ("Menu", "Share", "Home | World")."""
    parts = [p for p in _NAV_SEPARATORS.split(_key(text).strip(" :»›|")) if p]
    return bool(parts) and len(text) <= 80 and all(p in _NAVIGATION for p in parts)


def is_language_picker(text: str) -> bool:
    """"en_USEnglish", "English | Français", "EN FR DE"."""
    stripped = text.strip()
    if _LANGUAGE_CODE.match(stripped):
        return True
    parts = [p for p in re.split(r"\s*[|•·/,]\s*|\s{2,}", stripped) if p]
    if parts and all(p.casefold() in _LANGUAGES for p in parts):
        return True
    tokens = stripped.split()
    return len(tokens) >= 2 and all(re.fullmatch(r"[A-Z]{2}", t) for t in tokens)


def is_caption(text: str, at_top: bool, repeated: bool) -> bool:
    """A photo caption: ends with a credit ("… — AFP") and looks like one, or says "Photo:"."""
    stripped = text.strip()
    if _PHOTO_CREDIT.search(stripped):
        return True
    if not _CREDIT.search(stripped):
        return False
    # A credit alone could end a wire story's last paragraph; want one more sign of a caption:
    # printed twice, above the article text, or describing a picture.
    return repeated or at_top or bool(_PICTURE_WORDS.search(stripped))


def is_address(text: str) -> bool:
    """A line of a postal address block."""
    return any(p.match(text.strip()) for p in _ADDRESS_LINES)


def _line_reason(text: str) -> str:
    """Reason for a single line that is furniture whatever its neighbours, or ""."""
    stripped = text.strip()
    dated = parse_dateline(stripped)
    if dated:
        return f"dateline ({_quoted(stripped)})"
    if is_language_picker(stripped):
        return f"language picker ({_quoted(stripped)})"
    if is_navigation(stripped):
        return "navigation (menu, section or share links)"
    if is_address(stripped):
        return ADDRESS
    if _CREDIT_LINE.search(stripped) and words(stripped) <= 15:
        return "contributor credit"
    if _BYLINE.match(stripped) and words(stripped) <= 8:
        return "byline"
    if _COPYRIGHT.match(stripped) and words(stripped) <= 15:
        return "copyright notice"
    return ""


def _quoted(text: str) -> str:
    shown = text if len(text) <= 40 else text[:37] + "..."
    return f'"{shown}"'


def teaser_tail(paragraphs: list[tuple[int, str]]) -> list[int]:
    """Indexes of a teaser list at the end of the page (headlines, dates, blurbs), or []."""
    seen: dict[str, int] = {}
    for _, text in paragraphs:
        seen[_key(text)] = seen.get(_key(text), 0) + 1

    def marker(text: str) -> bool:
        repeated_title = seen[_key(text)] > 1 and is_short(text)
        return bool(parse_dateline(text) or _TRUNCATED.search(text) or is_navigation(text) or repeated_title)

    def teaserish(text: str) -> bool:
        return is_short(text) or marker(text)

    region: list[int] = []
    for index in range(len(paragraphs) - 1, -1, -1):
        text = paragraphs[index][1]
        # A blurb (one sentence under a teaser headline) sits between two teaser-like lines.
        blurb = (0 < index < len(paragraphs) - 1 and teaserish(paragraphs[index - 1][1])
                 and teaserish(paragraphs[index + 1][1]))
        if not (teaserish(text) or blurb):
            break
        region.insert(0, index)
    markers = sum(marker(paragraphs[i][1]) for i in region)
    return region if len(region) >= 3 and markers >= 2 else []


def detect_furniture(paragraphs: list[tuple[int, str]], title: str = "") -> Furniture:
    """Furniture among (line number, text) paragraphs; `title` is a headline known from metadata."""
    found = Furniture()
    reasons: dict[int, str] = {}  # by index into paragraphs
    for index in teaser_tail(paragraphs):
        # An address block often sits just above the teasers; name it for what it is.
        reasons[index] = ADDRESS if is_address(paragraphs[index][1]) else TEASERS
    first_seen: dict[str, int] = {}
    at_top = True  # no sentence of article text yet
    for index, (_, text) in enumerate(paragraphs):
        if index in reasons:
            continue
        key = _key(text)
        earlier = first_seen.setdefault(key, index)
        if earlier != index:
            if is_caption(text, at_top, True):
                reasons[earlier] = reasons[index] = CAPTION_TWICE
            else:
                reasons[index] = f"repeats line {paragraphs[earlier][0]}"
            continue
        if is_caption(text, at_top, False):
            reasons[index] = CAPTION
            continue
        reason = _line_reason(text)
        at_top = at_top and (bool(reason) or words(text) < 12 or not ends_sentence(text))
        if reason:
            reasons[index] = reason
            dated = parse_dateline(text)
            if dated and not found.dateline and dated[0] in ("", "published", "first published", "posted", "date"):
                found.dateline, found.published = text.strip(), dated[1]
    _mark_headline(paragraphs, reasons, found, title)
    found.skipped = {paragraphs[i][0]: reason for i, reason in sorted(reasons.items())}
    text_indexes = [i for i in range(len(paragraphs)) if i not in reasons]
    for position, index in enumerate(text_indexes[1:-1], start=1):
        text = paragraphs[index][1]
        # Section headings: short lines with article text on both sides (only suggested).
        if words(text) <= 14 and len(text.strip()) <= 100 and not ends_sentence(text):
            if not is_short(paragraphs[text_indexes[position - 1]][1]):
                found.subheadings.append(paragraphs[index][0])
    return found


def _mark_headline(paragraphs, reasons: dict[int, str], found: Furniture, title: str) -> None:
    """The headline: the metadata title if printed near the top, else a short first line."""
    candidates = [i for i in range(len(paragraphs)) if i not in reasons]
    if title:
        for index in candidates[:3]:
            if _key(paragraphs[index][1]) == _key(title):
                reasons[index], found.headline = HEADLINE, " ".join(title.split())
                return
    if len(candidates) < 2:
        return
    first = paragraphs[candidates[0]][1].strip()
    if words(first) <= 25 and len(first) <= 200 and not re.search(r"[.:;,][\"'”’)]*$", first):
        reasons[candidates[0]], found.headline = HEADLINE, " ".join(first.split())


def skip_entries(paragraphs: list[tuple[int, str]], skipped: dict[int, str]) -> tuple[SkippedLines, ...]:
    """Skip entries (lines 4-5, reason), merging neighbouring paragraphs that share a reason."""
    entries: list[list] = []
    previous_index = -2
    for index, (line, _) in enumerate(paragraphs):
        reason = skipped.get(line)
        if reason is None:
            continue
        if entries and previous_index == index - 1 and entries[-1][2] == reason:
            entries[-1][1] = line
        else:
            entries.append([line, line, reason])
        previous_index = index
    return tuple(SkippedLines(a, b, reason, SUGGESTED) for a, b, reason in entries)
