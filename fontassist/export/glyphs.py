"""The glyphs an export adds: a character and its TrueType outline."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from fontTools.pens.basePen import MissingComponentError
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib.tables import ttProgram
from fontTools.ttLib.tables._g_l_y_f import Glyph, flagCubic

from fontassist.errors import FontAssistError

# glyf stores coordinates and bounding boxes as int16.
INT16_MIN, INT16_MAX = -32768, 32767

# Cubic curves handed to glyph_from_pen_drawing are approximated within this
# many font units (fontmake's default for a 1000-unit em).
CUBIC_TOLERANCE = 1.0


@dataclass(frozen=True)
class NewGlyph:
    """One character to add: ``glyph`` is a simple (non-composite) quadratic
    glyf outline in the target font's units, y up, origin on the baseline."""

    char: str
    glyph: Glyph

    @classmethod
    def from_drawing(
        cls, char: str, draw: Callable[[object], None], glyph_set: Mapping | None = None
    ) -> NewGlyph:
        """``draw(pen)`` draws the outline into a fontTools pen (e.g. the tracer)."""
        return cls(char, glyph_from_pen_drawing(draw, glyph_set))

    @property
    def codepoint(self) -> int:
        return ord(self.char)


def glyph_from_pen_drawing(draw: Callable[[object], None], glyph_set: Mapping | None = None) -> Glyph:
    """Run ``draw(pen)`` and return the outline as a simple quadratic glyf Glyph.

    Cubic segments are converted to quadratics on the way, so any drawing works;
    quadratic segments pass through unchanged. Components (e.g. from drawing a
    composite glyph of another font) are decomposed through ``glyph_set``.
    """
    recording = DecomposingRecordingPen(glyph_set or {}, skipMissingComponents=False)
    try:
        draw(recording)
    except MissingComponentError as error:
        raise ValueError(f"the drawing uses component {error}; pass the glyph set it comes from") from error
    tt_pen = TTGlyphPen(None)
    recording.replay(Cu2QuPen(tt_pen, CUBIC_TOLERANCE, reverse_direction=False))
    glyph = tt_pen.glyph()
    glyph.recalcBounds(None)
    return glyph


def glyph_name_for(codepoint: int) -> str:
    """The AGL-style name for a code point: ``uni4E00`` in the BMP, ``u20000`` beyond."""
    return f"uni{codepoint:04X}" if codepoint <= 0xFFFF else f"u{codepoint:05X}"


def unique_glyph_names(codepoints: Iterable[int], taken: set[str]) -> list[str]:
    """Names for new glyphs that clash with no name in ``taken`` (which is updated)."""
    names = []
    for codepoint in codepoints:
        base = name = glyph_name_for(codepoint)
        suffix = 1
        while name in taken:
            name = f"{base}.{suffix}"
            suffix += 1
        taken.add(name)
        names.append(name)
    return names


def prepare_new_glyphs(new_glyphs: list[NewGlyph]) -> None:
    """Refuse characters that cannot be encoded and outlines glyf cannot hold,
    and make each glyph ready to write: bounding box computed, no instructions
    (added glyphs are unhinted; a program copied from another font would call
    functions the target does not have)."""
    seen: set[str] = set()
    duplicates: list[str] = []
    for new in new_glyphs:
        if not isinstance(new.char, str) or len(new.char) != 1:
            raise ValueError(f"NewGlyph.char must be one character, got {new.char!r}")
        if not isinstance(new.glyph, Glyph):
            raise TypeError(
                f"NewGlyph.glyph for {new.char!r} must be a glyf Glyph, got {type(new.glyph).__name__}"
            )
        codepoint = ord(new.char)
        if 0xD800 <= codepoint <= 0xDFFF or _is_noncharacter(codepoint):
            raise FontAssistError(
                f"U+{codepoint:04X} cannot be mapped in a font (it is a surrogate or a noncharacter).",
                hint="Remove it from the characters to export.",
            )
        if new.char in seen:
            duplicates.append(new.char)
        seen.add(new.char)
        glyph = new.glyph
        if glyph.isComposite():
            raise ValueError(
                f"the outline for {new.char!r} is a composite glyph; export takes simple outlines"
            )
        if glyph.numberOfContours > 0 and any(flag & flagCubic for flag in glyph.flags):
            raise ValueError(
                f"the outline for {new.char!r} has cubic curves; build it with glyph_from_pen_drawing"
            )
        glyph.recalcBounds(None)
        glyph.program = ttProgram.Program()
        glyph.program.fromBytecode(b"")
        if glyph.numberOfContours > 0 and not (
            INT16_MIN <= min(glyph.xMin, glyph.yMin) and max(glyph.xMax, glyph.yMax) <= INT16_MAX
        ):
            raise FontAssistError(
                f"The outline for {new.char!r} (U+{codepoint:04X}) reaches beyond ±32767 font units, "
                "which TrueType cannot store.",
                hint="Check that it was traced through the target font's em frame.",
            )
    if duplicates:
        shown = "".join(sorted(set(duplicates))[:20])
        raise FontAssistError(
            f"Some characters are given more than once: {shown}.",
            hint="Give each character one outline.",
        )


def _is_noncharacter(codepoint: int) -> bool:
    return 0xFDD0 <= codepoint <= 0xFDEF or (codepoint & 0xFFFE) == 0xFFFE
