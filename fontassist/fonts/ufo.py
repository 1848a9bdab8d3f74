"""A UFO (or one master of a .designspace) as a font: the designer's work in progress as the target.

``ufo_face_fields`` reads the UFO with ufoLib2 and draws every glyph through
fontTools pens (components decomposed, cubics approximated by quadratics) into
a small TrueType font held in memory; ``open_font`` makes the
:class:`~fontassist.fonts.fontfile.FontFile` from it, which renders through FreeType exactly
like a font file, so coverage, pairs, training and generation need no second
code path. Its em frame comes from the UFO's fontinfo: ``unitsPerEm`` and the
em box's bottom (``openTypeOS2TypoDescender``, else ``descender``).

A ``.designspace`` names several masters; ``face_index`` picks one of its
sources, as it picks a face of a font collection.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import threading
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.basePen import MissingComponentError
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

from ..errors import FontAssistError

log = logging.getLogger(__name__)

UFO_SUFFIX = ".ufo"
DESIGNSPACE_SUFFIX = ".designspace"

# Cubic curves become quadratics within this fraction of the em (fontmake's default).
_CUBIC_ERROR_EM = 0.001


def is_ufo_path(path: str | os.PathLike) -> bool:
    """True for a UFO folder or a .designspace file (by name; whether it opens is checked later)."""
    path = Path(path)
    return path.suffix.lower() in (UFO_SUFFIX, DESIGNSPACE_SUFFIX) or (path / "metainfo.plist").is_file()


def _designspace_sources(path: Path):
    from fontTools.designspaceLib import DesignSpaceDocument, DesignSpaceDocumentError

    try:
        document = DesignSpaceDocument.fromfile(os.fspath(path))
    except FileNotFoundError:
        raise FontAssistError("file not found.", path=path, hint="Check the path and try again.") from None
    except (DesignSpaceDocumentError, OSError, ValueError, SyntaxError) as e:
        raise FontAssistError(
            f"is not a readable designspace file ({e}).", path=path, hint="Save it again from your editor."
        ) from None
    sources = [s for s in document.sources if s.path]
    if not sources:
        raise FontAssistError(
            "names no master UFOs.", path=path, hint="Add the masters in your editor, or open one UFO."
        )
    return sources


def designspace_master_names(path: str | os.PathLike) -> list[str]:
    """One name per master of a .designspace (its style name, or the UFO's file name)."""
    names = []
    for source in _designspace_sources(Path(path)):
        label = source.styleName or source.name or Path(source.path).stem
        names.append(f"{label} ({Path(source.path).name})")
    return names


def ufo_path_and_layer(path: str | os.PathLike, face_index: int = 0) -> tuple[Path, str | None]:
    """The UFO folder (and layer, None for the default) that ``path`` and ``face_index`` name."""
    path = Path(path)
    if path.suffix.lower() != DESIGNSPACE_SUFFIX:
        if face_index != 0:
            raise FontAssistError(
                f"is a single UFO; master index {face_index} does not exist.",
                path=path,
                hint="Use index 0 (only a .designspace has several masters).",
            )
        return path, None
    sources = _designspace_sources(path)
    if not 0 <= face_index < len(sources):
        raise FontAssistError(
            f"has {len(sources)} masters; master index {face_index} does not exist.",
            path=path,
            hint=f"Choose a master index from 0 to {len(sources) - 1}.",
        )
    source = sources[face_index]
    return Path(source.path), source.layerName


def load_ufo(path: str | os.PathLike, *, lazy: bool = True):
    """Open a UFO folder with ufoLib2, with errors a designer can act on."""
    import ufoLib2
    from fontTools.ufoLib import UFOLibError

    path = Path(path)
    if not path.exists():
        raise FontAssistError("not found.", path=path, hint="Check the path and try again.")
    if not path.is_dir():
        raise FontAssistError(
            "is not a UFO folder.", path=path, hint="A UFO is a folder ending in .ufo; choose one."
        )
    try:
        return ufoLib2.Font.open(path, lazy=lazy)
    except (UFOLibError, OSError, ValueError, KeyError) as e:
        detail = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise FontAssistError(
            f"cannot be read as a UFO ({detail}).", path=path, hint="Save it again from your editor."
        ) from None


def ufo_em_bottom(info) -> float:
    """Bottom of the em box from fontinfo: OS/2 typo descender, else descender, else 12 % of the em."""
    upm = float(info.unitsPerEm or 1000)
    for value in (info.openTypeOS2TypoDescender, info.descender):
        if value is not None and value < 0:
            return float(value)
    return -0.12 * upm


def _stat_signature(folder: Path) -> tuple:
    """What changes whenever a UFO's contents change: every file's name, size and modification time."""
    entries = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            full = os.path.join(root, name)
            try:
                st = os.stat(full)
            except OSError:
                continue
            entries.append((os.path.relpath(full, folder), st.st_size, st.st_mtime_ns))
    return tuple(sorted(entries))


_COMPILED: dict[tuple, tuple] = {}
_COMPILED_LOCK = threading.Lock()


def _glyph_layer(ufo, layer_name: str | None, path: Path):
    if layer_name is None:
        return ufo.layers.defaultLayer
    try:
        return ufo.layers[layer_name]
    except KeyError:
        raise FontAssistError(
            f"has no layer '{layer_name}' (named by the designspace).", path=path, hint="Fix the designspace."
        ) from None


def render_font_bytes(ufo, layer_name: str | None = None, path: Path | None = None) -> tuple[bytes, dict]:
    """A TrueType font (bytes) with the glyphs of ``ufo``'s layer, and facts from its fontinfo.

    Only what rendering needs: outlines, advances, cmap, names and vertical
    metrics; glyphs that cannot be drawn (a missing component) are left empty
    with a warning rather than failing the whole font.
    """
    info = ufo.info
    upm = int(info.unitsPerEm or 1000)
    if not 16 <= upm <= 16384:
        raise FontAssistError(
            f"has an invalid unitsPerEm ({upm}) in its fontinfo.", path=path, hint="Fix it in your editor."
        )
    layer = _glyph_layer(ufo, layer_name, path)
    order = [n for n in ufo.lib.get("public.glyphOrder", []) if n in layer]
    seen = set(order)
    order += sorted(n for n in layer.keys() if n not in seen)
    if ".notdef" in order:
        order.remove(".notdef")
    order.insert(0, ".notdef")
    max_error = _CUBIC_ERROR_EM * upm
    glyphs, metrics, cmap, broken = {}, {}, {}, []
    for name in order:
        tt_pen = TTGlyphPen(None)
        glyph = layer[name] if name in layer else None
        if glyph is not None:
            recording = DecomposingRecordingPen(layer, skipMissingComponents=False)
            try:
                glyph.draw(recording)
                recording.replay(Cu2QuPen(tt_pen, max_error, reverse_direction=False))
            except (MissingComponentError, ValueError, AssertionError, TypeError, KeyError):
                broken.append(name)
                tt_pen = TTGlyphPen(None)
            for codepoint in glyph.unicodes:
                cmap.setdefault(codepoint, name)
        tt_glyph = tt_pen.glyph()
        tt_glyph.recalcBounds(None)
        glyphs[name] = tt_glyph
        width = int(round(glyph.width)) if glyph is not None else upm
        metrics[name] = (max(0, width), tt_glyph.xMin if tt_glyph.numberOfContours else 0)
    if broken:
        log.warning("%s: %d glyphs could not be drawn and render empty: %s", path, len(broken), broken[:10])
    bottom = ufo_em_bottom(info)
    ascender = int(info.ascender if info.ascender is not None else bottom + upm)
    descender = int(round(bottom))
    family = info.familyName or (path.stem if path else "Untitled")
    style = info.styleName or "Regular"
    builder = FontBuilder(upm, isTTF=True)
    builder.font.recalcTimestamp = False  # the same UFO gives the same bytes, hence the same render-cache key
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(cmap)
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=ascender, descent=descender)
    names = {"familyName": family, "styleName": style}
    # Copyright and licence too: the naming checks look for Reserved Font Names in them.
    if info.copyright:
        names["copyright"] = info.copyright
    if info.openTypeNameLicense:
        names["licenseDescription"] = info.openTypeNameLicense
    builder.setupNameTable(names)
    builder.setupOS2(
        sTypoAscender=ascender,
        sTypoDescender=descender,
        usWinAscent=max(0, ascender),
        usWinDescent=max(0, -descender),
    )
    builder.setupPost()
    builder.font["head"].created = builder.font["head"].modified = 0
    buffer = io.BytesIO()
    builder.save(buffer)
    facts = {"family": family, "style": style, "upm": upm, "em_bottom": bottom, "glyph_count": len(order)}
    return buffer.getvalue(), facts


def ufo_face_fields(path: str | os.PathLike, face_index: int = 0) -> dict:
    """The :class:`~fontassist.fonts.fontfile.FontFile` fields of a UFO folder or one master of a
    .designspace (``face_index``); ``fontfile`` builds the FontFile, so this module need not import it."""
    path = Path(path)
    ufo_path, layer_name = ufo_path_and_layer(path, face_index)
    if not ufo_path.is_dir():
        raise FontAssistError(
            "is not a UFO folder." if ufo_path.exists() else "not found.",
            path=ufo_path,
            hint="A UFO is a folder ending in .ufo; check the path.",
        )
    key = (os.path.realpath(ufo_path), layer_name, _stat_signature(ufo_path))
    with _COMPILED_LOCK:
        cached = _COMPILED.get(key)
    if cached is None:
        ufo = load_ufo(ufo_path, lazy=True)
        data, facts = render_font_bytes(ufo, layer_name, ufo_path)
        cached = (data, facts)
        with _COMPILED_LOCK:
            for old in [k for k in _COMPILED if k[:2] == key[:2]]:
                del _COMPILED[old]
            _COMPILED[key] = cached
    data, facts = cached
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), lazy=True)
    try:
        cmap = dict(font.getBestCmap() or {})
        advances = {g: int(m[0]) for g, m in font["hmtx"].metrics.items()}
    finally:
        font.close()
    if not cmap:
        raise FontAssistError(
            "has no glyph with a Unicode value, so its glyphs cannot be matched to characters.",
            path=ufo_path,
            hint="Give the glyphs Unicode values in your editor.",
        )
    return dict(
        path=path,
        face_index=face_index,
        family=facts["family"],
        style=facts["style"],
        upm=facts["upm"],
        outline_format="ufo",
        glyph_count=facts["glyph_count"],
        cmap=cmap,
        advances=advances,
        em_bottom=facts["em_bottom"],
        is_variable=False,
        font_bytes=data,
        freetype_index=0,
        content_hash=hashlib.sha256(data).hexdigest()[:32],
    )
