"""A generated glyph set in a line of text between the target font's own glyphs (no Qt).

Designers judge a glyph by its neighbours: weight, size and position only show
next to real glyphs. The neighbours are rendered by the core renderer in the
same em frame as the generated raster, and every glyph is placed at its
advance width, so the line is what the exported font will set (CJK on the em
grid, Latin proportional).
"""

from __future__ import annotations

import math

import numpy as np

from ...fonts import EmFrame, FontFile, render

MARKERS = ("*", "＊")  # where the generated glyph goes
DEFAULT_CONTEXT = "永和＊東風"


def split_context(text: str) -> tuple[str, str]:
    """(before, after) the marker; without a marker the glyph goes in the middle."""
    for marker in MARKERS:
        if marker in text:
            before, _, after = text.partition(marker)
            return before, after
    half = len(text) // 2
    return text[:half], text[half:]


def context_line(
    target: FontFile, text: str, glyph: np.ndarray, frame: EmFrame
) -> tuple[np.ndarray, list[str]]:
    """The line as a raster (0 paper, 255 ink) one frame tall, and the context characters the target lacks."""
    before, after = split_context(text)
    present = [c for c in dict.fromkeys(before + after) if not c.isspace() and target.has(c)]
    rendered = render(target, present, frame.size, frame.margin, cache=False)
    where = rendered.index()
    scale = frame.scale
    origin = float(frame.to_pixels(0.0, 0.0)[0])
    em = target.upm * scale
    glyph_advance = (target.advance("一") or target.upm) * scale

    pieces: list[tuple[float, np.ndarray | None]] = []  # (pen position, raster)
    missing: list[str] = []
    pen = 0.0
    for char in list(before) + [None] + list(after):
        if char is None:
            pieces.append((pen, glyph))
            pen += glyph_advance
        elif char.isspace():
            pen += (target.advance(" ") or target.upm / 4) * scale
        elif char in where:
            pieces.append((pen, rendered.images[where[char]]))
            pen += (target.advance(char) or target.upm) * scale
        else:
            missing.append(char)
            pen += em * 0.5
    size = frame.size
    width = int(math.ceil(pen + 2 * origin))
    canvas = np.zeros((size, max(width, 1)), np.uint8)
    for pen, raster in pieces:
        left = int(round(pen))  # the raster's column 0 is ``origin`` px left of the glyph's origin
        region = canvas[:, left : left + size]
        np.maximum(region, raster[:, : region.shape[1]], out=region)
    return canvas, missing
