"""Command line: `python -m generator COMMAND`, built on the same pipeline as the site.

Each command lives in its own module under generator/commands/ with `register(subparsers)`,
which adds its parser and sets `run(args) -> int` as the default `func`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands import COMMANDS


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(prog="python -m generator", description="Briefing-site generator tools.")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder holding briefings/ and seeds/ (default: .)")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; 0 = success, 1 = problems found, 2 = usage error."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code in (0, None) else 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
