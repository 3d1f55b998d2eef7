"""Write an export: hand-written docs plus generated pages, a plain mkdocs.yml, and the dataset as JSON."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

from ..errors import OutputError, UsageError
from ..outputs import hand_written_clashes, refuse_export_dir
from ..pipeline import GeneratedSite, generate_site
from ..settings import ProjectSettings, load_mkdocs_yml
from .dataset import briefing_data
from .mkdocs_yml import plain_mkdocs_config


def export(settings: ProjectSettings, target: Path) -> GeneratedSite:
    """Write DIR/docs (hand-written + generated pages), DIR/mkdocs.yml and DIR/data/*.json; nothing on failure."""
    folder = refuse_export_dir(target, settings.root, settings.protected)
    site = generate_site(settings.briefings_dir, settings.seeds_dir, settings.root, directory_urls=settings.directory_urls,
                         site_url=settings.site_url)
    clashes = hand_written_clashes([*site.pages, *site.files], settings.docs_dir, settings.directory_urls)
    if clashes:
        raise UsageError("generated pages would replace hand-written files in docs/: "
                         + ", ".join(f"{docs} (generated: {page})" for docs, page in clashes))
    existed = folder.exists()
    try:
        _write(folder, settings, site)
    except OSError as exc:
        # Everything in the folder is ours (it was new or empty): leave nothing half-written.
        if existed:
            for child in folder.iterdir():
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        else:
            shutil.rmtree(folder, ignore_errors=True)
        raise OutputError(f"cannot write the export to {target}: {exc.strerror or exc}"
                          + (f" ({exc.filename})" if getattr(exc, "filename", None) else "")) from None
    return site


def _write(folder: Path, settings: ProjectSettings, site: GeneratedSite) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if settings.docs_dir.is_dir():
        shutil.copytree(settings.docs_dir, folder / "docs", dirs_exist_ok=True)
    for path, markdown in {**site.pages, **site.files}.items():  # feeds and CSV tables are published with the pages
        out = folder / "docs" / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(markdown, encoding="utf-8")
    if (settings.root / "mkdocs.yml").exists():
        config = load_mkdocs_yml(settings.root / "mkdocs.yml")
        (folder / "mkdocs.yml").write_text(plain_mkdocs_config(config), encoding="utf-8")
        _copy_theme_overrides(config, settings.root, folder)
    (folder / "data").mkdir()
    for path, text in site.files.items():  # the CSV tables also beside the JSON
        if path.startswith("data/"):
            (folder / path).write_text(text, encoding="utf-8")
    dataset = json.dumps(briefing_data(site.briefing), ensure_ascii=False, indent=2, sort_keys=False)
    (folder / "data" / "briefing.json").write_text(dataset + "\n", encoding="utf-8")
    schema = resources.files("generator.export").joinpath("briefing.schema.json").read_text(encoding="utf-8")
    (folder / "data" / "briefing.schema.json").write_text(schema, encoding="utf-8")


def _copy_theme_overrides(config: dict, root: Path, folder: Path) -> None:
    """The theme's override folder (`theme.custom_dir`, e.g. the feed links in every page's head), at the same relative path."""
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if not isinstance(custom, str):
        return
    source = (root / custom).resolve()
    if source.is_dir() and source.is_relative_to(root.resolve()) and not Path(custom).is_absolute():
        shutil.copytree(source, folder / custom, dirs_exist_ok=True)
