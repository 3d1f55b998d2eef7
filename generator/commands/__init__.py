"""The command-line commands; each module registers one subcommand."""

from . import check, export

COMMANDS = [check, export]
