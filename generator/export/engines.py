"""Building an exported folder with another MkDocs-compatible engine, as one command."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ..errors import OutputError, UsageError

# Engine name → (environment variable that may name its executable, how to install it).
# Each lives in its own environment (README, "Engines"), so the variable points at it.
ENGINES = {
    "zensical": ("ZENSICAL", "python3 -m venv .venv-zensical && .venv-zensical/bin/pip install zensical"),
    "properdocs": ("PROPERDOCS", "python3 -m venv .venv-properdocs && .venv-properdocs/bin/pip install properdocs -e ."),
    "mkdocs": ("MKDOCS", "pip install -e ."),
}


def engine_executable(engine: str) -> str:
    """The engine's executable: $ZENSICAL (etc.), else the command on PATH; a clear error when neither exists."""
    variable, install = ENGINES[engine]
    named = os.environ.get(variable, "").strip()
    found = named if named and Path(named).is_file() else shutil.which(engine)
    if not found:
        raise UsageError(f"{engine} is not installed: looked for ${variable} and for `{engine}` on PATH.\n"
                         f"    Install it with: {install}\n    then run again, or set {variable} to its executable.")
    return str(Path(found).resolve())  # the build runs inside the exported folder, where a relative path breaks


def build_export(folder: Path, executable: str, engine: str) -> Path:
    """Run `<engine> build` in an exported folder; returns the built site's folder."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([executable, "build", "-f", "mkdocs.yml"], cwd=folder, env=environment,
                            capture_output=True, text=True)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise OutputError(f"{engine} build failed in {folder} (exit {result.returncode}):\n{output[-4000:]}")
    return folder / "site"
