"""Opening font files: TTF, OTF (CFF), TTC/OTC, WOFF, WOFF2 and variable fonts.

``open_font`` reads a file once with fontTools, checks that it is a usable
outline font with a Unicode cmap, and turns every way that can fail into a
:class:`~fontassist.errors.FontAssistError` that names the file and says what
to do. The resulting :class:`FontFile` is immutable and cheap to pass around;
rasterising goes through FreeType (see :mod:`fontassist.fonts.render`).
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import stat
import struct
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont, TTLibError

from ..errors import FontAssistError
from .emframe import EmFrame
from .ufo import DESIGNSPACE_SUFFIX, designspace_master_names, is_ufo_path, ufo_face_fields

log = logging.getLogger(__name__)

FONT_FILE_TYPES = ("ttf", "otf", "ttc", "otc", "woff", "woff2")

_SIGNATURES = {
    b"\x00\x01\x00\x00": "sfnt",
    b"true": "sfnt",
    b"OTTO": "sfnt",
    b"ttcf": "collection",
    b"wOFF": "woff",
    b"wOF2": "woff2",
}


def _signature(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None  # the open below says why
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # Reading a FIFO or a device would block forever or never end.
        raise FontAssistError(
            "is not a regular file (a pipe, socket or device).",
            path=path,
            hint="Choose a .ttf, .otf, .ttc, .woff or .woff2 file.",
        )
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except FileNotFoundError:
        raise FontAssistError("file not found.", path=path, hint="Check the path and try again.") from None
    except IsADirectoryError:
        raise FontAssistError(
            "is a folder, not a font file.",
            path=path,
            hint="Choose a .ttf, .otf, .ttc, .woff or .woff2 file.",
        ) from None
    except OSError as e:
        raise FontAssistError(
            f"cannot be read ({e.strerror}).", path=path, hint="Check the file's permissions."
        ) from None
    kind = _SIGNATURES.get(head)
    if kind is None:
        raise FontAssistError(
            "is not a font file (unknown file signature).",
            path=path,
            hint="Choose a TrueType/OpenType font: .ttf, .otf, .ttc, .otc, .woff or .woff2.",
        )
    return kind


def list_faces(path: str | os.PathLike) -> list[str]:
    """Names ("Family Style") of the faces in a font file; one entry for a single-face file."""
    path = Path(path)
    if is_ufo_path(path):
        if path.suffix.lower() == DESIGNSPACE_SUFFIX:
            return designspace_master_names(path)
        return [open_font(path).full_name]
    if _signature(path) != "collection":
        return [open_font(path).full_name]
    try:
        collection = TTCollection(str(path), lazy=True)
        names = []
        for face in collection.fonts:
            name = face["name"]
            names.append(f"{name.getBestFamilyName() or '?'} {name.getBestSubFamilyName() or ''}".strip())
        return names
    except (TTLibError, struct.error, KeyError, ValueError, EOFError, AssertionError) as e:
        raise _corrupt(path, e) from None


def _corrupt(path: Path, error: Exception) -> FontAssistError:
    log.debug("corrupt font %s", path, exc_info=error)
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return FontAssistError(
        f"is damaged or truncated and cannot be read ({detail}).",
        path=path,
        hint="Download or export the font again.",
    )


@dataclass(frozen=True)
class FontFile:
    """A checked, opened font: names, metrics, cmap and the bytes FreeType renders from."""

    path: Path
    face_index: int
    family: str
    style: str
    upm: int
    outline_format: str  # "glyf", "CFF", "CFF2", or "ufo" (a UFO drawn into an in-memory TrueType font)
    glyph_count: int
    cmap: dict[int, str] = field(repr=False)
    advances: dict[str, int] = field(repr=False)
    em_bottom: float
    is_variable: bool
    font_bytes: bytes = field(repr=False)  # what FreeType opens: the file, or WOFF/WOFF2 unpacked
    freetype_index: int  # the face index inside font_bytes
    content_hash: str

    @property
    def full_name(self) -> str:
        return f"{self.family} {self.style}".strip()

    @property
    def chars(self) -> frozenset[str]:
        return self._chars

    @cached_property
    def _chars(self) -> frozenset[str]:
        return frozenset(chr(cp) for cp in self.cmap)

    def has(self, char: str) -> bool:
        return ord(char) in self.cmap

    def advance(self, char: str) -> int | None:
        """Horizontal advance width of ``char`` in font units, or None when the font lacks it."""
        name = self.cmap.get(ord(char))
        return None if name is None else self.advances.get(name)

    def frame(self, size: int, margin: float = 0.0) -> EmFrame:
        """The em frame of this font on a ``size``-pixel grid."""
        return EmFrame(self.upm, self.em_bottom, size, margin)

    def ttfont(self) -> TTFont:
        """A fresh fontTools TTFont of this face (for writing; callers own it)."""
        return TTFont(io.BytesIO(self.font_bytes), fontNumber=self.freetype_index, lazy=False)

    def __hash__(self):
        return hash((self.content_hash, self.face_index))

    def __eq__(self, other):
        return isinstance(other, FontFile) and (self.content_hash, self.face_index) == (
            other.content_hash,
            other.face_index,
        )


def _em_bottom(font: TTFont) -> float:
    """Bottom of the ideographic em box: BASE 'ideo' baseline, else OS/2 typo descender, else hhea."""
    upm = font["head"].unitsPerEm
    try:
        axis = font["BASE"].table.HorizAxis
        tags = [r.BaselineTag for r in axis.BaseTagList.BaselineTag] if axis.BaseTagList else []
        if "ideo" in tags:
            index = tags.index("ideo")
            for record in axis.BaseScriptList.BaseScriptRecord:
                base_values = record.BaseScript.BaseValues
                if base_values is not None and index < len(base_values.BaseCoord):
                    return float(base_values.BaseCoord[index].Coordinate)
    except (KeyError, AttributeError, TypeError, IndexError):
        pass
    if "OS/2" in font and font["OS/2"].sTypoDescender < 0:
        return float(font["OS/2"].sTypoDescender)
    if "hhea" in font and font["hhea"].descent < 0:
        return float(font["hhea"].descent)
    return -0.12 * upm


def _check_table_bounds(font: TTFont, size: int, path: Path) -> None:
    """A truncated file keeps a table directory that points past its end; say so up front."""
    for tag, entry in font.reader.tables.items():
        if entry.offset + entry.length > size:
            raise FontAssistError(
                f"is truncated: its '{tag.strip()}' table runs past the end of the file.",
                path=path,
                hint="The download or copy was cut short; get the font again.",
            )


def _load_face(path: Path, face_index: int) -> tuple[TTFont, bytes, int]:
    """The face as a lazily read TTFont, the bytes FreeType should open, and FreeType's face index.

    Plain sfnt files and collections are handed to FreeType as they are (no re-encoding of
    a 7 MB CJK font just to open it); WOFF and WOFF2 are unpacked to a plain sfnt once.
    """
    kind = _signature(path)
    try:
        data = path.read_bytes()
        if kind == "collection":
            collection = TTCollection(io.BytesIO(data), lazy=True)
            count = len(collection.fonts)
            if not 0 <= face_index < count:
                raise FontAssistError(
                    f"has {count} faces; face index {face_index} does not exist.",
                    path=path,
                    hint=f"Choose a face index from 0 to {count - 1}.",
                )
            font = collection.fonts[face_index]
            _check_table_bounds(font, len(data), path)
            return font, data, face_index
        if face_index != 0:
            raise FontAssistError(
                f"holds a single face; face index {face_index} does not exist.",
                path=path,
                hint="Use face index 0 (only .ttc/.otc collections have several faces).",
            )
        font = TTFont(io.BytesIO(data), lazy=True)
        if kind in ("woff", "woff2"):
            buf = io.BytesIO()
            font.flavor = None
            font.save(buf, reorderTables=False)
            data = buf.getvalue()
            font = TTFont(io.BytesIO(data), lazy=True)
        _check_table_bounds(font, len(data), path)
        return font, data, 0
    except FontAssistError:
        raise
    except ImportError as e:  # brotli missing for WOFF2
        raise FontAssistError(
            f"cannot be opened: {e}.",
            path=path,
            hint="Install fontTools with WOFF2 support: pip install 'fonttools[woff]'.",
        ) from None
    except Exception as e:  # fontTools raises a zoo of exception types on malformed data
        raise _corrupt(path, e) from None


def open_font(path: str | os.PathLike, face_index: int = 0) -> FontFile:
    """Open and check one face of a font file (or a UFO, or one master of a .designspace).

    Raises FontAssistError for anything unusable."""
    path = Path(path)
    if is_ufo_path(path):
        return FontFile(**ufo_face_fields(path, face_index))
    font, data, ft_index = _load_face(path, face_index)
    try:
        tables = set(font.keys())
        outline = next((t for t in ("glyf", "CFF ", "CFF2") if t in tables), None)
        if outline is None:
            colour = sorted(tables & {"CBDT", "sbix", "EBDT", "COLR", "SVG "})
            what = (
                f"only bitmap or colour glyphs ({', '.join(t.strip() for t in colour)})"
                if colour
                else "no glyph outlines"
            )
            raise FontAssistError(
                f"has {what}.",
                path=path,
                hint="fontassist needs an outline font (TrueType or CFF); choose another font.",
            )
        cmap = font.getBestCmap() if "cmap" in tables else None
        if not cmap:
            raise FontAssistError(
                "has no Unicode character map (cmap), so its glyphs cannot be matched to characters.",
                path=path,
                hint="Choose a font with a Unicode cmap.",
            )
        name = font["name"] if "name" in tables else None
        family = (name.getBestFamilyName() if name else None) or path.stem
        style = (name.getBestSubFamilyName() if name else None) or "Regular"
        advances = {g: int(m[0]) for g, m in font["hmtx"].metrics.items()}
        upm = int(font["head"].unitsPerEm)
        if not 16 <= upm <= 16384:
            raise FontAssistError(
                f"has an invalid units-per-em value ({upm}).",
                path=path,
                hint="The font's head table is damaged; export it again.",
            )
        result = FontFile(
            path=path,
            face_index=face_index,
            family=family,
            style=style,
            upm=upm,
            outline_format=outline.strip(),
            glyph_count=len(font.getGlyphOrder()),
            cmap=dict(cmap),
            advances=advances,
            em_bottom=_em_bottom(font),
            is_variable="fvar" in tables,
            font_bytes=data,
            freetype_index=ft_index,
            content_hash=hashlib.sha256(data).hexdigest()[:32],
        )
    except FontAssistError:
        raise
    except Exception as e:
        raise _corrupt(path, e) from None
    finally:
        font.close()
    log.debug("opened %s: %s, %d glyphs", path, result.full_name, result.glyph_count)
    return result
