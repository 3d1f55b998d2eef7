"""The generated pages as MkDocs files in memory: navigation rules, clash checks and edit links."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ..routes import in_nav, output_file


def add_pages(files: Files, config, pages: dict[str, str], origins: dict[str, str], root: Path,
              extra: dict[str, str] | None = None) -> Files:
    """Add each page, and each extra file (feeds, CSV), as generated files; a hand-written file at the same site path is an error."""
    extra = extra or {}
    # Compared by the file each becomes: docs/timeline.html would clash with timeline.md as surely as docs/timeline.md.
    written = {f.dest_uri: f.src_uri for f in files}
    clashes = [f"{written[uri]} ({uri})" for path in pages if (uri := output_file(path, config.use_directory_urls)) in written]
    clashes += [f"{written[path]} ({path})" for path in extra if path in written]
    if clashes:
        raise PluginError("generated pages would replace hand-written files in docs/: " + ", ".join(clashes)
                          + "\nRename or remove those files; the generator owns these paths.")
    edit_uris: dict[str, str] = {}  # by YAML file: a few files make every page, and relpath is slow
    for path, markdown in pages.items():
        inclusion = InclusionLevel.UNDEFINED if in_nav(path) else InclusionLevel.NOT_IN_NAV
        generated = File.generated(config, path, content=markdown, inclusion=inclusion)
        # Edit links of generated pages point at the YAML the page comes from, not at docs/;
        # a page from no file (the Pagefind search page) gets none.
        origin = origins.get(path)
        if origin and origin not in edit_uris:
            # Quoted: a file name is the editors' choice, and the theme writes the link into HTML as it is.
            edit_uris[origin] = quote(Path(os.path.relpath(root / origin, config.docs_dir)).as_posix(), safe="/")
        generated.edit_uri = edit_uris[origin] if origin else None
        files.append(generated)
    for path, text in extra.items():
        files.append(File.generated(config, path, content=text))
    return files


def date_pages(files: Files, date) -> None:
    """Date every page by the latest source, not the clock (rebuilt or not: the sitemap lists them all)."""
    for file in files.documentation_pages():
        if file.page is not None:
            file.page.update_date = date or file.page.update_date
