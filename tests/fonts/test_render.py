import numpy as np
import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from fontassist.errors import FontAssistError
from fontassist.fonts import open_font, render, render_glyph
from fontassist.fonts.emframe import EmFrame
from fontassist.fonts.render import CACHE, render_outline
from tests.conftest import build_font, draw_rect

CHARS = "永東國酬愛鬱一丁口回あAg"


def _ink_box(raster):
    rows = np.flatnonzero(raster.max(axis=1) > 0)
    cols = np.flatnonzero(raster.max(axis=0) > 0)
    return cols[0], rows[0], cols[-1], rows[-1]


@pytest.mark.parametrize("size,margin", [(64, 0.0), (128, 0.0), (128, 0.1), (256, 0.05)])
@pytest.mark.parametrize("which", ["noto_path", "zen_path"])
def test_ink_box_matches_outline_box(request, which, size, margin):
    path = request.getfixturevalue(which)
    font = open_font(path)
    tt = TTFont(path, lazy=True)
    glyph_set = tt.getGlyphSet()
    frame = font.frame(size, margin)
    result = render(font, CHARS, size, margin, cache=False)
    assert result.chars == [c for c in CHARS if font.has(c)]
    for raster, char in zip(result.images, result.chars, strict=False):
        pen = BoundsPen(glyph_set)
        glyph_set[font.cmap[ord(char)]].draw(pen)
        x0, y0, x1, y1 = pen.bounds
        px0, py0 = frame.to_pixels(x0, y1)  # top-left
        px1, py1 = frame.to_pixels(x1, y0)  # bottom-right
        expected = np.array([px0, py0, px1, py1], float)
        inside = (expected >= 0) & (expected <= size)
        got = np.array(_ink_box(raster), float) + np.array([0, 0, 1, 1])  # ink covers pixel edges
        assert np.all(np.abs(got - expected)[inside] <= 1.0), (char, got, expected)


def test_ink_is_255_and_paper_is_0(demo_target):
    raster = render_glyph(open_font(demo_target), "口", 64)
    assert raster[0, 0] == 0 and raster.max() == 255 and raster.dtype == np.uint8


def test_missing_chars_are_reported_not_drawn(tmp_path):
    font = open_font(build_font(tmp_path / "a.ttf", glyphs={"A": (100, 0, 500, 700)}))
    result = render(font, "AB永A", 32, cache=False)
    assert result.chars == ["A"] and result.missing == ["B", "永"]
    assert result.images.shape == (1, 32, 32)
    with pytest.raises(FontAssistError, match="does not have U\\+0042"):
        render_glyph(font, "B", 32)


def test_rectangle_lands_exactly(tmp_path):
    """A rectangle on whole pixels of the frame fills exactly those pixels."""
    # 1000 UPM at 100 px: 10 units per pixel; em box from y=-120 to 880.
    font = open_font(build_font(tmp_path / "r.ttf", glyphs={"A": (100, 80, 500, 680)}))
    raster = render(font, "A", 100, cache=False).images[0]
    expected = np.zeros((100, 100), np.uint8)
    expected[20:80, 10:50] = 255  # rows: (880-680)/10=20 .. (880-80)/10=80
    assert np.array_equal(raster, expected)


def test_repeated_request_comes_from_cache(demo_source):
    font = open_font(demo_source)
    first = render(font, CHARS, 48)
    CACHE.clear_memory()
    second = render(font, CHARS, 48)  # from disk
    third = render(font, CHARS, 48)  # from memory
    assert not first.from_cache and second.from_cache and third.from_cache
    assert np.array_equal(first.images, second.images)
    uncached = render(font, CHARS, 48, cache=False)
    assert not uncached.from_cache and np.array_equal(uncached.images, first.images)


# -- outlines drawn into a pen, on the glyphs' grid ------------------------------------------------
OUTLINE_FRAME = EmFrame(upm=1000, bottom=0, size=100)  # 10 font units per pixel, y = 1000 at the top


def test_an_outline_lands_on_the_pixels_the_frame_maps_it_to():
    pen = RecordingPen()
    draw_rect(pen, 100, 500, 300, 800)  # pixels x 10..29, rows 20..49
    expected = np.zeros((100, 100), bool)
    expected[20:50, 10:30] = True
    assert np.array_equal(render_outline(pen.replay, OUTLINE_FRAME) >= 128, expected)
    framed = EmFrame(upm=1000, bottom=-120, size=100, margin=0.1, left=50)
    x, y = framed.to_pixels([150, 350], [880, 580])  # the same square, moved by the frame's offsets
    expected = np.zeros((100, 100), bool)
    expected[round(y[0]) : round(y[1]), round(x[0]) : round(x[1])] = True
    pen = RecordingPen()
    draw_rect(pen, 150, 580, 350, 880)
    assert np.array_equal(render_outline(pen.replay, framed) >= 128, expected)


def test_outlines_fill_nonzero_keeping_holes():
    pen = RecordingPen()
    draw_rect(pen, 100, 100, 500, 500)
    draw_rect(pen, 300, 300, 700, 700)  # same direction: overlap stays ink
    draw_rect(pen, 800, 100, 950, 250)
    draw_rect(pen, 850, 150, 900, 200, clockwise=False)  # opposite direction: a hole
    mask = render_outline(pen.replay, OUTLINE_FRAME) >= 128
    assert mask[60, 40]  # the overlap of the first two squares (x 350, y 400)
    assert not mask[82, 87]  # inside the hole (x 875, y 175)
    assert mask[78, 82]  # the ring around it


def test_outline_coverage_is_the_covered_area():
    pen = RecordingPen()
    draw_rect(pen, 100, 500, 305, 800)  # the right edge at x = 30.5 px
    coverage = render_outline(pen.replay, OUTLINE_FRAME)
    assert coverage[30, 20] == 255
    assert 100 <= coverage[30, 30] <= 160
    assert coverage[30, 31] == 0
