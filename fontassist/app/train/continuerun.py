""" "Continue a run…": the run's own settings, read-only, and the new total step count.

A continued run keeps its data, model and optimiser; only its length (and the
device) can change. The dialog shows the settings the run was started with —
not the Train page's form, which may say something else — and refuses a total
that would not train any further.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ..common.widgets import muted
from .trainform import TrainSettingsForm


def run_settings(config) -> dict[str, Any]:
    """A saved ``TrainConfig`` as the settings form shows it."""
    values = config.to_dict()
    if not values.get("steps"):  # a run measured in epochs: its length in steps is not known here
        values["steps"] = 1
    return values


def steps_done(history: list[dict], run_dir: Path | None = None) -> int:
    """How far a run has trained: its newest checkpoint's step, else the last step its history records."""
    if run_dir is not None:
        from ...errors import FontAssistError
        from ...train import load_checkpoint

        try:
            return int(load_checkpoint(run_dir).step)
        except FontAssistError:
            pass
    return max((int(record.get("step", 0)) for record in history), default=0)


def default_total(done: int, planned: int) -> int:
    """What to offer: the run's planned length if it stopped early, else as many steps again."""
    return planned if planned > done else max(done * 2, done + 1)


class ContinueRunDialog(QDialog):
    def __init__(self, run_dir: Path, config, done: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Continue a run"))
        self.setObjectName("continueRunDialog")
        self.done_steps = done
        intro = QLabel(
            self.tr(
                "<b>{0}</b> has trained {1:,} of its {2:,} steps. It goes on with its own settings (below); "
                "only its length can change."
            ).format(run_dir.name, done, config.steps or 0),
            self,
        )
        intro.setWordWrap(True)
        self.form = TrainSettingsForm(self)
        self.form.setTitle(self.tr("The run's settings"))
        self.form.setValues(run_settings(config))
        self.form.setEnabled(False)  # fixed by the run's checkpoint
        self.total = QSpinBox(self)
        self.total.setObjectName("continueTotalSteps")
        self.total.setRange(done + 1, 10_000_000)
        self.total.setSingleStep(500)
        self.total.setGroupSeparatorShown(True)
        self.total.setValue(default_total(done, config.steps or 0))
        total_row = QFormLayout()
        total_row.addRow(self.tr("New total steps:"), self.total)
        note = muted(QLabel(self.tr("More than {0:,}: the steps already trained count.").format(done), self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue training"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addLayout(total_row)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def totalSteps(self) -> int:
        return self.total.value()
