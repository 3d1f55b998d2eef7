"""Topic pages: evidence grouped by the question it answers, one block per statement, long topics paged, every link found."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import routes
from generator.errors import Location
from generator.model import Extract, PartialDate, When
from generator.pipeline import check_briefing
from generator.render.context import render_context
from generator.render.sections import (
    Block,
    Section,
    blocks_of,
    split_sections,
    topic_sections,
)


def _extract(number: int) -> Extract:
    return Extract(f"x{number}", "s", "q", ("t",), "", "", When.on(PartialDate(2024, 10, 1)), (), "", (), "", 0, Location("x"), ())


def _section(name: str, sizes: list[int], start: int) -> Section:
    blocks, n = [], start
    for size in sizes:
        blocks.append(Block(tuple(_extract(n + i) for i in range(size))))
        n += size
    return Section(name, name, "other", "", tuple(blocks))


def test_pages_keep_order_never_overfill_and_continue_a_long_section():
    sections = (_section("a", [1, 2], 0), _section("b", [1, 1, 1, 1, 1], 3), _section("c", [2], 8))
    pages = split_sections(sections, 4)
    shown = [e.id for page in pages for section in page for e in section.extracts()]
    assert shown == [e.id for s in sections for e in s.extracts()]  # nothing lost, nothing reordered
    assert [sum(len(s.extracts()) for s in page) for page in pages] == [4, 4, 2]
    assert [[s.anchor for s in page] for page in pages] == [["a", "b"], ["b"], ["c"]]
    assert split_sections(sections, 100) == (sections,)
    assert split_sections((), 4) == ((),)


def _ctx(corpus: Path, directory_urls: bool = False):
    return render_context(check_briefing(corpus / "briefings", corpus / "seeds", corpus), directory_urls)


def test_one_paragraph_one_speaker_one_time_is_one_block(corpus: Path):
    ctx = _ctx(corpus)
    blocks = {tuple(e.id for e in b.extracts) for b in blocks_of(ctx.linked, ctx.topic_extracts["talks"])}
    # Same paragraph (beta line 3), same speaker, same day: shown together, in paragraph order.
    assert ("ministry-denies-failure", "ministry-40-ships") in blocks
    # Same paragraph, another speaker: apart.
    assert ("lee-60-ships",) in blocks
    # Same speaker, other paragraphs: apart.
    assert ("lee-not-serious",) in blocks and ("lee-denies-offer",) in blocks


def test_a_block_shows_its_quotes_together_with_every_anchor_and_stance(corpus: Path):
    ctx = _ctx(corpus)
    from generator.render.pages.topics import render_topic

    text = render_topic(ctx, ctx.dataset.topics["talks"])
    block = text[text.index('id="extract-ministry-denies-failure"'):]
    block = block[:block.index("</div>")]
    assert '<span id="extract-ministry-40-ships"></span>' in block
    assert "> The ministry denied that the talks had failed … said 40 ships used the harbour…" in block
    assert "denied and stated" in block


def test_sections_follow_claims_then_quantities_then_the_rest(corpus: Path):
    ctx = _ctx(corpus)
    sections = topic_sections(ctx.linked, ctx.analysis, "talks")
    assert [s.kind for s in sections] == ["claim", "quantity", "other"]
    assert sections[0].subject == "talks-failed" and sections[1].subject == "ships"
    claim_extracts = {e.id for e in sections[0].extracts()}
    assert {"northland-no-deal", "ministry-denies-failure", "ministry-cannot-confirm"} <= claim_extracts
    assert [e.id for e in sections[1].extracts()] == ["lee-60-ships"]
    others = sections[2].extracts()
    assert [ctx.said(e).sort_key() for e in others] == sorted(ctx.said(e).sort_key() for e in others)


def test_the_extracts_the_briefing_leans_on_come_first(corpus: Path):
    ctx = _ctx(corpus)
    linked = dataclasses.replace(ctx.linked, weights=dict(ctx.linked.weights, **{"ministry-cannot-confirm": 99}))
    first = topic_sections(linked, ctx.analysis, "talks")[0].blocks[0]
    assert first.first.id == "ministry-cannot-confirm"


def test_a_long_topic_is_paged_and_every_link_resolves(monkeypatch, corpus: Path, tmp_path: Path):
    monkeypatch.setattr(routes, "TOPIC_PAGE_EXTRACTS", 2)
    ctx = _ctx(corpus, directory_urls=True)
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


def test_how_it_was_said_names_speakers_in_words_and_counts_the_rest(monkeypatch, corpus: Path):
    from generator.render.pages import topics

    ctx = _ctx(corpus)
    topic = ctx.dataset.topics["talks"]
    box = topics.render_topic(ctx, topic).split("</div>")[1]
    assert "**Denied or dismissed by** [Ana Lee](#extract-" in box
    monkeypatch.setattr(topics, "STANCE_BOX_NAMES", 1)
    short = topics.render_topic(ctx, topic).split("</div>")[1]
    assert re.search(r"\*\*Stated or confirmed by\*\* \[[^\]]+\]\(#extract-[a-z0-9-]+\) and 1 other \(\d+ extracts\)", short), short
