"""The project's settings, read from mkdocs.yml the way the plugin reads them, for the commands.

The plugin gets its options from MkDocs; the command-line tools read the same file here, so
that `check`, `export`, `diff` and `ingest` use the folders and URL style the site is built with.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import UsageError

PLUGIN_NAME = "briefing"


class _TolerantLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs' own tags (`!ENV`, `!!python/name:`) as plain values instead of failing."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class ProjectSettings:
    """Where a project keeps its data and pages, and how its site serves them."""

    root: Path
    docs_dir: Path
    briefings_dir: Path
    seeds_dir: Path
    site_dir: Path
    directory_urls: bool
    search: str  # "mkdocs" or "pagefind"

    @property
    def protected(self) -> tuple[tuple[str, Path], ...]:
        """The folders no command may write into (ingest adds new files to the data, never more)."""
        return (("the pages folder (docs_dir)", self.docs_dir), ("the briefing data", self.briefings_dir),
                ("the seed articles", self.seeds_dir), ("the git repository", self.root / ".git"))


def plugin_options(config: dict) -> dict:
    """The briefing plugin's options in an mkdocs.yml mapping ({} when it is listed bare or not at all)."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            return entry[PLUGIN_NAME] or {}
    return {}


def parse_mkdocs_yml(text: str) -> dict:
    """An mkdocs.yml's text as data; MkDocs' own tags become empty values."""
    config = yaml.load(text, Loader=_TolerantLoader)
    return config if isinstance(config, dict) else {}


def mkdocs_config(root: Path) -> dict:
    """The project's mkdocs.yml as data ({} when there is none)."""
    path = root / "mkdocs.yml"
    if not path.exists():
        return {}
    try:
        return parse_mkdocs_yml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None


def project_settings(root: Path) -> ProjectSettings:
    """Settings of the project whose mkdocs.yml is in `root` (MkDocs' and the plugin's defaults otherwise)."""
    root = root.resolve()
    config = mkdocs_config(root)
    options = plugin_options(config)

    def folder(value, default: str) -> Path:
        return (root / (value if isinstance(value, str) and value else default)).resolve()

    return ProjectSettings(
        root=root, docs_dir=folder(config.get("docs_dir"), "docs"),
        briefings_dir=folder(options.get("briefings"), "briefings"), seeds_dir=folder(options.get("seeds"), "seeds"),
        site_dir=folder(config.get("site_dir"), "site"),
        directory_urls=bool(config.get("use_directory_urls", True)),
        search=str(options.get("search") or "mkdocs"),
    )
