"""`export`: the generated tree builds without our plugin, and the dataset matches its schema."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from generator.cli.main import main
from tests.support.build import build_site
from tests.support.engines import engine_or_skip
from tests.support.paths import REPO
from tests.support.sitehtml import site_path


def test_export_of_the_real_briefing_builds_with_plain_mkdocs(tmp_path: Path, capsys):
    target = tmp_path / "export"
    assert main(["--root", str(REPO), "export", str(target)]) == 0
    assert "exported" in capsys.readouterr().out
    assert "briefing" not in (target / "mkdocs.yml").read_text(encoding="utf-8").split("plugins:")[1].split("markdown_extensions")[0]
    assert (target / "docs" / "about.md").read_text(encoding="utf-8") == (REPO / "docs" / "about.md").read_text(encoding="utf-8")
    result = build_site(target, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert site_path(tmp_path / "site", "topics/deployment.md").is_file()
    data = json.loads((target / "data" / "briefing.json").read_text(encoding="utf-8"))
    schema = json.loads((target / "data" / "briefing.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert len(data["extracts"]) > 150 and len(data["sources"]) == 5
    assert {d["kind"] for d in data["discrepancies"]} == {"attribution", "claimant", "dates"}
    nis = next(e for e in data["extracts"] if e["id"] == "nis-1500-vladivostok")
    assert nis["line"] == 7 and nis["event_dates"] == [{"start": "2024-10-08", "end": "2024-10-13"}]
    # Feeds and CSV tables: in the export's data/ and published with the site it builds, the feeds linked from every page.
    for table in ("extracts", "figures", "events"):
        assert (target / "data" / f"{table}.csv").read_text(encoding="utf-8").startswith("\ufeff")
        assert (tmp_path / "site" / "data" / f"{table}.csv").is_file()
    assert (tmp_path / "site" / "feed.xml").is_file() and (tmp_path / "site" / "feed.json").is_file()
    page = site_path(tmp_path / "site", "topics/deployment.md").read_text(encoding="utf-8")
    assert 'rel="alternate" type="application/atom+xml"' in page and 'href="../feed.xml"' in page


def test_schema_rejects_a_malformed_dataset(tmp_path: Path):
    assert main(["--root", str(REPO), "export", str(tmp_path / "e")]) == 0
    data = json.loads((tmp_path / "e" / "data" / "briefing.json").read_text(encoding="utf-8"))
    schema = json.loads((tmp_path / "e" / "data" / "briefing.schema.json").read_text(encoding="utf-8"))
    data["extracts"][0]["said"] = "18 October"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_export_never_overwrites(corpus: Path, tmp_path: Path, capsys):
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["--root", str(corpus), "export", str(target)]) == 2
    assert "already exists and is not an empty folder" in capsys.readouterr().err
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]


def test_export_refuses_bad_data(corpus: Path, tmp_path: Path, capsys):
    (corpus / "briefings" / "topics.yml").write_text("topics:\n  - id: Bad Id\n", encoding="utf-8")
    assert main(["--root", str(corpus), "export", str(tmp_path / "out")]) == 1
    assert "briefings/topics.yml:2: `id` 'Bad Id' is not a valid id" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_export_builds_with_zensical(corpus: Path, tmp_path: Path):
    hostile = "Troop </title><script>alert(1)</script> deployment"
    topics = corpus / "briefings" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("title: Harbour talks", f"title: '{hostile}'"), encoding="utf-8")
    target = tmp_path / "export"
    assert main(["--root", str(corpus), "export", str(target)]) == 0
    zensical = engine_or_skip("zensical")  # skips without Zensical; fails in CI
    result = subprocess.run([zensical, "build", "-f", "mkdocs.yml"], cwd=target, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (target / "site" / "topics" / "talks" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "</title><script>" not in page
    assert "<title>Troop &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; deployment" in page


def test_export_of_a_pagefind_site_falls_back_to_the_built_in_search():
    import yaml

    from generator.export.mkdocs_yml import plain_mkdocs_config

    config = yaml.safe_load(plain_mkdocs_config("site_name: x\nplugins:\n  - offline\n  - briefing:\n      search: pagefind\n"))
    assert config["plugins"] == ["search", "offline"]
    config = yaml.safe_load(plain_mkdocs_config("site_name: x\nplugins:\n  - search\n  - briefing\n"))
    assert config["plugins"] == ["search"] and "/topics/*--part-*.md" in config["not_in_nav"]
