"""Errors shown to the designer: a dialog with the details collapsed, and the full story in the log.

A :class:`~fontassist.errors.FontAssistError` is something the designer can
fix, so its message is the whole dialog. Anything else is a fontassist bug:
the dialog says so and keeps the traceback under "Show Details..." for a bug
report. The exception hook routes every uncaught exception in a Qt slot or
event handler here instead of letting it vanish into a terminal nobody sees.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ...errors import FontAssistError

log = logging.getLogger(__name__)

_log_file: str | None = None
_showing = False


def set_log_file(path: str | None) -> None:
    """Where the log goes, so error dialogs can point at it."""
    global _log_file
    _log_file = path


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


def error_box(
    parent: QWidget | None, error: BaseException | str, details: str | None = None, title: str | None = None
) -> QMessageBox:
    """A ready (not yet shown) message box for ``error``; details, when any, are collapsible."""
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setWindowTitle(title or _tr("fontassist"))
    if isinstance(error, FontAssistError) or isinstance(error, str):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(str(error))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(_tr("Something went wrong inside fontassist. This is a bug, not something you did."))
        informative = f"{type(error).__name__}: {error}"
        if _log_file:
            informative += "\n\n" + _tr("The details are also in the log file:") + f"\n{_log_file}"
        box.setInformativeText(informative)
        if details is None:
            details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_error(
    parent: QWidget | None, error: BaseException | str, details: str | None = None, title: str | None = None
) -> None:
    """Log ``error`` and show it modally."""
    if isinstance(error, BaseException) and not isinstance(error, FontAssistError):
        log.error("%s", error, exc_info=(type(error), error, error.__traceback__))
    else:
        log.warning("%s", error)
    error_box(parent, error, details, title).exec()


def _exception_hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("uncaught exception", exc_info=(exc_type, exc, tb))
    app = QApplication.instance()
    if app is None or _showing:  # no GUI, or an error inside the error dialog: the log has it
        sys.__excepthook__(exc_type, exc, tb)
        return
    _showing = True
    try:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        error_box(app.activeWindow(), exc, details).exec()
    finally:
        _showing = False


def install_exception_hook() -> None:
    sys.excepthook = _exception_hook
