"""curveruns, fitting and splines: runs cut at nodes, line errors, and quadratic fits of an arc."""

import numpy as np

from fontassist.vector.curveruns import Nodes, cut_runs, line_errors
from fontassist.vector.fitting import fit_fewest
from fontassist.vector.splines import Runs, fit

from .shapes import boundaries, circle_points, square_points


def _nodes_at(b, indices):
    indices = np.asarray(indices)
    return Nodes(
        place=indices.astype(float),
        contour=np.zeros(len(indices), np.int64),
        arc=b.arc[indices],
        xy=b.points[indices],
        skip=np.zeros(len(indices)),
        axis=np.full(len(indices), -1),
    )


def test_a_square_cut_at_its_corners_gives_four_straight_runs():
    pts = square_points()
    b = boundaries(pts)
    quarter = len(pts) // 4
    nodes = _nodes_at(b, [0, quarter, 2 * quarter, 3 * quarter])
    runs, membership = cut_runs(b, nodes, np.zeros(len(pts)), fit_spacing=4.0, straight_share=0.8)
    assert len(runs.count) == 4 and not runs.closed.any()
    assert np.all(line_errors(runs) < 1e-9)
    assert membership.run.shape == (len(pts),)


def test_a_circle_without_nodes_is_one_closed_run_that_a_line_does_not_fit():
    b = boundaries(circle_points())
    empty = _nodes_at(b, np.zeros(0, np.int64))
    runs, _ = cut_runs(b, empty, np.zeros(len(b.points)), fit_spacing=4.0, straight_share=0.8)
    assert runs.closed.tolist() == [True]


def test_fit_fewest_needs_more_points_for_a_tighter_tolerance():
    pts = circle_points(30, 30, 15, 200)[:60]  # an open arc of about 108°
    b = boundaries(circle_points(30, 30, 15, 200))
    nodes = _nodes_at(b, [0, 59])
    runs, _ = cut_runs(b, nodes, np.zeros(200), fit_spacing=4.0, straight_share=0.8)
    curved = line_errors(runs) > 0.25
    loose, _ = fit_fewest(runs, curved, tolerance=1.0, iterations=1)
    tight, _ = fit_fewest(runs, curved, tolerance=0.05, iterations=1)
    assert loose[0] >= 1 and tight[0] > loose[0]
    assert pts.shape == (60, 2)


def test_a_quadratic_is_fitted_exactly_by_one_off_curve_point():
    t = np.linspace(0, 1, 21)[1:-1]
    p0, c, p1 = np.array([0.0, 0.0]), np.array([10.0, 20.0]), np.array([20.0, 0.0])
    data = ((1 - t) ** 2)[:, None] * p0 + (2 * t * (1 - t))[:, None] * c + (t**2)[:, None] * p1
    runs = Runs(
        data=data[None],
        count=np.array([len(t)]),
        u=t[None],
        start=p0[None],
        end=p1[None],
        closed=np.array([False]),
        start_axis=np.array([-1]),
        end_axis=np.array([-1]),
    )
    controls, error = fit(runs, np.array([1]), iterations=3)
    np.testing.assert_allclose(controls[0, 1], c, atol=1e-3)
    assert error[0] < 1e-3
