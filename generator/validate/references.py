"""Every reference between records must resolve; names and aliases must point at one entity only."""

from __future__ import annotations

from ..errors import FOLLOW_ON, Location, ProblemList
from ..load.records import LoadedFiles
from ..load.yaml_file import line_of
from ..model import Dataset, Entity
from ..text import snippet


def check_references(dataset: Dataset, problems: ProblemList, loaded: LoadedFiles = LoadedFiles(())) -> None:
    """Every id used must exist; aliases must not point at two entities.

    An id that a file which could not be read probably defines is not reported on its own: its
    file's error is the root cause. One line per such file says how many references wait on it.
    """
    unchecked: dict[str, list[str]] = {}

    def check(ids, table, what, where, field):
        for ref in ids:
            if ref not in table:
                broken = loaded.unreadable_file_defining(ref)
                if broken is not None:
                    unchecked.setdefault(broken.shown_as, []).append(str(ref))
                    continue
                line = line_of(ref, where.line)
                problems.add(Location(where.path, line), f"`{field}` names unknown {what} {str(ref)!r}",
                             _known_hint(table, what))

    for extract in dataset.extracts.values():
        check([extract.source] if extract.source else [], dataset.sources, "source", extract.location, "source")
        check(extract.topics, dataset.topics, "topic", extract.location, "topics")
        check([extract.speaker] if extract.speaker else [], dataset.entities, "entity", extract.location, "speaker")
        check(extract.mentions, dataset.entities, "entity", extract.location, "mentions")
        for figure in extract.figures:
            check([figure.quantity] if figure.quantity else [], dataset.quantities, "quantity", figure.location, "quantity")
            check([figure.claimed_by] if figure.claimed_by else [], dataset.entities, "entity", figure.location, "claimed_by")
    for topic in dataset.topics.values():
        check(topic.related, dataset.topics, "topic", topic.location, "related")
        for point in topic.summary:
            check(point.evidence, dataset.extracts, "extract", point.location, "evidence")
    for point in dataset.briefing.key_facts:
        check(point.evidence, dataset.extracts, "extract", point.location, "evidence")
    for key_figure in dataset.briefing.key_figures:
        check(key_figure.quantities, dataset.quantities, "quantity", key_figure.location, "quantities")
    for happening in dataset.events.values():
        check(happening.evidence, dataset.extracts, "extract", happening.location, "evidence")
    for key_claim in dataset.claims.values():
        for position in key_claim.positions:
            check([position.extract] if position.extract else [], dataset.extracts, "extract", position.location, "extract")
            check([position.actor] if position.actor else [], dataset.entities, "entity", position.location, "actor")
            quoted = dataset.extracts.get(position.extract)
            if quoted is not None and not position.actor and not quoted.speaker:
                problems.add(position.location, f"extract {position.extract!r} has no speaker, so the position has no actor",
                             "Add `actor: <entity id>` to the position, or a speaker to the extract.")
    for entity in dataset.entities.values():
        check([entity.voice_of] if entity.voice_of else [], dataset.entities, "entity", entity.location, "voice_of")
        if entity.voice_of and _voice_loops(dataset, entity):
            problems.add(entity.location, f"`voice_of` of {entity.id!r} leads back to itself",
                         "An entity speaks for another, which may speak for a third, but never in a circle.")
    owners: dict[str, Entity] = {}
    for entity in dataset.entities.values():
        for name in dict.fromkeys(n.casefold() for n in entity.names):
            other = owners.setdefault(name, entity)
            if other is not entity:
                problems.add(entity.location, f"name or alias {name!r} of {entity.id!r} is also used by {other.id!r} ({other.location})",
                             "An alias must point at one entity only; remove it from one of them.")
    if not dataset.sources and not loaded.unreadable:
        problems.add(Location("briefings"), "no sources found", "Add briefings/sources.yml with `sources:`.")
    for shown_as, refs in sorted(unchecked.items()):
        names = ", ".join(dict.fromkeys(refs))
        problems.add(Location(shown_as), f"{len(refs)} references to ids this file seems to define were not checked ({snippet(names, 80)})",
                     "They follow from the error above: fix it, then check again.", rank=FOLLOW_ON)


def _voice_loops(dataset: Dataset, entity: Entity) -> bool:
    seen, current = {entity.id}, entity.voice_of
    while current in dataset.entities:
        if current in seen:
            return True
        seen.add(current)
        current = dataset.entities[current].voice_of
    return False


def _known_hint(table: dict, what: str) -> str:
    known = sorted(table)
    if not known:
        return f"No {what} is defined yet."
    shown = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
    return f"Known {what} ids: {shown}"
