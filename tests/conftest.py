"""Shared test helpers: the fixture corpus, copied so tests never touch the originals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.model import Article, SourceParagraph
from generator.verify.quotes import FoldedArticle

TESTS = Path(__file__).parent
REPO = TESTS.parent
CORPUS = TESTS / "fixtures" / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the small fixture corpus (briefings/, seeds/, docs/, mkdocs.yml)."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def find_in_paragraph(quote: str, paragraph: SourceParagraph) -> tuple[int, int] | None:
    """The span the verifier finds for a quote in a one-paragraph article, or None."""
    hits = FoldedArticle(Article("s", [paragraph])).find_all(quote)
    return hits[0][1] if hits else None
