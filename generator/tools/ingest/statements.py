"""A paragraph cut into statements (sentences), each with the time it was said and the figures it gives.

Every statement is a verbatim slice of the paragraph, so that `check` accepts it as a quote.
Relative times ("on Thursday", "last week") are resolved against the article's publication date
with `dateparser` given that date as its fixed base, so suggestions are reproducible.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import dateparser

from ...model import PartialDate, Quantity
from ...vocab import QUALIFIERS
from .attribution import QUOTED, SPEECH_VERB

# A full stop after these does not end a sentence.
_ABBREVIATIONS = re.compile(r"(?:\b(?:U\.S|U\.N|U\.K|E\.U|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Rep|Sen|Gov|St|No|Jr|Sr|Jan|Feb|Mar|Apr|Jun|"
                            r"Jul|Aug|Sept?|Oct|Nov|Dec|vs|etc|Inc|Corp|Co)|\b[A-Z])\.$")
_BREAK = re.compile(r"(?<=[.!?])(?P<close>[”\"’']?)\s+(?=[“\"‘(A-Z0-9])")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Month names as articles print them ("Oct.", "October"); events.py reads them too.
MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_TIME = re.compile(
    rf"\b(?P<explicit>(?:{MONTHS}\s+\d{{1,2}}(?!\d)|\d{{1,2}}\s+{MONTHS}))"
    rf"|\b(?P<weekday>(?:on\s+|last\s+)?(?:{'|'.join(_WEEKDAYS)}))\b"
    r"|\b(?P<relative>yesterday|today|last week|this week|earlier this month|earlier this week|last month)\b", re.IGNORECASE)
_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
_WORD_NUMBERS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), start=1)}
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:" + "|".join(_WORD_NUMBERS) + r")"
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_EXTRA_QUALIFIERS = {"as many as": "up to", "almost": "nearly", "roughly": "about", "over": "over", "some": "some"}
_QUALIFIER = "|".join(sorted({*QUALIFIERS, *_EXTRA_QUALIFIERS}, key=len, reverse=True))
_FIGURE = re.compile(rf"(?:\b(?P<qualifier>{_QUALIFIER})\s+)?(?<![\d,.])(?P<text>(?:{_NUMBER})(?:\s+(?:thousand|million|billion))?)(?!\d|,\d)"
                     r"[”\"’]?(?P<after>(?:[\s-]+[\w’'-]+){0,5})", re.IGNORECASE)
_SYNONYMS = {"troops": "soldiers", "personnel": "soldiers", "forces": "soldiers", "servicemen": "soldiers", "fighters": "soldiers",
             "military": "soldiers", "army": "soldiers", "armies": "soldiers", "strong": "soldiers"}


# Where a sentence holds a second statement: "…, although", ";", a speaker's second reporting verb ("…, and
# strongly condemned", "…, telling a summit that"), an absolute clause with its own speaker ("…, with Seoul
# slamming …"), "… and while …".
_CLAUSE = re.compile(r"(?<=,)\s+(?=(?:although|but|while|whereas|even as)\s)|(?<=;)\s+"
                     r"|(?<=,)\s+(?=(?:(?:and\s+)?(?:\w+ly\s+)?(?:telling|saying|adding|warning|noting|calling)|and\s+(?:\w+ly\s+)?"
                     r"(?:condemned|warned|urged|added|denied|dismissed|accused|said))\b)"
                     r"|(?<=,)\s+(?=with\s+(?:[\w’'.-]+\s+){1,6}?\w+ing\b)"
                     r"|(?<=,)\s+(?=and\s+(?:[A-Z][\w.’'-]*\s+){1,5}(?:said|told|added|warned|says|tells)\b)"
                     r"|\s+(?=and\s+while\s)")


def _open_quote(text: str) -> bool:
    """A quotation opened and not yet closed, with typographic or straight quotation marks."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def sentences(paragraph: str) -> list[str]:
    """The paragraph's statements: sentences (a quotation of several sentences stays whole), split again at
    "…, although" or ";" when both sides are long enough to stand alone; each a verbatim slice."""
    found, start = [], 0
    for match in _BREAK.finditer(paragraph):
        piece = paragraph[start:match.start() + len(match.group("close"))]  # with its closing quotation mark
        if _ABBREVIATIONS.search(piece.rstrip("”\"’'")) or _open_quote(piece):
            continue
        found.append(piece.strip())
        start = match.end()
    found.append(paragraph[start:].strip())
    return [clause for sentence in found if sentence for clause in _clauses(sentence)]


def _clauses(sentence: str) -> list[str]:
    pieces, start = [], 0
    for match in _CLAUSE.finditer(sentence):
        head, tail = sentence[start:match.start()], sentence[match.end():]
        if len(head.split()) >= 5 and len(tail.split()) >= 5 and not _open_quote(head):
            pieces.append(head.strip())
            start = match.end()
    pieces.append(sentence[start:].strip())
    return pieces


@dataclass(frozen=True)
class Said:
    """When a statement was made, as the data writes it (`said_on`), and how it was worked out."""

    value: str
    note: str


def _day(text: str, base: datetime.date) -> datetime.date | None:
    moment = dateparser.parse(text, languages=["en"], settings={**_SETTINGS, "RELATIVE_BASE": datetime.datetime(base.year, base.month, base.day)})
    return moment.date() if moment and moment.date() <= base else None


def after_verb(between: str) -> bool:
    """A time this soon after the reporting verb dates the saying: "told the site “The War Zone” on Tuesday",
    but not "said the river would peak on Thursday" or "commented on the walkout, which entered its third day on
    Thursday" (a clause of its own starts between them)."""
    between = QUOTED.sub("", between)  # 'said “this is …” at NATO on Monday'
    return len(between) < 80 and not re.search(r",|\b(?:that|which|who|when|where|while|after|before|would|will|to|was|were|is|are|"
                                               r"had|has|could|may|might)\b", between)


def said_when(sentence: str, published: PartialDate) -> Said | None:
    """The first time expression of the sentence resolved against the publication day, or None."""
    if not published.day:
        return None
    base = published.first_day()
    # A date after "between", "from", "since" or "until" says when something happened, not when it was said.
    # And only a time next to a reporting verb ("said on Tuesday", "On Monday, X told") dates the saying;
    # elsewhere ("expected to peak on Thursday") it dates what is said.
    verbs = [v.span() for v in SPEECH_VERB.finditer(sentence)]
    quoted = [q.span() for q in QUOTED.finditer(sentence)]
    # Not a time in the quoted words ("“… in combat by Nov. 1,” Budanov said"), nor one after "by", "since", ….
    times = [m for m in _TIME.finditer(sentence)
             if not re.search(r"\b(?:between|from|since|until|and|to|in|of|through|by)\s+$", sentence[:m.start()], re.IGNORECASE)
             and not any(a <= m.start() < b for a, b in quoted)]
    # A time just after the verb first ("…, Zelensky said on Thursday"), else one before it ("On Monday, X told").
    match = (next((m for m in times if any(end <= m.start() and after_verb(sentence[end:m.start()]) for _, end in verbs)), None)
             or next((m for m in times if any(0 <= start - m.end() < 120 for start, _ in verbs)), None))
    if not match:
        return None
    phrase = match.group(0)
    where = f"in an article published {base.strftime('%A')} {published.human()}"
    if match.group("relative"):
        word = phrase.lower()
        monday = base - datetime.timedelta(days=base.weekday())
        spans = {"today": (base, base), "yesterday": (base - datetime.timedelta(days=1),) * 2,
                 "this week": (monday, base), "earlier this week": (monday, base),
                 "last week": (monday - datetime.timedelta(days=7), monday - datetime.timedelta(days=1)),
                 "earlier this month": (base.replace(day=1), base), "last month": (base, base)}
        first, last = spans[word]
        value = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
        if word == "earlier this month":  # the month, no more exactly than the text gives it
            value = f"{base.year:04d}-{base.month:02d}"
        if word == "last month":
            month = base.replace(day=1) - datetime.timedelta(days=1)
            value = f"{month.year:04d}-{month.month:02d}"
        return Said(value, f"“{phrase}” {where}.")
    if match.group("weekday"):
        name = phrase.split()[-1].capitalize()
        if name == base.strftime("%A") and not phrase.lower().startswith("last"):
            return Said(base.isoformat(), f"“{phrase}” {where}: the same day.")
        day = _day(name, base)
    else:
        day = _day(phrase.replace(".", ""), base)
    return Said(day.isoformat(), f"“{phrase}” {where}.") if day else None


@dataclass(frozen=True)
class SuggestedFigure:
    """A number with its qualifier and a suggested quantity, `text` exactly as printed."""

    text: str
    value: float
    qualifier: str
    quantity: str


def _value(text: str) -> float:
    number, _, scale = text.replace(",", "").partition(" ")
    value = _WORD_NUMBERS.get(number.lower()) or float(number)
    return value * _SCALES.get(scale.lower(), 1)


def figures_in(sentence: str, quantities: tuple[Quantity, ...]) -> list[SuggestedFigure]:
    """Numbers that count something the briefing's quantities count (by unit and surrounding words)."""
    found = []
    words = set(re.findall(r"[a-z]+", sentence.lower()))
    previous: list[Quantity] = []  # what the number before counted, and where it ended
    previous_end = 0
    for match in _FIGURE.finditer(sentence):
        words_after = re.findall(r"[a-z]+", match.group("after").lower())
        after = set(words_after) | {_SYNONYMS.get(w, w) for w in words_after}
        if re.fullmatch(r"(?:19|20)\d\d", match.group("text")):
            continue  # a year
        units = [q for q in quantities if q.unit.split()[0].lower() in after]
        if not units and previous and (re.match(r"\s+of\s+(?:them|those|these|whom)\b", match.group("after"))
                                       or re.search(r"\btotal\b", sentence[previous_end:match.start()], re.IGNORECASE)):
            units = previous  # "10,000 troops, with 3,000 of them …", "3,000 troops, bringing the total to 11,000"
        if not units:
            continue  # a number that counts nothing named
        previous, previous_end = units, match.end()
        best = max(units, key=lambda q: (len(words & set(re.findall(r"[a-z]+", f"{q.title} {q.description}".lower()))), q.id))
        qualifier = (match.group("qualifier") or "").lower()
        found.append(SuggestedFigure(match.group("text"), _value(match.group("text")),
                                     _EXTRA_QUALIFIERS.get(qualifier, qualifier), best.id))
    return found


_EARLIER = re.compile(r"\b(?:previously|initially|earlier(?!\s+than)|at first|had (?:earlier |previously )?(?:said|denied|dismissed|claimed|called))\b",
                      re.IGNORECASE)


def said_before(sentence: str, published: PartialDate) -> Said | None:
    """"previously dismissed", "had initially said": said at some time before the article, no day given."""
    match = _EARLIER.search(sentence)
    if not match or not published.day:
        return None
    return Said(f"before {published.iso()}", f"“{match.group(0)}”: said before the article of {published.human()}; the day is not given.")
