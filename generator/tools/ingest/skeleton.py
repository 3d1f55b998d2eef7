"""The YAML file ingest writes: the new source entry and commented-out suggested extracts."""

from __future__ import annotations

import textwrap

import yaml

from ...model import Source
from .suggest import Known, suggest_entities, suggest_speaker, suggest_topics

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
    for key in ("seed", "headline", "headline_by", "outlet", "outlet_note", "published", "published_note",
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
    out += ["  # Suggested extracts, one per paragraph of article text (the id ends with its seed line).",
            f"  # Topics: {', '.join(t.id for t in known.topics) or '(none defined yet)'}."]
    for line, paragraph in text:
        out += [""] + ["  # " + row if row else "  #" for row in _suggestion(entry.id, line, paragraph, known)]
    return "\n".join(out) + "\n"


def _lines(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _suggestion(source_id: str, line: int, paragraph: str, known: Known) -> list[str]:
    """One commented-out extract: YAML lines without the leading "# "."""
    quote = " ".join(paragraph.split())
    rows = [f"- id: {source_id}-line-{line}", "  quote: >-"]
    rows += ["    " + part for part in textwrap.wrap(quote, WIDTH, break_long_words=False, break_on_hyphens=False)]
    topics = suggest_topics(quote, known.topics)
    rows.append(f"  topics: [{', '.join(topics)}]" + ("" if topics else "  # choose at least one"))
    named = suggest_entities(quote, known)
    speaker, stance = suggest_speaker(quote, known)
    if speaker:
        rows += [f"  speaker: {speaker}  # suggested: named nearest to the reporting verb",
                 f"  stance: {stance}"]
    if named:
        rows.append(f"  # named here (linked automatically): {', '.join(named)}")
    return rows
