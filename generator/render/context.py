"""What every page is rendered from: the checked briefing, the site's URL style, topic paging and shared caches."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..analysis.analyse import Analysis
from ..checks.checked import CheckedBriefing
from ..link.linked import LinkedBriefing, Mention, SourceCoverage
from ..model import Article, Citation, Dataset, Extract, Topic, When
from .. import routes
from ..reuse import Reuse
from ..routes import topic_page
from .sections import Section, split_sections, topic_sections
from .signatures import changed_extracts


@dataclass(frozen=True)
class RenderContext:
    """The checked briefing's data as pages need it, plus how the site serves pages and which page shows what.

    The linked indexes are the same objects as in the briefing, held here directly because pages
    read them hundreds of thousands of times on large briefings.
    """

    briefing: CheckedBriefing
    directory_urls: bool  # how the site serves pages; raw HTML links must follow it
    topic_parts: dict[str, tuple[tuple[Section, ...], ...]]  # a topic's sections, page by page
    part_of: dict[tuple[str, str], int]  # (topic, extract) -> the topic page that shows it
    discrepancy_parts: dict[str, int]  # a conflict's anchor -> the part of the discrepancies page that shows it
    analysis: Analysis
    linked: LinkedBriefing
    dataset: Dataset
    articles: dict[str, Article]
    citations: dict[str, Citation]
    topics: tuple[Topic, ...]
    topic_extracts: dict[str, tuple[Extract, ...]]
    topic_sources: dict[str, int]
    paragraph_extracts: dict[tuple[str, int], tuple[Extract, ...]]
    quote_mentions: dict[str, tuple[Mention, ...]]
    mentions: dict[str, tuple[str, ...]]
    said_by: dict[str, tuple[Extract, ...]]
    mentioned_in: dict[str, tuple[Extract, ...]]
    source_topics: dict[str, dict[str, int]]
    coverage: dict[str, SourceCoverage]
    shown_quotes: dict[str, str]
    words: dict[str, str]
    paragraph_numbers: dict[tuple[str, int], int]  # (source, seed line) -> paragraph number as readers count
    paragraph_text: dict[tuple[str, int], str]  # (source, seed line) -> the paragraph's text
    site_url: str = ""  # where the site is published, for citations readers copy; "" when not known
    # Extract blocks that topic and entity pages share, rendered once per folder depth; never part of the data.
    memo: dict = field(default_factory=dict, repr=False, compare=False)
    home_pages: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    # While previewing: pieces rendered by the previous build, reused when what they show is unchanged.
    reuse: Reuse | None = field(default=None, repr=False, compare=False)
    changed: list = field(default_factory=list, repr=False, compare=False)  # [(token, changed extract ids)] once known

    def __repr__(self) -> str:
        return f"<RenderContext of {self.linked!r}>"

    def name_of(self, entity_id: str) -> str:
        """An entity's name; no entity means the article's own voice."""
        return self.dataset.entities[entity_id].name if entity_id else "the article itself"

    def said(self, extract: Extract) -> When:
        """When the statement was made, as exactly as the text says, or only when it was reported."""
        return extract.said_on or When.reported(self.dataset.sources[extract.source].published)

    def shown_quote(self, extract: Extract) -> str:
        """The quote exactly as the seed has it (runs of whitespace shown as one space)."""
        return self.shown_quotes[extract.id]

    def home_topic(self, extract: Extract) -> str:
        """An extract's first topic in page order."""
        return self.linked.home_topic(extract)

    def home_page(self, extract: Extract) -> str:
        """The topic page that carries an extract first (its first topic in page order)."""
        page = self.home_pages.get(extract.id)
        if page is None:
            page = self.home_pages[extract.id] = self.page_on_topic(extract, self.home_topic(extract))
        return page

    def page_on_topic(self, extract: Extract, topic_id: str) -> str:
        """The page of a topic that shows the extract (topics with many extracts have several)."""
        return topic_page(topic_id, self.part_of.get((topic_id, extract.id), 1))

    def reused(self, key: tuple, extracts, render, also=(), changed: bool = False):
        """`render()`, or what it gave in the previous build when everything global, the extracts it shows
        (their signatures: see signatures.py) and `also` (what else it reads) are unchanged.

        `changed`: the caller has found that an extract it reads changed (see `any_changed`).
        """
        if self.reuse is None:
            return render()
        token, _ = self._changes()
        if changed or self.any_changed(extracts):
            self.reuse.forget(key)
        return self.reuse.get(key, (token, also, tuple(e.id for e in extracts)), render)

    def any_changed(self, extracts) -> bool:
        """Whether the signature of any of these extracts changed since the previous build (always False without reuse)."""
        if self.reuse is None:
            return False
        changed = self._changes()[1]
        return any(e.id in changed for e in extracts)

    def _changes(self) -> tuple[object, set[str]]:
        if not self.changed:
            self.changed.append(changed_extracts(self, self.reuse))
        return self.changed[0]

    def discrepancy_page(self, discrepancy) -> str:
        """The part of the discrepancies page that shows a conflict."""
        return routes.discrepancies_page(self.discrepancy_parts.get(discrepancy.anchor, 1))

    def discrepancy_pages(self) -> list[str]:
        """Every part of the discrepancies page, first to last."""
        return [routes.discrepancies_page(n) for n in range(1, max(self.discrepancy_parts.values(), default=1) + 1)]

    def topic_pages(self, topic_id: str) -> list[str]:
        """All pages of a topic, first to last."""
        return [topic_page(topic_id, n) for n in range(1, len(self.topic_parts.get(topic_id, ((),))) + 1)]


def render_context(briefing: CheckedBriefing, directory_urls: bool, site_url: str = "", reuse: Reuse | None = None) -> RenderContext:
    """The context for rendering a checked briefing for a site with the given URL style (`reuse`: see `RenderContext.reused`)."""
    linked = briefing.linked
    parts = {topic_id: split_sections(topic_sections(linked, briefing.analysis, topic_id), routes.TOPIC_PAGE_EXTRACTS)
             for topic_id in linked.topic_extracts}
    part_of = {(topic_id, extract.id): number for topic_id, topic_parts in parts.items()
               for number, part in enumerate(topic_parts, start=1) for section in part for extract in section.extracts()}
    numbers, texts = _paragraphs(linked.articles)
    return RenderContext(
        briefing=briefing, directory_urls=directory_urls, topic_parts=parts, part_of=part_of,
        discrepancy_parts={d.anchor: 1 + n // routes.DISCREPANCIES_PAGE_ITEMS for n, d in enumerate(briefing.analysis.discrepancies)},
        analysis=briefing.analysis, linked=linked, dataset=linked.dataset, articles=linked.articles,
        citations=linked.citations, topics=linked.topics, topic_extracts=linked.topic_extracts,
        topic_sources=linked.topic_sources, paragraph_extracts=linked.paragraph_extracts,
        quote_mentions=linked.quote_mentions, mentions=linked.mentions, said_by=linked.said_by,
        mentioned_in=linked.mentioned_in, source_topics=linked.source_topics, coverage=linked.coverage,
        shown_quotes=linked.shown_quotes, words=linked.words, paragraph_numbers=numbers, paragraph_text=texts,
        site_url=site_url, reuse=reuse,
    )


def _paragraphs(articles: dict[str, Article]) -> tuple[dict[tuple[str, int], int], dict[tuple[str, int], str]]:
    """Paragraph numbers (article text only: no headings, no skipped furniture) and texts by source and line."""
    numbers, texts = {}, {}
    for source_id, article in articles.items():
        count = 0
        for paragraph in article.paragraphs:
            texts[(source_id, paragraph.line)] = paragraph.text
            if paragraph.kind == "text":
                count += 1
                numbers[(source_id, paragraph.line)] = count
    return numbers, texts
