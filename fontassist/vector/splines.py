"""Least-squares fitting of TrueType quadratic splines, many runs at once.

A TrueType run of ``k`` off-curve points between two on-curve points S and E,
with the on-curve points between consecutive off-curve points implied at their
midpoints, is exactly a uniform quadratic B-spline with control points
S, c1 … ck, E, clamped at both ends: span j is the quadratic Bézier
(Q0, c_{j+1}, Q2) with Q0 = S or the midpoint of c_j and c_{j+1}, Q2 = E or
the midpoint of c_{j+1} and c_{j+2}. A closed contour of only off-curve points
is the periodic version. Both are linear in the control points: with each
data point's curve parameter fixed, the curve at all data points is one
matrix product ``basis @ controls``, and the best controls are a small
least-squares solve. Every run of a glyph, each with several candidate values
of ``k``, is laid out in padded arrays and solved together (batched
``matmul`` and ``numpy.linalg.solve``), with the data points' parameters
refined by Gauss-Newton projection onto the curve between solves. The work per
glyph is then a fixed number of numpy calls, not a Python loop over runs.

Coordinates are pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Pulls control points weakly towards a straight default so runs with fewer
# points than unknowns still have one answer; far below any real point's weight.
_RIDGE = 1e-6


@dataclass
class Runs:
    """Curve runs to fit, as padded arrays: run r's points are ``data[r, :count[r]]``."""

    data: np.ndarray  # (R, N, 2), zero beyond count
    count: np.ndarray  # (R,)
    u: np.ndarray  # (R, N) initial parameter in [0, 1] along the run (arc length fraction)
    start: np.ndarray  # (R, 2) fixed start point (ignored for closed runs)
    end: np.ndarray  # (R, 2) fixed end point (ignored for closed runs)
    closed: np.ndarray  # (R,) bool: a closed contour of off-curve points only

    @property
    def mask(self) -> np.ndarray:
        return np.arange(self.data.shape[1])[None, :] < self.count[:, None]

    def take(self, rows: np.ndarray) -> "Runs":
        return Runs(self.data[rows], self.count[rows], self.u[rows], self.start[rows], self.end[rows], self.closed[rows])


class _Basis:
    """Column indices and Bézier fractions of every data point for the current parameters."""

    def __init__(self, k: np.ndarray, closed: np.ndarray, u_scaled: np.ndarray):
        kk = k[:, None]
        floor = np.floor(u_scaled)
        span = np.where(closed[:, None], np.mod(floor, kk), np.clip(floor, 0, kk - 1))
        self.tau = u_scaled - np.where(closed[:, None], floor, span)
        span = span.astype(np.int64)
        # Columns: 0 = S, 1..k = off-curve points, k+1 = E. A closed run uses 1..k cyclically.
        self.columns = [np.where(closed[:, None], 1 + np.mod(span + a, kk), span + a) for a in range(3)]
        open_ = ~closed[:, None]
        self.first_scale = np.where(open_ & (span == 0), 1.0, 0.5)
        self.last_scale = np.where(open_ & (span == kk - 1), 1.0, 0.5)


def _matrix(basis: _Basis, w0, w1, w2, width: int) -> np.ndarray:
    n_runs, n = w0.shape
    matrix = np.zeros((n_runs, n, width))
    rows = np.arange(n_runs)[:, None]
    cols = np.arange(n)[None, :]
    matrix[rows, cols, basis.columns[0]] = w0
    matrix[rows, cols, basis.columns[1]] = w1
    matrix[rows, cols, basis.columns[2]] = w2
    return matrix


def _values(basis: _Basis, mask: np.ndarray, width: int) -> np.ndarray:
    """(R, N, K+2) weights of each control column in the curve point at each data point (0 for padding)."""
    tau = basis.tau
    w0 = (1.0 - tau) ** 2 * basis.first_scale * mask
    w2 = tau**2 * basis.last_scale * mask
    return _matrix(basis, w0, mask - w0 - w2, w2, width)


def _slopes(basis: _Basis, mask: np.ndarray, width: int) -> np.ndarray:
    """(R, N, K+2) weights of each control column in the curve's derivative by span parameter."""
    tau = basis.tau
    d0 = -2.0 * (1.0 - tau) * basis.first_scale * mask
    d2 = 2.0 * tau * basis.last_scale * mask
    return _matrix(basis, d0, -d0 - d2, d2, width)


def _solve(runs: Runs, k: np.ndarray, values: np.ndarray, default: np.ndarray) -> np.ndarray:
    """Control table (R, K+2, 2): S, the least-squares off-curve points, E after the last one."""
    n_runs, width = len(k), values.shape[2]
    rows = np.arange(n_runs)
    end_column = values[rows, :, k + 1]  # zero for closed runs, whose columns stop at k
    target = runs.data - values[:, :, :1] * runs.start[:, None, :] - end_column[:, :, None] * runs.end[:, None, :]
    active = (np.arange(1, width - 1)[None, :] <= k[:, None]).astype(float)
    free = values[:, :, 1:-1] * active[:, None, :]
    normal = np.matmul(free.transpose(0, 2, 1), free)
    rhs = np.matmul(free.transpose(0, 2, 1), target)
    # Padding columns get an identity row; real ones a faint pull to their default.
    ridge = np.where(active > 0, _RIDGE, 1.0)
    diagonal = np.arange(width - 2)
    normal[:, diagonal, diagonal] += ridge
    rhs += ridge[:, :, None] * default
    table = np.zeros((n_runs, width, 2))  # unused columns must hold numbers: 0 × NaN is NaN
    table[:, 1:-1] = np.linalg.solve(normal, rhs)
    table[:, 0] = runs.start
    open_rows = np.nonzero(~runs.closed)[0]
    table[open_rows, k[open_rows] + 1] = runs.end[open_rows]
    return table


def _default(runs: Runs, k: np.ndarray, width: int) -> np.ndarray:
    """Where underdetermined control points go: evenly along S–E (open) or at the centroid (closed)."""
    fraction = np.arange(1, width - 1)[None, :] / (k[:, None] + 1.0)
    line = runs.start[:, None, :] + fraction[:, :, None] * (runs.end - runs.start)[:, None, :]
    centroid = runs.data.sum(axis=1) / np.maximum(runs.count, 1)[:, None]
    return np.where(runs.closed[:, None, None], centroid[:, None, :], line)


def fit(runs: Runs, k: np.ndarray, iterations: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Fit run r with k[r] off-curve points.

    Returns the control tables, (R, max k + 2, 2) with run r's off-curve points
    in ``[r, 1:k[r] + 1]``, and each run's largest distance from a data point
    to its curve.
    """
    n_runs = len(k)
    if n_runs == 0:
        return np.zeros((0, 2, 2)), np.zeros(0)
    width = int(k.max()) + 2
    mask = runs.mask.astype(float)
    kk = k[:, None].astype(float)
    closed = runs.closed
    u_scaled = runs.u * kk
    default = _default(runs, k, width)
    basis = _Basis(k, closed, u_scaled)
    values = _values(basis, mask, width)
    table = _solve(runs, k, values, default)
    for step in range(iterations + 1):
        # Gauss-Newton: move each parameter to where the curve is nearest its data point.
        slopes = _slopes(basis, mask, width)
        residual = np.matmul(values, table) - runs.data
        tangent = np.matmul(slopes, table)
        move = np.einsum("rnj,rnj->rn", residual, tangent) / np.maximum(np.einsum("rnj,rnj->rn", tangent, tangent), 1e-12)
        u_scaled = u_scaled - np.clip(move, -0.5, 0.5)
        u_scaled = np.where(closed[:, None], np.mod(u_scaled, kk), np.clip(u_scaled, 0.0, kk))
        basis = _Basis(k, closed, u_scaled)
        values = _values(basis, mask, width)
        if step < iterations:
            table = _solve(runs, k, values, default)
    distance = np.hypot(*np.moveaxis(np.matmul(values, table) - runs.data, 2, 0))
    return table, (distance * mask).max(axis=1)
