"""Analysing and rendering in two processes gives exactly what one process gives, and falls back safely."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from generator.link import LinkedBriefing
from generator.pipeline import GeneratedSite, check_briefing, generate_site
from generator.render import parallel
from generator.render.site import render_site

from .conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from corpus import write_corpus  # noqa: E402

LINUX_ONLY = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="two-process work is Linux-only")

# So that the editorial checks, which the child runs, have something to report: no role, and unused.
UNUSED_PERSON = """  - id: person-unused
    kind: person
    name: Nobody Anywhere
    description: Added by the test.
"""


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("large")
    write_corpus(root, 260)  # 260 sources, 200 entities: above the two-process threshold
    with (root / "briefings" / "entities.yml").open("a", encoding="utf-8") as entities:
        entities.write(UNUSED_PERSON)
    return root


def _site(root: Path) -> GeneratedSite:
    return generate_site(root / "briefings", root / "seeds", root, directory_urls=False)


@pytest.fixture(scope="module")
def serial(large) -> GeneratedSite:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parallel, "MIN_PAGES", 10**9)
        patch.setattr(parallel, "ProcessPoolExecutor", None)  # any attempt to fork would fail loudly
        return _site(large)


@pytest.fixture(scope="module")
def checked(large) -> LinkedBriefing:
    return check_briefing(large / "briefings", large / "seeds", large)


PID_FILE: list[Path] = []


def _child_that_reports_its_pid():
    PID_FILE[0].write_text(str(os.getpid()), encoding="utf-8")
    return parallel._child_work[0]()


def _child_that_dies():
    os._exit(3)


def test_one_process_pipeline_matches_the_serial_stages(serial, checked):
    assert len(serial.pages) > parallel.MIN_PAGES
    assert [w.message for w in checked.warnings] == [
        "entity 'person-unused' is not used by any extract and not named in any seed",
        "person 'person-unused' has no `role`",
    ]
    assert serial.linked.warnings == checked.warnings
    assert serial.linked.notes == checked.notes
    checked.directory_urls = False
    assert render_site(checked) == serial.pages


@LINUX_ONLY
def test_two_processes_give_what_one_gives(monkeypatch, large, serial, checked, tmp_path):
    PID_FILE[:] = [tmp_path / "pid"]
    monkeypatch.setattr(parallel, "_run_child_work", _child_that_reports_its_pid)
    two = _site(large)
    assert int(PID_FILE[0].read_text(encoding="utf-8")) != os.getpid(), "the child's share was not done by a child"
    assert two.pages == serial.pages
    # The child's editorial checks come back whole; this process analysed its own copy.
    assert two.linked.warnings == checked.warnings
    assert two.linked.notes == checked.notes
    assert two.linked.analysis == checked.analysis


@LINUX_ONLY
def test_a_dead_child_costs_time_not_pages(monkeypatch, large, serial, checked):
    monkeypatch.setattr(parallel, "_run_child_work", _child_that_dies)
    site = _site(large)
    assert site.pages == serial.pages
    assert site.linked.warnings == checked.warnings


def test_no_fork_while_other_threads_run(monkeypatch, large, serial):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", None)  # any attempt to fork would fail loudly
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)  # like `mkdocs serve`'s server thread
    server.start()
    try:
        pages = _site(large).pages
    finally:
        stop.set()
        server.join()
    assert pages == serial.pages
