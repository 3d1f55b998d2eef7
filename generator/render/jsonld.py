"""schema.org JSON-LD for search engines and tools: NewsArticle per source, Quotation per extract.

Raw HTML (JSON-LD, SVG links) is not rewritten by MkDocs, so its URLs follow the site's URL style:
directory URLs (`topics/deployment/`) or file URLs (`topics/deployment.html`, which also work from file://).
"""

from __future__ import annotations

import json

from ..model import Extract, Source
from ..routes import extract_anchor, paragraph_anchor, source_page, url_between
from .context import RenderContext


def _script(data: dict) -> str:
    return _escaped(json.dumps(data, ensure_ascii=False, sort_keys=True))


def _escaped(text: str) -> str:
    # Curated text must not be able to close the script element or smuggle markup.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def news_article(ctx: RenderContext, source: Source) -> str:
    """JSON-LD for a source page."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "@id": "#article",
            "headline": source.headline, "datePublished": source.published.iso(), "inLanguage": source.language}
    if source.outlet.casefold() != "unknown":
        data["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.url:
        data["url"] = source.url
    return _script(data)


def quotations(ctx: RenderContext, extracts: list[Extract], page: str) -> str:
    """JSON-LD for the extracts shown on a topic page."""
    if not extracts:
        return ""
    items = [ctx.reused(("quotation", extract.id, page), (extract,), lambda extract=extract: _quotation(ctx, extract, page))
             for extract in extracts]
    # What json.dumps(..., sort_keys=True) writes for the whole graph, made of each extract's part (kept between previews).
    return _escaped('{"@context": "https://schema.org", "@graph": [' + ", ".join(items) + "]}")


def _quotation(ctx: RenderContext, extract: Extract, page: str) -> str:
    citation = ctx.citations.get(extract.id)
    source = ctx.dataset.sources[extract.source]
    item = {"@type": "Quotation", "@id": "#" + extract_anchor(extract.id), "text": ctx.shown_quote(extract),
            "isBasedOn": {"@type": "NewsArticle", "@id": url_between(page, source_page(source.id), "article", ctx.directory_urls),
                          "headline": source.headline,
                          "url": url_between(page, source_page(source.id), paragraph_anchor(citation.line) if citation else "",
                                             ctx.directory_urls)}}
    if extract.speaker:
        speaker = ctx.dataset.entities[extract.speaker]
        item["creator"] = {"@type": "Person" if speaker.kind == "person" else "Organization", "name": speaker.name}
    if extract.said_on and extract.said_on.kind == "on":  # schema.org has no way to say "before 21 October"
        item["dateCreated"] = extract.said_on.iso()
    return json.dumps(item, ensure_ascii=False, sort_keys=True)
