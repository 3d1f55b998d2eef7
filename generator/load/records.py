"""Load stage: read every YAML file under briefings/ into located raw records."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ROOT_CAUSE, Location, ProblemList
from ..reuse import Reuse, reuse_or_compute
from .yaml_file import YamlFileError, YList, YMap, YStr, line_of, read_yaml

SECTIONS = ("briefing", "sources", "topics", "entities", "quantities", "extracts", "events", "claims")
FILE_KEYS = (*SECTIONS, "source")


@dataclass(frozen=True)
class RawRecord:
    """One entry of a section (a source, topic, entity, extract or the briefing) as written."""

    section: str
    data: YMap
    file: str
    default_source: YStr | None = None

    def at(self, key: str | None = None) -> Location:
        """Location of the record, or of one of its keys."""
        if key is not None and key in self.data.key_lines:
            return Location(self.file, self.data.key_lines[key])
        return Location(self.file, self.data.line)


YAML_ENDINGS = (".yml", ".yaml")


def briefing_files(briefings_dir: Path) -> list[Path]:
    """Every YAML file under the briefings folder, in a stable order (with what cannot be read: see `unreadable_entries`)."""
    files = [p for p in briefings_dir.rglob("*") if p.suffix in YAML_ENDINGS and p.is_file()]
    return sorted(files, key=lambda p: p.relative_to(briefings_dir).as_posix())


def unreadable_entries(briefings_dir: Path) -> list[tuple[Path, str]]:
    """Entries that look like data but cannot be read: links to folders (never followed), dangling links, pipes."""
    odd = []
    for path in sorted(briefings_dir.rglob("*")):
        if path.is_symlink() and path.is_dir():
            odd.append((path, "is a link to a folder; links are not followed: move the files into the briefings folder"))
        elif path.suffix in YAML_ENDINGS and not path.is_file():
            why = "is a link that leads nowhere" if path.is_symlink() and not path.exists() else "is not a regular file"
            odd.append((path, f"{why}, so it cannot be read: replace it with the YAML file itself"))
    return odd


@dataclass(frozen=True)
class UnreadableFile:
    """A file that could not be read as YAML: its records are missing, so references to them are not errors of their own."""

    shown_as: str
    text: str | None  # None when not even its text could be read: it may define any id

    def may_define(self, ident: str) -> bool:
        """Whether the id is written in the file, so that the file probably defines it."""
        return self.text is None or re.search(rf"(?<![\w-]){re.escape(ident)}(?![\w-])", self.text) is not None


@dataclass(frozen=True)
class LoadedFiles:
    """What the load stage read: every record, and the files it could not read."""

    records: tuple[RawRecord, ...]
    unreadable: tuple[UnreadableFile, ...] = ()

    def unreadable_file_defining(self, ident: str) -> UnreadableFile | None:
        """The unreadable file that probably defines an id, if any."""
        return next((f for f in self.unreadable if f.may_define(ident)), None)


def load_records(briefings_dir: Path, shown_root: Path, problems: ProblemList, reuse: Reuse | None = None) -> LoadedFiles:
    """Read all files; record problems instead of stopping at the first. With `reuse`, an unchanged file is not parsed again."""
    records: list[RawRecord] = []
    unreadable: list[UnreadableFile] = []
    if not briefings_dir.is_dir():
        problems.add(Location(str(briefings_dir)), "the briefings folder does not exist", rank=ROOT_CAUSE)
        return LoadedFiles(())
    for path, why in unreadable_entries(briefings_dir):
        shown = _shown(path, shown_root)
        problems.add(Location(shown), why, rank=ROOT_CAUSE)
        unreadable.append(UnreadableFile(shown, None))
    for path in briefing_files(briefings_dir):
        shown = _shown(path, shown_root)
        try:
            raw = path.read_bytes()
        except OSError:
            raw = None  # read_yaml reports it
        file_records, file_problems, broken = reuse_or_compute(
            reuse if raw is not None else None, ("yaml", shown), raw, lambda: _read_file(path, shown, raw))
        problems.extend(file_problems)
        records.extend(file_records)
        if broken is not None:
            unreadable.append(broken)
    return LoadedFiles(tuple(records), tuple(unreadable))


def _read_file(path: Path, shown: str, raw: bytes | None) -> tuple[tuple[RawRecord, ...], list, UnreadableFile | None]:
    """One file's records, the problems found in it, and the file itself when it cannot be read as YAML."""
    problems = ProblemList()
    try:
        top = read_yaml(path, shown, problems.items, raw)
    except YamlFileError as exc:
        text = _raw_text(path) if raw is None else raw.decode("utf-8", "replace")
        return (), problems.items + exc.problems, UnreadableFile(shown, text)
    records = _records_of_file(top, shown, problems)
    return tuple(records), problems.items, None


def _raw_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return ""


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _records_of_file(top, shown: str, problems: ProblemList) -> list[RawRecord]:
    if top is None:
        problems.add(Location(shown, 1), "file is empty", f"Start it with one of: {', '.join(SECTIONS)}.")
        return []
    if not isinstance(top, YMap):
        problems.add(Location(shown, line_of(top, 1)), "the file must be a mapping with sections such as `extracts:`",
                     f"Start it with one of: {', '.join(SECTIONS)}.")
        return []
    for key in top:
        if key not in FILE_KEYS:
            problems.add(Location(shown, top.key_lines[key]), f"unknown section {key!r}",
                         f"Known sections: {', '.join(FILE_KEYS)}.")
    default_source = top.get("source")
    if default_source is not None and not isinstance(default_source, YStr):
        problems.add(Location(shown, top.key_lines["source"]), "`source` must be a source id")
        default_source = None
    if default_source is not None and "extracts" not in top:
        problems.add(Location(shown, top.key_lines["source"]), "`source` at the top of a file only applies to `extracts`")
    records: list[RawRecord] = []
    for section in SECTIONS:
        if section not in top:
            continue
        value = top[section]
        where = Location(shown, top.key_lines[section])
        if section == "briefing":
            if isinstance(value, YMap):
                records.append(RawRecord(section, value, shown))
            else:
                problems.add(where, "`briefing` must be a mapping (title, description, key_facts)")
            continue
        if isinstance(value, YStr) and value == "":
            continue
        if not isinstance(value, YList):
            problems.add(where, f"`{section}` must be a list of entries, each starting with `- id:`")
            continue
        for item in value:
            if isinstance(item, YMap):
                records.append(RawRecord(section, item, shown, default_source if section == "extracts" else None))
            else:
                problems.add(Location(shown, line_of(item, where.line)),
                             f"each entry of `{section}` must be a mapping of fields, starting with `- id:`")
    return records
