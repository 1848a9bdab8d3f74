"""UFO out: the generated glyphs handed to the designer's editor with what the review learned.

``write_ufo`` writes a UFO 3 with ufoLib2: either the merged font (the target's
glyphs, drawn through fontTools pens from a TTF/OTF target or copied from a
UFO target, plus the new ones) or the new glyphs alone. Each new glyph carries

* its review state as ``public.markColor`` (one colour per state, :data:`MARK_COLORS`),
* the quality flags, the checkpoint that drew it and a hash of its outline in
  its ``lib`` under :data:`GLYPH_LIB_KEY` (``import-edits`` compares the hash),
* the source font's glyph in the ``public.background`` layer, in the target's em frame.

UFO outlines follow the PostScript direction (outer contours counter-clockwise);
TrueType outlines run the other way, so glyf outlines are reversed on the way in
and again by ufo2ft on the way out (:func:`compile_ufo`), which returns every
point where it was. UFOs are folders: they are written into a temporary folder
beside the target and renamed into place, then read back with validation.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fontTools.pens.reverseContourPen import ReverseContourPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

from fontassist.errors import FontAssistError
from fontassist.export.glyphs import NewGlyph, unique_glyph_names
from fontassist.export.naming import FontNames
from fontassist.export.writing import (
    ExportReport,
    cancelled_message,
    check_output_path,
    save_atomically,
    written_report,
)
from fontassist.jobs import CancelToken, Progress, check_cancel, report

GLYPH_LIB_KEY = "org.fontassist.review"  # in each new glyph's lib: status, flags, checkpoint, outlineHash
FONT_LIB_KEY = "org.fontassist.export"  # in the font's lib: what was exported, from what
BACKGROUND_LAYER = "public.background"

# Review states as editors show them (public.markColor is "r,g,b,a", each 0–1).
ACCEPTED, UNDECIDED, REJECTED, FLAGGED, EDITED = "accepted", "undecided", "rejected", "flagged", "edited"
MARK_COLORS = {
    ACCEPTED: "0.3,0.75,0.35,1",  # green: the designer accepted it
    UNDECIDED: "0.45,0.65,0.95,1",  # blue: not reviewed yet, no quality flags
    FLAGGED: "1,0.6,0.1,1",  # orange: not reviewed yet, quality flags worth a look
    REJECTED: "0.9,0.25,0.25,1",  # red: rejected (written only when asked for)
    EDITED: "0.65,0.4,0.9,1",  # purple: drawn or fixed by hand in an editor
}

# OpenType tables ufo2ft does not build from a UFO without feature files; a
# TTF target's own are carried in the UFO's data folder as TTX and merged back
# by ufo2ft (its "com.github.fonttools.ttx" convention), so vertical
# alternates, kerning and the like survive the round trip.
_TTX_DATA = "com.github.fonttools.ttx"
_CARRIED_TABLES = ("GDEF", "GSUB", "GPOS", "BASE", "JSTF", "MATH", "gasp")


@dataclass(frozen=True)
class UfoGlyph:
    """A glyph to write with its review state; ``new.glyph`` is a glyf outline (TrueType direction)."""

    new: NewGlyph
    status: str = UNDECIDED  # ACCEPTED, UNDECIDED, REJECTED or EDITED
    flags: Mapping = field(default_factory=dict)
    checkpoint: str = ""


@dataclass(frozen=True)
class UfoReport:
    out_path: Path
    glyphs_added: int
    total_glyphs: int
    left_out: tuple[str, ...]  # rejected characters not written
    warnings: tuple[str, ...]


def mark_for(status: str, flags: Mapping | None = None) -> str:
    """The review state an editor should show: flagged when undecided and the quality checks doubt it."""
    if status == UNDECIDED and flags and _is_flagged(flags):
        return FLAGGED
    return status


def _is_flagged(flags: Mapping) -> bool:
    from fontassist.generate.quality import is_flagged

    return is_flagged(dict(flags))


def _plist_value(value):
    """Quality flags as plist types (numpy scalars and tuples are not)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, Mapping):
        return {str(k): _plist_value(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plist_value(v) for v in value if v is not None]
    return str(value)


# -- outline hashes ----------------------------------------------------------------------------------------
def outline_hash(glyph) -> str:
    """A hash of a ufoLib2 glyph's drawing: contours (points, types), components and advance width."""
    digest = hashlib.sha256()
    digest.update(f"w{round(float(glyph.width), 3)};".encode())
    for contour in glyph.contours:
        digest.update(b"C")
        for point in contour.points:
            digest.update(f"{round(point.x, 3)},{round(point.y, 3)},{point.type};".encode())
    for component in glyph.components:
        digest.update(
            f"K{component.baseGlyph}{tuple(round(v, 5) for v in component.transformation)};".encode()
        )
    return digest.hexdigest()[:24]


# -- drawing into UFO glyphs -------------------------------------------------------------------------------
def _draw_new_glyph(new: NewGlyph, ufo_glyph) -> None:
    pen = ReverseContourPen(ufo_glyph.getPen())
    new.glyph.draw(pen, None)


def _ttfont_is_truetype(font: TTFont) -> bool:
    return "glyf" in font


def font_from_ttfont(
    font: TTFont,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    cancelled_text: str = "Copying the font into a UFO was cancelled.",
):
    """A ufoLib2 Font holding every glyph of ``font`` (drawn through pens), its metrics, names and layout tables.

    A cancel raises JobCancelled with ``cancelled_text`` (:mod:`fontassist.jobs`).
    """
    import ufoLib2

    ufo = ufoLib2.Font()
    _copy_fontinfo(font, ufo.info)
    order = list(font.getGlyphOrder())
    glyph_set = font.getGlyphSet()
    reverse = _ttfont_is_truetype(font)
    unicodes = _unicodes_by_glyph(font)
    hmtx = font["hmtx"]
    vertical = _vertical_metrics(font, glyph_set) if "vmtx" in font else {}
    total = len(order)
    for done, name in enumerate(order):
        if done % 200 == 0:
            check_cancel(cancel, cancelled_text)
            report(progress, done, total, "Copying the target's glyphs")
        glyph = ufo.newGlyph(name)
        glyph.width = hmtx[name][0]
        glyph.unicodes = sorted(unicodes.get(name, ()))
        if name in vertical:
            glyph.height, glyph.verticalOrigin = vertical[name]
        pen = glyph.getPen()
        glyph_set[name].draw(ReverseContourPen(pen) if reverse else pen)
    ufo.lib["public.glyphOrder"] = order
    if "post" in font and font["post"].formatType == 3.0:
        ufo.lib["com.github.googlei18n.ufo2ft.useProductionNames"] = False
    for tag in _CARRIED_TABLES:
        if tag in font:
            buffer = io.StringIO()
            font.saveXML(buffer, tables=[tag])
            ufo.data[f"{_TTX_DATA}/{tag}.ttx"] = buffer.getvalue().encode("utf-8")
    report(progress, total, total, "Copying the target's glyphs")
    return ufo


def _unicodes_by_glyph(font: TTFont) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    if "cmap" not in font:
        return out
    for table in font["cmap"].tables:
        if table.isUnicode() and table.format != 14:
            for codepoint, name in table.cmap.items():
                out.setdefault(name, set()).add(codepoint)
    return out


def _vertical_metrics(font: TTFont, glyph_set) -> dict[str, tuple[int, int]]:
    """Per glyph: (vertical advance, vertical origin y), as ufo2ft rebuilds vmtx from them."""
    from fontTools.pens.boundsPen import BoundsPen

    vmtx, out = font["vmtx"], {}
    vorg = font["VORG"] if "VORG" in font else None
    glyf = font["glyf"] if "glyf" in font else None
    for name in font.getGlyphOrder():
        height, tsb = vmtx[name]
        if vorg is not None:
            origin = vorg[name]
        else:
            if glyf is not None:
                g = glyf[name]
                y_max = g.yMax if getattr(g, "numberOfContours", 0) else None
            else:
                pen = BoundsPen(glyph_set)
                glyph_set[name].draw(pen)
                y_max = pen.bounds[3] if pen.bounds else None
            origin = tsb + y_max if y_max is not None else tsb  # ufo2ft takes an empty glyph's top as 0
        out[name] = (height, int(round(origin)))
    return out


_NAME_FIELDS = {
    0: "copyright",
    7: "trademark",
    8: "openTypeNameManufacturer",
    9: "openTypeNameDesigner",
    10: "openTypeNameDescription",
    11: "openTypeNameManufacturerURL",
    12: "openTypeNameDesignerURL",
    13: "openTypeNameLicense",
    14: "openTypeNameLicenseURL",
    6: "postscriptFontName",
}


def _copy_fontinfo(font: TTFont, info) -> None:
    head = font["head"]
    info.unitsPerEm = head.unitsPerEm
    info.versionMajor = int(head.fontRevision)
    info.versionMinor = max(0, min(999, int(round((head.fontRevision - int(head.fontRevision)) * 1000))))
    name = font["name"] if "name" in font else None
    if name is not None:
        info.familyName = name.getBestFamilyName()
        info.styleName = name.getBestSubFamilyName()
        for name_id, attribute in _NAME_FIELDS.items():
            text = name.getDebugName(name_id)
            if text:
                setattr(info, attribute, text)
    hhea = font["hhea"]
    info.openTypeHheaAscender, info.openTypeHheaDescender = hhea.ascent, hhea.descent
    info.openTypeHheaLineGap = hhea.lineGap
    info.ascender, info.descender = hhea.ascent, hhea.descent
    if "OS/2" in font:
        os2 = font["OS/2"]
        info.ascender, info.descender = os2.sTypoAscender, os2.sTypoDescender
        info.openTypeOS2TypoAscender, info.openTypeOS2TypoDescender = os2.sTypoAscender, os2.sTypoDescender
        info.openTypeOS2TypoLineGap = os2.sTypoLineGap
        info.openTypeOS2WinAscent, info.openTypeOS2WinDescent = os2.usWinAscent, os2.usWinDescent
        info.openTypeOS2WeightClass, info.openTypeOS2WidthClass = os2.usWeightClass, os2.usWidthClass
        vendor = os2.achVendID.strip() if isinstance(os2.achVendID, str) else ""
        if vendor:
            info.openTypeOS2VendorID = vendor
        # fsType: only the bits the UFO spec allows (1-3 licensing, 8-9 embedding flags).
        info.openTypeOS2Type = [bit for bit in (1, 2, 3, 8, 9) if os2.fsType & (1 << bit)]
        info.openTypeOS2Selection = [bit for bit in (7, 8, 9) if os2.fsSelection & (1 << bit)]
        if getattr(os2, "version", 0) >= 2:
            info.xHeight, info.capHeight = os2.sxHeight or None, os2.sCapHeight or None
        panose = os2.panose
        info.openTypeOS2Panose = [
            panose.bFamilyType,
            panose.bSerifStyle,
            panose.bWeight,
            panose.bProportion,
            panose.bContrast,
            panose.bStrokeVariation,
            panose.bArmStyle,
            panose.bLetterForm,
            panose.bMidline,
            panose.bXHeight,
        ]
        info.openTypeOS2StrikeoutSize, info.openTypeOS2StrikeoutPosition = (
            os2.yStrikeoutSize,
            os2.yStrikeoutPosition,
        )
    if "post" in font:
        post = font["post"]
        info.italicAngle = post.italicAngle
        info.postscriptUnderlinePosition = post.underlinePosition
        info.postscriptUnderlineThickness = post.underlineThickness
        info.postscriptIsFixedPitch = bool(post.isFixedPitch)
    if "vhea" in font:
        vhea = font["vhea"]
        info.openTypeVheaVertTypoAscender = vhea.ascent
        info.openTypeVheaVertTypoDescender = vhea.descent
        info.openTypeVheaVertTypoLineGap = vhea.lineGap


# -- the background layer ----------------------------------------------------------------------------------
class _SourceDrawer:
    """Draws the source font's glyph of a character into the target's em frame (for the background layer)."""

    def __init__(self, source, target_upm: int, target_bottom: float):
        self.font = source.ttfont()
        self.glyph_set = self.font.getGlyphSet()
        self.cmap = self.font.getBestCmap() or {}
        self.reverse = _ttfont_is_truetype(self.font)
        scale = target_upm / source.upm
        self.transform = (scale, 0, 0, scale, 0, target_bottom - source.em_bottom * scale)

    def draw(self, char: str, ufo_glyph) -> bool:
        name = self.cmap.get(ord(char))
        if name is None:
            return False
        pen = ufo_glyph.getPen()
        pen = TransformPen(ReverseContourPen(pen) if self.reverse else pen, self.transform)
        self.glyph_set[name].draw(pen)
        return True

    def close(self) -> None:
        self.font.close()


# -- writing -----------------------------------------------------------------------------------------------
def check_ufo_output(out_path: str | os.PathLike, inputs: Sequence[str | os.PathLike]) -> Path:
    """Refuse a UFO output that is an input, lies inside one, or would replace something that is not a UFO."""
    out_path = Path(out_path).expanduser()
    resolved = out_path.absolute().resolve()
    if resolved.suffix.lower() != ".ufo":
        raise FontAssistError(
            f"Cannot write {out_path}: a UFO is a folder whose name ends in .ufo.",
            hint="Give a name like NEW.ufo.",
        )
    for source in inputs:
        source = Path(source).expanduser().absolute().resolve()
        if resolved == source or source in resolved.parents or resolved in source.parents:
            raise FontAssistError(
                f"The output {out_path} is (or lies inside) the input {source}.",
                hint="Write the UFO under another name; fontassist never overwrites its inputs.",
            )
    if resolved.exists() and not (resolved / "metainfo.plist").is_file():
        raise FontAssistError(
            f"Cannot write {out_path}: something that is not a UFO is already there.",
            hint="Choose another name, or move it away first.",
        )
    from fontassist.safeio import check_parent_folder

    check_parent_folder(out_path, resolved.parent)
    return resolved


def validate_ufo(path: str | os.PathLike) -> int:
    """Read ``path`` back with validation (fontTools' ufoLib through ufoLib2); return its glyph count."""
    import ufoLib2

    # A full, validating read: ufoLib2 reads every file through fontTools.ufoLib's UFOReader with validate=True.
    font = ufoLib2.Font.open(path, lazy=False, validate=True)
    return len(font)


def save_ufo_atomically(ufo, out_path: Path) -> int:
    """Write ``ufo`` to a temporary folder beside ``out_path``, validate it, then rename it into place.

    An existing UFO at ``out_path`` is replaced only once the new one is complete.
    Returns the glyph count read back.
    """
    from fontassist.safeio import TEMP_SUFFIX, check_not_input, write_error

    check_not_input(out_path)  # the running command's inputs (the shared output-safety rule)
    try:
        work = Path(
            tempfile.mkdtemp(
                prefix=f".{out_path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=out_path.parent
            )
        )
    except OSError as error:
        raise write_error(out_path, error) from error
    try:
        fresh = work / out_path.name
        try:
            # Validated once, on the full read-back below (validating the write as well doubles the time).
            ufo.save(fresh, overwrite=True, validate=False)
        except OSError as error:
            raise write_error(out_path, error) from error
        count = validate_ufo(fresh)
        if out_path.exists():
            os.replace(out_path, work / "replaced.ufo")
        os.replace(fresh, out_path)
        return count
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _load_target_ufo(target):
    """A full, writable copy (in memory) of a UFO target's master."""
    from fontassist.fonts.ufo import load_ufo, ufo_path_and_layer

    ufo_path, layer = ufo_path_and_layer(target.path, target.face_index)
    ufo = load_ufo(ufo_path, lazy=False)
    if layer is not None and layer in ufo.layers:
        ufo.layers.defaultLayer = ufo.layers[layer]
    return ufo, ufo_path


def target_as_ufo(
    target,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    cancelled_text: str = "Copying the font into a UFO was cancelled.",
):
    """The target as an in-memory ufoLib2 Font (copied from a UFO, or drawn from a font file)."""
    if target.outline_format == "ufo":
        return _load_target_ufo(target)[0]
    from fontassist.export.writing import open_input_font

    font = open_input_font(target.path, target.face_index)
    try:
        return font_from_ttfont(font, progress=progress, cancel=cancel, cancelled_text=cancelled_text)
    finally:
        font.close()


def _empty_ufo_like(target):
    """A UFO with just .notdef and space and the target's em, line metrics and licence."""
    import ufoLib2

    if target.outline_format == "ufo":
        source_info = _load_target_ufo(target)[0].info
    else:
        font = target.ttfont()
        try:
            holder = ufoLib2.Font()
            _copy_fontinfo(font, holder.info)
            source_info = holder.info
        finally:
            font.close()
    ufo = ufoLib2.Font()
    for attribute in (
        "unitsPerEm",
        "ascender",
        "descender",
        "xHeight",
        "capHeight",
        "copyright",
        "openTypeNameLicense",
        "openTypeNameLicenseURL",
        "openTypeHheaAscender",
        "openTypeHheaDescender",
        "openTypeHheaLineGap",
        "openTypeOS2TypoAscender",
        "openTypeOS2TypoDescender",
        "openTypeOS2TypoLineGap",
        "openTypeOS2WinAscent",
        "openTypeOS2WinDescent",
        "openTypeOS2WeightClass",
        "openTypeOS2Type",
        "openTypeVheaVertTypoAscender",
        "openTypeVheaVertTypoDescender",
        "openTypeVheaVertTypoLineGap",
    ):
        setattr(ufo.info, attribute, getattr(source_info, attribute))
    notdef = ufo.newGlyph(".notdef")
    notdef.width = target.upm // 2
    space = ufo.newGlyph("space")
    space.width = target.upm // 4
    space.unicodes = [0x20]
    ufo.lib["public.glyphOrder"] = [".notdef", "space"]
    return ufo


def _ideograph_advance(ufo, upm: int) -> tuple[int, tuple[int, int] | None]:
    """The commonest advance (and vertical advance, origin) of the target's ideographs, else the em."""
    from collections import Counter

    from fontassist.export.fontmetrics import is_ideograph

    widths, verticals = Counter(), Counter()
    for glyph in ufo:
        if any(is_ideograph(u) for u in glyph.unicodes):
            widths[int(round(glyph.width))] += 1
            if glyph.height:
                verticals[(int(round(glyph.height)), glyph.verticalOrigin)] += 1
    width = widths.most_common(1)[0][0] if widths else upm
    vertical = verticals.most_common(1)[0][0] if verticals else None
    return width, vertical


def build_ufo(
    glyphs: Sequence[UfoGlyph],
    target,
    *,
    mode: str = "merge",
    family: str | None = None,
    style: str | None = None,
    source=None,
    provenance: Mapping | None = None,
    out_path: Path,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
):
    """The UFO to write, in memory: the target (merge) or an empty font (new) plus ``glyphs`` with their marks."""
    if mode not in ("merge", "new"):
        raise FontAssistError(f"Unknown export mode '{mode}'.", hint="Choose merge or new.")
    if mode == "merge":
        ufo = target_as_ufo(
            target, progress=progress, cancel=cancel, cancelled_text=cancelled_message(out_path)
        )
    else:
        ufo = _empty_ufo_like(target)
    present = {u for glyph in ufo for u in glyph.unicodes}
    clashes = [g.new.char for g in glyphs if g.new.codepoint in present]
    if clashes:
        raise FontAssistError(
            f"The target already has {len(clashes)} of the characters to add: {''.join(clashes[:20])}.",
            hint="Export only the characters it lacks.",
        )
    width, vertical = _ideograph_advance(ufo, target.upm)
    glyphs = sorted(glyphs, key=lambda g: g.new.codepoint)
    names = unique_glyph_names((g.new.codepoint for g in glyphs), set(ufo.keys()))
    background = ufo.layers.get(BACKGROUND_LAYER) or ufo.newLayer(BACKGROUND_LAYER)
    drawer = _SourceDrawer(source, target.upm, target.em_bottom) if source is not None else None
    exported = {}
    try:
        for done, (name, item) in enumerate(zip(names, glyphs, strict=True)):
            check_cancel(cancel, cancelled_message(out_path))
            if done % 50 == 0:
                report(progress, done, len(glyphs), "Writing the new glyphs")
            glyph = ufo.newGlyph(name)
            glyph.unicodes = [item.new.codepoint]
            glyph.width = width
            if vertical is not None:
                glyph.height, glyph.verticalOrigin = vertical
            _draw_new_glyph(item.new, glyph)
            state = mark_for(item.status, item.flags)
            glyph.markColor = MARK_COLORS[state]
            glyph.lib[GLYPH_LIB_KEY] = {
                "status": item.status,
                "mark": state,
                "flags": _plist_value(dict(item.flags)),
                "checkpoint": item.checkpoint,
                "outlineHash": outline_hash(glyph),
            }
            if drawer is not None:
                layer_glyph = background.newGlyph(name)
                layer_glyph.width = width
                drawer.draw(item.new.char, layer_glyph)
            exported[name] = item.new.char
    finally:
        if drawer is not None:
            drawer.close()
    if not len(background):
        del ufo.layers[BACKGROUND_LAYER]
    order = list(ufo.lib.get("public.glyphOrder", [])) or list(ufo.keys())
    ufo.lib["public.glyphOrder"] = [n for n in order if n not in exported] + names
    if family or style:
        names_ = FontNames.make(
            family or ufo.info.familyName or target.family, style or ufo.info.styleName or "Regular"
        )
        ufo.info.familyName, ufo.info.styleName = names_.family, names_.style
        ufo.info.styleMapFamilyName, ufo.info.styleMapStyleName = None, None
        ufo.info.postscriptFontName = names_.postscript_name
        ufo.info.openTypeNamePreferredFamilyName = ufo.info.openTypeNamePreferredSubfamilyName = None
    ufo.lib[FONT_LIB_KEY] = {
        "glyphs": exported,
        "mode": mode,
        "targetChars": "".join(sorted((chr(u) for u in present), key=ord)),
        **{k: str(v) for k, v in (provenance or {}).items() if v is not None},
    }
    return ufo


def write_ufo(
    glyphs: Sequence[UfoGlyph],
    target,
    out_path: str | os.PathLike,
    *,
    mode: str = "merge",
    family: str | None = None,
    style: str | None = None,
    source=None,
    include_rejected: bool = False,
    provenance: Mapping | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> UfoReport:
    """Write ``out_path`` (a .ufo folder): the target plus ``glyphs`` (``mode="merge"``) or ``glyphs`` alone ("new").

    ``target`` and ``source`` are :class:`~fontassist.fonts.FontFile` values;
    the source's glyphs go into the background layer. Rejected glyphs are left
    out unless ``include_rejected``. ``provenance`` (source/target/checkpoint
    paths) is kept in the font lib for ``import-edits``. A UFO target is copied,
    never changed. Nothing is written when anything fails or it is cancelled (:mod:`fontassist.jobs`).
    """
    inputs = [target.path] + ([source.path] if source is not None else [])
    if target.outline_format == "ufo":
        from fontassist.fonts.ufo import ufo_path_and_layer

        inputs.append(ufo_path_and_layer(target.path, target.face_index)[0])
    out_path = check_ufo_output(out_path, inputs)
    kept = [g for g in glyphs if include_rejected or g.status != REJECTED]
    left_out = tuple(g.new.char for g in glyphs if g.status == REJECTED and not include_rejected)
    if not kept:
        raise FontAssistError(
            "There are no glyphs to export.", hint="Accept some glyphs, or include the rejected ones."
        )
    ufo = build_ufo(
        kept,
        target,
        mode=mode,
        family=family,
        style=style,
        source=source,
        provenance=provenance,
        out_path=out_path,
        progress=progress,
        cancel=cancel,
    )
    report(progress, len(kept), len(kept), "Writing the UFO")
    check_cancel(cancel, cancelled_message(out_path))
    total = save_ufo_atomically(ufo, out_path)
    warnings = [f"Left out {len(left_out)} rejected glyphs: {''.join(left_out[:20])}."] if left_out else []
    return UfoReport(out_path, len(kept), total, left_out, tuple(warnings))


def merge_into_ufo_target(
    target,
    new_glyphs: Sequence[NewGlyph],
    out_path: str | os.PathLike,
    *,
    family: str,
    style: str = "Regular",
    mode: str = "merge",
    validate: bool = True,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportReport:
    """A TTF for a UFO target, compiled with ufo2ft: a copy of the UFO plus ``new_glyphs`` (merge), or
    ``new_glyphs`` alone with the UFO's em, metrics and licence (new)."""
    from fontassist.fonts.ufo import ufo_path_and_layer

    out_path = check_output_path(
        out_path, [target.path, ufo_path_and_layer(target.path, target.face_index)[0]]
    )
    ufo = build_ufo(
        [UfoGlyph(g) for g in new_glyphs],
        target,
        mode=mode,
        family=family,
        style=style,
        out_path=out_path,
        progress=progress,
        cancel=cancel,
    )
    return compile_loaded_ufo(
        ufo, out_path, validate=validate, progress=progress, cancel=cancel, added=len(new_glyphs)
    )


# -- UFO → TTF ---------------------------------------------------------------------------------------------
def compile_ufo(
    ufo_path: str | os.PathLike,
    out_path: str | os.PathLike,
    *,
    family: str | None = None,
    style: str | None = None,
    validate: bool = True,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportReport:
    """Compile a UFO into a TrueType font with ufo2ft (as fontmake does), validated and written atomically."""
    from fontassist.fonts.ufo import load_ufo

    out_path = check_output_path(out_path, [ufo_path])
    ufo = load_ufo(ufo_path, lazy=False)
    if family or style:
        names = FontNames.make(
            family or ufo.info.familyName or Path(ufo_path).stem, style or ufo.info.styleName or "Regular"
        )
        ufo.info.familyName, ufo.info.styleName = names.family, names.style
        ufo.info.postscriptFontName = names.postscript_name
        ufo.info.styleMapFamilyName = ufo.info.styleMapStyleName = None
    return compile_loaded_ufo(ufo, out_path, validate=validate, progress=progress, cancel=cancel, added=0)


def compile_loaded_ufo(
    ufo,
    out_path: Path,
    *,
    validate: bool,
    progress: Progress | None,
    cancel: CancelToken | None,
    added: int,
) -> ExportReport:
    import ufo2ft

    report(progress, 0, 2, "Compiling the UFO (ufo2ft)")
    if not ufo.info.familyName:
        ufo.info.familyName = out_path.stem
    try:
        font = ufo2ft.compileTTF(ufo, useProductionNames=False, reverseDirection=True)
    except Exception as error:  # ufo2ft raises many kinds of errors on odd UFOs
        detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise FontAssistError(
            f"The UFO cannot be compiled into a TrueType font ({detail}).",
            hint="Open it in your editor and fix what it reports, then try again.",
        ) from error
    check_cancel(cancel, cancelled_message(out_path))
    try:
        validation = save_atomically(font, out_path, validate=validate, cancel=cancel, progress=progress)
        total = len(font.getGlyphOrder())
    finally:
        font.close()
    return written_report(out_path, added, total, validation, ())
