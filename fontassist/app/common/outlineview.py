"""Traced outlines on screen: QPainterPaths, point markers, a detail view and a background trace cache.

Tracing is the core's (:func:`fontassist.vector.trace_outlines`); this module
only draws what it returns. Outlines come in integer font units and are mapped
to the raster's pixel grid through the same :class:`EmFrame` that made the raster,
so an outline lies exactly over its glyph.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable

import numpy as np
from fontTools.pens.qtPen import QtPen
from fontTools.pens.transformPen import TransformPen
from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...fonts import EmFrame
from ...vector import FontOutline, TraceSettings
from .images import raster_to_qimage
from .widgets import debounce, paint_placeholder
from .worker import run_in_background

log = logging.getLogger(__name__)

OUTLINE_COLOR = QColor(25, 70, 160)
ON_CURVE_COLOR = QColor(25, 70, 160)
OFF_CURVE_COLOR = QColor(200, 60, 40)


def outline_path(outline: FontOutline, frame: EmFrame) -> QPainterPath:
    """The outline in the frame's pixel coordinates (y-down), filled by the non-zero rule like TrueType."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    outline.draw(TransformPen(QtPen(None, path), frame.pixel_transform()))
    return path


def outline_points(
    outline: FontOutline, frame: EmFrame
) -> tuple[np.ndarray, np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
    """(on-curve points, off-curve points, handles) in pixel coordinates; a handle joins an off-curve point to its neighbours."""
    on, off, handles = [], [], []
    for points, on_curve in outline.contours():
        px, py = frame.to_pixels(points[:, 0], points[:, 1])
        xy = np.stack([px, py], axis=1)
        on.append(xy[on_curve])
        off.append(xy[~on_curve])
        n = len(xy)
        for i in np.flatnonzero(~on_curve):
            handles.append((xy[(i - 1) % n], xy[i]))
            handles.append((xy[i], xy[(i + 1) % n]))
    empty = np.zeros((0, 2))
    return (np.concatenate(on) if on else empty), (np.concatenate(off) if off else empty), handles


def outline_image(outline: FontOutline, frame: EmFrame, size: int) -> QImage:
    """The outline filled black on white, its contour in blue, in a ``size`` square image (a grid cell)."""
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scale = size / frame.size
    painter.setTransform(QTransform.fromScale(scale, scale))
    path = outline_path(outline, frame)
    painter.fillPath(path, QColor(30, 30, 30))
    if size >= 48:  # the contour itself, so outline cells read as outlines and not as rasters
        painter.setPen(QPen(OUTLINE_COLOR, 1.2 / scale))
        painter.drawPath(path)
    painter.end()
    return image


class OutlineView(QWidget):
    """A glyph's raster (faint) under its traced outline, with on-curve (squares) and off-curve (circles) points."""

    def __init__(self, parent: QWidget | None = None, placeholder: str = ""):
        super().__init__(parent)
        self._raster = QImage()
        self._frame: EmFrame | None = None
        self._path = QPainterPath()
        self._on = self._off = np.zeros((0, 2))
        self._handles: list = []
        self._placeholder = placeholder
        self.show_points = True
        self.setMinimumSize(100, 100)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(220, 220)

    def hasHeightForWidth(self) -> bool:
        return False  # it paints the em square into the largest square that fits; never cropped

    def clear(self, placeholder: str = "") -> None:
        self._raster, self._frame, self._path = QImage(), None, QPainterPath()
        self._on = self._off = np.zeros((0, 2))
        self._handles = []
        self._placeholder = placeholder
        self.update()

    def setRaster(self, raster: np.ndarray, frame: EmFrame) -> None:
        """Show the raster alone (the outline follows with :meth:`setOutline`)."""
        self._raster = raster_to_qimage(raster)
        self._frame = frame
        self._path = QPainterPath()
        self._on = self._off = np.zeros((0, 2))
        self._handles = []
        self.update()

    def setOutline(self, outline: FontOutline | None) -> None:
        if outline is None or self._frame is None:
            self._path, self._handles = QPainterPath(), []
            self._on = self._off = np.zeros((0, 2))
        else:
            self._path = outline_path(outline, self._frame)
            self._on, self._off, self._handles = outline_points(outline, self._frame)
        self.update()

    def pointCounts(self) -> tuple[int, int]:
        return len(self._on), len(self._off)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self._frame is None:
            paint_placeholder(self, painter, self._placeholder)
            return
        side = min(self.width(), self.height())
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter.setOpacity(0.28)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(box, self._raster)
        painter.setOpacity(1.0)
        painter.setPen(QPen(QColor(220, 220, 220), 1))
        painter.drawRect(box)
        scale = side / self._frame.size
        transform = QTransform.fromTranslate(box.x(), box.y()).scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(transform)
        painter.fillPath(self._path, QColor(25, 70, 160, 40))
        painter.resetTransform()
        painter.setPen(QPen(OUTLINE_COLOR, 1.4))
        painter.drawPath(transform.map(self._path))
        if not self.show_points:
            return
        to_widget = lambda xy: QPointF(box.x() + xy[0] * scale, box.y() + xy[1] * scale)  # noqa: E731
        painter.setPen(QPen(QColor(150, 150, 150), 0.8))
        for a, b in self._handles:
            painter.drawLine(to_widget(a), to_widget(b))
        radius = max(2.0, min(4.0, side / 120))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(ON_CURVE_COLOR))
        for xy in self._on:
            p = to_widget(xy)
            painter.drawRect(QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius))
        painter.setPen(QPen(OFF_CURVE_COLOR, 1.2))
        painter.setBrush(QBrush(QColor("white")))
        for xy in self._off:
            painter.drawEllipse(to_widget(xy), radius, radius)


class OutlineCache(QObject):
    """Traced outlines of glyphs, keyed by the caller's key (e.g. the character), traced on the thread pool.

    ``outline(key)`` answers from the cache or returns None and queues the
    glyph; queued glyphs are traced in batches by the core's batch tracer, and
    ``traced(keys)`` announces each batch. ``rasters_of(keys)`` gives the
    rasters to trace, on the frame set with ``setFrame``, as ``(keys it has,
    their stack)``; it runs on the thread pool with the tracing (it may
    upscale). ``invalidate`` drops glyphs whose raster changed;
    ``setOptions`` or ``clear`` drops everything.
    """

    traced = Signal(list)

    BATCH = 64

    def __init__(
        self,
        rasters_of: Callable[[list[Hashable]], tuple[list[Hashable], np.ndarray]],
        frame: EmFrame | None = None,
        options: TraceSettings | None = None,
        max_cached: int = 20000,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._rasters_of = rasters_of
        self._frame = frame
        self._options = options if options is not None else TraceSettings()
        self._max_cached = max_cached
        self._outlines: OrderedDict[Hashable, FontOutline] = OrderedDict()
        self._queue: OrderedDict[Hashable, None] = OrderedDict()
        self._running = False
        self._generation = 0
        self._timer = debounce(self, 0, self._dispatch)  # one dispatch for a burst of requests

    def setFrame(self, frame: EmFrame | None) -> None:
        self._frame = frame
        self.clear()

    def options(self) -> TraceSettings:
        return self._options

    def setOptions(self, options: TraceSettings) -> None:
        if options != self._options:
            self._options = options
            self.clear()

    def clear(self) -> None:
        self._generation += 1  # results of batches in flight are dropped
        self._outlines.clear()
        self._queue.clear()

    def invalidate(self, keys) -> None:
        for key in keys:
            self._outlines.pop(key, None)

    def outline(self, key: Hashable) -> FontOutline | None:
        found = self._outlines.get(key)
        if found is not None:
            self._outlines.move_to_end(key)
            return found
        if self._frame is not None and key not in self._queue:
            self._queue[key] = None
            self._timer.start()
        return None

    def pending(self) -> int:
        return len(self._queue) + (1 if self._running else 0)

    def _dispatch(self) -> None:
        if self._running or not self._queue or self._frame is None:
            return
        wanted = []
        while self._queue and len(wanted) < self.BATCH:
            wanted.append(self._queue.popitem(last=False)[0])
        rasters_of, frame, options, generation = (
            self._rasters_of,
            self._frame,
            self._options,
            self._generation,
        )

        def trace_batch():
            from ...vector import trace_outlines

            keys, stack = rasters_of(wanted)
            return keys, trace_outlines(np.asarray(stack, np.uint8), frame, options) if keys else []

        self._running = True
        run_in_background(
            trace_batch,
            lambda traced: self._done(generation, *traced),
            lambda message, _details: self._failed(generation, message),
            owner=self,
            name="trace outlines",
        )

    def _done(self, generation: int, keys: list, outlines: list[FontOutline]) -> None:
        self._running = False
        if generation == self._generation:
            for key, outline in zip(keys, outlines, strict=False):
                self._outlines[key] = outline
            while len(self._outlines) > self._max_cached:
                self._outlines.popitem(last=False)
            self.traced.emit(keys)
        self._timer.start()

    def _failed(self, generation: int, error: str) -> None:
        self._running = False
        log.error("tracing failed: %s", error)
        self._timer.start()
