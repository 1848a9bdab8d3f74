"""Fonts: opening files, the em frame, rendering, character sets and coverage."""

from .charcoverage import Coverage, missing_from_target
from .charsets import (
    CHARSET_NAMES,
    DEFAULT_CHARSET,
    is_han,
    named_charset,
    parse_chars,
    read_chars_file,
    resolve_chars,
)
from .emframe import EmFrame
from .fontfile import FONT_FILE_TYPES, FontFile, list_faces, open_font
from .render import RenderResult, render, render_glyph

__all__ = [
    "CHARSET_NAMES",
    "DEFAULT_CHARSET",
    "Coverage",
    "EmFrame",
    "FONT_FILE_TYPES",
    "FontFile",
    "RenderResult",
    "is_han",
    "list_faces",
    "missing_from_target",
    "named_charset",
    "open_font",
    "parse_chars",
    "read_chars_file",
    "render",
    "render_glyph",
    "resolve_chars",
]
