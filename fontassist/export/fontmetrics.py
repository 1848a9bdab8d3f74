"""Metrics for added glyphs, and the font-wide extents and maxima they change.

Font-wide values are recomputed from the glyph headers (each glyf entry starts
with its bounding box), so the thousands of untouched glyphs are neither
decompiled nor recompiled: merging stays fast and their bytes stay identical.
"""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Iterable, Iterator

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

_HEADER = struct.Struct(">hhhhh")

# Blocks whose glyphs share the ideographic advance: CJK Unified Ideographs
# and their extensions, and the compatibility ideographs.
_IDEOGRAPH_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)


def is_ideograph(codepoint: int) -> bool:
    return any(first <= codepoint <= last for first, last in _IDEOGRAPH_RANGES)


def _ideograph_glyphs(font: TTFont) -> list[str]:
    cmap = font.getBestCmap() or {}
    return [name for codepoint, name in cmap.items() if is_ideograph(codepoint)]


def glyph_bounds(font: TTFont, name: str) -> tuple[int, int, int, int] | None:
    """(xMin, yMin, xMax, yMax) from the glyph's header, or None for an empty glyph."""
    if "glyf" not in font:
        char_strings = font["CFF "].cff.topDictIndex[0].CharStrings
        bounds = char_strings[name].calcBounds(char_strings)
        return tuple(round(v) for v in bounds) if bounds else None
    glyph = font["glyf"].glyphs[name]
    if hasattr(glyph, "data"):
        if len(glyph.data) < _HEADER.size:
            return None
        contours, x_min, y_min, x_max, y_max = _HEADER.unpack_from(glyph.data)
        return (x_min, y_min, x_max, y_max) if contours else None
    if glyph.numberOfContours == 0:
        return None
    if not hasattr(glyph, "xMin"):
        glyph.recalcBounds(font["glyf"])
    return glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax


def ideograph_advance(font: TTFont) -> int:
    """The most common advance width among the font's ideographs, else the em."""
    hmtx = font["hmtx"]
    widths = Counter(hmtx[name][0] for name in _ideograph_glyphs(font))
    return widths.most_common(1)[0][0] if widths else font["head"].unitsPerEm


def ideograph_vertical_advance(font: TTFont) -> int:
    vmtx = font["vmtx"]
    heights = Counter(vmtx[name][0] for name in _ideograph_glyphs(font))
    return heights.most_common(1)[0][0] if heights else font["head"].unitsPerEm


def ideograph_vertical_origin(font: TTFont) -> int:
    """The y of the vertical origin the font's ideographs use (TrueType derives
    it per glyph as yMax + tsb); the typographic ascender when there are none."""
    vmtx = font["vmtx"]
    origins: Counter[int] = Counter()
    for name in _ideograph_glyphs(font):
        bounds = glyph_bounds(font, name)
        if bounds is not None:
            origins[bounds[3] + vmtx[name][1]] += 1
    if origins:
        return origins.most_common(1)[0][0]
    if "OS/2" in font:
        return font["OS/2"].sTypoAscender
    return font["hhea"].ascent


def set_new_glyph_metrics(
    font: TTFont,
    names: Iterable[str],
    glyphs: Iterable[Glyph],
    advance: int,
    vertical: tuple[int, int] | None,
) -> None:
    """hmtx (and vmtx) entries for added glyphs: lsb = xMin, tsb = origin - yMax.

    ``vertical`` is (advance height, vertical origin y) when the font has vmtx.
    """
    hmtx = font["hmtx"]
    vmtx = font["vmtx"] if vertical is not None else None
    for name, glyph in zip(names, glyphs, strict=False):
        has_outline = glyph.numberOfContours != 0
        hmtx[name] = (advance, glyph.xMin if has_outline else 0)
        if vmtx is not None:
            height, origin = vertical
            vmtx[name] = (height, origin - glyph.yMax if has_outline else 0)


def recalc_font_extents(font: TTFont, new_names: Iterable[str]) -> None:
    """Recompute head's bounding box, hhea/vhea extents and the maxp maxima.

    Bounding boxes and extents come from every glyph's header. The maxp point
    and contour maxima only grow by what the simple glyphs in ``new_names``
    need; the existing glyphs' values are the ones the font already declared.
    """
    all_bounds = dict(_all_bounds(font))
    head = font["head"]
    if all_bounds:
        head.xMin = min(b[0] for b in all_bounds.values())
        head.yMin = min(b[1] for b in all_bounds.values())
        head.xMax = max(b[2] for b in all_bounds.values())
        head.yMax = max(b[3] for b in all_bounds.values())
    else:
        head.xMin = head.yMin = head.xMax = head.yMax = 0
    _recalc_metrics_header(font["hhea"], font["hmtx"], {n: (b[0], b[2]) for n, b in all_bounds.items()}, "x")
    if "vhea" in font and "vmtx" in font:
        _recalc_metrics_header(
            font["vhea"], font["vmtx"], {n: (b[1], b[3]) for n, b in all_bounds.items()}, "y"
        )
    maxp = font["maxp"]
    glyf = font["glyf"]
    for name in new_names:
        glyph = glyf.glyphs[name]
        if glyph.numberOfContours > 0:
            points, contours = glyph.getMaxpValues()
            maxp.maxPoints = max(maxp.maxPoints, points)
            maxp.maxContours = max(maxp.maxContours, contours)
            maxp.maxSizeOfInstructions = max(maxp.maxSizeOfInstructions, len(glyph.program.getBytecode()))
    maxp.numGlyphs = len(font.getGlyphOrder())


def _all_bounds(font: TTFont) -> Iterator[tuple[str, tuple[int, int, int, int]]]:
    for name in font.getGlyphOrder():
        bounds = glyph_bounds(font, name)
        if bounds is not None:
            yield name, bounds


def _recalc_metrics_header(header, metrics, spans: dict[str, tuple[int, int]], axis: str) -> None:
    """What fontTools' hhea/vhea ``recalc`` computes, from precomputed spans."""
    advance_max = max((advance for advance, _ in metrics.metrics.values()), default=0)
    min_start = min_end = extent = 0
    if spans:
        starts, ends, extents = [], [], []
        for name, (low, high) in spans.items():
            advance, bearing = metrics[name]
            size = high - low
            starts.append(bearing)
            ends.append(advance - bearing - size)
            extents.append(bearing + size)
        min_start, min_end, extent = min(starts), min(ends), max(extents)
    if axis == "x":
        header.advanceWidthMax = advance_max
        header.minLeftSideBearing, header.minRightSideBearing, header.xMaxExtent = min_start, min_end, extent
    else:
        header.advanceHeightMax = advance_max
        header.minTopSideBearing, header.minBottomSideBearing, header.yMaxExtent = min_start, min_end, extent
