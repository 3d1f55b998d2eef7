"""Where things are: the repository, the tests, the fixture corpus and the scenario folders."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
CORPUS = TESTS / "fixtures" / "corpus"
SCENARIOS = TESTS / "scenarios" / "cases"
GOLDEN = TESTS / "golden" / "pages"
ARTIFACTS = TESTS / "artifacts"
