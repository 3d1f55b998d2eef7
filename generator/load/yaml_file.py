"""Read editors' YAML strictly: every scalar stays text, and every value knows its line.

PyYAML's defaults silently turn `NO` into False, `1.10` into 1.1 and accept duplicate keys;
editors' text must survive as written, so we compose the node tree ourselves.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import ROOT_CAUSE, BriefingError, Location, Problem
from ..text import YAML_UNSAFE_CHARACTERS, control_characters, describe_char

MAX_FILE_BYTES = 5_000_000
STR_TAG = "tag:yaml.org,2002:str"
STANDARD_TAGS = {
    STR_TAG,
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


class YStr(str):
    """A YAML scalar: text with the line it was written on."""

    line: int


class YList(list):
    """A YAML sequence with its line."""

    line: int


class YMap(dict):
    """A YAML mapping with its line and the line of each key."""

    line: int
    key_lines: dict[str, int]


# libyaml's parser when available (several times faster); the resolver stays ours either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextOnlyLoader(_BaseLoader):
    """SafeLoader with no implicit typing: every plain scalar resolves to str."""


_TextOnlyLoader.yaml_implicit_resolvers = {}
_DEFAULT_TAGS = {yaml.ScalarNode: _TextOnlyLoader.DEFAULT_SCALAR_TAG, yaml.SequenceNode: _TextOnlyLoader.DEFAULT_SEQUENCE_TAG,
                 yaml.MappingNode: _TextOnlyLoader.DEFAULT_MAPPING_TAG}


# With no implicit or path resolvers every untagged node gets its kind's default tag; saying so
# directly skips three Python calls per node, a third of the parse time for large briefings.
_TextOnlyLoader.resolve = lambda self, kind, value, implicit: _DEFAULT_TAGS[kind]
_TextOnlyLoader.descend_resolver = lambda self, current_node, current_index: None
_TextOnlyLoader.ascend_resolver = lambda self: None


class YamlFileError(BriefingError):
    """A file that cannot be read as YAML at all (or, read strictly, has any problem)."""


MAX_DEPTH = 40  # far deeper than any briefing file; deeper nesting is a mistake, not data


def read_yaml(path: Path, shown_as: str, problems: list[Problem] | None = None, raw: bytes | None = None) -> YMap | YList | YStr | None:
    """Parse one YAML file into located values.

    A file that cannot be read at all raises YamlFileError (a root cause, with file:line). Lesser
    problems (a duplicate key, an alias) leave the rest of the file usable: they are appended to
    `problems` when it is given, and raised as YamlFileError when it is not. `raw`: the file's
    bytes, when the caller has read them already.
    """
    where = Location(shown_as)
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as exc:
        raise YamlFileError([_root(where, f"cannot read the file: {exc.strerror or exc}", "Check that it exists and is readable.")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise YamlFileError([_root(where, f"file is larger than {MAX_FILE_BYTES:,} bytes", "Split it into several files.")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlFileError([_root(Location(shown_as, line), "file is not UTF-8 text", "Save the file with UTF-8 encoding.")]) from None
    found: list[Problem] = []
    controls = control_characters(text, pattern=YAML_UNSAFE_CHARACTERS)
    if controls:
        # Reported as root causes; the rest of the file is read with spaces in their place, so
        # that its records still load and nothing else is reported because of them.
        found += [_root(Location(shown_as, line), f"invisible control character {name} at column {column}",
                        "Delete it: it usually comes with text pasted from a word processor or a web page. "
                        "YAML refuses it or reads it as a line break.") for line, column, name in controls]
        text = YAML_UNSAFE_CHARACTERS.sub(" ", text)
    text, odd_indents = _plain_indentation(text)
    found += [_root(Location(shown_as, line), f"invisible character {name} at the start of the line (column {column})",
                    "YAML reads it as text, not as indentation, which breaks the structure of the file. Delete it and "
                    "indent with spaces only.") for line, column, name in odd_indents]
    try:
        documents = list(yaml.compose_all(text, Loader=_TextOnlyLoader))
    except yaml.MarkedYAMLError as exc:
        raise YamlFileError([*found, _syntax_problem(exc, text, shown_as)]) from None
    except yaml.YAMLError as exc:  # e.g. a reader error without a mark
        raise YamlFileError([*found, _root(where, f"not valid YAML: {exc}", "Check the file's text around the problem.")]) from None
    except RecursionError:
        raise YamlFileError([*found, _root(where, f"values are nested more than {MAX_DEPTH} levels deep",
                                   "Briefing files need a few levels only; check the brackets and indentation.")]) from None
    if len(documents) > 1:
        raise YamlFileError([*found, _root(Location(shown_as, documents[1].start_mark.line + 1), "file holds more than one YAML document",
                                   "Remove the `---` separator; use one file per document.")])
    if not documents or documents[0] is None:
        value = None
    else:
        # An alias needs an anchor, and an anchor needs an `&`: without one, no node can appear twice.
        value = _convert(documents[0], shown_as, found, set() if "&" in text else None, 0)
    if found and problems is None:
        raise YamlFileError(found)
    if problems is not None:
        problems.extend(found)
    return value


def _plain_indentation(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The text with invisible characters at the start of lines (no-break or zero-width spaces) made spaces, and where they were."""
    found = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        width = len(line) - len(line.lstrip(" \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                                               "\u2009\u200a\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"))
        odd = [(column, char) for column, char in enumerate(line[:width], start=1) if char not in " \t"]
        if odd:
            found += [(number + 1, column, describe_char(char)) for column, char in odd]
            lines[number] = " " * width + line[width:]
    return ("\n".join(lines), found) if found else (text, found)


def _root(location: Location, message: str, hint: str) -> Problem:
    return Problem(location, message, hint, ROOT_CAUSE)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, shown_as: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    detail = exc.problem or str(exc)
    source_lines = text.splitlines()
    bad_line = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())]:
        hint = "This line is indented with tabs; YAML needs spaces."
    elif "nesting depth" in detail:
        hint = "Briefing files need a few levels only; check the brackets and indentation."
    else:
        hint = ("Check the indentation and quoting around this line; text containing ': ' or starting "
                "with a quote is safest as a block (`quote: >-` then the text on the next lines).")
    return _root(Location(shown_as, line), f"not valid YAML: {detail}", hint)


def _convert(node: yaml.Node, shown_as: str, problems: list[Problem], seen: set[int] | None, depth: int):
    # Called for every collection and odd scalar of every file, and plain scalars are converted inline
    # by the loops below: a large briefing has hundreds of thousands of them. Problems are rare, so
    # their Locations are built only when needed. `seen` is None when the file has no anchors.
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        problems.append(Problem(Location(shown_as, line), f"values are nested more than {MAX_DEPTH} levels deep",
                                "Briefing files need a few levels only; check the brackets and indentation."))
        return YStr("")
    if seen is not None:
        if id(node) in seen:
            problems.append(Problem(Location(shown_as, line), "YAML anchors and aliases (& and *) are not supported", "Write the value out in full."))
            return YStr("")
        seen.add(id(node))
    if node.tag not in STANDARD_TAGS:
        problems.append(Problem(Location(shown_as, line), f"YAML tag {node.tag!r} is not allowed", "Remove the `!` tag; write plain text, lists and mappings."))
        return YStr("")
    kind = type(node)
    if kind is yaml.ScalarNode:
        value = YStr(node.value)
        value.line = line
        return value
    if kind is yaml.SequenceNode:
        items = YList()
        items.line = line
        for child in node.value:
            if seen is None and type(child) is yaml.ScalarNode and child.tag == STR_TAG:
                item = YStr(child.value)
                item.line = child.start_mark.line + 1
            else:
                item = _convert(child, shown_as, problems, seen, depth + 1)
            items.append(item)
        return items
    mapping = YMap()
    mapping.line = line
    mapping.key_lines = key_lines = {}
    for key_node, value_node in node.value:
        if type(key_node) is not yaml.ScalarNode:
            problems.append(Problem(Location(shown_as, key_node.start_mark.line + 1), "a mapping key must be plain text",
                                    "Write the field name as a word before the colon, e.g. `quote:`; a `?` or brackets make a complex key."))
            continue
        key = key_node.value
        if key in mapping:
            problems.append(Problem(
                Location(shown_as, key_node.start_mark.line + 1),
                f"duplicate key {key!r} (first written on line {key_lines[key]})",
                "Keep one of the two; YAML would silently drop the first.",
            ))
            continue
        if seen is None and type(value_node) is yaml.ScalarNode and value_node.tag == STR_TAG:
            value = YStr(value_node.value)
            value.line = value_node.start_mark.line + 1
        else:
            value = _convert(value_node, shown_as, problems, seen, depth + 1)
        mapping[key] = value
        key_lines[key] = key_node.start_mark.line + 1
    return mapping


def line_of(value, default: int = 0) -> int:
    """The line a located value was written on, or default."""
    return getattr(value, "line", default)
