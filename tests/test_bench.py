"""The benchmark runs end to end at a tiny size (the figures themselves come from running it, not from tests)."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import REPO


def test_benchmark_runs_at_a_tiny_size(tmp_path):
    out = tmp_path / "rows.json"
    result = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "3", "--repeat", "2", "--json", str(out), "--pagefind"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "×floor" in result.stdout
    row = json.loads(out.read_text(encoding="utf-8"))[0]
    assert row["sources"] == 3 and row["pages"] > 200 and row["build"] > 0 and row["floor"] > 0
    assert set(row["phases"]) == {"load", "validate", "verify", "link", "analyse+check", "render"}
    # --pagefind adds the same corpus built with Pagefind, compared with lunr's index per page.
    assert "pagefind KiB/p" in result.stdout
    assert row["pagefind"]["build"] > 0 and row["pagefind"]["files"] > 10 and row["pagefind"]["kib_per_page"] > 0
