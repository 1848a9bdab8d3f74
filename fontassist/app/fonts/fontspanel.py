"""One font slot (source or target): how to pick a font, and what the chosen font is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...fonts import FONT_FILE_TYPES, FontFile
from ..common.images import raster_to_qimage
from ..common.widgets import ElidedLabel, ImageView, MessageLabel, muted
from .fontsample import CJK_SAMPLE, LATIN_SAMPLE, SPECIMEN, sample_line

SAMPLE_HEIGHT = 52
SPECIMEN_HEIGHT = 120


def font_file_filter(tr=None) -> str:
    """The file dialog filter for fonts (``tr`` is accepted for old callers; the strings live in the FontPanel context)."""
    patterns = " ".join(f"*.{ext} *.{ext.upper()}" for ext in (*FONT_FILE_TYPES, "designspace"))
    font_files = QCoreApplication.translate("FontPanel", "Font files")
    all_files = QCoreApplication.translate("FontPanel", "All files")
    return f"{font_files} ({patterns});;{all_files} (*)"


def dropped_font_path(event: QDragEnterEvent | QDropEvent) -> str | None:
    """The first local font file in a drag, or None."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        path = url.toLocalFile()
        if path and Path(path).suffix.lower().lstrip(".") in (*FONT_FILE_TYPES, "ufo", "designspace"):
            return path
    return None


class FontPanel(QGroupBox):
    """Buttons to choose a font, a drop target, and the chosen font's names, numbers and sample."""

    openFileClicked = Signal()
    ufoClicked = Signal()
    installedClicked = Signal()
    fileDropped = Signal(str)

    def __init__(self, title: str, blurb: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.setAcceptDrops(True)
        self.blurb = muted(QLabel(blurb, self))
        self.blurb.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open font file…"), self)
        self.installed_button = QPushButton(self.tr("Installed fonts…"), self)
        self.ufo_button = QPushButton(self.tr("UFO…"), self)
        self.ufo_button.setToolTip(self.tr("A UFO folder: a font still being drawn in your editor"))
        self.ufo_button.clicked.connect(self.ufoClicked)
        self.open_button.clicked.connect(self.openFileClicked)
        self.installed_button.clicked.connect(self.installedClicked)

        self.name_label = QLabel(self)
        name_font = self.name_label.font()
        name_font.setPointSizeF(name_font.pointSizeF() * 1.35)
        name_font.setBold(True)
        self.name_label.setFont(name_font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = QLabel(self)
        self.details_label.setWordWrap(True)
        self.path_label = muted(ElidedLabel("", self))
        self.latin_sample = ImageView(
            self, alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.cjk_sample = ImageView(
            self, alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.specimen = ImageView(self, alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.error = MessageLabel(self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.installed_button)
        buttons.addWidget(self.ufo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.blurb)
        layout.addLayout(buttons)
        layout.addSpacing(6)
        layout.addWidget(self.name_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.path_label)
        layout.addSpacing(4)
        layout.addWidget(self.latin_sample)
        layout.addWidget(self.cjk_sample)
        layout.addWidget(self.specimen)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.showFont(None)

    def showFont(self, font: FontFile | None) -> None:
        if font is None:
            self.name_label.setText(self.tr("No font chosen"))
            self.details_label.setText(self.tr("Open a font file, drop one here, or pick an installed font."))
            self.path_label.setFullText("")
            self.latin_sample.setImage(QImage())
            self.cjk_sample.setImage(QImage())
            self.specimen.setImage(QImage())
            return
        self.name_label.setText(font.full_name)
        outlines = {
            "glyf": self.tr("TrueType outlines"),
            "CFF": self.tr("PostScript (CFF) outlines"),
            "CFF2": self.tr("CFF2 outlines"),
            "ufo": self.tr("UFO (a font being drawn)"),
        }
        parts = [
            self.tr("{0} glyphs").format(f"{font.glyph_count:,}"),
            self.tr("{0} characters").format(f"{len(font.cmap):,}"),
            self.tr("{0} units per em").format(font.upm),
            outlines.get(font.outline_format, font.outline_format),
        ]
        if font.is_variable:
            parts.append(self.tr("variable font (default instance)"))
        self.details_label.setText(" · ".join(parts))
        face = "  " + self.tr("(face {0})").format(font.face_index + 1) if font.face_index else ""
        self.path_label.setFullText(f"{font.path}{face}")
        self.latin_sample.setImage(raster_to_qimage(sample_line(font, LATIN_SAMPLE, SAMPLE_HEIGHT)))
        self.cjk_sample.setImage(raster_to_qimage(sample_line(font, CJK_SAMPLE, SAMPLE_HEIGHT)))
        self.specimen.setImage(raster_to_qimage(sample_line(font, SPECIMEN, SPECIMEN_HEIGHT)))

    def showError(self, text: str) -> None:
        self.error.showError(text)

    def clearError(self) -> None:
        self.error.clearMessage()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_font_path(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_font_path(event)
        if path:
            event.acceptProposedAction()
            self.fileDropped.emit(path)
