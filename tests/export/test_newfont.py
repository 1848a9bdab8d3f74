from __future__ import annotations

import os

import freetype
import numpy as np
import pytest
from fontTools.pens.freetypePen import FreeTypePen
from fontTools.ttLib import TTFont

from fontassist.errors import FontAssistError
from fontassist.export import build_new_font
from fontassist.jobs import JobCancelled
from fontassist.train.similarity import iou
from tests.cancelling import CancelAfter
from tests.export.support import BEYOND_BMP, MISSING_IN_ZEN


@pytest.fixture(scope="module")
def new_font(zen_subset, make_new_glyphs, tmp_path_factory):
    glyphs = make_new_glyphs(MISSING_IN_ZEN) + make_new_glyphs(BEYOND_BMP, outline_of="丫")
    out = tmp_path_factory.mktemp("new") / "ZenMaruGothicTCExtra-Regular.ttf"
    return build_new_font(glyphs, out, family="Zen Maru Gothic TC Extra", metrics_from=zen_subset), glyphs


def test_new_font_holds_notdef_space_and_the_glyphs(new_font):
    report, glyphs = new_font
    font = TTFont(report.out_path)
    names = [f"uni{ord(c):04X}" for c in MISSING_IN_ZEN]
    assert font.getGlyphOrder() == [".notdef", "space"] + sorted(names) + ["u20021"]
    assert report.total_glyphs == len(glyphs) + 2 == font["maxp"].numGlyphs
    assert report.glyphs_added == len(glyphs)
    cmap = font.getBestCmap()
    assert cmap == {
        0x20: "space",
        0xA0: "space",
        **{ord(c): f"uni{ord(c):04X}" for c in MISSING_IN_ZEN},
        ord(BEYOND_BMP): "u20021",
    }
    assert {(t.platformID, t.platEncID, t.format) for t in font["cmap"].tables} >= {(3, 1, 4), (3, 10, 12)}
    assert font["glyf"][".notdef"].numberOfContours == 2


def test_new_font_takes_its_metrics_from_the_target(zen_subset, new_font):
    report, glyphs = new_font
    font, target = TTFont(report.out_path), TTFont(zen_subset)
    assert font["head"].unitsPerEm == target["head"].unitsPerEm == 1000
    for field in (
        "sTypoAscender",
        "sTypoDescender",
        "sTypoLineGap",
        "usWinAscent",
        "usWinDescent",
        "usWeightClass",
        "fsType",
    ):
        assert getattr(font["OS/2"], field) == getattr(target["OS/2"], field), field
    for field in ("ascent", "descent", "lineGap"):
        assert getattr(font["hhea"], field) == getattr(target["hhea"], field)
        assert getattr(font["vhea"], field) == getattr(target["vhea"], field)
    assert font["hmtx"]["space"][0] == target["hmtx"][target.getBestCmap()[0x20]][0]
    for new in glyphs:
        name = font.getBestCmap()[new.codepoint]
        glyph = font["glyf"][name]
        assert font["hmtx"][name] == (1000, glyph.xMin)
        assert font["vmtx"][name] == (1000, 880 - glyph.yMax)
    assert "gasp" in font and "prep" in font


def test_new_font_names_and_licence(zen_subset, new_font):
    report, _ = new_font
    name, target_name = TTFont(report.out_path)["name"], TTFont(zen_subset)["name"]
    assert name.getDebugName(1) == "Zen Maru Gothic TC Extra" and name.getDebugName(16) is None
    assert name.getDebugName(6) == "ZenMaruGothicTCExtra-Regular"
    assert name.getDebugName(0).startswith(target_name.getDebugName(0))
    assert name.getDebugName(0).endswith("Glyphs added with fontassist.")
    assert name.getDebugName(13) == target_name.getDebugName(13)
    assert name.getDebugName(14) == target_name.getDebugName(14)


def test_new_font_is_valid(new_font):
    report, _ = new_font
    assert report.validation.ok, report.validation


def test_new_font_glyph_renders_where_its_outline_put_it(new_font):
    report, glyphs = new_font
    ppem, em_top = 100, 880
    face = freetype.Face(os.fspath(report.out_path))
    face.set_pixel_sizes(0, ppem)
    new = glyphs[0]
    face.load_char(new.char, freetype.FT_LOAD_RENDER | freetype.FT_LOAD_NO_HINTING)
    slot = face.glyph
    bitmap = np.array(slot.bitmap.buffer, dtype=np.uint8).reshape(slot.bitmap.rows, slot.bitmap.width)
    rendered = np.zeros((ppem, ppem), np.uint8)
    top = round(em_top * ppem / 1000) - slot.bitmap_top
    rendered[top : top + bitmap.shape[0], slot.bitmap_left : slot.bitmap_left + bitmap.shape[1]] = bitmap
    pen = FreeTypePen(None)
    new.glyph.draw(pen, None)
    expected = pen.array(ppem, ppem, transform=(0.1, 0, 0, 0.1, 0, 12))
    assert iou(rendered, (expected * 255).astype(np.uint8)) > 0.9


def test_metrics_can_come_from_a_cff_font(cff_font, make_new_glyphs, tmp_path):
    report = build_new_font(
        make_new_glyphs("丟"), tmp_path / "o.ttf", family="Tiny New", metrics_from=cff_font
    )
    font = TTFont(report.out_path)
    assert "glyf" in font and report.validation.ok
    glyph = font["glyf"]["uni4E1F"]
    assert font["vmtx"]["uni4E1F"] == (1000, 880 - glyph.yMax)


def test_new_font_refusals(zen_subset, make_new_glyphs, tmp_path):
    with pytest.raises(FontAssistError, match="same file as the input"):
        build_new_font(make_new_glyphs("丟"), zen_subset, family="X", metrics_from=zen_subset)
    with pytest.raises(FontAssistError, match="makes its own space"):
        build_new_font(make_new_glyphs(" 丟"), tmp_path / "o.ttf", family="X", metrics_from=zen_subset)
    with pytest.raises(JobCancelled, match="no file was written"):
        build_new_font(
            make_new_glyphs("丟丫"),
            tmp_path / "o.ttf",
            family="X",
            metrics_from=zen_subset,
            cancel=CancelAfter(0),
        )
    assert list(tmp_path.iterdir()) == []


def test_new_font_is_proportional_with_code_pages_of_its_characters(new_font):
    report, glyphs = new_font
    font = TTFont(report.out_path)
    assert font["post"].isFixedPitch == 0
    assert not (font["OS/2"].panose.bFamilyType == 2 and font["OS/2"].panose.bProportion == 9)
    pages = font["OS/2"].getCodePageRanges()
    assert 0 not in pages  # no Latin 1 claimed for a font of ideographs and spaces
    chars = [g.char for g in glyphs if ord(g.char) < 0x10000]  # no legacy code page goes beyond the BMP
    for bit, codec in ((17, "euc_jp"), (18, "gb2312"), (20, "big5")):
        encodable = all(c.encode(codec, errors="replace") != b"?" for c in chars)
        assert (bit in pages) == encodable, (bit, codec)
