"""Quote verification: only whitespace and typographic quotes/dashes are forgiven."""

from __future__ import annotations

from generator.model import Article, SourceParagraph
from generator.provenance import closest_passage, find_in_paragraph, normalise

PARAGRAPH = SourceParagraph("s", 7, "Kim’s  army — “1.2 million” strong\u00a0today.")


def test_normalise_folds_whitespace_quotes_and_dashes():
    text, origin = normalise(" a\n\tb’c — “d” ")
    assert text == "a b'c - \"d\""
    assert len(origin) == len(text)


def test_quote_with_straight_quotes_and_single_spaces_is_found():
    span = find_in_paragraph("Kim's army - \"1.2 million\" strong today.", PARAGRAPH)
    assert span is not None
    assert PARAGRAPH.text[span[0]:span[1]] == "Kim’s  army — “1.2 million” strong\u00a0today."


def test_span_points_at_the_seed_characters():
    span = find_in_paragraph("army", PARAGRAPH)
    assert span == (7, 11)


def test_other_differences_are_not_forgiven():
    for wrong in ("Kims army", "kim’s army", "1,2 million", "Kim’s army — “1.2 million” strong today!", "Kim’s army... "):
        assert find_in_paragraph(wrong, PARAGRAPH) is None, wrong


def test_closest_passage_names_line_and_first_difference():
    article = Article("s", [SourceParagraph("s", 1, "Nothing alike here."), PARAGRAPH])
    hint = closest_passage("Kim's army - \"1.3 million\" strong", article)
    assert "closest passage, line 7:" in hint
    assert "the quote has «3» where the seed has «2»" in hint
