"""Rendering in two processes gives exactly the pages one process gives, and falls back safely."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from generator.pipeline import check_briefing
from generator.render import parallel
from generator.render.site import render_site

from .conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from corpus import write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("large")
    write_corpus(root, 260)  # 260 sources, 200 entities: above the two-process threshold
    return root


def _pages(root: Path) -> dict[str, str]:
    linked = check_briefing(root / "briefings", root / "seeds", root)
    linked.directory_urls = False
    return render_site(linked)


PID_FILE: list[Path] = []


def _child_that_reports_its_pid() -> dict[str, str]:
    PID_FILE[0].write_text(str(os.getpid()), encoding="utf-8")
    return parallel._render(parallel._child_jobs)


def _child_that_dies() -> dict[str, str]:
    os._exit(3)


def _serial(monkeypatch, root: Path) -> dict[str, str]:
    with monkeypatch.context() as patch:
        patch.setattr(parallel, "MIN_PAGES", 10**9)
        return _pages(root)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="two-process rendering is Linux-only")
def test_two_processes_render_the_same_pages_as_one(monkeypatch, large, tmp_path):
    PID_FILE[:] = [tmp_path / "pid"]
    monkeypatch.setattr(parallel, "_render_child_jobs", _child_that_reports_its_pid)
    two = _pages(large)
    assert len(two) > parallel.MIN_PAGES
    assert int(PID_FILE[0].read_text(encoding="utf-8")) != os.getpid(), "the child's pages were not rendered by a child"
    assert two == _serial(monkeypatch, large)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="two-process rendering is Linux-only")
def test_a_dead_child_costs_time_not_pages(monkeypatch, large):
    monkeypatch.setattr(parallel, "_render_child_jobs", _child_that_dies)
    assert _pages(large) == _serial(monkeypatch, large)


def test_no_fork_while_other_threads_run(monkeypatch, large):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", None)  # any attempt to fork would fail loudly
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)  # like `mkdocs serve`'s server thread
    server.start()
    try:
        pages = _pages(large)
    finally:
        stop.set()
        server.join()
    assert len(pages) > parallel.MIN_PAGES
