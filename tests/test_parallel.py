"""Analysing and rendering in two processes gives exactly what one process gives, and falls back safely."""

from __future__ import annotations

import os
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from generator.link import LinkedBriefing
from generator.pipeline import GeneratedSite, check_briefing, generate_site
from generator import parallel, pipeline
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


def _differing(pages: dict[str, str], expected: dict[str, str]) -> list[str]:
    # Page paths only: a failure message quoting hundreds of megabyte-sized pages is no use.
    return sorted(path for path in pages.keys() | expected.keys() if pages.get(path) != expected.get(path))


PID_FILE: list[Path] = []


def _child_that_reports_its_pid(step: int):
    with PID_FILE[0].open("a", encoding="utf-8") as log:
        log.write(f"{step} {os.getpid()}\n")
    return parallel._child_work[step]()


DYING_STEP: list[int] = []


def _child_that_dies(step: int):
    if step == DYING_STEP[0]:
        os._exit(3)
    return parallel._child_work[step]()


def test_one_process_pipeline_matches_the_serial_stages(serial, checked):
    assert len(serial.pages) > parallel.MIN_PAGES
    assert [w.message for w in checked.warnings] == [
        "entity 'person-unused' is not used by any extract and not named in any seed",
        "person 'person-unused' has no `role`",
    ]
    # Agency copy in the corpus: the same words given to different speakers, the analysis a child hands over.
    assert sum(d.kind == "words" for d in checked.analysis.discrepancies) > 10
    assert serial.linked.warnings == checked.warnings
    assert serial.linked.notes == checked.notes
    checked.directory_urls = False
    differing = _differing(render_site(checked), serial.pages)
    assert differing == [], "pages differ"


@LINUX_ONLY
def test_two_processes_give_what_one_gives(monkeypatch, large, serial, checked, tmp_path):
    PID_FILE[:] = [tmp_path / "pid"]
    monkeypatch.setattr(parallel, "_run_child_work", _child_that_reports_its_pid)
    two = _site(large)
    steps = [line.split() for line in PID_FILE[0].read_text(encoding="utf-8").splitlines()]
    assert [step for step, _ in steps] == ["0", "1"], "the child did not find the word pairs, then render"
    assert len({pid for _, pid in steps}) == 1 and int(steps[0][1]) != os.getpid(), "not one child did both steps"
    differing = _differing(two.pages, serial.pages)
    assert differing == [], "pages differ"
    # The child's editorial checks come back whole; this process analysed its own copy.
    assert two.linked.warnings == checked.warnings
    assert two.linked.notes == checked.notes
    same_analysis = two.linked.analysis == checked.analysis
    assert same_analysis, "this process's analysis differs from a serial one"


@LINUX_ONLY
@pytest.mark.parametrize("dying_step", [0, 1], ids=["dies-finding-word-pairs", "dies-rendering"])
def test_a_dead_child_costs_time_not_pages(monkeypatch, large, serial, checked, dying_step):
    DYING_STEP[:] = [dying_step]
    monkeypatch.setattr(parallel, "_run_child_work", _child_that_dies)
    site = _site(large)
    differing = _differing(site.pages, serial.pages)
    assert differing == [], "pages differ"
    assert site.linked.warnings == checked.warnings


PARENT_PID: list[int] = []
CHILD_DIED: list[Path] = []
TAKEN_BY_CHILD: list[int] = []


def _child_dies_after_taking_source_pages(render_taken):
    def render(jobs, take, pages, **options):
        if os.getpid() == PARENT_PID[0]:
            return render_taken(jobs, take, pages, **options)

        def take_then_die():
            index = take()
            if index is not None:
                TAKEN_BY_CHILD.append(index)
                if len(TAKEN_BY_CHILD) == 5:  # five taken, four rendered, none sent
                    CHILD_DIED[0].write_text("died", encoding="utf-8")
                    os._exit(3)
            return index
        return render_taken(jobs, take_then_die, pages, **options)
    return render


def _parent_waits_for_the_child_to_die(render_jobs):
    def render(jobs):
        deadline = time.monotonic() + 60
        while os.getpid() == PARENT_PID[0] and not CHILD_DIED[0].exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return render_jobs(jobs)
    return render


@LINUX_ONLY
def test_source_pages_a_dead_child_had_taken_are_rendered_here(monkeypatch, large, serial, tmp_path):
    PARENT_PID[:], CHILD_DIED[:], TAKEN_BY_CHILD[:] = [os.getpid()], [tmp_path / "died"], []
    monkeypatch.setattr(pipeline, "_render_taken", _child_dies_after_taking_source_pages(pipeline._render_taken))
    monkeypatch.setattr(pipeline, "render_jobs", _parent_waits_for_the_child_to_die(pipeline.render_jobs))
    site = _site(large)
    assert CHILD_DIED[0].exists(), "the child never took a source page"
    differing = _differing(site.pages, serial.pages)
    assert differing == [], "pages differ"


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
    differing = _differing(pages, serial.pages)
    assert differing == [], "pages differ"


def _take_from_the_back(numbers: parallel.TwoEnded) -> list[int]:
    taken = []
    while (number := numbers.back()) is not None:
        taken.append(number)
    return taken


@LINUX_ONLY
def test_two_ended_numbers_are_each_taken_once_across_processes():
    with parallel.Helper(pages=parallel.MIN_PAGES) as helper:
        numbers = helper.two_ended(20_000)
        (child,) = helper.start(partial(_take_from_the_back, numbers))
        deadline = time.monotonic() + 60
        while numbers._ends[1] == 20_000 and time.monotonic() < deadline:
            time.sleep(0.001)  # until the child has started taking, so that both ends are in use at once
        here = []
        while (number := numbers.front()) is not None:
            here.append(number)
        there = child.result()
    assert here and there, "both processes should have taken some"
    assert here == list(range(len(here))) and there == list(range(19_999, len(here) - 1, -1))


def test_two_ended_numbers_without_a_child():
    numbers = parallel.TwoEnded(3)
    assert [numbers.front(), numbers.back(), numbers.front(), numbers.back(), numbers.front()] == [0, 2, 1, None, None]
