"""Editorial rules: coverage, attribution, date resolution, events, roles, summaries.

They are warnings: the site can still be previewed, but `mkdocs build --strict` and
`check --strict` fail until they are fixed.
"""

from __future__ import annotations


from ..errors import Location, Problem
from ..link.linked import LinkedBriefing
from ..text import alias_pattern, relative_date, snippet
from ..vocab import REPORTING_VERBS, UNDATED_TIME_WORDS


def coverage_warnings(linked: LinkedBriefing) -> list[Problem]:
    """Every article-text paragraph must be cited by an extract or skipped with a reason."""
    warnings = []
    for source_id, coverage in sorted(linked.coverage.items()):
        source = linked.dataset.sources[source_id]
        texts = {p.line: p.text for p in linked.articles[source_id].paragraphs}
        for line in coverage.uncited:
            warnings.append(Problem(
                source.location,
                f"line {line} of {source.seed} is neither cited by an extract nor skipped: «{snippet(texts[line])}»",
                f"Quote it in briefings/extracts/{source_id}.yml, or add `{line}: <reason>` under `skip` for this source.",
            ))
    return warnings


def attribution_warnings(linked: LinkedBriefing) -> list[Problem]:
    """Statements need a speaker; relative dates need a recorded resolution; time words need a date or bound."""
    warnings = []
    for extract in sorted(linked.dataset.extracts.values(), key=lambda e: e.location):
        reporting = None if extract.speaker else REPORTING_VERBS.search(extract.quote)
        if reporting:
            warnings.append(Problem(extract.location, f"extract {extract.id!r} reports a statement («{reporting.group(0)}») but names no speaker",
                                    "Add `speaker:` (a person, or the organisation or `media reports` group when the article names none) and `stance:`."))
        relative = "" if extract.dates_note else relative_date(extract.quote)
        if relative:
            warnings.append(Problem(extract.location, f"extract {extract.id!r} has the relative date «{relative}» but no `dates_note`",
                                    "Resolve it against the article's publication date in `said_on`/`event_dates` and say how in `dates_note`."))
        # A statement's time words say when it was said; in the article's own narrative they date events.
        undated = None if not extract.speaker or extract.said_on or extract.event_dates else UNDATED_TIME_WORDS.search(extract.quote)
        if undated:
            warnings.append(Problem(
                extract.location, f"extract {extract.id!r} places what it reports in time («{undated.group(0)}») but gives no date or bound",
                "Resolve it against the article's date: `said_on: 2024-10-17`, a range `2024-10-14 to 2024-10-20`, or a bound "
                "`before 2024-10-24` (for `previously`, `initially`); `event_dates` for an event. Say how in `dates_note`."))
    return warnings


def event_warnings(linked: LinkedBriefing) -> list[Problem]:
    """A dated extract must belong to an event, so that the timeline shows each event once."""
    in_events = {i for event in linked.dataset.events.values() for i in event.evidence}
    warnings = []
    for extract in sorted(linked.dataset.extracts.values(), key=lambda e: e.location):
        if extract.event_dates and extract.id not in in_events:
            warnings.append(Problem(extract.location, f"extract {extract.id!r} has `event_dates` but is in no event",
                                    "Add its id to the `evidence` of the event it reports in briefings/events.yml (or create that event)."))
    for event in linked.dataset.events.values():
        if not any(linked.dataset.extracts[i].event_dates for i in event.evidence if i in linked.dataset.extracts):
            warnings.append(Problem(event.location, f"event {event.id!r} has no dated evidence, so it cannot be placed on the timeline",
                                    "Give at least one of its extracts `event_dates`."))
    return warnings


def unused_entity_warnings(linked: LinkedBriefing) -> list[Problem]:
    """An entity no extract names, quotes or cites, and no seed mentions, is probably a leftover or a typo."""
    used = set(linked.said_by) | set(linked.mentioned_in)
    used |= {p.actor for c in linked.dataset.claims.values() for p in c.positions if p.actor}
    used |= {f.claimed_by for e in linked.dataset.extracts.values() for f in e.figures if f.claimed_by}
    unused = [e for e in linked.dataset.entities.values() if e.id not in used]
    # One scan of all seed text for every unused entity's names at once, not one scan per entity.
    pattern = alias_pattern(name for entity in unused for name in entity.names)
    named = set()
    if pattern is not None:
        for article in linked.articles.values():
            for paragraph in article.paragraphs:
                named.update(match.group(0) for match in pattern.finditer(paragraph.text))
    warnings = []
    for entity in sorted(unused, key=lambda e: e.location):
        if any(name in named for name in entity.names):
            continue  # named in the seeds (perhaps only in a caption): kept for search
        warnings.append(Problem(entity.location, f"entity {entity.id!r} is not used by any extract and not named in any seed",
                                "Remove it, or fix the id or aliases that should connect it."))
    return warnings


def entity_and_summary_warnings(linked: LinkedBriefing) -> list[Problem]:
    """People need their role; a topic summary must rest on extracts shown on that topic's page."""
    warnings = []
    for entity in linked.dataset.entities.values():
        if entity.kind == "person" and not entity.role:
            warnings.append(Problem(entity.location, f"person {entity.id!r} has no `role`", "Give their title and organisation at the time."))
    for topic in linked.topics:
        for point in topic.summary:
            for extract_id in point.evidence:
                extract = linked.dataset.extracts.get(extract_id)
                if extract and topic.id not in extract.topics:
                    line = getattr(extract_id, "line", point.location.line)
                    warnings.append(Problem(Location(point.location.path, line),
                                            f"summary of topic {topic.id!r} rests on extract {extract_id!r}, which is not on that topic's page",
                                            f"Add `{topic.id}` to the extract's topics, or cite another extract."))
    return warnings


def editorial_warnings(linked: LinkedBriefing) -> tuple[Problem, ...]:
    """All editorial rules, in a stable order."""
    return tuple(coverage_warnings(linked) + attribution_warnings(linked) + event_warnings(linked)
                 + unused_entity_warnings(linked) + entity_and_summary_warnings(linked))
