"""Tidying traced contours in font units: straight axis-aligned strokes, no colinear points, no specks.

The last stage of the one-directional flow raster → clean → trace → tidy.
Each step is a small function on one contour (``points`` (N, 2) floats,
``on_curve`` (N,) bools, TrueType order) that returns a new contour, so it can
be tested and switched off on its own (:class:`~fontassist.vector.pixeltrace.TraceSettings`):

- :func:`merge_colinear`: an on-curve point between two lines that turn by less
  than an angle (and lies within a distance of the line joining its neighbours)
  goes, so one straight edge is one segment;
- :func:`snap_axis_lines`: each stretch of lines and curves that runs within an
  angle of horizontal (vertical) and stays inside a narrow band (the raster's
  wobble along a straight stroke edge) becomes one exactly horizontal (vertical)
  line at the stretch's mean y (x); the curve handles beside it move with it,
  so a stroke's two edges end up parallel at the stroke's measured width.

:func:`fit_ink_box` and :func:`drop_small_contours` work on a whole glyph.
Contours of off-curve points only (dots, rings) are left as they are.
"""

from __future__ import annotations

import math

import numpy as np


def _nodes(points: np.ndarray, on_curve: np.ndarray):
    """Split a contour into on-curve nodes, each with the off-curve points that follow it."""
    first = int(np.argmax(on_curve))
    # One float copy of the contour from its first node on; each point is a row of it (the steps
    # move points in place, and no two nodes share a row).
    rows = (
        np.array(points, float)
        if first == 0
        else np.concatenate([points[first:], points[:first]]).astype(float)
    )
    flags = on_curve.tolist()
    nodes: list[list] = []
    for row, on in zip(rows, flags[first:] + flags[:first], strict=True):
        if on:
            nodes.append([row, []])
        else:
            nodes[-1][1].append(row)
    return nodes


def _contour(nodes) -> tuple[np.ndarray, np.ndarray]:
    points, flags = [], []
    for node, offs in nodes:
        points.append(node)
        flags.append(True)
        points.extend(offs)
        flags.extend([False] * len(offs))
    return np.asarray(points, float).reshape(-1, 2), np.asarray(flags, bool)


def _distance_to_line(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> float:
    """Distance of (px, py) from the line through (ax, ay) and (bx, by), in plain floats."""
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    if length == 0:
        return math.hypot(px - ax, py - ay)
    return abs(dx * (py - ay) - dy * (px - ax)) / length


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
            # Plain floats: a contour has hundreds of nodes, numpy's cost per 2-vector dominated.
            (ax, ay), (bx, by), (cx, cy) = prev[0].tolist(), here[0].tolist(), after[0].tolist()
            d1x, d1y, d2x, d2y = bx - ax, by - ay, cx - bx, cy - by
            if not (d1x or d1y) or not (d2x or d2y):
                del nodes[k]
                changed = True
                continue
            turn = abs(math.degrees(math.atan2(d1x * d2y - d1y * d2x, d1x * d2x + d1y * d2y)))
            if turn < turn_degrees and _distance_to_line(bx, by, ax, ay, cx, cy) <= deviation:
                del nodes[k]
                changed = True
                continue
            k += 1
    return _contour(nodes)


def snap_axis_lines(
    points: np.ndarray, on_curve: np.ndarray, axis_degrees: float, max_spread: float
) -> tuple[np.ndarray, np.ndarray]:
    """Stretches of the contour that run within ``axis_degrees`` of horizontal (then
    vertical) and stay inside a band ``max_spread`` wide across it become one exact
    axis line at the stretch's mean coordinate.

    A stretch is whole segments, node to node, lines or curves (a curve counts by
    points along it), all heading the same way; wider or steeper
    stretches (real slants, real bends) are left alone. The curve handles beside a
    snapped stretch move with it, keeping their tangents.
    """
    if not on_curve.any():
        return points, on_curve
    nodes = _nodes(points, on_curve)
    for axis in (1, 0):  # 1: horizontal stretches share y; 0: vertical ones share x
        nodes = _snap(nodes, axis, axis_degrees, max_spread)
    return _contour(nodes)


def _stretches(nodes, axis: int, axis_degrees: float, max_spread: float) -> list[list[int]]:
    """Runs of consecutive segments (by start node) that together fit the band and the angle.

    First the longest runs that fit the band, whatever each segment's own lean: a hole's
    roof or a stroke edge's kink, two or three leaning pieces whose ends lie level, is one
    stretch when the whole run keeps within the angle. Runs that do not are split into
    stretches whose every prefix keeps within the angle, as before.
    """
    n = len(nodes)
    along = 1 - axis
    slope = math.tan(math.radians(axis_degrees))

    # Plain floats, and each segment's extent across the axis worked out once: the searches
    # below try many chains per segment (a 256 px trace has thousands of segments per glyph).
    starts = [(float(node[0][0]), float(node[0][1])) for node in nodes]
    lows, highs = [], []
    for k in range(n):
        offs = [float(p[axis]) for p in nodes[k][1]]
        across = _curve_levels(starts[k][axis], offs, starts[(k + 1) % n][axis])
        lows.append(min(across))
        highs.append(max(across))
    # The band each chain spans, by (first segment, length): the searches only ever grow a chain
    # of consecutive segments by the next one, so each extent is one min and max more than the last.
    spans: dict[tuple[int, int], tuple[float, float]] = {}

    def leans_little(chain, k) -> bool:
        start, end = starts[chain[0] if chain else k], starts[(k + 1) % n]
        return abs(end[axis] - start[axis]) <= slope * abs(end[along] - start[along])

    def in_band(chain, k) -> bool:
        start, end = starts[chain[0] if chain else k], starts[(k + 1) % n]
        run = end[along] - start[along]
        step = end[along] - starts[k][along]
        if not (step != 0 or chain):  # a step across the axis only inside a stretch
            return False
        if chain and step != 0 and _sign(step) != _sign(run):
            return False
        if chain:
            low, high = spans.get((chain[0], len(chain))) or (
                min(lows[j] for j in chain),
                max(highs[j] for j in chain),
            )
            low, high = min(low, lows[k]), max(high, highs[k])
            spans[chain[0], len(chain) + 1] = low, high
        else:
            low, high = lows[k], highs[k]
        return high - low <= max_spread

    def fits(chain, k) -> bool:
        return in_band(chain, k) and leans_little(chain, k)

    def trimmed(chain):
        while chain and starts[(chain[-1] + 1) % n][along] == starts[chain[-1]][along]:
            chain = chain[:-1]  # a stretch ends heading along the axis
        return chain

    def runs(order, fits, alone) -> list[list[int]]:
        found, chain = [], []
        for k in [*order, None]:  # None closes the last chain
            if k is not None and chain and fits(chain, k):
                chain.append(k)
                continue
            kept = trimmed(chain)
            if kept:
                found.append(kept)
            chain = [k] if k is not None and alone[k] else []
        return found

    alone = [fits([], k) for k in range(n)]
    banded = [in_band([], k) for k in range(n)]
    if all(banded) or not any(banded):
        if all(alone) or not any(alone):
            return []
        begin = next(k for k in range(n) if not alone[k]) + 1  # no stretch wraps round the start
        return runs([(begin + i) % n for i in range(n)], fits, alone)
    begin = next(k for k in range(n) if not banded[k]) + 1
    chains: list[list[int]] = []
    for run in runs([(begin + i) % n for i in range(n)], in_band, banded):
        if leans_little(run[:-1], run[-1]):
            chains.append(run)
        else:
            chains.extend(runs(run, fits, alone))
    return chains


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def _curve_levels(start: float, offs: list[float], end: float) -> list[float]:
    """One coordinate (plain floats) of the points on a TrueType segment: its ends, the implied
    on-curve points between its off-curve points, and the middle of each quadratic piece."""
    if not offs:
        return [start, end]
    ons = [start] + [(a + b) / 2 for a, b in zip(offs[:-1], offs[1:], strict=True)] + [end]
    levels = [start]
    for a, c, b in zip(ons[:-1], offs, ons[1:], strict=True):
        levels += [0.25 * a + 0.5 * c + 0.25 * b, b]
    return levels


def _snap(nodes, axis: int, axis_degrees: float, max_spread: float):
    n = len(nodes)
    if n < 3:
        return nodes
    drop = set()
    planned = []
    for chain in _stretches(nodes, axis, axis_degrees, max_spread):
        weights, levels = [], []
        for k in chain:
            a, b = nodes[k][0], nodes[(k + 1) % n][0]
            weights.append(math.hypot(*(b - a)))
            offs = [float(p[axis]) for p in nodes[k][1]]
            levels.append(np.mean(_curve_levels(float(a[axis]), offs, float(b[axis]))))
        total = sum(weights)
        planned.append(
            (chain, float(np.round(np.average(levels, weights=weights) if total else np.mean(levels))))
        )
    # A node where one stretch ends and the next begins at another level (a counter's short end
    # shared out between its two long sides) cannot lie on both: it becomes a step square to the
    # axis, one node on each level, rather than leaving one of the two stretches leaning.
    starting = {chain[0]: level for chain, level in planned}
    steps = {}
    for chain, level in planned:
        last = (chain[-1] + 1) % n
        if starting.get(last, level) != level:
            steps[last] = (level, starting[last])
    for chain, level in planned:
        first, last = chain[0], (chain[-1] + 1) % n
        for k in [*chain, last]:
            delta = level - nodes[k][0][axis]
            nodes[k][0][axis] = level
            # The curve handles beside the stretch move with it, keeping their tangents.
            if k == last and nodes[k][1]:
                nodes[k][1][0][axis] += delta
            before = nodes[(k - 1) % n][1]
            if k == first and before:
                before[-1][axis] += delta
        for k in chain:
            nodes[k][1] = []  # the stretch is a line now
        drop.update(chain[1:])  # interior nodes lie on it
    out = []
    for k, node in enumerate(nodes):
        if k in drop:
            continue
        if k in steps:
            ending, beginning = steps[k]
            arrival = node[0].copy()
            arrival[axis] = ending
            node[0][axis] = beginning
            out.append([arrival, []])
        out.append(node)
    return out


def _nodes_of_four(points: np.ndarray, on_curve: np.ndarray):
    """The contour's nodes when it has on-curve points and at least four nodes (what a corner or a
    fold needs around it), else None."""
    if not on_curve.any():
        return None
    nodes = _nodes(points, on_curve)
    return nodes if len(nodes) >= 4 else None


def unfold(points: np.ndarray, on_curve: np.ndarray, max_length: float) -> tuple[np.ndarray, np.ndarray]:
    """A short segment (chord at most ``max_length``) that runs back against the contour at both
    of its ends is a fold, a zig-zag of a unit or two that rounding a union's cuts leaves (held-out
    陰). It becomes a straight step square to the edge it leaves: its end moves back level with
    its start along that edge, so a horizontal (vertical) edge on either side stays exactly so.
    A fold's curves only touch, so skia-pathops' union keeps it, but flattened they cross."""
    nodes = _nodes_of_four(points, on_curve)
    if nodes is None:
        return points, on_curve
    n = len(nodes)
    for k in range(n):
        before, (start, offs), after = nodes[k - 1], nodes[k], nodes[(k + 1) % n]
        end = after[0]
        if math.hypot(*(end - start)) > max_length or not (end - start).any():
            continue
        arriving = start - (before[1][-1] if before[1] else before[0])
        heading = end - (offs[-1] if offs else start)
        going = (after[1][0] if after[1] else nodes[(k + 2) % n][0]) - end
        if arriving.any() and arriving @ ((offs[0] if offs else end) - start) < 0 and heading @ going < 0:
            direction = arriving / math.hypot(*arriving)
            nodes[k][1] = []
            after[0] = np.round(end - ((end - start) @ direction) * direction)
    return _contour(nodes)


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
