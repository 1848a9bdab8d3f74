"""The Review page's detail view of one glyph: source, generated raster, traced outline, target, context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from ...errors import FontAssistError
from ...fonts import render_glyph
from ...vector import TraceSettings
from ..common.images import raster_to_qimage
from ..common.outlineview import OutlineView
from ..common.widgets import GlyphTileView, debounce, muted
from ..common.worker import run_in_background
from .contextline import DEFAULT_CONTEXT, context_line
from .reviewdata import FLAG_FILTERS, describe_flags
from .reviewstate import ReviewState


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def labelled(char: str) -> str:
    """A character with its code point, so a character the UI font cannot draw is never a tofu box alone."""
    return f"{char} {code_point(char)}"


class GlyphTile(QWidget):
    """A caption over a glyph picture."""

    def __init__(self, caption: str, view: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = muted(QLabel(caption, self))
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view = view
        view.setMinimumSize(40, 40)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(view, 1)


class GlyphDetail(QWidget):
    """Everything about the current glyph of a :class:`ReviewState`."""

    def __init__(self, state: ReviewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.trace_options = TraceSettings()
        self._char = ""
        self._trace_ticket = 0
        self.context_glyph = None  # the traced outline (what will be exported) as a raster, once traced

        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info = QLabel(self)
        self.info.setObjectName("detailInfo")
        self.info.setWordWrap(True)

        self.source_view = GlyphTileView(self, max_scale=4.0)
        self.generated_view = GlyphTileView(self, max_scale=4.0)
        self.outline_view = OutlineView(self)
        self.outline_view.setObjectName("detailOutline")
        self.target_view = GlyphTileView(self, max_scale=4.0)
        self.target_view.setObjectName("detailTarget")
        self.source_tile = GlyphTile(self.tr("Source"), self.source_view, self)
        self.generated_tile = GlyphTile(self.tr("Generated"), self.generated_view, self)
        self.outline_tile = GlyphTile(self.tr("Traced outline"), self.outline_view, self)
        self.target_tile = GlyphTile(self.tr("Target's own glyph"), self.target_view, self)
        # The outline, with its points, needs room; the three rasters sit in a column beside it,
        # each in its own box so none can cover another.
        rasters = QVBoxLayout()
        rasters.setSpacing(6)
        for tile in (self.source_tile, self.generated_tile, self.target_tile):
            rasters.addWidget(tile, 1)
        tiles = QHBoxLayout()
        tiles.setSpacing(6)
        tiles.addWidget(self.outline_tile, 5)
        tiles.addLayout(rasters, 2)
        self.points_label = muted(QLabel(self))
        self.points_label.setObjectName("pointsLabel")

        self.context_edit = QLineEdit(DEFAULT_CONTEXT, self)
        self.context_edit.setObjectName("contextEdit")
        self.context_edit.setToolTip(
            self.tr("The glyph is set where * (or ＊) stands, between the target font's own glyphs.")
        )
        self.context_view = GlyphTileView(self, max_scale=3.0)  # fits its box: never squeezes the tiles
        self.context_view.setObjectName("contextView")
        self.context_view.setMinimumSize(40, 40)
        self.context_view.setMaximumHeight(110)
        self.context_note = muted(QLabel(self))
        self.context_note.setWordWrap(True)
        self._context_timer = debounce(self, 250, self._show_context)
        self.context_edit.textChanged.connect(self._context_timer.start)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addLayout(tiles, 1)
        layout.addWidget(self.points_label)
        context_row = QHBoxLayout()
        context_row.addWidget(QLabel(self.tr("In a line of the target font (* marks the glyph):"), self))
        context_row.addWidget(self.context_edit, 1)
        layout.addLayout(context_row)
        layout.addWidget(self.context_view)
        layout.addWidget(self.context_note)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        state.currentCharChanged.connect(self.showChar)
        state.decisionsChanged.connect(lambda chars: (not chars or self._char in chars) and self._show_info())
        state.glyphsRedrawn.connect(lambda chars: self._char in chars and self.showChar(self._char))
        state.glyphsChanged.connect(lambda: self.showChar(self.state.current_char))
        self.showChar("")

    def setTraceOptions(self, options: TraceSettings) -> None:
        if options != self.trace_options:
            self.trace_options = options
            self.showChar(self._char)

    def showChar(self, char: str) -> None:
        self._char = char
        glyphs = self.state.glyphs
        i = glyphs.index(char) if glyphs is not None and char else None
        if i is None:
            self.title.setText(self.tr("No glyph selected"))
            self.info.setText("")
            for view in (self.source_view, self.generated_view, self.target_view, self.context_view):
                view.setImage(QImage())
            self.outline_view.clear()
            self.points_label.setText("")
            self.context_note.setText("")
            return
        self.source_view.setImage(raster_to_qimage(glyphs.source_images[i]))
        self.generated_view.setImage(raster_to_qimage(glyphs.images[i]))
        self.outline_view.setRaster(glyphs.images[i], glyphs.frame)
        self.points_label.setText(self.tr("Tracing…"))
        self.context_glyph = None
        self._trace(glyphs, i)
        target = self.state.session.target
        if target is not None and target.has(char):
            try:
                raster = render_glyph(target, char, glyphs.size, glyphs.frame.margin)
                self.target_view.setImage(raster_to_qimage(raster))
                self.target_tile.caption.setText(self.tr("Target's own glyph"))
            except FontAssistError as e:
                self.target_view.setImage(QImage())
                self.target_view.setPlaceholder(str(e))
        else:
            self.target_view.setImage(QImage())
            name = target.family if target is not None else self.tr("The target")
            self.target_view.setPlaceholder(
                self.tr("{0} has no glyph for {1} ({2})").format(name, char, code_point(char))
            )
        self._show_info()
        self._show_context()

    def _show_info(self) -> None:
        glyphs = self.state.glyphs
        i = glyphs.index(self._char) if glyphs is not None and self._char else None
        if i is None:
            return
        char = self._char
        status = {
            "new": self.tr("undecided"),
            "accepted": self.tr("accepted"),
            "rejected": self.tr("rejected"),
        }[self.state.status(char)]
        self.title.setText(f"{char}  U+{ord(char):04X}")
        flags = ", ".join(
            f"{self._flag_name(key)} ({detail})" if detail else self._flag_name(key)
            for key, detail in describe_flags(glyphs.flags[i])
        )
        model = glyphs.checkpoints[i].rsplit("/", 1)[-1]
        parts = [self.tr("Status: <b>{0}</b>").format(status), self.tr("drawn by {0}").format(model)]
        parts.append(self.tr("quality flags: {0}").format(flags) if flags else self.tr("no quality flags"))
        self.info.setText(" · ".join(parts))

    @staticmethod
    def _flag_name(key: str) -> str:
        """A flag named as the Review page's Quality filter names it, translated."""
        return QCoreApplication.translate("ReviewPage", FLAG_FILTERS[key][0])

    def _trace(self, glyphs, i: int) -> None:
        """Trace glyph ``i`` as the export will (upscaled where the set is), off the GUI thread."""
        self._trace_ticket += 1
        ticket, options = self._trace_ticket, self.trace_options

        def trace():
            from ...fonts.render import render_outline
            from ...vector import trace_outline

            outline = trace_outline(glyphs.trace_raster(i), glyphs.trace_frame, options)
            return outline, render_outline(outline.draw, glyphs.frame)

        run_in_background(
            trace,
            lambda outline: self._traced(ticket, outline),
            lambda message, _details: self._trace_failed(ticket, message),
            owner=self,
            name="trace preview",
        )

    def _traced(self, ticket: int, traced) -> None:
        if ticket != self._trace_ticket:
            return
        outline, self.context_glyph = traced
        self._show_context()  # the line now sets the traced outline, not the raster
        self.outline_view.setOutline(outline)
        stats = outline.stats()
        self.points_label.setText(
            self.tr("Outline: {0} contours, {1} on-curve points (■), {2} off-curve points (○)").format(
                stats.contours, stats.on_curve, stats.off_curve
            )
        )

    def _trace_failed(self, ticket: int, error: str) -> None:
        if ticket == self._trace_ticket:
            self.points_label.setText(self.tr("Tracing failed: {0}").format(error))

    def _show_context(self) -> None:
        glyphs, target = self.state.glyphs, self.state.session.target
        i = glyphs.index(self._char) if glyphs is not None and self._char else None
        if i is None or target is None:
            return
        glyph = (
            self.context_glyph if self.context_glyph is not None else glyphs.images[i]
        )  # raster until traced
        line, missing = context_line(target, self.context_edit.text(), glyph, glyphs.frame)
        self.context_view.setImage(raster_to_qimage(line))
        self.context_note.setText(
            self.tr("Left out (the target lacks them): {0}").format(", ".join(map(labelled, missing)))
            if missing
            else ""
        )
