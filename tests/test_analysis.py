"""Detection rules across sources, on small hand-built datasets: what must and must not be flagged."""

from __future__ import annotations

from generator.analysis.analyse import analyse
from generator.analysis import discrepancies
from generator.analysis.claims import claim_corroboration
from generator.analysis.discrepancies import (
    contradictions, differing_event_dates, differing_figures, same_words_other_speaker,
)
from generator.analysis.figures import group_figures
from generator.analysis.timeline import build_timeline
from generator.errors import Location
from generator.validate.fields import parse_date
from generator.link.linked import link
from generator.model import (
    Briefing, Claim, Dataset, DateSpan, Entity, Event, Extract, Figure, PartialDate, Position, Quantity,
    SkippedLines, Source,
)

HERE = Location("test.yml", 1)
WORDS = "at this moment our official position is that we cannot confirm reports that troops are engaged"


def _date(text: str) -> PartialDate:
    return parse_date(text)


def _span(text: str) -> DateSpan:
    start, _, end = text.partition(" to ")
    return DateSpan(_date(start), _date(end or start))


def _source(id_: str, published: str = "2024-10-18") -> Source:
    return Source(id_, f"{id_}.txt", id_.title(), "article", "Outlet " + id_, "", _date(published), "", "en", "",
                  tuple[SkippedLines, ...](), (), HERE)


def _entity(id_: str) -> Entity:
    return Entity(id_, "person", id_.title(), (), "d", "role", None, HERE)


def _extract(id_: str, source: str, quote: str, speaker: str = "", said_on: str = "", events=(), figures=()) -> Extract:
    return Extract(id_, source, quote, ("t",), speaker, "stated" if speaker else "", _date(said_on) if said_on else None,
                   tuple(_span(e) for e in events), "", (), "", 0, HERE, tuple(figures))


def _figure(quantity: str, text: str, low: float, high: float | None = None, qualifier: str = "", as_of: str = "") -> Figure:
    return Figure(quantity, text, low, low if high is None else high, qualifier, _date(as_of) if as_of else None, "", "", HERE)


def _linked(extracts, events=(), claims=(), quantities=("troops",)):
    sources = {e.source: _source(e.source) for e in extracts}
    speakers = {e.speaker for e in extracts if e.speaker} | {p.actor for c in claims for p in c.positions if p.actor}
    dataset = Dataset(
        Briefing("t", "d", (), HERE), sources, {}, {s: _entity(s) for s in speakers}, {e.id: e for e in extracts},
        {q: Quantity(q, q.title(), "soldiers", "", HERE) for q in quantities}, {e.id: e for e in events}, {c.id: c for c in claims})
    return link(dataset, {}, {})


def test_same_words_from_different_speakers_in_different_sources_are_flagged():
    linked = _linked([_extract("a", "s1", WORDS, "stoltenberg"), _extract("b", "s2", "He said: " + WORDS + ".", "rutte")])
    found = same_words_other_speaker(linked)
    assert [(d.kind, [e.id for e in d.extracts]) for d in found] == [("words", ["a", "b"])]
    assert "Stoltenberg" in found[0].title and "Rutte" in found[0].title


def test_same_words_are_not_flagged_for_the_same_speaker_the_same_source_or_short_overlaps():
    same_speaker = [_extract("a", "s1", WORDS, "rutte"), _extract("b", "s2", WORDS, "rutte")]
    same_source = [_extract("a", "s1", WORDS, "stoltenberg"), _extract("b", "s1", WORDS, "rutte")]
    # Eleven shared words: stock phrasing, below the twelve-word threshold for a quotation.
    short = [_extract("a", "s1", "have accused North Korea of supplying missiles and other conventional weapons to Russia to support its war", "us"),
             _extract("b", "s2", "delivered missiles and other conventional weapons to Russia to support its war effort", "nis")]
    for extracts in (same_speaker, same_source, short):
        assert same_words_other_speaker(_linked(extracts)) == []


def test_runs_of_words_with_equal_hashes_are_told_apart(monkeypatch):
    # Repeated runs are first found by their hashes; if every run had the same hash, the exact
    # pass must still find only the real pair (and not a and c, which share nothing).
    extracts = [_extract("a", "s1", WORDS, "stoltenberg"), _extract("b", "s2", "He said: " + WORDS + ".", "rutte"),
                _extract("c", "s3", "delivered missiles and other conventional weapons to Russia to support its war effort now", "nis")]
    expected = [("a", "b")]
    assert discrepancies.repeated_word_pairs(_linked(extracts)) == expected
    monkeypatch.setattr(discrepancies, "hash", lambda run: 0, raising=False)
    assert discrepancies.repeated_word_pairs(_linked(extracts)) == expected


def test_figures_that_cannot_all_be_true_are_flagged_once_per_quantity():
    extracts = [
        _extract("a", "s1", "10,000 troops", "zelensky", "2024-10-17", figures=[_figure("troops", "10,000", 10000)]),
        _extract("b", "s2", "around 12,000", "nis", "2024-10-18", figures=[_figure("troops", "12,000", 12000, qualifier="around")]),
        _extract("c", "s3", "10,000 again", "zelensky", "2024-10-23", figures=[_figure("troops", "10,000", 10000)]),
    ]
    linked = _linked(extracts)
    found = differing_figures(linked, group_figures(linked))
    assert len(found) == 1 and found[0].anchor == "figures-troops"
    assert {e.id for e in found[0].extracts} == {"a", "b", "c"}


def test_compatible_figures_are_not_flagged():
    cases = [
        [("3,000", 3000, None, "at least"), ("3,000", 3000, None, "")],
        [("13,000", 13000, None, "more than"), ("13,000", 13000, None, "over")],
        [("10,000", 10000, None, "about"), ("10,500", 10500, None, "")],
        [("10,000-12,000", 10000, 12000, ""), ("12,000", 12000, None, "")],
    ]
    for case in cases:
        extracts = [_extract(f"e{i}", f"s{i}", text, "x", "2024-10-18", figures=[_figure("troops", text, low, high, qualifier)])
                    for i, (text, low, high, qualifier) in enumerate(case)]
        linked = _linked(extracts)
        assert differing_figures(linked, group_figures(linked)) == [], case


def test_different_dates_for_one_event_are_flagged_but_a_containing_month_is_not():
    clash = [_extract("a", "s1", "strike", events=["2024-10-03"]), _extract("b", "s2", "strike", events=["2024-10-05"])]
    event = Event("strike", "Strike", ("a", "b"), HERE)
    found = differing_event_dates(_linked(clash, events=[event]))
    assert [d.anchor for d in found] == ["dates-strike"]
    agree = [_extract("a", "s1", "strike", events=["2024-10-03"]), _extract("b", "s2", "strike", events=["2024-10"]),
             _extract("c", "s3", "strike", events=["2024-10-01 to 2024-10-04"])]
    assert differing_event_dates(_linked(agree, events=[Event("strike", "Strike", ("a", "b", "c"), HERE)])) == []


def test_assert_against_deny_in_other_sources_is_a_contradiction_but_cannot_confirm_is_not():
    extracts = [_extract("a", "s1", "troops are there", "nis", "2024-10-18"),
                _extract("b", "s2", "fake news", "lavrov", "2024-10-10"),
                _extract("c", "s3", "cannot confirm", "nato", "2024-10-18")]
    denied = Claim("troops", "Troops are in Russia", 1, (Position("a", "asserts", "", HERE), Position("b", "denies", "", HERE)), HERE)
    unconfirmed = Claim("troops", "Troops are in Russia", 1, (Position("a", "asserts", "", HERE), Position("c", "cannot confirm", "", HERE)), HERE)
    assert [d.anchor for d in contradictions(_linked(extracts, claims=[denied]))] == ["contradiction-troops"]
    assert contradictions(_linked(extracts, claims=[unconfirmed])) == []


def test_corroboration_counts_articles_and_marks_single_source_claims():
    extracts = [_extract("a", "s1", "x", "nis", "2024-10-18"), _extract("b", "s2", "x", "nis", "2024-10-18"),
                _extract("c", "s2", "y", "kirby", "2024-10-23")]
    wide = Claim("wide", "Wide", 1, tuple(Position(i, "asserts", "", HERE) for i in "abc"), HERE)
    narrow = Claim("narrow", "Narrow", 2, (Position("c", "expects", "", HERE),), HERE)
    linked = _linked(extracts, claims=[wide, narrow])
    assert claim_corroboration(linked, wide).sources == ("s1", "s2")
    assert claim_corroboration(linked, wide).voices == ("nis", "kirby")
    assert claim_corroboration(linked, narrow).single_source


def test_timeline_shows_an_event_once_with_all_sources_and_groups_statements_by_speaker_and_day():
    extracts = [_extract("a", "s1", "shipped", "nis", "2024-10-18", events=["2024-10-08 to 2024-10-13"]),
                _extract("b", "s2", "shipped", "nis", "2024-10-18", events=["2024-10-08 to 2024-10-13"]),
                _extract("c", "s2", "other", "kirby", "2024-10-23")]
    linked = _linked(extracts, events=[Event("shipped", "Shipped", ("a", "b"), HERE)])
    entries = build_timeline(linked)
    assert [(e.anchor, e.sources) for e in entries] == [
        ("event-shipped", ("s1", "s2")), ("said-2024-10-18-nis", ("s1", "s2")), ("said-2024-10-23-kirby", ("s2",))]
    analysis = analyse(linked)
    assert [t.anchor for t in analysis.by_extract_timeline["a"]] == ["event-shipped", "said-2024-10-18-nis"]
