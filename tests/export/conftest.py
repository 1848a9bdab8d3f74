"""Fonts for the export tests: a small subset of Zen Maru Gothic (the target),
outlines from Noto Sans TC (the glyphs to add), and a tiny CFF font. The
root conftest supplies the fonts (the full ones from ../shared, else the
bundled demo subsets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools import subset
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.reverseContourPen import ReverseContourPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont

from fontassist.export import NewGlyph
from tests.export.support import charset


@pytest.fixture(scope="session")
def zen_subset(zen_path, tmp_path_factory) -> Path:
    """About 200 characters of Zen Maru Gothic with its layout tables and vertical metrics."""
    full = TTFont(zen_path)
    cmap = full.getBestCmap()
    common = [c for c in charset("tw-edu-4808.txt") if ord(c) in cmap][:150]
    chars = common + list("あいうえおアイウエオ、。「」ー") + [chr(c) for c in range(0x20, 0x7F)]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = True
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(full)
    path = tmp_path_factory.mktemp("fonts") / "ZenMaruSubset.ttf"
    full.save(path)
    return path


@pytest.fixture(scope="session")
def noto(noto_path) -> TTFont:
    return TTFont(noto_path)


@pytest.fixture(scope="session")
def make_new_glyphs(noto):
    """NewGlyphs outlined as Noto Sans TC draws them (same UPM and em box as Zen Maru Gothic).

    ``outline_of`` borrows another character's outline, e.g. for code points the
    bundled Noto subset lacks.
    """
    glyph_set = noto.getGlyphSet()
    cmap = noto.getBestCmap()

    def make(chars: str, outline_of: str | None = None) -> list[NewGlyph]:
        return [
            NewGlyph.from_drawing(c, glyph_set[cmap[ord(outline_of or c)]].draw, glyph_set) for c in chars
        ]

    return make


@pytest.fixture(scope="session")
def cff_font(zen_path, tmp_path_factory) -> Path:
    """A tiny OpenType/CFF font (PostScript outlines) with vertical metrics and VORG,
    made from a few Zen Maru Gothic glyphs."""
    source = TTFont(zen_path)
    cmap = source.getBestCmap()
    glyph_set = source.getGlyphSet()
    chars = "一中國あA"
    order = [".notdef", "space"] + [cmap[ord(c)] for c in chars]
    char_strings, metrics, vertical = {}, {}, {}
    for name in order:
        pen = T2CharStringPen(source["hmtx"][name][0], glyph_set)
        # TrueType contours run clockwise; PostScript ones counter-clockwise.
        glyph_set[name].draw(ReverseContourPen(pen))
        char_strings[name] = pen.getCharString()
        metrics[name] = source["hmtx"][name]
        vertical[name] = source["vmtx"][name]
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({0x20: "space", **{ord(c): cmap[ord(c)] for c in chars}})
    builder.setupCFF("TinyCFF-Regular", {"FullName": "Tiny CFF Regular"}, char_strings, {})
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=1160, descent=-288)
    builder.setupNameTable({"familyName": "Tiny CFF", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=1160, usWinDescent=288)
    builder.setupPost()
    builder.setupVerticalMetrics(vertical)
    builder.setupVerticalHeader(ascent=500, descent=-500)
    builder.setupVerticalOrigins({name: 880 for name in order}, 880)
    path = tmp_path_factory.mktemp("fonts") / "TinyCFF-Regular.otf"
    builder.save(path)
    return path
