"""The command-line commands; each module registers one subcommand."""

from . import check, diff, export, ingest

COMMANDS = [check, export, diff, ingest]
