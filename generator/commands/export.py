"""`export DIR`: the generated pages, the hand-written docs and a JSON dataset, buildable without our plugin."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from importlib import resources
from pathlib import Path

import yaml

from ..dataset_json import briefing_data
from ..errors import BriefingError
from ..pipeline import generate_site
from .settings import directory_urls, mkdocs_config


def register(subparsers) -> None:
    """Add the `export` command."""
    parser = subparsers.add_parser("export", help="write the generated Markdown tree and a JSON dataset to DIR")
    parser.add_argument("directory", type=Path, help="new or empty folder to write into")
    parser.set_defaults(func=run)


def plain_mkdocs_config(config_text: str) -> str:
    """The project's mkdocs.yml without the briefing plugin, reading pages from ./docs."""
    config = yaml.safe_load(config_text) or {}
    plugins = config.get("plugins", [])
    briefing = next((p["briefing"] for p in plugins if isinstance(p, dict) and "briefing" in p), None) or {}
    config["plugins"] = [p for p in plugins if p != "briefing" and not (isinstance(p, dict) and "briefing" in p)]
    if briefing.get("search") == "pagefind":
        # Pagefind runs from the briefing plugin, which the export drops; the built-in search takes its place.
        config["plugins"].insert(0, "search")
    # The per-source and per-entity pages and later topic pages are reached from other pages, as with the plugin.
    config["not_in_nav"] = "/sources/*.md\n/entities/*.md\n/topics/*--part-*.md\n"
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    return "# Written by `python -m generator export`: builds without the briefing plugin.\n" + yaml.safe_dump(
        config, sort_keys=False, allow_unicode=True)


def run(args: argparse.Namespace) -> int:
    """Write DIR/docs (hand-written + generated pages), DIR/mkdocs.yml and DIR/data/*.json."""
    root, target = args.root, args.directory
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"error: {target} already exists and is not an empty folder; export never overwrites", file=sys.stderr)
        return 1
    config_path = root / "mkdocs.yml"
    config = mkdocs_config(root)
    try:
        site = generate_site(root / "briefings", root / "seeds", root, directory_urls=directory_urls(config))
    except BriefingError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    docs = root / config.get("docs_dir", "docs")
    clashes = [p for p in site.pages if (docs / p).exists()]
    if clashes:
        print("error: generated pages would replace hand-written files in docs/: " + ", ".join(clashes), file=sys.stderr)
        return 1
    target.mkdir(parents=True, exist_ok=True)
    if docs.is_dir():
        shutil.copytree(docs, target / "docs", dirs_exist_ok=True)
    for path, markdown in site.pages.items():
        out = target / "docs" / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(markdown, encoding="utf-8")
    if config_path.exists():
        (target / "mkdocs.yml").write_text(plain_mkdocs_config(config_path.read_text(encoding="utf-8")), encoding="utf-8")
    (target / "data").mkdir()
    dataset = json.dumps(briefing_data(site.linked), ensure_ascii=False, indent=2, sort_keys=False)
    (target / "data" / "briefing.json").write_text(dataset + "\n", encoding="utf-8")
    schema = resources.files("generator").joinpath("briefing.schema.json").read_text(encoding="utf-8")
    (target / "data" / "briefing.schema.json").write_text(schema, encoding="utf-8")
    print(f"exported {len(site.pages)} generated pages, the hand-written docs and data/briefing.json to {target}")
    return 0
