"""Outlines filled back into rasters, to make tracer inputs and check traced glyphs (tests and benchmarks/trace.py)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from fontTools.pens.basePen import AbstractPen

from fontassist.fonts.emframe import EmFrame
from fontassist.fonts.render import render_outline


def outline_mask(draw: Callable[[AbstractPen], None], frame: EmFrame) -> np.ndarray:
    """Bool raster: the pixels the outline ``draw(pen)`` covers at least half."""
    return render_outline(draw, frame) >= 128


def outline_coverage(draw: Callable[[AbstractPen], None], frame: EmFrame, oversample: int) -> np.ndarray:
    """uint8 raster (0 paper, 255 ink) in which each pixel is the share of an ``oversample``-times
    finer grid's pixels that are at least half inked: a supersampling rasteriser's edges."""
    fine = outline_mask(draw, frame.with_size(frame.size * oversample))
    size = frame.size
    coverage = fine.reshape(size, oversample, size, oversample).mean(axis=(1, 3))
    return np.round(coverage * 255).astype(np.uint8)
