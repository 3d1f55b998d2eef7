"""Optional Pagefind search (`search: pagefind`): mark what to index, add a search page, run the indexer.

Material's built-in search puts every page's text into one search_index.json that each reader
downloads whole; Pagefind splits its index into small chunks fetched per query, so it suits large
briefings. Only the plugin calls this module; the rest of the generator knows nothing of it.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

from ..errors import GeneratorError
from ..routes import SEARCH, search_page_url

INSTALL_HINT = "pip install 'pagefind[bin]' (or: pip install -e '.[pagefind]')"

# Material's content container: everything a reader came for, nothing of header, navigation or footer.
_ARTICLE = '<article class="md-content__inner md-typeset">'
_ARTICLE_INDEXED = '<article class="md-content__inner md-typeset" data-pagefind-body>'
# Material's own magnifier icon, so the header looks as it does with the built-in search.
_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 '
         '1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 '
         '9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>')

SEARCH_MARKDOWN = """---
hide:
  - toc
---

# Search

<div id="pagefind-search" class="pagefind-search"><noscript>Search needs JavaScript.</noscript></div>
"""

# Pagefind UI's colours follow Material's, so the light and dark palettes both look native.
_STYLE = """<style>
.pagefind-search{--pagefind-ui-scale:.8;--pagefind-ui-primary:var(--md-typeset-a-color);
--pagefind-ui-text:var(--md-default-fg-color);--pagefind-ui-background:var(--md-default-bg-color);
--pagefind-ui-border:var(--md-default-fg-color--lighter);--pagefind-ui-tag:var(--md-code-bg-color);
--pagefind-ui-font:inherit;margin-top:1em}
.pagefind-search .pagefind-ui__result-link{--pagefind-ui-text:var(--md-typeset-a-color)}
/* Material indents lists inside articles; the results should line up with the search box. */
.pagefind-search ol.pagefind-ui__results,.pagefind-search ol.pagefind-ui__results>li.pagefind-ui__result{margin-left:0}
.pagefind-search mark{background-color:var(--md-typeset-mark-color);color:inherit}
</style>"""

# Result URLs and the bundle are resolved from the script's own address, not from "/", so the
# search works at any base path (a GitHub project site) and with either use_directory_urls.
_SCRIPT = """<script>
(function () {
  if (location.protocol === "file:") {
    // Browsers refuse to load Pagefind's index modules from disk; say so rather than spin forever.
    document.getElementById("pagefind-search").innerHTML = "<p>Search needs the site to be served over HTTP: "
      + "browsers do not let Pagefind load its index from files opened from disk. Serve the site folder, "
      + "for example with <code>python3 -m http.server</code>, and open this page from there.</p>";
    return;
  }
  var bundle = new URL(".", document.querySelector("script[src$='pagefind-ui.js']").src);
  var ui = new PagefindUI({element: "#pagefind-search", bundlePath: bundle.pathname,
    baseUrl: new URL("..", bundle).pathname, showSubResults: true, showImages: false, resetStyles: false, autofocus: true});
  // Material's content.tooltips would turn the box's title into a tooltip that covers the results
  // while typing; an aria-label names the box just as well.
  var input = document.querySelector("#pagefind-search input[title]");
  if (input) { input.setAttribute("aria-label", input.title); input.removeAttribute("title"); }
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
</script>"""


class PagefindError(GeneratorError):
    """Pagefind is misconfigured, missing, or its indexer failed."""


def check_config(plugins) -> None:
    """Refuse a configuration that would build two search indexes, or one without the indexer installed."""
    if "search" in plugins or "material/search" in plugins:
        raise PagefindError("`search: pagefind` replaces Material's search: remove `- search` from `plugins:` in "
                         "mkdocs.yml, or two search indexes would be built and the header would show the built-in one.")
    if importlib.util.find_spec("pagefind") is None:
        raise PagefindError(f"`search: pagefind` needs the Pagefind indexer: {INSTALL_HINT}")


def mark_page(html: str, page_url: str, src_uri: str, directory_urls: bool) -> str:
    """Mark the article for indexing, add the header search button and, on the search page, the UI."""
    search_page, search_url = src_uri == SEARCH, search_page_url(directory_urls)
    # Relative links only, so the site works at any base path and the header button from any depth.
    root = "../" * page_url.count("/")
    if not search_page:
        # With data-pagefind-body on some page, Pagefind indexes only marked content and skips
        # unmarked pages (the search page itself, 404.html).
        html = html.replace(_ARTICLE, _ARTICLE_INDEXED, 1)
    button = (f'<a href="{root}{search_url}" class="md-header__button md-icon" title="Search" aria-label="Search">'
              f'{_ICON}</a>')
    html = _insert_header_button(html, button)
    if search_page:
        html = html.replace("</head>", f'<link rel="stylesheet" href="{root}pagefind/pagefind-ui.css">\n{_STYLE}\n</head>', 1)
        html = html.replace("</body>", f'<script src="{root}pagefind/pagefind-ui.js"></script>\n{_SCRIPT}\n</body>', 1)
    return html


def _insert_header_button(html: str, button: str) -> str:
    # Where Material puts its own search button: before the repository link, else at the end of the header bar.
    start = html.find('<nav class="md-header__inner')
    if start < 0:
        return html
    source = html.find('<div class="md-header__source">', start)
    end = html.find("</nav>", start)
    at = source if 0 <= source < end else end
    return html[:at] + button + "\n" + html[at:] if at >= 0 else html


def build_index(site_dir: Path, *, directory_urls: bool) -> str:
    """Run the Pagefind indexer on the built site; return its summary, raise PagefindError if it fails."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir),
               # Permalink pilcrows and edit buttons sit inside the article but are not its text.
               "--exclude-selectors", ".headerlink", "--exclude-selectors", ".md-content__button"]
    if not directory_urls:
        # Results link to the .html files, like every other link of a site built with file URLs.
        command.append("--keep-index-url")
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    except OSError as exc:
        raise PagefindError(f"could not run the Pagefind indexer ({exc}): {INSTALL_HINT}") from None
    if result.returncode != 0 or not (site_dir / "pagefind" / "pagefind-ui.js").is_file():
        detail = (result.stderr or result.stdout).strip()[-2000:]
        raise PagefindError(f"the Pagefind indexer failed on {site_dir}:\n{detail}\n"
                           f"Check that it is installed: {INSTALL_HINT}")
    counts = re.findall(r"Indexed (\d+) (pages|words)", result.stdout)
    return "pagefind: indexed " + ", ".join(f"{n} {what}" for n, what in counts) if counts else "pagefind: index written"


def with_search_page(pages: dict[str, str], search: str) -> dict[str, str]:
    """The generated pages, plus Pagefind's search page when the site searches with Pagefind."""
    return {**pages, SEARCH: SEARCH_MARKDOWN} if search == "pagefind" else pages
