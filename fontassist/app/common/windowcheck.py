"""The window half of ``fontassist --self-test``: the main window opens offscreen on the demo fonts.

It uses a throw-away settings file, so a self-test never changes the user's
window geometry or recent projects, and it closes any modal dialog that pops
up (a real run would wait on it forever offscreen) and fails on it instead.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ...installcheck import SelfTestFailed
from .worker import wait_for_workers

log = logging.getLogger(__name__)

STEP = "opening the main window"
BACKGROUND_WAIT_MS = 60_000


@dataclass(frozen=True)
class WindowResult:
    shown_s: float
    source_name: str
    target_name: str
    language: str


class WindowCheck:
    """Open (:meth:`open`) and later close (:meth:`close`) the main window; :meth:`abandon` after a failure."""

    def __init__(self, folder: Path, *, quiet: bool = True):
        self.folder = Path(folder)
        self.quiet = quiet
        self.window = None
        self.app = None
        self._watchdog = None
        self._dialogs: list[str] = []
        self._previous_handler = None
        self._handler_installed = False
        self._qt_messages: list[str] = []

    def open(self) -> WindowResult:
        started = time.perf_counter()
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            # The self-test never shows anything on screen, with or without a display.
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings, QTimer, qInstallMessageHandler

        if self.quiet:
            self._previous_handler = qInstallMessageHandler(self._collect_qt_message)
            self._handler_installed = True
        from ..application import create_application
        from ..mainwindow import MainWindow
        from .i18n import current_language
        from .settings import AppSettings

        self.app = create_application([])
        self._watchdog = QTimer()
        self._watchdog.setInterval(100)
        self._watchdog.timeout.connect(self._close_modal_dialogs)
        self._watchdog.start()

        settings = AppSettings(QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat))
        self.window = MainWindow(settings)
        self.window.ask = _discard
        self.window.startWithFonts(None, None)
        self.window.show()
        self.app.processEvents()
        shown_s = time.perf_counter() - started
        self._fail_on_dialogs()
        if not self.window.isVisible():
            raise SelfTestFailed(STEP, "the window did not show")
        session = self.window.session
        missing = [role for role in ("source", "target") if session.fonts.get(role) is None]
        if missing:
            errors = "; ".join(session.font_errors.values()) or "see the Fonts page"
            raise SelfTestFailed(STEP, f"the demo {' and '.join(missing)} font did not load ({errors})")
        if self.window.grab().isNull():
            raise SelfTestFailed(STEP, "the window could not be drawn")
        if self.app.windowIcon().pixmap(32, 32).isNull():
            # The icons are SVG: a build without Qt's SVG icon engine plugin shows none at all.
            raise SelfTestFailed(STEP, "the app icon cannot be drawn (is Qt's SVG icon engine missing?)")
        return WindowResult(shown_s, session.source.full_name, session.target.full_name, current_language())

    def close(self) -> None:
        self.app.processEvents()
        self._fail_on_dialogs()
        self.window.session.setModified(False)
        if not self.window.close():
            raise SelfTestFailed("closing the main window", "the window refused to close")
        # Work the window started on the thread pool (font scans and the like) must end while
        # its objects exist; left running, it fails noisily when the process exits.
        if not wait_for_workers(BACKGROUND_WAIT_MS):
            raise SelfTestFailed(
                "closing the main window",
                f"background work did not finish within {BACKGROUND_WAIT_MS // 1000} s",
            )
        self.app.processEvents()
        self._release()

    def abandon(self) -> None:
        """Best-effort clean-up after a failure; never raises."""
        try:
            if self.window is not None:
                self.window.session.setModified(False)
                self.window.close()
                wait_for_workers(BACKGROUND_WAIT_MS)
        except Exception:  # the failure being reported matters more than this one
            log.debug("closing the window after a failed self-test", exc_info=True)
        self._release()

    def _release(self) -> None:
        if self._watchdog is not None:
            self._watchdog.stop()
            self._watchdog = None
        if self.window is not None:
            self.window.deleteLater()
            self.window = None
            self.app.processEvents()
        if self._handler_installed:
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(self._previous_handler)
            self._handler_installed = False

    def _close_modal_dialogs(self) -> None:
        from PySide6.QtWidgets import QApplication

        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            text = getattr(dialog, "text", lambda: "")() or dialog.windowTitle()
            self._dialogs.append(" ".join(str(text).split()))
            dialog.close()

    def _fail_on_dialogs(self) -> None:
        if self._dialogs:
            raise SelfTestFailed(STEP, f"an unexpected dialog opened: {self._dialogs[0]}")

    def _collect_qt_message(self, _mode, _context, message: str) -> None:
        self._qt_messages.append(message)


def _discard(_title, _text, _buttons, _default):
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.StandardButton.Discard
