"""A QThread worker for one long, cancellable core call (generate, compare, trace, export).

The job is a plain Qt-free function ``job(progress, cancel)``: it reports
with ``progress(done, total, message)`` and checks ``cancel`` between pieces
of work. ``cancel`` works both ways the core asks for it: called (the
pipeline's ``cancel()``) and as a token (the generator's ``cancel.cancelled``).
Results, failures and progress reach the GUI thread as queued signals; a
progress signal is sent only when the shown percentage or message changes, so
a fast loop never floods the event loop.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

from ..errors import FontAssistError

log = logging.getLogger(__name__)

_live: set[JobWorker] = set()


class JobCancel:
    """A cancel flag the core can call (``cancel()`` → bool) or read (``.cancelled``)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def __call__(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class JobWorker(QThread):
    """Runs ``job(progress, cancel)`` on its own thread.

    Exactly one of ``succeeded(result)``, ``failed(message, details)`` or
    ``cancelled()`` follows, then QThread's ``finished``. ``details`` is empty
    for errors the designer can fix (FontAssistError) and a traceback for bugs.
    A job that returns (anything) after a cancel request counts as cancelled, so
    a job simply returns early when it sees the flag.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()

    def __init__(self, job: Callable[[Callable[..., None], JobCancel], Any], name: str = "job", parent=None):
        super().__init__(parent)
        self._job = job
        self.name = name
        self.cancel_flag = JobCancel()
        self._last_shown: tuple[int, str] | None = None
        self.finished.connect(self._forget)

    def start(self, *args) -> None:
        _live.add(self)  # a worker without a parent must outlive its run
        super().start(*args)

    def _forget(self) -> None:
        _live.discard(self)

    def cancel(self) -> None:
        self.cancel_flag.cancel()

    def isCancelled(self) -> bool:
        return self.cancel_flag.cancelled

    def _progress(self, done: int, total: int, message: str = "") -> None:
        shown = (int(100 * done / total) if total else 0, message)
        if shown != self._last_shown or done == total:
            self._last_shown = shown
            self.progressed.emit(int(done), int(total), message)

    def run(self) -> None:
        try:
            result = self._job(self._progress, self.cancel_flag)
        except FontAssistError as e:
            if self.cancel_flag.cancelled:
                self.cancelled.emit()  # the core says "cancelled, nothing written" as a FontAssistError
            else:
                log.info("%s could not run: %s", self.name, e)
                self.failed.emit(str(e), "")
        except Exception as e:  # a bug in the core or the app: shown with its traceback
            log.exception("%s crashed", self.name)
            self.failed.emit(f"{type(e).__name__}: {e}", traceback.format_exc())
        else:
            if self.cancel_flag.cancelled:
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)


def while_alive(owner, callback: Callable[..., Any]) -> Callable[..., None]:
    """``callback`` that does nothing once ``owner`` (a QObject) is deleted.

    Results of background calls arrive later through queued signals; a page
    closed in the meantime must not be touched.
    """
    from shiboken6 import isValid

    def guarded(*args) -> None:
        if isValid(owner):
            callback(*args)

    return guarded
