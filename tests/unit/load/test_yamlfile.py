"""The strict YAML reader: text stays text, lines are known, surprises are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.yaml_file import YamlFileError, YList, YMap, read_yaml


def _read(tmp_path: Path, text: str | bytes):
    path = tmp_path / "f.yml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return read_yaml(path, "f.yml")


def _error(tmp_path: Path, text: str | bytes) -> str:
    with pytest.raises(YamlFileError) as caught:
        _read(tmp_path, text)
    return str(caught.value)


def test_scalars_stay_text_as_written(tmp_path):
    data = _read(tmp_path, "a: NO\nb: 1.10\nc: null\nd: 2024-10-18\ne: 017\nf: 1:20\ng: off\nh:\n")
    assert data == {"a": "NO", "b": "1.10", "c": "null", "d": "2024-10-18", "e": "017", "f": "1:20", "g": "off", "h": ""}
    assert all(isinstance(v, str) for v in data.values())


def test_values_know_their_lines(tmp_path):
    data = _read(tmp_path, "# comment\nitems:\n  - id: a\n    quote: >-\n      folded\n      text\n")
    assert isinstance(data, YMap) and data.key_lines["items"] == 2
    items = data["items"]
    assert isinstance(items, YList) and items[0].line == 3
    assert items[0]["quote"] == "folded text" and items[0]["quote"].line == 4


def test_duplicate_keys_name_both_lines(tmp_path):
    assert "f.yml:3: duplicate key 'a' (first written on line 1)" in _error(tmp_path, "a: 1\nb: 2\na: 3\n")


def test_anchors_and_aliases_are_refused(tmp_path):
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n"
    assert "anchors and aliases" in _error(tmp_path, bomb)


def test_python_tags_are_refused(tmp_path):
    assert "tag" in _error(tmp_path, "a: !!python/object/apply:os.system [echo hi]\n")


def test_several_documents_are_refused(tmp_path):
    assert "f.yml:3: file holds more than one YAML document" in _error(tmp_path, "a: 1\n---\nb: 2\n")


def test_non_utf8_is_refused_with_line(tmp_path):
    assert "f.yml:2: file is not UTF-8 text" in _error(tmp_path, b"a: 1\nb: caf\xe9\n")


def test_bom_is_accepted(tmp_path):
    assert _read(tmp_path, "\ufeffa: b\n") == {"a": "b"}


def test_tabs_get_a_hint(tmp_path):
    message = _error(tmp_path, "a:\n\t- b\n")
    assert "f.yml:2" in message and "tabs" in message


def test_empty_file_is_none(tmp_path):
    assert _read(tmp_path, "# only a comment\n") is None
