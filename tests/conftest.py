"""Fixtures shared by every test folder: the fixture corpus (copied, so tests never touch the original), the real
site built and served, a browser; and the markers that let a developer run one kind of test alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM, FLAGS, require_browser, served, skip_or_fail
from tests.support.build import build_site
from tests.support.paths import CORPUS, REPO, TESTS

# The folder a test lives in says what kind of test it is (README, "Tests").
MARKERS = {"unit": "fast tests of one stage, on small inputs", "scenarios": "bad data and the messages it gets",
           "golden": "generated pages of the fixture corpus", "integration": "real builds and commands in processes",
           "browser": "the built site in Chromium", "briefing": "the real briefing's data and site",
           "project": "the code's own layout rules"}


def pytest_configure(config) -> None:
    for name, meaning in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {meaning}")


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        folder = Path(item.fspath).resolve().relative_to(TESTS).parts[0]
        if folder in MARKERS:
            item.add_marker(getattr(pytest.mark, folder))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the small fixture corpus (briefings/, seeds/, docs/, mkdocs.yml)."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test module."""
    site = tmp_path_factory.mktemp("browser") / "site"
    result = build_site(REPO, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def site_url(built_site):
    """The built site served on 127.0.0.1."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's where installed, else Playwright's)."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        if CHROMIUM is None and not Path(playwright.chromium.executable_path).exists():
            skip_or_fail("no Chromium: apt-get install chromium, or python -m playwright install --with-deps chromium")
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A desktop-sized browser tab."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
