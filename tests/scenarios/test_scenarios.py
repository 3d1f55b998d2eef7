"""Bad inputs and the messages editors get: one folder per case under tests/scenarios/cases/.

Each folder holds files laid over a copy of the fixture corpus and `expected.txt`, whose
every line must appear in the error report (a line starting `not: ` must not appear).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.errors import BriefingError
from generator.pipeline import check_briefing
from tests.support.paths import SCENARIOS

CASES = sorted(p.name for p in SCENARIOS.iterdir() if p.is_dir())


def _apply(scenario: Path, corpus: Path) -> None:
    for path in scenario.rglob("*"):
        if path.is_file() and path.name != "expected.txt":
            target = corpus / path.relative_to(scenario)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_reported_with_file_and_line(case: str, corpus: Path, capsys) -> None:
    scenario = SCENARIOS / case
    _apply(scenario, corpus)
    assert main(["--root", str(corpus), "check", "--strict"]) == 1
    report = capsys.readouterr().err
    assert "Traceback" not in report
    for expected in (scenario / "expected.txt").read_text(encoding="utf-8").splitlines():
        if expected.startswith("not: "):
            assert expected[5:] not in report, f"unexpected in report:\n{expected[5:]}\n--- report ---\n{report}"
        elif expected.strip():
            assert expected in report, f"missing in report:\n{expected}\n--- report ---\n{report}"


def test_all_problems_are_reported_at_once(corpus: Path) -> None:
    for case in ("unknown-references", "bad-seed", "shared-alias"):
        _apply(SCENARIOS / case, corpus)
    with pytest.raises(BriefingError) as caught:
        check_briefing(corpus / "briefings", corpus / "seeds", corpus)
    report = caught.value.report()
    assert report.startswith(f"{len(caught.value.problems)} problems in the briefing data:")
    for case in ("unknown-references", "bad-seed", "shared-alias"):
        first = (SCENARIOS / case / "expected.txt").read_text(encoding="utf-8").splitlines()[0]
        assert first in report


def test_check_command_prints_problems_without_traceback(corpus: Path, capsys) -> None:
    _apply(SCENARIOS / "quote-not-found", corpus)
    assert main(["--root", str(corpus), "check"]) == 1
    err = capsys.readouterr().err
    assert "briefings/extracts/bad.yml:3: quote of 'misquoted' is not in alpha.txt" in err
    assert "Traceback" not in err


def test_check_command_on_clean_data(corpus: Path, capsys) -> None:
    assert main(["--root", str(corpus), "check", "--strict"]) == 0
    captured = capsys.readouterr()
    assert "9 quotes found verbatim" in captured.out and captured.err == ""


def test_warnings_fail_only_in_strict_mode(corpus: Path, capsys) -> None:
    _apply(SCENARIOS / "uncovered-paragraph", corpus)
    assert main(["--root", str(corpus), "check"]) == 0
    assert "warning: " in capsys.readouterr().err
    assert main(["--root", str(corpus), "check", "--strict"]) == 1


def test_check_command_usage_error(capsys) -> None:
    assert main(["frobnicate"]) == 2


def test_notes_are_listed_on_request_and_never_fail(corpus: Path, capsys) -> None:
    assert main(["--root", str(corpus), "check", "--strict", "--notes"]) == 0
    err = capsys.readouterr().err
    assert "note: briefings/extracts/beta.yml:" in err and "figures for 'ships' come from one article only (beta)" in err
