"""Tracing a glyph raster into any fontTools pen, in the target font's units.

``trace(raster, frame, pen)`` maps the pixel contours of
:func:`~fontassist.vector.outline.trace_pixels` through the same
:class:`~fontassist.fonts.emframe.EmFrame` that made the raster and rounds
them to integer font units; ``overlaps`` then removes any overlap or
self-intersection that fitting within tolerance could have made in a tight gap
and winds outer contours clockwise, holes counter-clockwise, as TrueType
wants; points its cuts create are rounded too, and points that rounding made
coincide are merged, so no segment has zero length. What reaches the pen is TrueType quadratics only: ``moveTo`` /
``lineTo`` / ``qCurveTo`` / ``closePath`` (a contour of only off-curve points
is ``qCurveTo(..., None)``), so it feeds ``TTGlyphPen`` directly as well as
SVG, recording or Qt pens.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

from ..fonts.emframe import EmFrame
from .outline import PixelOutline, TraceSettings, trace_pixels
from .overlaps import union_by_raster

# Rasters traced together: enough to make numpy's per-call cost vanish, few enough
# that the batch's working arrays stay small (about 40 glyphs of 256 px).
_BATCH_PIXELS = 1 << 21


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
        for stop, n in zip(stops.tolist(), self.count.tolist(), strict=False):
            yield self.points[stop - n : stop], self.on_curve[stop - n : stop]

    def draw(self, pen) -> None:
        for points, on_curve in self.contours():
            _draw_contour(points.tolist(), on_curve.tolist(), pen)

    def stats(self) -> TraceStats:
        on = int(self.on_curve.sum())
        return TraceStats(len(self.count), on, len(self.on_curve) - on)


_EMPTY = FontOutline(np.zeros((0, 2), np.int64), np.zeros(0, bool), np.zeros(0, np.int64))


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
    counts of what was drawn. Tracing many glyphs is much faster through
    :func:`trace_outlines`.
    """
    outline = trace_outline(
        raster, frame, tolerance=tolerance, speck_area=speck_area, threshold=threshold, **options
    )
    outline.draw(pen)
    return outline.stats()


def trace_outline(raster, frame: EmFrame, **options) -> FontOutline:
    """The traced glyph as integer font-unit contours (what :func:`trace` draws)."""
    array = np.asarray(raster)
    if array.ndim != 2:
        raise ValueError(f"a glyph raster is a 2-D array, not one of shape {array.shape}")
    return trace_outlines(array[None], frame, **options)[0]


def trace_outlines(rasters, frame: EmFrame, **options) -> list[FontOutline]:
    """Trace a stack of glyph rasters (B × size × size, uint8) at once; one outline per raster.

    Same options as :func:`trace`. Every step runs on a whole batch of glyphs
    in a few numpy calls, so per-glyph cost is a fraction of tracing them one
    by one; draw each result into a pen with ``outline.draw(pen)``.
    """
    stack = np.asarray(rasters)
    if stack.ndim != 3 or stack.dtype != np.uint8:
        raise ValueError(
            f"glyph rasters are uint8 arrays (0 paper, 255 ink), not {stack.dtype} of shape {stack.shape}"
        )
    if stack.shape[1:] != (frame.size, frame.size):
        raise ValueError(
            f"the rasters are {stack.shape[2]}×{stack.shape[1]} px but the em frame is {frame.size} px"
        )
    settings = replace(TraceSettings(), **options)
    per_batch = max(1, _BATCH_PIXELS // (frame.size * frame.size))
    outlines: list[FontOutline] = []
    for first in range(0, len(stack), per_batch):
        batch = stack[first : first + per_batch]
        outlines.extend(_finish(trace_pixels(batch, settings), frame, len(batch)))
    return outlines


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


def _finish(pixels: PixelOutline, frame: EmFrame, n_rasters: int) -> list[FontOutline]:
    """Pixel contours of a batch → per-raster outlines in integer font units, overlaps removed."""
    x, y = frame.to_font_units(pixels.points[:, 0], pixels.points[:, 1])
    points = np.round(np.stack([x, y], axis=1)).astype(np.int64)
    points, on_curve, count, kept = _clean(points, pixels.on_curve, pixels.count)
    raster = pixels.raster[kept]
    array, on, count, raster = union_by_raster(points, on_curve, count, raster, n_rasters)
    if len(count) == 0:
        return [_EMPTY] * n_rasters
    points, on_curve, count, kept = _clean(np.round(array).astype(np.int64), on, count)
    raster = raster[kept]
    outlines = [_EMPTY] * n_rasters
    bounds = np.searchsorted(raster, np.arange(n_rasters + 1))
    stops = np.concatenate([[0], np.cumsum(count)])
    for r in range(n_rasters):
        lo, hi = bounds[r], bounds[r + 1]
        if lo < hi:
            outlines[r] = FontOutline(
                points[stops[lo] : stops[hi]], on_curve[stops[lo] : stops[hi]], count[lo:hi]
            )
    return outlines


def _clean(points: np.ndarray, on_curve: np.ndarray, count: np.ndarray):
    """Merge consecutive equal points and drop contours left enclosing nothing.

    Two equal off-curve points imply an on-curve point where they are, so the
    point that stays is on-curve whenever it had a twin. Returns the points,
    flags and counts left, and which of the given contours were kept.
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
    return points, on_curve, count, good


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
