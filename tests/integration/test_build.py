"""Integration: a real `mkdocs build --strict` of the real briefing, read back as HTML."""

from __future__ import annotations

import hashlib
import json
import re
from html import unescape
from pathlib import Path

import pytest

from generator.pipeline import generate_site
from generator.render.sections import blocks_of
from generator.text import fold
from tests.support.build import build_site
from tests.support.paths import REPO
from tests.support.sitehtml import read_page, resolve, site_path


def _tree_digest(*folders: Path) -> dict[str, str]:
    digest = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    """Build the real site twice (the second time with another build clock) and keep both."""
    out = tmp_path_factory.mktemp("build")
    before = _tree_digest(REPO / "docs", REPO / "briefings", REPO / "seeds")
    first = build_site(REPO, out / "site1")
    second = build_site(REPO, out / "site2", SOURCE_DATE_EPOCH="86400")
    after = _tree_digest(REPO / "docs", REPO / "briefings", REPO / "seeds")
    generated = generate_site(REPO / "briefings", REPO / "seeds", REPO)
    return {"first": first, "second": second, "site": out / "site1", "other": out / "site2",
            "unchanged": before == after, "generated": generated}


def test_strict_build_passes_without_warnings(built):
    result = built["first"]
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert "briefing:" in result.stderr and "quotes verified" in result.stderr


def test_two_builds_are_byte_identical(built):
    assert built["second"].returncode == 0, built["second"].stderr
    first, other = built["site"], built["other"]
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file())
    differing = [n for n in names if (first / n).read_bytes() != (other / n).read_bytes()]
    assert differing == []


def test_build_leaves_the_work_tree_alone(built):
    assert built["unchanged"]
    assert not (REPO / "docs" / "topics").exists()


def test_every_generated_page_is_built(built):
    pages = built["generated"].pages
    assert len(pages) > 20
    missing = [p for p in pages if not site_path(built["site"], p).is_file()]
    assert missing == []
    for path in ("topics/deployment.md", "topics/arms-transfers.md", "topics/reactions.md", "topics/expert-analysis.md"):
        facts = read_page(site_path(built["site"], path))
        assert len(facts.quotes) >= 3, f"{path} has too little content"


def test_every_quote_on_a_topic_page_is_in_its_seed_paragraph(built):
    site = built["site"]
    linked = built["generated"].briefing.linked
    seeds = {s.id: (REPO / "seeds" / s.seed).read_text(encoding="utf-8").splitlines() for s in linked.dataset.sources.values()}
    checked = 0
    for topic in linked.topics:
        page = site_path(site, f"topics/{topic.id}.md")
        for quote, href in read_page(page).quotes:
            target, fragment = resolve(site, page, href)
            source_id = target.parent.name if target.name == "index.html" else target.stem
            line = int(fragment.removeprefix("line-"))
            # A block may join several quotes of one paragraph (" … " between them); "…" marks a cut sentence.
            for part in quote.split(" … "):
                assert fold(part.strip("…")) in fold(seeds[source_id][line - 1]), (quote, href)
                checked += 1
    # Every block was checked: one quote each, or more where a block joins quotes with words between them.
    assert checked >= sum(len(blocks_of(linked, linked.topic_extracts[t.id])) for t in linked.topics)


def test_internal_links_and_anchors_resolve(built):
    site = built["site"]
    facts = {p: read_page(p) for p in site.rglob("*.html")}
    broken = []
    for page, page_facts in facts.items():
        if page.name == "404.html":  # served from any depth, so MkDocs gives it root-absolute links
            continue
        for href in page_facts.hrefs:
            resolved = resolve(site, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            if target.suffix != ".html":
                if not target.exists():
                    broken.append((page, href))
                continue
            if target not in facts or (fragment and fragment not in facts[target].ids):
                broken.append((page.relative_to(site).as_posix(), href))
    assert broken == []


def test_search_index_finds_phrases_and_aliases(built):
    index = json.loads((built["site"] / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "\n".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    assert "13,000 containers" in text
    for alias in ("Zelenskyy", "Zelensky", "Kim Jong-un", "Yoon Suk-yeol"):
        assert alias in text, alias


def test_no_curated_text_becomes_html(built):
    for page in built["site"].rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html


def _page_text(built, path: str) -> str:
    html = site_path(built["site"], path).read_text(encoding="utf-8")
    main = html[html.index('<article'):html.index('</article>')]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_analysis_pages_show_the_real_disagreements(built):
    analysis = built["generated"].briefing.analysis
    discrepancies = unescape(_page_text(built, "discrepancies.md"))
    assert "Same words, two speakers: Mark Rutte or Jens Stoltenberg?" in discrepancies
    # The attribution conflict over the 12,000 figure: the NIS's own estimate, or media reports it could not confirm.
    assert "Whose figure is 12,000 soldiers?" in discrepancies
    assert "National Intelligence Service could not confirm it" in discrepancies
    # Asserted-and-denied is the story's dispute, not a conflict between sources; rounding is no conflict.
    assert "Asserted and denied" not in discrepancies and "1.28 million" not in discrepancies
    figures = unescape(_page_text(built, "figures.md"))
    assert "Whose figure?:" in figures and "around 12,000" in figures
    assert "10,000 by Dec 2024 (target, National Intelligence Service)" in figures  # a target line, not a point
    timeline = site_path(built["site"], "timeline.md").read_text(encoding="utf-8")
    assert timeline.count("<circle") + timeline.count("<rect") >= 20
    events = [e for e in analysis.timeline if e.kind == "event"]
    assert events and all(f'id="{e.anchor}"' in timeline for e in events)
    matrix = read_page(site_path(built["site"], "who-said-what.md"))
    assert len(analysis.claims) >= 5 and len(analysis.actors) >= 5
    assert sum("topics/" in h for h in matrix.hrefs) >= sum(len(c.positions) for c in analysis.claims)
    corroboration = unescape(_page_text(built, "corroboration.md"))
    assert "(single voice)" in corroboration


def test_no_page_dates_an_undated_statement_as_said_on_the_report_day(built):
    reactions = unescape(_page_text(built, "topics/reactions.md"))
    assert re.search(r"Kremlin dismissed \(reported speech\) · CNN · before 24 Oct 2024 · ¶ \d+", reactions)
    assert re.search(r"Dmitry Peskov dismissed · CNN · before 21 Oct 2024 · ¶ \d+", reactions)  # "another hoax"
    assert re.search(r"· day not stated \(report of 25 Oct 2024\) · ¶", reactions)
    matrix = unescape(_page_text(built, "who-said-what.md"))
    assert "before 24 Oct 2024" in matrix and "day not stated (report of 25 Oct 2024)" in matrix
    assert "Dmitry Peskov denies 25 Oct 2024" not in matrix


def test_extracts_are_flagged_and_linked_to_the_analysis(built):
    reactions = site_path(built["site"], "topics/reactions.md").read_text(encoding="utf-8")
    for extract_id in ("stoltenberg-cannot-confirm", "rutte-official-position"):
        start = reactions.index(f'id="extract-{extract_id}"')
        block = reactions[start:reactions.index("</div>", start)]
        assert "Sources disagree:" in block and re.search(r"discrepancies(/|\.html)#attribution-", block), extract_id
    assert re.search(r"timeline(/|\.html)#said-2024-10-18-mark-rutte", block)
    assert "How it was said" in reactions and "Denied or dismissed by" in reactions


def test_map_links_every_named_place_to_its_page(built):
    page = site_path(built["site"], "map.md")
    facts = read_page(page)
    for place in ("pyongyang", "vladivostok", "ussuriysk", "khabarovsk", "kursk-region", "kyiv"):
        assert any(re.search(rf"entities/{place}(/|\.html)$", h) for h in facts.hrefs), place
    html = page.read_text(encoding="utf-8")
    assert html.count('class="place"') >= 15 and 'class="land"' in html


def test_pages_are_self_contained_and_explain_abbreviations(built):
    for path in ("index.md", "topics/deployment.md", "sources/allegedly-deploys.md", "entities/nis.md", "map.md"):
        html = site_path(built["site"], path).read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
        assert [u for u in external if "squidfunk.github.io" not in u] == [], (path, external)
    topic = site_path(built["site"], "topics/deployment.md").read_text(encoding="utf-8")
    assert '<abbr title="National Intelligence Service (South Korea)">NIS</abbr>' in topic


def test_every_page_links_the_feeds_and_the_site_publishes_them_and_the_tables(built):
    site = built["site"]
    for name in ("feed.xml", "feed.json", "data/extracts.csv", "data/figures.csv", "data/events.csv"):
        assert (site / name).stat().st_size > 1000, name
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for kind, name in (("application/atom+xml", "feed.xml"), ("application/feed+json", "feed.json")):
            match = re.search(rf'<link rel="alternate" type="{re.escape(kind)}"[^>]*href="([^"]+)"', text)
            assert match and (page.parent / match.group(1)).resolve() == (site / name).resolve(), (page, kind)
    whats_new = (site / "whats-new.html").read_text(encoding="utf-8")
    assert whats_new.count('id="update-') == 5
