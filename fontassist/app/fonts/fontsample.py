"""A line of sample text set in a chosen font, drawn with the core renderer.

Qt would substitute another font for characters the chosen one lacks, which
hides exactly what a designer needs to see; the core renderer draws only the
font's own glyphs (through the same em frame as training), and a missing
character shows as an empty box. Each glyph is placed at its advance width,
so Latin is proportional and CJK sits on the em grid.
"""

from __future__ import annotations

import math

import numpy as np

from ...fonts import FontFile, render

LATIN_SAMPLE = "Handgloves Quiz 0123456789"
CJK_SAMPLE = "永東國酬愛鬱靈鷹 あアかカ"
SPECIMEN = "永Ag"  # the eight strokes of 永, and a Latin pair, large
# Room on every side of each em so overshoots and wide Latin glyphs are not clipped.
_MARGIN = 0.2


def sample_line(font: FontFile, text: str, height: int) -> np.ndarray:
    """``text`` set in ``font`` as a raster (0 paper, 255 ink), ``height`` pixels tall (one em plus margins)."""
    size = max(8, int(height))
    present = [c for c in dict.fromkeys(text) if not c.isspace()]
    result = render(font, present, size, _MARGIN, cache=False)
    frame = result.frame
    where = result.index()
    scale = frame.scale
    origin_col = int(round(float(frame.to_pixels(0.0, 0.0)[0])))
    em_px = font.upm * scale
    space_px = (font.advance(" ") or font.upm / 4) * scale

    pens, pen = [], float(origin_col)
    for char in text:
        pens.append(pen)
        if char.isspace():
            pen += space_px
        elif char in where:
            pen += (font.advance(char) or font.upm) * scale
        else:
            pen += em_px * 0.6
    width = int(math.ceil(pen)) + size - origin_col
    canvas = np.zeros((size, width), np.uint8)
    top, bottom = frame.to_pixels(0.0, frame.bottom + font.upm)[1], frame.to_pixels(0.0, frame.bottom)[1]
    for char, pen in zip(text, pens, strict=False):
        if char.isspace():
            continue
        left = int(round(pen)) - origin_col
        if char in where:
            glyph = result.images[where[char]]
            region = canvas[:, left : left + size]
            np.maximum(region, glyph[:, : region.shape[1]], out=region)
        else:
            _draw_missing_box(
                canvas,
                int(round(pen + em_px * 0.08)),
                int(round(float(top) + em_px * 0.1)),
                int(round(em_px * 0.44)),
                int(round(float(bottom) - float(top) - em_px * 0.2)),
            )
    used = np.nonzero(canvas.max(axis=0))[0]
    right = int(used[-1]) + 1 + origin_col if used.size else width
    return canvas[:, : min(width, right)]


def _draw_missing_box(canvas: np.ndarray, x: int, y: int, w: int, h: int) -> None:
    ink = 110
    rows, cols = canvas.shape
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, cols - 1), min(y + h, rows - 1)
    if x0 >= x1 or y0 >= y1:
        return
    canvas[y0, x0 : x1 + 1] = ink
    canvas[y1, x0 : x1 + 1] = ink
    canvas[y0 : y1 + 1, x0] = ink
    canvas[y0 : y1 + 1, x1] = ink
