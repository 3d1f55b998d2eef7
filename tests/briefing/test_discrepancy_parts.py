"""A long discrepancies page is split into parts, and every link to a conflict finds it on its part."""

from __future__ import annotations

import re

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import routes
from generator.pipeline import check_briefing
from tests.support.paths import REPO


def test_each_conflict_is_on_one_part_and_every_link_to_it_lands_there(monkeypatch, tmp_path):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setattr(routes, "DISCREPANCIES_PAGE_ITEMS", 1)  # the real briefing has a few conflicts: one per part
    anchors = [d.anchor for d in check_briefing(REPO / "briefings", REPO / "seeds", REPO).analysis.discrepancies]
    assert len(anchors) >= 2
    site = tmp_path / "site"
    # Strict, as mkdocs.yml says: a link to an anchor missing from its target page fails the build.
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site)))
    parts = ["discrepancies.html"] + [f"discrepancies--part-{n}.html" for n in range(2, len(anchors) + 1)]
    assert sorted(p.name for p in site.glob("discrepancies*.html")) == sorted(parts)
    for number, (anchor, part) in enumerate(zip(anchors, parts), start=1):
        holders = [p.name for p in site.glob("discrepancies*.html") if f'id="{anchor}"' in p.read_text(encoding="utf-8")]
        assert holders == [part], (anchor, holders)
        assert f"(part {number} of {len(anchors)})" in (site / part).read_text(encoding="utf-8")
    first = (site / "discrepancies.html").read_text(encoding="utf-8")
    assert all(f"#{anchor}" in first for anchor in anchors)  # the first part lists every conflict
    links = 0
    for page in site.rglob("*.html"):
        for target, anchor in re.findall(r'href="([^"#]*discrepancies(?:--part-\d+)?\.html)#([^"]+)"', page.read_text(encoding="utf-8")):
            links += 1
            assert f'id="{anchor}"' in (page.parent / target).read_text(encoding="utf-8"), (page.name, target, anchor)
    assert links > len(anchors)
