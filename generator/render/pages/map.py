"""The map: every place with coordinates, over Natural Earth country outlines, as a static SVG."""

from __future__ import annotations

import html
import math

from ..geo import Projection, area_and_centre, clip_to_box, countries, country_rings
from ...routes import MAP, entity_page, relative, url_between
from ..context import RenderContext
from ..markdown import md_inline, md_link, page_text
from ..placement import Box, Label, Placer, beside
from ..svg import NARROW, WIDE, chart_figure

PAGE = MAP
MARGIN = 4.0  # degrees around the places shown
# Height over width of a map: a phone's map is taller, to leave room for labels; a desktop's not taller than a screen.
ASPECT_WIDE, ASPECT_NARROW = (0.55, 0.8), (0.8, 1.3)
LABEL_SIZE, COUNTRY_SIZE = 13, 12
CAPITALS_WIDTH = 0.8  # country names are set in spaced capitals, wider than CHAR_WIDTH  # as the stylesheet sets them (charts.css), in drawing units


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


def _framed(box: tuple[float, float, float, float], lowest: float, highest: float) -> tuple[float, float, float, float]:
    """The box widened east-west or north-south, about its centre, until its drawing's height over width is in range."""
    west, east, south, north = box
    stretch = math.cos(math.radians((north + south) / 2))
    ratio = (north - south) / ((east - west) * stretch)
    if ratio < lowest:
        half = lowest * (east - west) * stretch / 2
        middle = (north + south) / 2
        south, north = max(-85.0, middle - half), min(85.0, middle + half)
    elif ratio > highest:
        half = (north - south) / (highest * stretch) / 2
        middle = (east + west) / 2
        west, east = middle - half, middle + half
    return west, east, south, north


def _place_dots(places: list, projection: Projection) -> list[tuple[float, float, list]]:
    """One dot per position; places the editors put at (nearly) the same position share it."""
    dots: list[tuple[float, float, list]] = []
    for place in sorted(places, key=lambda p: (-p.coordinates[0], p.coordinates[1], p.id)):
        x, y = projection.point(place.coordinates[1], place.coordinates[0])
        same = next((dot for dot in dots if abs(dot[0] - x) < 4 and abs(dot[1] - y) < 4), None)
        if same:
            same[2].append(place)
        else:
            dots.append((x, y, [place]))
    return dots


def _country_labels(projection: Projection, placer: Placer) -> list[str]:
    """Country names at the centre of their largest outline on the map, where they fit and touch no place."""
    found = []
    for name, rings in countries():
        clipped = [clip_to_box([projection.point(lon, lat) for lon, lat in ring], projection.width, projection.height)
                   for ring in rings]
        shapes = [area_and_centre(ring) for ring in clipped if len(ring) > 2]
        if not shapes or not name:
            continue
        area, x, y = max(shapes)
        width = len(name) * COUNTRY_SIZE * CAPITALS_WIDTH
        if area < width * COUNTRY_SIZE * 4:  # too small on this map to hold its name
            continue
        label = placer.place(name, [Label(x, y, "middle"), Label(x, y - 16, "middle"), Label(x, y + 16, "middle")],
                             COUNTRY_SIZE, required=False, char_width=CAPITALS_WIDTH)
        if label:
            found.append((name, label))
    return [f'<text x="{label.x:.1f}" y="{label.y:.1f}" text-anchor="middle" class="country-label" aria-hidden="true">'
            f'{html.escape(name)}</text>' for name, label in sorted(found)]


def _map_svg(points: list, regions: list, index: int, directory_urls: bool, width: int) -> str:
    lat_low, lat_high = min(p.coordinates[0] for p in points), max(p.coordinates[0] for p in points)
    lon_low, lon_high = min(p.coordinates[1] for p in points), max(p.coordinates[1] for p in points)
    # Extra room to the east for the labels, which are written to the right of each point first.
    box = _framed((lon_low - MARGIN, lon_high + MARGIN + (lon_high - lon_low + 2 * MARGIN) * 0.2, lat_low - MARGIN, lat_high + MARGIN),
                  *(ASPECT_NARROW if width < WIDE else ASPECT_WIDE))
    projection = Projection(*box, width)
    height = projection.height
    outlines = "".join(path for ring in country_rings() if (path := _path(ring, projection, box)))
    title = f"map-{index}-title-{width}"
    names = ", ".join(p.name for p in sorted(points + regions, key=lambda p: p.name))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {width} {height:.0f}" '
             f'aria-labelledby="{title}" class="chart map">',
             f'<title id="{title}">Map: {html.escape(names)}</title>',
             f'<rect width="{width}" height="{height:.0f}" class="sea"/>', f'<path d="{outlines}" class="land"/>']
    placer = Placer(width, height)
    dots = _place_dots(points, projection)
    for x, y, _ in dots:
        placer.reserve(Box(x - 6, y - 6, x + 6, y + 6))
    marks = []
    for x, y, places in dots:
        marks.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" class="place"/>')
        for place in places:  # a shared dot gets one label per place, each placed where it is free
            label = placer.place(place.name, beside(x, y, 8, LABEL_SIZE), LABEL_SIZE)
            marks.append(_link(place, directory_urls, f'<text x="{label.x:.1f}" y="{label.y:.1f}" text-anchor="{label.anchor}" '
                                                      f'class="place-label">{html.escape(place.name)}</text>'))
    for region in sorted(regions, key=lambda p: p.id):
        x, y = projection.point(region.coordinates[1], region.coordinates[0])
        around = [Label(x + dx, y + dy, "middle") for dy in (4, -12, 20, -28, 36, -44) for dx in (0, -40, 40, -80, 80)]
        label = placer.place(region.name, around, LABEL_SIZE)
        marks.append(_link(region, directory_urls, f'<text x="{label.x:.1f}" y="{label.y:.1f}" text-anchor="middle" '
                                                   f'class="area-label">{html.escape(region.name)}</text>'))
    parts += _country_labels(projection, placer) + marks
    parts.append("</svg>")
    return "".join(parts)


def _link(place, directory_urls: bool, inner: str) -> str:
    href = html.escape(url_between(PAGE, entity_page(place.id), directory_urls=directory_urls), quote=True)
    return f'<a href="{href}"><title>{html.escape(place.name)}</title>{inner}</a>'


def _inside(place, points: list) -> bool:
    """Whether a region's centre lies within the area the points span (so it belongs on their map)."""
    lat, lon = place.coordinates
    return (min(p.coordinates[0] for p in points) - MARGIN <= lat <= max(p.coordinates[0] for p in points) + MARGIN
            and min(p.coordinates[1] for p in points) - MARGIN <= lon <= max(p.coordinates[1] for p in points) + MARGIN)


def render_map(ctx: RenderContext) -> str:
    """One map per cluster of places; regions are named on the map that covers them; far-away places are listed."""
    places = sorted((e for e in ctx.dataset.entities.values() if e.kind == "place" and e.coordinates), key=lambda e: e.id)
    lines = ["# Map of places", "",
             "Every place the articles name, placed by the coordinates the editors recorded: a dot for a city or a site, "
             "a name in italics for a region. Select a place to open its page.", ""]
    if not places:
        return "\n".join(lines + ["No places with coordinates yet.", ""])
    caption = ("Country outlines: Natural Earth 1:110m (public domain). Equirectangular projection. "
               "Regions are named at an approximate centre.")
    points = [p for p in places if p.extent != "region"]
    regions = [p for p in places if p.extent == "region"]
    mapped: list = []
    for index, group in enumerate(g for g in clusters(points) if len(g) > 1):
        shown = group
        named = [r for r in regions if r not in mapped and _inside(r, shown)]
        mapped += shown + named
        drawn = [_map_svg(shown, named, index, ctx.directory_urls, width) for width in (WIDE, NARROW)]
        lines += [chart_figure(*drawn, caption), ""]
        lines += [f"- {md_link(p.name, relative(PAGE, entity_page(p.id)))}" + (" (region)" if p.extent == "region" else "")
                  for p in sorted(shown + named, key=lambda p: p.name)] + [""]
    elsewhere = [p for p in places if p not in mapped]
    if elsewhere:
        lines += ["## Further away {#elsewhere}", "", "Too far from the others to share a map:", ""]
        lines += [f"- {md_link(p.name, relative(PAGE, entity_page(p.id)))} — {md_inline(p.description)}" for p in elsewhere] + [""]
    return page_text(lines)
