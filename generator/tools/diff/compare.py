"""What changed between two generated briefings, in reader terms (pure comparison: no git, no CLI)."""

from __future__ import annotations

import dataclasses
import re

from ...analysis.discrepancies import Discrepancy
from ...analysis.figures import figure_when
from ...checks.checked import CheckedBriefing
from .model import (BriefingDiff, DiscrepancyChange, ExtractChange, ExtractView, FieldChange,
                                  FigureChange, PageChange, RecordChange, display, figure_value, plain)
from ...errors import Problem
from ...link.linked import LinkedBriefing
from ...model import Extract, Figure
from ...routes import page_url

__all__ = ["BriefingDiff", "DiscrepancyChange", "ExtractChange", "ExtractView", "FieldChange", "FigureChange",
           "PageChange", "RecordChange", "diff_briefings"]

# Extract fields (model attribute -> YAML key), in the order readers care about.
EXTRACT_FIELDS = {"quote": "quote", "source": "source", "speaker": "speaker", "stance": "stance", "words": "words", "topics": "topics",
                  "said_on": "said_on", "event_dates": "event_dates", "dates_note": "dates_note",
                  "mentions": "mentions", "note": "note", "line_hint": "line", "figures": "figures"}
# Other records compared by id: dataset attribute -> (kind shown to readers, attribute that names the record).
RECORD_KINDS = {"sources": ("source", "headline"), "topics": ("topic", "title"), "entities": ("entity", "name"),
                "quantities": ("quantity", "title"), "events": ("event", "title"), "claims": ("claim", "text")}
# Model attribute names that differ from the YAML keys editors write.
YAML_NAMES = {"skipped": "skip", "line_hint": "line"}
STATUS_ORDER = {"new": 0, "added": 0, "changed": 1, "removed": 2, "resolved": 2}


def _who(linked: LinkedBriefing, entity_id: str) -> str:
    entity = linked.dataset.entities.get(entity_id)
    return entity.name if entity else entity_id


def extract_view(linked: LinkedBriefing, extract: Extract) -> ExtractView:
    """How one side shows an extract: names instead of ids where readers see names."""
    source = linked.dataset.sources.get(extract.source)
    values = {yaml: display(getattr(extract, attr)) for attr, yaml in EXTRACT_FIELDS.items()}
    values["quote"] = linked.shown_quote(extract)
    values["speaker"] = _who(linked, extract.speaker) if extract.speaker else ""
    values["mentions"] = ", ".join(_who(linked, e) for e in extract.mentions)
    values["line"] = str(extract.line_hint) if extract.line_hint else ""
    values["figures"] = ", ".join(f"{f.text} ({f.quantity})" for f in extract.figures)
    return ExtractView(extract.id, extract.source, source.headline if source else extract.source,
                       values["speaker"], extract.stance, values["quote"], values)


def diff_extracts(old: LinkedBriefing, new: LinkedBriefing) -> tuple[list[ExtractView], list[ExtractView], list[ExtractChange]]:
    """Extracts added, removed and changed, matched by id."""
    before, after = old.dataset.extracts, new.dataset.extracts
    added = [extract_view(new, after[i]) for i in sorted(after.keys() - before.keys())]
    removed = [extract_view(old, before[i]) for i in sorted(before.keys() - after.keys())]
    changed = []
    for extract_id in sorted(before.keys() & after.keys()):
        a, b = before[extract_id], after[extract_id]
        old_view, new_view = extract_view(old, a), extract_view(new, b)
        # The quote also counts as changed when only the text readers see differs (e.g. a new `line`).
        fields = tuple(yaml for attr, yaml in EXTRACT_FIELDS.items()
                       if plain(getattr(a, attr)) != plain(getattr(b, attr))
                       or (yaml == "quote" and old_view.quote != new_view.quote))
        if fields:
            changed.append(ExtractChange(old_view, new_view, fields))
    return added, removed, changed


def _figures_by_key(linked: LinkedBriefing) -> dict[tuple[str, str, str, int], tuple[Extract, Figure]]:
    found: dict[tuple[str, str, str, int], tuple[Extract, Figure]] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for extract in linked.dataset.extracts.values():
        for figure in extract.figures:
            # The same number written twice for one quantity in one extract stays two figures.
            key = (figure.quantity, extract.id, figure.text)
            seen[key] = seen.get(key, -1) + 1
            found[(*key, seen[key])] = (extract, figure)
    return found


def _figure_fields(linked: LinkedBriefing, extract: Extract, figure: Figure) -> dict[str, str]:
    when = figure_when(linked.dataset, extract, figure)
    claimant = figure.claimed_by or extract.speaker
    return {"value": figure_value(figure), "qualifier": figure.qualifier, "kind": figure.kind, "as_of": when.short(),
            "claimed_by": _who(linked, claimant) if claimant else "the article itself", "note": figure.note}


def _figure_summary(fields: dict[str, str], text: str) -> str:
    qualifier = fields["qualifier"] + " " if fields["qualifier"] else ""
    kind = "" if fields["kind"] == "count" else f"{fields['kind']}, "
    return f"{qualifier}{text} ({kind}{fields['claimed_by']}, as of {fields['as_of']})"


def diff_figures(old: LinkedBriefing, new: LinkedBriefing) -> list[FigureChange]:
    """Figures added, removed or changed, by (quantity, extract id, text as written)."""
    before, after = _figures_by_key(old), _figures_by_key(new)
    changes = []
    for key in before.keys() | after.keys():
        quantity_id, extract_id, text, _ = key
        quantity = new.dataset.quantities.get(quantity_id) or old.dataset.quantities.get(quantity_id)
        title = quantity.title if quantity else quantity_id
        a = _figure_fields(old, *before[key]) if key in before else None
        b = _figure_fields(new, *after[key]) if key in after else None
        if a is None or b is None:
            status = "added" if a is None else "removed"
            changes.append(FigureChange(status, title, extract_id, text, _figure_summary(b or a, text)))
        elif a != b:
            fields = tuple(FieldChange(name, a[name], b[name]) for name in a if a[name] != b[name])
            changes.append(FigureChange("changed", title, extract_id, text, _figure_summary(b, text), fields))
    return sorted(changes, key=lambda c: (c.quantity, c.extract, c.text, STATUS_ORDER[c.status]))


def _changed_fields(a: object, b: object) -> tuple[str, ...]:
    return tuple(YAML_NAMES.get(f.name, f.name) for f in dataclasses.fields(a)
                 if f.name != "location" and plain(getattr(a, f.name)) != plain(getattr(b, f.name)))


def diff_records(old: LinkedBriefing, new: LinkedBriefing) -> list[RecordChange]:
    """Sources, topics, entities, quantities, events, claims and the briefing text, by id."""
    changes = []
    fields = _changed_fields(old.dataset.briefing, new.dataset.briefing)
    if fields:
        changes.append(RecordChange("briefing", "changed", "briefing", new.dataset.briefing.title, fields))
    for attribute, (kind, label) in RECORD_KINDS.items():
        before, after = getattr(old.dataset, attribute), getattr(new.dataset, attribute)
        found = []
        for record_id in before.keys() | after.keys():
            a, b = before.get(record_id), after.get(record_id)
            name = str(getattr(b or a, label))
            if a is None or b is None:
                found.append(RecordChange(kind, "added" if a is None else "removed", record_id, name))
            elif fields := _changed_fields(a, b):
                found.append(RecordChange(kind, "changed", record_id, name, fields))
        changes.extend(sorted(found, key=lambda c: (STATUS_ORDER[c.status], c.id)))
    return changes


def diff_discrepancies(old: tuple[Discrepancy, ...], new: tuple[Discrepancy, ...]) -> list[DiscrepancyChange]:
    """Discrepancies that are new, resolved, or whose title or details changed, by anchor."""
    before, after = {d.anchor: d for d in old}, {d.anchor: d for d in new}
    changes = []
    for anchor in before.keys() | after.keys():
        a, b = before.get(anchor), after.get(anchor)
        if a is None or b is None:
            shown = b or a
            changes.append(DiscrepancyChange("new" if a is None else "resolved", anchor, shown.title, shown.details))
        elif (a.title, a.details) != (b.title, b.details):
            changes.append(DiscrepancyChange("changed", anchor, b.title, b.details))
    return sorted(changes, key=lambda c: (STATUS_ORDER[c.status], c.anchor))


def _warning_texts(problems: tuple[Problem, ...]) -> set[str]:
    # Line numbers shift with every edit above them, so a warning is known by its file and message.
    return {f"{p.location.path}: {p.message}" for p in problems}


def page_title(markdown: str) -> str:
    """The page's first-level heading as generated (already escaped Markdown), without attributes."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()
    return ""


def diff_pages(old: dict[str, str], new: dict[str, str], directory_urls: bool = True) -> list[PageChange]:
    """Generated pages added, removed or whose Markdown differs, by path, with their URLs on the site."""
    changes = []
    for path in sorted(old.keys() | new.keys()):
        if old.get(path) == new.get(path):
            continue
        status = "added" if path not in old else "removed" if path not in new else "changed"
        changes.append(PageChange(status, path, page_url(path, directory_urls), page_title(new.get(path) or old[path])))
    return changes


def diff_briefings(old: CheckedBriefing, new: CheckedBriefing, old_pages: dict[str, str], new_pages: dict[str, str],
                   directory_urls: bool = True) -> BriefingDiff:
    """Compare two checked briefings and their pages: data, figures, discrepancies, warnings and pages."""
    added, removed, changed = diff_extracts(old.linked, new.linked)
    old_warnings, new_warnings = _warning_texts(old.warnings), _warning_texts(new.warnings)
    return BriefingDiff(
        extracts_added=added, extracts_removed=removed, extracts_changed=changed,
        figures=diff_figures(old.linked, new.linked),
        records=diff_records(old.linked, new.linked),
        discrepancies=diff_discrepancies(old.analysis.discrepancies, new.analysis.discrepancies),
        warnings_new=sorted(new_warnings - old_warnings), warnings_resolved=sorted(old_warnings - new_warnings),
        pages=diff_pages(old_pages, new_pages, directory_urls))
