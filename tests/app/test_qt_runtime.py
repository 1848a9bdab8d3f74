"""The Qt binding the app runs on must not leak or drop references when signals are emitted.

PySide6 6.12.0 drops a reference to True on every ``Signal.emit()``; a training
run emits thousands of events and the process aborts ("deallocating True or
False"). This test fails on such a binding, before a designer's run would.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    event = Signal(object)
    plain = Signal()


def test_signal_emit_keeps_reference_counts():
    emitter = _Emitter()
    received = []
    emitter.event.connect(received.append)
    before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    for i in range(200):
        emitter.event.emit(i)
        emitter.plain.emit()
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    assert len(received) == 200
    assert all(abs(a - b) < 20 for a, b in zip(after, before, strict=False)), (before, after)
