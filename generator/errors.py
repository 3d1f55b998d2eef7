"""Everything that can go wrong for a user, as one small hierarchy; the CLI maps it to exit codes.

`GeneratorError` is the base: its `report()` is what the user reads and its `exit_code` what the
command returns. Problems in the curated data are collected as `Problem`s (file, line, message,
hint) and raised together as one `BriefingError`, root causes first.
"""

from __future__ import annotations

from dataclasses import dataclass

# Ranks of problems: a root cause (a file that cannot be read at all) is listed before ordinary
# problems, and both before problems that may only follow from a root cause.
ROOT_CAUSE, ORDINARY, FOLLOW_ON = 0, 1, 2


@dataclass(frozen=True, order=True)
class Location:
    """A place in an editor's file: path (as shown to the user) and 1-based line."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Problem:
    """One mistake in the data, with where it is and, when useful, how to fix it."""

    location: Location
    message: str
    hint: str = ""
    rank: int = ORDINARY

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.hint:
            text += "\n    " + self.hint.replace("\n", "\n    ")
        return text


class GeneratorError(Exception):
    """A failure the user can act on; never shown as a traceback."""

    exit_code = 1

    def report(self) -> str:
        """The message for the user."""
        return f"error: {self}"


class UsageError(GeneratorError):
    """A command was asked for something it must refuse (a bad option, a dangerous target)."""

    exit_code = 2


class OutputError(GeneratorError):
    """Output could not be written (permissions, disk, a race with another build)."""


class BriefingError(GeneratorError):
    """The data has problems; str() lists every one of them, root causes first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.rank, p.location, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems as one readable block, one per entry."""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the briefing data:"
        return "\n".join([head, *(str(p) for p in self.problems)])


class ProblemList:
    """Collects problems from one stage so that all of them are reported at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, location: Location, message: str, hint: str = "", rank: int = ORDINARY) -> None:
        """Record one problem."""
        self.items.append(Problem(location, message, hint, rank))

    def warn(self, location: Location, message: str, hint: str = "") -> None:
        """Record something the editors should fix; it fails strict builds and `check --strict`."""
        self.warnings.append(Problem(location, message, hint))

    def extend(self, problems: list[Problem]) -> None:
        """Record several problems."""
        self.items.extend(problems)

    def raise_if_any(self) -> None:
        """Fail once, with everything collected so far."""
        if self.items:
            raise BriefingError(self.items)
