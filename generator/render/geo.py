"""Country outlines from the bundled Natural Earth TopoJSON, and the map's projection."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

Ring = list[tuple[float, float]]  # (longitude, latitude) pairs


@lru_cache(maxsize=1)
def country_rings() -> tuple[Ring, ...]:
    """Every polygon ring of every country, decoded from quantized, delta-encoded TopoJSON arcs."""
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

    rings: list[Ring] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            rings.extend(ring(r) for r in polygon)
    return tuple(rings)


def window(values: list[float], share: float = 0.75) -> tuple[float, float]:
    """The narrowest range holding `share` of the values, so a few far-away places don't shrink the map."""
    ordered = sorted(values)
    size = max(1, math.ceil(len(ordered) * share))
    best = min(range(len(ordered) - size + 1), key=lambda i: (ordered[i + size - 1] - ordered[i], i))
    return ordered[best], ordered[best + size - 1]


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
