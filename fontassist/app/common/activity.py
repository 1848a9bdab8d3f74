"""What is running, seen from every page: one indicator in the status bar with progress, time left and Cancel.

Each long job (a training run, "Train both", an A/B comparison, generating,
exporting) lives on its own page; the window asks each of them, a few times a
second, what it is doing (:class:`Activity`) and shows the first answer. Asking
rather than being told keeps the pages free of any knowledge of the indicator.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

POLL_MS = 400


@dataclass
class Activity:
    """One running job: ``done`` of ``total`` (total 0: unknown), seconds left if known, how to cancel it."""

    text: str
    done: int = 0
    total: int = 0
    eta_s: float | None = None
    cancel: Callable[[], None] | None = None


def format_duration(seconds: float) -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("TrainPage", text)

    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return tr("{0} s").format(seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return tr("{0} min {1:02d} s").format(minutes, seconds)
    hours, minutes = divmod(minutes, 60)
    return tr("{0} h {1:02d} min").format(hours, minutes)


class ProgressClock:
    """Time left for a job from its own pace so far (``done`` of ``total`` since ``start``)."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.done = self.total = 0

    def update(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def eta_s(self) -> float | None:
        if self.total <= 0 or self.done <= 0 or self.done >= self.total:
            return None
        elapsed = time.monotonic() - self.started
        return elapsed / self.done * (self.total - self.done)


class ActivityIndicator(QWidget):
    """A label, a progress bar and a Cancel button for whichever source reports an :class:`Activity`."""

    def __init__(self, sources: list[Callable[[], Activity | None]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("activityIndicator")
        self.sources = sources
        self.current: Activity | None = None
        self.label = QLabel(self)
        self.label.setObjectName("activityLabel")
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(16)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("activityCancel")
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        activity = next((a for a in (source() for source in self.sources) if a is not None), None)
        self.current = activity
        self.setVisible(activity is not None)
        if activity is None:
            return
        text = activity.text
        if activity.total > 0:
            text += f" · {activity.done:,}/{activity.total:,}"
            self.bar.setRange(0, activity.total)
            self.bar.setValue(min(activity.done, activity.total))
        else:
            self.bar.setRange(0, 0)
        if activity.eta_s is not None:
            text += " · " + self.tr("about {0} left").format(format_duration(activity.eta_s))
        self.label.setText(text)
        self.cancel_button.setVisible(activity.cancel is not None)

    def _cancel(self) -> None:
        if self.current is not None and self.current.cancel is not None:
            self.current.cancel()
            self.refresh()
