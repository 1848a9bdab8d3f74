"""Removing overlaps and self-intersections, glyph by glyph, with skia-pathops.

skia-pathops (BSD licence, plain wheels for Windows, macOS and Linux, already a
fontassist dependency) computes the union of a glyph's contours under the
non-zero rule and winds outer contours clockwise, holes counter-clockwise. Its
quadratic segments come back with TrueType's implied on-curve points where
they were, and any on-curve point lying exactly halfway between two off-curve
neighbours is dropped, so the point count stays what the fit made.
"""

from __future__ import annotations

import numpy as np
import pathops


def union_by_raster(
    points: np.ndarray, on_curve: np.ndarray, count: np.ndarray, raster: np.ndarray, n_rasters: int
):
    """Each raster's contours (integer font units, rasters non-decreasing) as their clean union.

    Returns points (float: cuts fall between units), on-curve flags, points per
    contour and each contour's raster.
    """
    out_points: list = []
    out_flags: list = []
    out_counts: list = []
    out_rasters: list = []
    bounds = np.searchsorted(raster, np.arange(n_rasters + 1))
    stops = np.cumsum(count)
    for r in range(n_rasters):
        lo, hi = bounds[r], bounds[r + 1]
        if lo == hi:
            continue
        first, last = int(stops[lo] - count[lo]), int(stops[hi - 1])
        added = _union(
            points[first:last].tolist(),
            on_curve[first:last].tolist(),
            count[lo:hi].tolist(),
            out_points,
            out_flags,
            out_counts,
        )
        out_rasters.extend([r] * added)
    array = np.array(out_points, float).reshape(-1, 2)
    flags = np.array(out_flags, bool)
    counts = np.array(out_counts, np.int64)
    implied = _implied(array, flags, counts)
    if implied.any():
        contour = np.repeat(np.arange(len(counts)), counts)
        keep = ~implied
        array, flags, counts = array[keep], flags[keep], np.bincount(contour[keep], minlength=len(counts))
    return array, flags, counts, np.array(out_rasters, np.int64)


def _union(
    points: list, on_curve: list, count: list, out_points: list, out_flags: list, out_counts: list
) -> int:
    """Union of one glyph's contours under non-zero fill, TrueType-wound, appended to the ``out`` lists.

    Returns how many contours were appended. Points are floats where skia-pathops cut curves.
    """
    path = pathops.Path()
    first = 0
    for n in count:
        _add_to_path(path, points[first : first + n], on_curve[first : first + n])
        first += n
    simplified = pathops.simplify(path, fix_winding=True, keep_starting_points=True, clockwise=True)
    added = 0
    size = 0
    for verb, args in simplified.segments:
        if verb == "moveTo":
            out_points.append(args[0])
            out_flags.append(True)
            size = 1
        elif verb == "lineTo":
            out_points.append(args[0])
            out_flags.append(True)
            size += 1
        elif verb == "qCurveTo" and args[-1] is None:  # a contour of off-curve points only
            out_points.extend(args[:-1])
            out_flags.extend([False] * (len(args) - 1))
            size += len(args) - 1
        elif verb == "qCurveTo":
            out_points.extend(args)
            out_flags.extend([False] * (len(args) - 1) + [True])
            size += len(args)
        elif verb in ("closePath", "endPath"):
            if size > 1 and out_flags[-1] and out_points[-1] == out_points[-size]:
                out_points.pop()
                out_flags.pop()
                size -= 1
            if size:
                out_counts.append(size)
                added += 1
            size = 0
        else:
            raise ValueError(f"unexpected {verb} from skia-pathops")
    return added


def _implied(points: np.ndarray, on_curve: np.ndarray, count: np.ndarray) -> np.ndarray:
    """On-curve points that sit exactly halfway between off-curve neighbours, so TrueType can imply them."""
    start = np.concatenate([[0], np.cumsum(count)[:-1]])
    contour = np.repeat(np.arange(len(count)), count)
    index = np.arange(len(points))
    last = (start + count - 1)[contour]
    previous = np.where(index == start[contour], last, index - 1)
    following = np.where(index == last, start[contour], index + 1)
    between = on_curve & ~on_curve[previous] & ~on_curve[following]
    return between & np.all(2.0 * points == points[previous] + points[following], axis=1)


def _add_to_path(path: pathops.Path, points: list, on_curve: list) -> None:
    """Add one contour, implied on-curve points made explicit, to a skia path."""
    n = len(points)
    if any(on_curve):
        first = on_curve.index(True)
        start = points[first]
        order = [(i + first) % n for i in range(1, n)]
    else:  # all off-curve: start at the implied point between the last and the first
        start = [(points[-1][0] + points[0][0]) / 2.0, (points[-1][1] + points[0][1]) / 2.0]
        order = list(range(n))
    path.moveTo(*start)
    control = None
    for i in order:
        point = points[i]
        if on_curve[i]:
            if control is None:
                path.lineTo(*point)
            else:
                path.quadTo(*control, *point)
                control = None
        else:
            if control is not None:
                path.quadTo(*control, (control[0] + point[0]) / 2.0, (control[1] + point[1]) / 2.0)
            control = point
    if control is not None:
        path.quadTo(*control, *start)
    path.close()
