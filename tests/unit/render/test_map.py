"""The map: Natural Earth outlines decode, places cluster sensibly, far-away places are listed."""

from __future__ import annotations

import re

from generator.errors import Location
from generator.model import Entity
from generator.render.geo import Projection, area_and_centre, clip_to_box, country_rings
from generator.render.pages.map import _map_svg, clusters
from generator.render.placement import Placer, beside, text_box
from generator.render.svg import NARROW, WIDE


def _place(id_, lat, lon):
    return Entity(id_, "place", id_.title(), (), "d", "", (lat, lon), Location("x"))


def test_country_outlines_decode_to_real_coordinates():
    rings = country_rings()
    assert len(rings) > 100
    assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for ring in rings for lon, lat in ring)
    # Some ring passes near Seoul, i.e. the Korean peninsula is there.
    assert any(abs(lon - 127) < 2 and abs(lat - 37.5) < 2 for ring in rings for lon, lat in ring)


def test_projection_keeps_aspect():
    projection = Projection(120, 140, 30, 50, 1000)
    assert projection.point(120, 50) == (0, 0)
    x, y = projection.point(140, 30)
    assert x == 1000 and y > 1000  # a degree of latitude is longer than a degree of longitude at 40°N


def test_places_cluster_by_longitude_gaps():
    places = [_place("washington", 38.9, -77.0), _place("kyiv", 50.4, 30.5), _place("kursk", 51.7, 36.2),
              _place("pyongyang", 39.0, 125.8), _place("vladivostok", 43.1, 131.9)]
    assert [[p.id for p in g] for g in clusters(places)] == [["washington"], ["kyiv", "kursk"], ["pyongyang", "vladivostok"]]


def _entity(id_, lat, lon, extent="point", name=None):
    return Entity(id_, "place", name or id_.title(), (), "d", "", (lat, lon), Location("x"), extent=extent)


def _map_of(places, width=WIDE) -> str:
    points = [p for p in places if p.extent != "region"]
    return _map_svg(points, [p for p in places if p.extent == "region"], 0, False, width)


def test_places_at_one_position_share_a_dot_and_each_gets_a_label_that_overlaps_no_other():
    places = [_entity("kyiv", 50.45, 30.52), _entity("kursk-city", 51.73, 36.19, name="Kursk"),
              _entity("village", 51.73, 36.19, name="Postoyalye Dvory"), _entity("moscow", 55.76, 37.62)]
    for width in (WIDE, NARROW):
        svg = _map_of(places, width)
        assert svg.count('class="place"') == 3  # one dot for the two places the editors put at one position
        labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)" class="place-label">([^<]+)<', svg)
        assert sorted(text for *_, text in labels) == ["Kursk", "Kyiv", "Moscow", "Postoyalye Dvory"]
        boxes = [text_box(float(x), float(y), text, anchor, 13) for x, y, anchor, text in labels]
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]), (width, labels)


def test_a_region_is_named_without_a_dot_and_countries_are_named():
    places = [_entity("kyiv", 50.45, 30.52), _entity("moscow", 55.76, 37.62), _entity("europe", 54.5, 15.3, "region")]
    svg = _map_of(places)
    assert svg.count('class="place"') == 2
    assert re.search(r'class="area-label">Europe<', svg)
    countries = set(re.findall(r'class="country-label"[^>]*>([^<]+)<', svg))
    assert {"Ukraine", "Belarus"} <= countries, countries


def test_clipping_keeps_the_visible_part_of_a_shape():
    square = [(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0)]
    area, x, y = area_and_centre(clip_to_box(square, 100, 100))
    assert area == 100 and (x, y) == (5, 5)
    assert clip_to_box([(200.0, 200.0), (300.0, 200.0), (300.0, 300.0)], 100, 100) == []


def test_labels_are_placed_apart_when_they_would_collide():
    placer = Placer(200, 100)
    first = placer.place("Alpha place", beside(50, 50, 8, 13), 13)
    second = placer.place("Beta place", beside(50, 52, 8, 13), 13)
    assert text_box(first.x, first.y, "Alpha place", first.anchor, 13).overlaps(
        text_box(second.x, second.y, "Beta place", second.anchor, 13)) is False
