"""Steps 4 and 5 (Review, Export) until they arrive: say clearly what is coming and what works today."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..widgets import heading, muted


class ComingPage(QWidget):
    def __init__(self, title: str, what: str, meanwhile: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title_label = heading(title, self)
        self.state_label = QLabel(self.tr("Coming in the next release"), self)
        self.state_label.setObjectName("comingState")
        font = self.state_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.state_label.setFont(font)
        self.state_label.setStyleSheet("QLabel { color: #7a4b00; background: #fff4d6; border: 1px solid #f0d48a; border-radius: 4px; padding: 8px; }")
        self.what_label = QLabel(what, self)
        self.what_label.setWordWrap(True)
        self.meanwhile_label = muted(QLabel(meanwhile, self))
        self.meanwhile_label.setWordWrap(True)
        self.meanwhile_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addSpacing(12)
        layout.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        layout.addWidget(self.what_label)
        layout.addWidget(self.meanwhile_label)
        layout.addStretch(1)
