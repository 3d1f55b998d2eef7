"""`mkdocs serve` rebuilds once per YAML edit, reports data errors, and recovers when they are fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(predicate, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_after_a_yaml_edit(corpus: Path, tmp_path: Path):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/topics/talks/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = tmp_path / "serve.log"
    with log.open("w") as log_file:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=corpus, env=env, stdout=subprocess.DEVNULL, stderr=log_file)
    try:
        assert _wait_for(lambda: "Harbour talks" in _fetch(url)), "server did not start"
        topics = corpus / "briefings" / "topics.yml"
        topics.write_text(topics.read_text(encoding="utf-8").replace("title: Harbour talks", "title: Quayside negotiations"),
                          encoding="utf-8")
        assert _wait_for(lambda: "Quayside negotiations" in _fetch(url)), "page was not rebuilt after the YAML edit"
        # A broken file is reported; the server keeps serving the last good site and recovers once it is fixed.
        good = topics.read_text(encoding="utf-8")
        topics.write_text("topics:\n  - id: Not An Id\n", encoding="utf-8")
        assert _wait_for(lambda: "serving the last good version" in log.read_text(encoding="utf-8")), "the data error was not reported"
        assert "Quayside negotiations" in _fetch(url)
        topics.write_text(good.replace("Quayside negotiations", "Harbour negotiations"), encoding="utf-8")
        assert _wait_for(lambda: "Harbour negotiations" in _fetch(url)), "server did not recover after the fix"
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=20)
    err = log.read_text(encoding="utf-8")
    assert err.count("Detected file changes") == 3, err
    assert "briefings/topics.yml:2: `id` 'Not An Id' is not a valid id" in err
