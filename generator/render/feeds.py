"""The briefing's updates as an Atom feed (feedgen) and a JSON Feed 1.1: one entry per source, dated by its publication.

Deterministic: the feed's own date is the latest source's, never the build's clock. Entry ids are
URNs made from source ids, so they stay the same whatever address the site is published at.
"""

from __future__ import annotations

import datetime
import html
import json

from feedgen.feed import FeedGenerator

from ..routes import ATOM_FEED, HOME, JSON_FEED, WHATS_NEW, extract_anchor, page_url, source_page, update_anchor
from .context import RenderContext
from .labels import short_quote, source_label
from .updates import SourceUpdate, source_updates

FEED_ID = "urn:x-briefing:updates"
EDITORS = "The briefing’s editors"


def _entry_id(source_id: str) -> str:
    return f"urn:x-briefing:source:{source_id}"


def _moment(update: SourceUpdate) -> datetime.datetime:
    day = update.source.published.first_day()
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)


class _Links:
    """Addresses in a feed: absolute under the site's address when it is known, else relative to the site root,
    where the feeds are published."""

    def __init__(self, ctx: RenderContext) -> None:
        self.ctx, self.base = ctx, (ctx.site_url.rstrip("/") + "/") if ctx.site_url else ""

    def page(self, path: str, anchor: str = "") -> str:
        url = page_url(path, self.ctx.directory_urls)
        return self.base + ("" if url == "./" and self.base else url) + (f"#{anchor}" if anchor else "")


def _title(update: SourceUpdate) -> str:
    return f"{source_label(update.source)}: {len(update.extracts)} extract{'s' if len(update.extracts) != 1 else ''} added"


def _content_html(ctx: RenderContext, update: SourceUpdate, links: _Links) -> str:
    """What the source added, as HTML with every curated text escaped."""
    opened = tuple((d.anchor, d.title, ctx.discrepancy_page(d)) for d in update.opened)
    return ctx.reused(("feed entry", update.source.id), update.extracts, lambda: _content(ctx, update, links),
                      (update.source, opened))


def _content(ctx: RenderContext, update: SourceUpdate, links: _Links) -> str:
    source = update.source
    parts = [f'<p>Published {html.escape(source.published.human())}. '
             f'<a href="{html.escape(links.page(source_page(source.id)))}">The article, paragraph by paragraph</a>.</p>', "<ul>"]
    for extract in update.extracts:
        who = f"{ctx.dataset.entities[extract.speaker].name} {extract.stance}" if extract.speaker else "The article"
        href = links.page(ctx.home_page(extract), extract_anchor(extract.id))
        parts.append(f'<li>{html.escape(who)}: <a href="{html.escape(href)}">{html.escape(short_quote(ctx, extract))}</a></li>')
    parts.append("</ul>")
    if update.opened:
        items = "".join(f'<li><a href="{html.escape(links.page(ctx.discrepancy_page(d), d.anchor))}">{html.escape(d.title)}</a></li>'
                        for d in update.opened)
        parts.append(f"<p>Conflicts between sources it opened:</p><ul>{items}</ul>")
    return "".join(parts)


def atom_feed(ctx: RenderContext) -> str:
    """The Atom feed of updates, newest first."""
    updates, links = source_updates(ctx), _Links(ctx)
    feed = FeedGenerator()
    feed.id(FEED_ID)
    feed.title(ctx.dataset.briefing.title or "Briefing")
    feed.subtitle(ctx.dataset.briefing.description or "Updates")
    feed.author({"name": EDITORS})
    feed.link(href=links.page(WHATS_NEW), rel="alternate", type="text/html")
    feed.link(href=links.base + ATOM_FEED, rel="self", type="application/atom+xml")
    feed.language("en")
    feed.updated(max((_moment(u) for u in updates), default=datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)))
    for update in updates:
        entry = feed.add_entry(order="append")
        entry.id(_entry_id(update.source.id))
        entry.title(_title(update))
        entry.link(href=links.page(WHATS_NEW, update_anchor(update.source.id)), rel="alternate", type="text/html")
        entry.published(_moment(update))
        entry.updated(_moment(update))
        entry.content(_content_html(ctx, update, links), type="html")
    return feed.atom_str(pretty=True).decode("utf-8")


def json_feed(ctx: RenderContext) -> str:
    """The same updates as a JSON Feed 1.1."""
    updates, links = source_updates(ctx), _Links(ctx)
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": ctx.dataset.briefing.title or "Briefing",
            "description": ctx.dataset.briefing.description, "language": "en", "authors": [{"name": EDITORS}],
            "home_page_url": links.page(HOME), "feed_url": links.base + JSON_FEED,
            "items": [{"id": _entry_id(u.source.id), "url": links.page(WHATS_NEW, update_anchor(u.source.id)),
                       "title": _title(u), "content_html": _content_html(ctx, u, links),
                       "date_published": _moment(u).isoformat()} for u in updates]}
    return json.dumps(feed, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
