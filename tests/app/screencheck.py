"""Opens the main window on the screen this process was given and checks that it fits and works.

Run in a subprocess by ``test_screen_fit.py``, because the screen (its size and
Qt's scale factor, e.g. ``QT_SCALE_FACTOR=1.5`` on a 1920×1080 offscreen screen
for 150 %) is fixed once a QApplication exists::

    python -m tests.app.screencheck SETTINGS_FOLDER en zh_TW

For each language it opens the window as a first start would (no remembered
geometry), visits every page, and on the Review page decides one glyph with the
A key. Prints one JSON line per language with what it measured.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def check(app, language: str, folder: Path) -> dict:
    from PySide6.QtCore import QRect, QSettings, Qt
    from PySide6.QtTest import QTest

    from fontassist.app.common.i18n import install_translators
    from fontassist.app.common.settings import AppSettings
    from fontassist.app.common.worker import wait_for_workers
    from fontassist.app.mainwindow import STEPS, MainWindow

    from .reviewkit import synthetic_glyphs

    def settle():
        for _ in range(5):
            app.processEvents()

    install_translators(app, language)
    window = MainWindow(AppSettings(QSettings(str(folder / f"{language}.ini"), QSettings.Format.IniFormat)))
    window.ask = lambda *args: args[-1]
    window.startWithFonts(None, None)
    window.show()
    settle()
    available = window.screen().availableGeometry()
    out = {
        "language": language,
        "dpr": window.devicePixelRatio(),
        "available": [available.width(), available.height()],
        "window": [window.width(), window.height()],
        "scrolls": [],
    }
    for step in STEPS:
        window.goTo(step)
        settle()
        scroll = window.stack.currentWidget()
        if scroll.verticalScrollBar().maximum() or scroll.horizontalScrollBar().maximum():
            out["scrolls"].append(step)

    def inside(widget) -> bool:
        top_left = widget.mapTo(window, widget.rect().topLeft())
        seen = not widget.visibleRegion().isEmpty()
        return seen and QRect(0, 0, window.width(), window.height()).contains(QRect(top_left, widget.size()))

    window.goTo("review")
    page, state = window.review_page, window.review_state
    state.setGlyphs(synthetic_glyphs(6))
    page.selectRow(0)
    settle()
    out["outside"] = [
        name
        for name, widget in (
            ("accept", page.accept_button),
            ("reject", page.reject_button),
            ("undecided", page.undecide_button),
            ("next", page.next_button),
            ("keys hint", page.keys_hint),
            ("status bar", window.statusBar()),
        )
        if not inside(widget)
    ]
    first = state.glyphs.chars[0]
    page.grid.setFocus()
    QTest.keyClick(page.grid, Qt.Key.Key_A)
    settle()
    out["accepted"] = state.status(first) == "accepted"
    # A grab is the window in device pixels: 1.5 times its logical size at 150 %.
    grab = window.grab()
    out["grab"] = [grab.width(), grab.height()]
    window.session.setModified(False)
    window.close()
    wait_for_workers()
    return out


def main(argv: list[str]) -> int:
    from fontassist.app.application import add_cjk_fallback, create_application

    folder = Path(argv[0])
    app = create_application([])
    add_cjk_fallback()
    for language in argv[1:]:
        print(json.dumps(check(app, language, folder)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
