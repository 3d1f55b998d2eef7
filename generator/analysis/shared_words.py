"""Extracts whose quotes share a long run of words: one statement copied between articles."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..link.linked import LinkedBriefing
from ..model import Extract
from ..reuse import Reuse, reuse_or_compute
from ..text import fold_marks

SHINGLE_WORDS = 12  # long enough that a shared run is a quotation, not stock phrasing
COMMON_SHINGLE = 12  # a run of words shared by more extracts than this is stock phrasing, not a quote


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold_marks(text).casefold())


WordPairs = list[tuple[str, str]]  # ids of two extracts, the smaller first, sorted


def repeated_word_pairs(linked: LinkedBriefing, reuse: Reuse | None = None) -> WordPairs:
    """Extracts with speakers, from different sources, whose quotes share a run of SHINGLE_WORDS words.

    With different speakers they are an attribution conflict; with the same speaker, one statement retold.
    """
    speaking = [extract for extract in linked.dataset.extracts.values() if extract.speaker]
    return _pairs_sharing_a_run(linked, _may_share_a_run(linked, speaking, reuse))


def _runs(quote: str) -> Iterator[tuple[str, ...]]:
    # zip builds every run of SHINGLE_WORDS consecutive words in C, not word by word in Python.
    words = _words(quote)
    return zip(*(words[i:] for i in range(SHINGLE_WORDS)))


def _may_share_a_run(linked: LinkedBriefing, extracts: list[Extract], reuse: Reuse | None) -> list[Extract]:
    # Runs are kept as their hashes, small numbers rather than tuples of words, so that the sets stay
    # small and fast for a hundred thousand extracts; the set operations keep, in C, the hashes that
    # occur more than once. Different runs can share a hash, rarely: the exact pass sorts that out.
    hashes_of: list[tuple[Extract, set[int]]] = []
    seen: set[int] = set()
    repeated: set[int] = set()
    for extract in extracts:
        quote = linked.shown_quote(extract)
        hashes = reuse_or_compute(reuse, ("runs", extract.id), quote, lambda: frozenset(map(hash, _runs(quote))))
        hashes_of.append((extract, hashes))
        repeated |= hashes & seen
        seen |= hashes
    return [extract for extract, hashes in hashes_of if not hashes.isdisjoint(repeated)]


def _pairs_sharing_a_run(linked: LinkedBriefing, extracts: list[Extract]) -> WordPairs:
    # Every extract that shares a run with another is among `extracts`, so grouping them by run
    # gives the same groups as grouping all of them would.
    index: dict[tuple[str, ...], list[Extract]] = {}
    for extract in extracts:
        for run in set(_runs(linked.shown_quote(extract))):
            index.setdefault(run, []).append(extract)
    pairs: set[tuple[str, str]] = set()
    for group in index.values():
        if len(group) == 1 or len(group) > COMMON_SHINGLE:
            continue
        for a in group:
            for b in group:
                if a.id < b.id and a.source != b.source:
                    pairs.add((a.id, b.id))
    return sorted(pairs)
