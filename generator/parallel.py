"""A second process for the last stage of a large briefing: a forked child that works for this one.

Analysis and rendering are most of a large build's generator time, and every page depends only
on the linked data, so a copy of this process can produce part of it on the second core. The
child is forked (it shares the data; nothing is copied or pickled on the way in) and only when
that is safe: on Linux, from a process with no other threads (so never while `mkdocs serve` runs
its server threads). Without a child, or if it dies, the same work is done here: the output never
depends on which process did what.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable
from contextlib import nullcontext
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

MIN_PAGES = 400  # below this, starting a process costs more than it saves

Result = TypeVar("Result")

_child_work: list[Callable[..., Any]] = []


class Job(Generic[Result]):
    """Work handed to the child; its result comes from there, or is worked out here when there is no child."""

    def __init__(self, future: Future | None, work: Callable[[], Result]):
        self._future, self._work = future, work

    def running(self) -> bool:
        """True while the child is still at it (never when the work is done here)."""
        return self._future is not None and not self._future.done()

    def result(self) -> Result:
        """The result, waiting for the child if need be."""
        if self._future is not None:
            try:
                return self._future.result()
            except BrokenProcessPool:  # the child died (out of memory, killed): do the work here
                self._future = None
        return self._work()


class TwoEnded:
    """Numbers 0..count-1, taken one at a time from the front by this process and from the back by the child.

    With a child the two ends live in shared memory behind a lock, so that each number is taken once.
    """

    def __init__(self, count: int, context: Any = None):
        self._ends = context.Array("q", [0, count]) if context is not None else [0, count]
        self._lock = self._ends.get_lock() if context is not None else nullcontext()

    def front(self) -> int | None:
        """The lowest number not taken yet, or None when all are."""
        with self._lock:
            first, end = self._ends[0], self._ends[1]
            if first >= end:
                return None
            self._ends[0] = first + 1
            return first

    def back(self) -> int | None:
        """The highest number not taken yet, or None when all are."""
        with self._lock:
            first, end = self._ends[0], self._ends[1]
            if first >= end:
                return None
            self._ends[1] = end - 1
            return end - 1


class Helper:
    """A forked child that does work for this process, in order; or this process, later, when there is no child.

    There is a child only for briefings of at least MIN_PAGES pages, where it is worth its start.
    """

    def __init__(self, pages: int):
        self._pool: ProcessPoolExecutor | None = None
        if pages >= MIN_PAGES and _can_fork():
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))

    def two_ended(self, count: int) -> TwoEnded:
        """Numbers 0..count-1 for both processes to take from; ask before `start`, which forks."""
        return TwoEnded(count, multiprocessing.get_context("fork") if self._pool is not None else None)

    def start(self, *work: Callable[[], Any]) -> list[Job]:
        """Fork the child and hand it all its work, to do in this order; once only.

        All of it is handed over at once because the child knows only what exists when it is forked.
        """
        _child_work[:] = work
        futures: list[Future | None] = [None] * len(work)
        if self._pool is not None:
            try:
                futures = [self._pool.submit(_run_child_work, step) for step in range(len(work))]  # the first forks
            except BrokenProcessPool:
                pass
        return [Job(future, item) for future, item in zip(futures, work)]

    def __enter__(self) -> Helper:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        _child_work.clear()


def _can_fork() -> bool:
    # macOS can fork too, but its system libraries are not fork-safe; Windows cannot fork at all.
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _run_child_work(step: int) -> Any:
    return _child_work[step]()
