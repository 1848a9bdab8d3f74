"""New-font mode: a standalone font holding just the new glyphs."""

from __future__ import annotations

import os
from collections.abc import Iterable

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

from fontassist.errors import FontAssistError
from fontassist.export.fontmetrics import (
    ideograph_advance,
    ideograph_vertical_advance,
    ideograph_vertical_origin,
)
from fontassist.export.glyphs import NewGlyph, prepare_new_glyphs, unique_glyph_names
from fontassist.export.hinting import ensure_unhinted_rendering
from fontassist.export.naming import (
    VENDOR_NONE,
    FontNames,
    apply_names,
    family_warnings,
    source_copyright,
)
from fontassist.export.os2ranges import update_os2_coverage
from fontassist.export.writing import (
    ExportReport,
    add_glyphs,
    check_glyph_count,
    check_output_path,
    open_input_font,
    save_atomically,
    written_report,
)
from fontassist.jobs import CancelToken, Progress

# OS/2 fields that describe the target's design and line metrics; the new font
# takes them over so it sets text like the target.
_COPIED_OS2_FIELDS = (
    "usWeightClass",
    "usWidthClass",
    "fsType",
    "ySubscriptXSize",
    "ySubscriptYSize",
    "ySubscriptXOffset",
    "ySubscriptYOffset",
    "ySuperscriptXSize",
    "ySuperscriptYSize",
    "ySuperscriptXOffset",
    "ySuperscriptYOffset",
    "yStrikeoutSize",
    "yStrikeoutPosition",
    "sFamilyClass",
    "panose",
    "sTypoAscender",
    "sTypoDescender",
    "sTypoLineGap",
    "usWinAscent",
    "usWinDescent",
    "sxHeight",
    "sCapHeight",
)
_USE_TYPO_METRICS = 1 << 7
_NEW_FONT_VERSION = 1.0


def build_new_font(
    new_glyphs: Iterable[NewGlyph],
    out_path: str | os.PathLike,
    *,
    family: str,
    style: str = "Regular",
    metrics_from: str | os.PathLike,
    font_number: int = 0,
    source_path: str | os.PathLike | None = None,
    source_number: int = 0,
    validate: bool = True,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportReport:
    """Write ``out_path``: .notdef, space and ``new_glyphs``, with the em,
    line metrics, advances and licence of the font at ``metrics_from``."""
    new_glyphs = sorted(new_glyphs, key=lambda g: ord(g.char))
    out_path = check_output_path(out_path, [metrics_from])
    names = FontNames.make(family, style)
    prepare_new_glyphs(new_glyphs)
    if any(g.char in " \u00a0" for g in new_glyphs):
        raise FontAssistError(
            "The new font makes its own space and no-break space glyphs.",
            hint="Leave U+0020 and U+00A0 out of the characters.",
        )
    check_glyph_count(len(new_glyphs) + 2, out_path)

    source = open_input_font(metrics_from, font_number, role="font to take metrics from")
    try:
        warnings = family_warnings(
            source, metrics_from, names.family, source_path=source_path, source_number=source_number
        )
        font = _build(source, new_glyphs, names, progress, cancel, out_path)
        apply_names(font, names, source_copyright=source_copyright(source_path, source_number))
    finally:
        source.close()
    validation = save_atomically(font, out_path, validate=validate, cancel=cancel, progress=progress)
    return written_report(out_path, len(new_glyphs), len(font.getGlyphOrder()), validation, warnings)


def _build(
    source: TTFont, new_glyphs: list[NewGlyph], names: FontNames, progress, cancel, out_path
) -> TTFont:
    upm = source["head"].unitsPerEm
    advance = ideograph_advance(source)
    source_os2 = source["OS/2"] if "OS/2" in source else None
    hhea = source["hhea"]
    ascender = source_os2.sTypoAscender if source_os2 else hhea.ascent
    descender = source_os2.sTypoDescender if source_os2 else hhea.descent
    space_advance = _space_advance(source)

    new_names = unique_glyph_names((g.codepoint for g in new_glyphs), {".notdef", "space"})
    glyphs: dict[str, Glyph] = {
        ".notdef": _notdef_glyph(upm, advance, ascender, descender),
        "space": _empty_glyph(),
    }
    add_glyphs(glyphs, new_names, new_glyphs, progress, cancel, out_path)

    # The call order fontBuilder's docstring prescribes.
    builder = FontBuilder(upm, isTTF=True)
    builder.setupGlyphOrder(list(glyphs))
    builder.setupCharacterMap(
        {
            0x20: "space",
            0xA0: "space",
            **{g.codepoint: n for g, n in zip(new_glyphs, new_names, strict=False)},
        }
    )
    builder.setupGlyf(glyphs)
    metrics = {name: (advance, glyph.xMin if glyph.numberOfContours else 0) for name, glyph in glyphs.items()}
    metrics["space"] = (space_advance, 0)
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap)
    if "vmtx" in source and "vhea" in source:
        _setup_vertical(builder, source, glyphs)
    builder.setupNameTable(_kept_names(source), mac=False)
    os2_values = {"version": 4, "achVendID": VENDOR_NONE}
    if source_os2 is not None:
        os2_values.update({f: getattr(source_os2, f) for f in _COPIED_OS2_FIELDS if hasattr(source_os2, f)})
        os2_values["fsSelection"] = source_os2.fsSelection & _USE_TYPO_METRICS
        os2_values["panose"] = _proportional_panose(source_os2.panose)
    else:
        os2_values.update(
            sTypoAscender=hhea.ascent,
            sTypoDescender=hhea.descent,
            usWinAscent=hhea.ascent,
            usWinDescent=-hhea.descent,
        )
    builder.setupOS2(**os2_values)
    source_post = source["post"]
    builder.setupPost(
        isFixedPitch=0,  # the space is narrower than the ideographs: a proportional font
        underlinePosition=source_post.underlinePosition,
        underlineThickness=source_post.underlineThickness,
    )
    font = builder.font
    head = font["head"]
    head.fontRevision = _NEW_FONT_VERSION
    head.lowestRecPPEM = source["head"].lowestRecPPEM
    update_os2_coverage(font, keep_existing=False, claim_encodable=True)
    ensure_unhinted_rendering(font)
    return font


def _proportional_panose(panose):
    """The target's PANOSE, except that a new font with a narrow space is never "monospaced"."""
    import copy

    panose = copy.deepcopy(panose)
    monospaced = {
        2: 9,
        3: 3,
        5: 3,
    }  # bProportion's "monospaced" value per bFamilyType (Latin text, hand, symbol)
    if monospaced.get(panose.bFamilyType) == panose.bProportion:
        panose.bProportion = 0  # any
    return panose


def _kept_names(source: TTFont) -> dict[str, str]:
    """The target's copyright and licence, which the new glyphs inherit with its style."""
    kept = {}
    for key, name_id in (("copyright", 0), ("licenseDescription", 13), ("licenseInfoURL", 14)):
        text = source["name"].getDebugName(name_id)
        if text:
            kept[key] = text
    return kept


def _setup_vertical(builder: FontBuilder, source: TTFont, glyphs: dict[str, Glyph]) -> None:
    height = ideograph_vertical_advance(source)
    origin = ideograph_vertical_origin(source)
    builder.setupVerticalMetrics(
        {
            name: (height, origin - glyph.yMax if glyph.numberOfContours else 0)
            for name, glyph in glyphs.items()
        }
    )
    vhea = source["vhea"]
    builder.setupVerticalHeader(ascent=vhea.ascent, descent=vhea.descent, lineGap=vhea.lineGap)


def _space_advance(source: TTFont) -> int:
    cmap = source.getBestCmap() or {}
    if 0x20 in cmap:
        return source["hmtx"][cmap[0x20]][0]
    return source["head"].unitsPerEm // 4


def _empty_glyph() -> Glyph:
    return TTGlyphPen(None).glyph()


def _notdef_glyph(upm: int, advance: int, ascender: int, descender: int) -> Glyph:
    """The customary hollow box, inset from the em box."""
    inset = stroke = max(1, round(upm * 0.05))
    left, right = inset, advance - inset
    bottom, top = descender + inset, ascender - inset
    pen = TTGlyphPen(None)
    # Outer contour clockwise, inner counter-clockwise (TrueType's winding).
    for points in (
        [(left, bottom), (left, top), (right, top), (right, bottom)],
        [
            (left + stroke, bottom + stroke),
            (right - stroke, bottom + stroke),
            (right - stroke, top - stroke),
            (left + stroke, top - stroke),
        ],
    ):
        pen.moveTo(points[0])
        for point in points[1:]:
            pen.lineTo(point)
        pen.closePath()
    glyph = pen.glyph()
    glyph.recalcBounds(None)
    return glyph
