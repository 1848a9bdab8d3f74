"""Filling outlines into rasters through an em frame, for checking traced glyphs.

Any outline that draws into a fontTools pen (a traced glyph, a font's glyph,
a RecordingPen) is flattened and filled with the non-zero winding rule,
sampling each pixel at its centre, the way TrueType rasterisers decide ink.
Used to measure how closely a traced outline matches the original (tests and
``benchmarks/trace.py``); pure numpy, so no second rasteriser's conventions
creep into the comparison.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from fontTools.pens.basePen import BasePen

from ..fonts.emframe import EmFrame

_STEPS = 16  # line pieces per curve segment


class _FlatteningPen(BasePen):
    """Collects an outline's edges, curves flattened, in font units."""

    def __init__(self):
        super().__init__(glyphSet=None)
        self.lines: list[tuple[tuple[float, float], tuple[float, float]]] = []
        self.quads: list[tuple] = []
        self.cubics: list[tuple] = []
        self._start = self._current = None

    def _moveTo(self, pt):
        self._start = self._current = pt

    def _lineTo(self, pt):
        self.lines.append((self._current, pt))
        self._current = pt

    def _qCurveToOne(self, pt1, pt2):
        self.quads.append((self._current, pt1, pt2))
        self._current = pt2

    def _curveToOne(self, pt1, pt2, pt3):
        self.cubics.append((self._current, pt1, pt2, pt3))
        self._current = pt3

    def _closePath(self):
        if self._current is not None and self._current != self._start:
            self.lines.append((self._current, self._start))
        self._current = self._start

    _endPath = _closePath

    def edges(self) -> np.ndarray:
        """(E, 4) edges x0, y0, x1, y1."""
        parts = [np.array(self.lines, float).reshape(-1, 4)]
        t = np.linspace(0.0, 1.0, _STEPS + 1)[:, None, None]
        if self.quads:
            q = np.array(self.quads, float)  # (Q, 3, 2)
            curve = (1 - t) ** 2 * q[:, 0] + 2 * t * (1 - t) * q[:, 1] + t**2 * q[:, 2]  # (T, Q, 2)
            parts.append(np.concatenate([curve[:-1], curve[1:]], axis=2).reshape(-1, 4))
        if self.cubics:
            c = np.array(self.cubics, float)
            curve = (
                (1 - t) ** 3 * c[:, 0]
                + 3 * t * (1 - t) ** 2 * c[:, 1]
                + 3 * t**2 * (1 - t) * c[:, 2]
                + t**3 * c[:, 3]
            )
            parts.append(np.concatenate([curve[:-1], curve[1:]], axis=2).reshape(-1, 4))
        return np.concatenate(parts)


def outline_mask(draw: Callable[[BasePen], None], frame: EmFrame) -> np.ndarray:
    """Bool ``frame.size`` × ``frame.size`` raster of the outline ``draw(pen)`` draws (font units), non-zero fill."""
    pen = _FlatteningPen()
    draw(pen)
    size = frame.size
    edges = pen.edges()
    x0, y0 = frame.to_pixels(edges[:, 0], edges[:, 1])
    x1, y1 = frame.to_pixels(edges[:, 2], edges[:, 3])
    # Rows whose centre line (row + 0.5) an edge crosses, half-open in y so shared vertices count once.
    low, high = np.minimum(y0, y1), np.maximum(y0, y1)
    first = np.ceil(low - 0.5).astype(np.int64)
    stop = np.ceil(high - 0.5).astype(np.int64)
    first, stop = np.clip(first, 0, size), np.clip(stop, 0, size)
    rows_per_edge = np.maximum(stop - first, 0)
    edge = np.repeat(np.arange(len(edges)), rows_per_edge)
    row = (
        first[edge]
        + np.arange(len(edge))
        - np.repeat(np.cumsum(rows_per_edge) - rows_per_edge, rows_per_edge)
    )
    centre_y = row + 0.5
    fraction = (centre_y - y0[edge]) / (y1[edge] - y0[edge])
    x = x0[edge] + fraction * (x1[edge] - x0[edge])
    winding = np.where(y1[edge] > y0[edge], 1, -1)
    column = np.clip(np.ceil(x - 0.5).astype(np.int64), 0, size)  # first pixel whose centre is right of x
    accumulated = np.bincount(row * (size + 1) + column, winding, minlength=size * (size + 1))
    winding_number = np.cumsum(accumulated.reshape(size, size + 1), axis=1)[:, :size]
    return winding_number != 0


def outline_coverage(draw: Callable[[BasePen], None], frame: EmFrame, oversample: int = 4) -> np.ndarray:
    """uint8 coverage raster (0 paper, 255 ink) on ``frame``'s grid, from an ``oversample``-times finer mask."""
    fine = outline_mask(draw, frame.with_size(frame.size * oversample)).astype(np.float32)
    size = frame.size
    coverage = fine.reshape(size, oversample, size, oversample).mean(axis=(1, 3))
    return np.round(coverage * 255.0).astype(np.uint8)


def iou(a: np.ndarray, b: np.ndarray) -> float:
    """Intersection over union of two bool masks (1.0 when both are empty)."""
    union = np.count_nonzero(a | b)
    return 1.0 if union == 0 else np.count_nonzero(a & b) / union
