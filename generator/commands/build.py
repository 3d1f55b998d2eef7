"""`build`: the safe publish path: build into a new folder and swap it in only when the build succeeds."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def register(subparsers) -> None:
    """Add the `build` command."""
    parser = subparsers.add_parser("build", help="strict MkDocs build into a new folder, swapped in only on success")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="where the published site lives (default: site)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """0 when the new site replaced the old one; 1 when the build failed and the old site was left as it was."""
    root = args.root.resolve()
    site = args.site_dir if args.site_dir.is_absolute() else root / args.site_dir
    site.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(root / "mkdocs.yml"),
                             "-d", str(fresh)], cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(result.stderr.strip() or result.stdout.strip(), file=sys.stderr)
        print(f"error: the build failed; {site} was left unchanged", file=sys.stderr)
        return 1
    # Swap by renames in the same folder, so readers never see a half-written site.
    old = None
    if site.exists():
        old = site.with_name(f".{site.name}-old-{os.getpid()}")
        site.rename(old)
    fresh.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    print(f"built {site}")
    return 0
