"""Other engines: ProperDocs builds the same site as MkDocs; `export --build-with zensical` is one command whose search works.

ProperDocs and Zensical live in environments of their own (.ci/run makes them and sets $PROPERDOCS and
$ZENSICAL). Without them these tests skip with the reason; in CI (CI=true) a missing engine fails.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from generator.cli.main import main
from tests.support.browser import served
from tests.support.build import build_site
from tests.support.engines import engine_or_skip
from tests.support.paths import REPO

# The one difference between the engines' pages that we can name: each signs its own name.
GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path):
    properdocs = engine_or_skip("properdocs")
    assert build_site(REPO, tmp_path / "mkdocs").returncode == 0
    result = subprocess.run([properdocs, "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "properdocs")], cwd=REPO,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert "quotes verified" in result.stderr  # the briefing plugin ran under ProperDocs
    ours, theirs = _files(tmp_path / "mkdocs"), _files(tmp_path / "properdocs")
    assert sorted(ours) == sorted(theirs)
    signed = [path for path in ours if GENERATOR_META.search(ours[path])]
    assert len(signed) > 100 and all(b"ProperDocs" in GENERATOR_META.search(theirs[p]).group(0) for p in signed)
    differing = [path for path in ours if GENERATOR_META.sub(b"", ours[path]) != GENERATOR_META.sub(b"", theirs[path])]
    assert differing == []


def test_a_missing_engine_is_named_with_how_to_install_it_and_nothing_is_written(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("ZENSICAL", raising=False)
    assert main(["--root", str(REPO), "export", str(tmp_path / "out"), "--build-with", "zensical"]) == 2
    err = capsys.readouterr().err
    assert "zensical is not installed" in err and "pip install zensical" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_export_build_with_zensical_gives_a_site_whose_search_finds_an_entity_by_alias(tmp_path, browser):
    zensical = engine_or_skip("zensical")
    out = tmp_path / "export"
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(REPO), "export", str(out), "--build-with", "zensical"],
                            env={**os.environ, "ZENSICAL": zensical}, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "built the exported site with zensical" in result.stdout
    entity = (out / "site" / "entities" / "volodymyr-zelensky.html").read_text(encoding="utf-8")
    assert "Zelenskyy" in entity  # the alias is on the page; now a reader must find the page by it
    with served(out / "site") as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.goto(url + "index.html", wait_until="networkidle")  # the search index and its worker loaded
        tab.keyboard.press("/")
        tab.keyboard.type("Zelenskyy")
        # Playwright's locators pierce the shadow DOM Zensical draws its results in.
        result_link = tab.locator("a[href*='entities/volodymyr-zelensky.html']").first
        result_link.wait_for(state="visible", timeout=30000)
        assert "?h=Zelenskyy" in result_link.get_attribute("href")  # a search result, not a nav link
        context.close()
