"""Real MkDocs builds of the small fixture corpus: escaping, collisions, failed builds."""

from __future__ import annotations

from pathlib import Path

from tests.support.build import build_site
from tests.support.sitehtml import read_page, site_path


def test_hostile_text_is_shown_literally_in_html(corpus: Path, tmp_path: Path):
    result = build_site(corpus, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = site_path(tmp_path / "site", "topics/talks.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&#60;script&#62;alert(1)&#60;/script&#62;" in html
    assert "<script>alert" not in html
    facts = read_page(site_path(tmp_path / "site", "topics/talks.md"))
    assert any(quote.startswith("1986. That is the year") and "# it still <script>alert(1)</script> stands." in quote
               for quote, _ in facts.quotes)
    history_html = site_path(tmp_path / "site", "topics/history.md").read_text(encoding="utf-8")
    assert 'class="admonition' not in history_html
    history = read_page(site_path(tmp_path / "site", "topics/history.md"))
    assert any(q.startswith("!!! note This line") for q, _ in history.quotes)


def test_generated_page_colliding_with_hand_written_one_fails(corpus: Path, tmp_path: Path):
    hand_written = corpus / "docs" / "topics" / "talks.md"
    hand_written.parent.mkdir(parents=True)
    hand_written.write_text("# Mine\n", encoding="utf-8")
    result = build_site(corpus, tmp_path / "site")
    assert result.returncode != 0
    assert "generated pages would replace hand-written files in docs/: topics/talks.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert hand_written.read_text(encoding="utf-8") == "# Mine\n"


def test_bad_data_fails_before_the_old_site_is_cleaned(corpus: Path, tmp_path: Path):
    site = tmp_path / "site"
    assert build_site(corpus, site).returncode == 0
    (corpus / "briefings" / "extracts" / "bad.yml").write_text(
        "source: alpha\nextracts:\n  - id: x\n    quote: not in the seed at all\n    topics: [talks]\n", encoding="utf-8")
    result = build_site(corpus, site)
    assert result.returncode != 0
    assert "briefings/extracts/bad.yml:3: quote of 'x' is not in alpha.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert site_path(site, "topics/talks.md").is_file(), "the previous site must survive a failed build"


def test_uncovered_paragraph_fails_the_strict_build(corpus: Path, tmp_path: Path):
    seed = corpus / "seeds" / "beta.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "A paragraph nobody has quoted.\n", encoding="utf-8")
    result = build_site(corpus, tmp_path / "site")
    assert result.returncode != 0
    assert "line 4 of beta.txt is neither cited by an extract nor skipped" in result.stderr
    assert "Traceback" not in result.stderr


def _json_ld(html: str) -> list[dict]:
    import json
    import re

    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_structured_data_and_edit_links(corpus: Path, tmp_path: Path):
    config = corpus / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "repo_url: https://github.com/example/briefing\n"
                      "edit_uri: edit/main/docs/\n", encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  features: [content.action.edit]\n"),
                      encoding="utf-8")
    result = build_site(corpus, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    topic = site_path(tmp_path / "site", "topics/history.md").read_text(encoding="utf-8")
    graph = _json_ld(topic)[0]["@graph"]
    treaty = next(q for q in graph if q["@id"] == "#extract-treaty-1986")
    assert treaty["@type"] == "Quotation" and treaty["creator"] == {"@type": "Organization", "name": "Northland ministry"}
    assert treaty["text"].endswith("# it still <script>alert(1)</script> stands.")
    assert treaty["isBasedOn"]["url"] == "../../sources/alpha/#line-7"
    source = _json_ld(site_path(tmp_path / "site", "sources/alpha.md").read_text(encoding="utf-8"))[0]
    assert source["@type"] == "NewsArticle" and source["datePublished"] == "2024-10-18"
    assert 'href="https://github.com/example/briefing/edit/main/briefings/topics.yml"' in topic
    about = site_path(tmp_path / "site", "about.md").read_text(encoding="utf-8")
    assert 'href="https://github.com/example/briefing/edit/main/docs/about.md"' in about


def test_quotes_link_to_the_passage_on_the_original_page(corpus: Path, tmp_path: Path):
    assert build_site(corpus, tmp_path / "site").returncode == 0
    html = site_path(tmp_path / "site", "topics/talks.md").read_text(encoding="utf-8")
    assert 'href="https://example.org/alpha#:~:text=Officials%20of%20Northland%20said,ended%20without%20a%20deal."' in html
