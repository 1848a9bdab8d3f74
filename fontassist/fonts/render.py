"""Rendering glyphs into em-square rasters.

``render(font, chars, size, margin)`` returns a uint8 array N×S×S in which
**0 is paper and 255 is full ink** (FreeType's coverage: anti-aliased edges
hold the fraction of the pixel the outline covers). Each raster shows the
glyph's em square through the font's :class:`~fontassist.fonts.emframe.EmFrame`:
no cropping, no re-centering, so what is drawn at pixel (px, py) is the outline
at ``frame.to_font_units(px, py)``.

FreeType (through freetype-py, which ships its own FreeType in every wheel)
renders unhinted outlines with an exact sub-pixel origin, which Pillow's text
drawing cannot promise. Results are cached in memory and on disk (keyed by the
font's content hash), so a repeated request costs a file read.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import io
import json
import logging
import math
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import freetype
import numpy as np
from fontTools.pens.basePen import AbstractPen

from ..errors import FontAssistError
from ..jobs import CancelToken, Progress, check_cancel, report
from ..safeio import atomic_write, clean_stale_temps
from .emframe import EmFrame
from .fontfile import FontFile

log = logging.getLogger(__name__)

_LOAD_FLAGS = (
    freetype.FT_LOAD_NO_HINTING
    | freetype.FT_LOAD_NO_BITMAP
    | freetype.FT_LOAD_RENDER
    | freetype.FT_LOAD_TARGET_NORMAL
)
_FT_RENDER_MODE_NORMAL = 0


@dataclass
class RenderResult:
    """Rasters of the characters a font has, in the order asked, and the ones it lacks."""

    images: np.ndarray  # uint8 N×S×S, 0 paper, 255 ink
    chars: list[str]
    missing: list[str]
    frame: EmFrame
    from_cache: bool = field(default=False, compare=False)

    def index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.chars)}


def _bitmap_array(bitmap) -> np.ndarray:
    """FreeType's bitmap as a numpy view, read through its buffer pointer (``.buffer`` builds a list)."""
    raw = bitmap._FT_Bitmap
    rows, width, pitch = raw.rows, raw.width, raw.pitch
    if rows == 0 or width == 0:
        return np.zeros((0, 0), np.uint8)
    buf = ctypes.cast(raw.buffer, ctypes.POINTER(ctypes.c_ubyte * (rows * abs(pitch)))).contents
    array = np.frombuffer(buf, np.uint8).reshape(rows, abs(pitch))[:, :width]
    return array[::-1] if pitch < 0 else array


class _Rasterizer:
    """One FreeType face set up for one em frame."""

    def __init__(self, font: FontFile, frame: EmFrame):
        try:
            self.face = freetype.Face(io.BytesIO(font.font_bytes), font.freetype_index)
        except freetype.FT_Exception as e:
            raise FontAssistError(
                f"FreeType cannot open this font ({e}).",
                path=font.path,
                hint="The file may be damaged; get the font again.",
            ) from None
        self.font = font
        self.frame = frame
        # An integer ppem keeps FreeType's TrueType scaler exact (it may round fractional sizes);
        # the remaining fraction and the sub-pixel origin go into the outline transform.
        ppem = frame.ppem
        int_ppem = max(1, math.ceil(ppem))
        self.face.set_char_size(0, int_ppem * 64, 72, 72)
        factor = ppem / int_ppem
        origin_x, origin_y = frame.to_pixels(0.0, 0.0)
        self.col0 = math.floor(float(origin_x))
        self.row0 = math.floor(float(origin_y))
        frac_x = float(origin_x) - self.col0
        frac_y = float(origin_y) - self.row0  # y-down fraction; FreeType is y-up
        matrix = freetype.FT_Matrix(int(round(factor * 65536)), 0, 0, int(round(factor * 65536)))
        delta = freetype.FT_Vector(int(round(frac_x * 64)), int(round(-frac_y * 64)))
        freetype.FT_Set_Transform(self.face._FT_Face, ctypes.byref(matrix), ctypes.byref(delta))

    def draw(self, char: str, out: np.ndarray) -> None:
        """Render ``char`` into ``out`` (S×S, zeroed), clipped to the frame."""
        try:
            self.face.load_char(char, _LOAD_FLAGS)
        except freetype.FT_Exception as e:
            raise FontAssistError(
                f"FreeType cannot render U+{ord(char):04X} '{char}' ({e}); the glyph data is damaged.",
                path=self.font.path,
                hint="Get the font again or leave this character out.",
            ) from None
        slot = self.face.glyph
        bitmap = _bitmap_array(slot.bitmap)
        if bitmap.size == 0:
            return
        top = self.row0 - slot.bitmap_top
        left = self.col0 + slot.bitmap_left
        size = out.shape[0]
        r0, c0 = max(top, 0), max(left, 0)
        r1, c1 = min(top + bitmap.shape[0], size), min(left + bitmap.shape[1], size)
        if r0 < r1 and c0 < c1:
            out[r0:r1, c0:c1] = bitmap[r0 - top : r1 - top, c0 - left : c1 - left]


_REPORT_EVERY = 256  # glyphs rendered between progress reports and cancel checks


def _render_uncached(
    font: FontFile,
    chars: list[str],
    frame: EmFrame,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> np.ndarray:
    images = np.zeros((len(chars), frame.size, frame.size), np.uint8)
    if chars:
        rasterizer = _Rasterizer(font, frame)
        for i, char in enumerate(chars):
            if i % _REPORT_EVERY == 0:
                check_cancel(cancel, "Rendering was cancelled.")
                report(progress, i, len(chars), "Rendering glyphs")
            rasterizer.draw(char, images[i])
    report(progress, len(chars), len(chars), "Rendering glyphs")
    return images


DISK_CACHE_MB = 512  # default bound of the disk cache; FONTASSIST_CACHE_MAX_MB changes it


class _RenderCache:
    """Memory LRU over a disk cache of .npy files, both keyed by font content and request.

    The disk cache (``fontassist cache`` shows where) is bounded: after each write
    the least recently used files go until it holds at most FONTASSIST_CACHE_MAX_MB
    (default 512) megabytes. ``fontassist cache --clear`` empties it.
    """

    def __init__(self, max_bytes: int = 1 << 30):
        self.max_bytes = max_bytes
        self.memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self.lock = threading.Lock()

    def directory(self) -> Path:
        override = os.environ.get("FONTASSIST_CACHE_DIR")
        if override:
            return Path(override) / "render"
        import platformdirs

        return Path(platformdirs.user_cache_dir("fontassist", appauthor=False)) / "render"

    def get(self, key: str, use_disk: bool) -> np.ndarray | None:
        with self.lock:
            if key in self.memory:
                self.memory.move_to_end(key)
                return self.memory[key]
        if not use_disk:
            return None
        path = self.directory() / f"{key}.npy"
        try:
            array = np.load(path, allow_pickle=False)
        except (OSError, ValueError, EOFError):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: the last to go when the cache is pruned
        self.put(key, array, use_disk=False)
        return array

    def put(self, key: str, array: np.ndarray, use_disk: bool) -> None:
        array.setflags(write=False)
        with self.lock:
            self.memory[key] = array
            self.memory.move_to_end(key)
            while sum(a.nbytes for a in self.memory.values()) > self.max_bytes and len(self.memory) > 1:
                self.memory.popitem(last=False)
        if not use_disk:
            return
        directory = self.directory()
        try:
            directory.mkdir(parents=True, exist_ok=True)
            with atomic_write(directory / f"{key}.npy", durable=False) as f:
                np.save(f, array, allow_pickle=False)
        except (OSError, FontAssistError) as e:  # a cache that cannot be written only costs time
            log.warning("render cache not written to %s: %s", directory, e)
            return
        self.prune(disk_limit_bytes())

    def files(self) -> list[os.DirEntry]:
        try:
            return [e for e in os.scandir(self.directory()) if e.name.endswith(".npy") and e.is_file()]
        except OSError:
            return []

    def disk_bytes(self) -> int:
        return sum(_size(e) for e in self.files())

    def prune(self, limit: int) -> int:
        """Remove the least recently used files until the disk cache holds at most ``limit`` bytes."""
        entries = sorted(self.files(), key=_mtime)
        total = sum(_size(e) for e in entries)
        removed = 0
        for entry in entries:
            if total <= limit:
                break
            with contextlib.suppress(OSError):
                size = _size(entry)
                os.unlink(entry.path)
                total -= size
                removed += 1
        clean_stale_temps(self.directory())
        return removed

    def clear(self) -> tuple[int, int]:
        """Empty the memory and disk caches; returns (files, bytes) removed."""
        self.clear_memory()
        files = bytes_ = 0
        for entry in self.files():
            size = _size(entry)
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                files, bytes_ = files + 1, bytes_ + size
        clean_stale_temps(self.directory())
        return files, bytes_

    def clear_memory(self) -> None:
        with self.lock:
            self.memory.clear()


def _size(entry: os.DirEntry) -> int:
    try:
        return entry.stat().st_size
    except OSError:
        return 0


def _mtime(entry: os.DirEntry) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:
        return 0.0


def disk_limit_bytes() -> int:
    """The disk cache's bound: FONTASSIST_CACHE_MAX_MB megabytes, default DISK_CACHE_MB."""
    text = os.environ.get("FONTASSIST_CACHE_MAX_MB", "")
    try:
        megabytes = float(text) if text else DISK_CACHE_MB
    except ValueError:
        megabytes = DISK_CACHE_MB
    return int(max(megabytes, 0) * 1e6)


CACHE = _RenderCache()


def _cache_key(font: FontFile, chars: list[str], frame: EmFrame) -> str:
    request = json.dumps(
        {
            "font": font.content_hash,
            "face": font.face_index,
            "frame": frame.to_dict(),
            "chars": "".join(chars),
            "v": 1,
        },
        sort_keys=True,
    )
    return hashlib.sha256(request.encode("utf-8")).hexdigest()[:40]


def render(
    font: FontFile,
    chars: Iterable[str],
    size: int,
    margin: float = 0.0,
    *,
    cache: bool = True,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> RenderResult:
    """Render the characters of ``chars`` that ``font`` has into em-square rasters.

    Characters the font lacks are listed in ``missing`` and left out of ``images``
    (never drawn as .notdef boxes). ``cache=False`` bypasses the memory and disk caches.
    ``progress`` and ``cancel`` follow :mod:`fontassist.jobs`.
    """
    frame = font.frame(size, margin)
    wanted = list(dict.fromkeys(chars))
    present = [c for c in wanted if font.has(c)]
    missing = [c for c in wanted if not font.has(c)]
    if not cache:
        return RenderResult(_render_uncached(font, present, frame, progress, cancel), present, missing, frame)
    key = _cache_key(font, present, frame)
    images = CACHE.get(key, use_disk=True)
    if images is not None and images.shape == (len(present), size, size):
        return RenderResult(images, present, missing, frame, from_cache=True)
    images = _render_uncached(font, present, frame, progress, cancel)
    CACHE.put(key, images, use_disk=True)
    return RenderResult(images, present, missing, frame)


def render_glyph(font: FontFile, char: str, size: int, margin: float = 0.0) -> np.ndarray:
    """One character's raster (S×S uint8), uncached; for previews. Raises when the font lacks it."""
    if not font.has(char):
        raise FontAssistError(f"does not have U+{ord(char):04X} '{char}'.", path=font.path)
    return _render_uncached(font, [char], font.frame(size, margin))[0]


def render_outline(draw: Callable[[AbstractPen], None], frame: EmFrame) -> np.ndarray:
    """The outline that ``draw(pen)`` draws in font units, as a ``frame.size`` × ``frame.size`` raster.

    uint8 like :func:`render` (0 paper, 255 ink, FreeType's exact-area coverage, non-zero fill),
    through fontTools' ``FreeTypePen``: a hand-drawn or traced outline on the grid of the glyphs.
    """
    from fontTools.pens.freetypePen import FreeTypePen

    pen = FreeTypePen(None)
    draw(pen)
    scale = frame.scale
    # font units -> FreeType's y-up bitmap, whose top row is the frame's top edge
    transform = (scale, 0, 0, scale, -frame.x_min * scale, frame.size - frame.y_max * scale)
    return np.round(pen.array(frame.size, frame.size, transform) * 255).astype(np.uint8)
