"""A real `mkdocs build --strict` in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MKDOCS = [sys.executable, "-m", "mkdocs"]


def build_site(project: Path, site: Path, **env) -> subprocess.CompletedProcess:
    """Build a project's site into `site` with `mkdocs build --strict`; extra environment variables from `env`."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run([*MKDOCS, "build", "--strict", "-d", str(site)], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=300)
