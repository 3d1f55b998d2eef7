"""The home page: information cut-off, where the key claims stand, key figures over time, then key facts and topics.

The first screen, on a phone too, answers the big questions: what is agreed, disputed and
unconfirmed, each with its voices and dates and a link to the evidence.
"""

from __future__ import annotations

from ...analysis.overview import Camp, ClaimStanding, FigureStep, claim_standings, key_figure_lines
from ...dates import When
from ...routes import HOME, WHO_SAID_WHAT, relative, topic_page
from ..blocks import CURATOR_LABEL, summary_list
from ..context import RenderContext
from ..links import extract_link
from ..markdown import md_link, md_text, page_heading, page_text, plural

STATUS_LABELS = {"agreed": "Several voices, no denial", "disputed": "Disputed", "unconfirmed": "Not confirmed"}
CAMPS_SHOWN = 3  # sides named per stance; the rest are counted


def render_home(ctx: RenderContext) -> str:
    """Home page of the site."""
    page = HOME
    data = ctx.dataset
    lines = page_heading(data.briefing.title)
    lines += _cutoff(ctx)
    lines += _at_a_glance(ctx, page)
    lines += _key_figures(ctx, page)
    if data.briefing.description:
        lines += [md_text(data.briefing.description), "{: .lead }", ""]
    if data.briefing.key_facts:
        lines += ["## Key facts {#key-facts}", "", f"*{CURATOR_LABEL}; each fact names the evidence it rests on.*", ""]
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
              "the build checks it. The paragraph link after a quotation (¶ 4, say) opens the paragraph it comes from. "
              f"Text marked *{CURATOR_LABEL}* is the editors’ own summary, never a quotation.", ""]
    return page_text(lines)


def _cutoff(ctx: RenderContext) -> list[str]:
    published = sorted(s.published for s in ctx.dataset.sources.values())
    if not published:
        return ["No sources yet.", "{: .cutoff }", ""]
    first, last = published[0], published[-1]
    span = last.human() if first == last else When("between", first, last).human()
    return [f"**Information as of {md_text(last.human())}**: the latest of {plural(len(published), 'news report')} "
            f"({md_text(span)}).", "{: .cutoff }", ""]


def _at_a_glance(ctx: RenderContext, page: str) -> list[str]:
    # In the claims' own order: the curators put the story's central claims first.
    standings = claim_standings(ctx.linked, ctx.analysis.claims)
    if not standings:
        return []
    lines = ['<div class="at-a-glance" markdown>', "", "**Where the key claims stand**", "{: .box-title }", ""]
    for standing in standings:
        lines.append(f"- **{STATUS_LABELS[standing.status]}:** {_standing(ctx, standing, page)}")
    return lines + ["", f"Claims in the {CURATOR_LABEL.lower()}; who asserts, denies or could not confirm them is computed "
                    "from the articles. *Several voices, no denial*: at least two named, independent voices and no denial "
                    "or doubt.", "{: .box-note }", "", "</div>", ""]


def _standing(ctx: RenderContext, standing: ClaimStanding, page: str) -> str:
    claim = md_link(standing.claim.text, relative(page, WHO_SAID_WHAT) + "#" + standing.claim.id)
    parts = []
    for verb, camps in (("asserted or expected by", standing.support), ("denied or doubted by", standing.against),
                        ("not confirmed by", standing.unsure), ("not denied by", standing.not_denied)):
        if camps:
            parts.append(f"{verb} {_camps(ctx, camps, page)}")
    return f"{claim}: " + "; ".join(parts) + "."


def _camps(ctx: RenderContext, camps: tuple[Camp, ...], page: str) -> str:
    shown = [_camp(ctx, camp, page) for camp in camps[:CAMPS_SHOWN]]
    rest = len(camps) - len(shown)
    if rest:
        return ", ".join(shown) + f" and {plural(rest, 'other')}"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _camp(ctx: RenderContext, camp: Camp, page: str) -> str:
    """"South Korea (National Intelligence Service, 18 Oct 2024)", the date (or "said") linked to that first statement."""
    names = [md_text(ctx.name_of(a)) for a in camp.actors if a != camp.voice][:1]
    link = extract_link(ctx, camp.extract, page, (_when(camp.first) or ["statement"])[0])
    return md_text(ctx.name_of(camp.voice)) + f" ({', '.join(names + [link])})"


def _when(when: When) -> list[str]:
    """The time, short, when the articles give it: an undated statement gets no date rather than its report's."""
    return [] if when.kind == "reported" else [when.short()]


def _key_figures(ctx: RenderContext, page: str) -> list[str]:
    figure_lines = key_figure_lines(ctx.linked, ctx.analysis.figure_groups)
    if not figure_lines:
        return []
    lines = ['<div class="key-figures" markdown>', "",
             "**Key figures, as reported over time** (each links to the quote that gives it)", "{: .box-title }", ""]
    for line in figure_lines:
        steps = " → ".join(_step(ctx, step, page) for step in line.steps)
        other = "; ".join(_step(ctx, step, page) for step in line.other)
        text = steps + (f"; {'also ' if steps else ''}{other}" if other else "")
        lines.append(f"- **{md_text(line.label)}** ({md_text(line.unit)}): {text}")
    return lines + ["", "</div>", ""]


def _step(ctx: RenderContext, step: FigureStep, page: str) -> str:
    voices = [md_text(ctx.name_of(v) if v else "the article") for v in step.voices][:2]
    link = extract_link(ctx, step.extract, page, (_when(step.when) or ["day not stated"])[0])
    return f"**{md_text(step.text)}** ({', '.join(voices + [link])})"
