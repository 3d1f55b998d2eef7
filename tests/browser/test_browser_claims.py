"""Who said what and corroboration in a real browser, on a desk and on a phone: nothing wider than the screen,
no internal ids in what readers see, every claim headed by its text."""

from __future__ import annotations

import pytest

from generator.pipeline import check_briefing
from tests.support.browser import PAGE_TYPES
from tests.support.paths import REPO

VIEWPORTS = {"desk": (1366, 768), "phone": (390, 844)}
PAGES = ("who-said-what", "corroboration")

# Every element of the article that reaches past the content column's right edge (Material lets tables bleed into
# the column's margin; a table cut off inside its scroll box counts, though the page itself does not scroll).
OVERFLOWING = """() => {
    const article = document.querySelector('article.md-content__inner');
    const right = document.querySelector('.md-content').getBoundingClientRect().right + 1;
    return [...article.querySelectorAll('*')]
        .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > right; })
        .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40));
}"""
# Headings as readers see them (without the hidden permalink sign).
HEADINGS = """() => [...document.querySelectorAll('article h2')]
    .filter(h => h.getBoundingClientRect().height > 0)
    .map(h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))
    .map(n => n.textContent).join('').trim())"""


@pytest.fixture(scope="module")
def dataset():
    return check_briefing(REPO / "briefings", REPO / "seeds", REPO).linked.dataset


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def viewport_page(request, browser):  # noqa: F811
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_nothing_is_wider_than_the_screen(viewport_page, site_url, name):  # noqa: F811
    viewport_page.goto(site_url + PAGE_TYPES[name], wait_until="networkidle")
    width = viewport_page.evaluate("window.innerWidth")
    assert viewport_page.evaluate("document.documentElement.scrollWidth") <= width
    assert viewport_page.evaluate(OVERFLOWING) == []


OVERVIEW = """() => {
    const table = document.querySelector('.claims-overview table');
    const rows = [...table.querySelectorAll('tbody tr')];
    return {
        header: getComputedStyle(table.querySelector('thead')).display !== 'none',
        oneLine: rows.every(r => new Set([...r.cells].map(c => Math.round(c.getBoundingClientRect().top))).size === 1),
        claimWidth: Math.min(...rows.map(r => r.cells[0].getBoundingClientRect().width)) / table.getBoundingClientRect().width,
        text: table.innerText,
    };
}"""


def test_the_overview_is_columns_on_a_desk_and_stacks_with_side_names_on_a_phone(viewport_page, site_url):  # noqa: F811
    viewport_page.goto(site_url + PAGE_TYPES["who-said-what"], wait_until="networkidle")
    overview = viewport_page.evaluate(OVERVIEW)
    if viewport_page.viewport_size["width"] > 720:
        assert overview["header"] and overview["oneLine"] and "NATO:" not in overview["text"]
    else:  # each claim across the screen, then "NATO: ? cannot confirm" and so on, side by side as they fit
        assert not overview["header"] and not overview["oneLine"] and overview["claimWidth"] > 0.9
        assert "NATO: ? cannot confirm" in overview["text"]


@pytest.mark.parametrize("name", PAGES)
def test_no_extract_or_source_id_in_visible_text(viewport_page, site_url, dataset, name):  # noqa: F811
    viewport_page.goto(site_url + PAGE_TYPES[name], wait_until="networkidle")
    text = viewport_page.evaluate("document.querySelector('article').innerText")
    ids = [*dataset.extracts, *dataset.sources, *(s.seed for s in dataset.sources.values())]
    assert [i for i in ids if i in text] == []


def test_every_claim_is_a_visible_heading_in_its_own_words(viewport_page, site_url, dataset):  # noqa: F811
    viewport_page.goto(site_url + PAGE_TYPES["who-said-what"], wait_until="networkidle")
    headings = viewport_page.evaluate(HEADINGS)
    claims = sorted(dataset.claims.values(), key=lambda c: (c.order, c.id))
    assert [h for h in headings if h != "At a glance"] == [" ".join(c.text.split()) for c in claims]


def test_every_in_page_link_has_its_target(viewport_page, site_url):  # noqa: F811
    viewport_page.goto(site_url + PAGE_TYPES["who-said-what"], wait_until="networkidle")
    missing = viewport_page.evaluate("""() => [...document.querySelectorAll('article a[href^="#"]')]
        .map(a => decodeURIComponent(a.getAttribute('href').slice(1))).filter(id => !document.getElementById(id))""")
    assert missing == []


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations_at_either_width(viewport_page, site_url, name):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    viewport_page.goto(site_url + PAGE_TYPES[name], wait_until="networkidle")
    violations = Axe().run(viewport_page).response["violations"]
    assert [(v["id"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")] == []
