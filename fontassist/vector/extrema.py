"""Extrema of curved boundaries: where a curve runs exactly horizontally or vertically.

Type designers put on-curve points at the extremes of every curve, and for a
fit they are the natural places to cut a long curved run (a stroke with a
rounded end, a bowl): each piece between extrema turns less than a quarter
circle, so one or two off-curve points fit it, and the tangent there is known
exactly (horizontal or vertical), which keeps the joint smooth.

A point is an extremum of y where the chord tangent's y component changes
sign between it and the next point, and y there stands out from y a few
pixels before and after by more than noise (a straight horizontal edge has
noisy signs but no such bump).
"""

from __future__ import annotations

import numpy as np

from .boundaries import Boundaries


def find_extrema(b: Boundaries, eligible: np.ndarray, window: float, prominence: float, spacing: float):
    """Extrema among the boundary points marked ``eligible`` (and their successors).

    Returns, per extremum: the boundary point it follows, the fraction of the
    way to the next point, its position (pixel x, y), and its axis, the
    coordinate that is extreme there: 1 for y (the curve runs horizontally),
    0 for x. The off-curve points on both sides share that coordinate.
    """
    index = np.nonzero(eligible & eligible[b.following])[0]
    empty = (np.zeros(0, np.int64), np.zeros(0), np.zeros((0, 2)), np.zeros(0, np.int64))
    if len(index) == 0:
        return empty
    contour, arc = b.contour[index], b.arc[index]
    nxt = b.following[index]
    step = b.step[index]
    tangent = b.position(contour, arc + window) - b.position(contour, arc - window)
    tangent_next = b.position(contour, arc + step + window) - b.position(contour, arc + step - window)
    found_index, found_fraction, found_axis = [], [], []
    for axis in (0, 1):
        # An extremum of coordinate `axis` is where the tangent's `axis` component changes sign.
        # Components within rounding noise of zero count as zero, so a batch and a single
        # glyph (whose arc lengths differ in the last bits) find the same extrema.
        a = np.where(np.abs(tangent[:, axis]) < 1e-9, 0.0, tangent[:, axis])
        c = np.where(np.abs(tangent_next[:, axis]) < 1e-9, 0.0, tangent_next[:, axis])
        crossing = np.nonzero(((a > 0) & (c <= 0)) | ((a < 0) & (c >= 0)))[0]
        if len(crossing) == 0:
            continue
        fraction = np.clip(a[crossing] / (a[crossing] - c[crossing]), 0.0, 1.0)
        at = arc[crossing] + fraction * step[crossing]
        here = b.points[index[crossing], axis] + fraction * (
            b.points[nxt[crossing], axis] - b.points[index[crossing], axis]
        )
        before = b.position(contour[crossing], at - 1.5 * window)[:, axis]
        after = b.position(contour[crossing], at + 1.5 * window)[:, axis]
        bump = np.minimum(here - before, here - after)
        dip = np.minimum(before - here, after - here)
        keep = np.maximum(bump, dip) > prominence
        found_index.append(index[crossing[keep]])
        found_fraction.append(fraction[keep])
        found_axis.append(np.full(int(keep.sum()), axis))
    if not found_index:
        return empty
    point = np.concatenate(found_index)
    fraction = np.concatenate(found_fraction)
    axis = np.concatenate(found_axis)
    order = np.lexsort((fraction, point))
    point, fraction, axis = point[order], fraction[order], axis[order]
    # Noise can flip a tangent twice in a row: keep the first of extrema closer than `spacing`.
    position_arc = b.arc[point] + fraction * b.step[point]
    same = np.zeros(len(point), bool)
    same[1:] = (b.contour[point[1:]] == b.contour[point[:-1]]) & (
        position_arc[1:] - position_arc[:-1] < spacing
    )
    point, fraction, axis = point[~same], fraction[~same], axis[~same]
    xy = b.points[point] + fraction[:, None] * (b.points[b.following[point]] - b.points[point])
    return point, fraction, xy, axis


def find_flats(
    b: Boundaries,
    run: np.ndarray,
    along: np.ndarray,
    span: np.ndarray,
    curved: np.ndarray,
    window: float,
    max_slope: float,
    min_length: float,
    clear: float,
    tolerance: float,
    closed: np.ndarray | None = None,
):
    """The ends of straight horizontal or vertical stretches inside curved runs (flat extrema).

    A rounded rectangle has no extreme point, only extreme edges; the designer's
    on-curve points sit where those straight edges meet the curves, and the
    curve leaves along the edge. A stretch counts when its chord tangents stay
    within ``max_slope`` of the axis for at least ``min_length`` px and its
    points lie within ``tolerance`` of their mean line. Ends within ``clear``
    of the run's ends are left to the corner there. A closed run (a contour without corners,
    ``closed``) has no ends: it is read from a point off any stretch, so a stretch across
    the contour's first point is one stretch, not two cut short. Returns, per end: the
    boundary point, its position (pixel x, y, on the stretch's line) and the
    shared coordinate (1: a horizontal stretch, y; 0: a vertical one, x).
    """
    index = np.nonzero(curved[run])[0]
    empty = (np.zeros(0, np.int64), np.zeros((0, 2)), np.zeros(0, np.int64))
    if len(index) == 0:
        return empty
    contour, arc = b.contour[index], b.arc[index]
    tangent = np.abs(b.position(contour, arc + window) - b.position(contour, arc - window))
    kind = np.where(
        tangent[:, 1] <= max_slope * tangent[:, 0],
        1,
        np.where(tangent[:, 0] <= max_slope * tangent[:, 1], 0, -1),
    )
    a = along[index]
    loop = np.zeros(len(index), bool) if closed is None else closed[run[index]]
    if loop.any():
        # Start each closed run at its first point off any stretch (if it has one).
        start = np.full(len(span), np.inf)
        np.minimum.at(start, run[index][kind < 0], a[kind < 0])
        start = np.where(np.isfinite(start), start, 0.0)[run[index]]
        a = np.where(loop, np.mod(a - start, span[run[index]]), a)
    order = np.lexsort((a, run[index]))
    index, kind, a, loop = index[order], kind[order], a[order], loop[order]
    r = run[index]
    # Groups: consecutive points of one run with one kind and no gap.
    new = np.ones(len(index), bool)
    new[1:] = (r[1:] != r[:-1]) | (kind[1:] != kind[:-1]) | (a[1:] - a[:-1] > 2.0)
    head = np.nonzero(new)[0]
    tail = np.append(head[1:], len(index)) - 1
    keep = (kind[head] >= 0) & (a[tail] - a[head] >= min_length)
    head, tail = head[keep], tail[keep]
    if len(head) == 0:
        return empty
    axis = kind[head]
    size = tail - head + 1
    members = index[_ranges(head, size)]
    values = b.points[members, np.repeat(axis, size)]
    group = np.repeat(np.arange(len(head)), size)
    level = np.bincount(group, values, minlength=len(head)) / size
    spread = np.zeros(len(head))
    np.maximum.at(spread, group, np.abs(values - level[group]))
    straight = spread <= tolerance
    head, tail, axis, level = head[straight], tail[straight], axis[straight], level[straight]
    out_point, out_xy, out_axis = [], [], []
    for end, keep_end in (
        (head, loop[head] | (a[head] > clear)),
        (tail, loop[tail] | (a[tail] < span[r[tail]] - clear)),
    ):
        point = index[end[keep_end]]
        xy = b.points[point].copy()
        ax = axis[keep_end]
        xy[np.arange(len(point)), ax] = level[keep_end]
        out_point.append(point)
        out_xy.append(xy)
        out_axis.append(ax)
    return np.concatenate(out_point), np.concatenate(out_xy), np.concatenate(out_axis)


def _ranges(start: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(start[i], start[i] + size[i])``."""
    offsets = np.arange(int(size.sum())) - np.repeat(np.cumsum(size) - size, size)
    return np.repeat(start, size) + offsets
