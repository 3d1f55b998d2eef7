"""Country outlines from the bundled Natural Earth TopoJSON, and the map's projection."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

Ring = list[tuple[float, float]]  # (longitude, latitude) pairs


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, tuple[Ring, ...]], ...]:
    """Every country's name and polygon rings, decoded from quantized, delta-encoded TopoJSON arcs."""
    topology = json.loads(resources.files("generator.render").joinpath("data/countries-110m.json").read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> Ring:
        points: Ring = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
            points.extend(arc[1:] if points else arc)
        return points

    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        rings = tuple(ring(r) for polygon in polygons for r in polygon)
        found.append((geometry.get("properties", {}).get("name", ""), rings))
    return tuple(found)


def country_rings() -> tuple[Ring, ...]:
    """Every polygon ring of every country."""
    return tuple(ring for _, rings in countries() for ring in rings)


def area_and_centre(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Area and centroid of a polygon given by its corners (shoelace formula); area is unsigned."""
    twice, cx, cy = 0.0, 0.0, 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        cross = x1 * y2 - x2 * y1
        twice += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(twice) < 1e-9:
        return 0.0, points[0][0], points[0][1]
    return abs(twice) / 2, cx / (3 * twice), cy / (3 * twice)


class Projection:
    """Equirectangular projection of a longitude/latitude box onto a width-wide SVG."""

    def __init__(self, west: float, east: float, south: float, north: float, width: float):
        self.west, self.north = west, north
        self.x_scale = width / (east - west)
        self.y_scale = self.x_scale / math.cos(math.radians((north + south) / 2))
        self.width = width
        self.height = (north - south) * self.y_scale

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        """SVG coordinates of a position."""
        return (lon - self.west) * self.x_scale, (self.north - lat) * self.y_scale


def clip_to_box(points: list[tuple[float, float]], width: float, height: float) -> list[tuple[float, float]]:
    """The part of a polygon inside the rectangle from (0, 0) to (width, height) (Sutherland–Hodgman)."""
    edges = ((0, 0.0, 1), (0, width, -1), (1, 0.0, 1), (1, height, -1))  # axis, limit, which side is inside
    for axis, limit, side in edges:
        if not points:
            break
        kept = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            current_in = (current[axis] - limit) * side >= 0
            previous_in = (previous[axis] - limit) * side >= 0
            if current_in != previous_in:
                share = (limit - previous[axis]) / (current[axis] - previous[axis])
                kept.append((previous[0] + share * (current[0] - previous[0]), previous[1] + share * (current[1] - previous[1])))
            if current_in:
                kept.append(current)
        points = kept
    return points
