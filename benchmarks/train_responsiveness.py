"""How responsive the window stays while the Train page trains: gaps between turns of the event loop.

    python benchmarks/train_responsiveness.py [--steps 40]

Opens the main window offscreen on the demo fonts (throw-away settings), trains the tests' tiny
model (32 px, a few channels) on the CPU from the Train page with a preview every 2 steps, and
samples the event loop with a 10 ms timer from the click on Start to the end of the run. Prints
the worst gap and the 99th percentile. Training runs on the worker's thread, so the gaps stay near
10 ms unless the GUI thread does heavy work per event (previews, charts). The figure depends on
the machine and its load; the tests check the behaviour (a run completes, pauses, stops), this
script measures the speed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FONTASSIST_LANGUAGE", "en")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from tests.app.conftest import TINY_TRAIN  # noqa: E402


def measure(steps: int, folder: Path) -> list[float]:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from fontassist.app.application import create_application
    from fontassist.app.common.settings import AppSettings
    from fontassist.app.mainwindow import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    app = create_application([])
    window = MainWindow(AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)))
    window.startWithFonts(None, None)
    window.show()
    page = window.train_page
    page.loadEngine()
    while page.engine is None:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    window.session.setTrainSettings({**TINY_TRAIN, "steps": steps})
    window.goTo("train")  # builds the charts (and imports pyqtgraph) before the timing starts
    app.processEvents()

    gaps: list[float] = []
    last = [time.perf_counter()]

    def probe() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    finished = []
    page.trainingFinished.connect(finished.append)
    timer = QTimer()
    timer.timeout.connect(probe)
    page.setNewRunDir(folder / "run")
    timer.start(10)
    last[0] = time.perf_counter()
    if not page.startTraining():
        raise SystemExit(f"training did not start: {page.error.text()}")
    while not finished:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    timer.stop()
    window.session.setModified(False)
    window.close()
    print(f"run ended: {finished[0]} after {steps} steps")
    return gaps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=40, help="training steps of the tiny model (default 40)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fontassist-responsiveness-") as folder:
        gaps = np.array(measure(args.steps, Path(folder))) * 1000
    print(
        f"event-loop gaps over {len(gaps)} probes (10 ms timer): worst {gaps.max():.0f} ms, "
        f"99th percentile {np.percentile(gaps, 99):.0f} ms, median {np.median(gaps):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
