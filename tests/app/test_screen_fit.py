"""The window fits a laptop screen (issue 14): 1366×768, 1280×720 and 1920×1080 at 150 % (1280×720 logical).

Each size here is the room left for the window's client area once the title
bar and a task bar are taken (about 70–90 px). Every page must fit without
scrolling, in English and in Traditional Chinese (whose labels are shorter
but taller), with the Accept / Reject keys and the status bar on screen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

CLIENT_SIZES = [(1366, 680), (1280, 650)]


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


@pytest.mark.parametrize("size", CLIENT_SIZES)
def test_the_review_keys_hint_is_whole(qtbot, language_window, size):
    """Issue 14: at 1366 px the hint was elided in the middle ("U und…ude"), hiding the Del key."""
    from PySide6.QtCore import QCoreApplication

    window = language_window
    window.resize(*size)
    window.goTo("review")
    hint = window.review_page.keys_hint
    qtbot.waitUntil(lambda: hint.width() > 0 and window.size().toTuple() == size)
    full = QCoreApplication.translate(
        "ReviewPage",
        "Keys in the grid: A accept · R reject · U undecided · Del exclude · arrows move · Shift/Ctrl select several",
    )
    assert hint.text() == full and "…" not in hint.text()
    needed = hint.fontMetrics().boundingRect(hint.contentsRect(), int(Qt.TextFlag.TextWordWrap), hint.text())
    assert needed.width() <= hint.contentsRect().width() and needed.height() <= hint.contentsRect().height()
    assert hint.visibleRegion().boundingRect() == hint.rect()  # nothing of it covered or cut off


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


# Screens as Qt sees them: (offscreen screen in device pixels, Qt's scale factor) → logical 1280×720.
SCREENS = {"1920x1080 at 150 %": ((1920, 1080), "1.5"), "1280x720 at 100 %": ((1280, 720), "1")}


@pytest.mark.parametrize("screen", SCREENS)
def test_the_window_opens_fitting_the_screen_and_works_in_both_languages(tmp_path, screen):
    """Issue 14: a first start on a 1920×1080 laptop at 150 % (1280×720 logical) or on 1280×720 at 100 %."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    (width, height), scale = SCREENS[screen]
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "width": width, "height": height}]}))
    root = Path(__file__).resolve().parents[2]
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR=scale,
        PYTHONPATH=os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "tests.app.screencheck", str(tmp_path), "en", "zh_TW"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert [r["language"] for r in results] == ["en", "zh_TW"]
    for r in results:
        assert r["available"] == [1280, 720] and r["dpr"] == float(scale)
        w, h = r["window"]
        assert w <= 1280 and h <= 720 - 40, f"{r['language']}: opens at {w}×{h}, taller than the screen"
        assert r["scrolls"] == [], f"{r['language']}: these pages scroll: {r['scrolls']}"
        assert r["outside"] == [], f"{r['language']}: off-screen or hidden: {r['outside']}"
        assert r["accepted"], f"{r['language']}: the A key did not accept the glyph"
        assert r["grab"] == [round(w * float(scale)), round(h * float(scale))]
