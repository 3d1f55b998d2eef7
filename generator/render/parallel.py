"""Render a large briefing's pages in two processes: this one and one forked child.

Rendering is a fifth of a large build's generator time and each page depends only on the
linked data, so half the pages can be rendered by a copy of this process on the second core.
The child is forked (it shares the data, nothing is copied or pickled on the way in) and only
when that is safe: on Linux, from a process with no other threads (so never while `mkdocs serve`
runs its server threads). Output is the same as rendering in one process; if the child dies,
its pages are rendered here instead.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

PageJob = tuple[str, Callable[[], str]]  # page path, and what renders it

MIN_PAGES = 400  # below this, starting a process costs more than it saves

_child_jobs: list[PageJob] = []


def render_pages(own: list[PageJob], other: list[PageJob]) -> dict[str, str]:
    """Pages of both lists; `other` is rendered by a forked child when that is possible and worth it."""
    if len(own) + len(other) < MIN_PAGES or not other or not _can_fork():
        return _render(own + other)
    global _child_jobs
    _child_jobs = other
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            future = pool.submit(_render_child_jobs)
            pages = _render(own)
            try:
                pages.update(future.result())
            except BrokenProcessPool:  # the child died (out of memory, killed): render its share here
                pages.update(_render(other))
    finally:
        _child_jobs = []
    return pages


def _can_fork() -> bool:
    # macOS can fork too, but its system libraries are not fork-safe; Windows cannot fork at all.
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _render(jobs: list[PageJob]) -> dict[str, str]:
    return {path: render() for path, render in jobs}


def _render_child_jobs() -> dict[str, str]:
    return _render(_child_jobs)
