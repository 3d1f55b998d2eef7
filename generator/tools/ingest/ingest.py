"""Ingest one article: write its seed and an extracts file with the source entry and suggestions, never overwriting."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ...errors import BriefingError, Location, OutputError
from ...model import PartialDate, Source
from ...outputs import create_file
from ...pipeline import check_briefing
from ...settings import ProjectSettings
from ...validate.fields import MAX_ID_LENGTH, is_id, parse_date
from .furniture import detect_furniture, skip_entries
from .html_page import extract_html
from .metadata import agency_in, outlet_of
from .skeleton import render_yaml
from .suggest import Known
from .text import (
    MAX_ARTICLE_CHARS,
    MAX_INPUT_BYTES,
    InputError,
    check_size,
    decode_text,
    looks_like_html,
    slug,
    split_paragraphs,
    unique_id,
)

NEVER_OVERWRITES = "ingest never overwrites: choose another --id"


@dataclass(frozen=True)
class IngestRequest:
    """What the editor asked for: the file (or "-" for standard input) and what they know of it."""

    path: str
    format: str | None = None  # "txt" or "html"; else from the file name, else sniffed
    id: str | None = None
    headline: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    url: str = ""
    language: str = "en"


def _day(text: str) -> PartialDate | None:
    """A date written YYYY-MM-DD, to the day, or None."""
    date = parse_date(text)
    return date if date is not None and date.day and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text.strip()) else None


def _check_request(settings: ProjectSettings, request: IngestRequest) -> None:
    if request.published is not None and _day(request.published) is None:
        raise InputError(f"--published {request.published!r} is not a date: write YYYY-MM-DD, e.g. 2024-10-18")
    if request.id is not None and not is_id(request.id):
        shown = request.id if len(request.id) <= 60 else request.id[:60] + "…"
        raise InputError(f"--id {shown!r} is not a valid id: use lowercase letters, digits and single hyphens, "
                         f"at most {MAX_ID_LENGTH} characters")
    if request.url and not re.match(r"^https?://\S+$", request.url, re.IGNORECASE):
        raise InputError(f"--url {request.url!r} is not an http(s) address")
    if not request.language.strip():
        raise InputError("--language is empty: give a language code such as en")
    for folder in (settings.seeds_dir, settings.briefings_dir):
        if not folder.is_dir():
            raise InputError(f"{folder} does not exist: run ingest in the project folder or give --root")


def _read_input(path: str) -> tuple[bytes, str]:
    """The raw bytes and the name to show in messages."""
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        raw = stream.read(MAX_INPUT_BYTES + 1) if stream is not None else sys.stdin.read(MAX_INPUT_BYTES + 1).encode("utf-8")
        check_size(len(raw), "standard input")
        return raw, "standard input"
    file, name = Path(path), printable_name(path)
    if not file.exists():
        raise InputError(f"{name} not found")
    if file.is_dir():
        raise InputError(f"{name} is a folder, not a file")
    try:
        # At most one byte more than allowed, whatever the file is: a pipe or a device may never end.
        with file.open("rb") as handle:
            raw = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from None
    check_size(len(raw), name)
    return raw, name


def printable_name(path: str) -> str:
    """A file name for messages and for the YAML header: bytes that are not UTF-8 shown as U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _format(request: IngestRequest, text: str) -> str:
    if request.format:
        return request.format
    suffix = Path(request.path).suffix.lower() if request.path != "-" else ""
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".txt", ".text"):
        return "txt"
    return "html" if looks_like_html(text) else "txt"


def _known(settings: ProjectSettings) -> tuple[Known, dict[str, str], bool]:
    """Entities and topics for suggestions, ids in use (id -> where), and whether the data is clean."""
    try:
        linked = check_briefing(settings.briefings_dir, settings.seeds_dir, settings.root).linked
    except BriefingError:
        print("note: the existing briefing data has problems (see `python -m generator check`); "
              "ingesting without entity and topic suggestions", file=sys.stderr)
        return Known(), {}, False
    data = linked.dataset
    known = Known(sorted(data.entities.values(), key=lambda e: e.id), linked.topics,
                  tuple(sorted(data.quantities.values(), key=lambda q: q.id)))
    return known, {s.id: str(s.location) for s in data.sources.values()}, True


def ingest(settings: ProjectSettings, request: IngestRequest) -> str:
    """Do the whole ingest; return the report to print, or raise InputError with nothing written."""
    _check_request(settings, request)
    raw, name = _read_input(request.path)
    text = decode_text(raw, name)
    fmt = _format(request, text)
    title = date = sitename = page_url = page_title = ""
    if fmt == "html":
        page = extract_html(text, name)
        paragraphs, title, date, sitename, page_url = page.paragraphs, page.title, page.date, page.sitename, page.url
        page_title = page.full_title
    else:
        paragraphs = split_paragraphs(text)
    # The seed holds one paragraph per line with a blank line between paragraphs (like seed 000).
    numbered = [(2 * i + 1, p) for i, p in enumerate(paragraphs)]
    furniture = detect_furniture(numbered, title)
    article_lines = [n for n, _ in numbered if n not in furniture.skipped]
    if not article_lines:
        raise InputError(f"{name}: no article text found (every paragraph looks like page furniture)")

    if request.headline:
        headline = " ".join(request.headline.split())
        headline_by = "article" if headline.casefold() == furniture.headline.casefold() else "curator"
    elif furniture.headline or title:
        headline, headline_by = furniture.headline or title, "article"
    else:
        raise InputError(f"{name} has no headline line: give one with --headline \"...\" "
                         "(it is recorded as headline_by: curator)")

    if request.published:
        published, published_note = _day(request.published), ""
    elif furniture.published:
        published = _day(furniture.published.isoformat())
        published_note = f'Printed in the article ("{furniture.dateline}").'
    elif _day(date[:10]):
        published, published_note = _day(date[:10]), "From the page's metadata; check it against the article."
    else:
        raise InputError(f"no publication date found in {name}: give it with --published YYYY-MM-DD")

    root = settings.root
    seeds_dir, extracts_dir = settings.seeds_dir, settings.briefings_dir / "extracts"
    known, used_ids, clean = _known(settings)

    def taken(candidate: str) -> bool:
        return (candidate in used_ids or (extracts_dir / f"{candidate}.yml").exists()
                or any(seeds_dir.glob(f"*_{candidate}.txt")))

    source_id = request.id or unique_id(slug(headline)[:MAX_ID_LENGTH - 4].strip("-") or "article", taken)
    numbers = [int(m.group(1)) for p in seeds_dir.iterdir() if (m := re.match(r"^(\d+)_", p.name))]
    seed_name = f"{max(numbers, default=-1) + 1:03d}_{source_id}.txt"
    seed_path, yaml_path = seeds_dir / seed_name, extracts_dir / f"{source_id}.yml"
    for path in (seed_path, yaml_path, *sorted(seeds_dir.glob(f"*_{source_id}.txt"))):
        if path.exists():
            raise InputError(f"{_shown(path, root)} already exists; {NEVER_OVERWRITES}")
    if source_id in used_ids:
        raise InputError(f"source id {source_id!r} is already used ({used_ids[source_id]}); {NEVER_OVERWRITES}")
    seed_text = "\n\n".join(paragraphs) + "\n"
    if len(seed_text) > MAX_ARTICLE_CHARS:
        raise InputError(f"the text found in {name} is {len(seed_text):,} characters long; articles are rarely over "
                         f"{MAX_ARTICLE_CHARS // 1000:,} kB of text, so this is probably not one article (nothing was written)")
    for existing in sorted(seeds_dir.iterdir()):
        if existing.is_file() and existing.read_bytes() == seed_text.encode("utf-8"):
            raise InputError(f"{name} is already in seeds/ as {existing.name} (same text); "
                             "ingest never adds an article twice")

    outlet, outlet_note = request.outlet, ""
    if not outlet:
        outlet, outlet_note = outlet_of(sitename, page_title)
    agency, agency_note = agency_in([p for n, p in numbered if n in article_lines])
    if agency and agency_note:
        outlet_note = " ".join(filter(None, [outlet_note, agency_note]))
    entry = Source(
        id=source_id, seed=seed_name, headline=headline, headline_by=headline_by, outlet=outlet,
        outlet_note=outlet_note, published=published, published_note=published_note, agency=agency,
        language=request.language.strip(), url=request.url or page_url,
        skipped=skip_entries(numbered, furniture.skipped), subheadings=tuple(furniture.subheadings),
        location=Location(_shown(yaml_path, root)))
    origin = name if name == "standard input" else Path(name).name
    document = render_yaml(entry, f"{origin} ({fmt})", numbered, known)

    _write_new(seed_path, yaml_path, seed_text, document, root)
    if clean:
        _verify(settings, seed_path, yaml_path)
    skipped = "; ".join(f"{s.first}{'' if s.first == s.last else f'-{s.last}'}: {s.reason}" for s in entry.skipped) or "none"
    return "\n".join([
        f"ingested {name} ({fmt}) as source {source_id!r}:",
        f"  wrote {_shown(seed_path, root)}: {len(paragraphs)} paragraphs, "
        f"{len(article_lines)} of article text, {len(furniture.skipped)} skipped as page furniture",
        f"  wrote {_shown(yaml_path, root)}: the source entry and {len(article_lines)} suggested extracts to fill in",
        f"  skipped lines: {skipped}",
        f"next: review {_shown(yaml_path, root)}, then run `python -m generator check`",
    ])


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _write_new(seed_path: Path, yaml_path: Path, seed_text: str, document: str, root: Path) -> None:
    """Create both files, never over an existing one (the shared rule of every command that writes)."""
    try:
        yaml_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {_shown(yaml_path.parent, root)}: {exc.strerror or exc}") from None
    try:
        create_file(seed_path, seed_text)
    except OutputError as exc:
        raise InputError(f"{exc}; {NEVER_OVERWRITES}") from None
    try:
        create_file(yaml_path, document)
    except OutputError as exc:
        seed_path.unlink()  # the seed is ours, written a moment ago; the YAML file is not touched
        raise InputError(f"{exc}; {NEVER_OVERWRITES}") from None


def _verify(settings: ProjectSettings, seed_path: Path, yaml_path: Path) -> None:
    """The data was clean before; if our files broke it, take them back out and say so."""
    try:
        check_briefing(settings.briefings_dir, settings.seeds_dir, settings.root)
    except BriefingError as exc:
        seed_path.unlink()
        yaml_path.unlink()
        raise InputError("the files ingest would write do not pass `check` (a bug in ingest; "
                         f"nothing was written):\n{exc.report()}") from None
