"""A checkpoint chooser: the project's run, other runs, the demo model, or any .pt file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from .checkpointlist import CheckpointChoice, checkpoint_choices
from .session import Session


def runs_folders(session: Session) -> list[Path]:
    """Where runs of this project live: beside the project's run, and the default runs folder."""
    from ..train.trainpage import default_runs_folder

    folders = []
    if session.project.run_dir is not None:
        folders.append(Path(session.project.run_dir).parent)
    default = default_runs_folder(session.project.folder)
    if default not in folders:
        folders.append(default)
    return folders


class CheckpointPicker(QWidget):
    """``pathChanged(path)`` when the designer picks another checkpoint (not when set from code)."""

    pathChanged = Signal(Path)

    def __init__(self, session: Session, parent: QWidget | None = None, *, demo: bool = True):
        super().__init__(parent)
        self.session = session
        self._demo = demo
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(22)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.activated.connect(self._activated)
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.setToolTip(self.tr("Choose a checkpoint file (.pt) of any run"))
        self.browse.clicked.connect(self.chooseFile)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.browse)

    def refresh(self) -> None:
        """List the checkpoints found now, keeping the current choice."""
        current = self.path()
        choices = checkpoint_choices(
            self.session.project.run_dir, runs_folders(self.session), demo=self._demo
        )
        self.combo.blockSignals(True)
        self.combo.clear()
        for choice in choices:
            self._add(choice)
        self.combo.blockSignals(False)
        if current is not None:
            self.setPath(current)

    def _add(self, choice: CheckpointChoice) -> None:
        self.combo.addItem(choice.label, str(choice.path))
        self.combo.setItemData(self.combo.count() - 1, str(choice.path), Qt.ItemDataRole.ToolTipRole)

    def path(self) -> Path | None:
        data = self.combo.currentData()
        return Path(data) if data else None

    def setPath(self, path: str | Path | None) -> None:
        if path is None:
            self.combo.setCurrentIndex(-1)
            return
        path = Path(path)
        for i in range(self.combo.count()):
            if Path(self.combo.itemData(i)) == path:
                self.combo.setCurrentIndex(i)
                return
        parent = path.parent.name
        self._add(CheckpointChoice(f"{parent} · {path.stem}" if parent else path.name, path))
        self.combo.setCurrentIndex(self.combo.count() - 1)

    def chooseFile(self) -> None:
        start = str(self.path().parent) if self.path() else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a checkpoint"),
            start,
            f"{self.tr('fontassist checkpoints')} (*.pt);;{self.tr('All files')} (*)",
        )
        if path:
            self.setPath(path)
            self.pathChanged.emit(Path(path))

    def _activated(self, _index: int) -> None:
        path = self.path()
        if path is not None:
            self.pathChanged.emit(path)
