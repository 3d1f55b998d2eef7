"""Quote verification: only whitespace and typographic quotes/dashes are forgiven."""

from __future__ import annotations

from generator.model import Article, SourceParagraph
from generator.text import fold
from generator.verify.quotes import FoldedArticle, closest_passage
from tests.support.verify import find_in_paragraph

PARAGRAPH = SourceParagraph("s", 7, "Kim’s  army — “1.2 million” strong\u00a0today.")


def test_fold_folds_whitespace_quotes_and_dashes():
    assert fold(" a\n\tb’c — “d” ") == "a b'c - \"d\""


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
    hint = closest_passage("Kim's army - \"1.3 million\" strong", [SourceParagraph("s", 1, "Nothing alike here."), PARAGRAPH])
    assert "closest passage, line 7:" in hint
    assert "the quote has «3» where the seed has «2»" in hint


def test_folded_article_finds_each_paragraph_once_and_never_across_paragraphs():
    article = FoldedArticle(Article("s", [SourceParagraph("s", 1, "The NIS said so. The NIS said so."),
                                          SourceParagraph("s", 3, "Other text."), SourceParagraph("s", 5, "The NIS  said so!")]))
    assert [(p.line, span) for p, span in article.find_all("The NIS said so")] == [(1, (0, 15)), (5, (0, 16))]
    assert article.find_all("said so. Other text") == []
    assert article.find_all("") == []
