"""Property-based tests: escaping never loses or adds text; normalisation never invents a match."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import SourceParagraph
from generator.render.markdown import md_text
from generator.text import EQUIVALENT_MARKS as _EQUIVALENT
from generator.text import fold
from tests.support.verify import find_in_paragraph

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc", "abbr", "pymdownx.snippets"]
# Any printable text, including markup-looking characters, but not control characters or surrogates.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80)
MARKUP = st.text(alphabet="<>&*_`#![](){}|~^=:-+.1 \\aB9é\"'’“—", min_size=1, max_size=60)


def _shown(markdown_text: str) -> str:
    rendered = markdown.markdown(markdown_text, extensions=EXTENSIONS)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXT, MARKUP))
def test_any_text_comes_out_of_markdown_exactly(text):
    expected = " ".join(text.split())
    if not expected:
        return
    for wrapper in ("{}", "> {}", "- {}"):
        assert _shown(wrapper.format(md_text(text))) == expected


FORGIVEN = set(_EQUIVALENT) | set("'\"-")


def _strip(text: str) -> str:
    """The characters normalisation must leave alone."""
    return "".join(c for c in text if not c.isspace() and c not in FORGIVEN)


def _folded_equal(a: str, b: str) -> bool:
    return fold(a) == fold(b)


@settings(max_examples=300, deadline=None)
@given(MARKUP, MARKUP, MARKUP)
def test_a_found_quote_is_the_seed_text_up_to_whitespace_quotes_and_dashes(before, quote, after):
    paragraph = SourceParagraph("s", 1, before + quote + after)
    span = find_in_paragraph(quote, paragraph)
    if not fold(quote):
        assert span is None
        return
    assert span is not None
    seed_text = paragraph.text[span[0]:span[1]]
    assert _folded_equal(seed_text, quote)
    # Outside the forgiven characters, the seed text and the quote are the same characters.
    assert _strip(seed_text) == _strip(quote)


@settings(max_examples=300, deadline=None)
@given(MARKUP, st.sampled_from("abcXYZ019.,;!?*#<"), st.integers(min_value=0, max_value=59))
def test_changing_a_real_character_breaks_the_match(text, replacement, position):
    if position >= len(text) or text[position].isspace() or text[position] in FORGIVEN:
        return
    if text[position] == replacement:
        return
    altered = text[:position] + replacement + text[position + 1:]
    paragraph = SourceParagraph("s", 1, text)
    # The altered quote may still occur elsewhere in the text by chance; it must never match *as* the changed span.
    span = find_in_paragraph(altered, paragraph)
    if span is not None:
        found = paragraph.text[span[0]:span[1]]
        # Checked with plain characters, not with the verifier's own folding: a verifier that also
        # forgave case (or anything else) would fold both sides alike and pass a folded comparison.
        assert _strip(found) == _strip(altered), (found, altered)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghij KLMNOP", min_size=3, max_size=40))
def test_a_quote_in_other_letter_case_is_not_found(text):
    if text.swapcase() == text or not text.strip():
        return
    paragraph = SourceParagraph("s", 1, text)
    span = find_in_paragraph(text.swapcase(), paragraph)
    assert span is None or _strip(paragraph.text[span[0]:span[1]]) == _strip(text.swapcase())
