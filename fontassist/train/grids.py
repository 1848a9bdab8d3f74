"""Side-by-side glyph grids for people: source | generated | target, black ink on white."""

from __future__ import annotations

import numpy as np
from PIL import Image

from ..safeio import save_image

_GAP = 2
_LINE = 200  # light grey between cells, so each em square is visible


def _resized(images: np.ndarray, size: int) -> np.ndarray:
    if images.shape[-1] == size:
        return images
    return np.stack([np.asarray(Image.fromarray(a).resize((size, size), Image.BILINEAR)) for a in images])


def comparison_grid(rows: list[np.ndarray], gap: int = _GAP) -> np.ndarray:
    """One row per batch of rasters (each N×S×S, 0 paper, 255 ink), glyph i in column i.

    Rows of different sizes are scaled to the largest. Returns a uint8 H×W
    picture with black ink on white, ready to save or show.
    """
    if not rows or len(rows[0]) == 0:
        return np.full((1, 1), 255, np.uint8)
    size = max(r.shape[-1] for r in rows)
    count = len(rows[0])
    picture = np.full((len(rows) * (size + gap) + gap, count * (size + gap) + gap), _LINE, np.uint8)
    for r, images in enumerate(rows):
        images = _resized(np.asarray(images, dtype=np.uint8), size)
        y = gap + r * (size + gap)
        for c in range(count):
            x = gap + c * (size + gap)
            picture[y : y + size, x : x + size] = 255 - images[c]
    return picture


def save_picture(picture: np.ndarray, path) -> None:
    """Write the picture atomically (PNG unless the name says otherwise)."""
    save_image(Image.fromarray(picture), path)
