"""The one way the app runs work off the GUI thread: :class:`Worker`, a QThread around a core job.

A job is a plain Qt-free function ``job(progress, cancel)`` that follows the
core's job protocol (:mod:`fontassist.jobs`): it reports with
``progress(done, total, message)``, checks the :class:`~fontassist.jobs.CancelToken`
``cancel`` between pieces of work and raises
:class:`~fontassist.jobs.JobCancelled` when cancelled. With ``stream=True`` the
job returns an iterable of events instead (the trainer), which the worker pulls
on its thread and forwards one by one; pausing is not pulling the next one, so
the trainer holds still at its ``yield``.

Every worker ends with exactly one of ``succeeded(result)``, ``failed(message,
details)`` or ``cancelled(message)``, then ``ended(outcome)`` ("done", "failed"
or "cancelled") once its thread has finished. ``details`` is empty for errors
the designer can fix (FontAssistError) and a traceback for bugs. All signals
are queued to the GUI thread. A started worker keeps itself alive until its
thread has finished, so callers need not hold it; :func:`wait_for_workers`
waits for all of them (at quit, and in tests).

We use our own QThread rather than superqt's ``GeneratorWorker``: the app needs
the core's cancel token and JobCancelled routing, and superqt is not otherwise a
dependency.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QThread, QTimer, Signal

from ...errors import FontAssistError
from ...jobs import CancelToken, JobCancelled, Progress

log = logging.getLogger(__name__)

Job = Callable[[Progress, CancelToken], Any]

DONE, FAILED, CANCELLED = "done", "failed", "cancelled"

_live: set[Worker] = set()  # started workers, kept alive until their thread has finished


class Worker(QThread):
    """Runs ``job(progress, cancel)`` on its own thread (see the module docstring)."""

    progressed = Signal(int, int, str)
    event = Signal(object)  # each item of a stream job
    succeeded = Signal(object)
    failed = Signal(str, str)  # message, details (empty for errors the designer can fix)
    cancelled = Signal(str)  # the JobCancelled message (what was kept, if anything)
    pausedChanged = Signal(bool)
    held = Signal(int)  # a paused stream stopped pulling, after forwarding this many events
    ended = Signal(str)  # DONE, FAILED or CANCELLED, after the thread has finished

    def __init__(self, job: Job, name: str = "job", parent=None, *, stream: bool = False):
        super().__init__(parent)
        self._job = job
        self.name = name
        self.stream = stream
        self.cancel_token = CancelToken()
        self.outcome: str | None = None
        self._go = threading.Event()
        self._go.set()
        self._holding = threading.Event()  # set while a paused stream waits at its pause
        self._last_shown: tuple[int, str] | None = None
        self.finished.connect(self._end)

    # -- control (GUI thread) --------------------------------------------------------------------------
    def start(self, *args) -> Worker:
        _live.add(self)
        super().start(*args)
        return self

    def cancel(self) -> None:
        """Ask the job to stop (a paused stream is let go, so it can see the request)."""
        self.cancel_token.cancel()
        self.resume()

    def isCancelled(self) -> bool:
        return self.cancel_token.cancelled

    def isPaused(self) -> bool:
        return not self._go.is_set()

    def isHolding(self) -> bool:
        """True while a paused stream is blocked at its pause: no event can come until resume or cancel."""
        return self._holding.is_set()

    def pause(self) -> None:
        """Stop pulling events from a stream job; the job stays suspended at its ``yield``."""
        if self.stream and self._go.is_set() and not self.cancel_token.cancelled:
            self._go.clear()
            self.pausedChanged.emit(True)

    def resume(self) -> None:
        if not self._go.is_set():
            self._go.set()
            self.pausedChanged.emit(False)

    # -- the job (worker thread) -----------------------------------------------------------------------
    def _progress(self, done: int, total: int, message: str = "") -> None:
        # Only when the shown percentage or message changes, so a fast loop never floods the event loop.
        shown = (int(100 * done / total) if total else 0, message)
        if shown != self._last_shown or done == total:
            self._last_shown = shown
            self.progressed.emit(int(done), int(total), message)

    def run(self) -> None:
        try:
            result = self._job(self._progress, self.cancel_token)
            if self.stream:
                for count, item in enumerate(result, 1):
                    self.event.emit(item)
                    if not self._go.is_set():  # the pause: the job stays suspended at its yield
                        self._holding.set()
                        self.held.emit(count)
                        self._go.wait()
                        self._holding.clear()
                result = None
        except JobCancelled as e:
            self.outcome = CANCELLED
            log.info("%s cancelled: %s", self.name, e)
            self.cancelled.emit(str(e))
        except FontAssistError as e:
            self.outcome = FAILED
            log.info("%s could not run: %s", self.name, e)
            self.failed.emit(str(e), "")
        except Exception as e:  # a bug in the core or the app: shown with its traceback
            self.outcome = FAILED
            log.exception("%s crashed", self.name)
            self.failed.emit(f"{type(e).__name__}: {e}", traceback.format_exc())
        else:
            self.outcome = DONE
            self.succeeded.emit(result)

    def _end(self) -> None:
        self.ended.emit(self.outcome or FAILED)
        # Let go on a later turn of the event loop: dropping the last reference while `finished`
        # is still being delivered would delete the QObject and skip the remaining slots.
        QTimer.singleShot(0, lambda: _live.discard(self))


def run_in_background(
    function: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str, str], None] | None = None,
    *,
    owner=None,
    name: str = "background call",
) -> Worker:
    """Run a short ``function()`` on a :class:`Worker`; ``on_done(result)`` or ``on_failed(message, details)``.

    With ``owner`` (a QObject), the callbacks are dropped once it is deleted.
    """
    worker = Worker(lambda _progress, _cancel: function(), name)
    worker.succeeded.connect(while_alive(owner, on_done) if owner is not None else on_done)
    if on_failed is not None:
        worker.failed.connect(while_alive(owner, on_failed) if owner is not None else on_failed)
    return worker.start()


def wait_for_workers(msecs: int = 30000) -> bool:
    """Block until every started worker's thread has finished (at quit, and in tests); False on timeout."""
    deadline = time.monotonic() + msecs / 1000
    for worker in list(_live):
        left = max(0, int(1000 * (deadline - time.monotonic())))
        if not worker.wait(left):
            return False
    return True


def while_alive(owner, callback: Callable[..., Any]) -> Callable[..., None]:
    """``callback`` that does nothing once ``owner`` (a QObject) is deleted.

    Results of background jobs arrive later through queued signals; a page
    closed in the meantime must not be touched.
    """
    from shiboken6 import isValid

    def guarded(*args) -> None:
        if isValid(owner):
            callback(*args)

    return guarded


def stream_events(make_events: Callable[[CancelToken], Iterable[Any]]) -> Job:
    """A stream job from ``make_events(cancel)`` (e.g. ``lambda c: Trainer(config, run_dir, cancel=c)``)."""
    return lambda _progress, cancel: make_events(cancel)
