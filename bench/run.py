"""Benchmark: generator phases, whole build, memory and sizes, against plain MkDocs on the same pages.

Run: .venv/bin/python bench/run.py            (N = 100 and 1,000)
     .venv/bin/python bench/run.py --sizes 100,1000,5000
     .venv/bin/python bench/run.py --pagefind   (also build with `search: pagefind` and compare the indexes)
     .venv/bin/python bench/run.py --repeat 2   (fastest of two alternating runs: steadier on a noisy machine)
     .venv/bin/python bench/run.py --preview    (also: seconds from saving an edit to `mkdocs serve --dirty` serving it)
Synthetic corpora are written to a temporary folder, never into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402
from preview import edit_to_visible  # noqa: E402

from generator.checks.checked import analyse_and_check  # noqa: E402
from generator.errors import ProblemList  # noqa: E402
from generator.link.linked import link  # noqa: E402
from generator.load.records import load_records  # noqa: E402
from generator.pipeline import collector_paused  # noqa: E402
from generator.render.context import render_context  # noqa: E402
from generator.render.site import render_site  # noqa: E402
from generator.validate.dataset import build_dataset  # noqa: E402
from generator.verify.articles import read_articles  # noqa: E402
from generator.verify.quotes import verify_quotes  # noqa: E402

MEASURE = """
import resource, sys, time
from mkdocs.__main__ import cli
started = time.perf_counter()
try:
    cli(sys.argv[1:], standalone_mode=False)
finally:
    # The largest process: the build itself, or any process it started.
    rss = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print("BENCH", time.perf_counter() - started, rss, file=sys.stderr)
"""


def phases(root: Path) -> dict[str, float]:
    """Seconds per generator phase, in process, with the collector paused as the pipeline pauses it."""
    with collector_paused():
        return _phases(root)


def _phases(root: Path) -> dict[str, float]:
    times, problems = {}, ProblemList()
    start = time.perf_counter()
    records = load_records(root / "briefings", root, problems)
    times["load"] = time.perf_counter() - start
    start = time.perf_counter()
    dataset = build_dataset(records, problems)
    times["validate"] = time.perf_counter() - start
    start = time.perf_counter()
    articles = read_articles(dataset, root / "seeds", problems)
    citations = verify_quotes(dataset, articles, problems)
    times["verify"] = time.perf_counter() - start
    problems.raise_if_any()
    start = time.perf_counter()
    linked = link(dataset, articles, citations)
    times["link"] = time.perf_counter() - start
    start = time.perf_counter()
    briefing = analyse_and_check(linked)
    times["analyse+check"] = time.perf_counter() - start
    start = time.perf_counter()
    render_site(render_context(briefing, directory_urls=False))
    times["render"] = time.perf_counter() - start
    return times


def measured_build(project: Path, site: Path, config: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one `mkdocs build` in its own process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", MEASURE, "build", "-q", "-f", str(config), "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    line = [entry for entry in result.stderr.splitlines() if entry.startswith("BENCH")]
    if result.returncode != 0 or not line:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    _, seconds, rss = line[-1].split()
    return float(seconds), int(rss) / 1024


def folder_size(path: Path) -> int:
    """Bytes of all files below a folder."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def pagefind_build(project: Path, site: Path) -> dict:
    """Build the same corpus with `search: pagefind` (Material's search removed); seconds and index size."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("  - search\n", "")
    variant = project / "mkdocs-pagefind.yml"
    variant.write_text(config.replace("  - briefing\n", "  - briefing:\n      search: pagefind\n"), encoding="utf-8")
    seconds, mib = measured_build(project, site, variant)
    return {"build": seconds, "peak_mib": mib, "files": sum(1 for p in (site / "pagefind").rglob("*") if p.is_file()),
            "mib": folder_size(site / "pagefind") / 2**20}


def bench(sources: int, work: Path, with_pagefind: bool = False, repeat: int = 1, with_preview: bool = False) -> dict:
    """One row of the table; with `repeat`, the fastest of that many runs of each measurement."""
    project = work / f"n{sources}"
    write_corpus(project, sources)
    generator_phases = min((phases(project) for _ in range(repeat)), key=lambda times: sum(times.values()))
    export = work / f"export{sources}"
    subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "export", str(export)], check=True,
                   capture_output=True)
    builds, floors = [], []
    for _ in range(repeat):  # alternated, so that a slow spell of the machine does not fall on one side only
        builds.append(measured_build(project, work / f"site{sources}", project / "mkdocs.yml"))
        floors.append(measured_build(export, work / f"floor{sources}", export / "mkdocs.yml"))
    build_seconds, build_mib = min(seconds for seconds, _ in builds), max(mib for _, mib in builds)
    floor_seconds, floor_mib = min(seconds for seconds, _ in floors), max(mib for _, mib in floors)
    site = work / f"site{sources}"
    pages = sum(1 for _ in site.rglob("*.html"))
    index = site / "search" / "search_index.json"
    row = {"sources": sources, "phases": generator_phases, "generator": sum(generator_phases.values()),
           "build": build_seconds, "floor": floor_seconds, "peak_mib": max(build_mib, floor_mib), "pages": pages,
           "site_mib": folder_size(site) / 2**20, "index_kib_per_page": index.stat().st_size / 1024 / pages}
    if with_preview:
        row["preview"] = edit_to_visible(project)  # last: it edits the corpus
    if with_pagefind:
        row["pagefind"] = pagefind_build(project, work / f"pagefind{sources}")
        # Per page of the same site as the lunr figure, so the two columns compare like for like.
        row["pagefind"]["kib_per_page"] = row["pagefind"]["mib"] * 1024 / pages
    return row


def main(argv: list[str] | None = None) -> int:
    """Print the table; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="comma-separated numbers of sources (default 100,1000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure phases, build and floor this many times (alternating) and keep the fastest")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    parser.add_argument("--preview", action="store_true",
                        help="also time an edit under `mkdocs serve --dirty`, from saving the YAML to the page served")
    parser.add_argument("--pagefind", action="store_true",
                        help="also build each corpus with `search: pagefind` and compare its index with lunr's")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(bench(size, Path(folder), args.pagefind, max(1, args.repeat), args.preview))
    print(f"{'N':>6} {'pages':>6} {'load':>6} {'valid':>6} {'verify':>6} {'link':>6} {'an+chk':>6} {'render':>6} {'gen s':>7} "
          f"{'build s':>8} {'floor s':>8} {'gen %':>6} {'×floor':>7} {'peak MiB':>9} {'site MiB':>9} {'idx KiB/p':>9}")
    for row in rows:
        p = row["phases"]
        print(f"{row['sources']:>6} {row['pages']:>6} {p['load']:>6.2f} {p['validate']:>6.2f} {p['verify']:>6.2f} {p['link']:>6.2f} "
              f"{p['analyse+check']:>6.2f} {p['render']:>6.2f} {row['generator']:>7.2f} {row['build']:>8.2f} {row['floor']:>8.2f} "
              f"{100 * row['generator'] / row['build']:>5.1f}% {row['build'] / row['floor']:>7.2f} {row['peak_mib']:>9.0f} "
              f"{row['site_mib']:>9.1f} {row['index_kib_per_page']:>9.1f}")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"scaling {first['sources']} -> {last['sources']} sources: build ×{last['build'] / first['build']:.1f}, "
              f"generator ×{last['generator'] / first['generator']:.1f} (sources ×{last['sources'] / first['sources']:.0f})")
    if args.preview:
        print(f"\n{'N':>6} {'pages':>6} {'full build s':>13} {'floor s':>8} {'one extract s':>14} {'nav edit s':>13} "
              f"{'server MiB':>11}  (median of 3 edits, save to served; the server's peak memory)")
        for row in rows:
            pv = row["preview"]
            peak = f"{pv['server_peak_mib']:>11.0f}" if pv.get("server_peak_mib") else f"{'?':>11}"
            print(f"{row['sources']:>6} {row['pages']:>6} {row['build']:>13.2f} {row['floor']:>8.2f} "
                  f"{pv['extract_edit']:>14.2f} {pv['nav_edit']:>13.2f} {peak}")
    if args.pagefind:
        print(f"\n{'N':>6} {'pages':>6} {'lunr build s':>13} {'pagefind build s':>17} {'lunr idx KiB/p':>15} "
              f"{'pagefind KiB/p':>15} {'pagefind MiB':>13} {'files':>6}")
        for row in rows:
            pf = row["pagefind"]
            print(f"{row['sources']:>6} {row['pages']:>6} {row['build']:>13.2f} {pf['build']:>17.2f} "
                  f"{row['index_kib_per_page']:>15.1f} {pf['kib_per_page']:>15.1f} {pf['mib']:>13.1f} {pf['files']:>6}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
