"""Fixtures for the desktop app's tests: offscreen Qt, isolated settings, a main window on the demo fonts."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault(
    "FONTASSIST_LANGUAGE", "en"
)  # the tests read English texts, whatever the machine's locale

import pytest  # noqa: E402

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

# Training settings small enough for a CPU test run in seconds (merged over the trainer's defaults).
TINY_TRAIN = {
    "batch_size": 4,
    "steps": 8,
    "preview_every": 2,
    "eval_every": 4,
    "checkpoint_every": 1000,
    "validation": 16,
    "lr": 1e-3,
    "device": "cpu",
    "adv_loss": "lsgan",
    "model": {
        "image_size": 32,
        "base_channels": 4,
        "max_channels": 16,
        "disc_channels": 4,
        "attention": [8],
        "norm": "batch",
    },
}


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory, qapp):
    """QSettings of the test run go to a temporary folder, never the user's."""
    from fontassist.app.application import create_application

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    create_application()
    yield


class Answers:
    """Stands in for the window's question dialogs: answers from a queue, else Discard or the dialog's default."""

    def __init__(self):
        self.queue: list[QMessageBox.StandardButton] = []
        self.asked: list[str] = []

    def __call__(self, title, text, buttons, default):
        self.asked.append(title)
        if self.queue:
            return self.queue.pop(0)
        if buttons & QMessageBox.StandardButton.Discard:  # never a modal save dialog in a test
            return QMessageBox.StandardButton.Discard
        return default


@pytest.fixture
def settings(tmp_path):
    from fontassist.app.common.settings import AppSettings

    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="module")
def tiny_demo_sized_run(tmp_path_factory):
    """A few-step 64 px checkpoint on the demo fonts (the demo model's size, so it can redraw its glyphs)."""
    import torch

    from fontassist.train import Trainer
    from tests.train.tiny import tiny_config, tiny_model

    threads = torch.get_num_threads()
    torch.set_num_threads(min(threads, 2))
    run_dir = tmp_path_factory.mktemp("run64")
    config = tiny_config(
        model=tiny_model(image_size=64), steps=2, eval_every=2, preview_every=2, checkpoint_every=2
    )
    events = list(Trainer(config, run_dir))
    torch.set_num_threads(threads)
    assert events[-1].reason == "completed", events[-1].message
    return run_dir / "last.pt"


@pytest.fixture
def window(qtbot, settings):
    """The main window on the bundled demo fonts, shown offscreen; cleaned up even mid-training."""
    from fontassist.app.common.worker import wait_for_workers
    from fontassist.app.mainwindow import MainWindow

    win = MainWindow(settings)
    win.ask = Answers()  # not qtbot.addWidget: this fixture closes the window itself, after stopping any run
    win.startWithFonts(None, None)
    win.show()
    qtbot.waitExposed(win)
    yield win
    page = win.train_page
    if page.isTraining():
        page.stopTraining()
        qtbot.waitUntil(lambda: not page.isTraining(), timeout=120_000)
    win.session.setModified(False)
    win.close()
    wait_for_workers()


@pytest.fixture
def engine_ready(qtbot, window):
    """The window with the training engine loaded and tiny settings in the form."""
    page = window.train_page
    page.loadEngine()
    qtbot.waitUntil(lambda: page.engine is not None, timeout=120_000)
    window.session.setTrainSettings(TINY_TRAIN)
    return window


@pytest.fixture(params=["en", "zh_TW"])
def language_window(request, qtbot, settings, qapp):
    """The main window built in English, then in Traditional Chinese (the app translates at start-up)."""
    from fontassist.app.common.i18n import install_translators
    from fontassist.app.common.worker import wait_for_workers
    from fontassist.app.mainwindow import MainWindow

    install_translators(qapp, request.param)
    try:
        win = MainWindow(settings)
        win.ask = lambda *args: args[-1]
        win.startWithFonts(None, None)
        win.show()
        qtbot.waitExposed(win)
        yield win
        win.session.setModified(False)
        win.close()
        wait_for_workers()
    finally:
        install_translators(qapp, "en")
