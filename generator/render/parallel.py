"""Share a large briefing's last stage between this process and one forked child.

Analysis and rendering are most of a large build's generator time, and every page depends only
on the linked data, so half the pages can be produced by a copy of this process on the second
core. The child is forked (it shares the data, nothing is copied or pickled on the way in) and
only when that is safe: on Linux, from a process with no other threads (so never while
`mkdocs serve` runs its server threads). Output is the same as doing everything in one process;
if the child dies, its share is done here instead.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

PageJob = tuple[str, Callable[[], str]]  # page path, and what renders it

MIN_PAGES = 400  # below this, starting a process costs more than it saves

Ours = TypeVar("Ours")
Theirs = TypeVar("Theirs")

_child_work: list[Callable[[], Any]] = []


def in_two_processes(ours: Callable[[], Ours], theirs: Callable[[], Theirs], pages: int) -> tuple[Ours, Theirs]:
    """Both results; `theirs` runs in a forked child meanwhile when that is possible and worth it for `pages` pages."""
    if pages < MIN_PAGES or not _can_fork():
        return ours(), theirs()
    _child_work[:] = [theirs]
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            future = pool.submit(_run_child_work)
            here = ours()
            try:
                there = future.result()
            except BrokenProcessPool:  # the child died (out of memory, killed): do its share here
                there = theirs()
    finally:
        _child_work.clear()
    return here, there


def render_jobs(jobs: list[PageJob]) -> dict[str, str]:
    """Pages by path, rendered in order."""
    return {path: render() for path, render in jobs}


def _can_fork() -> bool:
    # macOS can fork too, but its system libraries are not fork-safe; Windows cannot fork at all.
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _run_child_work() -> Any:
    return _child_work[0]()
