"""Charts draw what the data says: a target as a line at its value, a bound as an open bar, never a day of its own."""

from __future__ import annotations

import datetime
import re

from generator.render.svg import Mark, Point, figure_svg, timeline_svg

OCT = lambda day: datetime.date(2024, 10, day)  # noqa: E731


def test_a_target_is_a_labelled_line_and_does_not_stretch_the_time_axis():
    points = [Point(OCT(18), OCT(18), 1500, 1500, "NIS", "exact", "1,500 as of 18 Oct", "#a"),
              Point(OCT(23), OCT(23), 3000, 3000, "US", "exact", "3,000 as of 23 Oct", "#b"),
              Point(None, datetime.date(2024, 12, 31), 10000, 10000, "NIS", "exact", "10,000 by Dec", "#c",
                    target="10,000 by Dec 2024 (target, NIS)")]
    svg = figure_svg(points, ["NIS", "US"], "soldiers", "Troops", "troops")
    target = svg[svg.index('href="#c"'):svg.index("</a>", svg.index('href="#c"'))]
    assert 'stroke-dasharray="8 5"' in target and "10,000 by Dec 2024 (target, NIS)" in target
    assert "<circle" not in target and "<path" not in target  # no marker: not an observation
    ticks = re.findall(r'class="tick-label" text-anchor="middle">([^<]+)<', svg)
    assert ticks and all(label.endswith("Oct") for label in ticks), ticks  # the axis stays in October
    assert "10,000" in svg  # the value axis makes room for the target


def test_a_figure_reported_by_a_day_is_drawn_with_a_dashed_tail_not_as_a_dot_on_that_day():
    points = [Point(OCT(18), OCT(18), 12000, 12000, "NIS", "approximate", "around 12,000", "#a"),
              Point(None, OCT(18), 10000, 10000, "Media", "exact", "10,000 reported by 18 Oct", "#b")]
    svg = figure_svg(points, ["NIS", "Media"], "soldiers", "Troops", "troops")
    undated = svg[svg.index('href="#b"'):svg.index("</a>", svg.index('href="#b"'))]
    assert 'stroke-dasharray="4 3"' in undated and "<path" in undated  # a tail ending in an arrow


def test_timeline_bounds_are_open_bars_with_an_arrow_and_days_are_dots():
    marks = [Mark(OCT(13), OCT(23), 1, "before 24 Oct: Kremlin", "#k", open_start=True),
             Mark(OCT(24), OCT(24), 1, "24 Oct: Putin", "#p"),
             Mark(OCT(7), OCT(13), 1, "week of 7 Oct: Lavrov", "#l")]
    svg = timeline_svg(marks, ("Events", "Statements"), "Timeline")
    kremlin = svg[svg.index('href="#k"'):svg.index("</a>", svg.index('href="#k"'))]
    putin = svg[svg.index('href="#p"'):svg.index("</a>", svg.index('href="#p"'))]
    lavrov = svg[svg.index('href="#l"'):svg.index("</a>", svg.index('href="#l"'))]
    assert 'stroke-dasharray="4 3"' in kremlin and "<path" in kremlin
    assert "<circle" in putin and "stroke-dasharray" not in putin
    assert "<rect" in lavrov
