"""The data and seed folders as they were at a git revision, written out byte for byte."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ...errors import GeneratorError

TREES = ("briefings", "seeds")


class GitError(GeneratorError):
    """Git could not give us the old side; the message is for the user."""


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False, input=stdin)
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    if done.returncode:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def materialise(root: Path, rev: str, target: Path, folders: tuple[Path, Path] | None = None) -> str:
    """Write the data and seed folders as they were at REV under target/briefings and target/seeds; return the commit id."""
    if not root.is_dir():
        raise GitError(f"{root} is not a folder")
    relative = []
    for folder in folders or (root / "briefings", root / "seeds"):
        try:
            relative.append(folder.resolve().relative_to(root.resolve()).as_posix())
        except ValueError:
            raise GitError(f"{folder} is outside the project folder {root}, so git cannot give its old version") from None
    try:
        # The project may be a subfolder of the repository: REV's trees are looked up under that prefix.
        prefix = _git(root, "rev-parse", "--show-prefix").decode("utf-8").strip()
        top = Path(_git(root, "rev-parse", "--show-toplevel").decode("utf-8").strip())
    except GitError:
        raise GitError(f"{root} is not inside a git repository") from None
    # From here on git runs at the top level: `git archive` in a subfolder archives only that subfolder.
    root = top
    try:
        # --end-of-options: a REV starting with "-" is a revision, never an option.
        commit = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"unknown revision '{rev}': not a commit, branch or tag in this repository") from None
    for name, folder in zip(TREES, relative):
        (target / name).mkdir(parents=True, exist_ok=True)
        try:
            tree = _git(root, "rev-parse", "--verify", "--quiet", f"{commit}:{prefix}{folder}").decode().strip()
            if _git(root, "cat-file", "-t", tree).strip() != b"tree":
                raise GitError(f"{prefix}{folder} is not a folder")
        except GitError:
            if name == "briefings":
                raise GitError(f"revision '{rev}' has no {prefix}{folder}/ folder to compare with") from None
            continue  # no seeds/ at REV: the old briefing's own check reports the missing articles
        _write_tree(root, tree, target / name)
    return commit


def _write_tree(root: Path, tree: str, target: Path) -> None:
    """Every file of a git tree, byte for byte, under target.

    Blobs are read directly rather than through `git archive`, whose export-ignore and
    export-subst attributes could drop or rewrite a seed.
    """
    files = []
    for entry in _git(root, "ls-tree", "-r", "-z", tree).split(b"\0"):
        if not entry:
            continue
        meta, path = entry.split(b"\t", 1)
        mode, kind, oid = meta.split()
        # Symbolic links and submodules are not data; git never stores ".." in a path, checked anyway.
        relative = Path(path.decode("utf-8", "surrogateescape"))
        if kind == b"blob" and mode != b"120000" and ".." not in relative.parts and not relative.is_absolute():
            files.append((relative, oid))
    if not files:
        return
    data, offset = _git(root, "cat-file", "--batch", stdin=b"".join(oid + b"\n" for _, oid in files)), 0
    for relative, _ in files:
        header_end = data.index(b"\n", offset)
        size = int(data[offset:header_end].split()[2])
        out = target / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data[header_end + 1:header_end + 1 + size])
        offset = header_end + 1 + size + 1  # each object is followed by a newline
