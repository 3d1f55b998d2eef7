"""`mkdocs serve --dirty` rebuilds only what an edit changed, and ends with the same site as a clean build.

The dirty builds run in this process, as `mkdocs serve --dirty` runs them (one plugin instance kept
across rebuilds); each clean build runs in its own process, so it cannot touch that instance.
"""

from __future__ import annotations

import filecmp
import os
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.support.build import build_site


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _note_word(root: Path) -> None:
    _replace(root / "briefings/extracts/alpha.yml", "Curator note with", "A curator note with")


def _move_extract_to_another_topic(root: Path) -> None:
    _replace(root / "briefings/extracts/beta.yml", "  - id: lee-60-ships\n    quote: Ana Lee put the number at 60 ships.\n    topics: [talks]",
             "  - id: lee-60-ships\n    quote: Ana Lee put the number at 60 ships.\n    topics: [history]")


def _add_extract(root: Path) -> None:
    with (root / "briefings/extracts/beta.yml").open("a", encoding="utf-8") as out:
        out.write("  - id: ministry-reports\n    quote: Northland’s ministry could not confirm the reports.\n"
                  "    topics: [history]\n    speaker: ministry\n    stance: could not confirm\n")
    _replace(root / "briefings/extracts/beta.yml", "  - id: ministry-cannot-confirm\n    quote: Northland’s ministry could not confirm the reports.\n",
             "  - id: ministry-cannot-confirm\n    quote: could not confirm the reports.\n")


def _rename_entity(root: Path) -> None:
    _replace(root / "briefings/entities.yml", "name: The Harbour", "name: The Old Harbour")


def _rename_topic(root: Path) -> None:  # changes the navigation of every page
    _replace(root / "briefings/topics.yml", "title: Harbour talks", "title: Talks at the harbour")


def _add_source(root: Path) -> None:
    (root / "seeds/gamma.txt").write_text("Gamma report\n\nThe envoy left the harbour after the talks.\n", encoding="utf-8")
    with (root / "briefings/sources.yml").open("a", encoding="utf-8") as out:
        out.write("  - id: gamma\n    seed: gamma.txt\n    headline: Gamma report\n    headline_by: article\n"
                  "    outlet: Gamma Post\n    published: 2024-10-21\n    language: en\n    skip:\n      1: headline\n")
    (root / "briefings/extracts/gamma.yml").write_text(
        "source: gamma\nextracts:\n  - id: envoy-left\n    quote: The envoy left the harbour after the talks.\n"
        "    topics: [talks]\n", encoding="utf-8")


def _break_data(root: Path) -> None:
    _replace(root / "briefings/extracts/gamma.yml", "topics: [talks]", "topics: [no-such-topic]")


def _fix_data(root: Path) -> None:
    _replace(root / "briefings/extracts/gamma.yml", "topics: [no-such-topic]", "topics: [talks]")


def _delete_source(root: Path) -> None:
    (root / "briefings/extracts/gamma.yml").unlink()
    (root / "seeds/gamma.txt").unlink()
    text = (root / "briefings/sources.yml").read_text(encoding="utf-8")
    (root / "briefings/sources.yml").write_text(text[:text.index("  - id: gamma")], encoding="utf-8")


EDITS = [_note_word, _move_extract_to_another_topic, _add_extract, _rename_entity, _rename_topic, _add_source,
         _break_data, _fix_data, _delete_source]


def _differences(first: Path, second: Path) -> list[str]:
    """Files that differ, or exist on one side only."""
    found = []
    compare = filecmp.dircmp(first, second)
    stack = [("", compare)]
    while stack:
        prefix, node = stack.pop()
        found += [prefix + name for name in node.left_only + node.right_only + node.diff_files]
        stack += [(f"{prefix}{name}/", sub) for name, sub in node.subdirs.items()]
    return sorted(found)


@pytest.fixture
def serving(corpus: Path):
    """Dirty builds of the corpus with one plugin instance, as `mkdocs serve --dirty` makes them."""
    site = corpus.parent / "served"
    config = load_config(str(corpus / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    rendered: list[list[str]] = []

    def rebuild() -> list[str]:
        before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")} if site.exists() else {}
        build(load_config(str(corpus / "mkdocs.yml"), site_dir=str(site)), dirty=True)
        written = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                         if before.get(p) != p.stat().st_mtime_ns and p.name != "404.html")  # the theme writes 404.html every time
        rendered.append(written)
        return written

    yield site, rebuild
    # The plugin instance outlives this test (MkDocs keeps it for the process): leave it as a plain build would.
    load_config(str(corpus / "mkdocs.yml"), site_dir=str(site)).plugins.on_startup(command="build", dirty=False)


def test_after_every_edit_the_dirty_site_equals_a_clean_build(corpus: Path, tmp_path: Path, serving):
    site, rebuild = serving
    rebuild()
    for number, edit in enumerate(EDITS, start=1):
        os.utime(corpus / "mkdocs.yml")  # nothing hand-written changes: only the data
        edit(corpus)
        written = rebuild()
        if edit is _break_data:
            continue  # the preview keeps the last good site; no clean build exists for bad data
        clean = tmp_path / f"clean-{number}"
        result = build_site(corpus, clean)
        assert result.returncode == 0, result.stderr
        assert _differences(site, clean) == [], f"after {edit.__name__}"
        if edit is _note_word:  # a note shows on the extract's topic page and its speaker's and places' pages
            assert written and all(re.match(r"(topics|entities)/", path) for path in written), written
            assert len(written) < 6, written
        if edit is _rename_topic:
            assert len(written) > 10, "a new topic title changes every page's navigation"


def test_a_data_error_keeps_the_last_good_site(corpus: Path, serving):
    site, rebuild = serving
    rebuild()
    before = {p: p.read_bytes() for p in site.rglob("*.html")}
    _replace(corpus / "briefings/topics.yml", "title: Harbour talks", "title: [not, text]")
    assert rebuild() == []
    assert {p: p.read_bytes() for p in site.rglob("*.html")} == before
