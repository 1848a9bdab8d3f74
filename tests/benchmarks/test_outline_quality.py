"""Each measure of benchmarks/outline_quality.py on hand-made outlines."""

import math

import numpy as np
import pytest

pytest.importorskip("scipy")

from benchmarks import outline_quality as q  # noqa: E402


def polygon(*points):
    """A closed polygon drawn into a pen, as a glyph's draw method would."""

    def draw(pen):
        pen.moveTo(points[0])
        for p in points[1:]:
            pen.lineTo(p)
        pen.closePath()

    return draw


def glyph(*draws):
    def draw(pen):
        for d in draws:
            d(pen)

    return q.contours_of(draw)


def square(x0, y0, size, clockwise=True):
    pts = [(x0, y0), (x0, y0 + size), (x0 + size, y0 + size), (x0 + size, y0)]
    return polygon(*(pts if clockwise else pts[::-1]))


def tilted_square(degrees, size=400):
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    corners = [(0, 0), (0, size), (size, size), (size, 0)]
    return polygon(*[(100 + x * c - y * s, 100 + x * s + y * c) for x, y in corners])


def test_a_square_is_all_horizontal_and_vertical_a_tilted_one_is_not():
    hv, total = q.hv_lengths(glyph(square(0, 0, 400)))
    assert hv == total == 1600
    hv, total = q.hv_lengths(glyph(tilted_square(0.5)))
    assert hv == 0 and total == pytest.approx(1600)


def test_semi_axis_lines_are_those_just_off_the_axis():
    assert not q.has_semi_axis_line(glyph(square(0, 0, 400)))
    assert q.has_semi_axis_line(glyph(tilted_square(0.4)))
    assert not q.has_semi_axis_line(glyph(tilted_square(10)))  # a genuine diagonal


def test_colinear_lines_are_found_also_across_the_contour_start():
    assert not q.has_colinear_lines(glyph(square(0, 0, 400)))
    split_top = polygon((0, 0), (0, 400), (200, 400), (400, 400), (400, 0))
    assert q.has_colinear_lines(glyph(split_top))
    split_at_start = polygon((200, 0), (0, 0), (0, 400), (400, 400), (400, 0))
    assert q.has_colinear_lines(glyph(split_at_start))


def test_a_speck_is_found():
    assert q.micro_contours(glyph(square(0, 0, 400))) == 0
    assert q.micro_contours(glyph(square(0, 0, 400), square(500, 500, 19))) == 1


def test_a_hole_wound_like_its_outer_contour_is_found():
    good = glyph(square(0, 0, 400, clockwise=True), square(100, 100, 100, clockwise=False))
    assert q.miswound_contours(good) == 0
    reversed_hole = glyph(square(0, 0, 400, clockwise=True), square(100, 100, 100, clockwise=True))
    assert q.miswound_contours(reversed_hole) == 1
    reversed_outer = glyph(square(0, 0, 400, clockwise=False))
    assert q.miswound_contours(reversed_outer) == 1
    # Overlapping strokes are not nested: both outer, both clockwise.
    cross = glyph(polygon((0, 100), (0, 200), (400, 200), (400, 100)), square(150, 0, 100))
    assert q.miswound_contours(cross) == 0


def test_a_figure_eight_and_a_curl_are_self_intersecting_a_square_is_not():
    assert q.self_intersecting_contours(glyph(square(0, 0, 400))) == 0
    bowtie = polygon((0, 0), (400, 400), (400, 0), (0, 400))
    assert q.self_intersecting_contours(glyph(bowtie)) == 1
    curl = polygon((0, 0), (0, 400), (300, 400), (300, 100), (100, 100), (100, 300), (400, 300), (400, 0))
    assert q.self_intersecting_contours(glyph(curl)) == 1


def test_ink_beyond_the_extremes():
    extremes = (0, -120, 1000, 865)
    assert not q.beyond(q.ink_bounds(glyph(square(0, 0, 800))), extremes)
    assert q.beyond(q.ink_bounds(glyph(square(0, 100, 800))), extremes)  # top at 900
    assert q.beyond(q.ink_bounds(glyph(square(-10, 0, 100))), extremes)


def test_stroke_width_of_an_even_bar_and_a_swelling_one():
    even = np.zeros((200, 200), bool)
    even[90:110, 20:180] = True
    widths = q.stroke_widths(even)
    assert np.median(widths) == pytest.approx(20, abs=1.5)
    assert q.width_cv(widths) < 0.05
    swelling = np.zeros((200, 200), bool)
    for col in range(20, 180):
        half = 6 + int(8 * math.sin(math.pi * (col - 20) / 160))
        swelling[100 - half : 100 + half, col] = True
    assert q.width_cv(q.stroke_widths(swelling)) > 0.15


def test_holes_are_counted():
    ring = np.zeros((64, 64), bool)
    ring[10:50, 10:50] = True
    assert q.count_holes(ring) == 0
    ring[20:40, 20:40] = False
    assert q.count_holes(ring) == 1
    ring[25:30, 10:50] = True  # a bar across the hole splits it
    assert q.count_holes(ring) == 2


def test_curves_are_flattened_and_an_off_curve_only_contour_closes():
    def circle(pen):
        pen.qCurveTo((0, 100), (100, 100), (100, 0), (0, 0), None)
        pen.closePath()

    contours = q.contours_of(circle)
    assert len(contours) == 1 and contours[0].lines == []
    assert q.hv_lengths(contours) == (0.0, 0.0)
    assert abs(contours[0].area()) > 5000


def test_summary_and_table_show_both_columns():
    row = q.GlyphMeasures("一", 90.0, 100.0, True, False, 1, 0, 0, False, 12, 2)
    row.widths, row.width_cv = np.array([50.0, 52.0]), 0.02
    summary = q.summarise([row])
    assert summary["hv_share"] == pytest.approx(0.9) and summary["semi_hv"] == 1.0
    text = q.table({"target": summary, "ours": summary})
    assert "90.0 %" in text and text.splitlines()[1] == "|---|---|---|"
