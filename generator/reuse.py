"""Reuse between the rebuilds of one preview: what a rebuild computed is reused when its inputs are equal.

`mkdocs serve` rebuilds the whole briefing after every save. Most of it cannot have changed: the
files not saved parse to the same records, unchanged seeds to the same paragraphs, an unchanged
quote in an unchanged seed is found at the same place, an unchanged extract block renders the
same Markdown. A stage given a `Reuse` looks each of those up by key, with the exact inputs it
was computed from; a value is reused only when those inputs are equal (the same object, or equal
values), so a stale value can never be served. One-off builds pass no `Reuse` and compute all.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Reuse:
    """The values the previous build computed, each with its inputs; a build keeps what it used."""

    def __init__(self, frozen_between_builds: bool = False) -> None:
        # True only where something collects when idle (the preview server's IdleCollector): what a
        # build leaves is then frozen for the cycle collector (pipeline.collector_paused), not walked.
        self.frozen_between_builds = frozen_between_builds
        self.previous: dict[Hashable, tuple[Any, Any]] = {}
        self.current: dict[Hashable, tuple[Any, Any]] = {}
        self.reused = self.computed = 0  # in the build under way
        self.last_build: tuple[int, int] = (0, 0)  # values reused and computed by the last build finished

    def get(self, key: Hashable, inputs: Any, compute: Callable[[], T]) -> T:
        """The value for `key`: the previous build's when it had the same inputs, else `compute()`."""
        entry = self.previous.get(key)
        if entry is not None and (entry[0] is inputs or entry[0] == inputs):
            value = entry[1]
            self.reused += 1
        else:
            value = compute()
            self.computed += 1
        self.current[key] = (inputs, value)
        return value

    def forget(self, key: Hashable) -> None:
        """Compute the value for `key` anew in this build, whatever its inputs."""
        self.previous.pop(key, None)

    def finish(self, succeeded: bool) -> None:
        """End a build: what it did not use is dropped; a failed build leaves the last good build's values as they were.

        Not merged after a failure: some values are reused because others (an extract's signature)
        compare equal, so only one whole build's values are known to agree with each other.
        """
        if succeeded:
            self.previous = self.current
        self.current = {}
        self.last_build = (self.reused, self.computed)
        self.reused = self.computed = 0


def reuse_or_compute(reuse: Reuse | None, key: Hashable, inputs: Any, compute: Callable[[], T]) -> T:
    """`reuse.get(...)`, or `compute()` when there is nothing to reuse from (one-off builds)."""
    return compute() if reuse is None else reuse.get(key, inputs, compute)
