"""Constants and helpers shared by the export tests."""

from __future__ import annotations

from fontassist import resources

# Taiwanese common characters Zen Maru Gothic lacks and Noto Sans TC has.
MISSING_IN_ZEN = "丟丫乒乓乩"
# CJK Extension B, beyond the BMP.
BEYOND_BMP = "\U00020021"


def charset(name: str) -> list[str]:
    """A bundled charset list, one character per line."""
    text = (resources.CHARSETS / name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def draw_new_glyph(ufo, char: str = "龜"):
    """Draw ``char`` into ``ufo`` as a new glyph (one triangle), as a designer would in the editor."""
    glyph = ufo.newGlyph(f"uni{ord(char):04X}")
    glyph.unicodes, glyph.width = [ord(char)], 1000
    pen = glyph.getPen()
    pen.moveTo((100, 0))
    pen.lineTo((100, 700))
    pen.lineTo((800, 700))
    pen.closePath()
    return glyph
