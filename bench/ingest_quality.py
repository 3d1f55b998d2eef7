"""How much of the editors' work ingest's suggestions get right, measured on the curated seeds.

Run: .venv/bin/python bench/ingest_quality.py [--root DIR] [--show N]
For every source of the briefing, the suggestion engine reads the seed's article paragraphs (as
ingest does, with the briefing's entities, topics and quantities and the source's publication
date) and each curated extract is matched with the suggestion for the sentence it comes from
(the suggestion on the same line that shares most words with the quote). Then, over the curated
extracts that have one: the share whose speaker, stance, said_on, event_dates and figures (text
and value) the suggestion got right; and the share of suggestions an editor keeps (some curated extract
comes from that sentence).
Targets (issue 17): speaker >= 80 %, stance >= 70 %, dates >= 80 %, figures >= 90 % (event dates
have no target: measured to keep an eye on them).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from generator.pipeline import check_briefing  # noqa: E402
from generator.text import fold  # noqa: E402
from generator.tools.ingest.suggest import Known, Statement, suggest_statements  # noqa: E402

TARGETS = {"speaker": 80, "stance": 70, "dates": 80, "figures": 90}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text).lower()))


def evaluate(root: Path, show: int = 0) -> dict[str, tuple[int, int]]:
    """(right, total) per measure."""
    briefing = check_briefing(root / "briefings", root / "seeds", root).linked
    data = briefing.dataset
    known = Known(sorted(data.entities.values(), key=lambda e: e.id), briefing.topics,
                  tuple(sorted(data.quantities.values(), key=lambda q: q.id)))
    scores = {name: [0, 0] for name in ("speaker", "stance", "dates", "events", "figures", "kept")}
    misses: list[str] = []
    for source in sorted(data.sources.values(), key=lambda s: s.id):
        paragraphs = [(p.line, p.text) for p in briefing.articles[source.id].body() if p.kind == "text"]
        suggestions = suggest_statements(paragraphs, known, source.published)
        used: set[int] = set()
        for extract in (e for e in data.extracts.values() if e.source == source.id):
            citation = briefing.citations.get(extract.id)
            same_line = [(i, s) for i, s in enumerate(suggestions) if citation and s.line == citation.line]
            if not same_line:
                continue
            index, best = max(same_line, key=lambda pair: (len(_words(pair[1].quote) & _words(extract.quote)), -pair[0]))
            used.add(index)
            _score(scores, misses, extract, best, [s for _, s in same_line])
        scores["kept"][0] += len(used)
        scores["kept"][1] += len(suggestions)
    for line in misses[:show]:
        print(line)
    return {name: (right, total) for name, (right, total) in scores.items()}


def _span(span) -> str:
    return span.start.iso() if span.start == span.end else f"{span.start.iso()} to {span.end.iso()}"


def _overlaps(suggested: str, curated: str) -> bool:
    a, b = fold(suggested).lower(), fold(curated).lower()
    return a in b or b in a


def _score(scores, misses, extract, best: Statement, around: list[Statement]) -> None:
    if extract.speaker:
        _count(scores, misses, "speaker", best.speaker == extract.speaker, extract, best.speaker, extract.speaker)
    if extract.stance:
        _count(scores, misses, "stance", best.stance == extract.stance, extract, best.stance, extract.stance)
    if extract.said_on:
        got = best.said.value if best.said else ""
        _count(scores, misses, "dates", got == extract.said_on.iso(), extract, got, extract.said_on.iso())
    if extract.event_dates:
        wanted = sorted(_span(d) for d in extract.event_dates)
        got = sorted(best.events.spans) if best.events else []
        _count(scores, misses, "events", got == wanted, extract, got, wanted)
    # An editor joining two suggested clauses into one extract keeps the figures of both.
    figures = [f for s in around if _overlaps(s.quote, extract.quote) for f in s.figures] or list(best.figures)
    for figure in extract.figures:
        right = any(f.text == figure.text and f.value == figure.low for f in figures)
        _count(scores, misses, "figures", right, extract, [f.text for f in best.figures], figure.text)


def _count(scores, misses, name, right, extract, got, wanted) -> None:
    scores[name][1] += 1
    if right:
        scores[name][0] += 1
    else:
        misses.append(f"{name:8} {extract.id}: suggested {got!r}, curated {wanted!r}")


def main(argv: list[str] | None = None) -> int:
    """Print the shares and the targets; 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the project (default: this repository)")
    parser.add_argument("--show", type=int, default=0, help="also print this many misses")
    args = parser.parse_args(argv)
    results = evaluate(args.root, args.show)
    for name, (right, total) in results.items():
        share = 100 * right / total if total else 0.0
        target = f"  (target >= {TARGETS[name]} %: {'met' if share >= TARGETS[name] else 'not met'})" if name in TARGETS else ""
        print(f"{name:8} {right:4} of {total:4} = {share:5.1f} %{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
