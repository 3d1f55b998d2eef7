"""Topic pages and the topics index."""

from __future__ import annotations

from itertools import groupby

from ..link import LinkedBriefing, topic_page
from ..markdown_text import md_link, md_text, plural, relative
from ..model import Extract, Topic
from .structured import quotations
from .common import CURATOR_LABEL, extract_block, grouped_links, summary_list


def render_topic(linked: LinkedBriefing, topic: Topic) -> str:
    """A topic: curator summary, related topics, then the evidence grouped by the day it was said."""
    page = topic_page(topic.id)
    extracts = linked.topic_extracts.get(topic.id, [])
    sources = {e.source for e in extracts}
    lines = [f"# {md_text(topic.title)}", ""]
    lines += [f"{plural(len(extracts), 'extract')} from {plural(len(sources), 'source')}, in the order they were said or published.",
              "{: .page-intro }", ""]
    if topic.summary:
        lines += ['<div class="curator-summary" markdown>', "",
                  f"**Summary** · *{CURATOR_LABEL}, resting on the extracts linked after each point*", ""]
        lines += summary_list(linked, topic.summary, page)
        lines += ["", "</div>", ""]
    lines += stance_box(linked, extracts, page)
    if topic.related:
        links = [md_link(linked.dataset.topics[r].title, relative(page, topic_page(r))) for r in topic.related]
        lines += ["Related topics: " + " · ".join(links), "{: .related-topics }", ""]
    lines += ["## Evidence {#evidence}", ""]
    if not extracts:
        lines += ["No extracts on this topic yet.", ""]
    for day, group in groupby(extracts, key=linked.reported_on):
        lines += [f"### {md_text(day.human())} {{#on-{day.iso()}}}", ""]
        for extract in group:
            lines += extract_block(linked, extract, page, anchored=True)
    script = quotations(linked, extracts, page)
    if script:
        lines += [script, ""]
    return "\n".join(lines).rstrip() + "\n"


STANCE_GROUPS = (
    ("Stated or confirmed", ("stated", "confirmed", "reported", "accused", "warned", "condemned", "urged")),
    ("Claimed, assessed or expected", ("claimed", "assessed", "estimated", "expected", "speculated")),
    ("Could not confirm", ("could not confirm", "declined to comment", "did not comment")),
    ("Did not deny", ("did not deny",)),
    ("Denied or dismissed", ("denied", "dismissed")),
)


def stance_box(linked: LinkedBriefing, extracts: list[Extract], page: str) -> list[str]:
    """Who stated, claimed, could not confirm or denied what on this page, computed from the stances."""
    rows = []
    for label, stances in STANCE_GROUPS:
        group = [e for e in extracts if e.stance in stances]
        if group:
            rows.append(f"- **{label} ({len(group)}):** {grouped_links(linked, group, page)}")
    if not rows:
        return []
    return ['<div class="stance-box" markdown>', "", "**How it was said** (computed from the extracts’ stances)", ""] + rows + ["", "</div>", ""]


def render_topics_index(linked: LinkedBriefing) -> str:
    """All topics with their summaries."""
    page = "topics/index.md"
    lines = ["# Topics", "", "Each topic page opens with the curator’s summary and then shows every extract on it.", ""]
    for topic in linked.topics:
        count = len(linked.topic_extracts.get(topic.id, []))
        lines += [f"## {md_link(topic.title, relative(page, topic_page(topic.id)))} {{#{topic.id}}}", "",
                  f"{plural(count, 'extract')}.", ""]
        if topic.summary:
            lines += [f"*{CURATOR_LABEL}:*", ""] + summary_list(linked, topic.summary, page) + [""]
    return "\n".join(lines).rstrip() + "\n"
