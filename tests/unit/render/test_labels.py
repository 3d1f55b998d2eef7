"""Reader labels (render/labels.py): ellipses where a quote is cut, short quotes, paragraph numbers, dates as known."""

from __future__ import annotations

import dataclasses

import pytest

from generator.model import PartialDate, When
from generator.pipeline import check_briefing
from generator.render.context import render_context
from generator.render.labels import (
    cut_marks,
    displayed_quote,
    extract_paragraph,
    short_quote,
    when_label,
)
from tests.support.paths import CORPUS


@pytest.fixture(scope="module")
def ctx():
    corpus = CORPUS
    return render_context(check_briefing(corpus / "briefings", corpus / "seeds", corpus), directory_urls=False)


def test_a_quote_cut_mid_sentence_shows_ellipses_and_only_there(ctx):
    extracts = ctx.dataset.extracts
    # "The ministry denied that the talks had failed" stops before ", and said 40 ships ...".
    assert cut_marks(ctx, extracts["ministry-denies-failure"]) == (False, True)
    # "said 40 ships used the harbour" starts mid-sentence and stops before "; Ana Lee ...".
    assert displayed_quote(ctx, extracts["ministry-40-ships"]) == "…said 40 ships used the harbour…"
    # A whole sentence, and a sentence that ends the paragraph: no marks.
    assert cut_marks(ctx, extracts["northland-no-deal"]) == (False, False)
    assert cut_marks(ctx, extracts["lee-60-ships"]) == (False, False)
    assert ctx.shown_quote(extracts["ministry-40-ships"]) == "said 40 ships used the harbour"  # the quote itself is untouched


def test_a_short_quote_keeps_the_speaker_s_marks_without_doubling_them(ctx):
    lee = ctx.dataset.extracts["lee-not-serious"]
    assert short_quote(ctx, lee, words=3) == "“Southland’s envoy Ana…”"
    quoted = dataclasses.replace(ctx, shown_quotes={**ctx.shown_quotes, lee.id: "“From our intelligence we know,” he said."})
    assert short_quote(quoted, lee, words=3) == "“From our intelligence…"
    assert short_quote(quoted, lee, words=20) == "“From our intelligence we know,” he said."


def test_paragraphs_are_numbered_as_readers_count_them(ctx):
    # alpha: line 1 headline and line 3 dateline are left out, so line 5 is paragraph 1 and line 7 paragraph 2.
    assert extract_paragraph(ctx, ctx.dataset.extracts["northland-no-deal"]) == 1
    assert extract_paragraph(ctx, ctx.dataset.extracts["treaty-1986"]) == 2


def test_an_undated_statement_is_never_given_its_report_s_day():
    assert when_label(When.reported(PartialDate(2024, 10, 25))) == "day not stated (report of 25 Oct 2024)"
    assert when_label(When.on(PartialDate(2024, 10, 18))) == "18 Oct 2024"
