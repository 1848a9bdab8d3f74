"""Shared set-ups for the Review, A/B and Export page tests: a session on the demo fonts, synthetic glyphs, waiting."""

from __future__ import annotations

import time

import numpy as np

from fontassist import resources
from fontassist.app.common.project import CharChoice
from fontassist.app.review.reviewdata import ACCEPTED, ReviewGlyphs, checkpoint_ref
from fontassist.app.review.reviewstate import ReviewState
from fontassist.fonts import EmFrame, named_charset, open_font

# Characters of tw-edu-4808 the demo target lacks (the demo model draws them in a second on a CPU).
_target = None


def missing_chars(count: int) -> str:
    global _target
    if _target is None:
        _target = open_font(resources.DEMO_TARGET)
    source = open_font(resources.DEMO_SOURCE)
    return "".join([c for c in named_charset("tw-edu-4808") if source.has(c) and not _target.has(c)][:count])


def demo_session(chars: str):
    """A Session on the demo fonts generating ``chars`` (custom text)."""
    from fontassist.app.common.session import Session

    session = Session()
    session.setFont("source", resources.DEMO_SOURCE)
    session.setFont("target", resources.DEMO_TARGET)
    session.setCharChoice(CharChoice(mode="text", text=chars))
    session.setModified(False)
    return session


def make_page(qtbot, session, settings):
    """A Review page on ``session`` drawing on the CPU, answering every question with the dialog's default."""
    from fontassist.app.review.reviewpage import ReviewPage

    state = ReviewState(session)
    state.device = "cpu"
    page = ReviewPage(session, state, settings)
    page.ask = lambda *args: args[-1]  # the dialog's default
    qtbot.addWidget(page)
    page.resize(1100, 700)
    return page, state


def open_review_page(qtbot, session, settings):
    """:func:`make_page`, shown, once the demo model has drawn the session's glyphs."""
    page, state = make_page(qtbot, session, settings)
    page.show()
    wait_until(qtbot, lambda: state.glyphs is not None and not state.isBusy())
    return page, state


def regenerate_second_glyph(qtbot, page, state, checkpoint) -> None:
    """Accept the second glyph, then redraw it with ``checkpoint`` ("Regenerate selected") and wait until done."""
    state.setStatus([state.glyphs.chars[1]], ACCEPTED)
    page.selectRow(1)
    page.regen_picker.setPath(checkpoint)
    assert page.regenerateSelected()
    wait_until(qtbot, lambda: not state.isBusy())


def synthetic_glyphs(count: int, size: int = 32, seed: int = 0) -> ReviewGlyphs:
    """``count`` random glyphs with random quality flags, code points from U+4E00."""
    rng = np.random.default_rng(seed)
    images = np.zeros((count, size, size), np.uint8)
    rows = rng.integers(2, size // 2, size=count)
    for i, r in enumerate(rows):  # a square of ink of varying size, cheap to make
        images[i, r : size - r, r : size - r] = 255
    flags = [
        {
            "specks": int(s),
            "broken": bool(b),
            "merged": False,
            "holes_changed": False,
            "faint_joins": 0,
            "grey_bridges": 0,
            "empty": False,
            "components": 1,
            "source_components": 1,
            "holes": 0,
            "source_holes": 0,
            "score": 2.0 * s + (0.5 if b else 0.0),
        }
        for s, b in zip(
            rng.integers(0, 2, size=count) * rng.integers(0, 2, size=count),
            rng.integers(0, 4, size=count) == 0,
            strict=False,
        )
    ]
    chars = [chr(0x4E00 + i) for i in range(count)]
    return ReviewGlyphs(
        chars,
        images,
        images.copy(),
        flags,
        EmFrame(1000, -120.0, size),
        [checkpoint_ref(resources.DEMO_MODEL)] * count,
    )


def wait_until(qtbot, condition, timeout_s: float = 120.0) -> float:
    """qtbot.waitUntil with a generous limit; returns the seconds it took."""
    started = time.perf_counter()
    qtbot.waitUntil(condition, timeout=int(timeout_s * 1000))
    return time.perf_counter() - started


def qimage_raster(image) -> np.ndarray:
    """A QImage as a uint8 array in the raster convention (255 ink)."""
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    rows = [
        np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * image.height()).reshape(
            image.height(), image.bytesPerLine()
        )[:, : image.width()]
    ]
    return 255 - rows[0].copy()


def filled_outline(outline, frame) -> np.ndarray:
    """The outline filled (non-zero rule, as TrueType) on the frame's pixel grid, without a contour line."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from fontassist.app.common.outlineview import outline_path

    image = QImage(frame.size, frame.size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(outline_path(outline, frame), QColor("black"))
    painter.end()
    return qimage_raster(image)
