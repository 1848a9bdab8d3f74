"""A grid of glyph cells for thousands of glyphs: model/view with lazy, cached drawing.

- A :class:`GlyphSource` hands out the characters and their rasters (uint8,
  0 = paper, 255 = ink). :class:`FontGlyphSource` renders from a font only
  the chunks the view asks for; :class:`ArrayGlyphSource` wraps rasters
  already in memory (generated glyphs).
- :class:`GlyphGridModel` turns rasters into pixmaps on demand and keeps an
  LRU cache per cell size; nothing is drawn for cells never scrolled to.
- :class:`GlyphGridView` is a wrapping, uniform-size QListView, so Qt lays out
  8,000 cells without measuring them one by one, and
  :class:`GlyphGridDelegate` paints each cell: the glyph, a frame, its code point.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...fonts import FontFile, render
from .images import raster_to_qimage


class GlyphSource(ABC):
    """The glyphs a grid shows. Subclasses implement ``chars`` and ``raster``."""

    chars: Sequence[str] = ()

    def __len__(self) -> int:
        return len(self.chars)

    def char(self, row: int) -> str:
        return self.chars[row]

    @abstractmethod
    def raster(self, row: int) -> np.ndarray:
        """The glyph at ``row`` as uint8 S×S (0 paper, 255 ink)."""


class ArrayGlyphSource(GlyphSource):
    """Rasters already in memory, e.g. generated glyphs (N×S×S)."""

    def __init__(self, chars: Sequence[str], images: np.ndarray):
        if len(chars) != len(images):
            raise ValueError(f"{len(chars)} characters but {len(images)} images")
        self.chars = list(chars)
        self.images = images

    def raster(self, row: int) -> np.ndarray:
        return self.images[row]


class FontGlyphSource(GlyphSource):
    """Glyphs of a font, rendered in chunks of neighbouring cells when first asked for."""

    def __init__(
        self,
        font: FontFile,
        chars: Sequence[str],
        size: int = 64,
        margin: float = 0.0,
        chunk: int = 64,
        max_chunks: int = 128,
    ):
        self.font = font
        self.chars = list(chars)
        self.size = size
        self.margin = margin
        self.chunk = chunk
        self.max_chunks = max_chunks
        self._chunks: OrderedDict[int, np.ndarray] = OrderedDict()

    def raster(self, row: int) -> np.ndarray:
        number = row // self.chunk
        images = self._chunks.get(number)
        if images is None:
            images = self._render_chunk(number)
            self._chunks[number] = images
            while len(self._chunks) > self.max_chunks:
                self._chunks.popitem(last=False)
        else:
            self._chunks.move_to_end(number)
        return images[row - number * self.chunk]

    def _render_chunk(self, number: int) -> np.ndarray:
        chars = self.chars[number * self.chunk : (number + 1) * self.chunk]
        # The disk cache is for training sets; scrolling would only fill it with odd chunks.
        result = render(self.font, chars, self.size, self.margin, cache=False)
        images = np.zeros((len(chars), self.size, self.size), np.uint8)
        where = result.index()
        for i, char in enumerate(chars):
            if char in where:
                images[i] = result.images[where[char]]
        return images


_EMPTY = ArrayGlyphSource([], np.zeros((0, 8, 8), np.uint8))


class GlyphGridModel(QAbstractListModel):
    """One row per glyph; pixmaps are drawn when a view first asks and cached per cell size."""

    CharRole = Qt.ItemDataRole.UserRole + 1
    RasterRole = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self, source: GlyphSource | None = None, cell_size: int = 64, max_cached: int = 4096, parent=None
    ):
        super().__init__(parent)
        self._source = source if source is not None else _EMPTY
        self._cell_size = cell_size
        self._max_cached = max_cached
        self._pixmaps: OrderedDict[int, QPixmap] = OrderedDict()

    def source(self) -> GlyphSource:
        return self._source

    def setSource(self, source: GlyphSource) -> None:
        self.beginResetModel()
        self._source = source
        self._pixmaps.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.setSource(_EMPTY)

    def cellSize(self) -> int:
        return self._cell_size

    def setCellSize(self, size: int) -> None:
        if size == self._cell_size:
            return
        self._cell_size = size
        self._pixmaps.clear()
        self.layoutChanged.emit()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        return 0 if parent.isValid() else len(self._source)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._source):
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DecorationRole:
            return self.pixmap(row)
        if role in (Qt.ItemDataRole.DisplayRole, self.CharRole):
            return self._source.char(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            char = self._source.char(row)
            return f"{char}  U+{ord(char):04X}"
        if role == self.RasterRole:
            return self._source.raster(row)
        return None

    def pixmap(self, row: int) -> QPixmap:
        pixmap = self._pixmaps.get(row)
        if pixmap is not None:
            self._pixmaps.move_to_end(row)
            return pixmap
        image = raster_to_qimage(self._source.raster(row))
        size = self._cell_size
        if image.width() != size:
            image = image.scaled(
                size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        pixmap = QPixmap.fromImage(image)
        self._pixmaps[row] = pixmap
        while len(self._pixmaps) > self._max_cached:
            self._pixmaps.popitem(last=False)
        return pixmap

    def cachedCount(self) -> int:
        """How many cells have been drawn and are cached (lazy drawing is observable in tests)."""
        return len(self._pixmaps)


class GlyphGridDelegate(QStyledItemDelegate):
    """Paints a cell: white square with the glyph, a thin frame, the code point underneath."""

    PADDING = 3

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._label_font = QFont()
        self._label_font.setPointSizeF(max(6.5, self._label_font.pointSizeF() * 0.8))

    def _cell_size(self, index: QModelIndex) -> int:
        model = index.model()
        return model.cellSize() if isinstance(model, GlyphGridModel) else 64

    def _label_height(self, option: QStyleOptionViewItem) -> int:
        return QFontMetrics(self._label_font).height() + 2

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        cell = self._cell_size(index)
        return QSize(cell + 2 * self.PADDING, cell + 2 * self.PADDING + self._label_height(option))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        cell = self._cell_size(index)
        box = QRect(
            option.rect.x() + (option.rect.width() - cell) // 2, option.rect.y() + self.PADDING, cell, cell
        )
        painter.fillRect(box, QColor("white"))
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            painter.drawPixmap(
                box.x() + (cell - pixmap.width()) // 2, box.y() + (cell - pixmap.height()) // 2, pixmap
            )
        painter.setPen(
            QColor(200, 200, 200) if not selected else palette.color(QPalette.ColorRole.HighlightedText)
        )
        painter.drawRect(box.adjusted(0, 0, -1, -1))
        char = index.data(GlyphGridModel.CharRole)
        if char:
            label_rect = QRect(
                option.rect.x(), box.bottom() + 1, option.rect.width(), option.rect.bottom() - box.bottom()
            )
            painter.setFont(self._label_font)
            painter.setPen(
                palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
            )
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, f"U+{ord(char):04X}")
        painter.restore()


class GlyphGridView(QListView):
    """A wrapping grid of :class:`GlyphGridModel` cells. ``glyphActivated(row)`` on double-click or Enter."""

    glyphActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)  # one sizeHint for all cells: layout stays O(1) per cell
        self.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.setSpacing(2)
        self.setItemDelegate(GlyphGridDelegate(self))
        self.activated.connect(lambda index: self.glyphActivated.emit(index.row()))
        self._anchor = QPersistentModelIndex()
        self._extending = False

    # Shift+arrow selects the range from an anchor that is always the cell the cursor last
    # reached without Shift: a click, a plain arrow, or a move made by the program (Qt's own
    # anchor stays where the last click was when the program moves the cursor).
    _NAVIGATION = {
        Qt.Key.Key_Left: QAbstractItemView.CursorAction.MoveLeft,
        Qt.Key.Key_Right: QAbstractItemView.CursorAction.MoveRight,
        Qt.Key.Key_Up: QAbstractItemView.CursorAction.MoveUp,
        Qt.Key.Key_Down: QAbstractItemView.CursorAction.MoveDown,
        Qt.Key.Key_Home: QAbstractItemView.CursorAction.MoveHome,
        Qt.Key.Key_End: QAbstractItemView.CursorAction.MoveEnd,
        Qt.Key.Key_PageUp: QAbstractItemView.CursorAction.MovePageUp,
        Qt.Key.Key_PageDown: QAbstractItemView.CursorAction.MovePageDown,
    }

    def moveCursorTo(self, index: QModelIndex) -> None:
        """Make ``index`` current and the only selected cell (and the anchor of the next Shift+arrow)."""
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        if not self._extending:
            self._anchor = QPersistentModelIndex(current)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._NAVIGATION.get(Qt.Key(event.key()))
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if (
            action is None
            or not shift
            or self.selectionMode() != QAbstractItemView.SelectionMode.ExtendedSelection
        ):
            super().keyPressEvent(event)
            return
        target = self.moveCursor(action, event.modifiers())
        if target.isValid():
            anchor = QModelIndex(self._anchor) if self._anchor.isValid() else self.currentIndex()
            low, high = sorted((anchor.row() if anchor.isValid() else target.row(), target.row()))
            model = self.model()
            self._extending = True
            try:
                self.selectionModel().select(
                    QItemSelection(model.index(low, 0), model.index(high, 0)),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect,
                )
                self.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.NoUpdate)
            finally:
                self._extending = False
            self.scrollTo(target)
        event.accept()

    def mousePressEvent(self, event) -> None:
        self._extending = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        try:
            super().mousePressEvent(event)
        finally:
            self._extending = False

    def setCellSize(self, size: int) -> None:
        model = self.model()
        if isinstance(model, GlyphGridModel):
            model.setCellSize(size)
        self.scheduleDelayedItemsLayout()

    def selectedRows(self) -> list[int]:
        return (
            sorted(index.row() for index in self.selectionModel().selectedIndexes())
            if self.selectionModel()
            else []
        )
