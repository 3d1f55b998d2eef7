"""Who said what on the key claims (an overview, then each claim's statements side by side), and how widely each claim and event is carried."""

from __future__ import annotations

from ...analysis.claims import Statement, claim_corroboration, claim_statements, event_corroboration, stands, voice
from ...model import Claim
from ...routes import CORROBORATION, TIMELINE, WHO_SAID_WHAT, relative
from ...vocab import CLAIM_STANCES, SUPPORTING_CLAIM_STANCES
from ..blocks import CURATOR_LABEL, entity_link, extract_link
from ..context import RenderContext
from ..labels import extract_paragraph, outlet_label, short_quote, when_label
from ..markdown import md_inline, md_link, md_text, page_text, plural

# A symbol per stance, so the overview can be scanned; always beside the word, never instead of it.
STANCE_SYMBOLS = {"asserts": "●", "expects": "◐", "cannot confirm": "?", "doubts": "◌", "does not deny": "○", "denies": "✕"}
# How the one-line verdict under each claim puts a stance, from support to denial.
VERDICT_WORDS = {"asserts": "asserted by", "expects": "expected by", "doubts": "doubted by",
                 "cannot confirm": "could not be confirmed by", "does not deny": "not denied by", "denies": "denied by"}
# Voices that speak for no side (`analysis.claims.sides`): their column, their group, and what they are.
OTHERS = "Others"
OTHER_VOICES = "Other voices"
OTHERS_NOTE = "voices that speak for no country or alliance, such as analysts, media, unnamed or joint sources"
# More sides than this do not fit the content column as columns: the overview is stacked at every width.
OVERVIEW_COLUMNS = 8
# More voices than this outside the sides are counted in a verdict, not named (the lines below name them).
NAMED_OTHERS = 2


def render_who_said_what(ctx: RenderContext) -> str:
    """Each key claim with a verdict in words, then its statements grouped by side; an overview of claims × sides first."""
    page = WHO_SAID_WHAT
    statements = claim_statements(ctx.linked)
    order = _sides_in_order(ctx, statements)
    lines = ["# Who said what", "",
             "The key claims of the story, in the curator’s wording, and what each side said about them: one line per "
             "statement, however many articles retell it, dated as exactly as the articles allow (“day not stated”: "
             "the article gives no day, only the date of its report). How widely each claim is carried: "
             f"{md_link('Corroboration', relative(page, CORROBORATION))}.",
             "", "## At a glance {#matrix}", "", *_overview(ctx, statements, order), ""]
    for claim in ctx.analysis.claims:
        lines += _claim_section(ctx, claim, statements[claim.id], order, page)
    return page_text(lines)


def _sides_in_order(ctx: RenderContext, statements: dict[str, tuple[Statement, ...]]) -> list[str]:
    """The sides that speak on any claim, by name (a fixed, neutral order, the same for every claim); "" (others) last."""
    present = {s.side for group in statements.values() for s in group}
    named = sorted((s for s in present if s), key=lambda s: (ctx.dataset.entities[s].name.casefold(), s))
    return named + ([""] if "" in present else [])


def _side_name(ctx: RenderContext, side: str) -> str:
    return ctx.dataset.entities[side].name if side else OTHERS


def side_anchor(claim_id: str, side: str) -> str:
    """Anchor of one side's statements on a claim ("" is the others); ids never contain "--", so these cannot clash."""
    return f"{claim_id}--side-{side}" if side else f"{claim_id}--others"


def _stance_markup(stance: str) -> str:
    return (f'<span class="claim-stance {stance.replace(" ", "-")}"><span aria-hidden="true">{STANCE_SYMBOLS[stance]}</span> '
            f'{stance}</span>')


def _overview(ctx: RenderContext, statements: dict[str, tuple[Statement, ...]], order: list[str]) -> list[str]:
    """Claims × sides: each cell the side's stances in the order first taken, linked to its statements."""
    stacked = " stacked" if len(order) > OVERVIEW_COLUMNS else ""
    rows = [f'<div class="claims-overview{stacked}" markdown>', "",
            "| Claim | " + " | ".join(md_text(_side_name(ctx, side)) for side in order) + " |",
            "| --- |" + " --- |" * len(order)]
    for claim in ctx.analysis.claims:
        cells = []
        for side in order:
            stances = list(dict.fromkeys(s.stance for s in statements[claim.id] if s.side == side))
            label = (f'<span class="side-name">{md_inline(_side_name(ctx, side))}:</span> '
                     + " ".join(_stance_markup(stance) for stance in stances))
            cells.append(f"[{label}](#{side_anchor(claim.id, side)})" if stances else "")
        rows.append(f"| {md_link(claim.text, '#' + claim.id)} | " + " | ".join(cells) + " |")
    note = (f"Each cell: that side’s stances on the claim, in the order first taken, linked to what was said. "
            f"{OTHERS}: {OTHERS_NOTE}.")
    return rows + ["", note, "{: .claims-overview-note }", "", "</div>"]


def _claim_section(ctx: RenderContext, claim: Claim, statements: tuple[Statement, ...], order: list[str], page: str) -> list[str]:
    sources = {r.extract.source for s in statements for r in s.retellings}
    lines = [f"## {md_text(claim.text)} {{#{claim.id}}}", "",
             f"*{CURATOR_LABEL}.* {plural(len(statements), 'statement')} in {plural(len(sources), 'article')}.",
             "{: .claim-meta }", "", _verdict(ctx, statements, order), "{: .claim-verdict }", ""]
    for side in order:
        mine = [s for s in statements if s.side == side]
        if not mine:
            continue
        title = OTHER_VOICES if not side else _side_name(ctx, side)
        lines += [f"**{md_text(title)}**", f"{{: .claim-side #{side_anchor(claim.id, side)} }}", ""]
        lines += [f"- {_statement_line(ctx, s, page)}" for s in mine]
        lines.append("")
    return lines


def _statement_line(ctx: RenderContext, statement: Statement, page: str) -> str:
    """Actor, stance, when, a short quote linked to the extract, and every article that reports it with its paragraphs."""
    lead = statement.lead.extract
    return (f"{entity_link(ctx, statement.actor, page)} {_stance_markup(statement.stance)} · "
            f"{md_inline(when_label(statement.when))} · {extract_link(ctx, lead, page, short_quote(ctx, lead))} "
            f'<span class="claim-outlets">· {_outlets(ctx, statement, page)}</span>')


def _outlets(ctx: RenderContext, statement: Statement, page: str) -> str:
    """"in 3 articles: AFP ¶ 2, ¶ 5; CNN ¶ 7", each paragraph linked to its extract."""
    by_source: dict[str, list[str]] = {}
    seen = set()
    for retelling in statement.retellings:
        extract = retelling.extract
        number = extract_paragraph(ctx, extract)
        links = by_source.setdefault(extract.source, [])
        if number and (extract.source, number) in seen:
            continue  # two extracts of one paragraph: the paragraph is named once
        seen.add((extract.source, number))
        links.append(extract_link(ctx, extract, page, f"¶ {number}" if number else "quote"))
    parts = [f"{md_inline(outlet_label(ctx.dataset.sources[source]))} {', '.join(links)}" for source, links in by_source.items()]
    count = len(by_source)
    return ("" if count == 1 else f"in {count} articles: ") + "; ".join(parts)


def _verdict(ctx: RenderContext, statements: tuple[Statement, ...], order: list[str]) -> str:
    """"Asserted by South Korea (National Intelligence Service), Ukraine (Volodymyr Zelensky); denied by Russia. Nothing reported from NATO."."""
    clauses = []
    for stance in VERDICT_WORDS:
        mine = [s for s in statements if s.stance == stance]
        if not mine:
            continue
        names = []
        for side in (s for s in order if s):
            if any(s.side == side for s in mine):
                actors = list(dict.fromkeys(ctx.dataset.entities[s.actor].name for s in mine if s.side == side and s.actor != side))
                names.append(_side_name(ctx, side) + (f" ({', '.join(actors)})" if actors else ""))
        others = list(dict.fromkeys(ctx.dataset.entities[s.actor].name for s in mine if not s.side))
        if others and names and len(others) > NAMED_OTHERS:
            names.append(plural(len(others), "other voice"))
        else:
            names += others
        words = VERDICT_WORDS[stance]
        words = words[:1].upper() + words[1:] if not clauses else words
        clauses.append(f'<span class="claim-stance {stance.replace(" ", "-")}">{words}</span> {md_inline(_joined(names))}')
    text = "; ".join(clauses) + "."
    silent = [_side_name(ctx, side) for side in order if side and not any(s.side == side for s in statements)]
    if silent:
        text += f" Nothing reported from {md_inline(_joined(silent, 'or'))}."
    return text


def _joined(names: list[str], conjunction: str = "and") -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def render_corroboration(ctx: RenderContext) -> str:
    """For each claim and event: how many articles, outlets and independent voices carry it; single-voice items marked."""
    page = CORROBORATION
    lines = ["# Corroboration", "",
             "How widely each key claim and each event is carried. Articles are counted once each; outlets once each "
             "(two articles of one agency’s copy are one outlet); and voices once each, whoever retells them: a "
             "spokesman counts with the body he speaks for. A claim many articles carry may still rest on one voice.", "",
             "## Key claims {#claims}", ""]
    for claim in ctx.analysis.claims:
        corroboration = claim_corroboration(ctx, claim)
        carried = (f"Supported in {plural(len(corroboration.sources), 'article')} from {plural(len(corroboration.outlets), 'outlet')} "
                   f"by {plural(len(corroboration.voices), 'independent voice')}: {_voices(ctx, corroboration, page)}."
                   if corroboration.sources else "No article reports anyone asserting or expecting it.")
        lines.append(f"- **{md_link(claim.text, relative(page, WHO_SAID_WHAT) + '#' + claim.id)}**<br>{carried}"
                     + _not_supporting(ctx, claim, page))
    lines += ["", "## Events {#events}", ""]
    for entry in ctx.analysis.timeline:
        if entry.kind != "event":
            continue
        corroboration = event_corroboration(ctx, entry.extracts)
        lines.append(f"- **{md_inline(entry.when.human())}:** {md_link(entry.title, relative(page, TIMELINE) + '#' + entry.anchor)}<br>"
                     f"{plural(len(corroboration.sources), 'article')} from {plural(len(corroboration.outlets), 'outlet')}, "
                     f"according to {_voices(ctx, corroboration, page, 'the articles themselves')}.")
    return page_text(lines)


def _not_supporting(ctx: RenderContext, claim: Claim, page: str) -> str:
    """"<br>Not supporting it: NATO (cannot confirm), Russia (denies, does not deny)." by voice, each voice once."""
    by_voice: dict[str, set[str]] = {}
    for stand in stands(ctx, claim):
        if stand.position.stance not in SUPPORTING_CLAIM_STANCES:
            by_voice.setdefault(voice(ctx.dataset, stand.actor), set()).add(stand.position.stance)
    if not by_voice:
        return ""
    names = sorted(by_voice, key=lambda v: (ctx.name_of(v).casefold(), v))
    return "<br>Not supporting it: " + ", ".join(
        f"{entity_link(ctx, v, page)} ({', '.join(s for s in CLAIM_STANCES if s in by_voice[v])})" for v in names) + "."


def _voices(ctx: RenderContext, corroboration, page: str, none: str = "—") -> str:
    names = ", ".join(entity_link(ctx, v, page) for v in corroboration.voices) or none
    return names + (" (single voice)" if corroboration.single_voice else "")
