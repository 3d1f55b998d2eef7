"""The one rule for everything that writes: never into the data, the seeds, docs/ or .git, never over what it did not create.

Generated pages never replace hand-written files either.

A built site is recognised by a marker file its build writes first, so a later build may replace
it; any other non-empty folder is refused. Single files are created new, or replaced only when
they carry the marker of the command that wrote them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError, UsageError
from .routes import output_file
from .settings import resolved as resolved_path

SITE_MARKER = ".briefing-site"
SITE_MARKER_TEXT = ("This folder holds a site built by the briefing generator. Its next build replaces\n"
                    "everything in it; a folder without this file is never overwritten.\n")


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _describe(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return str(path)


def refuse_dangerous_target(target: Path, root: Path, protected: tuple[tuple[str, Path], ...], what: str) -> Path:
    """The resolved target; UsageError when it is, contains or lies inside a protected folder, or holds the project."""
    resolved = resolved_path(target, what)
    root = resolved_path(root, "the project folder")
    shown = _describe(resolved, root)
    if _within(root, resolved):
        raise UsageError(f"{what} {shown} {'is' if resolved == root else 'contains'} the project folder {root}; "
                         "writing there would destroy the briefing. Choose a new folder, e.g. `site` or `out/export`.")
    for name, folder in protected:
        folder = resolved_path(folder, name)
        if _within(resolved, folder) or _within(folder, resolved):
            relation = "is" if resolved == folder else "lies inside" if _within(resolved, folder) else "contains"
            raise UsageError(f"{what} {shown} {relation} {name} ({_describe(folder, root)}/); "
                             "nothing is ever written there. Choose another folder.")
    if (resolved / ".git").exists():
        raise UsageError(f"{what} {shown} is a git repository; nothing is ever written there. Choose another folder.")
    return resolved


def refuse_site_dir(target: Path, root: Path, protected: tuple[tuple[str, Path], ...]) -> Path:
    """A site folder a build may fill: new, empty, or a site this generator built before."""
    resolved = refuse_dangerous_target(target, root, protected, "the site folder")
    if resolved.exists() and not resolved.is_dir():
        raise UsageError(f"the site folder {resolved} is a file, not a folder; choose another site folder")
    if resolved.is_dir() and not (resolved / SITE_MARKER).is_file() and _has_entries(resolved):
        raise UsageError(f"the site folder {resolved} is not empty and is not a site this generator built "
                         f"(it has no {SITE_MARKER} file); a build would delete its files. "
                         "Empty or remove it yourself, or choose another site folder.")
    return resolved


def _has_entries(folder: Path) -> bool:
    try:
        return any(folder.iterdir())
    except FileNotFoundError:  # removed meanwhile: as good as empty
        return False
    except OSError as exc:
        raise OutputError(f"cannot read the folder {folder}: {exc.strerror or exc}") from None


def mark_site(site_dir: Path) -> None:
    """Create the site folder if need be and write the marker that lets later builds replace it."""
    try:
        site_dir.mkdir(parents=True, exist_ok=True)
        marker = site_dir / SITE_MARKER
        if not marker.is_file():
            marker.write_text(SITE_MARKER_TEXT, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write the site folder {site_dir}: {exc.strerror or exc}") from None


def refuse_export_dir(target: Path, root: Path, protected: tuple[tuple[str, Path], ...]) -> Path:
    """A folder export may fill: new or empty, away from the project's data."""
    resolved = refuse_dangerous_target(target, root, protected, "the export folder")
    if resolved.exists() and (not resolved.is_dir() or any(resolved.iterdir())):
        raise UsageError(f"{target} already exists and is not an empty folder; export never overwrites")
    return resolved


def refuse_output_file(target: Path, root: Path, protected: tuple[tuple[str, Path], ...], marker: str) -> Path:
    """A file a command may write: new, or written by the same command before (its first line is `marker`)."""
    resolved = resolved_path(target, "the output file")
    for name, folder in protected:
        if _within(resolved, resolved_path(folder, name)):
            raise UsageError(f"{target} lies inside {name} ({_describe(resolved_path(folder, name), resolved_path(root, 'the project folder'))}/); "
                             "nothing is ever written there. Write the output elsewhere.")
    if resolved.is_dir():
        raise UsageError(f"{target} is a folder; give a file name for the output")
    if resolved.exists() and not resolved.is_file():
        raise UsageError(f"{target} is not a regular file (a pipe or a device); give a file name, or leave out "
                         "--output to print to standard output")
    if resolved.exists():
        try:
            with resolved.open("rb") as handle:
                first = handle.read(len(marker.encode("utf-8")) + 1).decode("utf-8", "replace").rstrip("\n")
        except OSError:
            first = ""
        if first != marker:
            raise UsageError(f"{target} already exists and was not written by this command; it is never overwritten. "
                             "Choose another file name, or remove it yourself.")
    return resolved


def hand_written_clashes(page_paths, docs_dir: Path, directory_urls: bool) -> list[tuple[str, str]]:
    """(docs file, generated page) pairs that would give the same file of the built site.

    MkDocs would silently let one replace the other; the generator owns its paths, so this is an error.
    """
    if not docs_dir.is_dir():
        return []
    written: dict[str, str] = {}
    for file in sorted(docs_dir.rglob("*")):
        relative = file.relative_to(docs_dir).as_posix()
        if file.is_file() and not any(part.startswith(".") for part in relative.split("/")):  # MkDocs skips hidden files
            written.setdefault(output_file(relative, directory_urls), relative)
    clashes = []
    for page in sorted(page_paths):
        docs_file = written.get(output_file(page, directory_urls))
        if docs_file is not None:
            clashes.append((docs_file, page))
    return clashes


def create_file(path: Path, text: str) -> None:
    """Write a new file; OutputError if it exists already (mode "x" keeps that true even in a race)."""
    data = text.encode("utf-8")  # before the file exists: text that cannot be written leaves nothing behind
    try:
        handle = open(path, "xb")
    except FileExistsError:
        raise OutputError(f"{path} already exists; it is never overwritten") from None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with handle:
            handle.write(data)
    except OSError as exc:
        path.unlink(missing_ok=True)  # ours, created a moment ago: no half-written file stays
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def new_folder(parent: Path, prefix: str) -> Path:
    """A new folder with a unique name, created with the permissions the umask gives (not mkdtemp's 0700)."""
    for attempt in range(100):
        candidate = parent / f"{prefix}{os.getpid()}-{attempt}"
        try:
            candidate.mkdir()
            return candidate
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputError(f"cannot create a folder in {parent}: {exc.strerror or exc}") from None
    raise OutputError(f"cannot create a new folder in {parent}: too many left-over {prefix}* folders")


def remove_ours(folder: Path) -> None:
    """Remove a folder this generator made: empty, or a site with its marker. Anything else is left alone."""
    if folder.is_dir() and not folder.is_symlink() and ((folder / SITE_MARKER).is_file() or not any(folder.iterdir())):
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def folder_lock(folder: Path, what: str) -> Iterator[None]:
    """Hold an exclusive lock on a folder; OutputError at once if another process holds it.

    The lock is the kernel's (flock on the folder itself): it ends with the process, so a killed
    build never leaves a stale lock behind.
    """
    try:
        import fcntl
    except ImportError:  # no flock (Windows): builds are not protected against racing each other
        yield
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise OutputError(f"cannot open {folder}: {exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"another build is publishing into {what} right now; wait for it to finish, then run this again") from None
        yield
    finally:
        os.close(descriptor)
