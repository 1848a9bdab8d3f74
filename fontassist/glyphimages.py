"""Glyph rasters to pictures: PNG files named by code point and contact sheets.

Rasters are uint8 with 0 = paper and 255 = ink; pictures for people show black
ink on white, so every writer here inverts. Pillow and numpy only.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from .errors import FontAssistError
from .safeio import describe_os_error, save_image


def glyph_filename(char: str, ext: str = "png") -> str:
    """``U+6C38.png``: code points, not characters, so every file system takes the name."""
    return f"U+{ord(char):04X}.{ext}"


def to_picture(raster: np.ndarray) -> Image.Image:
    """A raster (0 paper, 255 ink) as a black-on-white greyscale image."""
    return Image.fromarray(255 - np.asarray(raster, dtype=np.uint8), mode="L")


def ensure_folder(folder: str | os.PathLike) -> Path:
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise FontAssistError(
            f"cannot create the output folder: {describe_os_error(e)}.",
            path=folder,
            hint="Choose a folder you can write to.",
        ) from None
    if not os.access(folder, os.W_OK):
        raise FontAssistError("is not writable.", path=folder, hint="Choose a folder you can write to.")
    return folder


def save_glyph_pngs(
    images: np.ndarray,
    chars: Sequence[str],
    folder: str | os.PathLike,
    progress: Callable[[int, int, str], None] | None = None,
) -> int:
    """Write one PNG per glyph into ``folder``; returns how many were written.

    ``progress(done, total, message)`` (as in :mod:`fontassist.jobs`) every 64 files and at the end.
    """
    folder = ensure_folder(folder)
    total = len(chars)
    for i, (raster, char) in enumerate(zip(images, chars, strict=False)):
        save_image(to_picture(raster), folder / glyph_filename(char), durable=False)
        if progress is not None and ((i + 1) % 64 == 0 or i + 1 == total):
            progress(i + 1, total, "Writing PNGs")
    return total


def tile(images: np.ndarray, columns: int | None = None, gap: int = 2) -> np.ndarray:
    """Tile N×S×S rasters into one raster (0 paper), ``gap`` pixels of paper between cells."""
    images = np.asarray(images)
    n = len(images)
    if n == 0:
        return np.zeros((1, 1), np.uint8)
    s_h, s_w = images.shape[1:3]
    columns = columns or max(1, math.ceil(math.sqrt(n)))
    rows = math.ceil(n / columns)
    sheet = np.zeros((rows * (s_h + gap) + gap, columns * (s_w + gap) + gap), np.uint8)
    for i, raster in enumerate(images):
        r, c = divmod(i, columns)
        y, x = gap + r * (s_h + gap), gap + c * (s_w + gap)
        sheet[y : y + s_h, x : x + s_w] = raster
    return sheet


def contact_sheet(
    images: np.ndarray, columns: int | None = None, gap: int = 2, frame_lines: bool = True
) -> Image.Image:
    """A black-on-white sheet of glyphs with light grey cell borders (so the em squares are visible)."""
    sheet = tile(images, columns, gap)
    picture = 255 - sheet
    if frame_lines and len(images):
        s = np.asarray(images).shape[1]
        period = s + gap
        for k in range(0, picture.shape[0], period):
            picture[k : k + gap, :] = 200
        for k in range(0, picture.shape[1], period):
            picture[:, k : k + gap] = 200
    return Image.fromarray(picture.astype(np.uint8), mode="L")
