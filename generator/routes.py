"""The one routing table: every page's path, every anchor, URL style, navigation and edit-link origins.

Page paths are Markdown paths relative to docs/ ("topics/deployment.md"); MkDocs turns them into
"topics/deployment.html" or "topics/deployment/" (directory URLs). Links in Markdown are relative
paths between Markdown files; raw HTML (SVG links, JSON-LD) needs the final URL, in the site's style.
"""

from __future__ import annotations

from functools import lru_cache

HOME = "index.md"
TOPICS_INDEX = "topics/index.md"
SOURCES_INDEX = "sources/index.md"
ENTITIES_INDEX = "entities/index.md"
TIMELINE = "timeline.md"
FIGURES = "figures.md"
WHO_SAID_WHAT = "who-said-what.md"
CORROBORATION = "corroboration.md"
DISCREPANCIES = "discrepancies.md"
MAP = "map.md"
WHATS_NEW = "whats-new.md"
# Files beside the pages: the feeds of updates and the data as spreadsheets.
ATOM_FEED, JSON_FEED = "feed.xml", "feed.json"
CSV_TABLES = ("data/extracts.csv", "data/figures.csv", "data/events.csv")
PUBLISHED_FILES = (ATOM_FEED, JSON_FEED, *CSV_TABLES)
SEARCH = "search.md"  # the Pagefind search page, when that search is chosen

ANALYSIS_PAGES = (TIMELINE, FIGURES, WHO_SAID_WHAT, CORROBORATION, DISCREPANCIES, MAP)
# Folders of pages reached from their index and from other pages, never listed in the navigation.
UNLISTED_FOLDERS = ("sources", "entities")

# Ids that would take the path of one of the site's own pages, or an anchor the page already uses.
RESERVED_IDS = {
    "topic": {"index": "topics/index is the list of topics"},
    "entity": {"index": "entities/index is the list of people, organisations and places"},
    "source": {"index": "sources/index is the list of sources"},
    "claim": {"matrix": "it is the anchor of the matrix on the who-said-what page"},
}

# A topic with more extracts than this is shown on several pages (readers of a briefing of
# thousands of articles should not have to load one page of megabytes).
TOPIC_PAGE_EXTRACTS = 100


# Conflicts per page of the discrepancies page: a briefing of thousands of articles finds hundreds.
DISCREPANCIES_PAGE_ITEMS = 25


def discrepancies_page(part: int = 1) -> str:
    """The discrepancies page, or one of its later parts."""
    return DISCREPANCIES if part == 1 else f"discrepancies--part-{part}.md"


def topic_page(topic_id: str, part: int = 1) -> str:
    """Path of a topic page: its first part, or a later part of a topic with many extracts."""
    # Ids never contain "--", so a later part cannot clash with another topic's page; later parts stay
    # in the same folder so that extract blocks (whose links are relative) are shared with entity pages.
    return f"topics/{topic_id}.md" if part == 1 else f"topics/{topic_id}--part-{part}.md"


def source_page(source_id: str) -> str:
    """Path of a source page."""
    return f"sources/{source_id}.md"


def entity_page(entity_id: str) -> str:
    """Path of an entity page."""
    return f"entities/{entity_id}.md"


# How search ranks each page's sections, by page kind. A quote is shown in full once, on its topic page;
# source pages hold whole articles and analysis pages retell quotes in short: a pasted quote should land
# on its extract, not on a long page that happens to hold more of the words.
SEARCH_BOOSTS = {"topics": 3.0, "sources": 0.5, "analysis": 0.5, "home": 0.5}


def search_boost(path: str) -> float | None:
    """How search weighs a generated page's sections (None: as any page)."""
    if path == HOME:
        return SEARCH_BOOSTS["home"]
    if path in ANALYSIS_PAGES:
        return SEARCH_BOOSTS["analysis"]
    folder = path.partition("/")[0] if "/" in path else ""
    if path in (TOPICS_INDEX, SOURCES_INDEX):
        return None
    return SEARCH_BOOSTS.get(folder)


def in_nav(path: str) -> bool:
    """Whether a generated page is listed in the navigation (index pages, analysis pages, first topic pages)."""
    folder = path.partition("/")[0] if "/" in path else ""
    if path.endswith("index.md"):
        return True
    return folder not in UNLISTED_FOLDERS and "--part-" not in path


def not_in_nav_patterns() -> str:
    """The same rule as MkDocs `not_in_nav` patterns, for builds without the plugin."""
    return "".join(f"/{folder}/*.md\n" for folder in UNLISTED_FOLDERS) + "/topics/*--part-*.md\n/discrepancies--part-*.md\n"


# Anchors. Explicit and made from stable ids, so links survive any change of wording.

def extract_anchor(extract_id: str) -> str:
    """Anchor of an extract on the pages that show it."""
    return f"extract-{extract_id}"


def paragraph_anchor(line: int) -> str:
    """Anchor of a paragraph (a seed line) on its source page."""
    return f"line-{line}"


def paragraph_link(from_page: str, source_id: str, line: int) -> str:
    """Markdown link target of a paragraph of a source, from a page."""
    return relative(from_page, source_page(source_id)) + "#" + paragraph_anchor(line)


def figure_anchor(quantity_id: str, extract_id: str) -> str:
    """Anchor of an extract's row in a quantity's table on the figures page."""
    return f"figure-{quantity_id}-{extract_id}"


def update_anchor(source_id: str) -> str:
    """Anchor of one source's update on the "What's new" page."""
    return f"update-{source_id}"


def event_anchor(event_id: str) -> str:
    """Anchor of an event on the timeline."""
    return f"event-{event_id}"


def statement_anchor(day_iso: str, speaker: str) -> str:
    """Anchor of one speaker's statements of one day on the timeline."""
    return f"said-{day_iso}-{speaker}"


def discrepancy_anchor(kind: str, *ids: str) -> str:
    """Anchor of a discrepancy on the discrepancies page: its kind, then the ids it is about."""
    return f"{kind}-{'--'.join(ids)}"


def month_anchor(year: int, month: int) -> str:
    """Anchor of a month on the timeline."""
    return f"month-{year:04d}-{month:02d}"


# URLs.

def page_url(markdown_path: str, directory_urls: bool = True) -> str:
    """Site URL of a page relative to the site root: "topics/deployment/" or "topics/deployment.html"; "./" for home."""
    stem = markdown_path[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return "./"
    return stem[:-len("index")] if stem.endswith("/index") else stem + "/"


# The file endings MkDocs reads as Markdown pages.
MARKDOWN_ENDINGS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def output_file(path: str, directory_urls: bool) -> str:
    """The file a docs path becomes in the built site, by MkDocs' rules (`x.md` -> `x.html` or `x/index.html`)."""
    ending = next((e for e in MARKDOWN_ENDINGS if path.endswith(e)), "")
    if not ending:
        return path
    stem = path[:-len(ending)]
    folder, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        return f"{folder}/index.html" if folder else "index.html"
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def url_between(from_page: str, to_page: str, fragment: str = "", directory_urls: bool = True) -> str:
    """Relative URL from one page to another (or to a fragment of it) in the built site, for raw HTML."""
    return _url_between_pages(from_page, to_page, directory_urls) + (f"#{fragment}" if fragment else "")


@lru_cache(maxsize=65536)  # large briefings ask for the same few page pairs many thousands of times
def _url_between_pages(from_page: str, to_page: str, directory_urls: bool) -> str:
    if not directory_urls:
        return relative_path(page_url(to_page, False), from_page.rpartition("/")[0])
    relative = relative_path(page_url(to_page).rstrip("/"), page_url(from_page).rstrip("/"))
    return "./" if relative == "." else relative.rstrip("/") + "/"


@lru_cache(maxsize=65536)
def relative(from_page: str, to_page: str) -> str:
    """Relative link from one page path to another, for Markdown links (MkDocs resolves them)."""
    return relative_path(to_page, from_page.rpartition("/")[0])


def relative_path(target: str, folder: str) -> str:
    """A clean relative path as seen from a folder ("" or "." for the root): posixpath.relpath without the file system."""
    target_parts = [p for p in target.split("/") if p and p != "."]
    folder_parts = [p for p in folder.split("/") if p and p != "."]
    common = 0
    while common < min(len(target_parts), len(folder_parts)) and target_parts[common] == folder_parts[common]:
        common += 1
    return "/".join([".."] * (len(folder_parts) - common) + target_parts[common:]) or "."


def search_page_url(directory_urls: bool) -> str:
    """The Pagefind search page's address from the site root."""
    return page_url(SEARCH, directory_urls)


def edit_origins(dataset, topic_pages: dict[str, list[str]], discrepancy_pages: list[str] = ()) -> dict[str, str]:
    """For each generated page, the editors' YAML file it mostly comes from (for edit links)."""
    first = lambda items, fallback: next((i.location.path for i in items), fallback)  # noqa: E731
    origins = {
        HOME: dataset.briefing.location.path,
        TOPICS_INDEX: first(dataset.topics.values(), "briefings"),
        SOURCES_INDEX: first(dataset.sources.values(), "briefings"),
        ENTITIES_INDEX: first(dataset.entities.values(), "briefings"),
        TIMELINE: first(dataset.events.values(), "briefings"),
        FIGURES: first(dataset.quantities.values(), "briefings"),
        WHO_SAID_WHAT: first(dataset.claims.values(), "briefings"),
        CORROBORATION: first(dataset.claims.values(), "briefings"),
        DISCREPANCIES: first(dataset.claims.values(), "briefings"),
        MAP: first(dataset.entities.values(), "briefings"),
        WHATS_NEW: first(dataset.sources.values(), "briefings"),
    }
    origins.update({page: t.location.path for t in dataset.topics.values() for page in topic_pages.get(t.id, [])})
    origins.update({page: origins[DISCREPANCIES] for page in discrepancy_pages})
    origins.update({source_page(s.id): s.location.path for s in dataset.sources.values()})
    origins.update({entity_page(e.id): e.location.path for e in dataset.entities.values()})
    return dict(sorted(origins.items()))
