"""Who said what on the key claims (a matrix), and how widely each claim and event is carried."""

from __future__ import annotations

from ...analysis.claims import claim_corroboration, event_corroboration, stands
from ...routes import CORROBORATION, TIMELINE, WHO_SAID_WHAT, relative
from ..context import RenderContext
from ..markdown import md_inline, md_link, md_text, page_text, plural
from ..blocks import CURATOR_LABEL, entity_link, extract_link



def render_who_said_what(ctx: RenderContext) -> str:
    """Actors against key claims; each cell the actor's stances, dated and linked to the extract."""
    page = WHO_SAID_WHAT
    claims = ctx.analysis.claims
    lines = ["# Who said what", "",
             "The key claims of the story (in the curator’s wording) and every position the articles report on them. "
             "Each cell links to the extract; the date is when it was said (or the article’s date when the day is not given).", ""]
    for number, claim in enumerate(claims, start=1):
        lines.append(f"{number}. {md_link(claim.text, '#' + claim.id)}")
    lines += ["", "## Matrix {#matrix}", ""]
    header = "| Actor | " + " | ".join(md_link(f"Claim {n}", "#" + c.id) for n, c in enumerate(claims, start=1)) + " |"
    lines += [header, "| --- |" + " --- |" * len(claims)]
    per_claim = {c.id: stands(ctx, c) for c in claims}
    for actor in ctx.analysis.actors:
        cells = []
        for claim in claims:
            mine = [s for s in per_claim[claim.id] if s.actor == actor]
            cells.append("<br>".join(
                f'<span class="claim-stance {s.position.stance.replace(" ", "-")}">'
                f'{extract_link(ctx, s.extract, page, s.position.stance)}</span> {md_inline(ctx.reported_on(s.extract).short())}'
                for s in mine) or "·")
        lines.append(f"| {entity_link(ctx, actor, page)} | " + " | ".join(cells) + " |")
    lines.append("")
    for number, claim in enumerate(claims, start=1):
        corroboration = claim_corroboration(ctx, claim)
        lines += [f"## Claim {number}: {md_text(claim.text)} {{#{claim.id}}}", "", f"*{CURATOR_LABEL}.* " + _carried(corroboration), ""]
        for stand in per_claim[claim.id]:
            lines.append(f"- {md_text(ctx.reported_on(stand.extract).human())}: {entity_link(ctx, stand.actor, page)} "
                         f"**{md_inline(stand.position.stance)}** — {extract_link(ctx, stand.extract, page, stand.extract.id)}")
        lines.append("")
    return page_text(lines)


def _carried(corroboration) -> str:
    if not corroboration.sources:
        return "No article reports anyone asserting it."
    text = (f"Supported in {plural(len(corroboration.sources), 'article')} by "
            f"{plural(len(corroboration.voices), 'actor')}.")
    return text + (" **Single source.**" if corroboration.single_source else "")


def render_corroboration(ctx: RenderContext) -> str:
    """For each claim and event: how many articles carry it; single-source items marked."""
    page = CORROBORATION
    lines = ["# Corroboration", "",
             "How many of the articles carry each key claim and each event. Articles are counted, not repetitions; "
             "several articles relaying the same agency are still one voice, so the named voices are listed too.", "",
             "## Key claims {#claims}", "",
             "| Claim | Articles supporting | Voices asserting | Positions against or unconfirmed |", "| --- | --- | --- | --- |"]
    for claim in ctx.analysis.claims:
        corroboration = claim_corroboration(ctx, claim)
        against = [s for s in stands(ctx, claim) if s.position.stance not in ("asserts", "expects")]
        single = " (single source)" if corroboration.single_source else ""
        lines.append(f"| {md_link(claim.text, relative(page, WHO_SAID_WHAT) + '#' + claim.id)} | {len(corroboration.sources)}{single} | "
                     f"{', '.join(entity_link(ctx, v, page) for v in corroboration.voices) or '—'} | {len(against)} |")
    lines += ["", "## Events {#events}", "", "| Date | Event | Articles | According to |", "| --- | --- | --- | --- |"]
    for entry in ctx.analysis.timeline:
        if entry.kind != "event":
            continue
        corroboration = event_corroboration(entry.extracts)
        single = " (single source)" if corroboration.single_source else ""
        lines.append(f"| {md_text(entry.span.human())} | {md_link(entry.title, relative(page, TIMELINE) + '#' + entry.anchor)} | "
                     f"{len(corroboration.sources)}{single} | {', '.join(entity_link(ctx, v, page) for v in corroboration.voices) or 'the articles themselves'} |")
    return page_text(lines)
