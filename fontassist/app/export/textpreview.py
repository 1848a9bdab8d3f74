"""Text preview: any text set in the exported font, loaded into Qt from the written file, above the original target.

Each font is registered with ``QFontDatabase.addApplicationFontFromData``
from the file's bytes (so the file is not held open and can be written again)
and drawn with font merging off: a character a font lacks shows as that
font's missing-glyph box, never as a glyph borrowed from another font.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..common.widgets import muted

log = logging.getLogger(__name__)

DEFAULT_SIZE = 40


class LoadedFont:
    """A font file registered with Qt for this process; ``unload`` removes it again."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        from ...fonts.ufo import is_ufo_path

        if is_ufo_path(self.path):  # a UFO target: the same in-memory TrueType font the core renders from
            from ...fonts import open_font

            data = open_font(self.path).font_bytes
        else:
            data = self.path.read_bytes()
        self.font_id = QFontDatabase.addApplicationFontFromData(data)
        self.families = QFontDatabase.applicationFontFamilies(self.font_id) if self.font_id >= 0 else []
        if not self.families:
            log.warning("Qt could not load %s", self.path)

    @property
    def ok(self) -> bool:
        return bool(self.families)

    def qfont(self, pixel_size: int) -> QFont:
        font = QFont(self.families[0]) if self.families else QFont()
        font.setPixelSize(pixel_size)
        font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
        return font

    def unload(self) -> None:
        if self.font_id >= 0:
            QFontDatabase.removeApplicationFont(self.font_id)
            self.font_id = -1


class FontLine(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWordWrap(True)  # long text wraps; new lines in the text start new lines
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setStyleSheet(
            "QLabel { background: white; color: black; border: 1px solid #ddd; padding: 4px; }"
        )


WATERFALL_SIZES = (12, 16, 24, 36, 48, 72, 96, 120)


class TextPreview(QWidget):
    """The same text in the exported font and in the original target: several lines, or a waterfall of sizes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.exported: LoadedFont | None = None
        self.target: LoadedFont | None = None
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("previewText")
        self.text_edit.setPlaceholderText(self.tr("Type any text; several lines are fine"))
        self.text_edit.setFixedHeight(56)
        self.text_edit.textChanged.connect(self._update_lines)
        self.size_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.size_slider.setRange(12, 120)
        self.size_slider.setValue(DEFAULT_SIZE)
        self.size_slider.valueChanged.connect(self._update_fonts)
        self.size_label = QLabel(self)
        self.size_label.setObjectName("previewSize")
        self.size_label.setMinimumWidth(50)
        self.waterfall_box = QCheckBox(self.tr("Waterfall (12–120 px)"), self)
        self.waterfall_box.setObjectName("waterfallBox")
        self.waterfall_box.toggled.connect(self._update_lines)
        size_row = QHBoxLayout()
        size_row.addWidget(self.size_slider, 1)
        size_row.addWidget(self.size_label)
        size_row.addWidget(self.waterfall_box)
        self.exported_label = muted(QLabel(self.tr("Exported font: not written yet"), self))
        self.exported_label.setObjectName("exportedFontLabel")
        self.exported_line = FontLine(self)
        self.exported_line.setObjectName("exportedLine")
        self.target_label = muted(QLabel(self.tr("Original target font"), self))
        self.target_line = FontLine(self)
        self.target_line.setObjectName("targetLine")
        form = QFormLayout()
        form.addRow(self.tr("Text:"), self.text_edit)
        form.addRow(self.tr("Size:"), size_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.exported_label)
        layout.addWidget(self.exported_line)
        layout.addWidget(self.target_label)
        layout.addWidget(self.target_line)
        self.exported_line.hide()
        self._update_fonts()

    def setText(self, text: str) -> None:
        self.text_edit.setPlainText(text)

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def setExportedFont(self, path: str | Path | None) -> bool:
        """Load the written font (replacing the previous one); False when Qt cannot load it."""
        if self.exported is not None:
            self.exported.unload()
            self.exported = None
        if path is None:
            self.exported_label.setText(self.tr("Exported font: not written yet"))
            self.exported_line.hide()
            return False
        self.exported = LoadedFont(path)
        if not self.exported.ok:
            self.exported_label.setText(self.tr("Qt could not load {0}").format(path))
            self.exported_line.hide()
            return False
        self.exported_label.setText(
            self.tr("Exported font: {0} ({1}) — its traced outlines, as written").format(
                self.exported.families[0], Path(path).name
            )
        )
        self.exported_line.show()
        self._update_fonts()
        return True

    def setTargetFont(self, path: str | Path | None) -> None:
        if self.target is not None and path is not None and self.target.path == Path(path):
            return
        if self.target is not None:
            self.target.unload()
            self.target = None
        if path is not None:
            self.target = LoadedFont(path)
            name = self.target.families[0] if self.target.ok else Path(path).name
            self.target_label.setText(
                self.tr("Original target font: {0} (a gap is a character it lacks)").format(name)
            )
        self._update_fonts()

    def _update_fonts(self) -> None:
        size = self.size_slider.value()
        self.size_label.setText(self.tr("{0} px").format(size))
        for loaded, line in ((self.exported, self.exported_line), (self.target, self.target_line)):
            if loaded is not None and loaded.ok:
                line.setFont(loaded.qfont(size))
        self._update_lines()

    def _update_lines(self) -> None:
        text = self.text()
        waterfall = self.waterfall_box.isChecked()
        self.size_slider.setEnabled(not waterfall)
        for loaded, line in ((self.exported, self.exported_line), (self.target, self.target_line)):
            if waterfall and loaded is not None and loaded.ok:
                first = text.splitlines()[0] if text.strip() else ""
                family = html.escape(loaded.families[0], quote=True)
                rows = [
                    f"<div style='font-family:\"{family}\"; font-size:{px}px; white-space:pre'>"
                    f"<span style='font-family:sans-serif; font-size:9px; color:#888'>{px}&nbsp;px&nbsp;</span>"
                    f"{html.escape(first)}</div>"
                    for px in WATERFALL_SIZES
                ]
                line.setTextFormat(Qt.TextFormat.RichText)
                line.setText("".join(rows))
            else:
                line.setTextFormat(Qt.TextFormat.PlainText)
                line.setText(text)

    def unload(self) -> None:
        for loaded in (self.exported, self.target):
            if loaded is not None:
                loaded.unload()
        self.exported = self.target = None
