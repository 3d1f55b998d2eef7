"""The publish path: a failed build leaves the published site intact, and no target can destroy data."""

from __future__ import annotations

import fcntl
import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.outputs import SITE_MARKER


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


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


@pytest.mark.parametrize("target", [".", "..", "briefings", "briefings/extracts", "docs", "seeds", ".git", "elsewhere-with-files",
                                    "a-file.txt"])
def test_build_refuses_targets_that_would_destroy_data(corpus: Path, target: str, capsys, monkeypatch):
    (corpus / ".git").mkdir()
    (corpus / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (corpus / "elsewhere-with-files").mkdir()
    (corpus / "elsewhere-with-files" / "notes.txt").write_text("mine\n", encoding="utf-8")
    (corpus / "a-file.txt").write_text("mine\n", encoding="utf-8")
    before = _digest(corpus)
    monkeypatch.chdir(corpus)
    assert main(["--root", str(corpus), "build", "--site-dir", target]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert _digest(corpus) == before  # nothing written, nothing deleted


def test_build_replaces_only_a_site_it_built(corpus: Path, capsys):
    site = corpus / "public"
    assert main(["--root", str(corpus), "build", "--site-dir", str(site)]) == 0
    assert (site / SITE_MARKER).is_file()
    assert main(["--root", str(corpus), "build", "--site-dir", str(site)]) == 0  # its own site: replaced
    (site / SITE_MARKER).unlink()
    assert main(["--root", str(corpus), "build", "--site-dir", str(site)]) == 2
    assert "is not a site this generator built" in capsys.readouterr().err
    assert (site / "index.html").is_file()


def test_published_site_is_readable_by_others(corpus: Path):
    old = os.umask(0o022)
    try:
        assert main(["--root", str(corpus), "build"]) == 0
    finally:
        os.umask(old)
    site = corpus / "site"
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert stat.S_IMODE((site / "index.html").stat().st_mode) == 0o644


def test_leftovers_of_killed_builds_are_cleaned_up_and_others_kept(corpus: Path):
    ours_new = corpus / ".site-new-999-0"
    ours_old = corpus / ".site-old-998"
    for folder in (ours_new, ours_old):
        folder.mkdir()
        (folder / SITE_MARKER).write_text("x", encoding="utf-8")
        (folder / "index.html").write_text("old", encoding="utf-8")
    empty = corpus / ".site-new-997-0"
    empty.mkdir()
    foreign = corpus / ".site-new-mine"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("not the generator's", encoding="utf-8")
    assert main(["--root", str(corpus), "build"]) == 0
    assert not ours_new.exists() and not ours_old.exists() and not empty.exists()
    assert (foreign / "keep.txt").read_text(encoding="utf-8") == "not the generator's"


def test_a_lost_race_is_a_clear_error(corpus: Path, capsys):
    descriptor = os.open(corpus, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_EX)  # another build holds the folder
    try:
        assert main(["--root", str(corpus), "build"]) == 1
    finally:
        os.close(descriptor)
    err = capsys.readouterr().err
    assert "another build is publishing" in err and "Traceback" not in err
    assert not (corpus / "site").exists()


def test_two_builds_at_once_never_show_a_traceback(corpus: Path):
    command = [sys.executable, "-m", "generator", "--root", str(corpus), "build"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    assert all("Traceback" not in err for _, err in results), results
    assert sorted(code for code, _ in results)[0] == 0
    assert (corpus / "site" / "index.html").is_file()
    assert sorted(p.name for p in corpus.iterdir() if p.name.startswith(".site")) == []


def test_interrupted_build_leaves_nothing_behind(corpus: Path, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    import mkdocs.commands.build
    monkeypatch.setattr(mkdocs.commands.build, "build", interrupted)
    assert main(["--root", str(corpus), "build"]) == 130
    assert sorted(p.name for p in corpus.iterdir() if p.name.startswith(".site")) == []
    assert "interrupted" in capsys.readouterr().err


def test_unwritable_site_folder_is_a_clear_error(corpus: Path, monkeypatch, capsys):
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    assert main(["--root", str(corpus), "build", "--site-dir", str(corpus / "nested" / "site")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: cannot create") and "Permission denied" in err and "Traceback" not in err


def test_plain_mkdocs_with_the_plugin_refuses_the_data_folder_as_site(corpus: Path):
    before = _digest(corpus / "briefings")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", "briefings"], cwd=corpus, capture_output=True,
                            text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    assert "the site folder briefings is the briefing data" in result.stderr
    assert _digest(corpus / "briefings") == before


def test_a_build_killed_outright_leaves_a_folder_the_next_build_removes(corpus: Path):
    import signal
    import time

    command = [sys.executable, "-m", "generator", "--root", str(corpus), "build"]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(corpus.glob(".site-new-*/assets")) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)  # until MkDocs is writing the new site
    run.send_signal(signal.SIGKILL)
    run.wait()
    left = list(corpus.glob(".site-new-*"))
    time.sleep(1)  # had the build run in a child process, that child would still be writing now
    assert [p for p in corpus.glob(".site-new-*") if p not in left] == []
    assert main(["--root", str(corpus), "build"]) == 0
    assert sorted(p.name for p in corpus.iterdir() if p.name.startswith(".site")) == []
