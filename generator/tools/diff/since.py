"""The briefing compared between a git revision and the working tree, as a reviewer reads it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ...errors import BriefingError, GeneratorError, OutputError
from ...outputs import refuse_output_file
from ...pipeline import GeneratedSite, generate_site
from ...settings import ProjectSettings
from .compare import diff_briefings
from .git import materialise
from .markdown import render_diff_markdown

# The first line of a file `diff --output` writes: an HTML comment, invisible where the Markdown is
# shown, by which a later run knows it may replace the file.
MARKER = "<!-- briefing diff: written by `python -m generator diff` -->"


class RevisionDataError(GeneratorError):
    """The briefing data at REV has problems, so there is nothing sound to compare with."""

    def __init__(self, rev: str, error: BriefingError):
        super().__init__(f"the briefing data at revision '{rev}' has problems, so it cannot be compared "
                         f"(paths below are as they were at '{rev}'):\n{error.report()}")


class WorkingTreeDataError(GeneratorError):
    """The working tree's data has problems (kept apart from the same error at REV)."""

    def __init__(self, error: BriefingError):
        super().__init__(error.report() + "\nthe working tree's briefing data has problems; fix them before comparing")

    def report(self) -> str:
        """The problems, then what to do."""
        return str(self)


def _sites(settings: ProjectSettings, rev: str) -> tuple[GeneratedSite, GeneratedSite]:
    """Both sides, REV's first so that a mistyped revision fails before any building."""
    root = settings.root
    with tempfile.TemporaryDirectory(prefix="briefing-diff-") as folder:
        old_root = Path(folder)
        materialise(root, rev, old_root, (settings.briefings_dir, settings.seeds_dir))
        urls = settings.directory_urls
        try:
            new = generate_site(settings.briefings_dir, settings.seeds_dir, root, directory_urls=urls)
        except BriefingError as exc:
            raise WorkingTreeDataError(exc) from None
        try:
            old = generate_site(old_root / "briefings", old_root / "seeds", old_root, directory_urls=urls)
        except BriefingError as exc:
            raise RevisionDataError(rev, exc) from None
        return old, new


def diff_since(settings: ProjectSettings, rev: str) -> str:
    """The Markdown comment: what changed since REV, in reader terms."""
    old, new = _sites(settings, rev)
    return render_diff_markdown(diff_briefings(old.briefing, new.briefing, old.pages, new.pages, new.directory_urls), rev)


def write_diff(settings: ProjectSettings, rev: str, output: Path) -> None:
    """Write the comment to a new file, or over one this command wrote before; never into the data."""
    target = refuse_output_file(output, settings.root, settings.protected, MARKER)
    markdown = diff_since(settings, rev)
    try:
        target.write_text(f"{MARKER}\n{markdown}", encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
