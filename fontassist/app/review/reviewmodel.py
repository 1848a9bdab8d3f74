"""The review grid: generated glyphs with their status and flags, as rasters or traced outlines.

Builds on :mod:`fontassist.app.common.glyphgrid` (lazy, cached cells in a uniform
QListView). The model shows the rows a filter selected; each cell's picture is
drawn when the view first asks for it, from the raster or from the outline the
:class:`~fontassist.app.common.outlineview.OutlineCache` traces in the background.
Status and flags are painted over the cached picture, so a decision never
redraws a glyph.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

from ...vector import TraceSettings
from ..common.glyphgrid import GlyphGridDelegate, GlyphGridModel, GlyphGridView, GlyphSource
from ..common.outlineview import OutlineCache, outline_image
from .reviewdata import ACCEPTED, NEW, REJECTED, STATUS_FILTERS, UNDRAWN, ReviewGlyphs
from .reviewstate import ReviewState

ACCEPTED_COLOR = QColor(30, 140, 60)
REJECTED_COLOR = QColor(200, 40, 40)
FLAG_COLOR = QColor(235, 140, 0)
EDITED_COLOR = QColor(150, 90, 220)  # fixed or drawn by hand in the designer's editor (the UFO's purple mark)


class ReviewGlyphSource(GlyphSource):
    """The rows of the state's glyphs a filter kept (``rows`` index into them).

    The rasters and flags are read from ``state.glyphs`` on every call, never
    from a copy: a regenerated glyph replaces the state's set, and the grid
    must draw what the detail view and the export use.
    """

    def __init__(self, state: ReviewState, rows: list[int]):
        self.state = state
        self.rows = list(rows)
        self.chars = [state.glyphs.chars[i] for i in self.rows]

    @property
    def glyphs(self) -> ReviewGlyphs:
        return self.state.glyphs

    def raster(self, row: int) -> np.ndarray:
        glyphs, i = self.glyphs, self.rows[row]
        if glyphs.flags[i].get(UNDRAWN):  # excluded, so never drawn: its source glyph, faint
            return glyphs.source_images[i] // 4
        return glyphs.images[i]

    def glyph_index(self, row: int) -> int:
        return self.rows[row]


class ReviewGridModel(GlyphGridModel):
    StatusRole = GlyphGridModel.RasterRole + 1
    FlagsRole = GlyphGridModel.RasterRole + 2
    PendingRole = GlyphGridModel.RasterRole + 3
    EditedRole = GlyphGridModel.RasterRole + 4

    def __init__(self, state: ReviewState, cell_size: int = 64, parent=None):
        super().__init__(None, cell_size, parent=parent)
        self.state = state
        self._show_outlines = False
        self._row_of: dict[str, int] = {}
        self.outlines = OutlineCache(self._rasters_of_chars, parent=self)
        self.outlines.traced.connect(self._outlines_traced)
        state.decisionsChanged.connect(self._statuses_changed)
        state.glyphsRedrawn.connect(self._redrawn)

    # -- contents --------------------------------------------------------------------------------------------
    def setRows(self, rows: list[int]) -> None:
        """Show these rows of the state's glyphs."""
        glyphs = self.state.glyphs
        if glyphs is None:
            self._row_of = {}
            self.clear()
            return
        frame_changed = self.outlines._frame != glyphs.trace_frame
        source = ReviewGlyphSource(self.state, rows)
        self._row_of = {c: i for i, c in enumerate(source.chars)}
        if frame_changed:
            self.outlines.setFrame(glyphs.trace_frame)
        self.setSource(source)

    def setGlyphsReplaced(self) -> None:
        """The glyph set itself is new: traced outlines of the old one are dropped."""
        self.outlines.clear()

    def rowOfChar(self, char: str) -> int | None:
        return self._row_of.get(char)

    def _rasters_of_chars(self, chars: list[str]) -> tuple[list[str], np.ndarray]:
        """The rasters that are traced for ``chars`` (upscaled where the set is): runs off the GUI thread."""
        glyphs = self.state.glyphs
        if glyphs is None:
            return [], np.zeros((0, 1, 1), np.uint8)
        found = [c for c in chars if glyphs.index(c) is not None]
        return found, glyphs.trace_rasters([glyphs.index(c) for c in found])

    # -- display ---------------------------------------------------------------------------------------------
    def showOutlines(self) -> bool:
        return self._show_outlines

    def setShowOutlines(self, show: bool) -> None:
        if show != self._show_outlines:
            self._show_outlines = show
            self._pixmaps.clear()
            self.layoutChanged.emit()

    def setTraceOptions(self, options: TraceSettings) -> None:
        self.outlines.setOptions(options)
        if self._show_outlines:
            self._pixmaps.clear()
            self.layoutChanged.emit()

    def pixmap(self, row: int) -> QPixmap | None:
        if not self._show_outlines:
            return super().pixmap(row)
        pixmap = self._pixmaps.get(row)
        if pixmap is not None:
            return pixmap
        char = self._source.char(row)
        outline = self.outlines.outline(char)
        if outline is None:
            return None  # traced in the background; the cell is repainted when it arrives
        pixmap = QPixmap.fromImage(outline_image(outline, self.state.glyphs.frame, self.cellSize()))
        self._pixmaps[row] = pixmap
        while len(self._pixmaps) > self._max_cached:
            self._pixmaps.popitem(last=False)
        return pixmap

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._source):
            return None
        if role == self.StatusRole:
            return self.state.status(self._source.char(index.row()))
        if role == self.FlagsRole:
            source = self._source
            return (
                source.glyphs.flags[source.glyph_index(index.row())]
                if isinstance(source, ReviewGlyphSource)
                else {}
            )
        if role == self.PendingRole:
            return self._show_outlines and index.row() not in self._pixmaps
        if role == self.EditedRole:
            return self.state.isEdited(self._source.char(index.row()))
        if role == Qt.ItemDataRole.ToolTipRole:
            char = self._source.char(index.row())
            edited = " · edited by hand" if self.state.isEdited(char) else ""
            status = QCoreApplication.translate("ReviewPage", STATUS_FILTERS[self.state.status(char)])
            return f"{char}  U+{ord(char):04X} · {status}{edited}"
        return super().data(index, role)

    def _changed(self, chars) -> None:
        rows = [r for r in (self._row_of.get(c) for c in chars) if r is not None]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)))

    def _statuses_changed(self, chars: list) -> None:
        if chars:
            self._changed(chars)
        elif self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def _redrawn(self, chars: list) -> None:
        self.outlines.invalidate(chars)
        for char in chars:
            row = self._row_of.get(char)
            if row is not None:
                self._pixmaps.pop(row, None)
        self._changed(chars)

    def _outlines_traced(self, chars: list) -> None:
        if self._show_outlines:
            self._changed(chars)


class ReviewGridDelegate(GlyphGridDelegate):
    """A glyph cell with its status (green tick, red cross over a tinted cell) and a flag corner."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        model = index.model()
        cell = model.cellSize()
        box = QRect(
            option.rect.x() + (option.rect.width() - cell) // 2, option.rect.y() + self.PADDING, cell, cell
        )
        status = index.data(ReviewGridModel.StatusRole)
        flags = index.data(ReviewGridModel.FlagsRole) or {}
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(ReviewGridModel.PendingRole):
            painter.setPen(QColor(170, 170, 170))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "…")
        if flags.get("score", 0) >= 1.0:
            corner = max(8, cell // 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(FLAG_COLOR)
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(box.left(), box.top()),
                        QPointF(box.left() + corner, box.top()),
                        QPointF(box.left(), box.top() + corner),
                    ]
                )
            )
        mark = max(9, cell // 5)
        mark_box = QRect(box.right() - mark - 1, box.top() + 2, mark, mark)
        if status == ACCEPTED:
            painter.setPen(QPen(ACCEPTED_COLOR, max(2.0, mark / 5)))
            painter.drawPolyline(
                QPolygonF(
                    [
                        QPointF(mark_box.left(), mark_box.center().y()),
                        QPointF(mark_box.left() + mark * 0.4, mark_box.bottom()),
                        QPointF(mark_box.right(), mark_box.top()),
                    ]
                )
            )
            painter.setPen(QPen(ACCEPTED_COLOR, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box.adjusted(1, 1, -1, -1))
        elif status == REJECTED:
            painter.fillRect(box, QColor(200, 40, 40, 45))
            painter.setPen(QPen(REJECTED_COLOR, max(2.0, mark / 5)))
            painter.drawLine(mark_box.topLeft(), mark_box.bottomRight())
            painter.drawLine(mark_box.topRight(), mark_box.bottomLeft())
        if index.data(ReviewGridModel.EditedRole):
            # Edited by hand: a purple frame and a filled purple corner, bottom right.
            corner = max(8, cell // 6)
            painter.setPen(QPen(EDITED_COLOR, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box.adjusted(3, 3, -3, -3))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(EDITED_COLOR)
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(box.right(), box.bottom()),
                        QPointF(box.right() - corner, box.bottom()),
                        QPointF(box.right(), box.bottom() - corner),
                    ]
                )
            )
        painter.restore()


class ReviewGridView(GlyphGridView):
    """The grid with the review keys: A accept, R reject, U (or Backspace) undecided, Delete exclude; arrows move."""

    decisionRequested = Signal(str)
    exclusionRequested = (
        Signal()
    )  # Delete: leave the selected glyphs out of the generate set (or take them back)

    KEYS = {Qt.Key.Key_A: ACCEPTED, Qt.Key.Key_R: REJECTED, Qt.Key.Key_U: NEW, Qt.Key.Key_Backspace: NEW}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setItemDelegate(ReviewGridDelegate(self))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        status = self.KEYS.get(Qt.Key(event.key()))
        if status is not None and not (
            event.modifiers()
            & (
                Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier
            )
        ):
            self.decisionRequested.emit(status)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.exclusionRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
