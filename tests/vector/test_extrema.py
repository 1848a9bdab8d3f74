"""extrema: a circle's extreme points are its four axis-aligned points."""

import numpy as np

from fontassist.vector.extrema import find_extrema

from .shapes import boundaries, circle_points


def test_a_circle_has_its_extrema_at_top_bottom_left_and_right():
    b = boundaries(circle_points(30, 30, 15, 240))
    point, fraction, xy, axis = find_extrema(
        b, np.ones(len(b.points), bool), window=2.0, prominence=0.08, spacing=5.0
    )
    assert len(point) == 4
    found = sorted(map(tuple, np.round(xy).astype(int).tolist()))
    assert found == [(15, 30), (30, 15), (30, 45), (45, 30)]
    # At the top and bottom the curve runs horizontally: y is the extreme coordinate.
    for (x, _y), a in zip(np.round(xy), axis, strict=True):
        assert a == (1 if x == 30 else 0)


def test_nothing_eligible_gives_no_extrema():
    b = boundaries(circle_points())
    point, *_ = find_extrema(b, np.zeros(len(b.points), bool), window=2.0, prominence=0.08, spacing=5.0)
    assert len(point) == 0
