"""The command line: `python -m generator COMMAND`; parses arguments and maps errors to exit codes."""
