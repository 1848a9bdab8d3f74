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
batch is then a fixed number of numpy calls, not a Python loop over runs.

Where a run starts or ends at an extremum of the outline, the off-curve point
next to it keeps the extremum's x (or y), so the curve passes through with a
vertical (or horizontal) tangent: x and y then share the normal matrix but
not their pins, and are solved as two stacked systems.

Coordinates are pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Unknown control points get a faint pull towards a straight default, so runs with
# fewer points than unknowns still have one answer (far below any point's weight);
# fixed ends and padding columns get a pin so strong that the solve keeps them.
_RIDGE = 1e-6
_PIN = 1e8


@dataclass
class Runs:
    """Curve runs to fit, as padded arrays: run r's points are ``data[r, :count[r]]``."""

    data: np.ndarray  # (R, N, 2), zero beyond count
    count: np.ndarray  # (R,)
    u: np.ndarray  # (R, N) initial parameter in [0, 1] along the run
    start: np.ndarray  # (R, 2) fixed start point (ignored for closed runs)
    end: np.ndarray  # (R, 2) fixed end point (ignored for closed runs)
    closed: np.ndarray  # (R,) bool: a closed contour of off-curve points only
    start_axis: np.ndarray  # (R,) coordinate (0 x, 1 y) the first off-curve point shares with S, or -1
    end_axis: np.ndarray  # (R,) coordinate the last off-curve point shares with E, or -1

    @property
    def mask(self) -> np.ndarray:
        return np.arange(self.data.shape[1])[None, :] < self.count[:, None]


class _Layout:
    """Shapes and per-run facts shared by every step of one fit."""

    def __init__(self, runs: Runs, k: np.ndarray):
        self.runs = runs
        self.k = k
        self.n_runs, self.n, _ = runs.data.shape
        self.width = int(k.max()) + 2  # columns: 0 = S, 1..k off-curve points, k+1 = E, then padding
        self.mask = runs.mask.astype(float)
        self.kk = k[:, None].astype(float)
        self.closed = runs.closed
        self.any_closed = bool(runs.closed.any())
        column = np.arange(self.width)[None, :]
        self.active = (column >= 1) & (column <= k[:, None])
        # Where fixed columns are pinned and free ones gently pulled: S, E, or a straight default.
        anchor = (
            runs.start[:, None, :]
            + (column / (k[:, None] + 1.0))[:, :, None] * (runs.end - runs.start)[:, None, :]
        )
        if self.any_closed:
            centroid = runs.data.sum(axis=1) / np.maximum(runs.count, 1)[:, None]
            anchor = np.where(self.closed[:, None, None], centroid[:, None, :], anchor)
        # Per coordinate: an off-curve point next to an extremum keeps that extremum's coordinate.
        pin = np.where(self.active, _RIDGE, _PIN)
        self.pin = np.stack([pin, pin], axis=2)  # (R, K+2, 2)
        for axis in (0, 1):
            starts = np.nonzero(~self.closed & (runs.start_axis == axis))[0]
            self.pin[starts, 1, axis] = _PIN
            anchor[starts, 1, axis] = runs.start[starts, axis]
            ends = np.nonzero(~self.closed & (runs.end_axis == axis))[0]
            self.pin[ends, k[ends], axis] = _PIN
            anchor[ends, k[ends], axis] = runs.end[ends, axis]
        self.anchor = anchor
        self.pinned = self.pin >= _PIN  # what the solve keeps at its anchor
        row = np.arange(self.n_runs)[:, None, None] * (2 * self.n)
        point = np.arange(self.n)[None, :, None]
        self.value_base = (row + point) * self.width  # flat index of (run, point, column 0) among values
        self.slope_base = self.value_base + self.n * self.width  # … and among slopes

    def matrix(self, u_scaled: np.ndarray) -> np.ndarray:
        """(R, 2N, K+2): rows 0..N-1 weigh each control point in the curve at each data point, rows N..2N-1 in its derivative.

        Dense, though only three columns per row are non-zero: batched ``matmul`` on
        these small matrices beats gathering and scattering the band.
        """
        kk = self.kk
        floor = np.floor(u_scaled)
        span = np.clip(floor, 0.0, kk - 1.0)
        if self.any_closed:
            closed = self.closed[:, None]
            span = np.where(closed, np.mod(floor, kk), span)
            tau = u_scaled - np.where(closed, floor, span)
            first = np.where(closed, 0.5, np.where(span == 0, 1.0, 0.5))
            last = np.where(closed, 0.5, np.where(span == kk - 1, 1.0, 0.5))
            offsets = np.arange(3)[None, None, :]
            span_int = span.astype(np.int64)[:, :, None]
            columns = np.where(
                closed[:, :, None], 1 + np.mod(span_int + offsets, self.k[:, None, None]), span_int + offsets
            )
        else:
            tau = u_scaled - span
            first = np.where(span == 0, 1.0, 0.5)
            last = np.where(span == kk - 1, 1.0, 0.5)
            columns = span.astype(np.int64)[:, :, None] + np.arange(3)[None, None, :]
        mask = self.mask
        rest = 1.0 - tau
        w0 = rest * rest * first * mask
        w2 = tau * tau * last * mask
        d0 = -2.0 * rest * first * mask
        d2 = 2.0 * tau * last * mask
        weights = np.stack([w0, mask - w0 - w2, w2, d0, -d0 - d2, d2], axis=2)
        index = np.concatenate([self.value_base + columns, self.slope_base + columns], axis=2)
        matrix = np.zeros(self.n_runs * 2 * self.n * self.width)
        matrix[index.ravel()] = weights.ravel()
        return matrix.reshape(self.n_runs, 2 * self.n, self.width)

    def solve(self, matrix: np.ndarray) -> np.ndarray:
        """Least-squares control points (R, K+2, 2) for the parameters ``matrix`` was built at."""
        values = matrix[:, : self.n]
        both = np.matmul(values.transpose(0, 2, 1), np.concatenate([values, self.runs.data], axis=2))
        normal, rhs = both[:, :, : self.width], both[:, :, self.width :]
        # x and y share the normal matrix but not their pins: solve them as two stacked systems.
        diagonal = np.arange(self.width)
        normals = np.stack([normal, normal], axis=1)  # (R, 2, K+2, K+2)
        normals[:, :, diagonal, diagonal] += self.pin.transpose(0, 2, 1)
        rhs = rhs + self.pin * self.anchor
        table = np.linalg.solve(normals, rhs.transpose(0, 2, 1)[..., None])[..., 0].transpose(0, 2, 1)
        return np.where(self.pinned, self.anchor, table)

    def project(self, matrix: np.ndarray, table: np.ndarray, u_scaled: np.ndarray) -> np.ndarray:
        """One Gauss-Newton step of every parameter towards its data point's nearest curve point."""
        evaluated = np.matmul(matrix, table)
        residual = evaluated[:, : self.n] - self.runs.data
        tangent = evaluated[:, self.n :]
        move = np.sum(residual * tangent, axis=2) / np.maximum(np.sum(tangent * tangent, axis=2), 1e-12)
        u_scaled = u_scaled - np.clip(move, -0.5, 0.5)
        if self.any_closed:
            return np.where(self.closed[:, None], np.mod(u_scaled, self.kk), np.clip(u_scaled, 0.0, self.kk))
        return np.clip(u_scaled, 0.0, self.kk)


def fit(runs: Runs, k: np.ndarray, iterations: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Fit run r with k[r] off-curve points.

    Returns the control tables, (R, max k + 2, 2) with run r's off-curve points
    in ``[r, 1:k[r] + 1]``, and each run's largest distance from a data point
    to its curve, after the parameters' last refinement.
    """
    if len(k) == 0:
        return np.zeros((0, 2, 2)), np.zeros(0)
    layout = _Layout(runs, k)
    u_scaled = runs.u * layout.kk
    matrix = layout.matrix(u_scaled)
    table = layout.solve(matrix)
    for step in range(iterations + 1):
        u_scaled = layout.project(matrix, table, u_scaled)
        matrix = layout.matrix(u_scaled)
        if step < iterations:
            table = layout.solve(matrix)
    residual = np.matmul(matrix[:, : layout.n], table) - runs.data
    distance = np.sqrt(np.sum(residual * residual, axis=2))
    return table, (distance * layout.mask).max(axis=1)
