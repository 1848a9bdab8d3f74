"""Mapping added characters in every Unicode cmap subtable."""

from __future__ import annotations

from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

# Subtable formats that map single code points and take any number of them.
_BMP_FORMATS = {4}
_FULL_FORMATS = {10, 12}


def add_to_cmap(font: TTFont, mapping: dict[int, str]) -> list[str]:
    """Map ``mapping`` (code point → glyph name) in every Unicode subtable.

    Format 4 subtables get the BMP code points; format 10/12 get all. When a
    code point lies beyond the BMP and no full-range subtable exists, a format
    12 subtable (3,10) is added (and (0,4) when the font has platform-0
    subtables), holding the BMP mappings as well, as the spec requires.
    Returns warnings about subtables that could not take the new characters.
    """
    if "cmap" not in font:
        font["cmap"] = newTable("cmap")
        font["cmap"].tableVersion = 0
        font["cmap"].tables = []
    cmap_table = font["cmap"]
    warnings: list[str] = []
    bmp = {cp: name for cp, name in mapping.items() if cp <= 0xFFFF}
    unicode_tables = [t for t in cmap_table.tables if t.isUnicode() and t.format != 14]
    for subtable in unicode_tables:
        if subtable.format in _FULL_FORMATS:
            subtable.cmap.update(mapping)
        elif subtable.format in _BMP_FORMATS:
            subtable.cmap.update(bmp)
        elif mapping:
            warnings.append(
                f"cmap subtable ({subtable.platformID},{subtable.platEncID}) format {subtable.format} "
                "cannot hold the added characters and was left as it was."
            )
    has_full = any(t.format in _FULL_FORMATS for t in unicode_tables)
    if not has_full and any(cp > 0xFFFF for cp in mapping):
        existing: dict[int, str] = {}
        for subtable in unicode_tables:
            existing.update(subtable.cmap)
        existing.update(mapping)
        platforms = [(3, 10)]
        if any(t.platformID == 0 for t in unicode_tables):
            platforms.append((0, 4))
        for platform_id, encoding_id in platforms:
            subtable = CmapSubtable.newSubtable(12)
            subtable.platformID, subtable.platEncID, subtable.language = platform_id, encoding_id, 0
            subtable.cmap = dict(existing)
            cmap_table.tables.append(subtable)
    if not unicode_tables and not any(cp > 0xFFFF for cp in mapping) and mapping:
        # A font with no Unicode subtable at all (symbol or Mac-only): give it the Windows one.
        subtable = CmapSubtable.newSubtable(4)
        subtable.platformID, subtable.platEncID, subtable.language = 3, 1, 0
        subtable.cmap = dict(bmp)
        cmap_table.tables.append(subtable)
    cmap_table.tables.sort()
    return warnings
