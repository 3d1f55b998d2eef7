"""Charts draw what the data says: a target as a line at its value, a bound as an open bar, never a day of its own."""

from __future__ import annotations

import datetime
import re

from generator.render.svg import (
    NARROW,
    TICK_GAP,
    WIDE,
    Mark,
    Point,
    chart_figure,
    figure_svg,
    timeline_svg,
)

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


def _texts(svg: str) -> list[tuple[float, float, str, str]]:
    """(x, y, anchor, text) of every text element."""
    return [(float(x), float(y), anchor, text) for x, y, anchor, text in
            re.findall(r'<text x="([\d.-]+)" y="([\d.-]+)"[^>]*?text-anchor="(\w+)"[^>]*>([^<]+)<', svg)]


def test_date_labels_never_touch_and_stay_inside_at_either_width():
    marks = [Mark(OCT(1), OCT(1), 0, "a", "#a"), Mark(datetime.date(2024, 12, 20), datetime.date(2024, 12, 20), 1, "b", "#b")]
    for width in (WIDE, NARROW):
        svg = timeline_svg(marks, ("Events", "Statements"), "Timeline", width)
        assert f'viewBox="0 0 {width} ' in svg
        ticks = sorted(x for x, _, _, text in _texts(svg) if re.fullmatch(r"\d+ \w{3}", text))
        assert len(ticks) >= 4, width
        assert all(b - a >= TICK_GAP for a, b in zip(ticks, ticks[1:])), (width, ticks)
    short = [Point(OCT(17), OCT(17), 10, 10, "A", "exact", "a", "#a"), Point(OCT(23), OCT(23), 30, 30, "B", "exact", "b", "#b")]
    svg = figure_svg(short, ["A", "B"], "soldiers", "T", "t", NARROW)
    days = [text for _, _, _, text in _texts(svg) if re.fullmatch(r"\d+ \w{3}", text)]
    assert len(days) >= 3, days  # a week-long axis is labelled by days, not by one Monday


def test_a_chart_is_as_tall_as_its_data_needs_and_same_figures_sit_side_by_side():
    few = [Point(OCT(17), OCT(17), 3000, 3000, "A", "exact", "a", "#a"), Point(OCT(17), OCT(17), 3000, 3000, "B", "at least", "b", "#b")]
    many = few + [Point(OCT(d), OCT(d), 1000 * d, 1000 * d, "A", "exact", "x", f"#x{d}") for d in range(1, 12)]
    height = lambda svg: float(re.search(r'viewBox="0 0 \d+ ([\d.]+)"', svg).group(1))  # noqa: E731
    assert height(figure_svg(few, ["A", "B"], "u", "T", "t")) < 250 < height(figure_svg(many, ["A", "B"], "u", "T", "t")) - 80
    svg = figure_svg(few, ["A", "B"], "u", "T", "t")
    first = re.search(r'href="#a">.*?cx="([\d.]+)"', svg).group(1)
    second = re.search(r'href="#b">.*?d="M([\d.]+),', svg).group(1)
    assert abs(float(first) - float(second)) >= 10  # two claimants of one figure: both visible


def test_a_chart_figure_holds_a_wide_and_a_narrow_drawing():
    html = chart_figure("<svg>wide</svg>", "<svg>narrow</svg>", "Caption & more")
    assert '<div class="chart-wide"><svg>wide</svg></div>' in html and '<div class="chart-narrow"><svg>narrow</svg></div>' in html
    assert "data-search-exclude" in html and "Caption &amp; more" in html
