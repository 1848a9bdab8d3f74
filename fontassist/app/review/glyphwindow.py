"""The glyph window: one generated glyph large, as a type designer inspects it.

Double-click a glyph in the Review grid (or press Enter) to open it. The
window follows the current glyph. It shows the traced outline (what will be
exported) over the generated raster, with:

- wheel zoom about the pointer and drag to pan (double-click fits it again);
- on-curve (■) and off-curve (○) points, on or off;
- guides: the em box, the baseline, the target's ideographic character face
  (its BASE table's ``icfb``/``icft`` baselines, else the ink extremes) and
  the target's ink extremes (the union of the ink of a few of its own
  ideographs), in font units through the same
  :class:`~fontassist.fonts.EmFrame` that made the raster; each switchable;
- overlays of the source glyph and of the generated raster, with an opacity;
- "Related target glyphs": the target's own glyphs whose source drawings are
  nearest to this glyph's source drawing (nearest neighbours of small source
  rasters among the characters the target has), so a generated 絕 is judged
  beside the target's own 糸-side characters.
"""

from __future__ import annotations

import io
import logging

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ...fonts import EmFrame, render
from ..common.images import raster_to_qimage
from ..common.outlineview import OFF_CURVE_COLOR, ON_CURVE_COLOR, OUTLINE_COLOR, outline_path, outline_points
from ..common.widgets import GlyphTileView, muted
from ..common.worker import run_in_background, while_alive
from .reviewstate import ReviewState

log = logging.getLogger(__name__)

INK_SAMPLE = "永國東風體鬱靈鷹"  # ideographs whose ink reaches the usual extremes
RELATED = 6
NEIGHBOUR_SIZE = 24
INK_COLOR = QColor(40, 160, 90)
FACE_COLOR = QColor(
    230, 130, 20
)  # source rasters compared at this size: enough for structure, cheap for thousands


def ink_extremes(target, frame: EmFrame) -> tuple[float, float, float, float] | None:
    """(left, bottom, right, top) in font units of the ink of the target's sample ideographs."""
    chars = [c for c in INK_SAMPLE if target.has(c)]
    if not chars:
        return None
    images = render(target, chars, frame.size, frame.margin).images
    ink = np.asarray(images).max(axis=0) >= 128
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not len(rows):
        return None
    left, top = frame.to_font_units(cols[0], rows[0])
    right, bottom = frame.to_font_units(cols[-1] + 1, rows[-1] + 1)
    return float(left), float(bottom), float(right), float(top)


def ideographic_face(target) -> tuple[float, float, float, float] | None:
    """(left, bottom, right, top) in font units of the target's ideographic character face, from its BASE table.

    The horizontal axis's ``icfb`` / ``icft`` baselines give the bottom and top;
    the vertical axis's give the left and right (else the face is centred in the
    em, as wide as it is inset from the em box at the bottom). None when the
    font has no such baselines (or cannot be read as an OpenType font).
    """
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(io.BytesIO(target.font_bytes), fontNumber=target.freetype_index, lazy=True)
        if "BASE" not in font:
            return None
        table = font["BASE"].table
        upm = font["head"].unitsPerEm
    except Exception as e:  # a font fontTools cannot read is still shown, without this guide
        log.info("no ideographic face for %s: %s", getattr(target, "path", target), e)
        return None

    def baselines(axis) -> dict[str, float]:
        if axis is None or axis.BaseTagList is None or axis.BaseScriptList is None:
            return {}
        tags = [str(t) for t in axis.BaseTagList.BaselineTag]
        records = {r.BaseScriptTag: r.BaseScript for r in axis.BaseScriptList.BaseScriptRecord}
        script = records.get("hani") or records.get("DFLT") or next(iter(records.values()), None)
        values = script.BaseValues if script is not None else None
        if values is None:
            return {}
        return {tag: float(c.Coordinate) for tag, c in zip(tags, values.BaseCoord, strict=False)}

    across = baselines(table.HorizAxis)
    if "icfb" not in across or "icft" not in across:
        return None
    bottom, top = across["icfb"], across["icft"]
    down = baselines(getattr(table, "VertAxis", None))
    if "icfb" in down and "icft" in down:
        left, right = down["icfb"], down["icft"]
    else:
        inset = bottom - across.get("ideo", bottom)
        left, right = inset, upm - inset
    return left, bottom, right, top


def face_guide(target, frame: EmFrame, ink=None) -> tuple[float, float, float, float] | None:
    """The ideographic face to draw: from the target's BASE table, else its ink extremes (``ink`` when known)."""
    return ideographic_face(target) or (ink if ink is not None else ink_extremes(target, frame))


def related_chars(source, target, char: str, exclude: set[str], count: int = RELATED) -> list[str]:
    """Characters the target has whose source glyphs look most like ``char``'s source glyph."""
    if not source.has(char):
        return []
    candidates = sorted(
        c for c in target.chars if source.has(c) and c not in exclude and c != char and ord(c) > 0x2E80
    )
    if not candidates:
        return []
    wanted = render(source, [char], NEIGHBOUR_SIZE).images[0].astype(np.float32)
    result = render(source, candidates, NEIGHBOUR_SIZE)
    images = np.asarray(result.images, np.float32)
    where = result.index()
    distances = ((images - wanted) ** 2).reshape(len(images), -1).sum(axis=1)
    drawn = sorted(where, key=lambda c: where[c])
    order = np.argsort(distances)[:count]
    return [drawn[i] for i in order]


class GlyphCanvas(QWidget):
    """The outline over its raster, zoomable and pannable, with points, guides and overlays."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("glyphCanvas")
        self.frame: EmFrame | None = None
        self.path = QPainterPath()
        self.on = self.off = np.zeros((0, 2))
        self.handles: list = []
        self.generated, self.source = QImage(), QImage()
        self.guides: dict[str, tuple] = {}
        self.show_points = self.show_guides = self.show_face = True
        self.show_generated, self.show_source = True, False
        self.overlay_opacity = 0.35
        self.zoom, self.pan = 1.0, QPointF(0, 0)
        self._drag: QPointF | None = None
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def setGlyph(self, frame: EmFrame, generated: np.ndarray, source: np.ndarray) -> None:
        self.frame = frame
        self.generated, self.source = raster_to_qimage(generated), raster_to_qimage(source)
        self.setOutline(None)

    def setOutline(self, outline) -> None:
        if outline is None or self.frame is None:
            self.path, self.handles, self.on, self.off = (
                QPainterPath(),
                [],
                np.zeros((0, 2)),
                np.zeros((0, 2)),
            )
        else:
            self.path = outline_path(outline, self.frame)
            self.on, self.off, self.handles = outline_points(outline, self.frame)
        self.update()

    def setGuides(self, ink=None, face=None) -> None:
        """The target's ink extremes and ideographic face, each (left, bottom, right, top) in font units."""
        self.guides = {name: box for name, box in (("ink", ink), ("face", face)) if box}
        self.update()

    def fit(self) -> None:
        self.zoom, self.pan = 1.0, QPointF(0, 0)
        self.update()

    def transform(self) -> QTransform:
        """Raster pixels → widget: the em square fitted, then zoomed and panned."""
        if self.frame is None:
            return QTransform()
        side = min(self.width(), self.height()) - 16
        scale = side / self.frame.size * self.zoom
        x = (self.width() - self.frame.size * scale) / 2 + self.pan.x()
        y = (self.height() - self.frame.size * scale) / 2 + self.pan.y()
        return QTransform(scale, 0, 0, scale, x, y)

    # -- mouse ----------------------------------------------------------------------------------------------
    def wheelEvent(self, event) -> None:
        factor = 1.25 ** (event.angleDelta().y() / 120)
        new_zoom = min(40.0, max(0.5, self.zoom * factor))
        at = event.position()
        before = self.transform().inverted()[0].map(at)
        self.zoom = new_zoom
        after = self.transform().map(before)
        self.pan += at - after  # the point under the pointer stays put
        self.update()

    def mousePressEvent(self, event) -> None:
        self._drag = event.position()

    def mouseMoveEvent(self, event) -> None:
        if self._drag is not None:
            self.pan += event.position() - self._drag
            self._drag = event.position()
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        self._drag = None

    def mouseDoubleClickEvent(self, event) -> None:
        self.fit()

    # -- painting -------------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.frame is None:
            return
        t = self.transform()
        size = self.frame.size
        box = t.mapRect(QRectF(0, 0, size, size))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for show, image in ((self.show_source, self.source), (self.show_generated, self.generated)):
            if show and not image.isNull():
                painter.setOpacity(self.overlay_opacity)
                painter.drawImage(box, image)
        painter.setOpacity(1.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.show_guides:
            self._paint_guides(painter, t)
        painter.setPen(QPen(OUTLINE_COLOR, 1.5))
        painter.setBrush(QColor(25, 70, 160, 30))
        painter.drawPath(t.map(self.path))
        if not self.show_points:
            return
        painter.setPen(QPen(QColor(150, 150, 150), 0.8))
        for a, b in self.handles:
            painter.drawLine(t.map(QPointF(*a)), t.map(QPointF(*b)))
        radius = 3.5
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(ON_CURVE_COLOR))
        for xy in self.on:
            p = t.map(QPointF(*xy))
            painter.drawRect(QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius))
        painter.setPen(QPen(OFF_CURVE_COLOR, 1.2))
        painter.setBrush(QBrush(QColor("white")))
        for xy in self.off:
            painter.drawEllipse(t.map(QPointF(*xy)), radius, radius)

    def _paint_guides(self, painter: QPainter, t: QTransform) -> None:
        frame = self.frame

        def at(x, y) -> QPointF:
            px, py = frame.to_pixels(x, y)
            return t.map(QPointF(float(px), float(py)))

        em_left, em_right = frame.left, frame.left + frame.upm
        em_bottom, em_top = frame.bottom, frame.bottom + frame.upm
        painter.setPen(QPen(QColor(120, 120, 120), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(at(em_left, em_top), at(em_right, em_bottom)))  # the em box
        painter.setPen(QPen(QColor(200, 60, 160), 1, Qt.PenStyle.DashLine))
        painter.drawLine(at(em_left - frame.upm, 0), at(em_right + frame.upm, 0))  # the baseline
        ink = self.guides.get("ink")
        if ink:
            left, bottom, right, top = ink
            painter.setPen(QPen(INK_COLOR, 1, Qt.PenStyle.DotLine))
            painter.drawRect(QRectF(at(left, top), at(right, bottom)))
        face = self.guides.get("face")
        if face and self.show_face:
            left, bottom, right, top = face
            painter.setPen(QPen(FACE_COLOR, 1, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(at(left, top), at(right, bottom)))


class GlyphWindow(QDialog):
    """The current glyph of a :class:`ReviewState`, large; follows the grid's current glyph."""

    def __init__(self, state: ReviewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("glyphWindow")
        self.setWindowTitle(self.tr("Glyph"))
        self.state = state
        self.trace_options = None
        self._char = ""
        self._ticket = 0
        self.canvas = GlyphCanvas(self)
        self.title = QLabel(self)
        self.title.setObjectName("glyphWindowTitle")
        self.points_box = self._check(self.tr("Points"), True, "show_points")
        self.guides_box = self._check(self.tr("Guides"), True, "show_guides")
        self.face_box = self._check(self.tr("Ideographic face"), True, "show_face")
        self.face_box.setToolTip(
            self.tr(
                "The box the target's ideographs are designed to fill (its BASE table's ideographic "
                "character face, else the ink extremes of its own ideographs)"
            )
        )
        self.guides_box.toggled.connect(self.face_box.setEnabled)
        self.raster_box = self._check(self.tr("Generated raster"), True, "show_generated")
        self.source_box = self._check(self.tr("Source glyph"), False, "show_source")
        self.opacity = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity.setRange(5, 100)
        self.opacity.setValue(35)
        self.opacity.setMaximumWidth(120)
        self.opacity.valueChanged.connect(self._opacity_changed)
        options = QHBoxLayout()
        for box in (self.points_box, self.guides_box, self.face_box, self.raster_box, self.source_box):
            options.addWidget(box)
        options.addWidget(QLabel(self.tr("Opacity"), self))
        options.addWidget(self.opacity)
        options.addStretch(1)
        legend = muted(
            QLabel(
                self.tr(
                    "Wheel: zoom · drag: pan · double-click: fit. Guides: em box (grey), baseline (pink), "
                    "ideographic face (orange), the target's ink extremes (green)."
                ),
                self,
            )
        )
        legend.setWordWrap(True)
        self.related_title = QLabel(
            self.tr("Related target glyphs (their sources look most like this one's):"), self
        )
        self.related_views: list[tuple[GlyphTileView, QLabel]] = []
        related = QHBoxLayout()
        for _ in range(RELATED):
            view = GlyphTileView(self, max_scale=2.0)
            view.setMinimumSize(56, 56)
            caption = muted(QLabel(self))
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column = QVBoxLayout()
            column.addWidget(view, 1)
            column.addWidget(caption)
            related.addLayout(column)
            self.related_views.append((view, caption))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(options)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(legend)
        layout.addWidget(self.related_title)
        layout.addLayout(related)
        self.resize(640, 760)
        state.currentCharChanged.connect(self.showChar)
        state.glyphsRedrawn.connect(lambda chars: self._char in chars and self.showChar(self._char))

    def _check(self, text: str, on: bool, attribute: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setChecked(on)
        box.toggled.connect(lambda checked: (setattr(self.canvas, attribute, checked), self.canvas.update()))
        return box

    def _opacity_changed(self, value: int) -> None:
        self.canvas.overlay_opacity = value / 100
        self.canvas.update()

    def showChar(self, char: str) -> None:
        glyphs = self.state.glyphs
        i = glyphs.index(char) if glyphs is not None and char else None
        self._char = char
        self._ticket += 1
        if i is None:
            self.title.setText("")
            return
        self.title.setText(f"<b>{char}</b>  U+{ord(char):04X}")
        self.canvas.setGlyph(glyphs.frame, glyphs.images[i], glyphs.source_images[i])
        ticket, frame = self._ticket, glyphs.frame
        options = self.trace_options
        target, source = self.state.session.target, self.state.session.source

        def work():
            from ...vector import trace_outline

            raster, traced = glyphs.trace_raster(i), glyphs.trace_frame  # what the export traces
            outline = trace_outline(raster, traced, options) if options else trace_outline(raster, traced)
            extremes = ink_extremes(target, frame) if target is not None else None
            face = face_guide(target, frame, extremes) if target is not None else None
            related = (
                related_chars(source, target, char, set(glyphs.chars))
                if source is not None and target is not None
                else []
            )
            images = render(target, related, frame.size, frame.margin).images if related else []
            return outline, extremes, face, related, images

        run_in_background(
            work,
            while_alive(self, lambda result: self._shown(ticket, result)),
            while_alive(self, lambda error: self._failed(ticket, error)),
        )

    def _failed(self, ticket: int, error: Exception) -> None:
        if ticket == self._ticket:
            log.error("the glyph window could not trace or compare %s: %s", self._char, error)
            self.title.setText(self.tr("{0}: {1}").format(self.title.text(), error))

    def _shown(self, ticket: int, result) -> None:
        if ticket != self._ticket:
            return
        outline, extremes, face, related, images = result
        self.canvas.setOutline(outline)
        self.canvas.setGuides(ink=extremes, face=face)
        for j, (view, caption) in enumerate(self.related_views):
            if j < len(related):
                view.setImage(raster_to_qimage(images[j]))
                caption.setText(f"{related[j]} U+{ord(related[j]):04X}")
            else:
                view.setImage(QImage())
                caption.setText("")

    def relatedChars(self) -> list[str]:
        return [caption.text().split(" ")[0] for _, caption in self.related_views if caption.text()]
