"""OS/2 Unicode-range and code-page bits after characters were added."""

from __future__ import annotations

import functools

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables.O_S_2f_2 import calcCodePageRanges, intersectUnicodeRanges

# The East Asian code-page bits and, for each, the legacy encoding and the
# double-byte range of its level-1 (frequently used) characters. fontTools
# follows FontForge and claims a code page when one sample character is
# present (央 for Big5), which gives every Japanese font the Big5 bit; a font
# "covers" a code page here when it has all of that level-1 set.
_CJK_CODE_PAGES = {
    17: ("euc_jp", 0xB0A1, 0xCFD3),  # JIS X 0208 level-1 kanji (2,965)
    18: ("gb2312", 0xB0A1, 0xD7F9),  # GB 2312 level-1 hanzi (3,755)
    19: ("euc_kr", 0xB0A1, 0xC8FE),  # KS X 1001 hangul (2,350)
    20: ("big5", 0xA440, 0xC67E),  # Big5 frequently used hanzi (5,401)
}
_BIG5_TRAIL_BYTES = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
_EUC_TRAIL_BYTES = list(range(0xA1, 0xFF))


@functools.cache
def code_page_level1(bit: int) -> frozenset[int]:
    """The code points of the level-1 set behind East Asian code-page ``bit``."""
    codec, first, last = _CJK_CODE_PAGES[bit]
    trail_bytes = _BIG5_TRAIL_BYTES if codec == "big5" else _EUC_TRAIL_BYTES
    codepoints = set()
    for lead in range(first >> 8, (last >> 8) + 1):
        for trail in trail_bytes:
            if not first <= (lead << 8 | trail) <= last:
                continue
            try:
                char = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            codepoints.add(ord(char))
    return frozenset(codepoints)


def code_page_bits(codepoints: set[int]) -> set[int]:
    """ulCodePageRange bits for a character set: fontTools' rules, except the
    East Asian bits, which need the whole level-1 set."""
    bits = calcCodePageRanges(codepoints) - set(_CJK_CODE_PAGES)
    bits |= {bit for bit in _CJK_CODE_PAGES if code_page_level1(bit) <= codepoints}
    return bits


def _encodes(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def encodable_code_pages(codepoints: set[int]) -> set[int]:
    """The East Asian code-page bits whose legacy encoding holds every character that any of them holds.

    Spaces, and characters no legacy code page has (beyond the BMP, say), decide nothing.
    """
    codecs = {bit: codec for bit, (codec, _, _) in _CJK_CODE_PAGES.items()}
    chars = [chr(c) for c in codepoints if c not in (0x20, 0xA0)]
    chars = [c for c in chars if any(_encodes(c, codec) for codec in codecs.values())]
    if not chars:
        return set()
    return {bit for bit, codec in codecs.items() if all(_encodes(c, codec) for c in chars)}


def unicode_codepoints(font: TTFont) -> set[int]:
    codepoints: set[int] = set()
    for subtable in font["cmap"].tables:
        if subtable.isUnicode() and subtable.format != 14:
            codepoints.update(subtable.cmap)
    return codepoints


def update_os2_coverage(font: TTFont, *, keep_existing: bool, claim_encodable: bool = False) -> None:
    """Set the Unicode-range and code-page bits from the font's cmap.

    ``keep_existing`` (merge mode) keeps the bits the original font set: adding
    characters never takes coverage away, and a designer's own choices stay.
    ``claim_encodable`` (a new font of a few glyphs): when no code page is covered,
    claim the East Asian ones whose encoding holds every character, not Latin 1.
    """
    if "OS/2" not in font:
        return
    os2 = font["OS/2"]
    codepoints = unicode_codepoints(font)
    unicode_bits = intersectUnicodeRanges(codepoints)
    page_bits = code_page_bits(codepoints)
    if keep_existing:
        unicode_bits |= os2.getUnicodeRanges()
        page_bits |= os2.getCodePageRanges()
    if claim_encodable and not page_bits:
        page_bits = encodable_code_pages(codepoints)
    os2.setUnicodeRanges(unicode_bits)
    if os2.version >= 1:
        # Some applications (MS Word) need at least one code page; fontTools uses Latin 1.
        os2.setCodePageRanges(page_bits or {0})
    os2.recalcAvgCharWidth(font)
