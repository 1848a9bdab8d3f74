"""Converting a CFF-flavoured (PostScript-outline) font to TrueType outlines.

Merged fonts are always TrueType, because the generated glyphs are quadratic;
a CFF target is converted first, glyph by glyph (cu2qu), keeping every glyph
name, ID, advance and vertical origin.
"""

from __future__ import annotations

import os

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

from fontassist.export.writing import cancelled_message
from fontassist.jobs import CancelToken, Progress, check_cancel, report

# Cubic-to-quadratic tolerance as a fraction of the em (1 unit at 1000 UPM),
# fontmake's default.
MAX_ERROR_EM = 0.001

# CFF-only tables: VORG carries vertical origins that TrueType derives from vmtx.
_CFF_ONLY_TABLES = ("CFF ", "VORG")


def convert_cff_to_glyf(
    font: TTFont,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    out_path: str | os.PathLike = "the font",
) -> list[str]:
    """Replace the CFF table with glyf/loca; return the glyph names converted.

    A cancel raises JobCancelled (for the export to ``out_path``); the font is then
    left half-done and must be discarded."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    max_error = MAX_ERROR_EM * font["head"].unitsPerEm
    vorg = font["VORG"] if "VORG" in font else None
    vmtx = font["vmtx"] if "vmtx" in font else None
    vertical_origins: dict[str, int] = {}
    glyphs = {}
    message = "Converting PostScript outlines to TrueType"
    total = len(glyph_order)
    for done, name in enumerate(glyph_order):
        check_cancel(cancel, cancelled_message(out_path))
        if done % 100 == 0:
            report(progress, done, total, message)
        # seac accents arrive as components; glyf wants them as outlines here.
        recording = DecomposingRecordingPen(glyph_set)
        glyph_set[name].draw(recording)
        if vmtx is not None:
            vertical_origins[name] = _vertical_origin(name, recording, vorg, vmtx)
        tt_pen = TTGlyphPen(None)
        # PostScript outer contours run counter-clockwise, TrueType's clockwise.
        recording.replay(Cu2QuPen(tt_pen, max_error, reverse_direction=True))
        glyph = tt_pen.glyph()
        glyph.recalcBounds(None)
        glyphs[name] = glyph
    report(progress, total, total, message)

    for tag in _CFF_ONLY_TABLES:
        if tag in font:
            del font[tag]
    font.sfntVersion = "\x00\x01\x00\x00"
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = list(glyph_order)
    glyf.glyphs = glyphs
    font["loca"] = newTable("loca")
    font["head"].glyphDataFormat = 0
    _setup_truetype_maxp(font, len(glyph_order))
    _keep_glyph_names(font)

    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        advance, _ = hmtx[name]
        hmtx[name] = (advance, glyph.xMin if glyph.numberOfContours else 0)
    if vmtx is not None:
        for name, glyph in glyphs.items():
            height, _ = vmtx[name]
            vmtx[name] = (height, vertical_origins[name] - glyph.yMax if glyph.numberOfContours else 0)
    return list(glyph_order)


def _vertical_origin(name: str, recording: DecomposingRecordingPen, vorg, vmtx) -> int:
    """The glyph's vertical origin y as CFF renderers place it: from VORG when
    present, else top side bearing + yMax of the PostScript outline."""
    if vorg is not None:
        return vorg[name]
    bounds = BoundsPen(None)
    recording.replay(bounds)
    return vmtx[name][1] + (round(bounds.bounds[3]) if bounds.bounds else 0)


def _setup_truetype_maxp(font: TTFont, glyph_count: int) -> None:
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = glyph_count
    for field in (
        "maxPoints",
        "maxContours",
        "maxCompositePoints",
        "maxCompositeContours",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxComponentDepth",
    ):
        setattr(maxp, field, 0)
    # No instructions, hence no twilight zone.
    maxp.maxZones = 1


def _keep_glyph_names(font: TTFont) -> None:
    """CFF fonts store glyph names in CFF (post format 3); keep them in post 2."""
    post = font["post"]
    if post.formatType != 2.0:
        post.formatType = 2.0
        post.extraNames = []
        post.mapping = {}
