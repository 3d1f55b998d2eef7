"""Rendered Markdown of the fixture corpus, page by page, against reviewed golden files.

After an intended change to the output, regenerate with `UPDATE_GOLDEN=1 pytest tests/golden`
and review the diff of tests/golden/pages/ like any other change.
"""

from __future__ import annotations

import os
import shutil

from generator.pipeline import generate_site
from tests.support.paths import CORPUS, GOLDEN


def _pages() -> dict[str, str]:
    return generate_site(CORPUS / "briefings", CORPUS / "seeds", CORPUS).pages


def test_pages_match_golden_files():
    pages = _pages()
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert set(pages) == expected
    for path, text in pages.items():
        assert text == (GOLDEN / path).read_text(encoding="utf-8"), f"{path} differs from tests/golden/pages/{path}"


def test_rendering_is_deterministic_and_independent_of_file_order(tmp_path):
    first = _pages()
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy)
    # Same data, different file names and entry order: the pages must not change.
    entities = (copy / "briefings" / "entities.yml").read_text(encoding="utf-8")
    head, *entries = entities.split("\n  - ")
    (copy / "briefings" / "entities.yml").write_text("\n  - ".join([head, *reversed(entries)]).rstrip() + "\n", encoding="utf-8")
    (copy / "briefings" / "extracts" / "alpha.yml").rename(copy / "briefings" / "extracts" / "zz-alpha.yml")
    second = generate_site(copy / "briefings", copy / "seeds", copy).pages
    assert first == second
