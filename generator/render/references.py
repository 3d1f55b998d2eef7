"""Curator notes refer to other articles, lines and extracts by their ids; readers get links with names instead.

"Source allegedly-deploys says ..." becomes "Source “North Korea Allegedly Deploys…” says ..." (linked to
the article), "line 7" becomes "paragraph 3" (linked to it), and an extract id becomes the speaker,
outlet and date of that extract (linked to it). Everything else stays the curator's text, escaped.
"""

from __future__ import annotations

import re

from ..routes import paragraph_link, relative, source_page
from .links import extract_link
from .context import RenderContext
from .labels import outlet_label, paragraph_number, extract_label
from .markdown import md_inline, md_link

_LINES = r"(?:\s+(?:at\s+)?lines?\s+(?P<at>\d+))?"
_LINE = re.compile(r"\blines?\s+(?P<line>\d+)\b")


def _pattern(ctx: RenderContext) -> re.Pattern[str]:
    pattern = ctx.memo.get("references")
    if pattern is None:
        ids = sorted(set(ctx.dataset.sources) | set(ctx.dataset.extracts), key=lambda i: (-len(i), i))
        names = "|".join(re.escape(i) for i in ids) or "(?!)"
        pattern = ctx.memo["references"] = re.compile(rf"(?<![\w-])(?P<id>{names})(?![\w-]){_LINES}|{_LINE.pattern}")
    return pattern


def curated_inline(ctx: RenderContext, text: str, page: str, source_id: str = "", line_start: bool = False) -> str:
    """Curator text as inline Markdown, its references to sources, lines and extracts turned into labelled links.

    `line_start`: the text opens a line (a list item), where "1986." or "- " must not start a list.
    """
    out, cursor = [], 0
    for match in _pattern(ctx).finditer(text):
        link = _reference(ctx, match, page, source_id)
        if link is None:
            continue
        out.append(md_inline(text[cursor:match.start()], line_start and cursor == 0))
        out.append(link)
        cursor = match.end()
    out.append(md_inline(text[cursor:], line_start and cursor == 0))
    return "".join(out)


def _reference(ctx: RenderContext, match: re.Match, page: str, source_id: str) -> str | None:
    ref, line = match.group("id"), match.group("at") or match.group("line")
    if ref in ctx.dataset.extracts and ref not in ctx.dataset.sources:
        extract = ctx.dataset.extracts[ref]
        return extract_link(ctx, extract, page, extract_label(ctx, extract))
    if ref:
        label = outlet_label(ctx.dataset.sources[ref])
        if line:
            return _line_link(ctx, ref, int(line), page, label + ", ")
        return md_link(label, relative(page, source_page(ref)))
    if not source_id:
        return None
    return _line_link(ctx, source_id, int(line), page, "")


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
