"""Topic pages and the topics index."""

from __future__ import annotations

from itertools import groupby

from ...model import Extract, Topic, When
from ...routes import TOPICS_INDEX, day_anchor, relative, topic_page
from ...vocab import STANCE_GROUPS
from ..context import RenderContext
from ..markdown import md_link, md_text, page_heading, page_text, plural
from ..jsonld import quotations
from ..blocks import CURATOR_LABEL, extract_block, extract_link, grouped_links, summary_list
from ..labels import speaker_label


def render_topic(ctx: RenderContext, topic: Topic, part: int = 1) -> str:
    """A topic page: curator summary and related topics first, then the evidence grouped by the day it was said.

    A topic with many extracts is shown on several pages (parts), each with its share of the evidence.
    """
    page = topic_page(topic.id, part)
    everything = ctx.topic_extracts.get(topic.id, [])
    parts = ctx.topic_parts.get(topic.id) or [everything]
    extracts = parts[part - 1]
    paged = len(parts) > 1
    lines = page_heading(topic.title + (f" (part {part} of {len(parts)})" if paged else ""))
    sources = ctx.topic_sources.get(topic.id, 0)
    intro = f"{plural(len(everything), 'extract')} from {plural(sources, 'source')}, in the order they were said or published"
    lines += [intro + (f", on {len(parts)} pages." if paged else "."), "{: .page-intro }", ""]
    if part == 1 and topic.summary:
        lines += ['<div class="curator-summary" markdown>', "",
                  f"**Summary** · *{CURATOR_LABEL}, resting on the extracts linked after each point*", ""]
        lines += summary_list(ctx, topic.summary, page)
        lines += ["", "</div>", ""]
    lines += stance_box(ctx, extracts, page, "on this page" if paged else "")
    if part == 1 and topic.related:
        links = [md_link(ctx.dataset.topics[r].title, relative(page, topic_page(r))) for r in topic.related]
        lines += ["Related topics: " + " · ".join(links), "{: .related-topics }", ""]
    lines += ["## Evidence {#evidence}", ""]
    pager = _pager(ctx, topic, parts, part) if paged else []
    lines += pager
    if not extracts:
        lines += ["No extracts on this topic yet.", ""]
    for when, group in groupby(extracts, key=ctx.said):
        lines += [f"### {md_text(when_heading(when))} {{#{day_anchor(when_slug(when))}}}", ""]
        for extract in group:
            lines += extract_block(ctx, extract, page, anchored=True)
    lines += pager
    script = quotations(ctx, extracts, page)
    if script:
        lines += [script, ""]
    return page_text(lines)


def when_heading(when: When) -> str:
    """A group heading: "18 October 2024", "Before 21 October 2024", "Reported 25 October 2024 (day not stated)"."""
    if when.kind == "reported":
        return f"Reported {when.end.human()} (day not stated)"
    text = when.human()
    return text[0].upper() + text[1:]


def when_slug(when: When) -> str:
    """The anchor part for a time: "2024-10-18", "before-2024-10-21", "2024-10-08--2024-10-13"."""
    return when.iso().replace(" to ", "--").replace(" ", "-")


def _pager(ctx: RenderContext, topic: Topic, parts: list[list[Extract]], current: int) -> list[str]:
    """Links to every page of a topic, each named by the days it covers; the current one is not a link."""
    here = topic_page(topic.id, current)
    items = []
    for number, extracts in enumerate(parts, start=1):
        first, last = ctx.said(extracts[0]).short(), ctx.said(extracts[-1]).short()
        label = f"{number}: {first}" + (f" – {last}" if last != first else "")
        items.append(f"**{md_text(label)}**" if number == current else md_link(label, relative(here, topic_page(topic.id, number))))
    return ["Pages of this topic: " + " · ".join(items), "{: .topic-pager }", ""]


# Above this many extracts in one stance, the box names the most frequent speakers instead of linking
# every extract: a wall of hundreds of numbered links would push the evidence off the first screen.
STANCE_BOX_LINKS = 60
STANCE_BOX_SPEAKERS = 15


def _top_speakers(ctx: RenderContext, group: list[Extract], page: str) -> str:
    by_speaker: dict[str, list[Extract]] = {}
    for extract in group:
        by_speaker.setdefault(speaker_label(ctx, extract), []).append(extract)
    ranked = sorted(by_speaker.items(), key=lambda item: (-len(item[1]), item[0]))
    shown = [f"{extract_link(ctx, extracts[0], page, name)} ({len(extracts)})" for name, extracts in ranked[:STANCE_BOX_SPEAKERS]]
    rest = len(ranked) - len(shown)
    return "; ".join(shown) + (f"; and {plural(rest, 'other speaker')} (all in the evidence below)" if rest else "")


def stance_box(ctx: RenderContext, extracts: list[Extract], page: str, scope: str = "") -> list[str]:
    """Who stated, claimed, could not confirm or denied what on this page, computed from the stances."""
    rows = []
    for label, stances in STANCE_GROUPS:
        group = [e for e in extracts if e.stance in stances]
        if group:
            links = grouped_links(ctx, group, page) if len(group) <= STANCE_BOX_LINKS else _top_speakers(ctx, group, page)
            rows.append(f"- **{label} ({len(group)}):** {links}")
    if not rows:
        return []
    heading = "**How it was said**" + (f" {scope}" if scope else "") + " (computed from the extracts’ stances)"
    return ['<div class="stance-box" markdown>', "", heading, ""] + rows + ["", "</div>", ""]


def render_topics_index(ctx: RenderContext) -> str:
    """All topics with their summaries."""
    page = TOPICS_INDEX
    lines = ["# Topics", "", "Each topic page opens with the curator’s summary and then shows every extract on it.", ""]
    for topic in ctx.topics:
        count = len(ctx.topic_extracts.get(topic.id, []))
        lines += [f"## {md_link(topic.title, relative(page, topic_page(topic.id)))} {{#{topic.id}}}", "",
                  f"{plural(count, 'extract')}.", ""]
        if topic.summary:
            lines += [f"*{CURATOR_LABEL}:*", ""] + summary_list(ctx, topic.summary, page) + [""]
    return page_text(lines)
