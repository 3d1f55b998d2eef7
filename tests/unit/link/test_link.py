"""Link stage: mentions found by alias, extracts indexed by topic, paragraph and entity."""

from __future__ import annotations

from generator.errors import Location
from generator.link.linked import find_mentions
from generator.model import Entity
from generator.pipeline import check_briefing
from generator.text import alias_pattern
from tests.support.paths import CORPUS


def _entity(id_, name, *aliases):
    return Entity(id_, "person", name, aliases, "d", "", None, Location("x"))


def test_mentions_match_whole_words_longest_first():
    entities = [_entity("nk", "North Korea", "Pyongyang"), _entity("nis", "NIS"), _entity("kim", "Kim Jong Un", "Kim Jong-un")]
    pattern = alias_pattern(name for entity in entities for name in entity.names)
    owner = {n: e.id for e in entities for n in e.names}
    found = find_mentions("North Korean troops; North Korea’s NIS said Kim Jong-un and NISX", pattern, owner)
    assert [(m.entity, m.start) for m in found] == [("nk", 21), ("nis", 35), ("kim", 44)]


def test_indexes_of_the_fixture_corpus():
    linked = check_briefing(CORPUS / "briefings", CORPUS / "seeds", CORPUS).linked
    assert [t.id for t in linked.topics] == ["talks", "history"]
    assert [e.id for e in linked.topic_extracts["talks"]] == [
        "northland-no-deal", "lee-not-serious", "treaty-1986", "lee-denies-offer", "ministry-denies-failure",
        "ministry-40-ships", "ministry-cannot-confirm", "lee-60-ships"]  # a day stated sorts before "reported that day"
    assert [e.id for e in linked.paragraph_extracts[("alpha", 5)]] == ["northland-no-deal", "lee-not-serious"]
    assert [e.id for e in linked.said_by["ana-lee"]] == ["lee-not-serious", "lee-denies-offer", "lee-60-ships"]
    assert "ministry-cannot-confirm" in [e.id for e in linked.mentioned_in["northland"]]
    assert linked.citations["lee-not-serious"].seed_text == "Southland’s envoy Ana Lee said the offer was “not serious”."
    assert linked.home_topic(linked.dataset.extracts["treaty-1986"]) == "talks"


def test_name_trie_finds_what_a_plain_longest_first_alternation_finds():
    """The fast trie pattern must agree with the obvious pattern, including names that are prefixes of others."""
    import random
    import re

    names = ["U.S.", "U.S. Army", "US", "Kim", "Kim Jong Un", "Kim Jong-un", "Kim (junior)", "NIS", "NISX", "A+B", "Zelensky",
             "Zelenskyy", "Ukraine", "Ukrainian forces", "Russia", "Russian", "[x]", "São Paulo", "Kursk region"]
    entities = [_entity(f"e{i}", name) for i, name in enumerate(names)]
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))) + r")(?!\w)")
    pattern = alias_pattern(name for entity in entities for name in entity.names)
    rng = random.Random(4)
    pieces = names + [" ", " ", ", ", "-", "x", "’s", ".", "Un", " Jong", "Army", "(", ")", "é"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_relative_dates_are_found_in_any_case_and_with_letters_that_lower_case_to_two():
    from generator.text import relative_date

    assert relative_date("He spoke LAST FRIDAY in Seoul") == "LAST FRIDAY"
    assert relative_date("Troops arrived yesterday.") == "yesterday"
    assert relative_date("İstanbul talks were held last week") == "last week"  # "İ" lower-cases to two characters
    assert relative_date("On 18 October 2024 the NIS said so.") == ""
