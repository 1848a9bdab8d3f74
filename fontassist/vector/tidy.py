"""Tidying traced contours in font units: straight axis-aligned strokes, no colinear points, no specks.

The last stage of the one-directional flow raster → clean → trace → tidy.
Each step is a small function on one contour (``points`` (N, 2) floats,
``on_curve`` (N,) bools, TrueType order) that returns a new contour, so it can
be tested and switched off on its own (:class:`~fontassist.vector.pixeltrace.TraceSettings`):

- :func:`flatten_near_lines`: a curved run whose off-curve points hug the chord
  between its on-curve ends, and whose chord is near horizontal or vertical,
  becomes a line (the raster's wobble along a straight stroke edge);
- :func:`merge_colinear`: an on-curve point between two lines that turn by less
  than an angle (and lies within a distance of the line joining its neighbours)
  goes, so one straight edge is one segment;
- :func:`snap_axis_lines`: each chain of consecutive lines within an angle of
  horizontal (vertical) becomes one exactly horizontal (vertical) line at the
  length-weighted mean of its y (x); the curve handles beside it move with it,
  so a stroke's two edges end up parallel at the stroke's measured width.

:func:`fit_ink_box` and :func:`drop_small_contours` work on a whole glyph.
Contours of off-curve points only (dots, rings) are left as they are.
"""

from __future__ import annotations

import math

import numpy as np


def _nodes(points: np.ndarray, on_curve: np.ndarray):
    """Split a contour into on-curve nodes, each with the off-curve points that follow it."""
    n = len(points)
    first = int(np.argmax(on_curve))
    order = [(first + i) % n for i in range(n)]
    nodes: list[list] = []
    for i in order:
        if on_curve[i]:
            nodes.append([points[i].astype(float), []])
        else:
            nodes[-1][1].append(points[i].astype(float))
    return nodes


def _contour(nodes) -> tuple[np.ndarray, np.ndarray]:
    points, flags = [], []
    for node, offs in nodes:
        points.append(node)
        flags.append(True)
        points.extend(offs)
        flags.extend([False] * len(offs))
    return np.asarray(points, float).reshape(-1, 2), np.asarray(flags, bool)


def _off_axis_degrees(d: np.ndarray) -> float:
    """Degrees between a direction and the nearest of horizontal and vertical."""
    dx, dy = abs(d[0]), abs(d[1])
    if dx == dy == 0:
        return 0.0
    return math.degrees(math.atan2(min(dx, dy), max(dx, dy)))


def _distance_to_line(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> float:
    d = b - a
    length = math.hypot(*d)
    if length == 0:
        return float(math.hypot(*(p - a)))
    return abs(d[0] * (p[1] - a[1]) - d[1] * (p[0] - a[0])) / length


def flatten_near_lines(
    points: np.ndarray, on_curve: np.ndarray, axis_degrees: float, deviation: float
) -> tuple[np.ndarray, np.ndarray]:
    """Curved runs with a near-axis chord and every off-curve point within ``2 × deviation``
    of it (the curve itself stays within ``deviation``) become lines."""
    if not on_curve.any():
        return points, on_curve
    nodes = _nodes(points, on_curve)
    for k, (start, offs) in enumerate(nodes):
        if not offs:
            continue
        end = nodes[(k + 1) % len(nodes)][0]
        chord = end - start
        if _off_axis_degrees(chord) <= axis_degrees and all(
            _distance_to_line(p, start, end) <= 2 * deviation for p in offs
        ):
            nodes[k][1] = []
    return _contour(nodes)


def merge_colinear(
    points: np.ndarray, on_curve: np.ndarray, turn_degrees: float, deviation: float
) -> tuple[np.ndarray, np.ndarray]:
    """Drop on-curve points between two lines turning by less than ``turn_degrees`` that lie
    within ``deviation`` of the line joining their neighbours."""
    if not on_curve.any():
        return points, on_curve
    nodes = _nodes(points, on_curve)
    changed = True
    while changed and len(nodes) > 3:
        changed = False
        k = 0
        while k < len(nodes) and len(nodes) > 3:
            prev = nodes[k - 1]
            here = nodes[k]
            after = nodes[(k + 1) % len(nodes)]
            if prev[1] or here[1]:  # a curve on either side
                k += 1
                continue
            a, b, c = prev[0], here[0], after[0]
            d1, d2 = b - a, c - b
            if not d1.any() or not d2.any():
                del nodes[k]
                changed = True
                continue
            turn = abs(math.degrees(math.atan2(d1[0] * d2[1] - d1[1] * d2[0], d1 @ d2)))
            if turn < turn_degrees and _distance_to_line(b, a, c) <= deviation:
                del nodes[k]
                changed = True
                continue
            k += 1
    return _contour(nodes)


def snap_axis_lines(
    points: np.ndarray, on_curve: np.ndarray, axis_degrees: float, max_spread: float
) -> tuple[np.ndarray, np.ndarray]:
    """Each chain of consecutive lines within ``axis_degrees`` of horizontal (then vertical)
    becomes one exact axis line at the chain's length-weighted mean coordinate, unless its
    points spread over more than ``max_spread`` across the axis (a long, real slant)."""
    if not on_curve.any():
        return points, on_curve
    nodes = _nodes(points, on_curve)
    for axis in (1, 0):  # 1: horizontal lines share y; 0: vertical lines share x
        nodes = _snap(nodes, axis, axis_degrees, max_spread)
    return _contour(nodes)


def _snap(nodes, axis: int, axis_degrees: float, max_spread: float):
    n = len(nodes)
    if n < 3:
        return nodes
    along = 1 - axis

    def is_axis_line(k: int) -> bool:
        start, offs = nodes[k]
        if offs:
            return False
        d = nodes[(k + 1) % n][0] - start
        return abs(d[along]) > abs(d[axis]) and _off_axis_degrees(d) <= axis_degrees

    flags = [is_axis_line(k) for k in range(n)]
    if all(flags):
        return nodes
    # Chains of axis lines, starting after a non-axis segment so none wraps round the start.
    begin = next(k for k in range(n) if not flags[k]) + 1
    chains: list[list[int]] = []
    for step in range(n):
        k = (begin + step) % n
        if flags[k]:
            if chains and chains[-1][-1] == (k - 1) % n and flags[(k - 1) % n]:
                chains[-1].append(k)
            else:
                chains.append([k])
    drop = set()
    for chain in chains:
        ends = [nodes[k][0] for k in chain] + [nodes[(chain[-1] + 1) % n][0]]
        across = [p[axis] for p in ends]
        if max(across) - min(across) > max_spread:
            continue
        lengths = np.array([math.hypot(*(b - a)) for a, b in zip(ends[:-1], ends[1:], strict=True)])
        middles = np.array([(a[axis] + b[axis]) / 2 for a, b in zip(ends[:-1], ends[1:], strict=True)])
        level = float(np.round(np.average(middles, weights=lengths) if lengths.sum() else middles.mean()))
        members = chain + [(chain[-1] + 1) % n]
        for k in members:
            delta = level - nodes[k][0][axis]
            nodes[k][0][axis] = level
            # The curve handles beside the chain move with it, keeping their tangents.
            if nodes[k][1] and k == members[-1]:
                nodes[k][1][0][axis] += delta
            before = nodes[(k - 1) % n][1]
            if before and k == members[0]:
                before[-1][axis] += delta
        drop.update(chain[1:])  # interior points now lie on the line
    return [node for k, node in enumerate(nodes) if k not in drop]


def contour_area(points: np.ndarray) -> float:
    """Signed area of the control polygon (y-up, counter-clockwise positive)."""
    x, y = points[:, 0], points[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))


def drop_small_contours(contours: list, min_area: float) -> list:
    """The (points, on_curve) contours whose control polygon encloses at least ``min_area``."""
    return [(p, f) for p, f in contours if abs(contour_area(p)) >= min_area]


def fit_ink_box(contours: list, box) -> tuple[list, bool]:
    """Scale (about the ink's centre) and shift a glyph's contours so its control points lie
    inside ``box`` = (x_min, y_min, x_max, y_max); only when they do not already.

    Returns the contours and whether they were moved.
    """
    if not contours:
        return contours, False
    allpoints = np.concatenate([p for p, _ in contours])
    lo, hi = allpoints.min(axis=0), allpoints.max(axis=0)
    box_lo, box_hi = np.asarray(box[:2], float), np.asarray(box[2:], float)
    if (lo >= box_lo).all() and (hi <= box_hi).all():
        return contours, False
    size, room = hi - lo, box_hi - box_lo
    scale = float(min(1.0, *(room[size > 0] / size[size > 0])))
    centre = (lo + hi) / 2
    new_lo, new_hi = centre + (lo - centre) * scale, centre + (hi - centre) * scale
    shift = np.maximum(box_lo - new_lo, 0) - np.maximum(new_hi - box_hi, 0)
    moved = []
    for p, f in contours:
        q = centre + (p - centre) * scale + shift
        # Round inwards at the box edges so rounding cannot push a point back out.
        moved.append((np.clip(np.round(q), np.ceil(box_lo), np.floor(box_hi)), f))
    return moved, True
