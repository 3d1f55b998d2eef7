"""The pipeline's layers hold: no stage imports a later one, and the core never imports MkDocs (import-linter)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.paths import REPO

LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


def _lint(package_parent: Path, config: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run([LINT_IMPORTS, "--config", str(config), "--no-cache"], cwd=package_parent, env=env,
                          capture_output=True, text=True, timeout=300)


def test_every_stage_imports_only_earlier_stages_and_the_core_knows_nothing_of_mkdocs():
    result = _lint(REPO, REPO / "pyproject.toml")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "2 kept, 0 broken" in result.stdout


def _copy_with(tmp_path: Path, module: str, line: str) -> Path:
    shutil.copytree(REPO / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "generator" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    shutil.copyfile(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_a_back_edge_breaks_the_layers(tmp_path):
    copy = _copy_with(tmp_path, "load/records.py", "from ..render import markdown  # noqa: E402,F401")
    result = _lint(copy, copy / "pyproject.toml")
    assert result.returncode != 0
    assert "generator.load.records -> generator.render.markdown" in result.stdout


def test_mkdocs_in_the_core_breaks_the_contract(tmp_path):
    copy = _copy_with(tmp_path, "render/site.py", "import mkdocs.plugins  # noqa: E402,F401")
    result = _lint(copy, copy / "pyproject.toml")
    assert result.returncode != 0
    assert "The core knows nothing of MkDocs BROKEN" in result.stdout
