"""Link stage: indexes and cross-references, computed once after everything is loaded and verified."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from .errors import Problem
from .model import Article, Citation, Dataset, Entity, Extract, PartialDate, Topic


if TYPE_CHECKING:
    from .analysis.build import Analysis


# A topic with more extracts than this is shown on several pages (readers of a briefing of
# thousands of articles should not have to load one page of megabytes).
TOPIC_PAGE_EXTRACTS = 250


def topic_page(topic_id: str, part: int = 1) -> str:
    """Path of a topic page: its first part, or a later part of a topic with many extracts."""
    # Ids never contain "--", so a later part cannot clash with another topic's page; later parts stay
    # in the same folder so that extract blocks (whose links are relative) are shared with entity pages.
    return f"topics/{topic_id}.md" if part == 1 else f"topics/{topic_id}--part-{part}.md"


def split_into_parts(extracts: list[Extract], key, size: int) -> list[list[Extract]]:
    """Consecutive parts of at most `size` extracts, cut between days where the days allow it."""
    parts: list[list[Extract]] = [[]]
    day_groups: list[list[Extract]] = []
    for extract in extracts:
        if day_groups and key(day_groups[-1][0]) == key(extract):
            day_groups[-1].append(extract)
        else:
            day_groups.append([extract])
    for group in day_groups:
        if parts[-1] and len(parts[-1]) + len(group) > size:
            parts.append([])
        for extract in group:  # a single day with more extracts than fit is cut where the page is full
            if len(parts[-1]) == size:
                parts.append([])
            parts[-1].append(extract)
    return parts


def source_page(source_id: str) -> str:
    """Path of a source page."""
    return f"sources/{source_id}.md"


def entity_page(entity_id: str) -> str:
    """Path of an entity page."""
    return f"entities/{entity_id}.md"


def extract_anchor(extract_id: str) -> str:
    """Anchor of an extract on the pages that show it."""
    return f"extract-{extract_id}"


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


@dataclass
class LinkedBriefing:
    """The dataset plus every index the pages need."""

    dataset: Dataset
    articles: dict[str, Article]
    citations: dict[str, Citation]
    topics: list[Topic] = field(default_factory=list)
    topic_rank: dict[str, int] = field(default_factory=dict)
    topic_extracts: dict[str, list[Extract]] = field(default_factory=dict)
    topic_parts: dict[str, list[list[Extract]]] = field(default_factory=dict)
    topic_sources: dict[str, int] = field(default_factory=dict)  # how many sources feed each topic
    topic_part: dict[tuple[str, str], int] = field(default_factory=dict)  # (topic, extract) -> part number
    paragraph_extracts: dict[tuple[str, int], list[Extract]] = field(default_factory=dict)
    quote_mentions: dict[str, list[Mention]] = field(default_factory=dict)
    mentions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    said_by: dict[str, list[Extract]] = field(default_factory=dict)
    mentioned_in: dict[str, list[Extract]] = field(default_factory=dict)
    source_topics: dict[str, dict[str, int]] = field(default_factory=dict)
    coverage: dict[str, SourceCoverage] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    analysis: "Analysis | None" = None
    directory_urls: bool = True  # how the site serves pages; raw HTML links must follow it
    # The render stage's memo of extract blocks, which several pages share; never part of the data.
    render_memo: dict = field(default_factory=dict, repr=False, compare=False)
    # Every page asks for these again and again; both follow from the data above and never change.
    _home_pages: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _shown_quotes: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __repr__(self) -> str:
        # The default would print every field of a briefing: megabytes for a large one, in every traceback.
        data = self.dataset
        return f"<LinkedBriefing: {len(data.sources)} sources, {len(data.extracts)} extracts, {len(data.entities)} entities>"

    def name_of(self, entity_id: str) -> str:
        """An entity's name; no entity means the article's own voice."""
        return self.dataset.entities[entity_id].name if entity_id else "the article itself"

    def reported_on(self, extract: Extract) -> PartialDate:
        """When the statement was made, or else when its source was published."""
        return extract.said_on or self.dataset.sources[extract.source].published

    def home_page(self, extract: Extract) -> str:
        """The topic page that carries an extract first (its first topic in page order)."""
        page = self._home_pages.get(extract.id)
        if page is None:
            page = self._home_pages[extract.id] = self.page_on_topic(extract, self.home_topic(extract))
        return page

    def home_topic(self, extract: Extract) -> str:
        """An extract's first topic in page order."""
        return min(extract.topics, key=lambda t: self.topic_rank.get(t, len(self.topic_rank)))

    def page_on_topic(self, extract: Extract, topic_id: str) -> str:
        """The page of a topic that shows the extract (topics with many extracts have several)."""
        return topic_page(topic_id, self.topic_part.get((topic_id, extract.id), 1))

    def topic_pages(self, topic_id: str) -> list[str]:
        """All pages of a topic, first to last."""
        return [topic_page(topic_id, n) for n in range(1, len(self.topic_parts.get(topic_id, [[]])) + 1)]

    def shown_quote(self, extract: Extract) -> str:
        """The quote exactly as the seed has it (runs of whitespace shown as one space)."""
        shown = self._shown_quotes.get(extract.id)
        if shown is None:
            citation = self.citations.get(extract.id)
            shown = self._shown_quotes[extract.id] = " ".join((citation.seed_text if citation else extract.quote).split())
        return shown


def alias_pattern(entities: list[Entity]) -> re.Pattern[str] | None:
    """One regex matching any entity name as a whole word, the longest name where several fit."""
    names = sorted({n for e in entities for n in e.names if n})
    if not names:
        return None
    # A plain alternation of hundreds of names is tried name by name at every position; a trie of
    # the names, behind a check of the first character, is over ten times faster on large briefings.
    first = "".join(sorted({re.escape(n[0]) for n in names}))
    return re.compile(rf"(?=[{first}])(?<!\w)(?:{_trie_pattern(names)})(?!\w)")


def _trie_pattern(names: list[str]) -> str:
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict) -> str:
    # Longer names are tried before a name ends here, so the longest name that fits wins.
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if "" in node:
        return f"(?:{'|'.join(branches)})?" if branches else ""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def find_mentions(text: str, pattern: re.Pattern[str] | None, owner: dict[str, str]) -> list[Mention]:
    """Every entity name in a text, left to right, without overlaps."""
    if pattern is None:
        return []
    return [Mention(owner[m.group(0)], m.start(), m.end()) for m in pattern.finditer(text)]


def link(dataset: Dataset, articles: dict[str, Article], citations: dict[str, Citation]) -> LinkedBriefing:
    """Build all indexes: by topic, by paragraph, by entity, and the mentions inside quotes."""
    linked = LinkedBriefing(dataset, articles, citations)
    linked.topics = sorted(dataset.topics.values(), key=lambda t: (t.order, t.id))
    linked.topic_rank = {t.id: rank for rank, t in enumerate(linked.topics)}
    entities = sorted(dataset.entities.values(), key=lambda e: e.id)
    owner = {name: e.id for e in entities for name in e.names}
    pattern = alias_pattern(entities)

    def sort_key(extract: Extract):
        citation = citations.get(extract.id)
        source = dataset.sources[extract.source]
        return (linked.reported_on(extract), source.published, source.id,
                citation.line if citation else 0, citation.start if citation else 0, extract.id)

    ordered = sorted(dataset.extracts.values(), key=sort_key)
    for topic in linked.topics:
        linked.topic_extracts[topic.id] = []
    for extract in ordered:
        for topic_id in extract.topics:
            linked.topic_extracts.setdefault(topic_id, []).append(extract)
        citation = citations.get(extract.id)
        if citation:
            linked.paragraph_extracts.setdefault((citation.source, citation.line), []).append(extract)
        found = find_mentions(linked.shown_quote(extract), pattern, owner)
        linked.quote_mentions[extract.id] = found
        named = [m.entity for m in found] + list(extract.mentions)
        linked.mentions[extract.id] = tuple(dict.fromkeys(e for e in named if e != extract.speaker))
        if extract.speaker:
            linked.said_by.setdefault(extract.speaker, []).append(extract)
        for entity_id in linked.mentions[extract.id]:
            linked.mentioned_in.setdefault(entity_id, []).append(extract)
        counts = linked.source_topics.setdefault(extract.source, {})
        for topic_id in extract.topics:
            counts[topic_id] = counts.get(topic_id, 0) + 1
    for topic_id, extracts in linked.topic_extracts.items():
        linked.topic_parts[topic_id] = split_into_parts(extracts, linked.reported_on, TOPIC_PAGE_EXTRACTS)
        linked.topic_sources[topic_id] = len({e.source for e in extracts})
        for number, part in enumerate(linked.topic_parts[topic_id], start=1):
            for extract in part:
                linked.topic_part[(topic_id, extract.id)] = number
    for source_id, article in articles.items():
        text = [p.line for p in article.paragraphs if p.kind == "text"]
        skipped = sum(1 for p in article.paragraphs if p.kind == "skipped")
        linked.coverage[source_id] = SourceCoverage(
            tuple(n for n in text if (source_id, n) in linked.paragraph_extracts),
            tuple(n for n in text if (source_id, n) not in linked.paragraph_extracts), skipped)
    return linked
