"""Tracing a glyph raster into any fontTools pen, in the target font's units.

``trace(raster, frame, pen)`` maps the pixel contours of
:func:`~fontassist.vector.outline.trace_pixels` through the same
:class:`~fontassist.fonts.emframe.EmFrame` that made the raster and rounds
them to integer font units. skia-pathops (already a dependency, plain wheels
everywhere) then removes any overlap or self-intersection that fitting within
tolerance could have made in a tight gap and winds outer contours clockwise,
holes counter-clockwise, as TrueType wants; points its cuts create are rounded
too, and points that rounding made coincide are merged, so no segment has
zero length. What reaches the pen is TrueType quadratics only: ``moveTo`` /
``lineTo`` / ``qCurveTo`` / ``closePath`` (a contour of only off-curve points
is ``qCurveTo(..., None)``), so it feeds ``TTGlyphPen`` directly as well as
SVG, recording or Qt pens.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

import numpy as np
import pathops
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

from ..fonts.emframe import EmFrame
from .outline import PixelOutline, TraceSettings, trace_pixels

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TraceStats:
    """What a trace drew: contour and point counts (points as a glyf table stores them)."""

    contours: int
    on_curve: int
    off_curve: int

    @property
    def points(self) -> int:
        return self.on_curve + self.off_curve


@dataclass
class FontOutline:
    """Contours in integer font units, contour after contour."""

    points: np.ndarray  # (P, 2) int64
    on_curve: np.ndarray  # (P,) bool
    count: np.ndarray  # (C,)

    def contours(self):
        """(points, on_curve) of each contour."""
        stops = np.cumsum(self.count)
        for stop, n in zip(stops.tolist(), self.count.tolist()):
            yield self.points[stop - n : stop], self.on_curve[stop - n : stop]

    def draw(self, pen) -> None:
        for points, on_curve in self.contours():
            _draw_contour(points.tolist(), on_curve.tolist(), pen)

    def stats(self) -> TraceStats:
        on = int(self.on_curve.sum())
        return TraceStats(len(self.count), on, len(self.on_curve) - on)


def trace(
    raster,
    frame: EmFrame,
    pen,
    *,
    tolerance: float = TraceSettings.tolerance,
    speck_area: float = TraceSettings.speck_area,
    threshold: float = TraceSettings.threshold,
    **options,
) -> TraceStats:
    """Draw the glyph in ``raster`` into ``pen``, in font units through ``frame``.

    ``raster``: uint8 coverage (0 paper, 255 ink), anti-aliased or not, on
    ``frame``'s ``size`` × ``size`` pixel grid. ``tolerance``: how far (px) the
    outline may stray from the raster's ``threshold`` level line;
    ``speck_area``: ink specks and holes enclosing less than this (px²) are
    dropped. Further ``options`` are :class:`TraceSettings` fields. Returns the
    counts of what was drawn.
    """
    outline = trace_outline(raster, frame, tolerance=tolerance, speck_area=speck_area, threshold=threshold, **options)
    outline.draw(pen)
    return outline.stats()


def trace_outline(raster, frame: EmFrame, **options) -> FontOutline:
    """The traced glyph as integer font-unit contours (what :func:`trace` draws)."""
    array = np.asarray(raster)
    if array.ndim != 2 or array.dtype != np.uint8:
        raise ValueError(f"a glyph raster is a 2-D uint8 array (0 paper, 255 ink), not {array.dtype} of shape {array.shape}")
    if array.shape != (frame.size, frame.size):
        raise ValueError(f"the raster is {array.shape[1]}×{array.shape[0]} px but the em frame is {frame.size} px")
    settings = replace(TraceSettings(), **options)
    pixels = trace_pixels(array, settings)
    if len(pixels.count) == 0:
        return FontOutline(np.zeros((0, 2), np.int64), np.zeros(0, bool), np.zeros(0, np.int64))
    return _remove_overlaps(_to_font_units(pixels, frame))


def trace_to_glyph(raster, frame: EmFrame, **options):
    """The traced glyph as a fontTools ``glyf`` Glyph (quadratic, integer coordinates)."""
    pen = TTGlyphPen(None)
    trace(raster, frame, pen, **options)
    return pen.glyph()


def trace_to_svg_path(raster, frame: EmFrame, **options) -> str:
    """The traced glyph as SVG path data in font units (y-up, as in the font)."""
    pen = SVGPathPen(None)
    trace(raster, frame, pen, **options)
    return pen.getCommands()


def _to_font_units(pixels: PixelOutline, frame: EmFrame) -> FontOutline:
    x, y = frame.to_font_units(pixels.points[:, 0], pixels.points[:, 1])
    points = np.round(np.stack([x, y], axis=1)).astype(np.int64)
    return _clean(points, pixels.on_curve, pixels.count)


def _clean(points: np.ndarray, on_curve: np.ndarray, count: np.ndarray) -> FontOutline:
    """Merge consecutive equal points and drop contours left enclosing nothing.

    Two equal off-curve points imply an on-curve point where they are, so the
    point that stays is on-curve whenever it had a twin.
    """
    start = np.concatenate([[0], np.cumsum(count)[:-1]])
    contour = np.repeat(np.arange(len(count)), count)
    index = np.arange(len(points))
    previous = np.where(index == start[contour], start[contour] + count[contour] - 1, index - 1)
    twin = np.all(points == points[previous], axis=1) & (count[contour] > 1)
    following = np.empty_like(previous)
    following[previous] = index
    on_curve = on_curve | twin[following]
    keep = ~twin
    points, on_curve, contour = points[keep], on_curve[keep], contour[keep]
    count = np.bincount(contour, minlength=len(count))
    # Shoelace over the control polygon: zero when every point lies on one line.
    start = np.concatenate([[0], np.cumsum(count)[:-1]])
    index = np.arange(len(points))
    following = np.where(index == (start + count - 1)[contour], start[contour], index + 1)
    x, y = points[:, 0], points[:, 1]
    area = np.bincount(contour, x * y[following] - x[following] * y, minlength=len(count))
    good = (count >= 3) & (area != 0)
    if not good.all():
        keep = good[contour]
        points, on_curve, count = points[keep], on_curve[keep], count[good]
    return FontOutline(points, on_curve, count)


def _draw_contour(points: list, on_curve: list, pen) -> None:
    """One closed contour into a pen; ``points`` as lists or tuples, ``on_curve`` as bools."""
    n = len(points)
    if not any(on_curve):
        pen.qCurveTo(*map(tuple, points), None)
        pen.closePath()
        return
    first = on_curve.index(True)
    pen.moveTo(tuple(points[first]))
    pending = []
    for i in range(first + 1, first + n + 1):
        point = tuple(points[i % n])
        if i == first + n:
            if pending:
                pen.qCurveTo(*pending, point)
        elif on_curve[i % n]:
            if pending:
                pen.qCurveTo(*pending, point)
                pending = []
            else:
                pen.lineTo(point)
        else:
            pending.append(point)
    pen.closePath()


def _remove_overlaps(outline: FontOutline) -> FontOutline:
    """Union of the contours under non-zero fill, TrueType-wound, back on integer points."""
    path = pathops.Path()
    for points, on_curve in outline.contours():
        _add_to_path(path, points.tolist(), on_curve.tolist())
    simplified = pathops.simplify(path, fix_winding=True, keep_starting_points=True, clockwise=True)
    points: list = []
    flags: list = []
    count: list = []
    size = 0
    for verb, args in simplified.segments:
        if verb == "moveTo":
            points.append(args[0])
            flags.append(True)
            size = 1
        elif verb == "lineTo":
            points.append(args[0])
            flags.append(True)
            size += 1
        elif verb == "qCurveTo" and args[-1] is None:  # a contour of off-curve points only
            points.extend(args[:-1])
            flags.extend([False] * (len(args) - 1))
            size += len(args) - 1
        elif verb == "qCurveTo":
            points.extend(args)
            flags.extend([False] * (len(args) - 1) + [True])
            size += len(args)
        elif verb == "closePath":
            if size > 1 and points[-1] == points[-size]:
                points.pop()
                flags.pop()
                size -= 1
            count.append(size)
            size = 0
        else:
            raise ValueError(f"unexpected {verb} from skia-pathops")
    if not count:
        return FontOutline(np.zeros((0, 2), np.int64), np.zeros(0, bool), np.zeros(0, np.int64))
    array = np.array(points, float)
    on = np.array(flags, bool)
    count_array = np.array(count, np.int64)
    implied = _implied(array, on, count_array)
    if implied.any():
        keep = ~implied
        contour = np.repeat(np.arange(len(count_array)), count_array)
        array, on, count_array = array[keep], on[keep], np.bincount(contour[keep], minlength=len(count_array))
    return _clean(np.round(array).astype(np.int64), on, count_array)


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
