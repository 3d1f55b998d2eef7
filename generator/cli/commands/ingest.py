"""`ingest PATH|-`: add an article from a .txt file or a saved .html page."""

from __future__ import annotations

import argparse

from ...settings import project_settings
from ...tools.ingest.ingest import IngestRequest, ingest


def register(subparsers) -> None:
    """Add the `ingest` command."""
    parser = subparsers.add_parser(
        "ingest", help="add an article from a .txt file or a saved .html page",
        description="Write the article to seeds/ (one paragraph per line) and a new file "
                    "briefings/extracts/<id>.yml with its source entry, the lines found to be page "
                    "furniture under `skip`, and suggested extracts for the editor to fill in.")
    parser.add_argument("path", metavar="PATH|-", help="the .txt or .html file, or - to read standard input")
    parser.add_argument("--format", choices=("txt", "html"), help="input format (default: from the file name, else sniffed)")
    parser.add_argument("--id", help="source id (default: from the first words of the headline)")
    parser.add_argument("--headline", help="headline, when the text has none (recorded as headline_by: curator)")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (default: the date the text prints)")
    parser.add_argument("--outlet", help='who published it (default: the page\'s site name, else "unknown")')
    parser.add_argument("--url", default="", help="the original address, if known")
    parser.add_argument("--language", default="en", help="language code (default: en)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Ingest one article; 0 when written."""
    request = IngestRequest(args.path, args.format, args.id, args.headline, args.published, args.outlet, args.url, args.language)
    print(ingest(project_settings(args.root), request))
    return 0
