"""The verifier's view of one paragraph, for tests of quote matching."""

from __future__ import annotations

from generator.model import Article, SourceParagraph
from generator.verify.quotes import FoldedArticle


def find_in_paragraph(quote: str, paragraph: SourceParagraph) -> tuple[int, int] | None:
    """The span the verifier finds for a quote in a one-paragraph article, or None."""
    hits = FoldedArticle(Article("s", [paragraph])).find_all(quote)
    return hits[0][1] if hits else None
