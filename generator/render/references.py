"""Curator notes refer to other articles, lines and extracts by their ids; readers get links with names instead.

"Source allegedly-deploys says ..." becomes "Source “North Korea Allegedly Deploys…” says ..." (linked to
the article), "line 7" becomes "paragraph 3" (linked to it), and an extract id becomes the speaker,
outlet and date of that extract (linked to it). Everything else stays the curator's text, escaped.
"""

from __future__ import annotations

import re

from ..routes import paragraph_link, relative, source_page
from ..validate.fields import ID_PATTERN
from .links import extract_link
from .context import RenderContext
from .labels import outlet_label, paragraph_number, extract_label
from .markdown import md_inline, md_link

# An id is lowercase words joined by hyphens; whether a word is one is looked up, not compiled into the pattern
# (an alternation of thousands of ids took seconds to compile on a large briefing).
_LINE_OR_WORD = re.compile(rf"\blines?\s+(?P<line>\d+)\b|(?<![\w-])(?P<id>{ID_PATTERN.pattern})(?![\w-])")
_AT_LINE = re.compile(r"\s+(?:at\s+)?lines?\s+(\d+)\b")


def curated_inline(ctx: RenderContext, text: str, page: str, source_id: str = "", line_start: bool = False) -> str:
    """Curator text as inline Markdown, its references to sources, lines and extracts turned into labelled links.

    `line_start`: the text opens a line (a list item), where "1986." or "- " must not start a list.
    """
    out, cursor = [], 0
    for match in _LINE_OR_WORD.finditer(text):
        if match.start() < cursor:
            continue  # inside a reference already linked ("source-id line 7")
        found = _reference(ctx, text, match, page, source_id)
        if found is None:
            continue
        link, end = found
        out.append(md_inline(text[cursor:match.start()], line_start and cursor == 0))
        out.append(link)
        cursor = end
    out.append(md_inline(text[cursor:], line_start and cursor == 0))
    return "".join(out)


def _reference(ctx: RenderContext, text: str, match: re.Match, page: str, source_id: str) -> tuple[str, int] | None:
    """The link for a reference and where it ends; None for an ordinary word."""
    ref, line = match.group("id"), match.group("line")
    if line:
        return (_line_link(ctx, source_id, int(line), page, ""), match.end()) if source_id else None
    if ref in ctx.dataset.sources:
        label = outlet_label(ctx.dataset.sources[ref])
        at = _AT_LINE.match(text, match.end())
        if at:
            return _line_link(ctx, ref, int(at.group(1)), page, label + ", "), at.end()
        return md_link(label, relative(page, source_page(ref))), match.end()
    if ref in ctx.dataset.extracts:
        extract = ctx.dataset.extracts[ref]
        return extract_link(ctx, extract, page, extract_label(ctx, extract)), match.end()
    return None


def _line_link(ctx: RenderContext, source_id: str, line: int, page: str, prefix: str) -> str:
    number = paragraph_number(ctx, source_id, line)
    text = ctx.paragraph_text.get((source_id, line))
    if number:
        label = f"{prefix}paragraph {number}"
    elif text is not None:
        words = text.split()
        label = prefix + "the line “" + " ".join(words[:6]) + ("…”" if len(words) > 6 else "”")
    else:
        return md_inline(f"{prefix}line {line}")
    return md_link(label, paragraph_link(page, source_id, line))
