"""Edit-to-visible time of `mkdocs serve --dirty`: save a YAML edit, poll the served page until it shows.

Two kinds of edit on the synthetic corpus: one extract's curator note (the pages showing that
extract change) and a topic's new title (the navigation of every page changes, so every page is
rebuilt). Each is timed from the moment the file is written to the moment the served HTML contains
the new text: for the title, the About page, which shows it only in its navigation.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

POLL = 0.05
SETTLE = 3  # seconds between a build and the next edit: the server collects garbage once it is idle (IdleCollector)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def _wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at `url` contains `text`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in _fetch(url):
            return time.perf_counter() - start
        time.sleep(POLL)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def _page_of(base: str, extract_id: str, topics: list[str]) -> str:
    """The served topic page (or part) that shows an extract."""
    for topic in topics:
        for part in range(1, 50):
            path = f"topics/{topic}.html" if part == 1 else f"topics/{topic}--part-{part}.html"
            html = _fetch(base + path)
            if not html:
                break
            if f'id="extract-{extract_id}"' in html:
                return base + path
    raise SystemExit(f"no topic page shows {extract_id}")


def edit_to_visible(project: Path, edits: int = 3, first_build_timeout: float = 900) -> dict:
    """Median seconds from saving an edit to seeing it served: an extract's note, and an edit every page shows."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (project / "serve.log").open("w", encoding="utf-8")  # a pipe nobody reads would fill and stop the server
    # Not --no-livereload: without live reload, `mkdocs serve` watches no file at all.
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=log, text=True)
    try:
        _wait_for(base + "index.html", "Synthetic briefing", first_build_timeout)
        extracts = project / "briefings" / "extracts" / "source-00000.yml"
        topic = re.search(r"topics: \[([a-z-]+)\]", extracts.read_text(encoding="utf-8")).group(1)
        page = _page_of(base, "x00000-00", [topic])
        time.sleep(SETTLE)
        note_times, nav_times = [], []
        for number in range(1, edits + 1):
            note = f"Bench note number {number}."
            text = extracts.read_text(encoding="utf-8")
            text = re.sub(r"\n    note: Bench note number \d+\.", "", text)
            extracts.write_text(text.replace("  - id: x00000-00\n", f"  - id: x00000-00\n    note: {note}\n", 1), encoding="utf-8")
            note_times.append(_wait_for(page, note, 600))
            time.sleep(SETTLE)  # let the server settle, so that one rebuild does not overlap the next edit
            topics = project / "briefings" / "topics.yml"
            title = f"Background, edit {number}"
            topics.write_text(re.sub(r"title: (Topic background|Background, edit \d+)", f"title: {title}",
                                     topics.read_text(encoding="utf-8")), encoding="utf-8")
            nav_times.append(_wait_for(base + "about.html", title, 900))
            time.sleep(SETTLE)
        peak_mib = _peak_mib(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    return {"extract_edit": statistics.median(note_times), "nav_edit": statistics.median(nav_times),
            "extract_edits": note_times, "nav_edits": nav_times, "server_peak_mib": peak_mib}


def _peak_mib(pid: int) -> float | None:
    """The serving process's peak memory (Linux), or None where /proc does not say."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) / 1024 if found else None
