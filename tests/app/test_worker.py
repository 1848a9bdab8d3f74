"""The app's one worker base: outcomes, error routing, cancel, pause, keep-alive, and that every page uses it."""

from __future__ import annotations

import ast
import itertools
import threading
import time
from pathlib import Path

import pytest

import fontassist.app
from fontassist.app.common.worker import CANCELLED, DONE, FAILED, Worker, run_in_background, wait_for_workers
from fontassist.errors import FontAssistError

APP = Path(fontassist.app.__file__).parent


def _run(qtbot, worker: Worker) -> dict:
    seen: dict = {}
    worker.succeeded.connect(lambda result: seen.setdefault("succeeded", result))
    worker.failed.connect(lambda message, details: seen.setdefault("failed", (message, details)))
    worker.cancelled.connect(lambda message: seen.setdefault("cancelled", message))
    worker.progressed.connect(lambda *call: seen.setdefault("progress", []).append(call))
    with qtbot.waitSignal(worker.ended, timeout=10_000) as ended:
        worker.start()
    seen["ended"] = ended.args[0]
    return seen


def test_result_progress_and_outcome(qtbot):
    def job(progress, cancel):
        for i in range(3):
            progress(i + 1, 3, "Counting")
        return 42

    seen = _run(qtbot, Worker(job))
    assert seen["succeeded"] == 42 and seen["ended"] == DONE
    assert seen["progress"][-1] == (3, 3, "Counting")


def test_user_errors_and_bugs_are_routed_apart(qtbot):
    def user_error(progress, cancel):
        raise FontAssistError("The font is damaged.")

    def bug(progress, cancel):
        raise ZeroDivisionError("oops")

    seen = _run(qtbot, Worker(user_error))
    assert seen["failed"] == ("The font is damaged.", "") and seen["ended"] == FAILED
    seen = _run(qtbot, Worker(bug))
    message, details = seen["failed"]
    assert message == "ZeroDivisionError: oops" and "Traceback" in details and seen["ended"] == FAILED


def test_cancel_ends_with_the_job_cancelled_message(qtbot):
    started = threading.Event()

    def job(progress, cancel):
        started.set()
        while True:
            cancel.check("Stopped; nothing written.")

    worker = Worker(job)
    worker.started.connect(lambda: (started.wait(5), worker.cancel()))
    seen = _run(qtbot, worker)
    assert seen == {"cancelled": "Stopped; nothing written.", "ended": CANCELLED}


def test_a_paused_stream_holds_and_cancel_lets_it_end(qtbot):
    pulled = []

    def events(progress, cancel):
        for i in itertools.count():  # endless: only the cancel ends it
            cancel.check(f"Stopped at {i}.")
            pulled.append(i)
            yield i
            time.sleep(0.002)

    worker = Worker(events, stream=True)
    received = []
    worker.event.connect(received.append)
    worker.pause()  # before the start: the worker forwards the first event, then holds
    with qtbot.waitSignal(worker.held, timeout=10_000) as held:
        worker.start()
    assert held.args == [1] and received == [0]  # what it forwarded arrived before the hold was told
    # While holding, the worker's thread waits at the pause: the generator is suspended at its yield.
    assert worker.isHolding() and worker.isPaused() and pulled == [0]
    worker.resume()
    qtbot.waitUntil(lambda: len(received) >= 3, timeout=10_000)
    with qtbot.waitSignal(worker.ended, timeout=10_000) as ended:
        worker.pause()
        worker.cancel()  # also lets a paused stream go on, to see the request
    assert ended.args == [CANCELLED]


def test_background_calls_keep_themselves_alive_and_can_be_waited_for(qtbot):
    results = []
    run_in_background(lambda: sum(range(10)), results.append)  # no reference kept by the caller
    assert wait_for_workers(10_000)
    qtbot.waitUntil(lambda: results == [45], timeout=10_000)


def _background_machinery(tree: ast.AST) -> list[str]:
    names = {"QThread", "QRunnable", "QThreadPool", "Thread", "ThreadPoolExecutor", "QtConcurrent"}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in names:
            found.append(node.id)
        elif isinstance(node, ast.Attribute) and node.attr in names:
            found.append(node.attr)
        elif isinstance(node, ast.ImportFrom) and any(alias.name in names for alias in node.names):
            found.extend(alias.name for alias in node.names if alias.name in names)
    return found


@pytest.mark.parametrize("path", sorted(APP.rglob("*.py")), ids=lambda p: str(p.relative_to(APP)))
def test_every_background_job_goes_through_the_worker(path):
    """Only worker.py makes threads; pages and their models start work through Worker / run_in_background."""
    if path.name == "worker.py":
        return
    found = _background_machinery(ast.parse(path.read_text(encoding="utf-8")))
    assert not found, f"{path.name} runs work off the GUI thread without the app's Worker: {found}"
