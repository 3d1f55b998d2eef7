"""The benchmark runs end to end at a tiny size (the figures themselves come from running it, not from tests)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support.paths import REPO


def test_benchmark_runs_at_a_tiny_size(tmp_path):
    out = tmp_path / "rows.json"
    result = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "3", "--repeat", "2", "--json", str(out),
                             "--pagefind", "--preview"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "×floor" in result.stdout
    row = json.loads(out.read_text(encoding="utf-8"))[0]
    assert row["sources"] == 3 and row["pages"] > 200 and row["build"] > 0 and row["floor"] > 0
    assert set(row["phases"]) == {"load", "validate", "verify", "link", "analyse+check", "render"}
    assert all(seconds > 0 for seconds in row["phases"].values())
    assert abs(row["generator"] - sum(row["phases"].values())) < 1e-9
    assert row["generator"] < row["build"]  # the build runs the generator, then renders every page
    # --preview: seconds from saving an edit to the served page showing it, three of each kind of edit.
    preview = row["preview"]
    assert len(preview["extract_edits"]) == len(preview["nav_edits"]) == 3
    assert 0 < preview["extract_edit"] < 60 and 0 < preview["nav_edit"] < 120
    # --pagefind adds the same corpus built with Pagefind, compared with lunr's index per page.
    assert "pagefind KiB/p" in result.stdout
    assert row["pagefind"]["build"] > 0 and row["pagefind"]["files"] > 10 and row["pagefind"]["kib_per_page"] > 0
