"""Verify stage: every quote must occur verbatim in its seed; record the paragraph and characters.

Only whitespace and typographic quotes/dashes are normalised; nothing else may differ.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata

from ..errors import ProblemList
from ..model import Article, Citation, Dataset, Extract, SourceParagraph
from ..reuse import Reuse, reuse_or_compute
from ..text import describe_char, fold, fold_marks, is_invisible

_WORDS = re.compile(r"\S+")


def _segments(text: str) -> list[tuple[int, int, int]]:
    """(folded start, original start, original end) of each run of non-space characters."""
    segments, folded = [], 0
    for match in _WORDS.finditer(text):
        if segments:
            folded += 1  # the single space that stands for the whitespace before this run
        segments.append((folded, match.start(), match.end()))
        folded += match.end() - match.start()
    return segments


def _original(segments: list[tuple[int, int, int]], starts: list[int], position: int) -> int:
    """Index in the original text of the folded character at `position`."""
    folded_start, start, end = segments[bisect.bisect_right(starts, position) - 1]
    offset = position - folded_start
    # Past the end of a run is the folded space: it stands for the first whitespace character.
    return start + offset if offset < end - start else end


class _PositionMap:
    """Maps positions in a paragraph's folded text back to its original text."""

    def __init__(self, text: str, folded: str):
        # Folding swaps characters one for one unless whitespace runs shrink; then positions are unchanged.
        self.identity = folded == fold_marks(text)
        self.segments = [] if self.identity else _segments(text)
        self.starts = [s[0] for s in self.segments]

    def span(self, at: int, length: int) -> tuple[int, int]:
        """Original [start, end) of the folded match at `at` of `length` characters."""
        if self.identity:
            return at, at + length
        return _original(self.segments, self.starts, at), _original(self.segments, self.starts, at + length - 1) + 1


class FoldedArticle:
    """An article's paragraphs folded once and joined, so each quote is one search, not one per paragraph."""

    def __init__(self, article: Article):
        self.paragraphs = list(article.paragraphs)
        parts, self.starts = [], []
        offset = 0
        for paragraph in self.paragraphs:
            folded = fold(paragraph.text)
            self.starts.append(offset)
            parts.append(folded)
            offset += len(folded) + 1  # "\n" never occurs in folded text, so no match spans two paragraphs
        self.text = "\n".join(parts)
        self._maps: dict[int, _PositionMap] = {}

    def _position_map(self, index: int) -> _PositionMap:
        if index not in self._maps:
            start = self.starts[index]
            end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
            self._maps[index] = _PositionMap(self.paragraphs[index].text, self.text[start:end])
        return self._maps[index]

    def find_all(self, quote: str) -> list[tuple[SourceParagraph, tuple[int, int]]]:
        """First occurrence of the quote in each paragraph that contains it, with its original span."""
        folded_quote = fold(quote)
        hits: list[tuple[SourceParagraph, tuple[int, int]]] = []
        if not folded_quote:
            return hits
        at = self.text.find(folded_quote)
        while at >= 0:
            index = bisect.bisect_right(self.starts, at) - 1
            paragraph = self.paragraphs[index]
            hits.append((paragraph, self._position_map(index).span(at - self.starts[index], len(folded_quote))))
            next_paragraph = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
            at = self.text.find(folded_quote, next_paragraph)
        return hits


def verify_quotes(dataset: Dataset, articles: dict[str, Article], problems: ProblemList,
                  reuse: Reuse | None = None) -> dict[str, Citation]:
    """Locate every extract's quote in its seed; a quote that is not there is a problem.

    With `reuse`, an extract unchanged since the previous build, in the same article object (its seed
    and source unchanged: see `read_articles`), keeps its citation without a search.
    """
    citations: dict[str, Citation] = {}
    folded_articles: dict[str, FoldedArticle] = {}

    def folded(source_id: str) -> FoldedArticle:  # built only for articles something is looked up in
        if source_id not in folded_articles:
            folded_articles[source_id] = FoldedArticle(articles[source_id])
        return folded_articles[source_id]

    for extract in dataset.extracts.values():
        article = articles.get(extract.source)
        if article is None or not extract.quote:
            continue
        seed = dataset.sources[extract.source].seed

        def locate(extract=extract, seed=seed):
            found = ProblemList()
            citation = _locate(extract, folded(extract.source), seed, found)
            folded_quote = fold(extract.quote)
            for figure in extract.figures:
                if figure.text and fold(figure.text) not in folded_quote:
                    found.add(figure.location, f"figure {figure.text!r} is not in the quote of {extract.id!r}",
                              "Copy the figure exactly as the quote writes it, e.g. `text: \"1,500\"`.")
            return citation, found.items

        citation, found = reuse_or_compute(reuse, ("quote", extract.id), (extract, article, seed), locate)
        problems.extend(found)
        if citation is not None:
            citations[extract.id] = citation
    for source in dataset.sources.values():
        article = articles.get(source.id)
        if article is None or source.headline_by != "article" or not source.headline:
            continue
        found = reuse_or_compute(reuse, ("headline", source.id), (source, article),
                                 lambda: bool(folded(source.id).find_all(source.headline)))
        if not found:
            problems.add(source.location, f"headline {source.headline!r} is not in {source.seed}",
                         "Copy the article's own headline exactly, or write your own and set `headline_by: curator`.")
    return citations


def _locate(extract: Extract, article: FoldedArticle, seed: str, problems: ProblemList) -> Citation | None:
    hits = article.find_all(extract.quote)
    if extract.line_hint:
        hits = [(p, span) for p, span in hits if p.line == extract.line_hint]
    usable = [(p, span) for p, span in hits if p.kind != "skipped"]
    if len(usable) > 1:
        lines = ", ".join(str(p.line) for p, _ in usable)
        problems.add(extract.location, f"quote of {extract.id!r} occurs in several paragraphs of {seed} (lines {lines})",
                     f"Add `line: {usable[0][0].line}` (or another of those lines) to say which one is meant.")
        return None
    if usable:
        paragraph, (start, end) = usable[0]
        return Citation(extract.id, extract.source, paragraph.line, start, end, paragraph.text[start:end])
    if hits:
        paragraph = hits[0][0]
        problems.add(extract.location, f"quote of {extract.id!r} is in line {paragraph.line} of {seed}, which is skipped ({paragraph.skip_reason})",
                     "Quote the article text instead, or remove that line from `skip` in the source's entry.")
        return None
    where = f" line {extract.line_hint} of" if extract.line_hint else ""
    problems.add(extract.location, f"quote of {extract.id!r} is not in{where} {seed}",
                 f"quote: «{_visible(extract.quote)}»\n" + _normalisation_hint(extract.quote, article)
                 + closest_passage(extract.quote, article.paragraphs))
    return None


def _visible(text: str) -> str:
    """Text for a message, with characters nobody can see shown as ⟨U+200B⟩."""
    return "".join(f"⟨U+{ord(c):04X}⟩" if is_invisible(c) else c for c in text)


def _normalisation_hint(quote: str, article: FoldedArticle) -> str:
    # Accented letters typed as one character (NFC) or as a letter plus a combining accent (NFD)
    # look the same but are different text; say so rather than show two identical-looking strings.
    for form, other in (("NFC", "NFD"), ("NFD", "NFC")):
        normalised = unicodedata.normalize(form, quote)
        if normalised != quote and article.find_all(normalised):
            return (f"the quote writes accented letters in Unicode form {other}, the seed in form {form}: they look the same "
                    "but are different characters; copy the quote again from the seed (or retype the accented letters)\n")
    return ""


def closest_passage(quote: str, paragraphs: list[SourceParagraph]) -> str:
    """Describe the seed passage most like the quote and the first place where they differ."""
    folded_quote = fold(quote)
    best: tuple[int, SourceParagraph, str] | None = None
    for paragraph in paragraphs:
        folded = fold(paragraph.text)
        matcher = difflib.SequenceMatcher(None, folded_quote, folded, autojunk=False)
        score = sum(block.size for block in matcher.get_matching_blocks() if block.size >= 4)
        if best is None or score > best[0]:
            best = (score, paragraph, folded)
    if best is None or best[0] == 0:
        return "Nothing in the seed resembles it."
    _, paragraph, folded = best
    matcher = difflib.SequenceMatcher(None, folded_quote, folded, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 4] or matcher.get_matching_blocks()[:1]
    start = max(0, blocks[0].b - blocks[0].a)
    passage = folded[start:start + len(folded_quote) + 10]
    text = f"closest passage, line {paragraph.line}: «{_visible(passage)}»"
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, folded_quote, passage, autojunk=False).get_opcodes():
        if tag != "equal":
            text += f"\nfirst difference: the quote has «{_visible(folded_quote[i1:i2])}» where the seed has «{_visible(passage[j1:j2])}»"
            unseen = [(i1 + k, c) for k, c in enumerate(folded_quote[i1:i2]) if is_invisible(c)]
            unseen += [(None, c) for c in passage[j1:j2] if is_invisible(c)]
            for position, char in unseen[:3]:
                side = f"the quote, at character {position + 1}" if position is not None else "the seed"
                what = ("an accent typed as a separate character" if unicodedata.category(char) in ("Mn", "Me")
                        else "it cannot be seen; delete it or copy the text again")
                text += f"\n{describe_char(char)} in {side}: {what}"
            break
    return text
