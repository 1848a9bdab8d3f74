"""Writing TrueType fonts: new glyphs merged into a copy of the target, or a
new font of their own; naming, validation, atomic writes. Qt-free."""

from fontassist.export.glyphs import NewGlyph, glyph_from_pen_drawing, glyph_name_for
from fontassist.export.merge import merge_into_font
from fontassist.export.naming import FontNames, naming_warnings, postscript_name, reserved_font_names
from fontassist.export.newfont import build_new_font
from fontassist.export.validate import ValidationResult, validate_font
from fontassist.export.writing import MAX_GLYPHS, ExportReport

__all__ = [
    "MAX_GLYPHS",
    "ExportReport",
    "FontNames",
    "NewGlyph",
    "ValidationResult",
    "build_new_font",
    "glyph_from_pen_drawing",
    "glyph_name_for",
    "merge_into_font",
    "naming_warnings",
    "postscript_name",
    "reserved_font_names",
    "validate_font",
]
