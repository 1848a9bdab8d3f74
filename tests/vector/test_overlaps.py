"""overlaps: the union of overlapping contours, TrueType-wound, with holes kept."""

import numpy as np

from fontassist.vector.overlaps import union_by_raster


def _signed_area(points):
    x, y = points.T
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))


def test_two_overlapping_squares_become_one_clockwise_contour():
    a = [(0, 0), (0, 100), (100, 100), (100, 0)]
    b = [(50, 50), (50, 150), (150, 150), (150, 50)]
    points = np.array(a + b, float)
    points_out, on, count, raster = union_by_raster(
        points, np.ones(8, bool), np.array([4, 4]), np.array([0, 0]), 1
    )
    assert len(count) == 1 and raster.tolist() == [0] and on.all()
    assert _signed_area(points_out) < 0  # clockwise (y up)
    assert abs(_signed_area(points_out)) == 100 * 100 * 2 - 50 * 50


def test_a_hole_stays_a_counter_clockwise_contour_and_rasters_stay_apart():
    outer = [(0, 0), (0, 100), (100, 100), (100, 0)]
    hole = [(25, 25), (75, 25), (75, 75), (25, 75)]
    other = [(0, 0), (0, 10), (10, 10), (10, 0)]
    points = np.array(outer + hole + other, float)
    out, on, count, raster = union_by_raster(
        points, np.ones(12, bool), np.array([4, 4, 4]), np.array([0, 0, 1]), 2
    )
    assert raster.tolist() == [0, 0, 1]
    stops = np.cumsum(count)
    areas = [_signed_area(out[s - n : s]) for s, n in zip(stops, count, strict=True)]
    assert sorted(np.sign(areas[:2]).tolist()) == [-1.0, 1.0]


def test_squares_wound_against_each_other_cancel_where_they_overlap():
    a = [(0, 0), (0, 100), (100, 100), (100, 0)]
    b = [(50, 50), (150, 50), (150, 150), (50, 150)]  # counter-clockwise: non-zero winding 0 inside both
    out, on, count, _ = union_by_raster(
        np.array(a + b, float), np.ones(8, bool), np.array([4, 4]), np.zeros(2, int), 1
    )
    assert len(count) == 2
