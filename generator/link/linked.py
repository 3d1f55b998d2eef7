"""Link stage: the indexes every later stage needs, computed once from the verified data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Citation, Dataset, Extract, Topic, When
from ..text import alias_pattern


@dataclass(frozen=True)
class Mention:
    """An entity named inside a quote, by one of its names, at [start, end) of the shown text."""

    entity: str
    start: int
    end: int


@dataclass(frozen=True)
class SourceCoverage:
    """Which article-text paragraphs of a source extracts cite; subheadings are not counted."""

    cited: tuple[int, ...]
    uncited: tuple[int, ...]
    skipped_lines: int

    @property
    def total(self) -> int:
        """Article-text paragraphs."""
        return len(self.cited) + len(self.uncited)

    def percent(self) -> int:
        """Share of article-text paragraphs cited, rounded down (100 only when complete)."""
        return 100 * len(self.cited) // self.total if self.total else 100


@dataclass(frozen=True)
class LinkedBriefing:
    """The verified dataset plus every index the later stages need."""

    dataset: Dataset
    articles: dict[str, Article]
    citations: dict[str, Citation]
    shown_quotes: dict[str, str]  # extract id -> the quote as the seed has it, whitespace folded
    topics: tuple[Topic, ...]  # in page order
    topic_rank: dict[str, int]
    topic_extracts: dict[str, tuple[Extract, ...]]  # in the order they were said or published
    topic_sources: dict[str, int]  # how many sources feed each topic
    paragraph_extracts: dict[tuple[str, int], tuple[Extract, ...]]
    quote_mentions: dict[str, tuple[Mention, ...]]
    mentions: dict[str, tuple[str, ...]]  # extract id -> entities named or mentioned, not the speaker
    said_by: dict[str, tuple[Extract, ...]]
    mentioned_in: dict[str, tuple[Extract, ...]]
    source_topics: dict[str, dict[str, int]]  # source id -> topic id -> extracts
    coverage: dict[str, SourceCoverage]
    words: dict[str, str]  # extract id -> whose words the quote is (vocab.WORDS), "" for the article's own voice
    weights: dict[str, int]  # extract id -> how central it is to the briefing (see `extract_weights`)

    def __repr__(self) -> str:
        # The default would print every field of a briefing: megabytes for a large one, in every traceback.
        data = self.dataset
        return f"<LinkedBriefing: {len(data.sources)} sources, {len(data.extracts)} extracts, {len(data.entities)} entities>"

    def name_of(self, entity_id: str) -> str:
        """An entity's name; no entity means the article's own voice."""
        return self.dataset.entities[entity_id].name if entity_id else "the article itself"

    def said(self, extract: Extract) -> When:
        """When the statement was made, as exactly as the text says: its date or bound, or only when it was reported."""
        return said(self.dataset, extract)

    def home_topic(self, extract: Extract) -> str:
        """An extract's first topic in page order."""
        return min(extract.topics, key=lambda t: self.topic_rank.get(t, len(self.topic_rank)))

    def shown_quote(self, extract: Extract) -> str:
        """The quote exactly as the seed has it (runs of whitespace shown as one space)."""
        return self.shown_quotes[extract.id]


def said(dataset: Dataset, extract: Extract) -> When:
    """When the statement was made, as exactly as the text says: its date or bound, or only when it was reported."""
    return extract.said_on or When.reported(dataset.sources[extract.source].published)


# Quotation marks an article puts around a speaker's own words.
_QUOTED = re.compile(r"[“\"«„]")


def whose_words(dataset: Dataset, extract: Extract, shown_quote: str) -> str:
    """The editors' `words`, else: translated when the source is a translation, the speaker's own words when
    the quote holds words in quotation marks, else the article's report of what was said."""
    if extract.words or not extract.speaker:
        return extract.words
    if dataset.sources[extract.source].translated_from:
        return "translated"
    return "direct" if _QUOTED.search(shown_quote) else "reported"


def extract_weights(dataset: Dataset) -> dict[str, int]:
    """How central each extract is: cited by key facts (3 each), topic summaries (2), key claims and events (1),
    plus 1 for giving a figure. Pages show the most central evidence first; conflicts are ranked by it."""
    weight: dict[str, int] = {}
    cited = ([(p.evidence, 3) for p in dataset.briefing.key_facts] + [(p.evidence, 2) for t in dataset.topics.values() for p in t.summary]
             + [((p.extract for p in c.positions), 1) for c in dataset.claims.values()]
             + [(e.evidence, 1) for e in dataset.events.values()]
             + [((e.id for e in dataset.extracts.values() if e.figures), 1)])
    for ids, points in cited:
        for extract_id in ids:
            weight[extract_id] = weight.get(extract_id, 0) + points
    return weight


def find_mentions(text: str, pattern: re.Pattern[str] | None, owner: dict[str, str]) -> list[Mention]:
    """Every entity name in a text, left to right, without overlaps."""
    if pattern is None:
        return []
    return [Mention(owner[m.group(0)], m.start(), m.end()) for m in pattern.finditer(text)]


def link(dataset: Dataset, articles: dict[str, Article], citations: dict[str, Citation]) -> LinkedBriefing:
    """Build all indexes: by topic, by paragraph, by entity, and the mentions inside quotes."""
    topics = tuple(sorted(dataset.topics.values(), key=lambda t: (t.order, t.id)))
    entities = sorted(dataset.entities.values(), key=lambda e: e.id)
    owner = {name: e.id for e in entities for name in e.names}
    pattern = alias_pattern(owner)

    def sort_key(extract: Extract):
        citation = citations.get(extract.id)
        source = dataset.sources[extract.source]
        return (said(dataset, extract).sort_key(), source.published, source.id,
                citation.line if citation else 0, citation.start if citation else 0, extract.id)

    shown_quotes: dict[str, str] = {}
    topic_extracts: dict[str, list[Extract]] = {t.id: [] for t in topics}
    paragraph_extracts: dict[tuple[str, int], list[Extract]] = {}
    quote_mentions: dict[str, tuple[Mention, ...]] = {}
    mentions: dict[str, tuple[str, ...]] = {}
    said_by: dict[str, list[Extract]] = {}
    mentioned_in: dict[str, list[Extract]] = {}
    source_topics: dict[str, dict[str, int]] = {}
    for extract in sorted(dataset.extracts.values(), key=sort_key):
        citation = citations.get(extract.id)
        shown = shown_quotes[extract.id] = " ".join((citation.seed_text if citation else extract.quote).split())
        for topic_id in extract.topics:
            topic_extracts.setdefault(topic_id, []).append(extract)
        if citation:
            paragraph_extracts.setdefault((citation.source, citation.line), []).append(extract)
        found = quote_mentions[extract.id] = tuple(find_mentions(shown, pattern, owner))
        named = [m.entity for m in found] + list(extract.mentions)
        mentions[extract.id] = tuple(dict.fromkeys(e for e in named if e != extract.speaker))
        if extract.speaker:
            said_by.setdefault(extract.speaker, []).append(extract)
        for entity_id in mentions[extract.id]:
            mentioned_in.setdefault(entity_id, []).append(extract)
        counts = source_topics.setdefault(extract.source, {})
        for topic_id in extract.topics:
            counts[topic_id] = counts.get(topic_id, 0) + 1
    coverage = {}
    for source_id, article in articles.items():
        text = [p.line for p in article.paragraphs if p.kind == "text"]
        skipped = sum(1 for p in article.paragraphs if p.kind == "skipped")
        coverage[source_id] = SourceCoverage(tuple(n for n in text if (source_id, n) in paragraph_extracts),
                                             tuple(n for n in text if (source_id, n) not in paragraph_extracts), skipped)
    return LinkedBriefing(
        dataset=dataset, articles=articles, citations=citations, shown_quotes=shown_quotes, topics=topics,
        topic_rank={t.id: rank for rank, t in enumerate(topics)},
        topic_extracts={t: tuple(e) for t, e in topic_extracts.items()},
        topic_sources={t: len({e.source for e in extracts}) for t, extracts in topic_extracts.items()},
        paragraph_extracts={k: tuple(v) for k, v in paragraph_extracts.items()},
        quote_mentions=quote_mentions, mentions=mentions,
        said_by={k: tuple(v) for k, v in said_by.items()}, mentioned_in={k: tuple(v) for k, v in mentioned_in.items()},
        source_topics=source_topics, coverage=coverage,
        words={e.id: whose_words(dataset, e, shown_quotes[e.id]) for e in dataset.extracts.values()},
        weights=extract_weights(dataset),
    )
