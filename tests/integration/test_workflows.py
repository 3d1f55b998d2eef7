"""The project's GitHub Actions workflows: linted by actionlint, and running what the README promises."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.support.paths import REPO

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


def _workflow(name: str) -> dict:
    return yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def _steps(name: str) -> list[dict]:
    return [step for job in _workflow(name)["jobs"].values() for step in job.get("steps", [])]


def _step(name: str, title: str) -> dict:
    """The step with this name, or the one that uses this action."""
    found = [s for s in _steps(name) if s.get("name") == title or str(s.get("uses", "")).startswith(title)]
    assert len(found) == 1, (title, [s.get("name") or s.get("uses") for s in _steps(name)])
    return found[0]


# A small evaluator for the `if:` expressions these workflows use (GitHub's expression syntax:
# `&&`, `||`, `!`, `==`, `!=`, strings, context paths, a few functions), so a condition is tested
# for what it does in each situation, not for how it is spelled.
_TOKEN = re.compile(r"\s*(?:(?P<str>'[^']*')|(?P<op>&&|\|\||==|!=|!|\(|\)|,)|(?P<name>[A-Za-z_][\w.-]*))")


def _evaluate(expression: str, context: dict, functions: dict) -> bool:
    text = expression.strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2]
    python, position = [], 0
    while position < len(text.rstrip()):
        match = _TOKEN.match(text, position)
        assert match, f"cannot read {text[position:]!r}"
        position = match.end()
        if match["str"] is not None:
            python.append(repr(match["str"][1:-1]))
        elif match["op"]:
            python.append({"&&": " and ", "||": " or ", "!": " not "}.get(match["op"], match["op"]))
        elif match["name"] in functions:
            python.append(f"functions[{match['name']!r}]")
        else:
            value = context
            for part in match["name"].split("."):
                value = value.get(part, "") if isinstance(value, dict) else ""
            python.append(repr(value))
    return bool(eval("".join(python), {"functions": functions}))  # our own tokens only: names became repr() values


def _situation(*, fork: bool, cancelled: bool = False, diff_written: bool = True) -> tuple[dict, dict]:
    head = "someone/fork" if fork else "owner/briefing"
    context = {"github": {"repository": "owner/briefing",
                          "event": {"pull_request": {"head": {"repo": {"full_name": head}}, "number": 7}}}}
    files = {"briefing-diff.md"} if diff_written else set()
    functions = {"cancelled": lambda: cancelled, "always": lambda: True, "success": lambda: not cancelled,
                 "hashFiles": lambda pattern: "abc" if pattern in files else ""}
    return context, functions


def _runs_in(step: dict, **situation) -> bool:
    return "if" not in step or _evaluate(step["if"], *_situation(**situation))


def test_the_evaluator_reads_conditions_as_github_does():
    context, functions = _situation(fork=True)
    assert _evaluate("${{ github.repository == 'owner/briefing' }}", context, functions)
    assert not _evaluate("!cancelled() && hashFiles('other') != ''", context, functions)
    assert _evaluate("github.event.pull_request.head.repo.full_name != github.repository", context, functions)


def test_pull_request_comment_only_where_the_token_may_write_but_the_summary_always():
    summary = _step("pull-request.yml", "Show the summary on the run's page")
    comment = _step("pull-request.yml", "Post the summary on the pull request")
    assert "$GITHUB_STEP_SUMMARY" in summary["run"] and "briefing-diff.md" in summary["run"]
    assert _runs_in(summary, fork=True) and _runs_in(summary, fork=False)
    assert _runs_in(comment, fork=False) and not _runs_in(comment, fork=True)
    assert not _runs_in(comment, fork=False, diff_written=False) and not _runs_in(summary, fork=False, diff_written=False)
    assert not _runs_in(comment, fork=False, cancelled=True)
    assert comment["run"].startswith("gh pr comment") and comment["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert _workflow("pull-request.yml")["permissions"] == {"contents": "read", "pull-requests": "write"}


def test_pull_request_workflow_runs_everything_the_tests_need_on_a_github_runner():
    steps = _steps("pull-request.yml")
    runs = [str(s.get("run", "")) for s in steps]
    order = {key: next(i for i, r in enumerate(runs) if key in r) for key in
             ("pip install -e '.[test]'", "playwright install --with-deps chromium", "generator check --strict",
              "generator diff", "python -m pytest", "mkdocs build --strict")}
    assert list(order) == sorted(order, key=order.get), order  # installs first, tests after the summary
    assert _step("pull-request.yml", "actions/setup-java")["with"]["java-version"]
    assert _step("pull-request.yml", "actions/setup-python")["with"]["python-version"] == "3.11"
    # The engines' variables are the ones the code reads (generator/export/engines.py), so the tests find them.
    from generator.export.engines import ENGINES
    engines = _step("pull-request.yml", "Install the other engines (ProperDocs, Zensical)")["run"]
    for engine in ("properdocs", "zensical"):
        assert f"{ENGINES[engine][0]}=" in engines and "$GITHUB_ENV" in engines
    upload = _step("pull-request.yml", "actions/upload-artifact")
    assert upload["with"]["path"] == "site/"


def test_deploy_workflow_publishes_main_to_pages():
    workflow = _workflow("deploy.yml")
    assert workflow[True]["push"]["branches"] == ["main"]  # PyYAML reads the key `on` as True
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    build = _step("deploy.yml", "Build the site (strict)")
    assert build["run"].startswith("mkdocs build --strict") and "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    assert _workflow("deploy.yml")["jobs"]["deploy"]["needs"] == "build"
    assert _step("deploy.yml", "actions/deploy-pages")
