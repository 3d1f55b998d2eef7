"""The project's GitHub Actions workflows: linted by actionlint, and running what the README promises."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = shutil.which("actionlint") or str(Path(sys.executable).with_name("actionlint"))


def test_workflows_pass_actionlint():
    assert WORKFLOWS
    result = subprocess.run([ACTIONLINT, "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_can_fail(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    assert subprocess.run([ACTIONLINT, str(broken)], capture_output=True, timeout=120).returncode != 0


def _runs(name: str) -> str:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    return "\n".join(str(step.get("run", "")) + str(step.get("uses", "")) for step in steps)


def test_pull_request_workflow_checks_tests_builds_uploads_and_comments():
    runs = _runs("pull-request.yml")
    for expected in ("python -m generator check --strict", "python -m pytest", "mkdocs build --strict",
                     "actions/upload-artifact", "python -m generator diff", "gh pr comment"):
        assert expected in runs, expected


def test_deploy_workflow_publishes_main_to_pages():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # PyYAML reads the key `on` as True
    runs = _runs("deploy.yml")
    assert "mkdocs build --strict" in runs and "actions/deploy-pages" in runs
