"""Fonts for the export tests: a small subset of Zen Maru Gothic (the target),
outlines from Noto Sans TC (the glyphs to add), and a tiny CFF font."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fontTools import subset
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.reverseContourPen import ReverseContourPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont

from fontassist.export import NewGlyph

SHARED = Path(__file__).resolve().parents[3] / "shared"
FONTS = SHARED / "fonts"
ZEN = FONTS / "ZenMaruGothic-Regular.ttf"
NOTO = FONTS / "NotoSansTC-Regular.ttf"

# Taiwanese common characters Zen Maru Gothic lacks and Noto Sans TC has.
MISSING_IN_ZEN = "丟乒乓乩乾"
# CJK Extension B, beyond the BMP.
BEYOND_BMP = "\U00020021"

if not ZEN.exists() or not NOTO.exists():
    pytest.skip(f"the shared fonts are not in {FONTS}", allow_module_level=True)


def _charset(name: str) -> list[str]:
    return [line.strip() for line in (SHARED / "charsets" / name).read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def big5_level1() -> set[str]:
    return set(_charset("big5-level1-5401.txt"))


@pytest.fixture(scope="session")
def zen_subset(tmp_path_factory) -> Path:
    """About 200 characters of Zen Maru Gothic with its layout tables and vertical metrics."""
    full = TTFont(ZEN)
    cmap = full.getBestCmap()
    common = [c for c in _charset("tw-edu-4808.txt") if ord(c) in cmap][:150]
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
def noto() -> TTFont:
    return TTFont(NOTO)


@pytest.fixture(scope="session")
def make_new_glyphs(noto):
    """NewGlyphs for characters, outlined as Noto Sans TC draws them (same UPM and em box)."""
    glyph_set = noto.getGlyphSet()
    cmap = noto.getBestCmap()

    def make(chars: str) -> list[NewGlyph]:
        return [NewGlyph.from_drawing(c, glyph_set[cmap[ord(c)]].draw) for c in chars]

    return make


@pytest.fixture(scope="session")
def cff_font(tmp_path_factory) -> Path:
    """A tiny OpenType/CFF font (PostScript outlines) with vertical metrics and VORG,
    made from a few Zen Maru Gothic glyphs."""
    source = TTFont(ZEN)
    cmap = source.getBestCmap()
    glyph_set = source.getGlyphSet()
    chars = "一中國あA"
    order = [".notdef", "space"] + [cmap[ord(c)] for c in chars]
    char_strings, metrics, vertical = {}, {}, {}
    for name in order:
        width = source["hmtx"][name][0]
        pen = T2CharStringPen(width, glyph_set)
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


def iou(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a > 127, b > 127
    union = np.logical_or(a, b).sum()
    return float(np.logical_and(a, b).sum() / union) if union else 1.0
