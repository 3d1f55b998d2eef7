"""`check`: load, validate, verify and check the data without building the site."""

from __future__ import annotations

import argparse
import sys

from ...pipeline import check_project
from ...settings import project_settings


def register(subparsers) -> None:
    """Add the `check` command."""
    parser = subparsers.add_parser("check", help="load, validate and verify every quote without building the site")
    parser.add_argument("--strict", action="store_true", help="also fail on warnings (uncited paragraphs, unattributed statements, ...)")
    parser.add_argument("--notes", action="store_true", help="also list notes (e.g. figures only one article gives); they never fail")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print every problem at once; 0 clean, 1 problems (or warnings with --strict)."""
    briefing = check_project(project_settings(args.root))
    for warning in briefing.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.notes:
        for note in briefing.notes:
            print(f"note: {note}", file=sys.stderr)
    if briefing.warnings and args.strict:
        print(f"{len(briefing.warnings)} warnings; --strict makes them fail the check", file=sys.stderr)
        return 1
    data = briefing.linked.dataset
    print(f"ok: {len(data.sources)} sources, {len(data.extracts)} extracts, {len(data.entities)} entities, "
          f"{len(data.topics)} topics; {len(briefing.linked.citations)} quotes found verbatim in their seeds"
          + (f"; {len(briefing.notes)} notes (--notes lists them)" if briefing.notes and not args.notes else ""))
    return 0
