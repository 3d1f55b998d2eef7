"""Ingest's suggestions on articles of other stories and styles: who speaks, how, when, and which figures.

The articles in tests/fixtures/ingest/stories/ were written for these tests (a Reuters-style flood
report, a trade story with negations, an election story with quotations, a strike story with clauses,
appositions and impersonal reports), so that the rules are
not tuned to the briefing's own five seeds.
"""

from __future__ import annotations

import pytest

from generator.errors import Location
from generator.model import Entity, PartialDate, Quantity
from generator.tools.ingest.entities import entity_stubs
from generator.tools.ingest.metadata import agency_in, outlet_of
from generator.tools.ingest.statements import sentences
from generator.tools.ingest.suggest import Known, suggest_statements
from tests.support.paths import TESTS

STORIES = TESTS / "fixtures" / "ingest" / "stories"
HERE = Location("entities.yml")


def _entity(ident, kind, name, *aliases):
    return Entity(ident, kind, name, aliases, "d", "", (0.0, 0.0) if kind == "place" else None, HERE)


def _quantity(ident, unit, title):
    return Quantity(ident, title, unit, "", HERE)


KNOWN = Known(
    [_entity("interior-ministry", "organisation", "Riverland interior ministry", "interior ministry"),
     _entity("anna-berg", "person", "Anna Berg", "Berg"), _entity("red-cross", "organisation", "Riverland Red Cross"),
     _entity("tomas-lind", "person", "Tomas Lind"), _entity("unnamed-officials", "group", "Unnamed officials"),
     _entity("karl-weiss", "person", "Karl Weiss", "Weiss"), _entity("westland", "country", "Westland"),
     _entity("eastland", "country", "Eastland", "Eastland’s"), _entity("westland-foreign-ministry", "organisation", "Westland foreign ministry", "foreign ministry"),
     _entity("analysts", "group", "Unnamed analysts"), _entity("electoral-commission", "organisation", "Northvale electoral commission", "electoral commission"),
     _entity("lena-holm", "person", "Lena Holm", "Holm"), _entity("mark-dahl", "person", "Mark Dahl"),
     _entity("nordhavn", "organisation", "Nordhavn Logistics", "Nordhavn’s board"),
     Entity("eastville", "place", "Eastville", (), "Capital of Eastland.", "", (0.0, 0.0), HERE), _entity("sara-quist", "person", "Sara Quist", "Quist"),
     _entity("harbour-radio", "organisation", "Harbour Radio"), _entity("erik-falk", "person", "Erik Falk", "Falk"),
     _entity("parliament", "organisation", "Harbourland parliament", "parliament"), _entity("lars-moen", "person", "Lars Moen"),
     _entity("shipping-lobby", "organisation", "Harbourland shipping lobby", "shipping lobby"),
     _entity("unions", "group", "Several unions"), _entity("trade-office", "organisation", "Westland trade office"), _entity("rumours", "group", "Unconfirmed reports and rumours")],
    (), (_quantity("displaced", "people", "People displaced by the floods"), _quantity("shelters", "shelters", "Shelters opened"),
         _quantity("volunteers", "volunteers", "Volunteers working"), _quantity("products", "products", "Products offered tariff cuts"),
         _quantity("stations", "polling stations", "Polling stations with delays"), _quantity("strikers", "workers", "Workers on strike")))


def _statements(name: str, published: str):
    lines = (STORIES / name).read_text(encoding="utf-8").split("\n")
    paragraphs = [(n, text) for n, text in enumerate(lines, start=1) if text.strip()][1:]  # without the headline
    year, month, day = map(int, published.split("-"))
    return suggest_statements(paragraphs, KNOWN, PartialDate(year, month, day))


def _find(statements, start: str):
    return next(s for s in statements if s.quote.startswith(start))


def test_reuters_style_flood_report():
    found = _statements("floods.txt", "2024-10-16")  # a Wednesday
    first = _find(found, "RIVERTON (Reuters)")
    assert (first.speaker, first.stance, first.said.value) == ("interior-ministry", "stated", "2024-10-15")  # "on Tuesday"
    assert [(f.text, f.qualifier, f.quantity, f.value) for f in first.figures] == [("8,000", "up to", "displaced", 8000)]
    mayor = _find(found, "Mayor Anna Berg told reporters")
    assert mayor.speaker == "anna-berg" and [(f.text, f.qualifier, f.quantity) for f in mayor.figures] == [("12", "at least", "shelters")]
    assert _find(found, "She said the city").speaker == "anna-berg"  # a pronoun, resolved
    red_cross = _find(found, "According to the Riverland Red Cross")
    assert red_cross.speaker == "red-cross" and [(f.text, f.qualifier) for f in red_cross.figures] == [("300", "around")]
    officials = _find(found, "Officials said the river")
    assert officials.speaker == "unnamed-officials"
    assert officials.said is None or officials.said.value != "2024-10-10"  # "peak on Thursday" dates the flood, not the saying
    ministry = _find(found, "The ministry could not confirm")
    assert (ministry.speaker, ministry.stance) == ("interior-ministry", "could not confirm")
    assert _find(found, "\"We have never seen").speaker == "tomas-lind"  # "said Tomas Lind"


def test_negations_and_relative_weeks_in_a_trade_story():
    found = _statements("trade.txt", "2024-10-23")  # a Wednesday
    weiss = _find(found, "Eastland's trade minister Karl Weiss")
    assert weiss.speaker == "karl-weiss" and weiss.said.value == "2024-10-14 to 2024-10-20"  # "last week"
    westland = _find(found, "Westland has not denied")
    assert (westland.speaker, westland.stance) == ("westland", "did not deny")
    assert [(f.text, f.qualifier, f.quantity) for f in westland.figures] == [("40", "more than", "products")]
    ministry = _find(found, "although its foreign ministry dismissed")
    assert ministry.stance == "dismissed"
    assert _find(found, "\"There is still").said.value == "2024-10-21"  # "on Monday"
    assert _find(found, "Analysts say").speaker == "analysts"


def test_quotations_stay_whole_and_are_attributed_after_them():
    found = _statements("vote.txt", "2024-10-14")  # a Monday
    commission = _find(found, "The electoral commission said on Sunday")
    assert (commission.speaker, commission.said.value) == ("electoral-commission", "2024-10-13")
    quote = _find(found, "\"People waited")
    assert quote.speaker == "lena-holm"
    accused = _find(found, "Opposition leader Mark Dahl accused")
    assert (accused.speaker, accused.stance) == ("mark-dahl", "accused")
    later = _find(found, "Holm said results")
    assert later.speaker == "lena-holm" and later.said.value == "2024-10-13"  # undated: the last date given before it


def test_clauses_appositions_and_impersonal_reports_in_a_strike_story():
    found = _statements("strike.txt", "2024-11-07")  # a Thursday
    silent = _find(found, "HARBOURTON")
    assert (silent.speaker, silent.stance, silent.said) == ("nordhavn", "did not comment", None)  # the walkout's day, not the saying's
    union = _find(found, "Union leader Sara Quist")  # the name before the apposition, not the company inside it
    assert (union.speaker, union.said.value) == ("sara-quist", "2024-11-05")  # "told … “Harbour Radio” on Tuesday"
    assert [(f.text, f.qualifier, f.quantity) for f in union.figures] == [("2,500", "up to", "strikers")]
    telling = _find(found, "telling parliament")  # a clause of its own, the minister's; parliament is only told
    assert (telling.speaker, telling.said.value) == ("erik-falk", "2024-10-28 to 2024-11-03")
    moen = _find(found, "with chamber president Lars Moen")
    assert (moen.speaker, moen.said.value) == ("lars-moen", "2024-11-06")
    assert (_find(found, "The shipping lobby").speaker, _find(found, "The shipping lobby").stance) == ("shipping-lobby", "warned")
    assert (_find(found, "Several unions").speaker, _find(found, "Several unions").stance) == ("unions", "accused")
    rumour = _find(found, "There is speculation")
    assert (rumour.speaker, rumour.stance) == ("rumours", "speculated")
    assert _find(found, "although Quist said").speaker == "sara-quist"
    assert _find(found, "In Eastland, Falk said").speaker == "erik-falk"  # no list of speakers: "In Eastland," sets the scene
    confirm = _find(found, "Nordhavn Logistics said")
    assert (confirm.speaker, confirm.stance) == ("nordhavn", "could not confirm")  # "couldn’t", typographic apostrophe
    condemned = _find(found, "and strongly condemned")
    assert (condemned.speaker, condemned.stance) == ("nordhavn", "condemned")
    assert _find(found, "It is believed").speaker == "rumours"
    assert (_find(found, "Quist put the number").speaker, _find(found, "Quist put the number").stance) == ("sara-quist", "estimated")
    but = _find(found, "but warned that")  # "but" and the verb: the clause before speaks on
    assert (but.speaker, but.stance) == ("sara-quist", "warned")
    capital = _find(found, "Eastville has neither")  # a capital speaks for its country
    assert (capital.speaker, capital.stance) == ("eastland", "did not deny")
    assert _find(found, "Nordhavn's board").speaker == "nordhavn"  # a straight apostrophe matches the alias’s typographic one
    assert _find(found, "Crane parts").speaker == "unnamed-officials"  # "according to Eastland officials": not Eastland
    total = _find(found, "The union said 2,000")  # the unit of the number before: "the total to", "of them"
    assert [(f.text, f.qualifier, f.quantity) for f in total.figures] == [("2,000", "", "strikers"), ("2,600", "about", "strikers"),
                                                                          ("300", "", "strikers")]
    assert _find(found, "\"We will not back down").speaker == "sara-quist"  # not the radio: "quoted the union leader as saying", the last person who spoke


@pytest.mark.parametrize("paragraph, expected", [
    ("U.S. officials said on Oct. 5 that troops left. They did not say where.", ["U.S. officials said on Oct. 5 that troops left.", "They did not say where."]),
    ("“It is over. We leave now,” he said. Then he left.", ["“It is over. We leave now,” he said.", "Then he left."]),
    ("Lind warned, “It will flood.” He said more rain was due.", ["Lind warned, “It will flood.”", "He said more rain was due."]),
    ('Lind added: "We have not seen the water reach the bridge, but we expect it to do so within days."',
     ['Lind added: "We have not seen the water reach the bridge, but we expect it to do so within days."']),
    ("Russia and North Korea have dismissed the reports, although Putin did not deny that soldiers were sent.",
     ["Russia and North Korea have dismissed the reports,", "although Putin did not deny that soldiers were sent."]),
])
def test_statements_are_verbatim_slices(paragraph, expected):
    assert sentences(paragraph) == expected
    assert all(part in paragraph for part in expected)


def test_metadata_outlet_and_agency_and_new_names():
    assert outlet_of("", "Floods force thousands from homes | Riverland Times")[0] == "Riverland Times"
    assert outlet_of("The Daily", "Anything | Else")[0] == "The Daily"
    assert outlet_of("", "A headline with no site")[0] == "unknown"
    assert agency_in(["RIVERTON (Reuters) - Floods have forced"])[0] == "Reuters"
    assert agency_in(["By Jane Roe, AFP"])[0] == "AFP"
    assert agency_in(["By Jane Roe and John Doe | Reuters"])[0] == "Reuters"
    stubs = entity_stubs(["President Ola Nordmann met Defence Minister Kari Hansen in Oslo.",
                          "Ola Nordmannn said the Norwegian Refugee Council would help."], KNOWN)
    by_name = {s.name: s for s in stubs}
    assert by_name["Ola Nordmann"].kind == "person" and by_name["Ola Nordmann"].aliases == ("Ola Nordmannn",)
    assert by_name["Norwegian Refugee Council"].kind == "organisation"
    assert not any("Anna Berg" in s.name for s in entity_stubs(["Mayor Anna Berg spoke."], KNOWN))  # known already


def test_every_suggested_stance_is_one_the_data_accepts():
    from generator.tools.ingest.attribution import STANCE_PHRASES
    from generator.vocab import STANCES
    assert {stance for _, stance in STANCE_PHRASES} <= set(STANCES)


@pytest.mark.parametrize("sentence, expected", [
    ("The NIS said it had detected that from the 8th to the 13th (of October), troops left.", ("2024-10-08 to 2024-10-13",)),
    ("Since August 2023, the North has shipped 13,000 containers.", ("2023-08 to 2024-10-18",)),
    ("Russia will deploy them in combat zones on October 27 and 28.", ("2024-10-27 to 2024-10-28",)),
    ("It fought the Korean War from 1950 to 1953.", ("1950 to 1953",)),
    ("Russia invaded Ukraine in February 2022.", ("2022-02",)),
    ("At least 3,000 soldiers arrived this month.", ("2024-10",)),
    ("Troops will arrive in Kursk on Wednesday.", ("2024-10-23",)),  # what is to come: forward from Friday 18th
    ("Troops arrived in Kursk on Wednesday.", ("2024-10-16",)),
    ("The NIS said on Oct. 17 that troops left.", None),  # the day of the saying is not an event date
    ("It aims to send 10,000 soldiers by December.", None),  # a target's horizon is no event
    ("Troops left on Feb. 30.", None),  # no such day
    ("Troops will reach the front on Wednesday, Zelensky said on Thursday.", ("2024-10-23",)),  # "will" is not the saying's
])
def test_event_dates_are_resolved_against_the_publication_date(sentence, expected):
    from generator.tools.ingest.events import event_dates_in
    found = event_dates_in(sentence, PartialDate(2024, 10, 18), said="2024-10-17")  # published on a Friday
    assert (found.spans if found else None) == expected
    if found:
        assert "18 October 2024" in found.note  # the note says what it was resolved against


def test_a_time_right_after_the_reporting_verb_dates_the_saying_before_one_earlier_in_the_sentence():
    from generator.tools.ingest.statements import said_when
    said = said_when("Troops will reach the front on Wednesday, Zelensky said on Thursday.", PartialDate(2024, 10, 18))
    assert said.value == "2024-10-17"


@pytest.mark.parametrize("paragraph, speaker", [
    ("Analysts say Eastville is likely to pay for the dams.", "analysts"),  # "analysts" is no verb; Eastville is not the speaker
    ("Lind said the river rose again.", "tomas-lind"),  # a known person by surname alone
    ("Karl Weiss declined to comment on the talks, saying Eastland's offer was private.", "karl-weiss"),  # what "saying" is about does not speak
    ("Up to 300 Eastland workers are believed to be stranded, according to the Riverland Red Cross.", "red-cross"),  # the named source wins
    ("Westland's trade office said talks would resume.", "trade-office"),  # what the possessive names, not the country
    ("Anna Berg of the Riverland Red Cross has argued that the levees failed.", "anna-berg"),  # the person, not her employer
])
def test_last_speaker_of_a_sentence_from_unseen_articles(paragraph, speaker):
    assert suggest_statements([(1, paragraph)], KNOWN, PartialDate(2024, 10, 16))[-1].speaker == speaker


def test_a_second_speaker_after_and_is_a_statement_of_its_own_with_its_own_day():
    found = suggest_statements([(1, "The interior ministry said last week it saw delays, and Mayor Anna Berg said Monday the roads "
                                    "were open.")], KNOWN, PartialDate(2024, 10, 16))
    assert [(s.speaker, s.said.value) for s in found] == [("interior-ministry", "2024-10-07 to 2024-10-13"), ("anna-berg", "2024-10-14")]


def test_times_inside_quotations_or_after_by_never_date_the_saying_and_last_month_does():
    from generator.tools.ingest.statements import said_when
    assert said_when("“We will be back on Nov. 1,” Lind said.", PartialDate(2024, 10, 16)) is None
    assert said_when("Lind said last month that the river rose.", PartialDate(2024, 10, 16)).value == "2024-09"


@pytest.mark.parametrize("sentence, expected", [
    ("Troops could arrive as early as Sunday.", ("2024-10-20",)),  # what could still happen: forward
    ("It has shipped arms since August last year.", ("2023-08 to 2024-10-18",)),
    ("Rutte said “this is serious” at NATO on Monday.", None),  # the day of the saying, past quoted words
])
def test_more_event_dates(sentence, expected):
    from generator.tools.ingest.events import event_dates_in
    found = event_dates_in(sentence, PartialDate(2024, 10, 18))
    assert (found.spans if found else None) == expected
