"""Keeping a font right for unhinted rendering once unhinted glyphs are added."""

from __future__ import annotations

import logging

from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables import ttProgram

log = logging.getLogger(__name__)

# gasp for unhinted outlines: grey-scale and symmetric smoothing at every size,
# grid-fitting flags set too so hinted rasterisers still apply the prep below.
UNHINTED_GASP = {0xFFFF: 0x000F}

# Smart dropout control (what gftools fix-unhinted installs): keeps thin strokes
# from vanishing at small sizes when no glyph program does it.
_DROPOUT_CONTROL_PREP = "PUSHW[ ]\n511\nSCANCTRL[ ]\nPUSHB[ ]\n4\nSCANTYPE[ ]"
_DROPOUT_CONTROL_STACK_DEPTH = 1


def is_hinted(font: TTFont) -> bool:
    """A font with a font program or control values carries TrueType hinting."""
    return "fpgm" in font or "cvt " in font


def ensure_unhinted_rendering(font: TTFont) -> list[str]:
    """Give an unhinted TrueType font its gasp and dropout-control prep when missing.

    Hinted fonts keep their tables: the added glyphs carry empty programs, which
    every TrueType rasteriser renders as plain outlines. Returns what was added.
    """
    if is_hinted(font):
        return []
    added = []
    if "gasp" not in font:
        gasp = font["gasp"] = newTable("gasp")
        gasp.version = 1
        gasp.gaspRange = dict(UNHINTED_GASP)
        added.append("gasp")
    if "prep" not in font:
        prep = font["prep"] = newTable("prep")
        prep.program = ttProgram.Program()
        prep.program.fromAssembly(_DROPOUT_CONTROL_PREP)
        maxp = font["maxp"]
        maxp.maxStackElements = max(maxp.maxStackElements, _DROPOUT_CONTROL_STACK_DEPTH)
        added.append("prep")
    if added:
        log.info("added %s for unhinted rendering", ", ".join(added))
    return added
