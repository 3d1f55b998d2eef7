"""Topics with many extracts are shown on several pages, and every link still finds its extract."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import routes
from generator.errors import Location
from generator.routes import split_into_parts
from generator.model import Extract, PartialDate
from generator.pipeline import check_briefing


def _extract(number: int, day: int) -> Extract:
    return Extract(f"x{number}", "s", "q", ("t",), "", "", PartialDate(2024, 10, day), (), "", (), "", 0, Location("x"), ())


def test_parts_are_cut_between_days_and_never_overfull():
    days = [1, 1, 2, 2, 2, 3, 4, 4, 4, 4, 4, 4, 4, 5]
    extracts = [_extract(n, d) for n, d in enumerate(days)]
    parts = split_into_parts(extracts, lambda e: e.said_on, 4)
    assert [e for part in parts for e in part] == extracts  # nothing lost, nothing reordered
    assert all(0 < len(part) <= 4 for part in parts)
    assert [[e.said_on.day for e in part] for part in parts] == [[1, 1], [2, 2, 2, 3], [4, 4, 4, 4], [4, 4, 4, 5]]
    assert split_into_parts(extracts, lambda e: e.said_on, 100) == [extracts]
    assert split_into_parts([], lambda e: e.said_on, 4) == [[]]


def test_a_long_topic_is_paged_and_every_link_resolves(monkeypatch, corpus: Path, tmp_path: Path):
    monkeypatch.setattr(routes, "TOPIC_PAGE_EXTRACTS", 2)
    from generator.render.context import render_context

    ctx = render_context(check_briefing(corpus / "briefings", corpus / "seeds", corpus), directory_urls=True)
    paged = {t: extracts for t, extracts in ctx.topic_extracts.items() if len(extracts) > 2}
    assert paged, "the fixture corpus needs a topic with more than two extracts"
    site = tmp_path / "site"
    # A strict build with anchor validation (the fixture's mkdocs.yml) fails on any broken link or anchor.
    build(load_config(str(corpus / "mkdocs.yml"), site_dir=str(site), strict=True))
    for topic_id, extracts in paged.items():
        parts = sorted((site / "topics").glob(f"{topic_id}--part-*/index.html"), key=lambda p: int(p.parent.name.rsplit("-", 1)[1]))
        pages = [site / "topics" / topic_id / "index.html"] + parts
        html = {page: page.read_text(encoding="utf-8") for page in pages}
        assert len(pages) == len(ctx.topic_parts[topic_id]) > 1
        for extract in extracts:  # each extract shown on exactly one page of its topic
            anchor = f'id="extract-{extract.id}"'
            assert sum(text.count(anchor) for text in html.values()) == 1, extract.id
        for number, text in enumerate(html.values(), start=1):
            assert "Pages of this topic:" in text and f"(part {number} of {len(pages)})" in text
    home = (site / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'class="md-nav__link[^"]*"[^>]*href="[^"]*--part-2', home), "later parts must stay out of the nav"


def test_a_crowded_stance_names_its_most_frequent_speakers_instead_of_every_extract(monkeypatch, corpus: Path):
    from generator.render.pages import topics

    from generator.render.context import render_context

    ctx = render_context(check_briefing(corpus / "briefings", corpus / "seeds", corpus), directory_urls=False)
    topic = max(ctx.topics, key=lambda t: len(ctx.topic_extracts[t.id]))
    full = topics.render_topic(ctx, topic)
    monkeypatch.setattr(topics, "STANCE_BOX_LINKS", 1)
    monkeypatch.setattr(topics, "STANCE_BOX_SPEAKERS", 1)
    short = topics.render_topic(ctx, topic)
    box = short.split("## Evidence")[0]
    assert re.search(r"\*\*Stated or confirmed \(\d+\):\*\* \[[^\]]+\]\(#extract-[a-z0-9-]+\) \(\d+\); and \d+ other speakers? "
                     r"\(all in the evidence below\)", box), box
    assert box.count("#extract-") < full.split("## Evidence")[0].count("#extract-")
    assert short.split("## Evidence")[1] == full.split("## Evidence")[1]  # the evidence itself is untouched
