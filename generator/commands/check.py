"""`check`: load, validate and verify without building the site."""

from __future__ import annotations

import argparse
import sys

from ..errors import BriefingError, Location, Problem
from ..pipeline import check_briefing
from ..render.site import hand_written_clashes, page_paths
from ..settings import project_settings


def register(subparsers) -> None:
    """Add the `check` command."""
    parser = subparsers.add_parser("check", help="load, validate and verify every quote without building the site")
    parser.add_argument("--strict", action="store_true", help="also fail on warnings (uncited paragraphs, unattributed statements, ...)")
    parser.add_argument("--notes", action="store_true", help="also list notes (e.g. figures only one article gives); they never fail")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print every problem at once; 0 clean, 1 problems (or warnings with --strict)."""
    settings = project_settings(args.root)
    linked = check_briefing(settings.briefings_dir, settings.seeds_dir, settings.root)
    clashes = hand_written_clashes(page_paths(linked), settings.docs_dir, settings.directory_urls)
    if clashes:
        docs = settings.docs_dir.relative_to(settings.root).as_posix() if settings.docs_dir.is_relative_to(settings.root) else str(settings.docs_dir)
        raise BriefingError([Problem(Location(f"{docs}/{page}"), f"this hand-written file and the generated page {generated} would both be built "
                                     f"as the same file of the site, and one would silently replace the other",
                                     "Rename or remove the hand-written file; the generator owns that path.")
                             for page, generated in clashes])
    for warning in linked.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.notes:
        for note in linked.notes:
            print(f"note: {note}", file=sys.stderr)
    if linked.warnings and args.strict:
        print(f"{len(linked.warnings)} warnings; --strict makes them fail the check", file=sys.stderr)
        return 1
    data = linked.dataset
    print(f"ok: {len(data.sources)} sources, {len(data.extracts)} extracts, {len(data.entities)} entities, "
          f"{len(data.topics)} topics; {len(linked.citations)} quotes found verbatim in their seeds"
          + (f"; {len(linked.notes)} notes (--notes lists them)" if linked.notes and not args.notes else ""))
    return 0
