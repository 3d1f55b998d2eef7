"""A BriefingDiff as GitHub-flavoured Markdown for a pull-request comment; curated text is always escaped."""

from __future__ import annotations

import html
import re

from .model import BriefingDiff, ExtractChange, ExtractView, FigureChange, RecordChange
from ...render.markdown import md_inline, md_text

NONE = "(none)"
ZWSP = "\u200b"
# What GitHub turns into live links when a comment is shown: @mentions (which notify people),
# :emoji: codes, bare addresses and issue references. A zero-width space after the trigger
# character leaves the text as readers see it and makes it inert.
_LIVE = re.compile(r"@(?=[A-Za-z0-9])|:(?=[a-z0-9_+-]+:)|(?<=[A-Za-z])(?=://)|(?i:\bwww)(?=\.)|(?:(?<!&)#|&#35;)(?=[0-9])|(?i:\bgh-)(?=[0-9])")


def neutralise(text: str) -> str:
    """Curated text that can ping nobody, show no emoji and link nowhere by itself once GitHub renders it.

    Applied to the text before it is escaped: GitHub decodes character references before it
    looks for mentions, so an escaped `&#64;` would still ping.
    """
    return _LIVE.sub(lambda m: m.group(0) + ZWSP, text)


def _text(text: str) -> str:
    """Curated text for the comment: inert, then escaped (safe at the start of a line)."""
    return md_text(neutralise(text))


def _inline(text: str) -> str:
    """Curated text continuing a line: inert, then escaped."""
    return md_inline(neutralise(text))


def code(text: str) -> str:
    """Inline code for ids and paths; falls back to escaped text when a backtick would break the span."""
    return f"`{text}`" if text and "`" not in text and "\n" not in text else _inline(text)


def _count(items: list, label: str) -> str:
    return f"{len(items)} {label}" if items else ""


def _summary(diff: BriefingDiff) -> str:
    def status(items: list, name: str) -> list:
        return [i for i in items if i.status == name]

    groups = [
        ("Extracts", [_count(diff.extracts_added, "added"), _count(diff.extracts_removed, "removed"),
                      _count(diff.extracts_changed, "changed")]),
        ("Figures", [_count(status(diff.figures, s), s) for s in ("added", "removed", "changed")]),
        ("Discrepancies", [_count(status(diff.discrepancies, s), s) for s in ("new", "resolved", "changed")]),
        ("Other data", [_count(status(diff.records, s), s) for s in ("added", "removed", "changed")]),
        ("Warnings", [_count(diff.warnings_new, "new"), _count(diff.warnings_resolved, "resolved")]),
        ("Pages", [_count(diff.pages, "affected")]),
    ]
    return " · ".join(f"**{name}:** {', '.join(p for p in parts if p)}" for name, parts in groups if any(parts))


def _quote(text: str, indent: str) -> list[str]:
    return ["", f"{indent}> {_text(text)}", ""]


def _who(view: ExtractView) -> str:
    speaker = _inline(view.speaker) if view.speaker else "the article itself"
    stance = f", {_inline(view.stance)}" if view.stance else ""
    return f"{speaker}{stance}"


def _extract(view: ExtractView) -> list[str]:
    topics = f"; topics: {_inline(view.values['topics'])}" if view.values["topics"] else ""
    head = f"- **{code(view.id)}**: {_who(view)}, in *{_inline(view.source_title)}* ({code(view.source)}){topics}"
    return [head, *_quote(view.quote, "  ")]


def _extract_change(change: ExtractChange) -> list[str]:
    old, new = change.old, change.new
    lines = [f"- **{code(new.id)}**: {_who(new)}; changed: {', '.join(change.fields)}"]
    for field in change.fields:
        if field == "quote":
            lines += ["  - **quote** before:", *_quote(old.quote, "    "), "    after:", *_quote(new.quote, "    ")]
        elif field == "figures":
            lines.append("  - **figures**: see Figures below")
        else:
            before, after = old.values[field] or NONE, new.values[field] or NONE
            lines.append(f"  - **{field}**: {_inline(before)} → {_inline(after)}")
    return lines


def _figure(change: FigureChange) -> str:
    where = f"{code(change.extract)} “{_inline(change.text)}”"
    if change.status != "changed":
        return f"- {change.status}: {where}: {_inline(change.summary)}"
    fields = "; ".join(f"{c.field} {_inline(c.old or NONE)} → {_inline(c.new or NONE)}" for c in change.changes)
    return f"- changed: {where}: {fields}"


def _record(change: RecordChange) -> str:
    what = f"{change.kind.capitalize()} {code(change.id)} ({_inline(change.label)})"
    fields = f": {', '.join(change.fields)}" if change.fields else ""
    return f"- {what} {change.status}{fields}"


FOLD_AFTER = 10  # longer lists are folded so the comment stays readable


def _section(title: str, body: list[str]) -> list[str]:
    return [f"### {title}", "", *body, ""] if body else []


def _folded(items: list[str], noun: str) -> list[str]:
    if len(items) <= FOLD_AFTER:
        return items
    # GitHub renders <details> as a collapsed block; Markdown inside needs the blank lines.
    return [f"<details><summary>{len(items)} {noun}</summary>", "", *items, "", "</details>"]


def render_diff_markdown(diff: BriefingDiff, rev: str) -> str:
    """The whole comment: title, one-line summary, then only the sections that have content."""
    if diff.is_empty():
        return f"No changes to the briefing since {code(rev)}.\n"
    lines = [f"## Briefing changes since {code(rev)}", "", _summary(diff), ""]
    lines += _section(f"Extracts added ({len(diff.extracts_added)})",
                      [line for view in diff.extracts_added for line in _extract(view)])
    lines += _section(f"Extracts removed ({len(diff.extracts_removed)})",
                      [line for view in diff.extracts_removed for line in _extract(view)])
    lines += _section(f"Extracts changed ({len(diff.extracts_changed)})",
                      [line for change in diff.extracts_changed for line in _extract_change(change)])
    figures: list[str] = []
    for quantity in dict.fromkeys(c.quantity for c in diff.figures):
        figures += [f"**{_inline(quantity)}**", ""]
        figures += [_figure(c) for c in diff.figures if c.quantity == quantity] + [""]
    lines += _section(f"Figures ({len(diff.figures)})", figures[:-1])
    discrepancies = []
    for change in diff.discrepancies:
        discrepancies.append(f"- **{change.status.capitalize()}:** {_inline(change.title)} ({code(change.anchor)})")
        discrepancies += [f"  - {_text(detail)}" for detail in change.details]
    lines += _section("Discrepancies", discrepancies)
    lines += _section("Other data", [_record(c) for c in diff.records])
    lines += _section("Warnings", _folded([f"- New: {_inline(w)}" for w in diff.warnings_new]
                                          + [f"- Resolved: {_inline(w)}" for w in diff.warnings_resolved], "warnings"))
    lines += _section(f"Pages affected ({len(diff.pages)})", _folded(
        [f"- {code(p.url)}{' — ' + _inline(html.unescape(p.title)) if p.title else ''} ({p.status})" for p in diff.pages], "pages"))
    # Blank lines around blockquotes can double up where sections meet; collapse them.
    text = "\n".join(lines).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text + "\n"
