"""What readers see in place of internal names: speakers, outlets, paragraph numbers, short quotes.

Extract ids, source ids and seed file names live only in URLs and anchors; every link text and
note on the site is made from these labels instead.
"""

from __future__ import annotations

from ..model import Extract, Source, When
from .context import RenderContext

# A quote that ends on one of these (optionally inside closing quotation marks or brackets) ends a sentence.
SENTENCE_END = ".!?…"
CLOSERS = "\"'”’»)]"
# Before a quote, these mean it starts a sentence or a quoted passage of its own.
SENTENCE_START_AFTER = ".!?…:;\"'“”‘’«»()[]—–-"


def source_label(source: Source) -> str:
    """Short name of a source: the outlet when known, else the agency it credits, else the headline."""
    if source.outlet.casefold() != "unknown":
        return source.outlet if not source.agency or source.agency == source.outlet else f"{source.outlet} ({source.agency})"
    if source.agency:
        return f"{source.agency} report (publisher unknown)"
    headline = source.headline if len(source.headline) <= 60 else source.headline[:57].rstrip() + "…"
    return f"“{headline}” (outlet unknown)"


def outlet_label(source: Source) -> str:
    """The outlet alone, for compact lines: "CNN", "AFP"; the headline's first words when no outlet is known."""
    if source.outlet.casefold() != "unknown":
        return source.outlet
    if source.agency:
        return source.agency
    words = source.headline.split()
    return "“" + " ".join(words[:4]) + ("…”" if len(words) > 4 else "”")


def speaker_label(ctx: RenderContext, extract: Extract) -> str:
    """Who a piece of evidence comes from, in a few words."""
    if extract.speaker:
        return ctx.dataset.entities[extract.speaker].name
    return source_label(ctx.dataset.sources[extract.source])


def paragraph_number(ctx: RenderContext, source_id: str, line: int) -> int:
    """The paragraph's number in its article as a reader counts it (text paragraphs only, from 1); 0 if unknown."""
    return ctx.paragraph_numbers.get((source_id, line), 0)


def extract_paragraph(ctx: RenderContext, extract: Extract) -> int:
    """The number of the paragraph an extract was cut from; 0 when the quote was not found."""
    citation = ctx.citations.get(extract.id)
    return paragraph_number(ctx, extract.source, citation.line) if citation else 0


def extract_label(ctx: RenderContext, extract: Extract) -> str:
    """A reader's name for an extract: "Volodymyr Zelensky, BBC, 17 Oct 2024"."""
    source = ctx.dataset.sources[extract.source]
    if extract.speaker:
        return f"{speaker_label(ctx, extract)}, {outlet_label(source)}, {said_label(ctx, extract)}"
    return f"{source_label(source)}, {source.published.short()}"


def cut_marks(ctx: RenderContext, extract: Extract) -> tuple[bool, bool]:
    """Whether the quote starts and ends mid-sentence in its paragraph (display shows an ellipsis there)."""
    citation = ctx.citations.get(extract.id)
    if citation is None:
        return False, False
    paragraph = ctx.paragraph_text.get((extract.source, citation.line), "")
    before, after = paragraph[:citation.start].rstrip(), paragraph[citation.end:].strip()
    quote = citation.seed_text.strip()
    starts_mid = bool(quote) and (quote[0].islower() or (bool(before) and before[-1] not in SENTENCE_START_AFTER))
    ending = quote.rstrip(CLOSERS)
    ends_mid = bool(after) and bool(ending) and ending[-1] not in SENTENCE_END and after[0] not in CLOSERS
    return starts_mid, ends_mid


def displayed_quote(ctx: RenderContext, extract: Extract) -> str:
    """The quote as shown to readers: verbatim, with "…" where it is cut from a longer sentence."""
    starts_mid, ends_mid = cut_marks(ctx, extract)
    return ("…" if starts_mid else "") + ctx.shown_quote(extract) + ("…" if ends_mid else "")


def short_quote(ctx: RenderContext, extract: Extract, words: int = 14) -> str:
    """The first words of a quote, for a line that links to it: "“North Korea has begun sending…”"."""
    parts = displayed_quote(ctx, extract).split()
    text = " ".join(parts[:words])
    if len(parts) > words and not text.endswith("…"):
        text = text.rstrip(",;:") + "…"
    if text.startswith("“"):  # the article's own marks open it: a second pair around them would double them
        return text
    return f"“{text}”"


def said_label(ctx: RenderContext, extract: Extract) -> str:
    """When, compactly and no more exactly than known: "18 Oct 2024", "before 21 Oct 2024", "day not stated (report of 25 Oct 2024)"."""
    if not extract.speaker:
        return f"article of {ctx.dataset.sources[extract.source].published.short()}"
    return when_label(ctx.said(extract))


def when_label(when: When) -> str:
    """A time, compactly: "18 Oct 2024", "8–13 Oct 2024", "before 21 Oct 2024", "day not stated (report of 25 Oct 2024)"."""
    if when.kind == "reported":
        return f"day not stated (report of {when.end.short()})"
    return when.short()
