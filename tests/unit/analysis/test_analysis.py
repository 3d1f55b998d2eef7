"""Detection rules across sources, on small hand-built datasets: what must and must not be flagged."""

from __future__ import annotations

from generator.analysis import shared_words
from generator.analysis.analyse import analyse
from generator.analysis.claims import claim_corroboration, event_corroboration
from generator.analysis.discrepancies import find_discrepancies
from generator.analysis.figures import group_figures, rounding_unit
from generator.analysis.shared_words import repeated_word_pairs
from generator.analysis.timeline import build_timeline
from generator.errors import Location
from generator.link.linked import link
from generator.model import (
    Briefing,
    Citation,
    Claim,
    Dataset,
    DateSpan,
    Entity,
    Event,
    Extract,
    Figure,
    PartialDate,
    Position,
    Quantity,
    SkippedLines,
    Source,
    SummaryPoint,
    When,
)
from generator.validate.fields import parse_date, parse_when

HERE = Location("test.yml", 1)
WORDS = "at this moment our official position is that we cannot confirm reports that troops are engaged"


def _date(text: str) -> PartialDate:
    return parse_date(text)


def _span(text: str) -> DateSpan:
    start, _, end = text.partition(" to ")
    return DateSpan(_date(start), _date(end or start))


def _source(id_: str, published: str = "2024-10-18", agency: str = "", translated_from: str = "") -> Source:
    return Source(id_, f"{id_}.txt", id_.title(), "article", "unknown", "", _date(published), "", "en", "",
                  tuple[SkippedLines, ...](), (), HERE, agency=agency, translated_from=translated_from)


def _entity(id_: str, voice_of: str = "") -> Entity:
    return Entity(id_, "person", id_.title(), (), "d", "role", None, HERE, voice_of)


def _extract(id_: str, source: str, quote: str, speaker: str = "", said_on: str = "", events=(), figures=(),
             stance: str = "", words: str = "") -> Extract:
    return Extract(id_, source, quote, ("t",), speaker, stance or ("stated" if speaker else ""),
                   parse_when(said_on) if said_on else None, tuple(_span(e) for e in events), "", (), "", 0, HERE,
                   tuple(figures), words)


def _figure(quantity: str, text: str, low: float, high: float | None = None, qualifier: str = "", as_of: str = "",
            kind: str = "count", by: str = "", since: str = "") -> Figure:
    return Figure(quantity, text, low, low if high is None else high, qualifier, _date(as_of) if as_of else None, "", "", HERE,
                  kind, _date(by) if by else None, _date(since) if since else None)


def _linked(extracts, events=(), claims=(), quantities=("troops",), sources=None, voices=None, lines=None, key_facts=()):
    """A linked briefing of these records; `lines` places extracts in seed paragraphs (extract id -> line)."""
    sources = sources or {e.source: _source(e.source) for e in extracts}
    voices = voices or {}
    speakers = {e.speaker for e in extracts if e.speaker} | {p.actor for c in claims for p in c.positions if p.actor}
    speakers |= set(voices.values())
    dataset = Dataset(
        Briefing("t", "d", tuple(SummaryPoint("fact", tuple(ids), HERE) for ids in key_facts), HERE), sources, {},
        {s: _entity(s, voices.get(s, "")) for s in speakers}, {e.id: e for e in extracts},
        {q: Quantity(q, q.title(), "soldiers", "", HERE) for q in quantities}, {e.id: e for e in events}, {c.id: c for c in claims})
    citations = {e.id: Citation(e.id, e.source, line, 0, len(e.quote), e.quote)
                 for e in extracts if (line := (lines or {}).get(e.id))}
    return link(dataset, {}, citations)


def _discrepancies(linked):
    return find_discrepancies(linked, group_figures(linked), repeated_word_pairs(linked))


# --- time: said when, or only reported when ---------------------------------------------------------

def test_a_time_is_shown_no_more_exactly_than_the_text_gives_it():
    assert parse_when("2024-10-18").human() == "18 October 2024"
    assert parse_when("2024-10").short() == "Oct 2024"
    assert parse_when("2024-10-08 to 2024-10-13").human() == "8–13 October 2024"
    assert parse_when("2024-10-14 to 2024-10-20").short() == "week of 14 Oct 2024"  # Monday to Sunday
    assert parse_when("2024-09-28 to 2024-10-02").human() == "28 September – 2 October 2024"
    assert parse_when("before 2024-10-21").short() == "before 21 Oct 2024"
    assert parse_when("by 2024-10-25").human() == "by 25 October 2024"
    assert When.reported(_date("2024-10-25")).human() == "day not stated; reported 25 October 2024"
    assert When.reported(_date("2024-10-25")).short() == "by 25 Oct 2024 (reported)"
    for bad in ("2024-10-13 to 2024-10-08", "before", "around 2024-10-18", "2024-10-18 to 2024-10-19 to 2024-10-20"):
        assert parse_when(bad) is None, bad


def test_bounds_have_the_days_they_allow():
    before = parse_when("before 2024-10-21")
    assert (before.earliest, before.latest.isoformat()) == (None, "2024-10-20")
    after = parse_when("after 2024-10-01")
    assert (after.earliest.isoformat(), after.latest) == ("2024-10-02", None)
    assert before.can_overlap(parse_when("2024-10-20")) and not before.can_overlap(parse_when("2024-10-21"))


def test_an_undated_statement_is_never_given_the_report_day():
    extracts = [_extract("peskov-hoax", "cnn", "previously dismissed", "peskov", stance="dismissed"),
                _extract("kremlin", "cnn", "had initially dismissed", "kremlin", "before 2024-10-24", stance="dismissed"),
                _extract("putin", "cnn", "did not deny", "putin", "2024-10-24", stance="did not deny")]
    linked = _linked(extracts, sources={"cnn": _source("cnn", "2024-10-25")})
    assert linked.said(linked.dataset.extracts["peskov-hoax"]).kind == "reported"
    timeline = build_timeline(linked)
    # The undated one is not on the timeline; the bounded one comes before Putin's remarks of 24 October.
    assert [e.anchor for e in timeline] == ["said-before-2024-10-24-kremlin", "said-2024-10-24-putin"]
    assert [e.id for e in linked.topic_extracts.get("t", ())] == ["kremlin", "putin", "peskov-hoax"]


# --- figures: counts, estimates and targets; rounding and qualifiers --------------------------------

def test_rounding_units_follow_how_a_figure_is_written():
    assert rounding_unit(_figure("q", "1.2 million", 1_200_000)) == 100_000
    assert rounding_unit(_figure("q", "1.28 million", 1_280_000)) == 10_000
    assert rounding_unit(_figure("q", "12,000", 12_000)) == 1_000
    assert rounding_unit(_figure("q", "10,000", 10_000)) == 1_000  # at least two significant digits
    assert rounding_unit(_figure("q", "1,500", 1_500)) == 100
    assert rounding_unit(_figure("q", "six", 6)) == 1


def _same_day(*figures):
    return _linked([_extract(f"e{i}", f"s{i}", "x", f"speaker{i}", "2024-10-18", figures=[f]) for i, f in enumerate(figures)])


def test_rounded_figures_and_overlapping_ranges_are_not_flagged():
    for case in [(_figure("troops", "1.2 million", 1_200_000), _figure("troops", "1.28 million", 1_280_000)),
                 (_figure("troops", "10,000", 10_000), _figure("troops", "10,000-12,000", 10_000, 12_000)),
                 (_figure("troops", "3,000", 3000, qualifier="at least"), _figure("troops", "3,000", 3000)),
                 (_figure("troops", "10,000", 10_000, qualifier="about"), _figure("troops", "10,500", 10_500)),
                 (_figure("troops", "13,000", 13_000, qualifier="more than"), _figure("troops", "13,000", 13_000, qualifier="over"))]:
        linked = _same_day(*case)
        assert group_figures(linked)[0].conflicts == (), case
        assert _discrepancies(linked) == (), case


def test_figures_for_the_same_day_that_no_number_fits_are_flagged_with_why():
    linked = _same_day(_figure("troops", "10,000", 10_000), _figure("troops", "12,000", 12_000))
    [conflict] = group_figures(linked)[0].conflicts
    assert conflict.why == ("Both describe 18 October 2024, and no number fits both 10,000 (anything from 9,500 to 11,000, "
                            "allowing for rounding and hedges) and 12,000 (anything from 11,500 to 13,000, allowing for "
                            "rounding and hedges).")
    [found] = _discrepancies(linked)
    assert (found.kind, found.title) == ("figures", "Troops: 10,000 or 12,000?")
    assert [side.says for side in found.sides] == ["Speaker0: 10,000 (18 Oct 2024)", "Speaker1: 12,000 (18 Oct 2024)"]


def test_figures_of_different_times_or_undated_in_different_articles_can_both_be_true():
    rising = _linked([_extract("a", "s1", "x", "nis", "2024-10-18", figures=[_figure("troops", "1,500", 1500)]),
                      _extract("b", "s2", "x", "us", "2024-10-23", figures=[_figure("troops", "3,000", 3000)])])
    undated = _linked([_extract("a", "s1", "x", "nis", figures=[_figure("troops", "10,000", 10_000)]),
                       _extract("b", "s2", "x", "us", figures=[_figure("troops", "12,000", 12_000)])])
    assert group_figures(rising)[0].conflicts == () and group_figures(undated)[0].conflicts == ()
    same_article = _linked([_extract("a", "s1", "x", "nis", figures=[_figure("troops", "40", 40)]),
                            _extract("b", "s1", "y", "lee", figures=[_figure("troops", "60", 60)])])
    assert len(group_figures(same_article)[0].conflicts) == 1


def test_a_target_is_never_an_observation_and_conflicts_only_with_a_target_for_the_same_horizon():
    linked = _same_day(_figure("troops", "12,000", 12_000, kind="estimate"),
                       _figure("troops", "10,000", 10_000, kind="target", by="2024-12"))
    [group] = group_figures(linked)
    target = next(r for r in group.rows if r.figure.kind == "target")
    assert target.when.short() == "by Dec 2024" and group.conflicts == ()
    rival = _same_day(_figure("troops", "10,000", 10_000, kind="target", by="2024-12"),
                      _figure("troops", "20,000", 20_000, kind="target", by="2024-12"),
                      _figure("troops", "30,000", 30_000, kind="target", by="2025-06"))
    [conflict] = group_figures(rival)[0].conflicts
    assert (conflict.first.figure.text, conflict.second.figure.text) == ("10,000", "20,000")
    assert conflict.why.startswith("Both are targets for December 2024")


# --- claimant conflicts ------------------------------------------------------------------------------

def test_a_figure_given_to_an_actor_who_elsewhere_could_not_confirm_it_is_a_claimant_conflict():
    extracts = [
        _extract("nis-12000", "afp", "it estimated around 12,000", "nis", "2024-10-18", stance="estimated",
                 figures=[_figure("troops", "12,000", 12_000, qualifier="around", kind="estimate")]),
        _extract("media-12000", "voa", "media, citing the NIS, reported 12,000", "media", stance="reported",
                 figures=[_figure("troops", "12,000", 12_000)]),
        _extract("nis-cannot", "voa", "The NIS stated it could not confirm these reports.", "nis", stance="could not confirm"),
    ]
    # The doubt and the media's figure are in one paragraph (the same seed line).
    linked = _linked(extracts, lines={"nis-12000": 24, "media-12000": 13, "nis-cannot": 13})
    [found] = [d for d in _discrepancies(linked) if d.kind == "claimant"]
    assert found.title == "Whose figure is 12,000 soldiers?"
    assert "Nis could not confirm it" in found.statement
    assert [[e.id for e in side.extracts] for side in found.sides] == [["nis-12000"], ["media-12000", "nis-cannot"]]
    apart = _linked(extracts, lines={"nis-12000": 24, "media-12000": 13, "nis-cannot": 15})  # the doubt is about something else
    assert [d for d in _discrepancies(apart) if d.kind == "claimant"] == []


def test_an_actor_backing_a_claim_in_one_article_and_not_confirming_it_in_another_is_a_claimant_conflict():
    extracts = [_extract("a", "s1", "x", "nis", "2024-10-18"), _extract("b", "s2", "y", "nis", "2024-10-18"),
                _extract("c", "s2", "z", "lavrov", "2024-10-10")]
    claim = Claim("troops", "Troops are in Russia", 1, (Position("a", "asserts", "", HERE), Position("b", "cannot confirm", "", HERE),
                                                          Position("c", "denies", "", HERE)), HERE)
    found = _discrepancies(_linked(extracts, claims=[claim]))
    assert [(d.kind, d.anchor) for d in found] == [("claimant", "claimant-troops--nis")]


def test_asserted_and_denied_is_the_story_not_a_discrepancy():
    extracts = [_extract("a", "s1", "troops are there", "nis", "2024-10-18"),
                _extract("b", "s2", "fake news", "lavrov", "2024-10-10")]
    claim = Claim("troops", "Troops are in Russia", 1, (Position("a", "asserts", "", HERE), Position("b", "denies", "", HERE)), HERE)
    assert _discrepancies(_linked(extracts, claims=[claim])) == ()


# --- same words --------------------------------------------------------------------------------------

def test_same_words_from_different_speakers_are_an_attribution_conflict_and_from_one_speaker_a_retelling():
    linked = _linked([_extract("a", "s1", WORDS, "stoltenberg"), _extract("b", "s2", "He said: " + WORDS + ".", "rutte")])
    [found] = _discrepancies(linked)
    assert (found.kind, found.anchor) == ("attribution", "attribution-a--b")
    assert found.title == "Same words, two speakers: Stoltenberg or Rutte?"
    retold = _linked([_extract("a", "s1", WORDS, "rutte"), _extract("b", "s2", WORDS, "rutte")])
    assert _discrepancies(retold) == () and analyse(retold).retold == (("a", "b"),)


def test_short_or_same_source_overlaps_are_not_flagged():
    same_source = [_extract("a", "s1", WORDS, "stoltenberg"), _extract("b", "s1", WORDS, "rutte")]
    # Eleven shared words: stock phrasing, below the twelve-word threshold for a quotation.
    short = [_extract("a", "s1", "have accused North Korea of supplying missiles and other conventional weapons to Russia to support its war", "us"),
             _extract("b", "s2", "delivered missiles and other conventional weapons to Russia to support its war effort", "nis")]
    for extracts in (same_source, short):
        assert _discrepancies(_linked(extracts)) == ()


def test_runs_of_words_with_equal_hashes_are_told_apart(monkeypatch):
    # Repeated runs are first found by their hashes; if every run had the same hash, the exact
    # pass must still find only the real pair (and not a and c, which share nothing).
    extracts = [_extract("a", "s1", WORDS, "stoltenberg"), _extract("b", "s2", "He said: " + WORDS + ".", "rutte"),
                _extract("c", "s3", "delivered missiles and other conventional weapons to Russia to support its war effort now", "nis")]
    expected = [("a", "b")]
    assert repeated_word_pairs(_linked(extracts)) == expected
    monkeypatch.setattr(shared_words, "hash", lambda run: 0, raising=False)
    assert repeated_word_pairs(_linked(extracts)) == expected


def test_different_dates_for_one_event_are_flagged_but_a_containing_month_is_not():
    clash = [_extract("a", "s1", "strike", events=["2024-10-03"]), _extract("b", "s2", "strike", events=["2024-10-05"])]
    event = Event("strike", "Strike", ("a", "b"), HERE)
    [found] = _discrepancies(_linked(clash, events=[event]))
    assert (found.anchor, found.statement) == ("dates-strike", "The articles date this event to 3 October 2024 and to "
                                                               "5 October 2024, which cannot be the same day.")
    agree = [_extract("a", "s1", "strike", events=["2024-10-03"]), _extract("b", "s2", "strike", events=["2024-10"]),
             _extract("c", "s3", "strike", events=["2024-10-01 to 2024-10-04"])]
    assert _discrepancies(_linked(agree, events=[Event("strike", "Strike", ("a", "b", "c"), HERE)])) == ()


def test_the_most_central_conflict_comes_first():
    extracts = [_extract("a", "s1", WORDS, "stoltenberg"), _extract("b", "s2", "He said: " + WORDS + ".", "rutte"),
                _extract("c", "s1", "x", "nis", "2024-10-18", figures=[_figure("troops", "10,000", 10_000)]),
                _extract("d", "s2", "y", "us", "2024-10-18", figures=[_figure("troops", "12,000", 12_000)])]
    assert [d.kind for d in _discrepancies(_linked(extracts))] == ["figures", "attribution"]  # figures weigh a little
    backed = _linked(extracts, key_facts=[("a", "b")])
    assert [d.kind for d in _discrepancies(backed)] == ["attribution", "figures"]  # the quotes back a key fact


# --- corroboration: voices, not articles ------------------------------------------------------------

def test_corroboration_counts_independent_voices_and_outlets():
    extracts = [_extract("a", "s1", "x", "budanov", "2024-10-22"), _extract("b", "s2", "y", "hur", "2024-10-24"),
                _extract("c", "s3", "z", "zelensky", "2024-10-25")]
    sources = {"s1": _source("s1"), "s2": _source("s2", agency="AFP"), "s3": _source("s3", agency="AFP")}
    voices = {"budanov": "hur", "hur": "ukraine", "zelensky": "ukraine"}
    claim = Claim("kursk", "In Kursk", 1, tuple(Position(i, "asserts", "", HERE) for i in "abc"), HERE)
    linked = _linked(extracts, claims=[claim], sources=sources, voices=voices)
    corroboration = claim_corroboration(linked, claim)
    assert corroboration.sources == ("s1", "s2", "s3") and corroboration.outlets == ("(s1)", "AFP")
    assert corroboration.voices == ("ukraine",) and corroboration.single_voice
    assert event_corroboration(linked, tuple(extracts[:1])).voices == ("ukraine",)


# --- whose words ----------------------------------------------------------------------------------------

def test_own_words_reported_speech_and_translation_are_told_apart():
    extracts = [_extract("own", "s1", "“We cannot confirm,” Rutte said.", "rutte"),
                _extract("reported", "s1", "Zelensky flagged intelligence reports saying troops were training.", "zelensky"),
                _extract("translated", "s2", "Kirby said, “These soldiers then proceeded.”", "kirby"),
                _extract("overridden", "s1", "Officials said the talks failed.", "officials", words="direct"),
                _extract("narrative", "s1", "The talks failed.")]
    linked = _linked(extracts, sources={"s1": _source("s1"), "s2": _source("s2", translated_from="ko")})
    assert linked.words == {"own": "direct", "reported": "reported", "translated": "translated", "overridden": "direct",
                            "narrative": ""}


def test_timeline_shows_an_event_once_with_all_sources_and_groups_statements_by_speaker_and_time():
    extracts = [_extract("a", "s1", "shipped", "nis", "2024-10-18", events=["2024-10-08 to 2024-10-13"]),
                _extract("b", "s2", "shipped", "nis", "2024-10-18", events=["2024-10-08 to 2024-10-13"]),
                _extract("c", "s2", "other", "kirby", "2024-10-23"),
                _extract("d", "s2", "last week", "lavrov", "2024-10-07 to 2024-10-13")]
    linked = _linked(extracts, events=[Event("shipped", "Shipped", ("a", "b"), HERE)])
    entries = build_timeline(linked)
    assert [(e.anchor, e.sources) for e in entries] == [
        ("said-2024-10-07--2024-10-13-lavrov", ("s2",)), ("event-shipped", ("s1", "s2")), ("said-2024-10-18-nis", ("s1", "s2")),
        ("said-2024-10-23-kirby", ("s2",))]
    analysis = analyse(linked)
    assert [t.anchor for t in analysis.by_extract_timeline["a"]] == ["event-shipped", "said-2024-10-18-nis"]


# --- who said what: statements, not extracts -------------------------------------------------------

def _statements(extracts, positions, sources=None, voices=None, key_facts=()):
    from generator.analysis.claims import claim_statements

    claim = Claim("kursk", "In Kursk", 1, tuple(Position(e, stance, "", HERE) for e, stance in positions), HERE)
    return claim_statements(_linked(extracts, claims=[claim], sources=sources, voices=voices, key_facts=key_facts))["kursk"]


def test_a_statement_retold_by_several_articles_is_one_statement():
    extracts = [_extract("a", "s1", "x", "nis", "2024-10-18"), _extract("b", "s2", "y", "nis", "2024-10-18"),
                _extract("c", "s2", "z", "nis", "2024-10-18"), _extract("d", "s3", "w", "nis", "2024-10-18")]
    [statement] = _statements(extracts, [("a", "asserts"), ("b", "asserts"), ("c", "asserts"), ("d", "asserts")],
                              key_facts=[("c",)])
    assert (statement.actor, statement.stance, statement.when.human()) == ("nis", "asserts", "18 October 2024")
    assert statement.sources == ("s1", "s2", "s3") and [s.extract.id for s in statement.retellings] == ["a", "b", "c", "d"]
    assert statement.lead.extract.id == "c"  # the retelling a key fact leans on speaks for the statement


def test_another_stance_or_day_of_the_same_actor_is_another_statement():
    extracts = [_extract("a", "s1", "x", "nis", "2024-10-18"), _extract("b", "s1", "y", "nis", "2024-10-18"),
                _extract("c", "s2", "z", "nis", "2024-10-23")]
    statements = _statements(extracts, [("c", "asserts"), ("b", "expects"), ("a", "asserts")])
    assert [(s.stance, s.when.short(), len(s.retellings)) for s in statements] == [
        ("asserts", "18 Oct 2024", 1), ("expects", "18 Oct 2024", 1), ("asserts", "23 Oct 2024", 1)]


def test_a_dated_and_an_undated_statement_do_not_merge():
    sources = {"s1": _source("s1", "2024-10-18"), "s2": _source("s2", "2024-10-18")}
    extracts = [_extract("dated", "s1", "x", "rutte", "2024-10-18"), _extract("undated", "s2", "y", "rutte")]
    statements = _statements(extracts, [("dated", "cannot confirm"), ("undated", "cannot confirm")], sources=sources)
    assert [(s.when.short(), [r.extract.id for r in s.retellings]) for s in statements] == [
        ("18 Oct 2024", ["dated"]), ("by 18 Oct 2024 (reported)", ["undated"])]
    assert statements[1].when.day is None  # never shown as said on the report's day


def test_a_spokesman_groups_under_his_country_and_an_analyst_under_no_side():
    extracts = [_extract("a", "s1", "x", "peskov", "2024-10-21"), _extract("b", "s1", "y", "lavrov", "2024-10-10"),
                _extract("c", "s2", "z", "easley", "2024-10-18"), _extract("d", "s2", "w", "rutte", "2024-10-18")]
    voices = {"peskov": "kremlin", "kremlin": "russia", "lavrov": "russia", "rutte": "nato"}
    statements = _statements(extracts, [("a", "denies"), ("b", "denies"), ("c", "doubts"), ("d", "cannot confirm")],
                             voices=voices)
    assert {s.actor: (s.voice, s.side) for s in statements} == {
        "peskov": ("russia", "russia"), "lavrov": ("russia", "russia"), "easley": ("easley", ""), "rutte": ("nato", "nato")}
