"""Tracing a glyph raster into any fontTools pen, in the target font's units.

``trace(raster, frame, pen)`` maps the pixel contours of
:func:`~fontassist.vector.pixeltrace.trace_pixels` through the same
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
from fontTools.pens.pointPen import PointToSegmentPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

from ..fonts.emframe import EmFrame
from . import tidy
from .evenwidth import even_stroke_width, upsample
from .overlaps import union_by_raster
from .pixeltrace import PixelOutline, trace_pixels
from .tracesettings import TraceSettings

# Rasters traced together: enough to make numpy's per-call cost vanish, few enough
# that the batch's working arrays stay small (about 40 glyphs of 256 px).
_BATCH_PIXELS = 1 << 21
_EVEN_SIZE = 256  # px: rasters are evened out at least this large
_EVEN_BATCH = 32  # glyphs evened at once


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
    """Contours in integer font units, contour after contour (TrueType points: on-curve
    flags, a contour may be off-curve points only)."""

    points: np.ndarray  # (P, 2) int64
    on_curve: np.ndarray  # (P,) bool
    count: np.ndarray  # (C,)
    moved: bool = False  # scaled or shifted to keep the ink inside the target's ink box

    def contours(self):
        """(points, on_curve) of each contour."""
        stops = np.cumsum(self.count)
        for stop, n in zip(stops.tolist(), self.count.tolist(), strict=False):
            yield self.points[stop - n : stop], self.on_curve[stop - n : stop]

    def drawPoints(self, pen) -> None:
        """fontTools' point-pen protocol: one path per contour, ``qcurve`` on-curve points."""
        for points, on_curve in self.contours():
            pts, flags = points.tolist(), on_curve.tolist()
            pen.beginPath()
            # A point after an off-curve point ends a quadratic segment; one after an on-curve
            # point ends a line (the contour closing round, so point 0 follows the last).
            for i, (point, on) in enumerate(zip(pts, flags, strict=True)):
                segment = None if not on else ("qcurve" if not flags[i - 1] else "line")
                pen.addPoint(tuple(point), segmentType=segment)
            pen.endPath()

    def draw(self, pen) -> None:
        """The segment-pen protocol, through fontTools' ``PointToSegmentPen``."""
        self.drawPoints(PointToSegmentPen(pen))

    def stats(self) -> TraceStats:
        on = int(self.on_curve.sum())
        return TraceStats(len(self.count), on, len(self.on_curve) - on)


_EMPTY = FontOutline(np.zeros((0, 2), np.int64), np.zeros(0, bool), np.zeros(0, np.int64))


def trace(raster, frame: EmFrame, pen, settings: TraceSettings | None = None, **options) -> TraceStats:
    """Draw the glyph in ``raster`` into ``pen``, in font units through ``frame``.

    ``raster``: uint8 coverage (0 paper, 255 ink), anti-aliased or not, on
    ``frame``'s ``size`` × ``size`` pixel grid. ``settings`` (and ``options``,
    :class:`TraceSettings` fields overriding it): e.g. ``tolerance``, how far
    (px) the outline may stray from the raster's ``threshold`` level line;
    ``speck_area``, ink specks and holes enclosing less than this (px²) are
    dropped; the tidy stage's switches. Returns the counts of what was drawn.
    Tracing many glyphs is much faster through :func:`trace_outlines`.
    """
    outline = trace_outline(raster, frame, settings, **options)
    outline.draw(pen)
    return outline.stats()


def trace_outline(raster, frame: EmFrame, settings: TraceSettings | None = None, **options) -> FontOutline:
    """The traced glyph as integer font-unit contours (what :func:`trace` draws)."""
    array = np.asarray(raster)
    if array.ndim != 2:
        raise ValueError(f"a glyph raster is a 2-D array, not one of shape {array.shape}")
    return trace_outlines(array[None], frame, settings, **options)[0]


def trace_outlines(
    rasters, frame: EmFrame, settings: TraceSettings | None = None, **options
) -> list[FontOutline]:
    """Trace a stack of glyph rasters (B × size × size, uint8) at once; one outline per raster.

    Same settings as :func:`trace`. Every tracing step runs on a whole batch of
    glyphs in a few numpy calls, so per-glyph cost is a fraction of tracing them
    one by one; draw each result into a pen with ``outline.draw(pen)``. Give
    ``settings.fitted_to(target_shape(target))`` to take the tidy stage's
    tolerances from the target font.
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
    settings = replace(settings or TraceSettings(), **options).fitted_to(None).enlarged(frame.enlarged)
    if settings.even_width:
        # The evening moves edges within the anti-aliased ramp: smaller rasters (about a pixel
        # of ramp) are enlarged to about the upscaled demo model's 256 px first.
        scale = max(1, -(-_EVEN_SIZE // frame.size))
        if scale > 1:
            stack = np.round(upsample(stack, scale)).astype(np.uint8)
            frame, settings = frame.upscaled(scale), settings.enlarged(scale)
        stack = np.concatenate(
            [even_stroke_width(stack[i : i + _EVEN_BATCH]) for i in range(0, len(stack), _EVEN_BATCH)]
            or [stack]
        )
    per_batch = max(1, _BATCH_PIXELS // (frame.size * frame.size))
    outlines: list[FontOutline] = []
    for first in range(0, len(stack), per_batch):
        batch = stack[first : first + per_batch]
        outlines.extend(_finish(trace_pixels(batch, settings), frame, len(batch), settings))
    return outlines


def trace_to_glyph(raster, frame: EmFrame, settings: TraceSettings | None = None, **options):
    """The traced glyph as a fontTools ``glyf`` Glyph (quadratic, integer coordinates)."""
    pen = TTGlyphPen(None)
    trace(raster, frame, pen, settings, **options)
    return pen.glyph()


def trace_to_svg_path(raster, frame: EmFrame, settings: TraceSettings | None = None, **options) -> str:
    """The traced glyph as SVG path data in font units (y-up, as in the font)."""
    pen = SVGPathPen(None)
    trace(raster, frame, pen, settings, **options)
    return pen.getCommands()


def _finish(
    pixels: PixelOutline, frame: EmFrame, n_rasters: int, settings: TraceSettings
) -> list[FontOutline]:
    """Pixel contours of a batch → per-raster outlines in integer font units: tidied
    (straightened, colinear points merged), overlaps removed, specks dropped, kept
    inside the ink box."""
    x, y = frame.to_font_units(pixels.points[:, 0], pixels.points[:, 1])
    points = np.round(np.stack([x, y], axis=1)).astype(np.int64)
    points, on_curve, count, kept = _clean(points, pixels.on_curve, pixels.count)
    raster = pixels.raster[kept]
    deviation = settings.straighten_deviation / frame.scale
    steps = []
    merge = lambda p, f: tidy.merge_colinear(p, f, settings.colinear_angle, deviation)  # noqa: E731
    snap = lambda p, f: tidy.snap_axis_lines(p, f, settings.axis_angle, 2 * deviation)  # noqa: E731
    if settings.merge_colinear:
        steps.append(merge)
    if settings.straighten:
        steps.append(snap)
        if settings.merge_colinear:
            # Snapping a stretch can leave its neighbour a slight continuation of it: merge
            # the two, then snap the merged line.
            steps += [merge, snap, lambda p, f: tidy.merge_colinear(p, f, 0.5, 0.5)]
    if steps:
        points, on_curve, count = _each_contour(points, on_curve, count, steps)
    array, on, count, raster = union_by_raster(points, on_curve, count, raster, n_rasters)
    if len(count) == 0:
        return [_EMPTY] * n_rasters
    points, on_curve, count, kept = _clean(np.round(array).astype(np.int64), on, count)
    raster = raster[kept]
    if settings.merge_colinear:  # where the union joined two contours along one edge
        points, on_curve, count = _each_contour(
            points, on_curve, count, [lambda p, f: tidy.merge_colinear(p, f, 0.5, 0.5)]
        )
    outlines = [_EMPTY] * n_rasters
    bounds = np.searchsorted(raster, np.arange(n_rasters + 1))
    stops = np.concatenate([[0], np.cumsum(count)])
    min_area = settings.speck_area / frame.scale**2
    for r in range(n_rasters):
        lo, hi = bounds[r], bounds[r + 1]
        if lo == hi:
            continue
        outline = FontOutline(points[stops[lo] : stops[hi]], on_curve[stops[lo] : stops[hi]], count[lo:hi])
        if settings.clean_contours or (settings.fit_extremes and settings.ink_box is not None):
            outline = _glyph_cleaned(outline, settings, min_area, deviation)
        if len(outline.count):
            outlines[r] = outline
    return outlines


def _each_contour(points: np.ndarray, on_curve: np.ndarray, count: np.ndarray, steps):
    """Apply each ``step(points, on_curve) -> (points, on_curve)`` to every contour in turn."""
    out_points, out_flags, out_count = [], [], []
    stops = np.cumsum(count)
    for stop, n in zip(stops.tolist(), count.tolist(), strict=True):
        p, f = points[stop - n : stop].astype(float), on_curve[stop - n : stop]
        for step in steps:
            p, f = step(p, f)
        out_points.append(p)
        out_flags.append(f)
        out_count.append(len(f))
    if not out_points:
        return points, on_curve, count
    return (
        np.round(np.concatenate(out_points)).astype(np.int64),
        np.concatenate(out_flags),
        np.asarray(out_count, np.int64),
    )


def _glyph_cleaned(
    outline: FontOutline, settings: TraceSettings, min_area: float, fold_length: float = 0.0
) -> FontOutline:
    """One glyph without specks (after tracing, not only before), inside the ink box, and
    with its contours simple and wound TrueType's way (:func:`untangled`)."""
    contours = [(p.astype(float), f) for p, f in outline.contours()]
    if settings.clean_contours:
        contours = tidy.drop_small_contours(contours, min_area)
    moved = False
    if settings.fit_extremes and settings.ink_box is not None:
        contours, moved = tidy.fit_ink_box(contours, settings.ink_box)
    if not contours:
        return _EMPTY
    points = np.round(np.concatenate([p for p, _ in contours])).astype(np.int64)
    on_curve = np.concatenate([f for _, f in contours])
    count = np.asarray([len(f) for _, f in contours], np.int64)
    points, on_curve, count, _ = _clean(points, on_curve, count)
    if settings.clean_contours:  # last: untangling can split a fold off as a speck of its own
        points, on_curve, count = untangled(points, on_curve, count, fold_length=fold_length)
        kept = tidy.drop_small_contours(list(FontOutline(points, on_curve, count).contours()), min_area)
        if not kept:
            return _EMPTY
        points = np.concatenate([p for p, _ in kept])
        on_curve = np.concatenate([f for _, f in kept])
        count = np.asarray([len(f) for _, f in kept], np.int64)
    if len(count) == 0:
        return _EMPTY
    return FontOutline(points, on_curve, count, moved)


def untangled(
    points: np.ndarray, on_curve: np.ndarray, count: np.ndarray, rounds: int = 4, fold_length: float = 0.0
):
    """One glyph's integer contours as skia-pathops' non-zero union, TrueType-wound, rounded.

    The last step of the clean-contours stage: rounding the first union's cuts, merging
    colinear points and fitting the ink box come after the overlap removal and can fold a
    hair-thin spot into a self-intersection or turn a contour; this union undoes that, so
    winding and simplicity hold by construction. Rounding its own cuts can fold again, so
    it repeats until the union changes nothing (``rounds`` at most). Lines stay lines.
    Zig-zag folds up to ``fold_length`` units long, whose curves only touch (so the union
    keeps them) but cross once flattened, are squared off after each union (:func:`tidy.unfold`),
    and lines that leaves continuing one another merged.
    """
    for _ in range(rounds):
        if len(count) == 0:
            break
        array, on, new_count, _ = union_by_raster(points, on_curve, count, np.zeros(len(count), np.int64), 1)
        new_points, on, new_count, _ = _clean(np.round(array).astype(np.int64), on, new_count)
        if fold_length > 0 and len(new_count):
            fold = lambda p, f: tidy.unfold(p, f, fold_length)  # noqa: E731
            merge = lambda p, f: tidy.merge_colinear(p, f, 0.5, 0.5)  # noqa: E731
            new_points, on, new_count = _each_contour(new_points, on, new_count, [fold, merge])
            new_points, on, new_count, _ = _clean(new_points, on, new_count)
        if _same(new_points, on, new_count, points, on_curve, count):
            break
        points, on_curve, count = new_points, on, new_count
    return points, on_curve, count


def _same(points, on_curve, count, other_points, other_on_curve, other_count) -> bool:
    return (
        np.array_equal(count, other_count)
        and np.array_equal(points, other_points)
        and np.array_equal(on_curve, other_on_curve)
    )


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
