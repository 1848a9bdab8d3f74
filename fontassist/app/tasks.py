"""Run a plain function off the GUI thread and get its result back on the GUI thread.

The function runs on Qt's global thread pool; its return value (or
exception) comes back through a queued signal, so callbacks always run on the
GUI thread. Used for short jobs (scanning installed fonts, loading the
training engine); training has its own worker (:mod:`.train_worker`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

_pending: set[BackgroundCall] = set()


class BackgroundCall(QObject):
    """One call of ``function()`` on the thread pool; ``done(result)`` or ``failed(exception)`` follows."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, function: Callable[[], Any]):
        super().__init__()
        self._function = function

    def start(self) -> BackgroundCall:
        # Connected last, so the caller's slots run before the call is let go: dropping the
        # only reference mid-emission would delete the QObject and skip the remaining slots.
        self.done.connect(self._forget)
        self.failed.connect(self._forget)
        _pending.add(self)  # keeps the signal object alive until its result is delivered
        QThreadPool.globalInstance().start(_Runnable(self))
        return self

    def _forget(self, _value=None) -> None:
        _pending.discard(self)

    def _run(self) -> None:
        try:
            result = self._function()
        except Exception as e:  # delivered to the caller, which decides how to show it
            log.debug("background call failed", exc_info=True)
            self.failed.emit(e)
        else:
            self.done.emit(result)


class _Runnable(QRunnable):
    def __init__(self, call: BackgroundCall):
        super().__init__()
        self._call = call

    def run(self) -> None:
        self._call._run()


def run_in_background(
    function: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Exception], None] | None = None,
) -> BackgroundCall:
    call = BackgroundCall(function)
    call.done.connect(on_done)
    if on_failed is not None:
        call.failed.connect(on_failed)
    return call.start()


def wait_for_background_calls(msecs: int = 30000) -> bool:
    """Block until every background call has finished (at quit, and in tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
