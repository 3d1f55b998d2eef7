"""Command line: `python -m generator check` runs the same pipeline as the site build."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BriefingError
from .pipeline import check_briefing


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Briefing-site generator tools.")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder holding briefings/ and seeds/ (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="load, validate and verify every quote without building the site")
    check.add_argument("--strict", action="store_true", help="also fail on warnings (uncited paragraphs, unattributed statements, ...)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; 0 = clean, 1 = problems in the data, 2 = usage error."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and 2
    root = args.root
    try:
        linked = check_briefing(root / "briefings", root / "seeds", root)
    except BriefingError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for warning in linked.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if linked.warnings and args.strict:
        print(f"{len(linked.warnings)} warnings; --strict makes them fail the check", file=sys.stderr)
        return 1
    data = linked.dataset
    print(f"ok: {len(data.sources)} sources, {len(data.extracts)} extracts, {len(data.entities)} entities, "
          f"{len(data.topics)} topics; {len(linked.citations)} quotes found verbatim in their seeds")
    return 0
