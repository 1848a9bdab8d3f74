import logging
import sys

from PySide6.QtWidgets import QMessageBox

from fontassist.app.common import errordialog
from fontassist.errors import FontAssistError


def test_a_user_error_is_its_message_only(qtbot):
    box = errordialog.error_box(
        None, FontAssistError("is not a font file.", path="/x/a.ttf", hint="Choose a font.")
    )
    qtbot.addWidget(box)
    assert box.text() == "/x/a.ttf: is not a font file. Choose a font."
    assert box.detailedText() == ""
    assert box.icon() == QMessageBox.Icon.Warning


def test_a_bug_keeps_its_traceback_in_collapsible_details(qtbot):
    try:
        {}["missing"]
    except KeyError as e:
        error = e
    box = errordialog.error_box(None, error)
    qtbot.addWidget(box)
    assert "bug" in box.text()
    assert "KeyError" in box.informativeText()
    assert "Traceback" in box.detailedText() and "test_errordialog.py" in box.detailedText()


def test_exception_hook_logs_and_shows_the_dialog(qtbot, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda self: shown.append((self.text(), self.detailedText())) or 0
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errordialog.install_exception_hook()
    try:
        raise ValueError("boom")
    except ValueError:
        info = sys.exc_info()
    with caplog.at_level(logging.ERROR, logger="fontassist.app.common.errordialog"):
        sys.excepthook(*info)
    assert shown and "ValueError: boom" in shown[0][1]
    assert any("uncaught exception" in r.message for r in caplog.records)
