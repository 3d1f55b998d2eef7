"""A browser for the tests: Debian's Chromium where present, else Playwright's; serving a built site on localhost.

Without a browser, browser tests are skipped with the reason; in CI (CI=true) a missing browser fails.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

# Debian's Chromium where it is installed (this machine, .ci/run); elsewhere, such as GitHub's runners,
# the Chromium that `playwright install --with-deps chromium` downloads (executable_path None).
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]
# The site uses file URLs (use_directory_urls: false), so that it also works from file://.
PAGE_TYPES = {
    "home": "index.html", "topic": "topics/deployment.html", "source": "sources/allegedly-deploys.html",
    "entity": "entities/volodymyr-zelensky.html", "timeline": "timeline.html", "figures": "figures.html",
    "who-said-what": "who-said-what.html", "corroboration": "corroboration.html", "discrepancies": "discrepancies.html",
    "map": "map.html", "topics": "topics/index.html", "sources": "sources/index.html", "entities": "entities/index.html",
}


def skip_or_fail(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


def require_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        skip_or_fail("playwright is not installed (pip install -e '.[test]')")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the request log would drown the test output
        pass


@contextlib.contextmanager
def served(site: Path):
    """A folder served on 127.0.0.1; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


SEARCH_READY = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    return meta && meta.textContent.trim() !== '' && !/initializ/i.test(meta.textContent);
}"""


def type_query(page, query: str) -> None:
    """Open search with its keyboard shortcut and type, as a reader would."""
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=20000)


def search(page, site_url: str, query: str) -> list[str]:
    page.goto(site_url + PAGE_TYPES["home"])
    # Material builds its index in a worker; a query typed before it is ready would be lost.
    page.wait_for_function(SEARCH_READY, timeout=60000)
    type_query(page, query)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
