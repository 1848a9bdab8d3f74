"""How many off-curve points each curved run gets: the fewest that fit within tolerance."""

from __future__ import annotations

import numpy as np

from .curveruns import RunPoints
from .splines import fit

# Off-curve counts tried together, round after round, until a run fits; a
# closed run needs two more (three off-curve points make the simplest loop).
_CANDIDATES = ((1,), (2, 3, 4), (5, 6, 7, 8), (10, 12, 14, 16))
_CLOSED_EXTRA = 2
# Runs are fitted in groups of similar length (points), each padded to its longest.
_BUCKETS = np.array([16, 32, 64, 128, 256])
_FEW_ROWS = 64


def fit_fewest(
    runs: RunPoints, curved: np.ndarray, tolerance: float, iterations: int
) -> tuple[np.ndarray, np.ndarray]:
    """Off-curve points of every curved run: the fewest that fit within tolerance.

    Candidate counts are tried a round at a time (all candidates of a round in
    one batch); a run stops at the first round where one fits, or when it has no
    larger candidate left, then keeping its closest try. A run never gets more
    off-curve points than half its data points, which would leave the curve
    free to wander between them. Returns each run's number of off-curve points
    and all of them, run after run.
    """
    n_runs = len(runs.count)
    chosen = np.zeros(n_runs, np.int64)
    found_runs, found_points = [], []
    extra = np.where(runs.closed, _CLOSED_EXTRA, 0)
    most = np.maximum(runs.count // 2, 1 + extra)
    pending = np.nonzero(curved)[0]
    for round_index, candidates in enumerate(_CANDIDATES):
        if len(pending) == 0:
            break
        m = len(candidates)
        rows = np.repeat(pending, m)
        k = np.tile(np.array(candidates), len(pending)) + extra[rows]
        allowed = (k <= most[rows]).reshape(len(pending), m)
        allowed[:, 0] = True  # every run tries at least the round's smallest count
        table, error = _fit_in_buckets(runs, rows, k, iterations)
        error = np.where(allowed, error.reshape(len(pending), m), np.inf)
        fits = error <= tolerance
        later = _CANDIDATES[round_index + 1][0] if round_index + 1 < len(_CANDIDATES) else np.inf
        done = fits.any(axis=1) | (later + extra[pending] > most[pending])
        choice = np.where(fits.any(axis=1), np.argmax(fits, axis=1), np.argmin(error, axis=1))
        best = (np.arange(len(pending)) * m + choice)[done]
        k_best = k[best]
        columns = np.arange(table.shape[1])[None, :]
        offcurve = table[best][(columns >= 1) & (columns <= k_best[:, None])]
        chosen[pending[done]] = k_best
        found_runs.append(np.repeat(pending[done], k_best))
        found_points.append(offcurve)
        pending = pending[~done]
    if not found_runs:
        return chosen, np.zeros((0, 2))
    owner = np.concatenate(found_runs)
    return chosen, np.concatenate(found_points)[np.argsort(owner, kind="stable")]


def _fit_in_buckets(
    runs: RunPoints, rows: np.ndarray, k: np.ndarray, iterations: int
) -> tuple[np.ndarray, np.ndarray]:
    """``fit`` on the given rows, grouped by point count so short runs are not padded to the longest."""
    count = runs.count[rows]
    table = np.zeros((len(rows), int(k.max()) + 2, 2))
    error = np.zeros(len(rows))
    # Few rows cost more in numpy calls than in padding: one group then.
    bucket = np.searchsorted(_BUCKETS, count) if len(rows) > _FEW_ROWS else np.zeros(len(rows), np.int64)
    for b in np.unique(bucket):
        members = np.nonzero(bucket == b)[0]
        t, e = fit(runs.padded(rows[members]), k[members], iterations)
        table[members, : t.shape[1]] = t
        error[members] = e
    return table, error
