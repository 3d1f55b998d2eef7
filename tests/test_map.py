"""The map: Natural Earth outlines decode, places cluster sensibly, far-away places are listed."""

from __future__ import annotations

from generator.errors import Location
from generator.render.geo import Projection, country_rings, window
from generator.model import Entity
from generator.render.pages.map import clusters


def _place(id_, lat, lon):
    return Entity(id_, "place", id_.title(), (), "d", "", (lat, lon), Location("x"))


def test_country_outlines_decode_to_real_coordinates():
    rings = country_rings()
    assert len(rings) > 100
    assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for ring in rings for lon, lat in ring)
    # Some ring passes near Seoul, i.e. the Korean peninsula is there.
    assert any(abs(lon - 127) < 2 and abs(lat - 37.5) < 2 for ring in rings for lon, lat in ring)


def test_window_ignores_outliers_and_projection_keeps_aspect():
    assert window([-77, 30, 36, 37, 125, 126, 127, 131, 132, 135], share=0.9) == (30, 135)
    assert window([-77, 30, 36, 37, 125, 126, 127, 131, 132, 135], share=0.8) == (36, 135)
    projection = Projection(120, 140, 30, 50, 1000)
    assert projection.point(120, 50) == (0, 0)
    x, y = projection.point(140, 30)
    assert x == 1000 and y > 1000  # a degree of latitude is longer than a degree of longitude at 40°N


def test_places_cluster_by_longitude_gaps():
    places = [_place("washington", 38.9, -77.0), _place("kyiv", 50.4, 30.5), _place("kursk", 51.7, 36.2),
              _place("pyongyang", 39.0, 125.8), _place("vladivostok", 43.1, 131.9)]
    assert [[p.id for p in g] for g in clusters(places)] == [["washington"], ["kyiv", "kursk"], ["pyongyang", "vladivostok"]]
