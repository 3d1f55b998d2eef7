"""`ingest`: text and HTML articles with page furniture, through `main(argv)` and the pure helpers."""

from __future__ import annotations

import io
import re
import shutil
import sys
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.errors import BriefingError
from generator.load.yaml_file import read_yaml
from generator.pipeline import check_briefing
from generator.tools.ingest.furniture import detect_furniture, skip_entries, teaser_tail
from generator.tools.ingest.skeleton import scalar
from generator.tools.ingest.text import (
    InputError,
    decode_text,
    parse_dateline,
    slug,
    split_paragraphs,
)
from tests.support.paths import REPO, TESTS

FIXTURES = TESTS / "fixtures" / "ingest"


def ingest(corpus: Path, *argv: str) -> int:
    return main(["--root", str(corpus), "ingest", *argv])


def written(corpus: Path, source_id: str) -> tuple[list[str], dict]:
    """The seed's lines and the source entry of an ingested article."""
    seed = next((corpus / "seeds").glob(f"*_{source_id}.txt"))
    top = read_yaml(corpus / "briefings" / "extracts" / f"{source_id}.yml", "x.yml")
    assert top["source"] == source_id and top["extracts"] == ""
    return seed.read_text(encoding="utf-8").split("\n"), top["sources"][0]


def check_passes(corpus: Path, capsys) -> str:
    capsys.readouterr()
    assert main(["--root", str(corpus), "check"]) == 0, capsys.readouterr().err
    return capsys.readouterr().err


# --- plain text --------------------------------------------------------------------------

WRAPPED_PARAGRAPHS = [
    "Southland’s envoy Ana Lee said on Tuesday that the fees ships pay at the harbour were “the last "
    "open question” between the two delegations, after a second day of talks that both sides described as calm.",
    "The ministry said in a statement: progress on the shipping lanes was “real but fragile”, and a joint "
    "text #3 would be circulated before the end of the week.",
    "Officials of Northland would not say how far apart the two sides remained on the fees. One delegate, "
    "who asked not to be named, said the gap was “a matter of a few per cent”.",
    "According to harbour records, 40 ships used the port in the first three weeks of October: fewer than "
    "in any comparable period since 1986, when the old treaty was signed.",
    "Analysts at the Coastal Institute expect a deal before the winter storms close the outer channel, but "
    "warn that a deal on fees alone would leave the question of the lanes to a later round.",
    "The talks resume on Wednesday morning.",
]


def test_hard_wrapped_text_with_furniture(corpus: Path, capsys) -> None:
    assert ingest(corpus, str(FIXTURES / "wrapped-with-furniture.txt")) == 0
    out = capsys.readouterr().out
    assert "as source 'envoy-says-harbour-fees'" in out
    assert "wrote seeds/000_envoy-says-harbour-fees.txt: 26 paragraphs, 6 of article text, 20 skipped" in out
    assert "wrote briefings/extracts/envoy-says-harbour-fees.yml" in out
    lines, source = written(corpus, "envoy-says-harbour-fees")
    # One paragraph per line, a blank line between paragraphs, wrapped lines joined with a space.
    assert lines[1::2] == [""] * 26 and lines[-1] == ""
    assert lines[:10:2] == ["Menu", "en_USEnglish", "Envoy says harbour fees are “the last open question”",
                            "Published October 22, 2024",
                            "A tugboat waits at the outer pier of the harbour on October 21, the second day of "
                            "the new round of talks. — Agency"]
    assert [lines[n - 1] for n in (13, 15, 17, 21, 23, 25)] == WRAPPED_PARAGRAPHS
    assert lines[26:32:2] == ["Physical Address", "304 North Cardinal St.", "Dorchester Center, MA 02124"]
    assert source["skip"] == {
        "1": "navigation (menu, section or share links)", "3": 'language picker ("en_USEnglish")',
        "5": "headline (shown as the page title)", "7": 'dateline ("Published October 22, 2024")',
        "9-11": "photo caption, printed twice", "19": "navigation (menu, section or share links)",
        "27-31": "address block of the publishing site", "33-51": "teaser list (links to other articles of the site)",
    }
    assert source["headline"] == "Envoy says harbour fees are “the last open question”"
    assert (source["headline_by"], source["published"], source["outlet"]) == ("article", "2024-10-22", "unknown")
    assert source["published_note"] == 'Printed in the article ("Published October 22, 2024").'
    warnings = check_passes(corpus, capsys)
    assert warnings.count("is neither cited by an extract nor skipped") == 6


def test_one_paragraph_per_line_text(corpus: Path, capsys) -> None:
    path = FIXTURES / "one-line-per-paragraph.txt"
    argv = [str(path), "--headline", "Northland expects 60 ships", "--published", "2024-10-23",
            "--outlet", "Fixture Times", "--url", "https://example.org/ships", "--language", "en"]
    assert ingest(corpus, *argv) == 0
    lines, source = written(corpus, "northland-expects-60-ships")
    assert [line for line in lines if line] == path.read_text(encoding="utf-8").splitlines()
    assert source["skip"] == {} and source["headline_by"] == "curator"
    assert (source["outlet"], source["url"], source["published"]) == ("Fixture Times", "https://example.org/ships", "2024-10-23")
    assert "outlet_note" not in source and "published_note" not in source
    check_passes(corpus, capsys)


def test_suggested_extracts_pass_check_once_uncommented(corpus: Path, capsys) -> None:
    assert ingest(corpus, str(FIXTURES / "wrapped-with-furniture.txt"), "--id", "fees") == 0
    path = corpus / "briefings" / "extracts" / "fees.yml"
    text = path.read_text(encoding="utf-8")
    assert "  #   speaker: ana-lee  # suggested" in text and "  #   # named here (linked automatically): ana-lee, harbour" in text
    assert "  #   topics: [talks]" in text
    # A name entities.yml lacks can be the speaker: suggested, commented twice until its entity is added.
    assert "  #   # speaker: coastal-institute  # suggested: " in text and "a new name: add its entity" in text
    head, _, suggestions = text.partition("\n  # - id:")
    paragraphs = len({line for line in re.findall(r"# - id: fees-line-(\d+)", text)})
    assert text.count("  # - id: ") > paragraphs  # one suggestion per statement, not per paragraph
    uncommented = "\n  - id:" + suggestions.replace("\n  # ", "\n  ").replace("topics: []", "topics: [history]")
    path.write_text(head + uncommented, encoding="utf-8")
    warnings = check_passes(corpus, capsys)
    assert "neither cited" not in warnings


def test_yaml_is_safe_for_awkward_text(corpus: Path, capsys) -> None:
    headline = "'Talks: #1 priority' - [envoy] says: *no* & more"
    article = f"{headline}\n\nPublished: 21 Oct. 2024, 10:30 GMT\n\n- Ana Lee said: “no # deal”, {{not}} a: mapping.\n"
    path = corpus / "awkward.txt"
    path.write_text(article, encoding="utf-8")
    assert ingest(corpus, str(path), "--id", "awkward") == 0
    _, source = written(corpus, "awkward")
    assert source["headline"] == headline and source["published"] == "2024-10-21"
    assert source["skip"]["3"] == 'dateline ("Published: 21 Oct. 2024, 10:30 GMT")'
    check_passes(corpus, capsys)
    for text in (headline, "a: b", "x #y", "@at", "ok text", "1986", "yes", "“quoted” text"):
        value = scalar(text, 4)
        assert read_yaml(_yaml_file(corpus, f"k: {value}\n"), "t.yml")["k"] == text


def _yaml_file(corpus: Path, text: str) -> Path:
    path = corpus / "scalar-test.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- HTML --------------------------------------------------------------------------------

def test_html_page_with_furniture(corpus: Path, capsys) -> None:
    assert ingest(corpus, str(FIXTURES / "harbour-talks.html")) == 0
    assert "(html) as source 'harbour-talks-resume-after-a-weeks'" in capsys.readouterr().out
    lines, source = written(corpus, "harbour-talks-resume-after-a-weeks")
    text = [line for line in lines if line]
    assert text[0] == "Harbour talks resume after a week’s pause"
    assert "Negotiators from Northland and Southland returned to the harbour talks on Monday, a week after the " \
           "first round ended without a deal." in text
    assert "The ministry said in a statement: talks #2 would run for three days, and observers from two " \
           "neighbouring countries had been invited." in text
    assert text[-1] == "The talks are expected to end on Wednesday, when both delegations will brief reporters at the harbour."
    assert len(text) == 11
    page = "\n".join(lines)
    for furniture in ("cookie", "Subscribe", "Politics", "en_USEnglish", "Football elections", "17 Nov",
                      "Physical Address", "Dorchester", "All rights reserved", "Privacy"):
        assert furniture not in page
    assert source["skip"] == {"1": "headline (shown as the page title)", "3": 'dateline ("Published October 21, 2024")',
                              "17-19": "photo caption, printed twice"}
    assert (source["outlet"], source["published"]) == ("Fixture Times", "2024-10-21")
    check_passes(corpus, capsys)


def test_stdin_html_is_sniffed(corpus: Path, capsys, monkeypatch) -> None:
    data = (FIXTURES / "harbour-talks.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert ingest(corpus, "-", "--id", "from-stdin") == 0
    assert "ingested standard input (html) as source 'from-stdin'" in capsys.readouterr().out
    assert written(corpus, "from-stdin")[1]["headline"] == "Harbour talks resume after a week’s pause"


def test_stdin_text_with_format(corpus: Path, capsys, monkeypatch) -> None:
    data = "Harbour talks resume\n\nTalks resumed on Monday, officials said.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert ingest(corpus, "-", "--format", "txt", "--published", "2024-10-21") == 0
    lines, source = written(corpus, "harbour-talks-resume")
    assert lines == ["Harbour talks resume", "", "Talks resumed on Monday, officials said.", ""]
    assert source["skip"] == {"1": "headline (shown as the page title)"}
    check_passes(corpus, capsys)


# --- refusals ----------------------------------------------------------------------------

def test_never_overwrites(corpus: Path, capsys) -> None:
    path = str(FIXTURES / "wrapped-with-furniture.txt")
    assert ingest(corpus, path, "--id", "fees") == 0
    before = {p: p.read_bytes() for p in (corpus / "seeds").iterdir()} | {
        p: p.read_bytes() for p in (corpus / "briefings" / "extracts").iterdir()}
    capsys.readouterr()
    assert ingest(corpus, path, "--id", "fees") == 1
    err = capsys.readouterr().err
    assert err == "error: briefings/extracts/fees.yml already exists; ingest never overwrites: choose another --id\n"
    after = {p: p.read_bytes() for p in (corpus / "seeds").iterdir()} | {
        p: p.read_bytes() for p in (corpus / "briefings" / "extracts").iterdir()}
    assert after == before
    # Without --id a fresh id would be free, but the same text is not added twice.
    assert ingest(corpus, path) == 1
    assert "is already in seeds/ as 000_fees.txt (same text)" in capsys.readouterr().err


def test_existing_extracts_file_is_not_touched(corpus: Path, capsys) -> None:
    assert ingest(corpus, str(FIXTURES / "one-line-per-paragraph.txt"), "--id", "alpha",
                  "--headline", "x", "--published", "2024-10-23") == 1
    assert "briefings/extracts/alpha.yml already exists" in capsys.readouterr().err
    assert sorted(p.name for p in (corpus / "seeds").iterdir()) == ["alpha.txt", "beta.txt"]


def test_source_id_in_use_is_refused(corpus: Path, capsys) -> None:
    extracts = corpus / "briefings" / "extracts"
    (extracts / "beta.yml").rename(extracts / "second.yml")  # the id is used, yet no file is named after it
    assert ingest(corpus, str(FIXTURES / "one-line-per-paragraph.txt"), "--id", "beta",
                  "--headline", "x", "--published", "2024-10-23") == 1
    assert "source id 'beta' is already used (briefings/sources.yml:" in capsys.readouterr().err


@pytest.mark.parametrize("name, content, argv, message", [
    ("missing.txt", None, [], "missing.txt not found"),
    ("empty.txt", b"", [], "empty.txt is empty"),
    ("blank.txt", b"  \n\n\t \n", [], "blank.txt is empty"),
    ("image.txt", b"PK\x03\x04\x00\x00binary", [], "image.txt is not text (binary data"),
    ("latin1.txt", b"caf\xe9 au lait\n", [], "latin1.txt is not text (binary data, or not UTF-8 at byte 3)"),
    ("page.html", b"<html><head><title>x</title></head><body><div></div></body></html>", ["--published", "2024-10-21"],
     "no article text found in the HTML page"),
    ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", ["--published", "2024-10-21"],
     "no article text found (every paragraph looks like page furniture)"),
    ("in.txt", b"Headline\n\nText of the article.\n", ["--published", "21/10/2024"], "--published '21/10/2024' is not a date"),
    ("in.txt", b"Headline\n\nText of the article.\n", ["--published", "2024-02-30"], "--published '2024-02-30' is not a date"),
    ("in.txt", b"Headline\n\nText of the article.\n", [], "no publication date found in"),
    ("in.txt", b"Text of the article.\nMore text.\n", ["--published", "2024-10-21"], "has no headline line: give one with --headline"),
    ("in.txt", b"Headline\n\nText.\n", ["--id", "Not An Id", "--published", "2024-10-21"], "--id 'Not An Id' is not a valid id"),
    ("in.txt", b"Headline\n\nText.\n", ["--url", "example.org", "--published", "2024-10-21"], "is not an http(s) address"),
    ("in.txt", b"Menu\n\nShare\n", ["--published", "2024-10-21"], "no article text found (every paragraph looks like page furniture)"),
])
def test_refusals(corpus: Path, capsys, name, content, argv, message) -> None:
    path = corpus / name
    if content is not None:
        path.write_bytes(content)
    seeds_before = sorted((corpus / "seeds").iterdir())
    assert ingest(corpus, str(path), *argv) == 1
    captured = capsys.readouterr()
    assert message in captured.err and captured.err.startswith("error: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err and captured.out == ""
    assert sorted((corpus / "seeds").iterdir()) == seeds_before


def test_usage_errors(corpus: Path, capsys) -> None:
    assert main(["--root", str(corpus), "ingest"]) == 2
    assert main(["--root", str(corpus), "ingest", "x.txt", "--format", "pdf"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_broken_data_still_ingests_without_suggestions(corpus: Path, capsys) -> None:
    (corpus / "briefings" / "extracts" / "broken.yml").write_text("extracts:\n  - id: Bad Id\n", encoding="utf-8")
    assert ingest(corpus, str(FIXTURES / "wrapped-with-furniture.txt"), "--id", "fees") == 0
    assert "existing briefing data has problems" in capsys.readouterr().err
    text = (corpus / "briefings" / "extracts" / "fees.yml").read_text(encoding="utf-8")
    assert "speaker:" not in text and "# - id: fees-line-13" in text


# --- the heuristics on their own ----------------------------------------------------------

def test_split_paragraphs_styles() -> None:
    wrapped = ("A first paragraph that was hard-wrapped by a mail program at seventy-two\n"
               "characters, so that its lines must be joined again with single spaces\n"
               "to give one line.\n\n"
               "Second paragraph, also wrapped at the same width, with a compound word that\n"
               "textwrap broke on its hyphen: the agreement was called a long-\n"
               "standing one by the ministry.\n")
    assert split_paragraphs(wrapped) == [
        "A first paragraph that was hard-wrapped by a mail program at seventy-two characters, so that its "
        "lines must be joined again with single spaces to give one line.",
        "Second paragraph, also wrapped at the same width, with a compound word that textwrap broke on its "
        "hyphen: the agreement was called a long-standing one by the ministry."]
    no_blank_lines = "Headline of the story\nFirst paragraph, a full sentence.\r\nSecond paragraph.\r\n"
    assert split_paragraphs(no_blank_lines) == ["Headline of the story", "First paragraph, a full sentence.", "Second paragraph."]
    kept = " Leading space and ‘quotes’ — dashes kept\n\n\nNext"
    assert split_paragraphs(kept) == [" Leading space and ‘quotes’ — dashes kept", "Next"]


def test_decode_and_dates_and_slugs() -> None:
    assert decode_text("\ufeffText".encode(), "x") == "Text"
    with pytest.raises(InputError, match="binary"):
        decode_text(b"a\x00b", "x")
    assert parse_dateline("Published October 18, 2024")[1].isoformat() == "2024-10-18"
    assert parse_dateline("Updated 17 Nov, 2024") == ("updated", parse_dateline("17 Nov 2024")[1])
    assert parse_dateline("Friday, Oct. 18, 2024 at 10:32 a.m. EDT")[1].isoformat() == "2024-10-18"
    assert parse_dateline("2024-10-18")[1].isoformat() == "2024-10-18"
    assert parse_dateline("October 18, 2024, the ministry said.") is None
    assert parse_dateline("Published Octember 18, 2024") is None
    assert slug("North Korea sending ‘large-scale’ troop deployment to Russia") == "north-korea-sending-large-scale-troop"
    assert slug("Harbour talks resume after a week’s pause") == "harbour-talks-resume-after-a-weeks"
    assert slug("Envoy says harbour fees are “the last open question”") == "envoy-says-harbour-fees"
    assert slug("北朝鮮") == ""


def _paragraphs(lines: list[str]) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]


def test_conservative_furniture_rules() -> None:
    article = ["Talks end", "", "Officials said the talks ended without a deal on Friday evening in the port city.",
               "", "The last paragraph of a wire story ends with its credit, and stays article text. — AFP"]
    found = detect_furniture(_paragraphs(article))
    assert found.skipped == {1: "headline (shown as the page title)"}
    repeated = ["A pull quote printed twice in the page, which is article text.", "Other text of the article here.",
                "A pull quote printed twice in the page, which is article text."]
    assert detect_furniture(_paragraphs(repeated)).skipped == {3: "repeats line 1"}
    # Section headings at the end are not a teaser list: no dates, truncations or repeats.
    ending = ["Long paragraph of the article that says something in full sentences, at length."] * 1 + [
        "What comes next", "The envoy will return next week, officials said.", "Why it matters", "Because it does, they said."]
    assert teaser_tail(_paragraphs(ending)) == []


def _curated(source_id: str) -> tuple[list[str], set[int], list[int]]:
    top = read_yaml(REPO / "briefings" / "sources.yml", "sources.yml")
    source = next(s for s in top["sources"] if s["id"] == source_id)
    lines = (REPO / "seeds" / source["seed"]).read_text(encoding="utf-8").split("\n")
    skipped = set()
    for key in source.get("skip") or {}:
        first, _, last = key.partition("-")
        skipped |= {n for n in range(int(first), int(last or first) + 1) if lines[n - 1].strip()}
    return lines, skipped, [int(n) for n in source.get("subheadings") or []]


EDITORIAL_SKIPS = {"cnn-what-we-know": {22, 86}}  # curator's judgement, not page furniture


@pytest.mark.skipif(not (REPO / "briefings" / "sources.yml").is_file(), reason="needs the project's data")
@pytest.mark.parametrize("source_id", ["allegedly-deploys", "afp-large-scale", "us-says-3000", "intel-monitoring", "cnn-what-we-know"])
def test_detector_agrees_with_curated_skips_of_real_seeds(source_id: str) -> None:
    lines, curated, subheadings = _curated(source_id)
    found = detect_furniture(_paragraphs(lines))
    assert set(found.skipped) <= curated, "article text flagged as furniture"
    assert curated - set(found.skipped) == EDITORIAL_SKIPS.get(source_id, set())
    assert found.subheadings == subheadings
    if source_id == "afp-large-scale":
        assert found.published.isoformat() == "2024-10-18"
        entries = [(s.first, s.last, s.reason) for s in skip_entries(_paragraphs(lines), found.skipped)]
        assert entries[2:] == [(4, 5, "photo caption, printed twice"), (17, 18, "photo caption, printed twice"),
                               (58, 97, "teaser list (links to other articles of the site)")]


@pytest.mark.skipif(not (REPO / "seeds").is_dir(), reason="needs the project's data")
def test_ingesting_real_seed_copies_into_the_project(tmp_path: Path, capsys) -> None:
    project = tmp_path / "project"
    for part in ("briefings", "seeds", "docs"):
        shutil.copytree(REPO / part, project / part)
    try:
        check_briefing(project / "briefings", project / "seeds", project)
    except BriefingError:
        pytest.skip("the project's data does not pass check right now")
    copies = {}
    for name in ("001_910d4ebedb938c7b.txt", "004_c8282d723582e9e8.txt"):
        copies[name] = tmp_path / name
        shutil.copyfile(REPO / "seeds" / name, copies[name])
    assert ingest(project, str(copies["001_910d4ebedb938c7b.txt"]), "--id", "copy-001") == 0
    assert ingest(project, str(copies["004_c8282d723582e9e8.txt"]), "--id", "copy-004", "--published", "2024-10-25") == 0
    _, first = written(project, "copy-001")
    assert first["published"] == "2024-10-18"
    assert first["skip"] == {"1": "headline (shown as the page title)", "3": 'dateline ("Published October 18, 2024")',
                             "5-7": "photo caption, printed twice", "19-21": "photo caption, printed twice",
                             "61-111": "teaser list (links to other articles of the site)"}
    _, second = written(project, "copy-004")
    assert second["skip"] == {"1-5": "address block of the publishing site", "7": "headline (shown as the page title)",
                              "113": "contributor credit", "115": 'language picker ("en_USEnglish")'}
    text = (project / "briefings" / "extracts" / "copy-001.yml").read_text(encoding="utf-8")
    assert "#   topics: [deployment, reactions]" in text and "#   speaker: nis  # suggested" in text
    assert "# subheadings: [29, 49]" in text
    check_passes(project, capsys)
