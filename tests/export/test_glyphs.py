from __future__ import annotations

import pytest
from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

from fontassist.errors import FontAssistError
from fontassist.export import NewGlyph, glyph_from_pen_drawing, glyph_name_for
from fontassist.export.glyphs import prepare_new_glyphs, unique_glyph_names


def _cubic_drop(pen) -> None:
    pen.moveTo((500, 0))
    pen.curveTo((800, 0), (900, 300), (500, 700))
    pen.curveTo((100, 300), (200, 0), (500, 0))
    pen.closePath()


def test_drawings_become_quadratic_glyphs_with_bounds():
    glyph = glyph_from_pen_drawing(_cubic_drop)
    recording = RecordingPen()
    glyph.draw(recording, None)
    operators = {op for op, _ in recording.value}
    assert "curveTo" not in operators and "qCurveTo" in operators
    assert (glyph.xMin, glyph.yMin, glyph.yMax) == (glyph.xMin, 0, 700)
    assert 200 <= glyph.xMin <= 300 and 700 <= glyph.xMax <= 800


def test_quadratic_drawings_pass_through_unchanged():
    def draw(pen):
        pen.moveTo((0, 0))
        pen.qCurveTo((0, 500), (500, 500))
        pen.lineTo((500, 0))
        pen.closePath()

    glyph = glyph_from_pen_drawing(draw)
    assert list(glyph.coordinates) == [(0, 0), (0, 500), (500, 500), (500, 0)]
    assert list(glyph.flags) == [1, 0, 1, 1]


def test_glyph_names():
    assert glyph_name_for(0x4E00) == "uni4E00"
    assert glyph_name_for(0x41) == "uni0041"
    assert glyph_name_for(0x20021) == "u20021"
    taken = {"uni4E00", "uni4E00.1"}
    assert unique_glyph_names([0x4E00, 0x4E01, 0x20021], taken) == ["uni4E00.2", "uni4E01", "u20021"]
    assert {"uni4E00.2", "uni4E01", "u20021"} <= taken


def test_bad_glyphs_are_refused():
    empty = glyph_from_pen_drawing(lambda pen: None)
    with pytest.raises(FontAssistError, match="surrogate or a noncharacter"):
        prepare_new_glyphs([NewGlyph("\ud800", empty)])
    with pytest.raises(FontAssistError, match="U\\+FFFE cannot be mapped"):
        prepare_new_glyphs([NewGlyph("\ufffe", empty)])
    with pytest.raises(FontAssistError, match="beyond ±32767"):
        prepare_new_glyphs([NewGlyph("丟", glyph_from_pen_drawing(_huge))])
    with pytest.raises(ValueError, match="one character"):
        prepare_new_glyphs([NewGlyph("ab", empty)])
    composite_pen = TTGlyphPen({"a": None})
    composite_pen.addComponent("a", (1, 0, 0, 1, 0, 0))
    with pytest.raises(ValueError, match="composite"):
        prepare_new_glyphs([NewGlyph("丟", composite_pen.glyph())])


def test_components_are_decomposed_or_refused():
    parts = {"bar": RecordingPen()}
    parts["bar"].moveTo((0, 0))
    parts["bar"].lineTo((0, 100))
    parts["bar"].lineTo((50, 100))
    parts["bar"].closePath()

    def draw(pen):
        pen.addComponent("bar", (1, 0, 0, 1, 200, 0))

    glyph = glyph_from_pen_drawing(draw, {"bar": _Drawable(parts["bar"])})
    assert not glyph.isComposite() and (glyph.xMin, glyph.xMax, glyph.yMax) == (200, 250, 100)
    with pytest.raises(ValueError, match="component .*bar"):
        glyph_from_pen_drawing(draw)


class _Drawable:
    def __init__(self, recording: RecordingPen):
        self.recording = recording

    def draw(self, pen) -> None:
        self.recording.replay(pen)


def _huge(pen) -> None:
    pen.moveTo((0, 0))
    pen.lineTo((0, 40000))
    pen.lineTo((100, 40000))
    pen.closePath()


def test_added_glyphs_lose_any_instructions():
    glyph = glyph_from_pen_drawing(_triangle)
    glyph.program.fromBytecode(b"\xb0\x01")  # PUSHB[0] 1: meaningless outside its own font
    prepare_new_glyphs([NewGlyph("丟", glyph)])
    assert glyph.program.getBytecode() == b""


def _triangle(pen) -> None:
    pen.moveTo((0, 0))
    pen.lineTo((0, 100))
    pen.lineTo((100, 100))
    pen.closePath()
