"""Hostile and unusual input: nothing reaches readers as markup, nothing escapes, nothing is lost."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from generator.cli import main
from generator.yamlfile import YamlFileError, read_yaml

from .sitehtml import site_path
from .test_build import _build


def _digest(*folders: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for f in folders for p in sorted(f.rglob("*")) if p.is_file()}


def test_markup_in_names_titles_and_notes_is_shown_as_text(corpus: Path, tmp_path: Path):
    entities = corpus / "briefings" / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        "name: Ana Lee", "name: Ana <img src=x onerror=alert(1)> Lee"), encoding="utf-8")
    topics = corpus / "briefings" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace(
        "title: Harbour talks", 'title: "Harbour </title><iframe src=//evil> talks"'), encoding="utf-8")
    extracts = corpus / "briefings" / "extracts" / "alpha.yml"
    extracts.write_text(extracts.read_text(encoding="utf-8").replace(
        "note: Curator note with <b>tags</b> and [brackets].", "note: '<script>alert(2)</script> {{ x }} --8<-- \"f\" <!-- c -->'"),
        encoding="utf-8")
    result = _build(corpus, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for page in ("topics/talks.md", "entities/ana-lee.md", "index.md", "timeline.md", "who-said-what.md"):
        html = site_path(tmp_path / "site", page).read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<iframe src=//evil" not in html and "<script>alert(2)" not in html, page
        assert "</title><iframe" not in html, page
    talks = site_path(tmp_path / "site", "topics/talks.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in talks or "&#60;script&#62;alert(2)" in talks
    assert "--8&lt;--" in talks or "--8&#60;--" in talks


def test_seed_symlink_out_of_seeds_is_refused(corpus: Path, capsys):
    outside = corpus.parent / "outside.txt"
    outside.write_text("Secret text.\n", encoding="utf-8")
    (corpus / "seeds" / "alpha.txt").unlink()
    os.symlink(outside, corpus / "seeds" / "alpha.txt")
    assert main(["--root", str(corpus), "check"]) == 1
    assert "seed 'alpha.txt' points outside the seeds folder" in capsys.readouterr().err


def test_names_in_other_scripts_get_stable_distinct_pages(corpus: Path, tmp_path: Path):
    more = corpus / "briefings" / "more.yml"
    more.write_text("entities:\n"
                    "  - id: kim-korean\n    kind: person\n    name: 김정은\n    role: Leader\n    description: Korean script.\n"
                    "  - id: kim-cyrillic\n    kind: person\n    name: Ким Чен Ын\n    role: Leader\n    description: Cyrillic script.\n",
                    encoding="utf-8")
    extracts = corpus / "briefings" / "extracts" / "alpha.yml"
    extracts.write_text(extracts.read_text(encoding="utf-8").replace(
        "    speaker: ana-lee\n    stance: dismissed\n", "    speaker: ana-lee\n    stance: dismissed\n    mentions: [kim-korean, kim-cyrillic]\n"),
        encoding="utf-8")
    assert main(["--root", str(corpus), "check", "--strict"]) == 0
    result = _build(corpus, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "김정은" in site_path(tmp_path / "site", "entities/kim-korean.md").read_text(encoding="utf-8")
    assert "Ким Чен Ын" in site_path(tmp_path / "site", "entities/kim-cyrillic.md").read_text(encoding="utf-8")


def test_builds_are_identical_after_touching_modification_times(corpus: Path, tmp_path: Path):
    assert _build(corpus, tmp_path / "one").returncode == 0
    later = time.time() + 86400
    for path in (corpus / "briefings").rglob("*"):
        os.utime(path, (later, later))
    assert _build(corpus, tmp_path / "two", SOURCE_DATE_EPOCH="1000000000").returncode == 0
    one, two = _digest(tmp_path / "one"), _digest(tmp_path / "two")
    assert [Path(p).relative_to(tmp_path / "one") for p in one] == [Path(p).relative_to(tmp_path / "two") for p in two]
    assert list(one.values()) == list(two.values())


def test_failed_build_changes_nothing_in_the_work_tree(corpus: Path, tmp_path: Path):
    (corpus / "briefings" / "extracts" / "bad.yml").write_text("extracts:\n  - id: x\n", encoding="utf-8")
    before = _digest(corpus / "docs", corpus / "briefings", corpus / "seeds")
    assert _build(corpus, tmp_path / "site").returncode != 0
    assert _digest(corpus / "docs", corpus / "briefings", corpus / "seeds") == before


def test_alias_bomb_is_refused_quickly(tmp_path: Path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    bomb = tmp_path / "bomb.yml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    try:
        read_yaml(bomb, "bomb.yml")
    except YamlFileError as exc:
        assert "anchors and aliases" in str(exc)
    else:
        raise AssertionError("the alias bomb was accepted")
    assert time.perf_counter() - started < 2


def test_urls_other_than_http_are_refused_in_any_spelling(corpus: Path, capsys):
    sources = corpus / "briefings" / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    for url in ("JaVaScRiPt:alert(1)", "'  javascript:alert(1)'", "data:text/html,<b>x</b>", "ftp://example.org/x"):
        sources.write_text(text.replace("url: https://example.org/alpha", f"url: {url}"), encoding="utf-8")
        assert main(["--root", str(corpus), "check"]) == 1
        assert "is not an http(s) address" in capsys.readouterr().err, url


def test_very_large_input_is_handled(corpus: Path, capsys):
    """A 1 MB quote and 10,000 extracts in one file load and verify (speed is the benchmark's business)."""
    big = "word " * 200_000
    (corpus / "seeds" / "big.txt").write_text("Big article\n\n" + big.strip() + " end.\n", encoding="utf-8")
    sources = corpus / "briefings" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + "  - id: big\n    seed: big.txt\n    headline: Big article\n"
                       "    headline_by: article\n    outlet: unknown\n    published: 2024-10-20\n    language: en\n"
                       "    skip:\n      1: headline\n", encoding="utf-8")
    big_quote = ["source: big", "extracts:", "  - id: big-quote", "    quote: >-", "      " + big.strip() + " end.", "    topics: [talks]"]
    (corpus / "briefings" / "extracts" / "big.yml").write_text("\n".join(big_quote) + "\n", encoding="utf-8")
    many = ["source: alpha", "extracts:"]
    for number in range(10_000):
        many += [f"  - id: many-{number}", "    quote: the harbour talks ended without a deal", "    topics: [talks]"]
    (corpus / "briefings" / "extracts" / "many.yml").write_text("\n".join(many) + "\n", encoding="utf-8")
    assert main(["--root", str(corpus), "check"]) == 0
    assert "10010 quotes found verbatim" in capsys.readouterr().out
