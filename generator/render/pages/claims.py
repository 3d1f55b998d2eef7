"""Who said what on the key claims (a matrix), and how widely each claim and event is carried."""

from __future__ import annotations

from ...analysis.claims import claim_corroboration, event_corroboration, stands
from ...routes import CORROBORATION, TIMELINE, WHO_SAID_WHAT, relative
from ..context import RenderContext
from ..markdown import md_inline, md_link, md_text, page_text, plural
from ...vocab import SUPPORTING_CLAIM_STANCES
from ..blocks import CURATOR_LABEL, entity_link, extract_link



def render_who_said_what(ctx: RenderContext) -> str:
    """Actors against key claims; each cell the actor's stances, dated and linked to the extract."""
    page = WHO_SAID_WHAT
    claims = ctx.analysis.claims
    lines = ["# Who said what", "",
             "The key claims of the story (in the curator’s wording) and every position the articles report on them. "
             "Each cell links to the extract; the date is when it was said, as exactly as the article gives it "
             "(“by 25 Oct 2024 (reported)” when the article gives no day, only its own date).", ""]
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
                f'{extract_link(ctx, s.extract, page, s.position.stance)}</span> {md_inline(ctx.said(s.extract).short())}'
                for s in mine) or "·")
        lines.append(f"| {entity_link(ctx, actor, page)} | " + " | ".join(cells) + " |")
    lines.append("")
    for number, claim in enumerate(claims, start=1):
        corroboration = claim_corroboration(ctx, claim)
        lines += [f"## Claim {number}: {md_text(claim.text)} {{#{claim.id}}}", "", f"*{CURATOR_LABEL}.* " + _carried(ctx, corroboration), ""]
        lines += _dispute(ctx, per_claim[claim.id], page)
        for stand in per_claim[claim.id]:
            lines.append(f"- {md_text(ctx.said(stand.extract).short())}: {entity_link(ctx, stand.actor, page)} "
                         f"**{md_inline(stand.position.stance)}** — {extract_link(ctx, stand.extract, page, stand.extract.id)}")
        lines.append("")
    return page_text(lines)


def _carried(ctx: RenderContext, corroboration) -> str:
    if not corroboration.sources:
        return "No article reports anyone asserting it."
    voices = ", ".join(ctx.name_of(v) for v in corroboration.voices)
    text = (f"Supported in {plural(len(corroboration.sources), 'article')} ({plural(len(corroboration.outlets), 'outlet')}) "
            f"by {plural(len(corroboration.voices), 'independent voice')}: {md_inline(voices)}.")
    return text + (" **Single voice.**" if corroboration.single_voice else "")


# How the positions on a claim read as the story's dispute: who asserts it, who expects it, who doubts or denies it.
DISPUTE_LINES = (("Asserted by", ("asserts",)), ("Expected by", ("expects",)), ("Not confirmed by", ("cannot confirm",)),
                 ("Doubted by", ("doubts",)), ("Not denied by", ("does not deny",)), ("Denied by", ("denies",)))


def _dispute(ctx: RenderContext, claim_stands, page: str) -> list[str]:
    rows = []
    for label, stances in DISPUTE_LINES:
        actors = list(dict.fromkeys(s.actor for s in claim_stands if s.position.stance in stances))
        if actors:
            rows.append(f"- **{label}:** " + ", ".join(entity_link(ctx, a, page) for a in actors))
    return rows + [""] if rows else []


def render_corroboration(ctx: RenderContext) -> str:
    """For each claim and event: how many articles carry it; single-source items marked."""
    page = CORROBORATION
    lines = ["# Corroboration", "",
             "How widely each key claim and each event is carried. Articles are counted once each; outlets once each "
             "(two articles of one agency’s copy are one outlet); and voices once each, whoever retells them: a "
             "spokesman counts with the body he speaks for. A claim many articles carry may still rest on one voice.", "",
             "## Key claims {#claims}", "",
             "| Claim | Articles | Outlets | Independent voices supporting | Against or unconfirmed |", "| --- | --- | --- | --- | --- |"]
    for claim in ctx.analysis.claims:
        corroboration = claim_corroboration(ctx, claim)
        against = [s for s in stands(ctx, claim) if s.position.stance not in SUPPORTING_CLAIM_STANCES]
        lines.append(f"| {md_link(claim.text, relative(page, WHO_SAID_WHAT) + '#' + claim.id)} | {len(corroboration.sources)} | "
                     f"{len(corroboration.outlets)} | {_voices(ctx, corroboration, page)} | {len(against)} |")
    lines += ["", "## Events {#events}", "", "| Date | Event | Articles | Outlets | According to |", "| --- | --- | --- | --- | --- |"]
    for entry in ctx.analysis.timeline:
        if entry.kind != "event":
            continue
        corroboration = event_corroboration(ctx, entry.extracts)
        lines.append(f"| {md_text(entry.when.human())} | {md_link(entry.title, relative(page, TIMELINE) + '#' + entry.anchor)} | "
                     f"{len(corroboration.sources)} | {len(corroboration.outlets)} | {_voices(ctx, corroboration, page, 'the articles themselves')} |")
    return page_text(lines)


def _voices(ctx: RenderContext, corroboration, page: str, none: str = "—") -> str:
    names = ", ".join(entity_link(ctx, v, page) for v in corroboration.voices) or none
    return names + (" (single voice)" if corroboration.single_voice else "")
