"""The safe publish path: a strict MkDocs build into a new folder, swapped in only when it succeeds.

The build runs in this process, so that a build killed by any signal leaves no orphan writing on;
its half-built folder carries the site marker and is removed by the next build.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ..errors import GeneratorError, OutputError
from ..outputs import folder_lock, new_folder, refuse_dangerous_target, refuse_site_dir, remove_ours


class BuildFailed(GeneratorError):
    """MkDocs refused to build; what it reported says why."""


def publish(root: Path, target: Path, protected: tuple[tuple[str, Path], ...]) -> Path:
    """Build the site of the project in `root` and swap it in at `target`; nothing changes there if the build fails."""
    site = refuse_dangerous_target(target, root, protected, "the site folder")
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {site.parent}: {exc.strerror or exc}") from None
    with folder_lock(site.parent, str(site.parent)):
        refuse_site_dir(site, root, protected)  # under the lock: no other build can be swapping it meanwhile
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


class _Collect(logging.Handler):
    """Keeps what MkDocs reports at warning level and above, to say why a build failed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8} -  {record.getMessage()}")


def _build(root: Path, fresh: Path) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(fresh), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        detail = "\n".join([*collect.lines, str(exc)]).strip()
        raise BuildFailed(f"{detail}\nthe build failed; the published site was left unchanged") from None
    finally:
        logger.removeHandler(collect)


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
