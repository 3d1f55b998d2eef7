"""Read the seed articles and split them into paragraphs: one non-blank line is one paragraph."""

from __future__ import annotations

from pathlib import Path

from ..errors import ROOT_CAUSE, ProblemList
from ..model import Article, Dataset, Source, SourceParagraph
from ..reuse import Reuse, reuse_or_compute
from ..text import control_characters


def seed_path(seeds_dir: Path, source: Source, problems: ProblemList) -> Path | None:
    """The seed file of a source, refusing names that leave the seeds folder."""
    name = source.seed
    candidate = seeds_dir / name
    root = seeds_dir.resolve()
    if Path(name).is_absolute() or ".." in Path(name).parts or "\\" in name:
        problems.add(source.location, f"seed {name!r} must be a file name inside seeds/", "Write only the file name, e.g. `000_503eb22615983841.txt`.")
        return None
    if not candidate.is_file():
        problems.add(source.location, f"seed file {name!r} not found in {seeds_dir.name}/",
                     "Copy the article into seeds/ (byte for byte) or correct the file name.")
        return None
    if not candidate.resolve().is_relative_to(root):
        problems.add(source.location, f"seed {name!r} points outside the seeds folder", "Seeds must be real files in seeds/, not links.")
        return None
    return candidate


def article_of(raw: bytes, source: Source, problems: ProblemList) -> Article | None:
    """Split a seed's bytes into paragraphs, marking skipped lines and subheadings."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.add(source.location, f"seed {source.seed!r} is not UTF-8 text",
                     "Ingest the article again from a clean copy (`python -m generator ingest`), which saves it as UTF-8.")
        return None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    controls = control_characters(text.replace("\r\n", "\n").replace("\r", "\n"))
    if controls:
        for number, column, name in controls:
            problems.add(source.location, f"line {number} of seed {source.seed} holds the control character {name} at column {column}",
                         "A seed must be plain text: such bytes would reach the site and the terminal raw. "
                         "Ingest the article again from a clean copy (seeds are never edited by hand).", rank=ROOT_CAUSE)
        return None
    reasons: dict[int, str] = {}
    for skipped in source.skipped:
        if skipped.last > len(lines):
            problems.add(skipped.location, f"skip range {skipped.first}-{skipped.last} goes past the end of {source.seed} ({len(lines)} lines)")
        # Only lines that exist are expanded: a range of a hundred million lines must not take memory.
        for number in range(skipped.first, min(skipped.last, len(lines)) + 1):
            if number in reasons:
                problems.add(skipped.location, f"line {number} of {source.seed} is skipped twice")
            reasons[number] = skipped.reason
    for number in source.subheadings:
        if not 1 <= number <= len(lines) or not lines[number - 1].strip() or number in reasons:
            problems.add(source.location, f"subheading line {number} is not a non-blank, non-skipped line of {source.seed}")
    paragraphs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if number in reasons:
            kind = "skipped"
        elif number in source.subheadings:
            kind = "subheading"
        else:
            kind = "text"
        paragraphs.append(SourceParagraph(source.id, number, line.strip(), kind, reasons.get(number, "")))
    return Article(source.id, tuple(paragraphs))


def read_articles(dataset: Dataset, seeds_dir: Path, problems: ProblemList, reuse: Reuse | None = None) -> dict[str, Article]:
    """Every source's article, by source id; with `reuse`, an unchanged seed of an unchanged source is not split again."""
    articles = {}
    for source in dataset.sources.values():
        path = seed_path(seeds_dir, source, problems)
        if path is None:
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.add(source.location, f"seed {source.seed!r} cannot be read: {exc.strerror or exc}",
                         "Check that the file is readable (its permissions), then build again.", rank=ROOT_CAUSE)
            continue

        def split(raw=raw, source=source):
            found = ProblemList()
            return article_of(raw, source, found), found.items

        article, found = reuse_or_compute(reuse, ("seed", source.id), (raw, source), split)
        problems.extend(found)
        if article is not None:
            articles[source.id] = article
    return articles
