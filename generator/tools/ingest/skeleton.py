"""The YAML file ingest writes: the new source entry and commented-out suggested extracts."""

from __future__ import annotations

import json
import textwrap

import yaml

from ...errors import Location
from ...model import Entity, Source
from .entities import EntityStub, entity_stubs
from .suggest import Known, Statement, suggest_statements

WIDTH = 96


def scalar(text: str, indent: int) -> str:
    """Text as a YAML value: plain when that reads back unchanged, else a folded block."""
    text = " ".join(text.split())
    if not text:
        return ""
    try:
        node = yaml.compose(f"k: {text}\n", Loader=yaml.SafeLoader)
        plain_ok = (isinstance(node, yaml.MappingNode) and isinstance(node.value[0][1], yaml.ScalarNode)
                    and node.value[0][1].value == text and node.value[0][1].style is None)
    except yaml.YAMLError:
        plain_ok = False
    return text if plain_ok else ">-\n" + " " * indent + text


HEADER = """\
# Added by `python -m generator ingest` from {origin}.
# To do:
#   1. Check the source entry: headline, outlet, published and its note, url, and the `skip`
#      lines (page furniture found automatically); compare them with the seed file
#      seeds/{seed}
#      You may move the entry to sources.yml.
#   2. Turn the suggested extracts below into real ones: remove "# " at the start of each line
#      of the ones you keep, cut each quote down to the words you need (copied exactly), and
#      check topics, speaker and stance. Delete the suggestions you do not use.
#   3. Add new people, organisations and places to entities.yml, then run
#      `python -m generator check`: paragraphs no extract cites are listed as warnings.
"""


def render_yaml(entry: Source, origin: str, paragraphs: list[tuple[int, str]], known: Known) -> str:
    """The whole extracts file: header, source entry, `source:` and commented-out suggestions."""
    out = [HEADER.format(origin=" ".join(origin.split()), seed=entry.seed), "sources:", f"  - id: {entry.id}"]
    for key in ("seed", "headline", "headline_by", "outlet", "outlet_note", "agency", "published", "published_note",
                "language", "url"):
        value = entry.published.iso() if key == "published" else getattr(entry, key)
        if value or key == "url":
            out.append(f"    {key}: {scalar(value, 6)}".rstrip())
        elif key == "published_note":
            out.append("    # published_note: how the date was worked out, when the article does not print it")
    if entry.skipped:
        out.append("    skip:")
        out.extend(f"      {_lines(s.first, s.last)}: {scalar(s.reason, 8)}" for s in entry.skipped)
    else:
        out.append("    skip: {}")
    if entry.subheadings:
        shown = ", ".join(map(str, entry.subheadings))
        out.append(f"    # subheadings: [{shown}]  # suggested section headings; uncomment if they are")
    out += ["", f"source: {entry.id}", "extracts:"]
    skipped = {n for s in entry.skipped for n in range(s.first, s.last + 1)} | set(entry.subheadings)
    text = [(line, p) for line, p in paragraphs if line not in skipped]
    out += ["  # Suggested extracts, one per statement (sentence or clause) of the article text; the id ends with the",
            "  # seed line. Speaker, stance, dates and figures are guesses for you to confirm: each says how it was found.",
            f"  # Topics: {', '.join(t.id for t in known.topics) or '(none defined yet)'}."]
    stubs = entity_stubs([p for _, p in text], known)
    # New names can speak too ("Matthew Miller told reporters"): attributed to their stubs, marked as new.
    # (Not when the briefing's data could not be read: every name would look new.)
    statements = suggest_statements(text, with_stubs(known, stubs) if known.entities else known, entry.published)
    new = {stub.id for stub in stubs}
    counts: dict[int, int] = {}
    for statement in statements:
        counts[statement.line] = counts.get(statement.line, 0) + 1
        suffix = "" if counts[statement.line] == 1 else f"-{counts[statement.line]}"
        rows = _suggestion(f"{entry.id}-line-{statement.line}{suffix}", statement, new)
        out += [""] + ["  # " + row if row else "  #" for row in rows]
    if stubs:
        out += ["", "# Names in this article that entities.yml does not know yet: add those you need to entities.yml",
                "# (kind guessed; check it, and write a description)."]
        for stub in stubs:
            out += [f"#   - id: {stub.id}", f"#     kind: {stub.kind}", f"#     name: {json.dumps(stub.name, ensure_ascii=False)}",
                    f"#     aliases: [{', '.join(stub.aliases)}]", "#     description: ..."]
    return "\n".join(out) + "\n"


def _lines(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def with_stubs(known: Known, stubs: list[EntityStub]) -> Known:
    """The known entities and the article's new names; a new person also goes by the last word of the name
    ("Mr Miller added")."""
    here = Location("(suggested)")
    added = [Entity(stub.id, stub.kind, stub.name, (*stub.aliases, *([stub.name.split()[-1]] if stub.kind == "person" else [])),
                    "", "", None, here) for stub in stubs]
    return Known([*known.entities, *added], known.topics, known.quantities)


def _suggestion(extract_id: str, statement: Statement, new: set[str] = frozenset()) -> list[str]:
    """One commented-out extract: YAML lines without the leading "# "; `new` are the ids of entity stubs."""
    rows = [f"- id: {extract_id}", "  quote: >-"]
    rows += ["    " + part for part in textwrap.wrap(statement.quote, WIDTH, break_long_words=False, break_on_hyphens=False)]
    rows.append(f"  topics: [{', '.join(statement.topics)}]" + ("" if statement.topics else "  # choose at least one"))
    if statement.speaker:
        if statement.speaker in new:  # stays commented when the suggestion is uncommented, so that `check` passes
            rows += [f"  # speaker: {statement.speaker}  # suggested: {statement.how}; a new name: add its entity from the list "
                     "at the end to entities.yml, then uncomment this line and the next", f"  # stance: {statement.stance}"]
        else:
            rows += [f"  speaker: {statement.speaker}  # suggested: {statement.how}", f"  stance: {statement.stance}"]
    said = statement.said if statement.speaker else None
    if said:
        rows.append(f"  said_on: {said.value}")
    if statement.events:
        rows.append(f"  event_dates: [{', '.join(json.dumps(span) if span.isdigit() else span for span in statement.events.spans)}]")
    if said or statement.events:
        notes = [said.note] if said else []
        rows.append(f"  dates_note: {scalar(' '.join(notes + ([statement.events.note] if statement.events else [])), 4)}")
    if statement.figures:
        rows.append("  figures:")
        for figure in statement.figures:
            value = int(figure.value) if figure.value == int(figure.value) else figure.value
            rows += [f"    - quantity: {figure.quantity}  # suggested by its unit and the words around it",
                     f"      text: {json.dumps(figure.text, ensure_ascii=False)}", f"      value: {value}"]
            if figure.qualifier:
                rows.append(f"      qualifier: {figure.qualifier}")
    named = [entity for entity in statement.named if entity not in new]
    if named:
        rows.append(f"  # named here (linked automatically): {', '.join(named)}")
    return [part for row in rows for part in row.split("\n")]  # a folded value's lines are commented out too
