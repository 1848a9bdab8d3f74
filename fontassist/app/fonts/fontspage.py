"""Step 1, Fonts: choose the source (has the characters) and the target (the style), see their coverage."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import FontAssistError
from ...fonts import CHARSET_NAMES, Coverage, list_faces, named_charset
from ..characters.charsetnames import charset_label
from ..common.session import Session
from ..common.settings import AppSettings
from ..common.widgets import MessageLabel, heading
from .fontspanel import FontPanel, font_file_filter
from .systemfontdialog import SystemFontDialog

log = logging.getLogger(__name__)

# Below this many shared ideographs a target is "small data" (a UFO with the few hundred glyphs drawn so far).
SMALL_DATA_PAIRS = 1000


class FontsPage(QWidget):
    nextRequested = Signal()

    def __init__(self, session: Session, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fontsPage")
        self.session = session
        self.settings = settings

        self.banner = MessageLabel(self)
        self.panels = {
            "source": FontPanel(
                self.tr("Source font"),
                self.tr(
                    "Has the characters you need, in a plain style close in structure to the target (e.g. Noto Sans TC). "
                    "Open a file, pick an installed font or drop a font file here."
                ),
                self,
            ),
            "target": FontPanel(
                self.tr("Target font"),
                self.tr(
                    "The style you want; fontassist learns it from the characters both fonts share (e.g. Zen Maru Gothic). "
                    "Open a file, pick an installed font or drop a font file here."
                ),
                self,
            ),
        }
        for role, panel in self.panels.items():
            panel.setObjectName(f"{role}Panel")
            panel.openFileClicked.connect(lambda role=role: self.chooseFile(role))
            panel.ufoClicked.connect(lambda role=role: self.chooseUfo(role))
            panel.installedClicked.connect(lambda role=role: self.chooseInstalled(role))
            panel.fileDropped.connect(lambda path, role=role: self.useFile(role, path))

        self.coverage = QTableWidget(0, 5, self)
        self.coverage.setObjectName("coverageTable")
        self.coverage.setHorizontalHeaderLabels(
            [
                self.tr("Character set"),
                self.tr("Source has"),
                self.tr("Target has"),
                self.tr("Both have\n(learn from)"),
                self.tr("Target lacks\n(can generate)"),
            ]
        )
        self.coverage.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.coverage.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.coverage.verticalHeader().hide()
        self.coverage.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.coverage.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.coverage.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            self.coverage.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.next_button = QPushButton(self.tr("Next: choose the characters →"), self)
        self.next_button.clicked.connect(self.nextRequested)

        panels = QHBoxLayout()
        panels.addWidget(self.panels["source"], 1)
        panels.addWidget(self.panels["target"], 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("1 · Fonts"), self))
        layout.addWidget(self.banner)
        layout.addLayout(panels)
        layout.addWidget(heading(self.tr("Coverage of the pair"), self, 1.1))
        layout.addWidget(self.coverage, 1)
        self.pairs_note = MessageLabel(self)
        self.pairs_note.setObjectName("pairsNote")
        layout.addWidget(self.pairs_note)
        layout.addStretch(0)
        layout.addLayout(bottom)

        session.fontsChanged.connect(self.refresh)
        session.projectReplaced.connect(self._show_project_errors)
        self.refresh()

    # -- choosing ---------------------------------------------------------------------------------
    def chooseFile(self, role: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the {0} font").format(self._role_name(role)),
            self.settings.last_folder("fonts"),
            font_file_filter(self.tr),
        )
        if path:
            self.useFile(role, path)

    def chooseUfo(self, role: str) -> None:
        """A UFO folder (the designer's work in progress) as the font."""
        path = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose the {0} UFO (a folder ending in .ufo)").format(self._role_name(role)),
            self.settings.last_folder("fonts"),
        )
        if path:
            self.useFile(role, path)

    def chooseInstalled(self, role: str) -> None:
        dialog = SystemFontDialog(
            self.tr("Installed fonts: choose the {0} font").format(self._role_name(role)), self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFont() is not None:
            font = dialog.selectedFont()
            self.useFont(role, font.path, font.face)

    def useFile(self, role: str, path: str) -> bool:
        """Use a font file for ``role``, asking which face when it is a collection."""
        try:
            faces = list_faces(path)
        except FontAssistError as e:
            self.panels[role].showError(str(e))
            return False
        face = 0
        if len(faces) > 1:
            chosen = self.askFace(path, faces)
            if chosen is None:
                return False
            face = chosen
        return self.useFont(role, path, face)

    def useFont(self, role: str, path: str, face: int = 0) -> bool:
        panel = self.panels[role]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a large font takes a moment to read
        try:
            self.session.setFont(role, path, face)
        except FontAssistError as e:
            log.info("font not used: %s", e)
            panel.showError(str(e))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        panel.clearError()
        self.banner.clearMessage()  # "showing the demo fonts" is no longer true
        self.settings.set_last_folder("fonts", path)
        return True

    def askFace(self, path: str, faces: list[str]) -> int | None:
        """Which face of a collection to use; None when the designer cancels."""
        item, ok = QInputDialog.getItem(
            self,
            self.tr("Choose a face"),
            self.tr("{0} holds {1} fonts. Which one?").format(Path(path).name, len(faces)),
            faces,
            0,
            False,
        )
        return faces.index(item) if ok and item in faces else None

    def _role_name(self, role: str) -> str:
        return self.tr("source") if role == "source" else self.tr("target")

    # -- showing ----------------------------------------------------------------------------------
    def showBanner(self, text: str) -> None:
        self.banner.showInfo(text)

    def _show_project_errors(self) -> None:
        self.banner.clearMessage()  # another project: its own fonts, not the demo's
        for role, panel in self.panels.items():
            error = self.session.font_errors.get(role)
            if error:
                panel.showError(error)
            else:
                panel.clearError()

    def refresh(self) -> None:
        for role, panel in self.panels.items():
            panel.showFont(self.session.fonts[role])
        source, target = self.session.source, self.session.target
        self.coverage.setRowCount(0)
        self.pairs_note.clearMessage()
        if source is None or target is None:
            return
        rows = []
        for name in CHARSET_NAMES:
            cov = Coverage.of(source, target, named_charset(name))
            rows.append(
                (
                    charset_label(name),
                    len(cov.source_has),
                    len(cov.target_has),
                    len(cov.both),
                    len(cov.missing),
                )
            )
        both = sum(1 for cp in source.cmap if cp in target.cmap)
        rows.append(
            (
                self.tr("All characters of either font"),
                len(source.cmap),
                len(target.cmap),
                both,
                len(source.cmap) - both,
            )
        )
        self._show_pairs_note(source, target)
        self.coverage.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value if c == 0 else f"{value:,}")
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.coverage.setItem(r, c, item)
        self._fit_coverage_height()

    def _show_pairs_note(self, source, target) -> None:
        """How many pairs there are to learn from, and what that means, for a target still being drawn."""
        from ...fonts import is_han

        pairs = sum(1 for cp in target.cmap if cp in source.cmap and is_han(chr(cp)))
        if target.outline_format != "ufo" and pairs >= SMALL_DATA_PAIRS:
            return
        if pairs >= SMALL_DATA_PAIRS:
            text = self.tr("{0:,} ideograph pairs to learn from: enough for a good model.").format(pairs)
        else:
            text = self.tr(
                "Only {0:,} ideograph pairs to learn from. With under {1:,} the model learns the broad "
                "style (weight, stroke ends, proportions) but draws complex characters roughly: train a "
                "small model (64 px) with augmentation (shift and scale) and fewer steps, and expect to "
                "fix more glyphs by hand. Each glyph you draw adds a pair."
            ).format(pairs, SMALL_DATA_PAIRS)
        self.pairs_note.showInfo(text)

    def _fit_coverage_height(self) -> None:
        table = self.coverage
        rows = table.verticalHeader()
        height = (
            table.horizontalHeader().sizeHint().height()
            + rows.defaultSectionSize() * table.rowCount()
            + 2 * table.frameWidth()
            + 2
        )
        # All rows when there is room; on a short screen the table scrolls and the page still fits.
        table.setMaximumHeight(height)
        table.setMinimumHeight(
            min(
                height,
                table.horizontalHeader().sizeHint().height()
                + 3 * rows.defaultSectionSize()
                + 2 * table.frameWidth()
                + 2,
            )
        )
