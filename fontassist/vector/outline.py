"""From grey-level rasters to TrueType contours in pixel coordinates.

Boundaries come from the rasters' level line (``isolines``); small specks are
dropped. Each boundary is cut into runs at *nodes*, its on-curve points: first
its corners (``corners``); then, in runs a straight line does not fit, at the
curve's extrema (``extrema``), where the tangent is horizontal or vertical.
Every run becomes the simplest TrueType piece that stays within ``tolerance``
of the boundary: a straight line from node to node, or a quadratic spline with
as few off-curve points as fit (``splines``), whose off-curve points next to
an extremum share its coordinate so the curve passes through smoothly. Inside
a run the spline is smooth too (its implied on-curve points are midpoints), so
a straight stretch flowing into a bend joins without a kink. A boundary with
no node at all becomes a closed spline of off-curve points only.

Everything works on all boundaries of a batch of rasters at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from .boundaries import Boundaries, ring_gaps
from .corners import corner_points, find_corners
from .extrema import find_extrema, find_flats
from .isolines import boundary_polygons
from .splines import Runs, fit

log = logging.getLogger(__name__)

# Off-curve counts tried together, round after round, until a run fits; a
# closed run needs two more (three off-curve points make the simplest loop).
_CANDIDATES = ((1,), (2, 3, 4), (5, 6, 7, 8), (10, 12, 14, 16))
_CLOSED_EXTRA = 2
# Fit points: about one per this many radians of turn (over ± corner_window) in bends;
# runs this short keep every point.
_BEND_PER_POINT = 0.5
_SHORT_RUN = 12
_TINY = 10  # boundaries of at most this many points are kept as their polygon
# Runs are fitted in groups of similar length (points), each padded to its longest.
_BUCKETS = np.array([16, 32, 64, 128, 256])


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
    extremum_prominence: float = 0.08  # how far an extremum must stand out within ± 3 px to count
    flat_angle: float = 1.5  # degrees a straight stretch may lean and still be a horizontal or vertical extreme
    flat_length: float = 6.0  # shortest such stretch
    straight_share: float = 0.8  # of a run's spline parameter given to arc length (the rest to turning)
    fit_spacing: float = 4.0  # spacing of the boundary points a fit looks at on straight stretches (denser in bends)
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
    """TrueType contours in pixel coordinates, contour after contour, for a stack of rasters."""

    points: np.ndarray  # (P, 2)
    on_curve: np.ndarray  # (P,) bool; a contour may be all off-curve points
    count: np.ndarray  # (C,) points per contour
    raster: np.ndarray  # (C,) the raster each contour was traced from, non-decreasing


@dataclass
class _Nodes:
    """On-curve points cutting the boundaries into runs, sorted by contour, then along it."""

    place: np.ndarray  # (P,) position in its contour, in point steps from the contour's first point
    contour: np.ndarray  # (P,)
    arc: np.ndarray  # (P,) arc length along the contour
    xy: np.ndarray  # (P, 2) the on-curve point (pixels)
    skip: np.ndarray  # (P,) boundary length beside the node that fits ignore (a corner's rounding)
    axis: np.ndarray  # (P,) -1 at a corner; at an extremum the coordinate its neighbours share

    def with_nodes(self, other: "_Nodes", b: Boundaries) -> "_Nodes":
        fields = ("place", "contour", "arc", "xy", "skip", "axis")
        merged = {f: np.concatenate([getattr(self, f), getattr(other, f)]) for f in fields}
        order = np.lexsort((merged["place"], merged["contour"]))
        return _Nodes(**{f: merged[f][order] for f in fields})


@dataclass
class _FlatRuns:
    """Runs with their fit points stored flat, run after run (run r's are ``first[r]:first[r] + count[r]``)."""

    data: np.ndarray  # (M, 2)
    u: np.ndarray  # (M,) initial spline parameter in [0, 1]
    count: np.ndarray  # (R,)
    first: np.ndarray  # (R,)
    start: np.ndarray  # (R, 2)
    end: np.ndarray  # (R, 2)
    closed: np.ndarray  # (R,)
    start_axis: np.ndarray  # (R,)
    end_axis: np.ndarray  # (R,)

    @property
    def run(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.count)), self.count)

    def padded(self, rows: np.ndarray) -> Runs:
        """The given runs (repeats allowed) as padded arrays, as wide as the longest of them."""
        count = self.count[rows]
        width = max(int(count.max()) if len(rows) else 0, 1)
        slot = np.arange(width)[None, :]
        inside = slot < count[:, None]
        index = np.where(inside, self.first[rows][:, None] + slot, 0)
        data = np.where(inside[:, :, None], self.data[index], 0.0) if len(self.data) else np.zeros((len(rows), width, 2))
        u = np.where(inside, self.u[index], 0.0) if len(self.u) else np.zeros((len(rows), width))
        return Runs(data, count, u, self.start[rows], self.end[rows], self.closed[rows], self.start_axis[rows], self.end_axis[rows])


@dataclass
class _Layout:
    """Which run every boundary point falls in, and how far along it."""

    run: np.ndarray  # (N,)
    along: np.ndarray  # (N,) arc length from the run's start
    span: np.ndarray  # (R,) each run's arc length


def trace_pixels(rasters: np.ndarray, settings: TraceSettings) -> PixelOutline:
    """TrueType contours of a stack of rasters (B, H, W; uint8, 0 paper, 255 ink) in pixel coordinates."""
    points, count, raster = boundary_polygons(rasters, settings.threshold * 255.0)
    b = Boundaries.from_points(points, count)
    speck = np.abs(b.enclosed_area()) < settings.speck_area
    if speck.any():
        keep = ~speck
        b = Boundaries.from_points(points[keep[b.contour]], count[keep])
        raster = raster[keep]
    if len(b.count) == 0:
        return PixelOutline(np.zeros((0, 2)), np.zeros(0, bool), np.zeros(0, np.int64), np.zeros(0, np.int64))
    corners, turn = find_corners(b, settings.corner_window, np.radians(settings.corner_angle), settings.corner_sharpness)
    # A tiny boundary (a dot of a few pixels) is too short to fit curves to: its polygon is the outline.
    tiny = b.count <= _TINY
    corners = corners[~tiny[b.contour[corners]]]
    sharp = corner_points(b, corners, settings.corner_arm, settings.corner_skip, settings.corner_max_shift)
    vertex = np.nonzero(tiny[b.contour])[0]
    on_curve = np.concatenate([corners, vertex])
    order = np.argsort(on_curve, kind="stable")
    on_curve = on_curve[order]
    nodes = _Nodes(
        (on_curve - b.start[b.contour[on_curve]]).astype(float), b.contour[on_curve], b.arc[on_curve],
        np.concatenate([sharp, b.points[vertex]])[order],
        np.concatenate([np.full(len(corners), settings.corner_skip), np.zeros(len(vertex))])[order],
        np.full(len(on_curve), -1),
    )
    runs, layout = _runs(b, nodes, turn, settings)
    curved = runs.closed | (_line_errors(runs) > settings.tolerance)
    extrema = _extremum_nodes(b, layout, curved, settings)
    if len(extrema.arc):
        nodes = nodes.with_nodes(extrema, b)
        runs, layout = _runs(b, nodes, turn, settings)
        curved = runs.closed | (_line_errors(runs) > settings.tolerance)
    n_offcurve, offcurve = _fit(runs, curved, settings.tolerance, settings.fit_iterations)
    return _assemble(nodes, n_offcurve, offcurve, raster)


def _extremum_nodes(b: Boundaries, layout: _Layout, curved: np.ndarray, settings: TraceSettings) -> _Nodes:
    """Nodes at the extrema of curved runs, clear of the runs' ends: the ends of flat
    (horizontal or vertical) stretches, and extreme points of round parts away from them."""
    window = settings.corner_window
    clear = 2.5 * window
    flat_point, flat_xy, flat_axis = find_flats(
        b, layout.run, layout.along, layout.span, curved, window, np.tan(np.radians(settings.flat_angle)),
        settings.flat_length, clear, settings.tolerance,
    )
    eligible = curved[layout.run] & (layout.along > clear) & (layout.along < layout.span[layout.run] - clear)
    point, fraction, xy, axis = find_extrema(b, eligible, window, settings.extremum_prominence, spacing=clear)
    point = np.concatenate([flat_point, point])
    fraction = np.concatenate([np.zeros(len(flat_point)), fraction])
    xy = np.concatenate([flat_xy, xy])
    axis = np.concatenate([flat_axis, axis])
    is_flat = np.arange(len(point)) < len(flat_point)
    contour = b.contour[point]
    arc = b.arc[point] + fraction * b.step[point]
    # An extreme point next to a flat stretch's end says the same thing less well.
    order = np.lexsort((arc, contour))
    point, fraction, xy, axis, is_flat, contour, arc = (v[order] for v in (point, fraction, xy, axis, is_flat, contour, arc))
    near = np.zeros(len(point), bool)
    close = (contour[1:] == contour[:-1]) & (arc[1:] - arc[:-1] < clear)
    near[1:] |= close & ~is_flat[1:]
    near[:-1] |= close & ~is_flat[:-1] & is_flat[1:]
    keep = ~near
    point, fraction, xy, axis, contour, arc = (v[keep] for v in (point, fraction, xy, axis, contour, arc))
    return _Nodes(point - b.start[contour] + fraction, contour, arc, xy, np.zeros(len(point)), axis)


def _runs(b: Boundaries, nodes: _Nodes, turn: np.ndarray, settings: TraceSettings) -> tuple[_FlatRuns, _Layout]:
    """A run from each node to the next along its contour, then one closed run per boundary without nodes."""
    n_contours, n_open = len(b.count), len(nodes.arc)
    contour, arc = nodes.contour, nodes.arc
    has_node = np.zeros(n_contours, bool)
    has_node[contour] = True
    smooth = np.nonzero(~has_node)[0]
    n_runs = n_open + len(smooth)
    following, gap, _ = ring_gaps(b.length, contour, arc)
    span = np.concatenate([gap, b.length[smooth]])

    # Count every point's place along its contour from the contour's first node (or first
    # point): each run is then one stretch of consecutive places, and no sorting is needed.
    first_node = np.zeros(n_contours)
    first_node[contour[::-1]] = nodes.place[::-1]  # the first assignment written last wins
    origin = np.floor(first_node).astype(np.int64)
    place = np.mod(np.arange(len(b.points)) - b.start[b.contour] - origin[b.contour], b.count[b.contour])
    node_place = np.mod(nodes.place - origin[contour], b.count[contour])
    run = np.searchsorted(b.start[contour] + node_place, b.start[b.contour] + place, side="right") - 1
    closed_run = np.zeros(n_contours, np.int64)
    closed_run[smooth] = n_open + np.arange(len(smooth))
    is_open = has_node[b.contour]
    # A contour's first node may fall between points: the points before it belong to its last run.
    last_node = np.zeros(n_contours, np.int64)
    last_node[contour] = np.arange(n_open)
    if n_open:
        wrapped = is_open & ((run < 0) | (contour[np.maximum(run, 0)] != b.contour))
        run = np.where(wrapped, last_node[b.contour], run)
    run = np.where(is_open, run, closed_run[b.contour])
    safe = np.minimum(run, max(n_open - 1, 0))
    # Arc length from the run's node; behind it (float noise at a node on a point, or the
    # last run wrapping past the contour's first point) means the other way round.
    along = b.arc - (arc[safe] if n_open else 0.0)
    along = np.where(along < -1e-6, along + b.length[b.contour], np.maximum(along, 0.0))
    along = np.where(is_open, along, b.arc)
    slot = np.where(is_open, np.mod(place - np.ceil(node_place[safe] if n_open else 0).astype(np.int64), b.count[b.contour]), place)
    # Fits ignore the rounded-off boundary next to a corner.
    skip_start = np.where(is_open, np.minimum(nodes.skip[safe] if n_open else 0.0, 0.25 * span[run]), -1.0)
    skip_end = np.where(is_open, np.minimum(nodes.skip[following[safe]] if n_open else 0.0, 0.25 * span[run]), -1.0)
    layout = _Layout(run, along, span)
    skipped_before = np.bincount(run, along <= skip_start, minlength=n_runs).astype(np.int64)
    keep = ~is_open | ((along > skip_start) & (along < span[run] - skip_end))
    point, run, slot, along = np.nonzero(keep)[0], run[keep], slot[keep], along[keep]
    slot -= skipped_before[run]
    count = np.bincount(run, minlength=n_runs)
    first = np.cumsum(count) - count
    order = np.empty(len(point), np.int64)
    order[first[run] + slot] = np.arange(len(point))  # runs one after another, each in walking order
    point, run, along = point[order], run[order], along[order]
    # Fits cost what their points are, and points ~1 px apart are more than a spline
    # needs: keep one per `fit_spacing` on straight stretches, denser where it bends.
    if len(point):
        step = np.diff(along, prepend=0.0)
        step[first[count > 0]] = 0.0
        density = 1.0 / settings.fit_spacing + turn[point] / _BEND_PER_POINT
        reach = np.cumsum(step * density)
        reach -= reach[first[run]]
        mark = np.floor(reach)
        new_mark = np.ones(len(point), bool)
        new_mark[1:] = mark[1:] != mark[:-1]
        short = count[run] <= _SHORT_RUN
        chosen = short | new_mark
        chosen[first[count > 0]] = True
        point, run, along = point[chosen], run[chosen], along[chosen]
        count = np.bincount(run, minlength=n_runs)
        first = np.cumsum(count) - count
    data = b.points[point]
    flat_along = along
    flat_turn = turn[point]
    zeros = np.zeros((len(smooth), 2))
    none = np.full(len(smooth), -1)
    runs = _FlatRuns(
        data=data,
        u=_parameters(flat_along, flat_turn, count, first, span, settings.straight_share),
        count=count,
        first=first,
        start=np.concatenate([nodes.xy, zeros]),
        end=np.concatenate([nodes.xy[following], zeros]),
        closed=np.concatenate([np.zeros(n_open, bool), np.ones(len(smooth), bool)]),
        start_axis=np.concatenate([nodes.axis, none]),
        end_axis=np.concatenate([nodes.axis[following], none]),
    )
    return runs, layout


def _parameters(along, turn, count, first, span, straight_share: float) -> np.ndarray:
    """Initial spline parameters in [0, 1] for flat run points: arc length, stretched where the boundary turns.

    A run's spans are equal in parameter, so parameters proportional to arc
    length spread them evenly along straight stretches and starve the bends;
    giving ``1 - straight_share`` of each run's parameter range to its turning
    puts spans where the curve needs them (a long stroke ending in a hook fits
    with a few off-curve points instead of many).
    """
    n_runs = len(count)
    if len(along) == 0:
        return np.zeros(0)
    run = np.repeat(np.arange(n_runs), count)
    step = np.diff(along, prepend=0.0)
    has = count > 0
    step[first[has]] = along[first[has]]
    last = np.maximum(first + count - 1, 0)
    tail = span - np.where(has, along[last], 0.0)
    tail_turn = np.where(has, turn[last], 0.0)
    bend = step * turn
    total_bend = np.bincount(run, bend, minlength=n_runs) + tail * tail_turn
    share = np.where(total_bend > 1e-9, 1.0 - straight_share, 0.0)
    by_length = (1.0 - share) / span
    by_turn = share / np.maximum(total_bend, 1e-9)
    mass = step * by_length[run] + bend * by_turn[run]
    cumulative = np.cumsum(mass)
    u = cumulative - (cumulative - mass)[np.minimum(first, len(mass) - 1)][run]
    total = np.where(has, u[last], 0.0) + tail * by_length + tail * tail_turn * by_turn
    return u / np.maximum(total, 1e-12)[run]


def _line_errors(runs: _FlatRuns) -> np.ndarray:
    """Largest distance from each run's points to the straight segment between its ends."""
    run = runs.run
    s = runs.start[run]
    v = runs.end[run] - s
    length2 = np.maximum(np.einsum("ij,ij->i", v, v), 1e-12)
    t = np.clip(np.einsum("ij,ij->i", runs.data - s, v) / length2, 0.0, 1.0)
    distance = np.hypot(*(s + t[:, None] * v - runs.data).T)
    error = np.zeros(len(runs.count))
    has = runs.count > 0
    if len(distance):
        error[has] = np.maximum.reduceat(distance, runs.first[has])
    return error


def _fit(runs: _FlatRuns, curved: np.ndarray, tolerance: float, iterations: int) -> tuple[np.ndarray, np.ndarray]:
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


def _fit_in_buckets(runs: _FlatRuns, rows: np.ndarray, k: np.ndarray, iterations: int) -> tuple[np.ndarray, np.ndarray]:
    """``fit`` on the given rows, grouped by point count so short runs are not padded to the longest."""
    count = runs.count[rows]
    table = np.zeros((len(rows), int(k.max()) + 2, 2))
    error = np.zeros(len(rows))
    bucket = np.searchsorted(_BUCKETS, count)
    for b in np.unique(bucket):
        members = np.nonzero(bucket == b)[0]
        width = max(int(count[members].max()), 1)
        t, e = fit(runs.padded(rows[members]), k[members], iterations)
        table[members, : t.shape[1]] = t
        error[members] = e
    return table, error


def _assemble(nodes: _Nodes, n_offcurve: np.ndarray, offcurve: np.ndarray, raster: np.ndarray) -> PixelOutline:
    """Each open run is its node (on-curve) then its off-curve points; closed runs are off-curve points only."""
    n_contours, n_open = len(raster), len(nodes.arc)
    has_node = np.zeros(n_contours, bool)
    has_node[nodes.contour] = True
    run_contour = np.concatenate([nodes.contour, np.nonzero(~has_node)[0]])
    n_node = (np.arange(len(run_contour)) < n_open).astype(np.int64)
    # Open runs come sorted by contour; a stable sort slots each closed run in at its contour.
    order = np.argsort(run_contour, kind="stable")
    size = n_node + n_offcurve
    placed_start = np.zeros(len(run_contour), np.int64)
    placed_start[order] = np.cumsum(size[order]) - size[order]
    total = int(size.sum())
    points = np.empty((total, 2))
    on_curve = np.zeros(total, bool)
    node_at = placed_start[:n_open]
    points[node_at] = nodes.xy
    on_curve[node_at] = True
    off_run = np.repeat(np.arange(len(run_contour)), n_offcurve)
    first_off = np.cumsum(n_offcurve) - n_offcurve
    points[placed_start[off_run] + n_node[off_run] + np.arange(len(off_run)) - first_off[off_run]] = offcurve
    count = np.bincount(run_contour, size, minlength=n_contours).astype(np.int64)
    return PixelOutline(points, on_curve, count, raster)
