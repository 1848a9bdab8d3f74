"""Small widgets the pages share."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)


class ImageView(QWidget):
    """Shows a QImage scaled down to fit (never up beyond ``max_scale``), aspect kept, placed by ``alignment``."""

    def __init__(
        self,
        parent: QWidget | None = None,
        max_scale: float = 1.0,
        placeholder: str = "",
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
    ):
        super().__init__(parent)
        self._image = QImage()
        self._alignment = alignment
        self._max_scale = max_scale
        self._placeholder = placeholder
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def image(self) -> QImage:
        return self._image

    def setImage(self, image: QImage) -> None:
        self._image = image
        self.updateGeometry()
        self.update()

    def setPlaceholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def hasHeightForWidth(self) -> bool:
        return not self._image.isNull()

    def heightForWidth(self, width: int) -> int:
        if self._image.isNull():
            return super().heightForWidth(width)
        scale = min(self._max_scale, width / max(1, self._image.width()))
        return max(1, int(self._image.height() * scale))

    def sizeHint(self) -> QSize:
        if self._image.isNull():
            return QSize(200, 40)
        return self._image.size()

    def minimumSizeHint(self) -> QSize:
        return QSize(40, 20)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self._image.isNull():
            paint_placeholder(self, painter, self._placeholder)
            return
        scale = min(self._max_scale, self.width() / self._image.width(), self.height() / self._image.height())
        w, h = self._image.width() * scale, self._image.height() * scale
        x = 0.0 if self._alignment & Qt.AlignmentFlag.AlignLeft else (self.width() - w) / 2
        y = 0.0 if self._alignment & Qt.AlignmentFlag.AlignTop else (self.height() - h) / 2
        target = QRectF(x, y, w, h)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, scale != 1.0)
        painter.drawImage(target, self._image)


def paint_placeholder(widget: QWidget, painter: QPainter, text: str) -> None:
    """``text`` centred and wrapped in the widget's text colour: what an empty view shows (nothing if empty)."""
    if text:
        painter.setPen(widget.palette().color(widget.foregroundRole()))
        painter.drawText(widget.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)


class GlyphTileView(ImageView):
    """A glyph raster (the whole em square) scaled to fit whatever room the layout gives: never cropped.

    Unlike :class:`ImageView` it does not ask for a height for its width, so a
    grid or box layout cannot hand it a taller area than it shows (which let a
    neighbour cover the bottom of the glyph).
    """

    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QSize:
        return QSize(120, 120)

    def minimumSizeHint(self) -> QSize:
        return QSize(48, 48)


class MessageLabel(QLabel):
    """A word-wrapped message line: ``showError`` in red, ``showInfo`` plain; hidden when empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMargin(6)
        self.hide()

    def showError(self, text: str) -> None:
        self.setStyleSheet(
            "QLabel { color: #8b0000; background: #fdecea; border: 1px solid #f5c2c0; border-radius: 3px; }"
        )
        self.setText(text)
        self.setVisible(bool(text))

    def showInfo(self, text: str) -> None:
        self.setStyleSheet("QLabel { background: #eef4fb; border: 1px solid #c9dbef; border-radius: 3px; }")
        self.setText(text)
        self.setVisible(bool(text))

    def clearMessage(self) -> None:
        self.setText("")
        self.hide()


def heading(text: str, parent: QWidget | None = None, scale: float = 1.3) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(label.foregroundRole(), QColor(100, 100, 100))
    label.setPalette(palette)
    return label


class ElidedLabel(QLabel):
    """A one-line label that elides its text in the middle (paths) instead of widening the window."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setFullText(text)

    def fullText(self) -> str:
        return self._full_text

    def setFullText(self, text: str) -> None:
        self._full_text = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(10, self.width())
        super().setText(self.fontMetrics().elidedText(self._full_text, Qt.TextElideMode.ElideMiddle, width))


class FitScrollArea(QScrollArea):
    """A widget in a scroll area that fills the view, and scrolls only when the view is below its minimum.

    Unlike ``widgetResizable`` this ignores the height the widget would like for
    its width, so a page with wrapped text does not scroll while its minimum
    still fits; on a screen smaller than that, it scrolls instead of falling off.
    """

    def __init__(self, widget: QWidget, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(widget)
        self.setWidgetResizable(False)

    def _fit(self) -> None:
        page, minimum = self.widget(), self.widget().minimumSizeHint().expandedTo(self.widget().minimumSize())
        view = self.maximumViewportSize()
        width = max(view.width(), minimum.width())
        height = max(view.height(), minimum.height())
        if width > view.width():  # a horizontal scroll bar takes room from the height
            height = max(view.height() - self.horizontalScrollBar().sizeHint().height(), minimum.height())
        if height > view.height():
            width = max(view.width() - self.verticalScrollBar().sizeHint().width(), minimum.width())
        page.resize(width, height)

    def resizeEvent(self, event) -> None:
        self._fit()
        super().resizeEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().event(event)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)


def settings_column(parent: QWidget, *items) -> QWidget:
    """A page's settings column: widgets and layouts stacked top to bottom, without margins, with the slack below.

    An item is a widget, a layout, or ``(widget, alignment)``.
    """
    column = QWidget(parent)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for item in items:
        if isinstance(item, tuple):
            layout.addWidget(item[0], 0, item[1])
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    layout.addStretch(1)
    return column


def side_by_side(
    parent: QWidget,
    left: QWidget,
    right: QWidget,
    stretch: tuple[int, int],
    sizes: tuple[int, int],
    orientation: Qt.Orientation = Qt.Orientation.Horizontal,
) -> QSplitter:
    """Two panes in a splitter that grows them by ``stretch``, starts them at ``sizes`` and never collapses one."""
    splitter = QSplitter(orientation, parent)
    splitter.addWidget(left)
    splitter.addWidget(right)
    for index, factor in enumerate(stretch):
        splitter.setStretchFactor(index, factor)
    splitter.setSizes(list(sizes))
    splitter.setChildrenCollapsible(False)
    return splitter


def debounce(parent: QObject, ms: int, slot) -> QTimer:
    """A single-shot timer that calls ``slot`` ``ms`` after its last ``start()``: bursts of changes run it once."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer


def vertical_scroll(widget: QWidget, parent: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that follows the view's width and scrolls only vertically."""
    scroll = QScrollArea(parent)
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll
