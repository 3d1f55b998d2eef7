"""Reading a built site's HTML in tests: ids, links and the quotations of extracts."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageFacts:
    """What one HTML page contains."""

    ids: set[str] = field(default_factory=set)
    hrefs: list[str] = field(default_factory=list)
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (quote text, href of its source paragraph)
    tags: set[str] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._depth = 0
        self._extract_depth: int | None = None
        self._in_quote = False
        self._quote: list[str] = []
        self._pending_quote: str | None = None
        self._in_attribution = False
        self._hidden_depth: int | None = None  # inside an element readers do not see (`hidden`)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.facts.tags.add(tag)
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self._depth += 1
        if "id" in attrs:
            self.facts.ids.add(attrs["id"])
        if "hidden" in attrs and self._hidden_depth is None:
            self._hidden_depth = self._depth
        if tag == "a" and attrs.get("href"):
            self.facts.hrefs.append(attrs["href"])
            if self._in_attribution and self._pending_quote is not None and "/sources/" in attrs["href"]:
                self.facts.quotes.append((self._pending_quote, attrs["href"]))
                self._pending_quote = None
        classes = (attrs.get("class") or "").split()
        if tag == "div" and "extract" in classes:
            self._extract_depth = self._depth
        if tag == "blockquote" and self._extract_depth is not None:
            self._in_quote, self._quote = True, []
        if tag == "p" and "attribution" in classes:
            self._in_attribution = True

    def handle_endtag(self, tag):
        if tag == "blockquote" and self._in_quote:
            self._in_quote = False
            self._pending_quote = " ".join("".join(self._quote).split())
        if tag == "p":
            self._in_attribution = False
        if tag == "div" and self._extract_depth == self._depth:
            self._extract_depth = None
        if self._hidden_depth == self._depth:
            self._hidden_depth = None
        self._depth -= 1

    def handle_data(self, data):
        if self._in_quote and self._hidden_depth is None:
            self._quote.append(data)


def read_page(path: Path) -> PageFacts:
    """Parse one built page."""
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.facts


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at; None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None
    target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def site_path(site: Path, markdown_path: str) -> Path:
    """Built HTML file of a docs page path, whichever URL style the site uses."""
    stem = markdown_path[:-3]
    if (site / (stem + ".html")).is_file():
        return site / (stem + ".html")
    if stem == "index" or stem.endswith("/index"):
        return site / (stem[:-5] + "index.html")
    return site / stem / "index.html"
