"""Link stage: mentions found by alias, extracts indexed by topic, paragraph and entity."""

from __future__ import annotations

from generator.link import alias_pattern, find_mentions
from generator.model import Entity
from generator.errors import Location
from generator.pipeline import check_briefing

from .conftest import CORPUS


def _entity(id_, name, *aliases):
    return Entity(id_, "person", name, aliases, "d", "", None, Location("x"))


def test_mentions_match_whole_words_longest_first():
    entities = [_entity("nk", "North Korea", "Pyongyang"), _entity("nis", "NIS"), _entity("kim", "Kim Jong Un", "Kim Jong-un")]
    pattern = alias_pattern(entities)
    owner = {n: e.id for e in entities for n in e.names}
    found = find_mentions("North Korean troops; North Korea’s NIS said Kim Jong-un and NISX", pattern, owner)
    assert [(m.entity, m.start) for m in found] == [("nk", 21), ("nis", 35), ("kim", 44)]


def test_indexes_of_the_fixture_corpus():
    linked = check_briefing(CORPUS / "briefings", CORPUS / "seeds", CORPUS)
    assert [t.id for t in linked.topics] == ["talks", "history"]
    assert [e.id for e in linked.topic_extracts["talks"]] == [
        "northland-no-deal", "lee-not-serious", "treaty-1986", "lee-denies-offer", "ministry-cannot-confirm",
        "ministry-denies-failure", "ministry-40-ships", "lee-60-ships"]
    assert [e.id for e in linked.paragraph_extracts[("alpha", 5)]] == ["northland-no-deal", "lee-not-serious"]
    assert [e.id for e in linked.said_by["ana-lee"]] == ["lee-not-serious", "lee-denies-offer", "lee-60-ships"]
    assert "ministry-cannot-confirm" in [e.id for e in linked.mentioned_in["northland"]]
    assert linked.citations["lee-not-serious"].seed_text == "Southland’s envoy Ana Lee said the offer was “not serious”."
    assert linked.home_page(linked.dataset.extracts["treaty-1986"]) == "topics/talks.md"
