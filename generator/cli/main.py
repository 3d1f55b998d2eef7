"""Command line: `python -m generator COMMAND`, built on the same pipeline as the site.

Each command lives in its own module under generator/commands/ with `register(subparsers)`,
which adds its parser and sets `run(args) -> int` as the default `func`. Commands raise
`GeneratorError`s; this is the one place that prints them and turns them into exit codes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands import COMMANDS
from ..errors import GeneratorError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(prog="python -m generator", description="Briefing-site generator tools.")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder holding mkdocs.yml, briefings/ and seeds/ (default: .)")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; 0 = success, 1 = problems found, 2 = usage error, 130 = interrupted."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code in (0, None) else EXIT_USAGE
    try:
        return args.func(args)
    except GeneratorError as exc:
        print(exc.report(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
