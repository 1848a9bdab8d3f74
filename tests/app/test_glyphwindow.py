"""The glyph window's ideographic face guide (issue 14): from the target's BASE table, else its ink; switchable."""

import numpy as np
from fontTools.ttLib import TTFont

from fontassist import resources
from fontassist.app.review.glyphwindow import (
    FACE_COLOR,
    GlyphWindow,
    face_guide,
    ideographic_face,
    ink_extremes,
)
from fontassist.app.review.reviewstate import ReviewState
from fontassist.fonts import EmFrame, open_font

from .reviewkit import demo_session, missing_chars


def test_the_face_is_read_from_the_base_table_else_measured_on_the_ink(tmp_path):
    target = open_font(resources.DEMO_TARGET)
    # Zen Maru Gothic's BASE: icfb -77 / icft 837 across, 45 / 955 down (what FontForge and the spec call the ICF).
    assert ideographic_face(target) == (45.0, -77.0, 955.0, 837.0)
    frame = target.frame(64, 0.05)
    assert face_guide(target, frame) == (45.0, -77.0, 955.0, 837.0)

    font = TTFont(resources.DEMO_TARGET)
    del font["BASE"]
    bare = tmp_path / "no-base.ttf"
    font.save(bare)
    bare_font = open_font(bare)
    assert ideographic_face(bare_font) is None
    ink = ink_extremes(bare_font, frame)
    assert ink is not None and face_guide(bare_font, frame) == ink
    left, bottom, right, top = ink  # the ink of its ideographs, inside the em box
    assert 0 <= left < 100 and 900 < right <= 1000 and -120 <= bottom < 0 and 780 < top <= 880


def orange_pixels(widget) -> int:
    image = widget.grab().toImage()
    colours = np.array(
        [
            [image.pixelColor(x, y).getRgb()[:3] for x in range(0, image.width())]
            for y in range(image.height())
        ]
    )
    want = np.array(FACE_COLOR.getRgb()[:3])
    return int((np.abs(colours - want).sum(axis=2) < 60).sum())


def test_the_face_guide_is_drawn_and_can_be_switched_off(qtbot):
    state = ReviewState(demo_session(missing_chars(2)))
    window = GlyphWindow(state)
    qtbot.addWidget(window)
    window.show()
    canvas = window.canvas
    frame = EmFrame(1000, -120.0, 64, 0.05)
    blank = np.zeros((64, 64), np.uint8)
    canvas.setGlyph(frame, blank, blank)
    canvas.setGuides(ink=(60.0, -100.0, 950.0, 850.0), face=(45.0, -77.0, 955.0, 837.0))
    canvas.resize(300, 300)
    assert window.face_box.isChecked() and canvas.show_face
    assert orange_pixels(canvas) > 200  # four sides of a dashed box
    window.face_box.setChecked(False)
    assert not canvas.show_face and orange_pixels(canvas) == 0
    window.face_box.setChecked(True)
    window.guides_box.setChecked(False)  # all guides off: the face too, and its switch waits
    assert orange_pixels(canvas) == 0 and not window.face_box.isEnabled()
