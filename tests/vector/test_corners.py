"""corners: a square's four corners are found and sharpened; a circle has none."""

import numpy as np

from fontassist.vector.corners import corner_points, find_corners

from .shapes import boundaries, circle_points, square_points


def test_a_square_has_four_corners_at_its_vertices():
    b = boundaries(square_points())
    corners, turn = find_corners(b, window=2.0, min_angle=np.radians(30), sharpness=0.7)
    assert len(corners) == 4
    sharp = corner_points(b, corners, arm=4.0, skip=1.5, max_shift=2.5)
    expected = {(10, 10), (40, 10), (40, 40), (10, 40)}
    assert {tuple(np.round(p).astype(int)) for p in sharp} == expected
    assert turn.shape == (len(b.points),)


def test_a_circle_has_no_corners():
    b = boundaries(circle_points())
    corners, _ = find_corners(b, window=2.0, min_angle=np.radians(30), sharpness=0.7)
    assert len(corners) == 0
