"""Naming the written font, and warnings about names the user may not use."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from fontTools.ttLib import TTFont

from fontassist.errors import FontAssistError

COPYRIGHT_NOTE = "Glyphs added with fontassist."

# Records that spell the family or style. All of them are rewritten so that no
# stale name (in any language, on any platform) survives; 18/20/21/22/25 are
# optional and are dropped rather than guessed.
_REWRITTEN_IDS = {1, 2, 3, 4, 5, 6, 16, 17}
# Also dropped: who made the original (8 manufacturer, 9 designer, 11 vendor URL, 12 designer URL),
# which a modified font must not go on claiming; the copyright (0) keeps the credit.
_DROPPED_IDS = {8, 9, 11, 12, 18, 20, 21, 22, 25}
VENDOR_NONE = "NONE"  # OS/2.achVendID of a font no registered vendor made
_WINDOWS_ENGLISH = (3, 1, 0x409)
_MAC_ROMAN_ENGLISH = (1, 0, 0)

# Adobe's PostScript name rules: printable ASCII without these, at most 63 chars.
_POSTSCRIPT_FORBIDDEN = set("[](){}<>/%")
POSTSCRIPT_NAME_MAX = 63

_FS_ITALIC, _FS_BOLD, _FS_REGULAR = 1 << 0, 1 << 5, 1 << 6
_MAC_BOLD, _MAC_ITALIC = 1 << 0, 1 << 1


@dataclass(frozen=True)
class FontNames:
    """Every name the font carries, derived from the user's family and style.

    ``legacy_family``/``legacy_style`` (IDs 1/2) follow the four-style model
    (Regular, Italic, Bold, Bold Italic): another weight such as "Medium" moves
    into the legacy family name ("Family Medium", "Regular").
    """

    family: str
    style: str
    legacy_family: str
    legacy_style: str
    full_name: str
    postscript_name: str
    bold: bool
    italic: bool

    @classmethod
    def make(cls, family: str, style: str = "Regular") -> FontNames:
        family = " ".join(family.split())
        style = " ".join(style.split()) or "Regular"
        if not family:
            raise FontAssistError("The family name is empty.", hint="Give the new font a family name.")
        words = style.split()
        italic = any(w.lower() == "italic" for w in words)
        weight_words = [w for w in words if w.lower() not in ("italic", "regular")]
        bold = [w.lower() for w in weight_words] == ["bold"]
        if bold or not weight_words:
            legacy_family = family
            legacy_style = " ".join(["Bold"] * bold + ["Italic"] * italic) or "Regular"
        else:
            legacy_family = f"{family} {' '.join(weight_words)}"
            legacy_style = "Italic" if italic else "Regular"
        return cls(
            family=family,
            style=style,
            legacy_family=legacy_family,
            legacy_style=legacy_style,
            full_name=f"{family} {style}",
            postscript_name=postscript_name(family, style),
            bold=bold,
            italic=italic,
        )


def _postscript_part(text: str) -> str:
    return "".join(c for c in text if 33 <= ord(c) <= 126 and c not in _POSTSCRIPT_FORBIDDEN)


def postscript_name(family: str, style: str) -> str:
    """``FamilyName-Style``: ASCII, no spaces, at most 63 characters."""
    family_part = _postscript_part(family)
    if not family_part:
        raise FontAssistError(
            f'The family name "{family}" has no ASCII letters, but the PostScript name '
            "(name ID 6) must be ASCII.",
            hint="Give a family name in Latin letters, e.g. a romanisation.",
        )
    style_part = _postscript_part(style) or "Regular"
    room = POSTSCRIPT_NAME_MAX - len(style_part) - 1
    return f"{family_part[:room]}-{style_part}"[:POSTSCRIPT_NAME_MAX]


def apply_names(
    font: TTFont, names: FontNames, *, unique_id: str | None = None, source_copyright: str | None = None
) -> None:
    """Name a modified font as the OFL asks.

    IDs 1–4 and 6 from ``names``; 16/17 only when the family needs them (a style
    outside Regular/Italic/Bold/Bold Italic); a new version string (5) and unique
    ID (3); the target's copyright (0) kept, with ``source_copyright`` (the font the
    new outlines derive from) and a fontassist note added; the licence (13, 14)
    kept; the original's vendor ID and designer fields (8, 9, 11, 12) removed;
    the style bits made to agree with the name.
    """
    from fontassist import __version__

    table = font["name"]
    had_mac = any(record.platformID == 1 for record in table.names)
    table.names = [r for r in table.names if r.nameID not in _REWRITTEN_IDS | _DROPPED_IDS]
    version = f"{font['head'].fontRevision:.3f}"
    if "OS/2" in font:
        font["OS/2"].achVendID = VENDOR_NONE
    values = {
        1: names.legacy_family,
        2: names.legacy_style,
        3: unique_id or f"{version};{VENDOR_NONE};{names.postscript_name};fontassist",
        4: names.full_name,
        5: f"Version {version}; modified with fontassist {__version__}",
        6: names.postscript_name,
    }
    if (names.legacy_family, names.legacy_style) != (names.family, names.style):
        values.update({16: names.family, 17: names.style})
    for name_id, value in values.items():
        table.setName(value, name_id, *_WINDOWS_ENGLISH)
        if had_mac and _encodes_mac_roman(value):
            table.setName(value, name_id, *_MAC_ROMAN_ENGLISH)
    _note_in_copyright(table, source_copyright)
    _set_style_bits(font, names)


def _encodes_mac_roman(text: str) -> bool:
    try:
        text.encode("mac_roman")
    except UnicodeEncodeError:
        return False
    return True


def _note_in_copyright(table, source_copyright: str | None = None) -> None:
    note = COPYRIGHT_NOTE
    if source_copyright and source_copyright.strip():
        source_copyright = " ".join(source_copyright.split())
        if not source_copyright.endswith((".", "。")):
            source_copyright += "."
        note = f"{source_copyright} {COPYRIGHT_NOTE}"
    records = [r for r in table.names if r.nameID == 0]
    if not records:
        table.setName(note, 0, *_WINDOWS_ENGLISH)
        return
    for record in records:
        text = record.toUnicode().rstrip()
        if COPYRIGHT_NOTE in text:
            continue
        separator = " " if text.endswith((".", "。")) else ". "
        new_text = f"{text}{separator}{note}" if text else note
        if record.platformID == 1 and not _encodes_mac_roman(new_text):
            continue
        record.string = new_text


def _set_style_bits(font: TTFont, names: FontNames) -> None:
    if "OS/2" in font:
        os2 = font["OS/2"]
        bits = os2.fsSelection & ~(_FS_ITALIC | _FS_BOLD | _FS_REGULAR)
        if names.italic:
            bits |= _FS_ITALIC
        if names.bold:
            bits |= _FS_BOLD
        if not (names.italic or names.bold):
            bits |= _FS_REGULAR
        os2.fsSelection = bits
    head = font["head"]
    head.macStyle = (head.macStyle & ~(_MAC_BOLD | _MAC_ITALIC)) | (
        (_MAC_BOLD if names.bold else 0) | (_MAC_ITALIC if names.italic else 0)
    )


# "with Reserved Font Name 'Source'", "with Reserved Font Names "Noto" and "Fira"",
# "Reserved Font Name: Foo". Requiring "with" or a colon skips the OFL's own text,
# which mentions "Reserved Font Name" without declaring one.
_RFN_DECLARATION = re.compile(
    r"(?:\bwith\s+(?:the\s+)?Reserved\s+Font\s+Names?\s*:?|Reserved\s+Font\s+Names?\s*:)\s*(?P<rest>[^\n]{0,300})",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"'“”‘’«»「」『』]([^\"'“”‘’«»「」『』]+)[\"'“”‘’«»「」『』]")
_QUOTE_CHARS = "\"'“”‘’«»「」『』"


def reserved_font_names(text: str) -> list[str]:
    """The OFL Reserved Font Names declared in copyright or licence text."""
    found: list[str] = []
    for match in _RFN_DECLARATION.finditer(text):
        rest = match.group("rest")
        if rest[:1] in _QUOTE_CHARS:
            candidates = _quoted_list(rest)
        else:
            sentence = re.split(r"\.(?:\s|$)|[;()]", rest, maxsplit=1)[0]
            candidates = re.split(r",|\band\b", sentence)
        for candidate in candidates:
            candidate = " ".join(candidate.strip(" .,:" + _QUOTE_CHARS).split())
            if candidate and candidate not in found:
                found.append(candidate)
    return found


def _quoted_list(rest: str) -> list[str]:
    """Quoted names at the start of ``rest``, joined by commas or "and"."""
    names = []
    position = 0
    while True:
        match = _QUOTED.match(rest, position)
        if not match:
            break
        names.append(match.group(1))
        separator = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)", rest[match.end() :])
        if not separator:
            break
        position = match.end() + separator.end()
    return names


def _name_texts(font: TTFont, name_ids: set[int]) -> list[str]:
    texts = []
    for record in font["name"].names:
        if record.nameID in name_ids:
            try:
                texts.append(record.toUnicode())
            except UnicodeDecodeError:
                continue
    return texts


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def naming_warnings_for_font(font: TTFont, family: str, label: str) -> list[str]:
    warnings = []
    family_key = _normalised(family)
    original_families = {_normalised(t) for t in _name_texts(font, {1, 16})}
    if family_key in original_families:
        warnings.append(
            f'The new family name "{family}" is the family name of {label}; installed side by side, '
            "the two fonts would replace each other. Choose a new name."
        )
    reserved: list[str] = []
    for text in _name_texts(font, {0, 13}):
        for rfn in reserved_font_names(text):
            if rfn not in reserved:
                reserved.append(rfn)
    for rfn in reserved:
        if re.search(rf"(?<!\w){re.escape(rfn)}(?!\w)", family, re.IGNORECASE):
            warnings.append(
                f'The new family name "{family}" contains "{rfn}", a Reserved Font Name of {label} '
                "under the SIL Open Font License: a modified version may not use it without the "
                "copyright holder's written permission. Choose another name."
            )
    return warnings


def naming_warnings(
    target_path: str | os.PathLike,
    family: str,
    font_number: int = 0,
    *,
    source_path: str | os.PathLike | None = None,
    source_number: int = 0,
) -> list[str]:
    """Warnings for a family name that clashes with the target's name or with the
    OFL Reserved Font Names (declared in name IDs 0 and 13) of the target or the
    source (whose outlines the new glyphs derive from)."""
    from fontassist.export.writing import open_input_font

    font = open_input_font(target_path, font_number)
    try:
        return family_warnings(
            font, target_path, family, source_path=source_path, source_number=source_number
        )
    finally:
        font.close()


def family_warnings(
    target: TTFont,
    target_path: str | os.PathLike,
    family: str,
    *,
    source_path: str | os.PathLike | None = None,
    source_number: int = 0,
) -> list[str]:
    """:func:`naming_warnings` for a target font already open (``target``, read from ``target_path``)."""
    warnings = naming_warnings_for_font(target, family, f"the target font {os.fspath(target_path)}")
    if source_path is not None:
        warnings += source_naming_warnings(source_path, family, source_number)
    return warnings


def source_naming_warnings(source_path: str | os.PathLike, family: str, font_number: int = 0) -> list[str]:
    """The Reserved Font Names of the source font that ``family`` uses."""
    from fontassist.export.writing import open_input_font

    font = open_input_font(source_path, font_number, role="source font")
    try:
        label = f"the source font {os.fspath(source_path)}"
        return [w for w in naming_warnings_for_font(font, family, label) if "Reserved Font Name" in w]
    finally:
        font.close()


def source_copyright(source_path: str | os.PathLike | None, font_number: int = 0) -> str | None:
    """The source font's copyright line (name ID 0), which the new outlines derive from."""
    if source_path is None:
        return None
    from fontassist.export.writing import open_input_font

    font = open_input_font(source_path, font_number, role="source font")
    try:
        return font["name"].getDebugName(0) if "name" in font else None
    finally:
        font.close()
