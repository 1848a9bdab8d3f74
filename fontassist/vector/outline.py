"""From a grey-level raster to TrueType contours in pixel coordinates.

Boundaries come from the raster's level line (``isolines``); small specks are
dropped. Each boundary is cut at its corners (``corners``) into runs, and every
run becomes the simplest TrueType piece that stays within ``tolerance`` of the
boundary: a straight line from corner to corner, or a quadratic spline with as
few off-curve points as fit (``splines``). Inside a run the spline is smooth
(its implied on-curve points are midpoints), so a straight stretch flowing
into a curve, as at a stroke's bend, joins without a kink. A boundary without
corners becomes a closed spline of off-curve points only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from .boundaries import Boundaries, ring_gaps
from .corners import corner_points, find_corners
from .isolines import boundary_polygons
from .splines import Runs, fit

log = logging.getLogger(__name__)

# Off-curve counts tried together, round after round, until a run fits; a
# closed run needs two more (three off-curve points make the simplest loop).
_CANDIDATES = ((1, 2, 3, 4), (5, 6, 7, 8), (10, 12, 14, 16))
_CLOSED_EXTRA = 2


@dataclass(frozen=True)
class TraceSettings:
    """How a raster is traced. Lengths are in pixels of the raster, areas in square pixels."""

    threshold: float = 0.5  # ink level of the traced boundary, as a fraction of full ink
    tolerance: float = 0.25  # largest distance allowed between the boundary and the outline
    speck_area: float = 4.0  # boundaries enclosing less than this are dropped (ink specks and pinholes)
    corner_angle: float = 30.0  # degrees the boundary must turn within ± corner_window to be a corner
    corner_window: float = 2.0
    corner_sharpness: float = 0.4  # fraction of the turn already there at half the window
    corner_arm: float = 4.0  # arm length used to find a corner's sharp point
    corner_skip: float = 1.5  # rounded-off stretch next to a corner, ignored by fits
    corner_max_shift: float = 2.5  # farthest a sharp point may lie from the traced corner
    straight_share: float = 0.8  # of a run's spline parameter given to arc length (the rest to turning)
    fit_points: int = 32  # most boundary points one run's fit looks at (long runs are thinned)
    fit_iterations: int = 1  # parameter refinements per fit

    def __post_init__(self):
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"threshold is a fraction of full ink in (0, 1), not {self.threshold}")
        if self.tolerance <= 0:
            raise ValueError(f"tolerance must be positive, not {self.tolerance}")
        if self.speck_area < 0:
            raise ValueError(f"speck area cannot be negative, not {self.speck_area}")


@dataclass
class PixelOutline:
    """TrueType contours in pixel coordinates, contour after contour."""

    points: np.ndarray  # (P, 2)
    on_curve: np.ndarray  # (P,) bool; a contour may be all off-curve points
    count: np.ndarray  # (C,) points per contour

    @classmethod
    def empty(cls) -> "PixelOutline":
        return cls(np.zeros((0, 2)), np.zeros(0, bool), np.zeros(0, np.int64))


def trace_pixels(raster: np.ndarray, settings: TraceSettings) -> PixelOutline:
    """TrueType contours of ``raster`` (uint8, 0 paper, 255 ink) in pixel coordinates."""
    points, count = boundary_polygons(raster, settings.threshold * 255.0)
    b = Boundaries.from_points(points, count)
    speck = np.abs(b.enclosed_area()) < settings.speck_area
    if speck.any():
        keep = ~speck
        b = Boundaries.from_points(points[keep[b.contour]], count[keep])
    if len(b.count) == 0:
        return PixelOutline.empty()
    corners, turn = find_corners(b, settings.corner_window, np.radians(settings.corner_angle), settings.corner_sharpness)
    sharp = corner_points(b, corners, settings.corner_arm, settings.corner_skip, settings.corner_max_shift)
    runs = _runs(b, corners, sharp, turn, settings)
    offcurve = _fit(runs, settings.tolerance, settings.fit_iterations)
    return _assemble(b.contour[corners], sharp, offcurve, len(b.count))


def _runs(b: Boundaries, corners: np.ndarray, sharp: np.ndarray, turn: np.ndarray, settings: TraceSettings) -> Runs:
    """A run from each corner to the next along its contour, then one closed run per boundary without corners."""
    skip, max_points = settings.corner_skip, settings.fit_points
    n_open = len(corners)
    contour, arc = b.contour[corners], b.arc[corners]
    has_corner = np.zeros(len(b.count), bool)
    has_corner[contour] = True
    smooth = np.nonzero(~has_corner)[0]
    following, gap, _ = ring_gaps(b.length, contour, arc)

    # Each boundary point belongs to the run of the last corner at or before it on its contour.
    run = np.searchsorted(b.key[corners], b.key, side="right") - 1
    if n_open:
        before_first = (run < 0) | (contour[np.maximum(run, 0)] != b.contour)
        last_corner = np.zeros(len(b.count), np.int64)
        last_corner[contour] = np.arange(n_open)  # later corners overwrite: each contour's last
        run = np.where(before_first, last_corner[b.contour], run)
        along = np.mod(b.arc - arc[np.clip(run, 0, n_open - 1)], b.length[b.contour])
    else:
        along = b.arc.copy()
    closed_run = np.zeros(len(b.count), np.int64)
    closed_run[smooth] = n_open + np.arange(len(smooth))
    is_open = has_corner[b.contour]
    run = np.where(is_open, run, closed_run[b.contour])
    along = np.where(is_open, along, b.arc)
    span = np.concatenate([gap, b.length[smooth]])
    # Fits ignore the rounded-off boundary next to a corner.
    margin = np.minimum(skip, 0.25 * span[run])
    keep = ~is_open | ((along > margin) & (along < span[run] - margin))
    order = np.lexsort((along[keep], run[keep]))
    point = np.nonzero(keep)[0][order]
    run, along = run[point], along[point]

    n_runs = n_open + len(smooth)
    count = np.bincount(run, minlength=n_runs)
    u = _parameters(run, along, turn[point], span, count, settings.straight_share)
    # Long runs keep every n-th point: fits cost what the longest run holds, and
    # points ~1 px apart are far more than a spline of a few off-curve points needs.
    stride = np.maximum(1, -(-count // max_points))
    if stride.max() > 1:
        first = np.concatenate([[0], np.cumsum(count)[:-1]])
        thin = np.mod(np.arange(len(run)) - first[run], stride[run]) == 0
        point, run, u = point[thin], run[thin], u[thin]
        count = np.bincount(run, minlength=n_runs)
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    slot = np.arange(len(run)) - first[run]
    width = max(int(count.max()) if n_runs else 0, 1)
    data = np.zeros((n_runs, width, 2))
    data[run, slot] = b.points[point]
    u_padded = np.zeros((n_runs, width))
    u_padded[run, slot] = u
    zeros = np.zeros((len(smooth), 2))
    return Runs(
        data=data,
        count=count,
        u=u_padded,
        start=np.concatenate([sharp, zeros]),
        end=np.concatenate([sharp[following], zeros]),
        closed=np.concatenate([np.zeros(n_open, bool), np.ones(len(smooth), bool)]),
    )


def _parameters(run, along, turn, span, count, straight_share) -> np.ndarray:
    """Initial spline parameters in [0, 1]: arc length, stretched where the boundary turns.

    A run's spans are equal in parameter, so parameters proportional to arc
    length spread them evenly along straight stretches and starve the bends;
    giving ``1 - straight_share`` of each run's parameter range to its turning
    puts spans where the curve needs them (a long stroke ending in a hook fits
    with a few off-curve points instead of many).
    """
    n_runs = len(span)
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    is_first = np.zeros(len(run), bool)
    is_first[first[count > 0]] = True
    step = np.where(is_first, along, np.diff(along, prepend=0.0))
    tail = span - np.where(count > 0, along[np.maximum(first + count - 1, 0)], 0.0)
    tail_turn = np.where(count > 0, turn[np.maximum(first + count - 1, 0)], 0.0)
    bend = step * turn
    total_bend = np.bincount(run, bend, minlength=n_runs) + tail * tail_turn
    share = np.where(total_bend > 1e-9, 1.0 - straight_share, 0.0)
    mass = step * (1.0 - share[run]) / span[run] + share[run] * bend / np.maximum(total_bend[run], 1e-9)
    cumulative = np.cumsum(mass)
    u = cumulative - (cumulative - mass)[first][run]
    total = u[np.maximum(first + count - 1, 0)] + (1.0 - share) * tail / span + share * tail * tail_turn / np.maximum(total_bend, 1e-9)
    return u / np.maximum(total[run], 1e-12)


def _line_errors(runs: Runs) -> np.ndarray:
    """Largest distance from each run's points to the straight segment between its ends."""
    s, v = runs.start[:, None, :], (runs.end - runs.start)[:, None, :]
    length2 = np.maximum(np.sum(v * v, axis=2), 1e-12)
    t = np.clip(np.sum((runs.data - s) * v, axis=2) / length2, 0.0, 1.0)
    distance = np.hypot(*np.moveaxis(s + t[:, :, None] * v - runs.data, 2, 0))
    return (distance * runs.mask).max(axis=1, initial=0.0)


def _fit(runs: Runs, tolerance: float, iterations: int) -> list[np.ndarray]:
    """Off-curve points of every run: none where a line fits, otherwise the fewest that fit within tolerance."""
    n_runs = len(runs.start)
    offcurve = [np.zeros((0, 2))] * n_runs
    pending = np.nonzero(runs.closed | (_line_errors(runs) > tolerance))[0]
    for round_index, candidates in enumerate(_CANDIDATES):
        if len(pending) == 0:
            break
        m = len(candidates)
        rows = np.repeat(pending, m)
        k = np.tile(np.array(candidates), len(pending)) + np.where(runs.closed[rows], _CLOSED_EXTRA, 0)
        table, error = fit(runs.take(rows), k, iterations)
        error = error.reshape(len(pending), m)
        fits = error <= tolerance
        last_round = round_index == len(_CANDIDATES) - 1
        done = fits.any(axis=1) | last_round
        choice = np.where(fits.any(axis=1), np.argmax(fits, axis=1), np.argmin(error, axis=1))
        for i in np.nonzero(done)[0]:
            row = i * m + choice[i]
            offcurve[pending[i]] = table[row, 1 : k[row] + 1]
        pending = pending[~done]
    return offcurve


def _assemble(corner_contour: np.ndarray, sharp: np.ndarray, offcurve: list[np.ndarray], n_contours: int) -> PixelOutline:
    """Each open run is its corner (on-curve) then its off-curve points; closed runs are off-curve points only."""
    n_open = len(corner_contour)
    has_corner = np.zeros(n_contours, bool)
    has_corner[corner_contour] = True
    run_contour = np.concatenate([corner_contour, np.nonzero(~has_corner)[0]])
    pieces, flags, piece_contour = [], [], []
    for r, off in enumerate(offcurve):
        if r < n_open:
            pieces.append(sharp[r : r + 1])
            flags.append(np.ones(1, bool))
            piece_contour.append(run_contour[r])
        pieces.append(off)
        flags.append(np.zeros(len(off), bool))
        piece_contour.append(run_contour[r])
    # Open runs come sorted by contour; a stable sort slots each closed run in at its contour.
    order = np.argsort(np.array(piece_contour), kind="stable")
    points = np.concatenate([pieces[i] for i in order])
    on_curve = np.concatenate([flags[i] for i in order])
    size = np.array([len(f) for f in flags])
    count = np.bincount(np.array(piece_contour), size, minlength=n_contours).astype(np.int64)
    return PixelOutline(points, on_curve, count)
