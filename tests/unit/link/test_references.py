"""Curator notes refer to articles, lines and extracts by id; pages show reader labels, linked (render/references.py)."""

from __future__ import annotations

import pytest

from generator.pipeline import check_briefing
from generator.render.context import render_context
from generator.render.references import curated_inline
from tests.support.paths import CORPUS

PAGE = "topics/talks.md"


@pytest.fixture(scope="module")
def ctx():
    corpus = CORPUS
    return render_context(check_briefing(corpus / "briefings", corpus / "seeds", corpus), directory_urls=False)


def test_a_source_id_becomes_its_outlet_linked_to_its_page(ctx):
    assert curated_inline(ctx, "Source alpha says so.", PAGE) == "Source [Fixture Times](../sources/alpha.md) says so."


def test_a_source_and_line_becomes_the_paragraph_number(ctx):
    # alpha line 5 is the article's first paragraph (line 1 is the headline, line 3 a dateline left out).
    assert curated_inline(ctx, "As alpha line 5 says.", PAGE) == "As [Fixture Times, paragraph 1](../sources/alpha.md#line-5) says."


def test_a_bare_line_refers_to_the_note_s_own_article(ctx):
    assert curated_inline(ctx, "Same as line 3.", PAGE, "beta") == "Same as [paragraph 3](../sources/beta.md#line-3)."
    assert curated_inline(ctx, "Same as line 3.", PAGE) == "Same as line 3."  # no article to refer to: left as written


def test_a_line_that_is_not_article_text_is_quoted_not_numbered(ctx):
    text = curated_inline(ctx, "See line 3.", PAGE, "alpha")
    assert text == "See [the line “Dateline: Friday”](../sources/alpha.md#line-3)."


def test_an_extract_id_becomes_speaker_outlet_and_date(ctx):
    assert curated_inline(ctx, "Compare lee-denies-offer.", PAGE) == (
        "Compare [Ana Lee, “Envoy denies offer”, 19 Oct 2024](#extract-lee-denies-offer).")


def test_ordinary_words_and_markup_stay_text(ctx):
    assert curated_inline(ctx, "A mid-October note with <b>tags</b> and [brackets].", PAGE) == (
        "A mid-October note with &#60;b&#62;tags&#60;/b&#62; and &#91;brackets&#93;.")
    assert curated_inline(ctx, "- 1986. alpha", PAGE, line_start=True).startswith("&#45; 1986")
