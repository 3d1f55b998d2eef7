"""The briefing as plain JSON-ready data (for `export`), described by briefing.schema.json."""

from __future__ import annotations

from ..analysis.claims import claim_corroboration, stands
from ..checks.checked import CheckedBriefing
from ..link.linked import LinkedBriefing
from ..model import DateSpan, PartialDate, When

SCHEMA_VERSION = 2


def _date(value: PartialDate | None) -> str | None:
    return value.iso() if value else None


def _when(when: When) -> dict:
    """A time as exactly as the text gives it: kind ("on", "between", "before", "by", "after", "reported"),
    its known first and last possible days, and how the site shows it."""
    return {"kind": when.kind, "earliest": when.earliest.isoformat() if when.earliest else None,
            "latest": when.latest.isoformat() if when.latest else None, "shown": when.short()}


def _span(span: DateSpan) -> dict:
    return {"start": span.start.iso(), "end": span.end.iso()}


def _sources(linked: LinkedBriefing) -> list[dict]:
    result = []
    for source in sorted(linked.dataset.sources.values(), key=lambda s: s.id):
        coverage = linked.coverage.get(source.id)
        article = linked.articles.get(source.id)
        result.append({
            "id": source.id, "seed": source.seed, "headline": source.headline, "headline_by": source.headline_by,
            "outlet": source.outlet, "outlet_note": source.outlet_note, "agency": source.agency or None,
            "published": source.published.iso(), "published_note": source.published_note, "language": source.language,
            "translated_from": source.translated_from or None, "url": source.url or None,
            "coverage": {"cited": list(coverage.cited), "uncited": list(coverage.uncited), "skipped_lines": coverage.skipped_lines}
            if coverage else None,
            "paragraphs": [{"line": p.line, "kind": p.kind, "text": p.text, "skip_reason": p.skip_reason or None}
                           for p in (article.paragraphs if article else [])],
        })
    return result


def _extracts(linked: LinkedBriefing) -> list[dict]:
    result = []
    for extract in sorted(linked.dataset.extracts.values(), key=lambda e: e.id):
        citation = linked.citations.get(extract.id)
        result.append({
            "id": extract.id, "source": extract.source, "quote": extract.quote,
            "seed_text": citation.seed_text if citation else None, "line": citation.line if citation else None,
            "topics": list(extract.topics), "speaker": extract.speaker or None, "stance": extract.stance or None,
            "words": linked.words.get(extract.id) or None,
            "said": _when(linked.said(extract)), "event_dates": [_span(s) for s in extract.event_dates],
            "dates_note": extract.dates_note or None, "mentions": list(linked.mentions.get(extract.id, ())),
            "note": extract.note or None,
        })
    return result


def _figures(briefing: CheckedBriefing) -> list[dict]:
    return [{"extract": row.extract.id, "source": row.extract.source, "quantity": group.quantity.id,
             "text": row.figure.text, "low": row.figure.low, "high": row.figure.high,
             "qualifier": row.figure.qualifier or None, "kind": row.figure.kind, "time": _when(row.when),
             "by": _date(row.figure.by), "since": _date(row.figure.since), "claimed_by": row.claimant or None,
             "note": row.figure.note or None}
            for group in briefing.analysis.figure_groups for row in group.rows]


def _claims(briefing: CheckedBriefing) -> list[dict]:
    linked = briefing.linked
    result = []
    for claim in briefing.analysis.claims:
        corroboration = claim_corroboration(linked, claim)
        result.append({"id": claim.id, "text": claim.text, "order": claim.order,
                       "supporting_sources": list(corroboration.sources), "supporting_voices": list(corroboration.voices),
                       "positions": [{"extract": s.extract.id, "stance": s.position.stance, "actor": s.actor,
                                      "said": _when(linked.said(s.extract))} for s in stands(linked, claim)]})
    return result


def briefing_data(briefing: CheckedBriefing) -> dict:
    """Everything a tool needs to reuse the briefing, in a stable order."""
    linked = briefing.linked
    data = linked.dataset
    analysis = briefing.analysis
    return {
        "schema_version": SCHEMA_VERSION,
        "briefing": {"title": data.briefing.title, "description": data.briefing.description,
                     "key_facts": [{"text": p.text, "evidence": list(p.evidence)} for p in data.briefing.key_facts]},
        "sources": _sources(linked),
        "topics": [{"id": t.id, "title": t.title, "order": t.order, "related": list(t.related),
                    "summary": [{"text": p.text, "evidence": list(p.evidence)} for p in t.summary]} for t in linked.topics],
        "entities": [{"id": e.id, "kind": e.kind, "name": e.name, "aliases": list(e.aliases), "role": e.role or None,
                      "description": e.description, "coordinates": list(e.coordinates) if e.coordinates else None,
                      "voice_of": e.voice_of or None, "extent": e.extent or None}
                     for e in sorted(data.entities.values(), key=lambda e: e.id)],
        "quantities": [{"id": q.id, "title": q.title, "unit": q.unit, "description": q.description or None}
                       for q in data.quantities.values()],
        "extracts": _extracts(linked),
        "figures": _figures(briefing),
        "events": [{"id": t.event, "title": t.title, "time": _when(t.when),
                    "evidence": [e.id for e in t.extracts], "sources": list(t.sources)}
                   for t in analysis.timeline if t.kind == "event"],
        "claims": _claims(briefing),
        "discrepancies": [{"id": d.anchor, "kind": d.kind, "title": d.title, "statement": d.statement,
                           "importance": d.importance,
                           "sides": [{"says": side.says, "extracts": [e.id for e in side.extracts]} for side in d.sides]}
                          for d in analysis.discrepancies],
    }
