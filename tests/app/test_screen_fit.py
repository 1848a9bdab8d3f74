"""The window fits a laptop screen (issue 14): 1366×768, 1280×720 and 1920×1080 at 150 % (1280×720 logical).

Each size here is the room left for the window's client area once the title
bar and a task bar are taken (about 70–90 px). Every page must fit without
scrolling, in English and in Traditional Chinese (whose labels are shorter
but taller), with the Accept / Reject keys and the status bar on screen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from fontassist.app.common.i18n import install_translators

CLIENT_SIZES = [(1366, 680), (1280, 650)]


@pytest.fixture(params=["en", "zh_TW"])
def language_window(request, qtbot, settings, qapp):
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


def inside(widget, window) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return QRect(0, 0, window.width(), window.height()).contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("size", CLIENT_SIZES)
def test_every_page_fits_without_scrolling(qtbot, language_window, size):
    from fontassist.app.mainwindow import STEPS

    window = language_window
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    for step in STEPS:
        window.goTo(step)
        scroll = window.stack.currentWidget()
        qtbot.waitUntil(lambda scroll=scroll: scroll.widget().width() > 0)
        assert scroll.verticalScrollBar().maximum() == 0, f"{step} scrolls at {size}"
        assert scroll.horizontalScrollBar().maximum() == 0, f"{step} scrolls sideways at {size}"
    window.goTo("review")
    page = window.review_page
    for button in (page.accept_button, page.reject_button, page.undecide_button, page.next_button):
        assert inside(button, window) and not button.visibleRegion().isEmpty()
    assert inside(window.statusBar(), window)


def test_a_window_smaller_than_a_page_scrolls_instead_of_cutting_it_off(qtbot, language_window):
    window = language_window
    window.resize(900, 420)
    window.goTo("review")
    qtbot.waitUntil(lambda: window.stack.currentWidget().verticalScrollBar().maximum() > 0)
    assert window.minimumSizeHint().height() < 420


def test_the_detail_tiles_show_the_whole_em_square(qtbot, window):
    """The Source and Generated tiles clipped the bottom of the glyph: a neighbour covered them."""
    from tests.app.reviewkit import synthetic_glyphs

    window.resize(1366, 680)
    state, detail = window.review_state, window.review_page.detail
    state.setGlyphs(synthetic_glyphs(3, size=64))
    window.goTo("review")
    window.review_page.selectRow(0)
    views = [detail.source_view, detail.generated_view, detail.target_view, detail.outline_view]
    qtbot.waitUntil(lambda: all(v.height() >= 40 for v in views))
    boxes = [QRect(v.mapTo(detail, v.rect().topLeft()), v.size()) for v in views]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.intersects(b), "one tile covers another"
    for view in views[:2]:
        assert view.visibleRegion().boundingRect() == view.rect()  # nothing of it hidden
        # The painted image is the whole raster (the em square with its margin), scaled to fit the view.
        scale = min(view.width(), view.height()) / 64
        assert scale >= 0.6
