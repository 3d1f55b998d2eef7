"""Feeds of updates (Atom, JSON Feed 1.1) and CSV tables: valid, stable, deterministic, curated text kept as text."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

from generator.pipeline import generate_site
from generator.render.tables import csv_text

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = "Troop </title><script>alert(1)</script> & <b>deployment</b>"


def _site(corpus, site_url=""):
    return generate_site(corpus / "briefings", corpus / "seeds", corpus, directory_urls=False, site_url=site_url)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _text(markup: str) -> list[str]:
    parser = _Tags()
    parser.feed(markup)
    return parser.text


def test_atom_feed_parses_with_one_entry_per_source_newest_first_dated_by_publication(corpus):
    site = _site(corpus)
    root = ElementTree.fromstring(site.files["feed.xml"].encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    sources = site.briefing.linked.dataset.sources
    assert len(entries) == len(sources)
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.find(f"{ATOM}updated").text == updated[0]  # the feed's date is the latest source's, not the clock
    days = sorted((s.published.first_day().isoformat() for s in sources.values()), reverse=True)
    assert [u[:10] for u in updated] == days
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("urn:x-briefing:source:")
        assert entry.find(f"{ATOM}link").get("href").startswith("whats-new.html#update-")
        assert entry.find(f"{ATOM}content").get("type") == "html"


def test_json_feed_has_the_required_fields_and_the_same_entries(corpus):
    site = _site(corpus)
    feed = json.loads(site.files["feed.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"] and feed["items"]
    atom = ElementTree.fromstring(site.files["feed.xml"].encode("utf-8"))
    assert [i["id"] for i in feed["items"]] == [e.find(f"{ATOM}id").text for e in atom.findall(f"{ATOM}entry")]
    assert all(i["content_html"] and i["date_published"].endswith("+00:00") for i in feed["items"])


def test_feed_ids_do_not_depend_on_the_site_address_and_output_is_byte_identical(corpus):
    first, again, published = _site(corpus), _site(corpus), _site(corpus, "https://example.org/briefing/")
    assert first.files == again.files
    ids = lambda site: [i["id"] for i in json.loads(site.files["feed.json"])["items"]]  # noqa: E731
    assert ids(first) == ids(published)
    links = [i["url"] for i in json.loads(published.files["feed.json"])["items"]]
    assert all(url.startswith("https://example.org/briefing/whats-new.html#update-") for url in links)


def test_curated_text_is_text_in_both_feeds(corpus):
    for path in ("briefings/briefing.yml", "briefings/sources.yml", "briefings/entities.yml"):
        file = corpus / path
        text = file.read_text(encoding="utf-8")
        text = text.replace("title: Harbour talks <test> briefing", f"title: '{HOSTILE}'")
        text = text.replace("outlet: Fixture Times", f"outlet: '{HOSTILE}'").replace("name: Ana Lee", f"name: '{HOSTILE}'")
        file.write_text(text, encoding="utf-8")
    site = _site(corpus)
    root = ElementTree.fromstring(site.files["feed.xml"].encode("utf-8"))
    assert root.find(f"{ATOM}title").text == HOSTILE
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert any(t.startswith(HOSTILE) for t in titles), titles
    assert json.loads(site.files["feed.json"])["title"] == HOSTILE
    for entry in root.findall(f"{ATOM}entry"):
        parser = _Tags()
        parser.feed(entry.find(f"{ATOM}content").text)
        assert "script" not in parser.tags and "b" not in parser.tags  # only the feed's own markup
    assert any(HOSTILE in "".join(_text(e.find(f"{ATOM}content").text)) for e in root.findall(f"{ATOM}entry"))


def test_csv_tables_round_trip_and_open_as_utf8_with_a_header(corpus):
    site = _site(corpus)
    data = site.briefing.linked.dataset
    for path in ("data/extracts.csv", "data/figures.csv", "data/events.csv"):
        text = site.files[path]
        assert text.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
        assert rows[0] and all(len(row) == len(rows[0]) for row in rows)
    extracts = list(csv.DictReader(io.StringIO(site.files["data/extracts.csv"].removeprefix("\ufeff"))))
    assert {row["extract"] for row in extracts} == set(data.extracts)
    assert all(row["quote"] == data.extracts[row["extract"]].quote for row in extracts)


def test_csv_quoting_and_the_formula_guard():
    tricky = ['He said "no", then left', "one,two", "line\nbreak", "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tTab"]
    text = csv_text(["a", "b"], [[value, 1.5] for value in tricky])
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [row[0] for row in rows[1:]] == tricky[:3] + ["'" + value for value in tricky[3:]]
    assert [row[1] for row in rows[1:]] == ["1.5"] * len(tricky)  # numbers stay numbers
