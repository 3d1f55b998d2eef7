"""The command-line commands; each module registers one subcommand."""

from . import check, diff, export

COMMANDS = [check, export, diff]
