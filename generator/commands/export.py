"""`export DIR`: the generated pages, the hand-written docs and a JSON dataset, buildable without our plugin."""

from __future__ import annotations

import argparse
import json
import shutil
from importlib import resources
from pathlib import Path

import yaml

from ..dataset_json import briefing_data
from ..errors import OutputError, UsageError
from ..outputs import refuse_export_dir
from ..pipeline import generate_site
from ..render.site import hand_written_clashes
from ..settings import parse_mkdocs_yml, plugin_options, project_settings


def register(subparsers) -> None:
    """Add the `export` command."""
    parser = subparsers.add_parser("export", help="write the generated Markdown tree and a JSON dataset to DIR")
    parser.add_argument("directory", type=Path, help="new or empty folder to write into (never inside docs/, the data or the seeds)")
    parser.set_defaults(func=run)


def plain_mkdocs_config(config_text: str) -> str:
    """The project's mkdocs.yml without the briefing plugin, reading pages from ./docs."""
    config = parse_mkdocs_yml(config_text)
    plugins = config.get("plugins") or []
    briefing = plugin_options(config)
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
    settings = project_settings(args.root)
    target = refuse_export_dir(args.directory, settings.root, settings.protected)
    site = generate_site(settings.briefings_dir, settings.seeds_dir, settings.root, directory_urls=settings.directory_urls)
    clashes = hand_written_clashes(site.pages, settings.docs_dir, settings.directory_urls)
    if clashes:
        raise UsageError("generated pages would replace hand-written files in docs/: "
                         + ", ".join(f"{docs} (generated: {page})" for docs, page in clashes))
    existed = target.exists()
    try:
        _write(target, settings, site)
    except OSError as exc:
        # Everything in the folder is ours (it was new or empty): leave nothing half-written.
        if existed:
            for child in target.iterdir():
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        else:
            shutil.rmtree(target, ignore_errors=True)
        raise OutputError(f"cannot write the export to {args.directory}: {exc.strerror or exc}"
                          + (f" ({exc.filename})" if getattr(exc, "filename", None) else "")) from None
    print(f"exported {len(site.pages)} generated pages, the hand-written docs and data/briefing.json to {args.directory}")
    return 0


def _write(target: Path, settings, site) -> None:
    target.mkdir(parents=True, exist_ok=True)
    if settings.docs_dir.is_dir():
        shutil.copytree(settings.docs_dir, target / "docs", dirs_exist_ok=True)
    for path, markdown in site.pages.items():
        out = target / "docs" / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(markdown, encoding="utf-8")
    if (settings.root / "mkdocs.yml").exists():
        config_text = (settings.root / "mkdocs.yml").read_text(encoding="utf-8")
        (target / "mkdocs.yml").write_text(plain_mkdocs_config(config_text), encoding="utf-8")
    (target / "data").mkdir()
    dataset = json.dumps(briefing_data(site.linked), ensure_ascii=False, indent=2, sort_keys=False)
    (target / "data" / "briefing.json").write_text(dataset + "\n", encoding="utf-8")
    schema = resources.files("generator").joinpath("briefing.schema.json").read_text(encoding="utf-8")
    (target / "data" / "briefing.schema.json").write_text(schema, encoding="utf-8")
