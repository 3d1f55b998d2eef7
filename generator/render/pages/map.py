"""The map: every place with coordinates, over Natural Earth country outlines, as a static SVG."""

from __future__ import annotations

import html

from ..geo import Projection, country_rings, window
from ...routes import MAP, entity_page, relative, url_between
from ..context import RenderContext
from ..markdown import md_inline, md_link, page_text

PAGE = MAP
MARGIN = 4.0  # degrees around the places shown
WIDTH = 960


def _path(ring, projection: Projection, box) -> str:
    west, east, south, north = box
    if all(lon < west or lon > east for lon, _ in ring) or all(lat < south or lat > north for _, lat in ring):
        return ""
    points = []
    for lon, lat in ring:
        x, y = projection.point(lon, lat)
        point = f"{x:.1f},{y:.1f}"
        if not points or points[-1] != point:
            points.append(point)
    return "M" + "L".join(points) + "Z" if len(points) > 2 else ""


def clusters(places: list, gap: float = 25.0) -> list[list]:
    """Places grouped by longitude, split where two neighbours are more than `gap` degrees apart."""
    ordered = sorted(places, key=lambda p: (p.coordinates[1], p.id))
    groups: list[list] = []
    for place in ordered:
        if groups and place.coordinates[1] - groups[-1][-1].coordinates[1] <= gap:
            groups[-1].append(place)
        else:
            groups.append([place])
    return groups


def _map_svg(shown: list, index: int, directory_urls: bool) -> str:
    lat_low, lat_high = min(p.coordinates[0] for p in shown), max(p.coordinates[0] for p in shown)
    lon_low, lon_high = min(p.coordinates[1] for p in shown), max(p.coordinates[1] for p in shown)
    # Extra room to the east for the labels, which are written to the right of each point.
    box = (lon_low - MARGIN, lon_high + MARGIN + (lon_high - lon_low + 2 * MARGIN) * 0.2, lat_low - MARGIN, lat_high + MARGIN)
    projection = Projection(*box, WIDTH)
    outlines = "".join(path for ring in country_rings() if (path := _path(ring, projection, box)))
    title = f"map-{index}-title"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {WIDTH} {projection.height:.0f}" '
             f'aria-labelledby="{title}" class="chart map">',
             f'<title id="{title}">Map: {html.escape(", ".join(p.name for p in shown))}</title>',
             f'<rect width="{WIDTH}" height="{projection.height:.0f}" class="sea"/>', f'<path d="{outlines}" class="land"/>']
    for number, place in enumerate(sorted(shown, key=lambda p: (-p.coordinates[0], p.id))):
        x, y = projection.point(place.coordinates[1], place.coordinates[0])
        name = html.escape(place.name, quote=True)
        href = html.escape(url_between(PAGE, entity_page(place.id), directory_urls=directory_urls), quote=True)
        dy = -7 if number % 2 == 0 else 15  # alternate labels above and below, so neighbours overlap less
        parts.append(f'<a href="{href}"><title>{name}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="5" class="place"/>'
                     f'<text x="{x + 7:.1f}" y="{y + dy:.1f}" class="place-label">{name}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def render_map(ctx: RenderContext) -> str:
    """One map per cluster of places; places far from every other are listed instead."""
    places = sorted((e for e in ctx.dataset.entities.values() if e.kind == "place" and e.coordinates), key=lambda e: e.id)
    lines = ["# Map of places", "",
             "Every place the articles name, placed by the coordinates the editors recorded. Select a place to open its page.", ""]
    if not places:
        return "\n".join(lines + ["No places with coordinates yet.", ""])
    caption = "Country outlines: Natural Earth 1:110m (public domain). Equirectangular projection. Regions are shown at an approximate centre point."
    mapped = []
    for index, group in enumerate(g for g in clusters(places) if len(g) > 1):
        low, high = window([p.coordinates[0] for p in group], share=0.9)
        shown = [p for p in group if low <= p.coordinates[0] <= high]
        mapped += shown
        lines += [f'<figure class="chart-figure">{_map_svg(shown, index, ctx.directory_urls)}<figcaption>{html.escape(caption)}</figcaption></figure>', ""]
        lines += [f"- {md_link(p.name, relative(PAGE, entity_page(p.id)))}: {p.coordinates[0]:.2f}, {p.coordinates[1]:.2f}"
                  for p in sorted(shown, key=lambda p: p.name)] + [""]
    elsewhere = [p for p in places if p not in mapped]
    if elsewhere:
        lines += ["## Further away {#elsewhere}", "", "Too far from the others to share a map:", ""]
        lines += [f"- {md_link(p.name, relative(PAGE, entity_page(p.id)))} — {md_inline(p.description)}" for p in elsewhere] + [""]
    return page_text(lines)
