"""Curated text must come out of Markdown exactly as written, never as markup."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from generator.render.markdown import md_inline, md_link, md_text
from generator.routes import relative

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc", "abbr", "pymdownx.snippets"]
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "1986. The year",
    "2) second",
    "# not a heading",
    "## neither",
    "!!! note \"Title\"",
    "- not a list",
    "+ nor this",
    "* nor this",
    "> not a quote",
    "---",
    "=== tab",
    "{{ macro }} and {% tag %}",
    "--8<-- \"file.md\"",
    "<!-- comment -->",
    "stray ` backtick and `code`",
    "*emphasis* _under_ **strong** ~~strike~~ ==mark== ^sup^",
    "[link](http://example.com) ![image](x.png) <https://example.com>",
    "a & b &amp; c &#42; d",
    "Title {: #id .cls }",
    "*[NIS]: National Intelligence Service",
    "| a | b |",
    "back\\slash\\*",
]


def _shown(markdown_text: str) -> tuple[str, str]:
    rendered = markdown.markdown(markdown_text, extensions=EXTENSIONS)
    return rendered, html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_text_is_shown_literally(text):
    for wrapper in ("{}", "> {}", "- {}", "Intro {}"):
        rendered, shown = _shown(wrapper.format(md_text(text)))
        assert text in shown, (wrapper, rendered)
        assert "<script" not in rendered and "<img" not in rendered and "<h" not in rendered
        assert "<code" not in rendered and "<em" not in rendered and "<a " not in rendered


def test_inline_fragments_keep_their_edge_spaces():
    assert md_inline(" said the *NIS* ") == " said the &#42;NIS&#42; "


def test_link_label_is_escaped():
    rendered, shown = _shown(md_link("A *bold* <b> name", "../entities/x.md"))
    assert shown == "A *bold* <b> name" and 'href="../entities/x.md"' in rendered


def test_relative_paths_between_pages():
    assert relative("topics/a.md", "entities/b.md") == "../entities/b.md"
    assert relative("index.md", "topics/a.md") == "topics/a.md"
    assert relative("topics/a.md", "topics/b.md") == "b.md"


def test_page_text_is_the_joined_lines_trimmed_with_one_final_newline():
    from generator.render.markdown import page_text

    for lines in ([], [""], ["# T", "", "text  ", "", ""], ["a", "b"], ["a", " ", "\t", ""], ["  x  "]):
        assert page_text(lines) == "\n".join(lines).rstrip() + "\n", lines


def test_relative_path_agrees_with_posixpath_relpath():
    import itertools
    import posixpath

    from generator.routes import relative_path

    paths = ["", ".", "a", "a/b", "a/b/c", "sources/x.html", "sources", "topics/a", "topics/index.html", "index.html"]
    for target, folder in itertools.product(paths, paths):
        assert relative_path(target, folder) == posixpath.relpath(target or ".", folder or "."), (target, folder)
