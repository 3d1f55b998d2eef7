"""`diff REV`: what changed in the briefing since a git revision, as Markdown for a pull-request comment."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...settings import project_settings
from ...tools.diff.since import diff_since, write_diff


def register(subparsers) -> None:
    """Add the `diff` command."""
    parser = subparsers.add_parser(
        "diff", help="what changed in the briefing since a git revision, as Markdown for a pull-request comment")
    parser.add_argument("rev", metavar="REV", help="git revision to compare the working tree with (commit, branch, tag, HEAD~1, ...)")
    parser.add_argument("--output", type=Path, help="write the Markdown to FILE (new, or written by this command before)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print (or write) the Markdown diff; 0 success."""
    settings = project_settings(args.root)
    if args.output is None:
        sys.stdout.write(diff_since(settings, args.rev))
        return 0
    write_diff(settings, args.rev, args.output)
    print(f"wrote the briefing diff since '{args.rev}' to {args.output}", file=sys.stderr)
    return 0
