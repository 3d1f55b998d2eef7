"""Pure text logic of `ingest`: decode input, split paragraphs, parse printed dates, make ids.

Nothing here touches the file system, so every rule can be tested on strings.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from ...errors import GeneratorError
from ...text import CONTROL_CHARACTERS

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
# Nobody hard-wraps text wider than this; longer lines are whole paragraphs.
WRAP_MAX = 120
WRAP_MIN = 40


class InputError(GeneratorError):
    """Input that cannot be ingested; the message is shown to the editor as is."""


# An article page saved as HTML is a few hundred kB, rarely a few MB; a larger file is the wrong
# file, and would take minutes to read. The text of the longest articles is a few tens of kB.
MAX_INPUT_BYTES = 5_000_000
MAX_ARTICLE_CHARS = 1_000_000


def check_size(size: int, name: str) -> None:
    """Refuse input too large to be one article."""
    if size > MAX_INPUT_BYTES:
        raise InputError(f"{name} is {size / 1e6:.1f} MB; an article page is rarely over {MAX_INPUT_BYTES // 1_000_000} MB, "
                         "so this is probably not one article. Save the page as \"HTML only\", or copy its text into a .txt file.")


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 text without BOM; refuse empty or binary input with a clear message."""
    if not raw.strip():
        raise InputError(f"{name} is empty: there is no article to ingest")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not text (binary data, or not UTF-8 at byte {exc.start}); "
                         "ingest reads UTF-8 .txt files and saved .html pages") from None
    if CONTROL_CHARACTERS.search(text):
        raise InputError(f"{name} is not text (binary data: it holds control characters); "
                         "ingest reads UTF-8 .txt files and saved .html pages")
    if not text.strip():
        raise InputError(f"{name} is empty: there is no article to ingest")
    return text


def looks_like_html(text: str) -> bool:
    """Sniff the format of input without a file name: markup starts with `<` or has `<html`."""
    head = text.lstrip()
    return head.startswith("<") or "<html" in text[:5000].lower()


def ends_sentence(line: str) -> bool:
    """Whether a line ends like a sentence (closing quotes and brackets ignored)."""
    return bool(_SENTENCE_END.search(line.rstrip()))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain-text article, joining the lines of hard-wrapped paragraphs.

    Blank lines always end a paragraph. A single newline is a hard wrap only in a wrapped
    document (its lines are at most WRAP_MAX wide) and only where a greedy wrapper would have
    broken the line: the next word would not have fitted, or the next line continues the
    sentence in lower case. Elsewhere (seed-002 style, teaser lists) each line is a paragraph.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    inner_lines = [line.rstrip() for block in blocks for line in block[:-1]]
    inner = [len(line) for line in inner_lines]
    width = max(inner, default=0)
    near = sum(n >= width - 15 for n in inner)
    # Wrapped only when most inner lines reach about the same width (a short headline directly
    # above the text must not make a two-line file look wrapped) and most end mid-sentence
    # (one-paragraph-per-line files of short paragraphs end every line with a full stop).
    wrapped = (WRAP_MIN <= width <= WRAP_MAX and near >= 2 and near >= len(inner) / 2
               and sum(map(ends_sentence, inner_lines)) < len(inner) / 2)
    paragraphs: list[str] = []
    for block in blocks:
        current = block[0]
        for previous, line in zip(block, block[1:]):
            if wrapped and _is_wrap(previous, line, width):
                glue = "" if re.search(r"\w-$", current.rstrip()) and line.lstrip()[:1].isalpha() else " "
                current = current.rstrip() + glue + line.lstrip()
            else:
                paragraphs.append(current)
                current = line
        paragraphs.append(current)
    return paragraphs


def _is_wrap(line: str, following: str, width: int) -> bool:
    first_word = following.split()[0]
    if len(line.rstrip()) + 1 + len(first_word) > width:
        return True
    return not ends_sentence(line) and following.lstrip()[:1].islower()


_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE = (rf"(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
         rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>[A-Za-z]{{3,9}})\.?,?\s+(?P<year2>\d{{4}})"
         rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_TIME = r"(?:\s*(?:[,|•·-]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?"
DATELINE = re.compile(
    rf"^(?P<label>(?:First\s+)?Published|Last\s+updated|Updated|Posted|Date)?(?:\s+on)?\s*:?\s*"
    rf"{_WEEKDAY}{_DATE}{_TIME}\s*$", re.IGNORECASE)


def parse_dateline(line: str) -> tuple[str, datetime.date] | None:
    """A line that only prints a date ("Published October 18, 2024"): (label, date), or None."""
    match = DATELINE.match(line.strip())
    if not match:
        return None
    try:
        if match["iso"]:
            day = datetime.date.fromisoformat(match["iso"])
        else:
            month = _MONTHS.get((match["month"] or match["month2"]).lower())
            if month is None:
                return None
            day = datetime.date(int(match["year"] or match["year2"]), month, int(match["day"] or match["day2"]))
    except ValueError:
        return None
    return (match["label"] or "").lower(), day


_TRAILING_STOPWORDS = {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and",
                      "or", "is", "are", "was", "were", "be", "as", "its", "their", "his", "her"}


def slug(text: str, max_words: int = 6) -> str:
    """A lowercase-hyphenated id from the first words of a headline ("" if it has no latin letters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    # Apostrophes join their word ("week’s" -> "weeks") instead of splitting it.
    ascii_text = re.sub(r"['’`]", "", ascii_text.lower())
    words = re.findall(r"[a-z0-9]+", ascii_text)[:max_words]
    while len(words) > 1 and words[-1] in _TRAILING_STOPWORDS:  # "...-fees-are-the" reads badly
        words.pop()
    return "-".join(words)


def unique_id(base: str, taken) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever `taken(id)` says is free."""
    candidate, number = base, 2
    while taken(candidate):
        candidate, number = f"{base}-{number}", number + 1
    return candidate
