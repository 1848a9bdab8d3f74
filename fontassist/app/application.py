"""Starting the desktop app: the QApplication, logging, the exception hook and the first window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__, resources
from .common.errordialog import install_exception_hook, set_log_file
from .common.settings import APPLICATION, ORGANIZATION

log = logging.getLogger(__name__)


# PySide6 6.12.0's Signal.emit() drops a reference to True on every call, so a long
# training run (thousands of emits) ends in "deallocating True or False" and an abort.
BROKEN_PYSIDE = ("6.12.0",)


def check_pyside() -> None:
    import PySide6

    if PySide6.__version__ in BROKEN_PYSIDE:
        log.warning(
            "PySide6 %s has a reference-counting bug in Signal.emit() that crashes long training runs; "
            "install another version (pip install 'PySide6-Essentials!=6.12.0').",
            PySide6.__version__,
        )


def create_application(qt_args: list[str] | None = None) -> QApplication:
    """The QApplication with the names QSettings uses; reuses a running one (tests)."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setOrganizationDomain("fontassist.org")
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "fontassist", *(qt_args or [])])
    app.setApplicationDisplayName("fontassist")
    from .common.i18n import install_translators

    install_translators(app)  # before any window exists: pages translate their texts once, when built
    icon = resources.ICONS / "fontassist.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def add_cjk_fallback() -> None:
    """Let labels show CJK text on systems without a CJK font, using the bundled Noto Sans TC subset."""
    if not resources.DEMO_SOURCE.is_file():
        return
    font_id = QFontDatabase.addApplicationFont(str(resources.DEMO_SOURCE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families and hasattr(QFontDatabase, "addApplicationFallbackFontFamily"):
        from PySide6.QtCore import QChar

        for script in (QChar.Script.Script_Han, QChar.Script.Script_Hiragana, QChar.Script.Script_Katakana):
            QFontDatabase.addApplicationFallbackFontFamily(script, families[0])


def setup_logging() -> str | None:
    """Log to the user's log folder (and stderr); returns the log file's path."""
    import platformdirs

    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        folder = Path(platformdirs.user_log_dir("fontassist", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "fontassist.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError as e:
        log.warning("no log file: %s", e)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return str(path)


def open_main_window(
    source: str | None = None,
    target: str | None = None,
    project: str | None = None,
    *,
    source_face: int | None = None,
    target_face: int | None = None,
):
    """Create and show the main window on a project, on the given fonts, or on the demo fonts."""
    from .mainwindow import MainWindow

    started = time.perf_counter()
    window = MainWindow()
    if project:
        window.openProject(project)
    else:
        window.startWithFonts(source, target, source_face, target_face)
    window.show()
    log.info("main window shown in %.0f ms", 1000 * (time.perf_counter() - started))
    window.scheduleEnginePreload()
    return window


def run(
    source, target, project, *, source_face=None, target_face=None, qt_args: list[str] | None = None
) -> int:
    """Start Qt, open the main window and run the event loop (:func:`fontassist.app.open_app`)."""
    app = create_application(qt_args)
    set_log_file(setup_logging())
    install_exception_hook()
    check_pyside()
    window = open_main_window(source, target, project, source_face=source_face, target_face=target_face)
    # The window stops a run before it closes; this covers quitting any other way.
    app.aboutToQuit.connect(window.train_page.shutdown)
    QTimer.singleShot(0, add_cjk_fallback)
    code = app.exec()
    del window
    from .common.worker import wait_for_workers

    wait_for_workers()
    return code
