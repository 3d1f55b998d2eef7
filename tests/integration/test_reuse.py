"""A preview's rebuilds reuse what the previous one computed (generator/reuse.py): after any edit, the pages,
published files and problems must be exactly those of a build that reuses nothing.

Run on a copy of the real briefing, whose notes refer to other extracts, whose claims, events and
figures tie extracts together, and whose sources share paragraphs: scripted edits of every kind of
record, then a few hundred random ones (a fixed seed, so a failure can be replayed).
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from generator import routes
from generator.errors import BriefingError
from generator.pipeline import generate_site
from generator.reuse import Reuse
from tests.support.paths import REPO

RANDOM_EDITS = 120


@pytest.fixture(scope="module")
def briefing(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("reuse")
    for folder in ("briefings", "seeds"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def _outcome(root: Path, reuse: Reuse | None):
    """The pages and files of a build, or its problems."""
    try:
        site = generate_site(root / "briefings", root / "seeds", root, True, "https://example.org/briefing/", reuse)
    except BriefingError as exc:
        return "error", exc.report()
    return site.pages, site.files, [str(w) for w in site.briefing.warnings]


def _differences(reused, fresh) -> list[str]:
    if reused[0] == "error" or fresh[0] == "error":
        return [] if reused == fresh else [f"reused: {reused[1] if reused[0] == 'error' else 'built'}; "
                                           f"fresh: {fresh[1] if fresh[0] == 'error' else 'built'}"]
    found = [path for kind in (0, 1) for path in sorted(set(reused[kind]) | set(fresh[kind]))
             if reused[kind].get(path) != fresh[kind].get(path)]
    return found + (["warnings"] if reused[2] != fresh[2] else [])


def _extract_files(root: Path) -> list[Path]:
    return sorted((root / "briefings" / "extracts").glob("*.yml"))


def _ids(root: Path, kind: str) -> list[str]:
    files = _extract_files(root) if kind == "extracts" else [root / "briefings" / f"{kind}.yml"]
    return [m for f in files for m in re.findall(r"^  - id: (\S+)$", f.read_text(encoding="utf-8"), re.M)]


def _edit_field(path: Path, record: str, field: str, value: str) -> bool:
    """Set (or add) a one-line field of the record with this id; False when the record is not there."""
    text = path.read_text(encoding="utf-8")
    start = text.find(f"  - id: {record}\n")
    if start < 0:
        return False
    end = text.find("\n  - id: ", start + 1)
    end = len(text) if end < 0 else end
    body = text[start:end]
    line = re.search(rf"^    {field}: .*(\n      .*)*$", body, re.M)
    new = f"    {field}: {value}"
    body = body[:line.start()] + new + body[line.end():] if line else body.replace("\n", f"\n{new}\n", 1)
    path.write_text(text[:start] + body + text[end:], encoding="utf-8")
    return True


def _in_extracts(root: Path, extract: str, field: str, value: str) -> None:
    assert any(_edit_field(f, extract, field, value) for f in _extract_files(root)), extract


def _random_edit(root: Path, rng: random.Random) -> str:
    extracts = _ids(root, "extracts")
    extract, other = rng.choice(extracts), rng.choice(extracts)
    added = f"added-{rng.randrange(5)}"  # notes may name an extract before it exists, or after it is gone
    kind = rng.randrange(14)
    if kind == 0:
        _in_extracts(root, extract, "note", rng.choice(["A new note.", f"Compare {other}.", f"See {other}, and line 3.",
                                                        f"Compare {added}."]))
    elif kind == 1:
        _in_extracts(root, extract, "stance", rng.choice(["stated", "claimed", "could not confirm", "denied", "warned"]))
    elif kind == 2:
        _in_extracts(root, extract, "said_on", rng.choice(["2024-10-17", "2024-10", "before 2024-10-21", "2024-10-18"]))
    elif kind == 3:
        _in_extracts(root, extract, "topics", rng.choice(["[deployment]", "[arms-transfers]", "[reactions, deployment]"]))
    elif kind == 4:
        _in_extracts(root, extract, "dates_note", f"Worked out from {other}.")
    elif kind == 5:
        entity = rng.choice(_ids(root, "entities"))
        _edit_field(root / "briefings/entities.yml", entity, "name", f"Renamed {entity}")
    elif kind == 6:
        topic = rng.choice(_ids(root, "topics"))
        _edit_field(root / "briefings/topics.yml", topic, "title", f"Retitled {topic}")
    elif kind == 7:
        source = rng.choice(_ids(root, "sources"))
        _edit_field(root / "briefings/sources.yml", source, "published", rng.choice(["2024-10-18", "2024-10-25", "2024-10-19"]))
    elif kind == 8:  # a comment line: every record below it moves one line down
        path = rng.choice(_extract_files(root))
        path.write_text("# moved\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    elif kind == 9:
        entity = rng.choice(_ids(root, "entities"))
        _in_extracts(root, extract, "speaker", entity)
    elif kind == 10:
        _in_extracts(root, extract, "mentions", f"[{rng.choice(_ids(root, 'entities'))}]")
    elif kind == 12 and added not in extracts:  # a copy of an extract, under a new id
        path = next(f for f in _extract_files(root) if f"  - id: {extract}\n" in f.read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        start = text.index(f"  - id: {extract}\n")
        end = text.find("\n  - id: ", start + 1)
        block = text[start:] if end < 0 else text[start:end + 1]
        path.write_text(text.rstrip("\n") + "\n" + block.replace(f"id: {extract}", f"id: {added}", 1).rstrip("\n") + "\n",
                        encoding="utf-8")
    elif kind == 13 and added in extracts:  # that copy deleted
        for path in _extract_files(root):
            text = path.read_text(encoding="utf-8")
            if f"  - id: {added}\n" in text:
                start = text.index(f"  - id: {added}\n")
                end = text.find("\n  - id: ", start + 1)
                path.write_text(text[:start] + ("" if end < 0 else text[end + 1:]), encoding="utf-8")
    elif kind == 11:  # a seed changes: its quotes may no longer be found
        seed = rng.choice(sorted((root / "seeds").glob("*.txt")))
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text.replace(" the ", " The ", 1), encoding="utf-8")
    return f"edit {kind} on {extract}"


def _check(root: Path, reuse: Reuse, what: str, built: bool = False) -> bool:
    """The outcome with reuse equals the outcome without; `built`: that outcome must be a site, not errors."""
    reused, fresh = _outcome(root, reuse), _outcome(root, None)
    assert _differences(reused, fresh) == [], f"after {what}"
    assert not built or fresh[0] != "error", f"{what}: {fresh[1]}"
    return fresh[0] != "error"


def test_scripted_edits_give_the_pages_of_a_fresh_build(briefing: Path):
    reuse = Reuse()
    _check(briefing, reuse, "the first build", built=True)
    extract, other = _ids(briefing, "extracts")[:2]
    _in_extracts(briefing, extract, "note", "One word changed.")
    _check(briefing, reuse, "a note", built=True)
    reused, computed = reuse.last_build
    assert reused > 3 * computed  # the check above would also pass with no reuse at all
    _in_extracts(briefing, extract, "note", f"Compare {other}.")
    _check(briefing, reuse, "a note naming another extract", built=True)
    _in_extracts(briefing, other, "speaker", _ids(briefing, "entities")[-1])
    _check(briefing, reuse, "the speaker of the extract a note names", built=True)
    _in_extracts(briefing, extract, "topics", "[arms-transfers]")
    _check(briefing, reuse, "an extract moved to another topic", built=True)
    _in_extracts(briefing, "nis-says-dispatch", "topics", "[reactions]")  # evidence of a summary point elsewhere
    _check(briefing, reuse, "a topic summary's evidence moved to another topic", built=True)
    _in_extracts(briefing, "nis-says-dispatch", "speaker", "john-kirby")
    _check(briefing, reuse, "the speaker of that evidence", built=True)
    _edit_field(briefing / "briefings/entities.yml", "seoul", "coordinates", "[0.0, 126.978]")
    _check(briefing, reuse, "a place at latitude 0", built=True)
    _edit_field(briefing / "briefings/entities.yml", "seoul", "coordinates", "[-0.0, 126.978]")
    _check(briefing, reuse, "the same place written -0 (equal floats, another text)", built=True)
    _in_extracts(briefing, extract, "note", "Compare new-extract.")
    _check(briefing, reuse, "a note naming no extract", built=True)
    path = _extract_files(briefing)[-1]
    copied = re.search(r"^  - id: .*?(?=^  - id: |\Z)", path.read_text(encoding="utf-8"), re.M | re.S).group(0)
    with path.open("a", encoding="utf-8") as out:
        out.write(re.sub(r"id: \S+", "id: new-extract", copied, count=1))
    _check(briefing, reuse, "an extract added with the id the note names", built=True)
    _in_extracts(briefing, extract, "quote", "no such words in the article")
    _check(briefing, reuse, "a quote that is not in its seed (an error)")
    _check(briefing, reuse, "the same error again")
    shutil.copy(REPO / "briefings" / "extracts" / _extract_files(briefing)[0].name, _extract_files(briefing)[0])
    _check(briefing, reuse, "the error fixed", built=True)


@pytest.fixture
def small_pages(monkeypatch):
    """Topics and the discrepancies page split into many parts, so that edits move extracts between pages."""
    monkeypatch.setattr(routes, "TOPIC_PAGE_EXTRACTS", 7)
    monkeypatch.setattr(routes, "DISCREPANCIES_PAGE_ITEMS", 2)


def test_random_edits_give_the_pages_of_a_fresh_build(briefing: Path, small_pages):
    rng = random.Random(20261204)
    reuse = Reuse()
    _check(briefing, reuse, "the first build", built=True)
    sites = 0
    for number in range(RANDOM_EDITS):
        before = {path: path.read_bytes() for path in briefing.rglob("*") if path.is_file()}
        what = _random_edit(briefing, rng)
        if _check(briefing, reuse, f"random edit {number}: {what}"):
            sites += 1
        else:  # the editor fixes it: back to the data before the edit (the next rebuild then starts from an error)
            for path in {p for p in briefing.rglob("*") if p.is_file()} - set(before):
                path.unlink()
            for path, data in before.items():
                path.write_bytes(data)
    assert sites > RANDOM_EDITS // 2, "most edits must leave data that builds, or pages are hardly compared"


def test_a_build_that_crashes_half_way_leaves_nothing_stale(briefing: Path, monkeypatch):
    from generator.render import site

    reuse = Reuse()
    _check(briefing, reuse, "the first build", built=True)
    extract = _ids(briefing, "extracts")[0]
    _in_extracts(briefing, extract, "stance", "warned")

    def crash(ctx):
        raise RuntimeError("a renderer's bug")

    monkeypatch.setattr(site, "render_home", crash)  # rendered after the topic pages, before the rest
    with pytest.raises(RuntimeError):
        generate_site(briefing / "briefings", briefing / "seeds", briefing, True, "https://example.org/briefing/", reuse)
    monkeypatch.undo()
    _check(briefing, reuse, "the build after the crash", built=True)


def test_only_a_reuse_made_for_idle_collection_freezes_what_a_build_leaves(briefing: Path):
    import gc

    gc.unfreeze()
    try:
        generate_site(briefing / "briefings", briefing / "seeds", briefing, True, "", Reuse())
        assert gc.get_freeze_count() == 0  # nothing would ever collect it: a plain Reuse must not freeze
        generate_site(briefing / "briefings", briefing / "seeds", briefing, True, "", Reuse(frozen_between_builds=True))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
