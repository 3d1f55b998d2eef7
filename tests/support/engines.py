"""Other engines (ProperDocs, Zensical), found as the CLI finds them; skipped with the reason, or failed in CI."""

from __future__ import annotations

import os

import pytest

from generator.errors import UsageError
from generator.export.engines import engine_executable


def engine_or_skip(name: str) -> str:
    """The engine's executable; without it, skip (outside CI) or fail (in CI, where it must be tested)."""
    try:
        return engine_executable(name)
    except UsageError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test the {name} build: {exc}")
        pytest.skip(str(exc).splitlines()[0])
