"""The QThread that drives a training run and forwards its events to the GUI.

The core trainer is a plain generator of events; this worker pulls them on
its own thread and emits each one as a queued signal, so slots run on the GUI
thread (where arrays become images). Pausing is simply not pulling the next
event: the worker waits on a ``threading.Event`` between events, and the
trainer, suspended at its ``yield``, holds still. Stopping sets the core's
cancel token and lets the worker pull again; the trainer then saves a
checkpoint and yields its FinishedEvent.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QThread, Signal

from ..errors import FontAssistError

log = logging.getLogger(__name__)


class TrainWorker(QThread):
    """Runs ``make_events(cancel)`` (e.g. ``lambda c: Trainer(config, run_dir, cancel=c)``) and forwards its events."""

    trainEvent = Signal(object)
    failed = Signal(str, str)  # message, details (empty for errors the designer can fix)
    pausedChanged = Signal(bool)

    def __init__(self, make_events: Callable[[Any], Iterable[Any]], cancel: Any, parent=None):
        super().__init__(parent)
        self._make_events = make_events
        self.cancel_token = cancel
        self._go = threading.Event()
        self._go.set()
        self.events_pulled = 0

    def run(self) -> None:
        try:
            for event in self._make_events(self.cancel_token):
                self.events_pulled += 1
                self.trainEvent.emit(event)
                self._go.wait()  # the pause: the trainer stays suspended at its yield
        except FontAssistError as e:
            log.info("training could not run: %s", e)
            self.failed.emit(str(e), "")
        except Exception as e:  # a bug in the core; the page shows it with the traceback
            log.exception("training crashed")
            self.failed.emit(f"{type(e).__name__}: {e}", traceback.format_exc())

    def isPaused(self) -> bool:
        return not self._go.is_set()

    def pause(self) -> None:
        if self._go.is_set() and not self.cancel_token.cancelled:
            self._go.clear()
            self.pausedChanged.emit(True)

    def resume(self) -> None:
        if not self._go.is_set():
            self._go.set()
            self.pausedChanged.emit(False)

    def stop(self) -> None:
        """Ask the trainer to stop; it saves a checkpoint and finishes (also when paused)."""
        self.cancel_token.cancel()
        self.resume()
