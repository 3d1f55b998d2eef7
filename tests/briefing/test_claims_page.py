"""The who-said-what and corroboration pages of the real briefing: claims by their text, one line per statement,
sides in a fixed order, verdicts in words, and no internal names in what readers see."""

from __future__ import annotations

import re
from html import unescape

import pytest

from generator.analysis.claims import claim_statements
from generator.pipeline import check_briefing
from generator.render.context import render_context
from generator.render.pages import claims as claims_page
from tests.support.paths import REPO


@pytest.fixture(scope="module")
def ctx():
    return render_context(check_briefing(REPO / "briefings", REPO / "seeds", REPO), directory_urls=False)


@pytest.fixture(scope="module")
def who(ctx) -> str:
    return claims_page.render_who_said_what(ctx)


def reader_text(markdown: str) -> str:
    """What a reader sees of a page's Markdown: no link targets, anchors, attribute lists or HTML attributes."""
    text = re.sub(r"\{[:#][^}]*\}", "", markdown)
    text = re.sub(r"\]\([^)\s]*\)", "]", text).replace("[", "").replace("]", "")
    return unescape(re.sub(r"<[^>]+>", "", text))


def _section(page: str, claim_id: str) -> str:
    start = page.index(f"{{#{claim_id}}}")
    end = page.find("\n## ", start)
    return page[start:end if end > 0 else len(page)]


def test_claims_are_headed_by_their_text_in_the_curators_order(ctx, who):
    headings = re.findall(r"^## (.+) \{#([a-z0-9-]+)\}$", who, re.MULTILINE)
    assert headings == [("At a glance", "matrix")] + [(c.text, c.id) for c in ctx.analysis.claims]
    assert "Claim 1" not in who and "Curator’s wording" in who


@pytest.mark.parametrize("render", [claims_page.render_who_said_what, claims_page.render_corroboration])
def test_readers_see_no_extract_or_source_ids(ctx, render):
    text = reader_text(render(ctx))
    ids = [*ctx.dataset.extracts, *ctx.dataset.sources, *(s.seed for s in ctx.dataset.sources.values())]
    shown = [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
    assert shown == []
    assert not re.search(r"\bline \d", text)


def test_a_statement_retold_by_several_articles_is_one_line_with_every_retelling_linked(ctx, who):
    statements = claim_statements(ctx.linked)
    for claim in ctx.analysis.claims:
        section = _section(who, claim.id)
        assert len(re.findall(r"^- ", section, re.MULTILINE)) == len(statements[claim.id]), claim.id
        linked = set(re.findall(r"#extract-([a-z0-9-]+)\)", section))
        for position in claim.positions:  # every paragraph quoted is still one click away (named once per statement)
            extract = ctx.dataset.extracts[position.extract]
            same_paragraph = {e.id for e in ctx.dataset.extracts.values() if e.source == extract.source
                              and ctx.citations[e.id].line == ctx.citations[extract.id].line}
            assert linked & same_paragraph, (claim.id, position.extract)
    # The NIS announcement of 18 October, retold in three articles, is one line.
    nis = [line for line in _section(who, "troops-sent-to-russia").splitlines()
           if line.startswith("- [National Intelligence Service]") and "18 Oct 2024" in line]
    assert len(nis) == 1 and "in 3 articles: " in nis[0]


def test_an_undated_statement_stays_apart_from_a_dated_one(who):
    rutte = [reader_text(line) for line in _section(who, "troops-sent-to-russia").splitlines() if line.startswith("- [Mark Rutte]")]
    assert [line.split(" · ")[1] for line in rutte] == ["18 Oct 2024", "day not stated (report of 18 Oct 2024)"]


def test_sides_come_in_a_fixed_order_by_name_with_other_voices_last(who):
    assert "| Claim | NATO | North Korea | Russia | South Korea | Ukraine | United States | Others |" in who
    section = _section(who, "troops-sent-to-russia")
    groups = re.findall(r"^\*\*(.+?)\*\*$", section, re.MULTILINE)
    assert groups == ["NATO", "North Korea", "Russia", "South Korea", "Ukraine", "United States",
                      "Other voices"]
    # A spokesman is heard under his country: Peskov (Kremlin) under Russia.
    russia = section[section.index("**Russia**"):section.index("**South Korea**")]
    assert "[Dmitry Peskov]" in russia and "[Vladimir Putin]" in russia


def test_the_verdict_says_in_words_who_asserts_doubts_and_denies(who):
    verdict = reader_text(_section(who, "troops-sent-to-russia").split("{: .claim-verdict }")[0].splitlines()[-1])
    assert verdict.startswith("Asserted by South Korea (National Intelligence Service, Cho Tae-yong), Ukraine (Volodymyr Zelensky)")
    assert "could not be confirmed by NATO (Mark Rutte) and United States (Pat Ryder)" in verdict
    assert "denied by North Korea, Russia (Sergey Lavrov, Dmitry Peskov, Kremlin)" in verdict
    kursk = reader_text(_section(who, "troops-reached-kursk"))
    assert "Nothing reported from NATO, North Korea, Russia, South Korea or United States." in kursk


def test_the_overview_links_each_cell_to_its_sides_statements_and_stacks_when_sides_are_many(ctx, who, monkeypatch):
    cell = "(#troops-sent-to-russia--side-nato)"
    assert cell in who and '{: .claim-side #troops-sent-to-russia--side-nato }' in who
    assert '<div class="claims-overview" markdown>' in who
    monkeypatch.setattr(claims_page, "OVERVIEW_COLUMNS", 3)
    assert '<div class="claims-overview stacked" markdown>' in claims_page.render_who_said_what(ctx)


def test_corroboration_is_lists_not_wide_tables(ctx):
    page = claims_page.render_corroboration(ctx)
    assert not re.search(r"^\|", page, re.MULTILINE)
    for claim in ctx.analysis.claims:
        assert f"(who-said-what.md#{claim.id})" in page
    events = [e for e in ctx.analysis.timeline if e.kind == "event"]
    assert all(f"(timeline.md#{e.anchor})" in page for e in events)
    assert "Not supporting it: [NATO](entities/nato.md) (cannot confirm)" in page
