"""The publish path: a failed build (bad data) leaves the previously published site intact."""

from __future__ import annotations

from pathlib import Path

from generator.cli import main


def test_build_swaps_in_a_new_site_only_on_success(corpus: Path, capsys):
    site = corpus / "site"
    assert main(["--root", str(corpus), "build"]) == 0
    first = (site / "topics" / "talks" / "index.html").read_bytes()
    (corpus / "briefings" / "topics.yml").write_text("topics:\n  - id: Bad Id\n", encoding="utf-8")
    assert main(["--root", str(corpus), "build"]) == 1
    err = capsys.readouterr().err
    assert "briefings/topics.yml:2: `id` 'Bad Id' is not a valid id" in err and "was left unchanged" in err
    assert (site / "topics" / "talks" / "index.html").read_bytes() == first
    assert sorted(p.name for p in corpus.iterdir() if p.name.startswith(".site")) == []
