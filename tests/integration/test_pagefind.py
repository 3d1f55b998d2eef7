"""`search: pagefind` end to end: the synthetic corpus built for real, indexed by Pagefind, searched in Chromium.

The browser tests reuse test_browser's Chromium set-up and skip (or fail in CI) the same way.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import re
import sys
import threading
from html import unescape
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from tests.support.browser import QuietHandler
from tests.support.build import build_site
from tests.support.paths import ARTIFACTS, REPO

sys.path.insert(0, str(REPO / "bench"))
from corpus import write_corpus  # noqa: E402

try:
    import pagefind  # noqa: F401
except ImportError:
    if os.environ.get("CI") == "true":
        raise  # CI installs the test extra, which includes Pagefind; never skip there
    pytest.skip("Pagefind is not installed (pip install -e '.[test]')", allow_module_level=True)

SOURCES = 5
# A light and a dark palette, so the screenshots show the search page in both.
PALETTES = """  palette:
    - scheme: default
      toggle: {icon: material/brightness-7, name: Switch to dark mode}
    - scheme: slate
      toggle: {icon: material/brightness-4, name: Switch to light mode}
"""


def _project(root: Path, *, keep_search: bool = False, directory_urls: bool = False) -> Path:
    """The benchmark's synthetic briefing, switched to Pagefind and clean enough for --strict."""
    write_corpus(root, SOURCES)
    # The corpus lists 200 people for any size; at this size most say nothing, and strict builds
    # rightly warn about unused entities, so keep only the speakers.
    speakers = set()
    for path in (root / "briefings" / "extracts").glob("*.yml"):
        speakers |= set(re.findall(r"speaker: (person-\d+)", path.read_text(encoding="utf-8")))
    head, *blocks = (root / "briefings" / "entities.yml").read_text(encoding="utf-8").split("\n  - ")
    kept = [block for block in blocks if block.split("\n")[0].removeprefix("id: ") in speakers]
    (root / "briefings" / "entities.yml").write_text("\n  - ".join([head, *kept]), encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if not keep_search:
        config = config.replace("  - search\n", "")
    config = config.replace("  - briefing\n", "  - briefing:\n      search: pagefind\n")
    config = config.replace("  font: false\n", "  font: false\n" + PALETTES)
    config = config.replace("use_directory_urls: false", f"use_directory_urls: {str(directory_urls).lower()}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def _fragments(site: Path) -> list[dict]:
    """Pagefind's per-page records (gzip, behind a signature), i.e. exactly what it indexed."""
    records = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        records.append(json.loads(data[len(b"pagefind_dcd"):]))
    return records


def _first_quote(project: Path, source: str) -> str:
    text = (project / "briefings" / "extracts" / f"{source}.yml").read_text(encoding="utf-8")
    return re.search(r"quote: (.+)", text).group(1)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    """The Pagefind variant built twice (for determinism) with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("pagefind")
    project = _project(out / "project")
    first = build_site(project, out / "site1")
    second = build_site(project, out / "site2")
    return {"project": project, "first": first, "second": second, "site": out / "site1", "other": out / "site2"}


def test_strict_build_writes_the_pagefind_bundle_and_no_lunr_index(built):
    result, site = built["first"], built["site"]
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert re.search(r"pagefind: indexed \d+ pages, \d+ words", result.stderr), result.stderr
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json", "wasm.en.pagefind"):
        assert (site / "pagefind" / name).is_file(), name
    assert list((site / "pagefind" / "index").glob("*.pf_index"))
    assert not (site / "search" / "search_index.json").exists()
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.is_relative_to(site / "pagefind"))
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    # Every page but the search page itself and 404.html is indexed.
    assert entry["languages"]["en"]["page_count"] == len(pages) - 2


def test_search_page_loads_the_ui_and_every_page_links_to_it(built):
    site = built["site"]
    search = (site / "search.html").read_text(encoding="utf-8")
    assert '<link rel="stylesheet" href="pagefind/pagefind-ui.css">' in search
    assert '<script src="pagefind/pagefind-ui.js"></script>' in search and "new PagefindUI(" in search
    assert 'id="pagefind-search"' in search and "data-pagefind-body" not in search
    topic = (site / "topics" / "deployment.html").read_text(encoding="utf-8")
    assert topic.count('<article class="md-content__inner md-typeset" data-pagefind-body>') == 1
    header = topic[topic.index('<header class="md-header'):topic.index("</header>")]
    assert '<a href="../search.html" class="md-header__button md-icon" title="Search" aria-label="Search">' in header
    assert 'for="__search"' not in header  # Material's own search box is gone, not left half-working
    assert '<a href="search.html" class="md-header__button' in (site / "index.html").read_text(encoding="utf-8")


def test_only_article_content_is_indexed_with_page_titles(built):
    site, project = built["site"], built["project"]
    records = {record["url"]: record for record in _fragments(site)}
    assert "/search.html" not in records and "/404.html" not in records
    assert "/index.html" in records  # file URLs kept, so results also open the right file
    for url, record in records.items():
        page = (site / url.lstrip("/")).read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
        h1 = unescape(re.sub(r"<[^>]+>", "", re.sub(r'<a class="headerlink".*?</a>', "", h1))).strip()
        assert record["meta"]["title"] == h1, url
        # Header, navigation and footer text stays out; so do the permalink pilcrows.
        for chrome in ("Made with", "Material for MkDocs", "Back to top", "Switch to dark mode"):
            assert chrome not in record["content"], (url, chrome)
        assert not re.search(r"¶(?! \d)", record["content"]), url  # paragraph numbers ("¶ 9") are content, pilcrow permalinks not
    source = records["/sources/source-00003.html"]
    assert source["meta"]["title"] == "Headline of article 3"
    assert _first_quote(project, "source-00003").rstrip(".") in source["content"]
    assert not any(word in records["/about.html"]["content"] for word in ("Home", "Topics", "Sources", "People"))


def test_two_builds_give_a_byte_identical_pagefind_bundle(built):
    assert built["second"].returncode == 0, built["second"].stderr
    first, other = built["site"] / "pagefind", built["other"] / "pagefind"
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file())
    assert [n for n in names if (first / n).read_bytes() != (other / n).read_bytes()] == []


def test_keeping_materials_search_plugin_is_a_clear_error(tmp_path):
    project = _project(tmp_path / "project", keep_search=True)
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "`search: pagefind` replaces Material's search: remove `- search` from `plugins:`" in result.stderr


def test_an_indexer_failure_fails_the_build_and_says_what_to_do(tmp_path):
    project = _project(tmp_path / "project")
    # Pagefind's launcher honours this variable; pointing it nowhere is a missing binary.
    result = build_site(project, tmp_path / "site", PAGEFIND_BINARY_PATH=str(tmp_path / "no-pagefind"))
    assert result.returncode != 0
    assert "the Pagefind indexer failed" in result.stderr and "pip install 'pagefind[bin]'" in result.stderr


@contextlib.contextmanager
def served(site: Path):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def directory_site(tmp_path_factory) -> Path:
    """The same variant with use_directory_urls: true (search page at search/, pages as folders)."""
    out = tmp_path_factory.mktemp("pagefind-dirs")
    project = _project(out / "project", directory_urls=True)
    result = build_site(project, out / "site")
    assert result.returncode == 0, result.stderr
    return out / "site"


@pytest.mark.parametrize("layout", ["files", "directories"])
def test_reader_finds_a_quote_and_lands_on_its_source(browser, built, directory_site, layout):  # noqa: F811
    site = built["site"] if layout == "files" else directory_site
    start, search_page, target = {"files": ("topics/deployment.html", "search.html", "sources/source-00003.html"),
                                  "directories": ("topics/deployment/", "search/", "sources/source-00003/")}[layout]
    query = " ".join(_first_quote(built["project"], "source-00003").split()[:6])
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors, outside = [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: outside.append(request.url) if urlsplit(request.url).hostname != "127.0.0.1" else None)
    with served(site) as url:
        page.goto(url + start)
        page.locator('.md-header a[title="Search"]').click()
        page.wait_for_url(url + search_page)
        page.locator(".pagefind-ui__search-input").press_sequentially(query)
        result = page.locator(f'.pagefind-ui__result-title a[href$="/{target}"]')
        result.wait_for(timeout=20000)
        assert result.inner_text() == "Headline of article 3"
        if layout == "files":
            from axe_playwright_python.sync_playwright import Axe

            # The search UI and the header button; the synthetic site's footer is the theme's, audited elsewhere.
            violations = Axe().run(page, context={"include": [["#pagefind-search"], [".md-header"]]}).response["violations"]
            assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
            ARTIFACTS.joinpath("screenshots").mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "screenshots" / "pagefind-search-light.png"))
            page.locator('label[title="Switch to dark mode"]').click()
            page.screenshot(path=str(ARTIFACTS / "screenshots" / "pagefind-search-dark.png"))
        # Pagefind keeps loading result excerpts after the first result shows; leaving mid-fetch logs errors.
        page.wait_for_load_state("networkidle")
        result.click()
        page.wait_for_url(url + target)
        assert page.locator("h1").inner_text().startswith("Headline of article 3")
        # A search can also be linked to: search.html?q=words.
        page.goto(url + search_page + "?q=" + quote(query))
        page.locator(f'.pagefind-ui__result-title a[href$="/{target}"]').wait_for(timeout=20000)
    context.close()
    assert (errors, outside) == ([], [])


def test_opened_from_disk_the_search_page_says_it_needs_a_server(browser, built):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto((built["site"] / "search.html").as_uri())
    assert "Search needs the site to be served over HTTP" in page.locator("#pagefind-search").inner_text()
    context.close()
