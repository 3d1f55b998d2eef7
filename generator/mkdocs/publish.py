"""The safe publish path: a strict MkDocs build into a new folder, swapped in only when it succeeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..errors import GeneratorError, OutputError
from ..outputs import folder_lock, new_folder, refuse_site_dir, remove_ours


class BuildFailed(GeneratorError):
    """MkDocs refused to build; what it printed says why."""


def publish(root: Path, target: Path, protected: tuple[tuple[str, Path], ...]) -> Path:
    """Build the site of the project in `root` and swap it in at `target`; nothing changes there if the build fails."""
    site = refuse_site_dir(target, root, protected)
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {site.parent}: {exc.strerror or exc}") from None
    with folder_lock(site.parent, str(site)):
        _remove_leftovers(site)
        fresh = new_folder(site.parent, f".{site.name}-new-")
        try:
            _build(root, fresh)
            _swap(fresh, site)
        finally:
            remove_ours(fresh)  # gone already after a swap; after a failure or Ctrl-C, the half-built site
    return site


def _remove_leftovers(site: Path) -> None:
    # Folders of builds that were killed (SIGKILL, power loss) before they could clean up. The
    # lock guarantees that no other build is using them now.
    for prefix in (f".{site.name}-new-", f".{site.name}-old-"):
        for folder in sorted(site.parent.glob(prefix + "*")):
            remove_ours(folder)


def _build(root: Path, fresh: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(root / "mkdocs.yml"),
                             "-d", str(fresh)], cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        detail = result.stderr.strip() or result.stdout.strip()
        raise BuildFailed(f"{detail}\nthe build failed; the published site was left unchanged")


def _swap(fresh: Path, site: Path) -> None:
    # Renames in one folder, so readers never see a half-written site.
    old = None
    try:
        if site.exists():
            old = site.with_name(f".{site.name}-old-{os.getpid()}")
            site.rename(old)
        fresh.rename(site)
    except OSError as exc:
        if old is not None and not site.exists():
            old.rename(site)  # put the published site back
        raise OutputError(f"cannot replace {site}: {exc.strerror or exc}") from None
    if old is not None:
        remove_ours(old)
