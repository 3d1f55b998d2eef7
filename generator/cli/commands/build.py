"""`build`: the safe publish path (see generator.mkdocs.publish)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ...mkdocs.publish import publish
from ...settings import project_settings


def register(subparsers) -> None:
    """Add the `build` command."""
    parser = subparsers.add_parser("build", help="strict MkDocs build into a new folder, swapped in only on success")
    parser.add_argument("--site-dir", type=Path, help="where the published site lives (default: site_dir of mkdocs.yml, else site)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """0 when the new site replaced the old one (the error says why otherwise)."""
    settings = project_settings(args.root)
    target = settings.site_dir if args.site_dir is None else Path.cwd() / args.site_dir
    print(f"built {publish(settings.root, target, settings.protected)}")
    return 0
