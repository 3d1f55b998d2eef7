"""Topic pages and the topics index."""

from __future__ import annotations

from ...model import Extract, Topic
from ...routes import FIGURES, TOPICS_INDEX, WHO_SAID_WHAT, relative, topic_page
from ...vocab import STANCE_GROUPS
from ..blocks import CURATOR_LABEL, extract_block, summary_list
from ..context import RenderContext
from ..jsonld import quotations
from ..labels import speaker_label
from ..links import extract_link
from ..markdown import md_link, md_text, page_heading, page_text, plural
from ..sections import Section

# Names shown per stance in the "How it was said" box; the rest are counted ("and 9 others").
STANCE_BOX_NAMES = 4


def render_topic(ctx: RenderContext, topic: Topic, part: int = 1) -> str:
    """A topic page: summary, how it was said, then the evidence grouped by the claim or figure it bears on.

    A topic with many extracts is shown on several pages (parts), each with its share of the sections.
    """
    page = topic_page(topic.id, part)
    everything = ctx.topic_extracts.get(topic.id, ())
    parts = ctx.topic_parts.get(topic.id) or ((),)
    sections = parts[part - 1]
    paged = len(parts) > 1
    lines = page_heading(topic.title + (f" (part {part} of {len(parts)})" if paged else ""))
    sources = ctx.topic_sources.get(topic.id, 0)
    intro = (f"{plural(len(everything), 'extract')} from {plural(sources, 'source')}, grouped by the key claim or the "
             "figure they bear on, the most important first")
    lines += [intro + (f", on {len(parts)} pages." if paged else "."), "{: .page-intro }", ""]
    if part == 1 and topic.summary:
        # Out of the search index, like the box below: a topic page's opening would otherwise outrank the
        # extract that holds every word of a query (search favours a page's opening over its sections).
        lines += ['<div class="curator-summary" data-search-exclude markdown>', "",
                  f"**In short** · *{CURATOR_LABEL}; each point names the evidence it rests on*", ""]
        lines += summary_list(ctx, topic.summary, page)
        lines += ["", "</div>", ""]
    if part == 1:
        lines += stance_box(ctx, list(everything), page)
    if part == 1 and topic.related:
        links = [md_link(ctx.dataset.topics[r].title, relative(page, topic_page(r))) for r in topic.related]
        lines += ["Related topics: " + " · ".join(links), "{: .related-topics }", ""]
    pager = _pager(ctx, topic, parts, part) if paged else []
    lines += pager
    if not everything:
        lines += ["No extracts on this topic yet.", ""]
    for section in sections:
        lines += _section(ctx, section, page)
    lines += pager
    shown = [e for section in sections for e in section.extracts()]
    script = quotations(ctx, shown, page)
    if script:
        lines += [script, ""]
    return page_text(lines)


def _section(ctx: RenderContext, section: Section, page: str) -> list[str]:
    lines = [f"## {md_text(section.title)} {{#{section.anchor}}}", ""]
    if section.kind == "claim":
        target = relative(page, WHO_SAID_WHAT) + "#" + section.subject
        lines += [f"*Key claim, in the {CURATOR_LABEL.lower()}.* Every position taken on it: "
                  f"{md_link('who said what', target)}.", "{: .section-intro }", ""]
    elif section.kind == "quantity":
        lines += [f"All figures for it, compared over time: {md_link('figures', relative(page, FIGURES) + '#' + section.subject)}.",
                  "{: .section-intro }", ""]
    else:
        lines += ["Reports that bear on no key claim or figure, in the order they were said or published.", "{: .section-intro }", ""]
    for block in section.blocks:
        lines += extract_block(ctx, block, page, anchored=True)
    return lines


def _pager(ctx: RenderContext, topic: Topic, parts, current: int) -> list[str]:
    """Links to every page of a topic, each named by the first section it shows; the current one is not a link."""
    here = topic_page(topic.id, current)
    items = []
    for number, sections in enumerate(parts, start=1):
        label = f"{number}: {sections[0].title}" if sections else str(number)
        items.append(f"**{md_text(label)}**" if number == current else md_link(label, relative(here, topic_page(topic.id, number))))
    return ["Pages of this topic: " + " · ".join(items), "{: .topic-pager }", ""]


def stance_box(ctx: RenderContext, extracts: list[Extract], page: str) -> list[str]:
    """Who stated, claimed, could not confirm or denied what, in words, computed from the stances."""
    rows = []
    for label, stances in STANCE_GROUPS:
        group = [e for e in extracts if e.stance in stances]
        if group:
            rows.append(f"- **{md_text(label)}** {_speakers(ctx, group, page)}")
    if not rows:
        return []
    heading = "**How it was said** (computed from the extracts’ stances)"
    return ['<div class="stance-box" data-search-exclude markdown>', "", heading, ""] + rows + ["", "</div>", ""]


def _speakers(ctx: RenderContext, group: list[Extract], page: str) -> str:
    """"NIS, Zelensky, Kirby and 9 others (48 extracts)": the most frequent speakers, each linked to their weightiest extract."""
    by_speaker: dict[str, list[Extract]] = {}
    for extract in group:
        by_speaker.setdefault(speaker_label(ctx, extract), []).append(extract)
    ranked = sorted(by_speaker.items(), key=lambda item: (-len(item[1]), item[0]))
    shown = [extract_link(ctx, max(extracts, key=lambda e: ctx.linked.weights.get(e.id, 0)), page, name)
             for name, extracts in ranked[:STANCE_BOX_NAMES]]
    rest = len(ranked) - len(shown)
    if rest:
        names = ", ".join(shown) + f" and {plural(rest, 'other')}"
    else:
        names = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    return names + f" ({plural(len(group), 'extract')})"


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
