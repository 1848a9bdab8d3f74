"""The tidy stage's steps, each on hand-made contours (font units, TrueType point order)."""

import numpy as np
import pytest

from fontassist.vector import tidy


def contour(*points, off=()):
    """A contour from points; indices in ``off`` are off-curve."""
    p = np.asarray(points, float)
    flags = np.ones(len(p), bool)
    flags[list(off)] = False
    return p, flags


def test_a_wobbly_near_horizontal_curve_becomes_a_line_a_real_bend_stays():
    p, f = contour((0, 0), (200, 6), (400, 2), (400, -80), (0, -80), off=[1])
    q, g = tidy.snap_axis_lines(p, f, axis_degrees=3.5, max_spread=8)
    assert g.all() and len(q) == 4 and q[0][1] == q[1][1]
    bend = contour((0, 0), (200, 60), (400, 0), (400, -80), (0, -80), off=[1])
    q, g = tidy.snap_axis_lines(*bend, axis_degrees=3.5, max_spread=8)
    assert (~g).sum() == 1


def test_a_one_pixel_step_in_a_long_edge_is_straightened_away():
    # Bottom edge of a bar: 0 → 300 at y=0, a 12-unit step, 300 → 600 at y=12.
    p, f = contour((0, 80), (600, 80), (600, 12), (300, 12), (300, 0), (0, 0))
    q, _ = tidy.snap_axis_lines(p, f, axis_degrees=3.5, max_spread=16)
    assert len(q) == 4 and sorted({y for _, y in q.tolist()}) == [6, 80]


def test_colinear_points_merge_across_the_contour_start_but_corners_stay():
    p, f = contour((200, 0), (0, 0), (0, 400), (400, 400), (400, 0))  # (200, 0) splits the bottom edge
    q, _ = tidy.merge_colinear(p, f, turn_degrees=5.7, deviation=2)
    assert sorted(map(tuple, q.tolist())) == [(0, 0), (0, 400), (400, 0), (400, 400)]
    kinked = contour((200, 30), (0, 0), (0, 400), (400, 400), (400, 0))  # 8.5° turn, 30 units off
    q, _ = tidy.merge_colinear(*kinked, turn_degrees=5.7, deviation=2)
    assert len(q) == 5


def test_a_leaning_stroke_becomes_exactly_axis_aligned_with_parallel_edges():
    # A horizontal bar whose edges lean 1 unit over 400 and 2 units the other way.
    p, f = contour((0, 0), (0, 80), (400, 81), (400, -2))
    q, _ = tidy.snap_axis_lines(p, f, axis_degrees=3.5, max_spread=10)
    ys = sorted({y for _, y in q.tolist()})
    assert len(ys) == 2 and ys[1] - ys[0] == pytest.approx(81.5, abs=1)  # the measured width
    xs = sorted({x for x, _ in q.tolist()})
    assert xs == [0, 400]


def test_a_genuine_slant_is_left_alone():
    steep = contour((0, 0), (0, 80), (400, 120), (400, 40))  # 5.7°: beyond the target's axis angle
    q, _ = tidy.snap_axis_lines(*steep, axis_degrees=3.5, max_spread=100)
    assert np.array_equal(q, steep[0])
    long = contour((0, 0), (0, 80), (2000, 180), (2000, 100))  # 2.9° but 100 units across
    q, _ = tidy.snap_axis_lines(*long, axis_degrees=3.5, max_spread=20)
    assert np.array_equal(q, long[0])


def test_snapping_moves_the_curve_handle_beside_the_line():
    p, f = contour((0, 0), (0, 100), (300, 102), (400, 102), (450, 50), (400, 0), off=[3, 4])
    q, g = tidy.snap_axis_lines(p, f, axis_degrees=3.5, max_spread=10)
    top = q[1:3]
    assert top[0][1] == top[1][1]
    handle = q[3]
    assert handle[1] == pytest.approx(102 + (top[0][1] - 102), abs=0.01)


def test_off_curve_only_contours_are_left_alone():
    ring = contour((0, 0), (0, 100), (100, 100), (100, 0), off=[0, 1, 2, 3])
    for step in (
        lambda p, f: tidy.merge_colinear(p, f, 5.7, 5),
        lambda p, f: tidy.snap_axis_lines(p, f, 3.5, 5),
    ):
        q, g = step(*ring)
        assert np.array_equal(q, ring[0]) and np.array_equal(g, ring[1])


def test_small_contours_are_dropped():
    big = contour((0, 0), (0, 100), (100, 100), (100, 0))
    speck = contour((0, 0), (0, 10), (10, 10), (10, 0))
    assert len(tidy.drop_small_contours([big, speck], 400)) == 1


def test_ink_beyond_the_box_is_scaled_and_shifted_in_and_only_then():
    box = (0, -120, 1000, 865)
    inside = [contour((10, 0), (10, 800), (900, 800), (900, 0))]
    same, moved = tidy.fit_ink_box(inside, box)
    assert not moved and same is inside
    tall = [contour((10, -150), (10, 900), (900, 900), (900, -150))]
    fitted, moved = tidy.fit_ink_box(tall, box)
    lo, hi = fitted[0][0].min(axis=0), fitted[0][0].max(axis=0)
    assert moved and lo[1] >= -120 and hi[1] <= 865 and lo[0] >= 0 and hi[0] <= 1000
    high = [contour((10, 100), (10, 900), (900, 900), (900, 100))]  # fits, but too high: shifted
    fitted, moved = tidy.fit_ink_box(high, box)
    assert moved and fitted[0][0][:, 1].max() == 865 and fitted[0][0][:, 1].min() == 65


def test_a_zig_zag_fold_becomes_a_square_step_and_a_short_corner_cut_stays():
    # Down the left edge to y=106, back up to 108 (a curve), then down again: held-out 陰's fold.
    p, f = contour(
        (142, 685),
        (142, 106),
        (143, 107),
        (143, 108),
        (137, 49),
        (142, -11),
        (400, -11),
        (400, 685),
        off=[2, 4],
    )
    q, g = tidy.unfold(p, f, max_length=12)
    assert [tuple(x) for x in q.tolist()] == [
        (142, 685), (142, 106), (143, 106), (137, 49), (142, -11), (400, -11), (400, 685)
    ]  # fmt: skip
    assert g.tolist() == [True, True, True, False, True, True, True]
    # A horizontal edge stepping back 2 units as it drops 2: the step becomes vertical.
    z = contour((758, 692), (588, 692), (590, 690), (274, 690), (274, 400), (758, 400))
    q, _ = tidy.unfold(*z, max_length=12)
    assert [tuple(x) for x in q.tolist()][1:3] == [(588, 692), (588, 690)]
    chamfer = contour((0, 0), (0, 300), (8, 308), (300, 308), (300, 0))  # turns 45° at each end
    assert np.array_equal(tidy.unfold(*chamfer, max_length=12)[0], chamfer[0])
    notch = contour((0, 0), (0, 300), (10, 200), (20, 300), (20, 0))  # a real notch, 100 units deep
    assert np.array_equal(tidy.unfold(*notch, max_length=12)[0], notch[0])


def test_a_roof_of_two_leaning_lines_with_level_ends_becomes_one_flat_edge():
    # A hole's top drawn as a shallow roof: each half leans 9.5° (over the 7.7° axis angle
    # alone), but the two together end level and stay in the band.
    p, f = contour((0, 0), (0, 100), (60, 110), (120, 100), (120, 0))
    q, _ = tidy.snap_axis_lines(p, f, axis_degrees=7.7, max_spread=26)
    assert len(q) == 4 and q[1][1] == q[2][1] == 105  # the mean level
    steep = contour((0, 0), (0, 100), (60, 140), (120, 100), (120, 0))  # 34°, out of the band
    assert len(tidy.snap_axis_lines(*steep, axis_degrees=7.7, max_spread=26)[0]) == 5
    ramp = contour((0, 0), (0, 100), (60, 110), (120, 120), (120, 0))  # one 9.5° slant, in two pieces
    assert len(tidy.snap_axis_lines(*ramp, axis_degrees=7.7, max_spread=26)[0]) == 5


def test_a_short_end_shared_by_two_stretches_becomes_a_square_step():
    # A thin counter (held-out 櫝's 貝): two long sides and a pointed right end of two short
    # lines, each of which fits the band with the side it meets. The tip cannot lie on both
    # sides' levels: it becomes a vertical step, not a slanted side (nor a triangle).
    p, f = contour((0, 37), (0, 0), (310, 0), (324, 20), (316, 37))
    q, _ = tidy.snap_axis_lines(p, f, axis_degrees=7.7, max_spread=24)
    corners = [tuple(x) for x in q.tolist()]
    assert len(corners) == 4 and {x for x, _ in corners} == {0, 324}
    for a, b in zip(corners, corners[1:] + corners[:1], strict=True):
        assert a[0] == b[0] or a[1] == b[1]  # every side exactly horizontal or vertical
