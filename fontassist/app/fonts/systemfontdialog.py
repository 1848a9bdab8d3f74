"""A searchable list of the fonts installed on this computer.

The scan runs on the thread pool the first time the dialog opens and is kept
for the session; the dialog is usable (and cancellable) while it runs.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from ..common.worker import run_in_background
from .system_fonts import SystemFont, scan_system_fonts

FontRole = Qt.ItemDataRole.UserRole + 1


class SystemFontDialog(QDialog):
    _scanned: list[SystemFont] | None = None  # one scan per session

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("systemFontDialog")
        self.setWindowTitle(title)
        self.resize(520, 560)
        self._model = QStandardItemModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._proxy.setFilterRole(Qt.ItemDataRole.DisplayRole)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search installed fonts by name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._proxy.setFilterFixedString)
        self.list = QListView(self)
        self.list.setModel(self._proxy)
        self.list.setUniformItemSizes(True)
        self.list.doubleClicked.connect(self.accept)
        self.status = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        if SystemFontDialog._scanned is None:
            self.status.setText(self.tr("Looking for installed fonts…"))
            self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(False)
            run_in_background(
                scan_system_fonts, self._scan_done, self._scan_failed, owner=self, name="font scan"
            )
        else:
            self._fill(SystemFontDialog._scanned)

    def _scan_done(self, fonts: list[SystemFont]) -> None:
        SystemFontDialog._scanned = fonts
        self._fill(fonts)

    def _scan_failed(self, error: str, _details: str = "") -> None:
        self.status.setText(self.tr("Installed fonts could not be listed: {0}").format(error))

    def _fill(self, fonts: list[SystemFont]) -> None:
        self._model.clear()
        for font in fonts:
            item = QStandardItem(font.name)
            item.setToolTip(f"{font.path}" + (f" #{font.face}" if font.face else ""))
            item.setData(font, FontRole)
            item.setEditable(False)
            self._model.appendRow(item)
        self.status.setText(self.tr("%n installed font(s)", "", len(fonts)))
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(bool(fonts))
        if fonts:
            self.list.setCurrentIndex(self._proxy.index(0, 0))

    def selectedFont(self) -> SystemFont | None:
        index = self.list.currentIndex()
        return index.data(FontRole) if index.isValid() else None

    def selectFont(self, text: str) -> bool:
        """Filter by ``text`` and select the first match (for keyboard users and tests)."""
        self.search.setText(text)
        if self._proxy.rowCount() == 0:
            return False
        self.list.setCurrentIndex(self._proxy.index(0, 0))
        return True
