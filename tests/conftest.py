"""Shared test helpers: the fixture corpus, copied so tests never touch the originals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
CORPUS = TESTS / "fixtures" / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the small fixture corpus (briefings/, seeds/, docs/, mkdocs.yml)."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
