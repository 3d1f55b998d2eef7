"""The home page: what the briefing covers, key facts, topic cards and counts."""

from __future__ import annotations

from ...routes import HOME, topic_page
from ..context import RenderContext
from ..markdown import md_inline, md_link, md_text, page_heading, page_text, plural
from ..blocks import CURATOR_LABEL, summary_list


def render_home(ctx: RenderContext) -> str:
    """Home page of the site."""
    page = HOME
    data = ctx.dataset
    latest = max((s.published for s in data.sources.values()), default=None)
    lines = page_heading(data.briefing.title)
    if data.briefing.description:
        lines += [md_text(data.briefing.description), "{: .lead }", ""]
    counts = (f"**{len(data.sources)}** sources · **{len(data.extracts)}** extracts · "
              f"**{len(data.entities)}** people, organisations and places")
    if latest:
        counts += f" · latest source published **{md_inline(latest.human())}**"
    lines += [counts, "{: .counts }", ""]
    if data.briefing.key_facts:
        lines += ["## Key facts at a glance {#key-facts}", "", f"*{CURATOR_LABEL}; each fact links to the extracts it rests on.*", ""]
        lines += summary_list(ctx, data.briefing.key_facts, page)
        lines += [""]
    lines += ["## Topics {#topics}", "", '<div class="grid cards" markdown>', ""]
    for topic in ctx.topics:
        extracts = ctx.topic_extracts.get(topic.id, [])
        sources = len({e.source for e in extracts})
        lead = topic.summary[0].text if topic.summary else ""
        lines += [f"-   **{md_link(topic.title, topic_page(topic.id))}**", "", "    ---", ""]
        if lead:
            lines += [f"    {md_text(lead)}", ""]
        lines += [f"    {plural(len(extracts), 'extract')} from {plural(sources, 'source')}", ""]
    lines += ["</div>", ""]
    lines += ["## How to read this briefing {#how-to-read}", "",
              "Every quotation on this site is copied character for character from one of the source articles, and "
              "the build checks it. Follow the source link under a quotation to see the paragraph it comes from. "
              f"Text marked *{CURATOR_LABEL}* is the editors’ own summary, never a quotation.", ""]
    return page_text(lines)
