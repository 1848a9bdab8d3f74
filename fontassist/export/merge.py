"""Merge mode: a copy of the target font with the new glyphs appended."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from fontTools.ttLib import TTFont

from fontassist.errors import FontAssistError
from fontassist.export.cmap import add_to_cmap
from fontassist.export.fontmetrics import (
    ideograph_advance,
    ideograph_vertical_advance,
    ideograph_vertical_origin,
    recalc_font_extents,
    set_new_glyph_metrics,
)
from fontassist.export.glyphs import NewGlyph, prepare_new_glyphs, unique_glyph_names
from fontassist.export.hinting import is_hinted
from fontassist.export.naming import (
    FontNames,
    apply_names,
    family_warnings,
    source_copyright,
)
from fontassist.export.os2ranges import unicode_codepoints, update_os2_coverage
from fontassist.export.outlines import convert_cff_to_glyf
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

# Tables that list every glyph or sign the file: they would be wrong (or
# reject the font) once glyphs are added, and all of them are optional.
_STALE_TABLES = ("DSIG", "hdmx", "LTSH", "VDMX")


def merge_into_font(
    target_path: str | os.PathLike,
    new_glyphs: Iterable[NewGlyph],
    out_path: str | os.PathLike,
    *,
    family: str,
    style: str = "Regular",
    font_number: int = 0,
    source_path: str | os.PathLike | None = None,
    source_number: int = 0,
    validate: bool = True,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportReport:
    """Write ``out_path``: the target font plus ``new_glyphs``, renamed ``family`` ``style``.

    Existing glyphs keep their IDs and bytes, so GSUB/GPOS/GDEF stay valid; new
    glyphs are appended in code-point order, with the target's ideographic
    advance (and vertical metrics when it has them), mapped in every Unicode
    cmap subtable. A CFF target is converted to TrueType outlines first.
    ``source_path`` is the font the new outlines derive from: its copyright is
    added and its Reserved Font Names are checked. ``progress`` and ``cancel``
    follow :mod:`fontassist.jobs`: a cancel stops the export between glyphs with
    JobCancelled.
    Nothing is written unless everything, validation included, succeeded.
    """
    new_glyphs = sorted(new_glyphs, key=lambda g: ord(g.char))
    out_path = check_output_path(out_path, [target_path])
    names = FontNames.make(family, style)
    prepare_new_glyphs(new_glyphs)

    font = open_input_font(target_path, font_number)
    try:
        warnings = family_warnings(
            font, target_path, names.family, source_path=source_path, source_number=source_number
        )
        original_order = list(font.getGlyphOrder())
        check_glyph_count(len(original_order) + len(new_glyphs), out_path)
        _refuse_present_characters(font, new_glyphs, target_path)

        converted: list[str] = []
        if "CFF " in font:
            converted = convert_cff_to_glyf(font, progress=progress, cancel=cancel, out_path=out_path)
            warnings.append(
                "The target's PostScript (CFF) outlines were converted to TrueType outlines; "
                "its PostScript hints were dropped."
            )

        new_names = _append_glyphs(font, new_glyphs, original_order, progress, cancel, out_path)
        warnings += add_to_cmap(font, {g.codepoint: n for g, n in zip(new_glyphs, new_names, strict=False)})
        update_os2_coverage(font, keep_existing=True)
        recalc_font_extents(font, converted + new_names)
        warnings += _clipping_warnings(font, new_glyphs)
        # No gasp or prep is added: a font-wide program changes how FreeType and Windows render every
        # original glyph (a prep stops FreeType's autohinter), and the target's glyphs must look as they did.
        hinted = is_hinted(font)
        if hinted and new_glyphs:
            warnings.append("The target is hinted; the added glyphs are not (they render as plain outlines).")
        dropped = [tag for tag in _STALE_TABLES if tag in font]
        for tag in dropped:
            del font[tag]
        if dropped:
            warnings.append(f"Dropped tables that would no longer be valid: {', '.join(dropped)}.")
        apply_names(font, names, source_copyright=source_copyright(source_path, source_number))

        validation = save_atomically(font, out_path, validate=validate, cancel=cancel, progress=progress)
        total = len(font.getGlyphOrder())
    finally:
        font.close()
    return written_report(out_path, len(new_glyphs), total, validation, warnings)


def _refuse_present_characters(font: TTFont, new_glyphs: list[NewGlyph], target_path) -> None:
    present = unicode_codepoints(font) if "cmap" in font else set()
    clashes = [g.char for g in new_glyphs if g.codepoint in present]
    if clashes:
        shown = "".join(clashes[:20]) + ("…" if len(clashes) > 20 else "")
        raise FontAssistError(
            f"The target font {os.fspath(target_path)} already has {len(clashes)} of the characters to add: {shown}.",
            hint="Export only the characters it lacks.",
        )


def _append_glyphs(
    font: TTFont,
    new_glyphs: list[NewGlyph],
    original_order: list[str],
    progress: Progress | None,
    cancel: CancelToken | None,
    out_path: Path,
) -> list[str]:
    new_names = unique_glyph_names((g.codepoint for g in new_glyphs), set(original_order))
    add_glyphs(font["glyf"].glyphs, new_names, new_glyphs, progress, cancel, out_path)
    font.setGlyphOrder(original_order + new_names)
    vertical = None
    if "vmtx" in font and "vhea" in font:
        vertical = (ideograph_vertical_advance(font), ideograph_vertical_origin(font))
    set_new_glyph_metrics(font, new_names, [g.glyph for g in new_glyphs], ideograph_advance(font), vertical)
    return new_names


def _clipping_warnings(font: TTFont, new_glyphs: list[NewGlyph]) -> list[str]:
    if "OS/2" not in font:
        return []
    os2 = font["OS/2"]
    clipped = [
        g.char
        for g in new_glyphs
        if g.glyph.numberOfContours and (g.glyph.yMax > os2.usWinAscent or -g.glyph.yMin > os2.usWinDescent)
    ]
    if not clipped:
        return []
    return [
        f"{len(clipped)} added glyphs reach above usWinAscent or below usWinDescent and may be clipped "
        f"on Windows: {''.join(clipped[:20])}."
    ]
