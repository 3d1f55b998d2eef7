"""The command-line commands; each module registers one subcommand."""

from . import build, check, diff, export, ingest

COMMANDS = [check, build, export, diff, ingest]
