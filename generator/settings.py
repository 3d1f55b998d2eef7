"""The project's settings, read from mkdocs.yml the way MkDocs and the plugin read them, for the commands.

The plugin gets its options from MkDocs; the command-line tools read the same file here (with
`INHERIT`, `!ENV` and either form of `plugins:`), so that `check`, `export`, `diff` and `ingest`
use the folders and URL style the site is built with.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import UsageError

PLUGIN_NAME = "briefing"


@dataclass(frozen=True)
class Tagged:
    """A YAML value with a tag only MkDocs knows (`!ENV`, `!!python/name:`): kept as written, to be written back."""

    tag: str
    value: object


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps MkDocs' own tags instead of failing on them."""


def _tagged(loader: _Loader, suffix: str, node: yaml.Node, prefix: str = "!") -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: object = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes MkDocs' tags back as they were read."""


def _represent_tagged(dumper: _Dumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Dumper.add_representer(Tagged, _represent_tagged)


def dump_mkdocs_yml(config: dict) -> str:
    """Configuration as YAML, with MkDocs' tags kept."""
    return yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


def parse_mkdocs_yml(text: str) -> dict:
    """An mkdocs.yml's text as data, MkDocs' tags kept as Tagged values (no INHERIT resolution)."""
    config = yaml.load(text, Loader=_Loader)
    return config if isinstance(config, dict) else {}


def _merged(parent: dict, child: dict) -> dict:
    # As MkDocs merges an INHERIT-ed file: mappings merged key by key, anything else replaced.
    result = dict(parent)
    for key, value in child.items():
        result[key] = _merged(result[key], value) if isinstance(value, dict) and isinstance(result.get(key), dict) else value
    return result


def load_mkdocs_yml(path: Path, _seen: tuple[Path, ...] = ()) -> dict:
    """A project's mkdocs.yml as MkDocs reads it, its `INHERIT`-ed files merged in."""
    try:
        config = parse_mkdocs_yml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    parent = config.pop("INHERIT", None)
    if parent:
        parent_path = (path.parent / str(parent)).resolve()
        if parent_path in _seen:
            raise UsageError(f"{path}: INHERIT leads back to {parent_path}")
        config = _merged(load_mkdocs_yml(parent_path, (*_seen, path.resolve())), config)
    return config


def plugin_options(config: dict) -> dict:
    """The briefing plugin's options ({} when it is listed bare or not at all); `plugins:` may be a list or a mapping."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        return plugins.get(PLUGIN_NAME) or {}
    for entry in plugins:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            return entry[PLUGIN_NAME] or {}
    return {}


def _plain(value, default: str):
    """A setting's value; `!ENV NAME` or `!ENV [NAME, ..., default]` looked up as MkDocs does."""
    if isinstance(value, Tagged):
        if value.tag != "!ENV":
            raise UsageError(f"mkdocs.yml: the tag {value.tag} cannot be used for a folder or an option of the briefing")
        names = value.value if isinstance(value.value, list) else [value.value]
        for name in names[:-1] if len(names) > 1 else names:
            if str(name) in os.environ:
                return os.environ[str(name)]
        return names[-1] if len(names) > 1 else default
    return default if value in (None, "") else value


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
    site_url: str = ""  # where the site is published (mkdocs.yml `site_url`); "" when not set

    @property
    def protected(self) -> tuple[tuple[str, Path], ...]:
        """The folders no command may write into (ingest adds new files to the data, never more)."""
        return (("the pages folder (docs_dir)", self.docs_dir), ("the briefing data", self.briefings_dir),
                ("the seed articles", self.seeds_dir),
                *(("the git repository", folder) for folder in git_folders(self.root)))


def git_folders(root: Path) -> tuple[Path, ...]:
    """Every git folder that holds this project: `.git` here or above, and where a worktree's `.git` file points."""
    found: list[Path] = []
    for folder in (root, *root.parents):
        entry = folder / ".git"
        if entry.is_dir():
            found.append(entry)
        elif entry.is_file():
            found.append(entry)
            try:
                text = entry.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if text.startswith("gitdir:"):
                gitdir = (folder / text[len("gitdir:"):].strip()).resolve()
                found.append(gitdir)
                common = gitdir / "commondir"
                if common.is_file():
                    found.append((gitdir / common.read_text(encoding="utf-8", errors="replace").strip()).resolve())
    return tuple(dict.fromkeys(found))


def resolved(path: Path, what: str) -> Path:
    """An absolute path with links followed; a UsageError for a loop of links."""
    try:
        return path.resolve()
    except (RuntimeError, OSError) as exc:
        raise UsageError(f"{what} {path} cannot be followed: {exc} (a loop of symbolic links?)") from None


def project_settings(root: Path) -> ProjectSettings:
    """Settings of the project whose mkdocs.yml is in `root` (MkDocs' and the plugin's defaults otherwise)."""
    root = resolved(root, "the project folder")
    if not root.is_dir():
        raise UsageError(f"the project folder {root} {'is not a folder' if root.exists() else 'does not exist'}; "
                         "give the folder that holds mkdocs.yml with --root")
    config = load_mkdocs_yml(root / "mkdocs.yml") if (root / "mkdocs.yml").exists() else {}
    options = plugin_options(config)

    def folder(value, default: str, what: str) -> Path:
        return resolved(root / str(_plain(value, default)), what)

    return ProjectSettings(
        root=root, docs_dir=folder(config.get("docs_dir"), "docs", "the pages folder"),
        briefings_dir=folder(options.get("briefings"), "briefings", "the briefing data folder"),
        seeds_dir=folder(options.get("seeds"), "seeds", "the seeds folder"),
        site_dir=folder(config.get("site_dir"), "site", "the site folder"),
        directory_urls=str(_plain(config.get("use_directory_urls"), "true")).lower() not in ("false", "no", "0"),
        search=str(_plain(options.get("search"), "mkdocs")),
        site_url=str(_plain(config.get("site_url"), "") or ""),
    )
