"""Cutting boundaries into runs at their nodes (on-curve points), with the points each run fits.

A run goes from one node to the next along its contour; a contour without
nodes is one closed run. Its fit points are the boundary points strictly
between, less a corner's rounded-off stretch, thinned to what a spline needs,
and stored flat, run after run, without sorting: every point's place along its
contour, counted from the contour's first node, tells its run and slot.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .boundaries import Boundaries, ring_gaps
from .splines import Runs

# Fit points: about one per this many radians of turn (over ± the corner window) in
# bends; runs this short keep every point.
_BEND_PER_POINT = 0.5
_SHORT_RUN = 12


@dataclass
class Nodes:
    """On-curve points cutting the boundaries into runs, sorted by contour, then along it."""

    place: np.ndarray  # (P,) position in its contour, in point steps from the contour's first point
    contour: np.ndarray  # (P,)
    arc: np.ndarray  # (P,) arc length along the contour
    xy: np.ndarray  # (P, 2) the on-curve point (pixels)
    skip: np.ndarray  # (P,) boundary length beside the node that fits ignore (a corner's rounding)
    axis: np.ndarray  # (P,) -1 at a corner; at an extremum the coordinate its neighbours share

    def merged(self, other: Nodes) -> Nodes:
        """Both sets of nodes, sorted."""
        fields = ("place", "contour", "arc", "xy", "skip", "axis")
        merged = {f: np.concatenate([getattr(self, f), getattr(other, f)]) for f in fields}
        order = np.lexsort((merged["place"], merged["contour"]))
        return Nodes(**{f: merged[f][order] for f in fields})


@dataclass
class RunPoints:
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
        data = (
            np.where(inside[:, :, None], self.data[index], 0.0)
            if len(self.data)
            else np.zeros((len(rows), width, 2))
        )
        u = np.where(inside, self.u[index], 0.0) if len(self.u) else np.zeros((len(rows), width))
        return Runs(
            data,
            count,
            u,
            self.start[rows],
            self.end[rows],
            self.closed[rows],
            self.start_axis[rows],
            self.end_axis[rows],
        )


@dataclass
class Membership:
    """Which run every boundary point falls in, and how far along it."""

    run: np.ndarray  # (N,)
    along: np.ndarray  # (N,) arc length from the run's start
    span: np.ndarray  # (R,) each run's arc length


def cut_runs(
    b: Boundaries, nodes: Nodes, turn: np.ndarray, fit_spacing: float, straight_share: float
) -> tuple[RunPoints, Membership]:
    """A run from each node to the next along its contour, then one closed run per boundary without nodes.

    ``turn`` is the boundary's turn at every point (radians within ± the corner window).
    """
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
    slot = np.where(
        is_open,
        np.mod(place - np.ceil(node_place[safe] if n_open else 0).astype(np.int64), b.count[b.contour]),
        place,
    )
    # Fits ignore the rounded-off boundary next to a corner.
    skip_start = np.where(is_open, np.minimum(nodes.skip[safe] if n_open else 0.0, 0.25 * span[run]), -1.0)
    skip_end = np.where(
        is_open, np.minimum(nodes.skip[following[safe]] if n_open else 0.0, 0.25 * span[run]), -1.0
    )
    membership = Membership(run, along, span)
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
        density = 1.0 / fit_spacing + turn[point] / _BEND_PER_POINT
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
    runs = RunPoints(
        data=data,
        u=_parameters(flat_along, flat_turn, count, first, span, straight_share),
        count=count,
        first=first,
        start=np.concatenate([nodes.xy, zeros]),
        end=np.concatenate([nodes.xy[following], zeros]),
        closed=np.concatenate([np.zeros(n_open, bool), np.ones(len(smooth), bool)]),
        start_axis=np.concatenate([nodes.axis, none]),
        end_axis=np.concatenate([nodes.axis[following], none]),
    )
    return runs, membership


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


def line_errors(runs: RunPoints) -> np.ndarray:
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
