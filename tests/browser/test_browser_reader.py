"""What a reader sees, measured in a real browser: no internal names, the quote first, the answer above the fold, search that finds.

Uses the browser fixtures of test_browser (the real site, built once per module, served on localhost).
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest

from generator.pipeline import check_briefing
from tests.support.browser import SEARCH_READY, type_query
from tests.support.build import build_site
from tests.support.paths import REPO

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def internal_names() -> re.Pattern[str]:
    """Extract ids, source ids and seed file names of the real briefing, and "line N", as one pattern."""
    data = check_briefing(REPO / "briefings", REPO / "seeds", REPO).linked.dataset
    names = set(data.extracts) | set(data.sources) | {s.seed for s in data.sources.values()}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])|\blines? \d+\b")


def _visible_text(page) -> str:
    """What a reader can see, with every fold opened: hidden search aids, scripts and URLs excluded."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    return page.evaluate("document.querySelector('.md-main').innerText")


def test_no_page_shows_an_id_a_seed_file_or_a_line_number(browser, built_site, site_url, internal_names):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    found = {}
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        tab.goto(site_url + path)
        hits = sorted({m.group(0) for m in internal_names.finditer(_visible_text(tab))})
        if hits:
            found[path] = hits[:5]
    context.close()
    assert found == {}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_quotes_fill_at_least_half_of_every_extract_block(browser, site_url, viewport):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    shares = {}
    for topic in ("deployment", "arms-transfers", "reactions", "expert-analysis", "background"):
        tab.goto(site_url + f"topics/{topic}.html")
        quote, block = tab.evaluate("""() => {
            let q = 0, b = 0;
            for (const e of document.querySelectorAll('.md-content .extract')) {
                b += e.getBoundingClientRect().height;
                for (const x of e.querySelectorAll('blockquote')) q += x.getBoundingClientRect().height;
            }
            return [q, b];
        }""")
        assert block > 0, topic
        shares[topic] = round(quote / block, 2)
    context.close()
    assert all(share >= 0.5 for share in shares.values()), shares


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_first_screen_of_the_home_page_answers_with_voices_dates_and_evidence(browser, site_url, viewport):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    tab.goto(site_url + "index.html")
    cutoff = tab.locator(".cutoff")
    assert re.search(r"Information as of \d{1,2} \w+ \d{4}", cutoff.inner_text())
    point = tab.locator(".at-a-glance li").first
    box = point.bounding_box()
    assert box["y"] + box["height"] <= viewport["height"], "the first key point must be fully on the first screen"
    text = point.inner_text()
    assert re.search(r"\d{1,2} \w{3} \d{4}", text), text  # a date
    assert re.search(r"(asserted|denied|confirmed)", text), text  # who says what
    hrefs = point.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any("who-said-what" in h for h in hrefs) and any("#extract-" in h for h in hrefs), hrefs
    context.close()


def _results(tab, site_url: str, query: str) -> list[dict]:
    """Search as a reader does; each result's links (page first, then its sections) and text."""
    tab.goto(site_url + "index.html")
    tab.wait_for_function(SEARCH_READY, timeout=60000)
    type_query(tab, query)
    tab.wait_for_timeout(300)  # results are rendered in batches
    return tab.eval_on_selector_all(".md-search-result__item", """els => els.map(e => ({
        links: [...e.querySelectorAll('a')].map(a => a.getAttribute('href')),
        text: e.innerText}))""")


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("query, written", [("12000", "12,000"), ("13000", "13,000"), ("1500", "1,500")])
def test_numbers_are_found_however_written(tab, site_url, query, written):
    results = _results(tab, site_url, query)
    sections = [r for r in results if any("#extract-" in link for link in r["links"])]
    # Search completes words as they are typed ("1500" also finds "150000"); the form written with
    # separators must be among the extracts found.
    assert any(written in r["text"] for r in sections), [r["links"][:2] for r in results]


@pytest.mark.parametrize("extract_id, words", [
    ("cho-3000-dispersed", "have been dispersed to multiple military bases"),
    ("rutte-cannot-yet-confirm", "the alliance could not yet confirm South Korean intelligence"),
    ("lavrov-fake-news", "another piece of fake news"),
])
def test_a_pasted_quote_finds_its_extract_first_and_shows_the_quote(tab, site_url, extract_id, words):
    results = _results(tab, site_url, words)
    first = results[0]
    assert any(link.endswith(f"#extract-{extract_id}") for link in first["links"][:2]), [r["links"][:2] for r in results[:3]]
    assert words.split()[-1] in first["text"]  # the snippet is the quote, not the attribution


def test_a_hyphenated_name_does_not_match_every_un(tab, site_url):
    results = _results(tab, site_url, "Kim Jong-un")
    assert "kim-jong-un" in results[0]["links"][0]
    assert all("kim" in r["text"].lower() for r in results), [r["links"][0] for r in results if "kim" not in r["text"].lower()]


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under /sub/ and answers a missing page with the site's 404 page, as GitHub Pages does."""

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        return super().translate_path(path.removeprefix("/sub")) if path.startswith("/sub/") else "/nonexistent"

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_the_404_page_works_when_the_site_lives_under_a_sub_path(browser, tmp_path):
    site = tmp_path / "site"
    result = build_site(REPO, site, SITE_URL="https://example.org/sub/")
    assert result.returncode == 0, result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubPathHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/sub/"
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    failed = []
    tab.on("response", lambda r: failed.append(r.url) if r.status >= 400 and "no/such" not in r.url else None)
    tab.on("requestfailed", lambda r: failed.append(r.url))
    try:
        response = tab.goto(base + "no/such/page.html", wait_until="networkidle")
        assert response.status == 404
        assert "404" in tab.locator("h1").inner_text()
        assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"  # the CSS loaded
        tab.locator(".md-nav__link", has_text="Who said what").first.click()
        tab.wait_for_url(base + "who-said-what.html")
    finally:
        context.close()
        server.shutdown()
    assert failed == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_chart_and_map_text_is_at_least_11_css_pixels(browser, site_url, viewport):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    smallest = {}
    for path in ("timeline.html", "figures.html", "map.html"):
        tab.goto(site_url + path)
        sizes = tab.evaluate("""() => [...document.querySelectorAll('svg.chart text')]
            .filter(t => t.getClientRects().length && t.getBoundingClientRect().height > 0)
            .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)""")
        assert len(sizes) > 5, path  # the page shows a chart with labels at this width
        smallest[path] = round(min(sizes), 1)
    context.close()
    assert all(size >= 11 for size in smallest.values()), smallest
