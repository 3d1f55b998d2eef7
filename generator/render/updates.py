"""The briefing's updates: what each source added (its extracts) and which conflicts it opened, newest first.

A source opens a conflict when it is the latest-published of the sources the conflict involves:
before it arrived, the conflict did not exist. Shared by the "What's new" page and the feeds.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis.discrepancies import Discrepancy
from ..model import Extract, Source
from .context import RenderContext


@dataclass(frozen=True)
class SourceUpdate:
    """One source's arrival in the briefing."""

    source: Source
    extracts: tuple[Extract, ...]  # in the article's order
    opened: tuple[Discrepancy, ...]  # conflicts this source's arrival created, most important first


def source_updates(ctx: RenderContext) -> tuple[SourceUpdate, ...]:
    """Every source's update, newest first (ties by id, so the order never depends on input order)."""
    found = ctx.memo.get("source updates")  # the What's new page and both feeds show them
    if found is None:
        found = ctx.memo["source updates"] = _source_updates(ctx)
    return found


def _source_updates(ctx: RenderContext) -> tuple[SourceUpdate, ...]:
    sources = ctx.dataset.sources
    opener: dict[str, list[Discrepancy]] = {}
    for discrepancy in ctx.analysis.discrepancies:
        involved = {e.source for e in discrepancy.extracts if e.source in sources}
        if involved:
            latest = max(involved, key=lambda s: (sources[s].published.first_day(), s))
            opener.setdefault(latest, []).append(discrepancy)
    by_source: dict[str, list[Extract]] = {}
    for extract in ctx.dataset.extracts.values():
        by_source.setdefault(extract.source, []).append(extract)
    lines = {extract_id: citation.line for extract_id, citation in ctx.citations.items()}
    updates = [SourceUpdate(source, tuple(sorted(by_source.get(source.id, []), key=lambda e: (lines.get(e.id, 0), e.id))),
                            tuple(opener.get(source.id, ())))
               for source in sources.values()]
    return tuple(sorted(updates, key=lambda u: (u.source.published.first_day(), u.source.id), reverse=True))
