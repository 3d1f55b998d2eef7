"""schema.org JSON-LD for search engines and tools: NewsArticle per source, Quotation per extract.

Raw HTML (JSON-LD, SVG links) is not rewritten by MkDocs, so its URLs follow the site's URL style:
directory URLs (`topics/deployment/`) or file URLs (`topics/deployment.html`, which also work from file://).
"""

from __future__ import annotations

import json
import posixpath
from functools import lru_cache

from ..link import LinkedBriefing, source_page
from ..markdown_text import relative_path
from ..model import Extract, Source


def page_url(markdown_path: str, directory_urls: bool = True) -> str:
    """Site URL of a page relative to the site root: "topics/deployment/" or "topics/deployment.html"; "./" for home."""
    stem = markdown_path[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return "./"
    return stem[:-len("index")] if stem.endswith("/index") else stem + "/"


def url_between(from_page: str, to_page: str, fragment: str = "", directory_urls: bool = True) -> str:
    """Relative URL from one page to another (or to a fragment of it) in the built site."""
    return _url_between_pages(from_page, to_page, directory_urls) + (f"#{fragment}" if fragment else "")


@lru_cache(maxsize=65536)  # large briefings ask for the same few page pairs many thousands of times
def _url_between_pages(from_page: str, to_page: str, directory_urls: bool) -> str:
    if not directory_urls:
        return relative_path(page_url(to_page, False), posixpath.dirname(from_page))
    relative = relative_path(page_url(to_page).rstrip("/"), page_url(from_page).rstrip("/"))
    return "./" if relative == "." else relative.rstrip("/") + "/"


def _script(data: dict) -> str:
    # Curated text must not be able to close the script element or smuggle markup.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def news_article(linked: LinkedBriefing, source: Source) -> str:
    """JSON-LD for a source page."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "@id": "#article",
            "headline": source.headline, "datePublished": source.published.iso(), "inLanguage": source.language}
    if source.outlet.casefold() != "unknown":
        data["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.url:
        data["url"] = source.url
    return _script(data)


def quotations(linked: LinkedBriefing, extracts: list[Extract], page: str) -> str:
    """JSON-LD for the extracts shown on a topic page."""
    items = []
    for extract in extracts:
        citation = linked.citations.get(extract.id)
        source = linked.dataset.sources[extract.source]
        item = {"@type": "Quotation", "@id": f"#extract-{extract.id}", "text": linked.shown_quote(extract),
                "isBasedOn": {"@type": "NewsArticle", "@id": url_between(page, source_page(source.id), "article", linked.directory_urls),
                              "headline": source.headline,
                              "url": url_between(page, source_page(source.id), f"line-{citation.line}" if citation else "",
                                                 linked.directory_urls)}}
        if extract.speaker:
            speaker = linked.dataset.entities[extract.speaker]
            item["creator"] = {"@type": "Person" if speaker.kind == "person" else "Organization", "name": speaker.name}
        if extract.said_on:
            item["dateCreated"] = extract.said_on.iso()
        items.append(item)
    return _script({"@context": "https://schema.org", "@graph": items}) if items else ""
