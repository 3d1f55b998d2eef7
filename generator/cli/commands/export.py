"""`export DIR`: the generated pages, the hand-written docs and a JSON dataset, buildable without the plugin."""

from __future__ import annotations

import argparse
from pathlib import Path

from ...export.engines import ENGINES, build_export, engine_executable
from ...export.folder import export
from ...settings import project_settings


def register(subparsers) -> None:
    """Add the `export` command."""
    parser = subparsers.add_parser("export", help="write the generated Markdown tree and a JSON dataset to DIR")
    parser.add_argument("directory", type=Path, help="new or empty folder to write into (never inside docs/, the data or the seeds)")
    parser.add_argument("--build-with", choices=sorted(ENGINES), metavar="ENGINE",
                        help="then build the exported folder with this engine (zensical, properdocs or mkdocs) into DIR/site")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the export; 0 when done."""
    # Found before anything is written: a missing engine should not leave a half-done job behind.
    executable = engine_executable(args.build_with) if args.build_with else ""
    site = export(project_settings(args.root), args.directory)
    print(f"exported {len(site.pages)} generated pages, the hand-written docs, the feeds, data/briefing.json and the CSV tables "
          f"to {args.directory}")
    if executable:
        built = build_export(args.directory, executable, args.build_with)
        print(f"built the exported site with {args.build_with} into {built}")
    return 0
