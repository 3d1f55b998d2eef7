"""What the commands need to know from mkdocs.yml, so their output matches the built site."""

from __future__ import annotations

from pathlib import Path

import yaml


def mkdocs_config(root: Path) -> dict:
    """The project's mkdocs.yml as data ({} when there is none)."""
    path = root / "mkdocs.yml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


def directory_urls(config: dict) -> bool:
    """Whether the site serves `topics/x/` (True, MkDocs' default) or `topics/x.html`."""
    return bool(config.get("use_directory_urls", True))
