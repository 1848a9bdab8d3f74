"""The em frame: the one mapping between a font's em square and a pixel grid.

Every raster fontassist makes or reads shows a glyph's em square, never a crop
of its ink: x from 0 to UPM, y from the ideographic em-box bottom (OS/2
sTypoDescender, -120 in Noto Sans TC and Zen Maru Gothic) up to bottom + UPM,
plus an optional margin on every side (a fraction of the em) so overshoots are
not clipped. Rendering and tracing both go through the same ``EmFrame``, so a
traced outline lands back in the font exactly where the raster showed it.

Pixel coordinates are continuous and y-down: pixel ``[row, col]`` covers
``col <= px < col + 1`` and ``row <= py < row + 1``; its centre is
``(col + 0.5, row + 0.5)``. Font units are y-up, as in the font.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class EmFrame:
    """Affine map between font units and a ``size`` × ``size`` pixel grid.

    ``upm``: units per em; ``bottom``: font-unit y of the em box's bottom edge;
    ``left``: font-unit x of its left edge (0 for a glyph at its origin);
    ``margin``: extra space on every side, as a fraction of the em.
    ``enlarged``: how many times larger than drawn the rasters on this grid are (an
    upscaler's factor; 1 for rasters drawn at this size): the tracer keeps its pixel
    tolerances in drawn pixels, so enlarged glyphs are tidied as much as drawn ones.
    """

    upm: int
    bottom: float
    size: int
    margin: float = 0.0
    left: float = 0.0
    enlarged: int = 1

    def __post_init__(self):
        if self.upm <= 0:
            raise ValueError(f"units per em must be positive, not {self.upm}")
        if self.size < 8:
            raise ValueError(f"image size must be at least 8 px, not {self.size}")
        if not 0.0 <= self.margin < 0.5:
            raise ValueError(f"margin is a fraction of the em in [0, 0.5), not {self.margin}")
        if self.enlarged < 1:
            raise ValueError(f"enlarged is a factor of at least 1, not {self.enlarged}")

    @property
    def span(self) -> float:
        """Font units covered by the whole pixel grid along each axis."""
        return self.upm * (1.0 + 2.0 * self.margin)

    @property
    def scale(self) -> float:
        """Pixels per font unit."""
        return self.size / self.span

    @property
    def x_min(self) -> float:
        """Font-unit x at the grid's left edge."""
        return self.left - self.margin * self.upm

    @property
    def y_max(self) -> float:
        """Font-unit y at the grid's top edge."""
        return self.bottom + self.upm + self.margin * self.upm

    @property
    def ppem(self) -> float:
        """Pixels per em, the size a rasteriser is asked for."""
        return self.upm * self.scale

    def to_pixels(self, x, y):
        """Font units (y-up) → continuous pixel coordinates (y-down). Works on scalars and arrays."""
        s = self.scale
        return (np.asarray(x, dtype=float) - self.x_min) * s, (self.y_max - np.asarray(y, dtype=float)) * s

    def to_font_units(self, px, py):
        """Continuous pixel coordinates (y-down) → font units (y-up). Inverse of :meth:`to_pixels`."""
        s = self.scale
        return np.asarray(px, dtype=float) / s + self.x_min, self.y_max - np.asarray(py, dtype=float) / s

    def font_transform(self) -> tuple[float, float, float, float, float, float]:
        """The pixel → font-unit map as a fontTools affine 6-tuple (for ``TransformPen``)."""
        s = 1.0 / self.scale
        return (s, 0.0, 0.0, -s, self.x_min, self.y_max)

    def pixel_transform(self) -> tuple[float, float, float, float, float, float]:
        """The font-unit → pixel map as a fontTools affine 6-tuple."""
        s = self.scale
        return (s, 0.0, 0.0, -s, -self.x_min * s, self.y_max * s)

    def with_size(self, size: int) -> EmFrame:
        """The same em box on a grid of another size (for rasters drawn at that size)."""
        return EmFrame(self.upm, self.bottom, size, self.margin, self.left)

    def upscaled(self, factor: int) -> EmFrame:
        """The same em box on a grid ``factor`` times finer, for these rasters enlarged ``factor`` times."""
        return EmFrame(
            self.upm, self.bottom, self.size * factor, self.margin, self.left, self.enlarged * factor
        )

    def to_dict(self) -> dict:
        return {
            "upm": self.upm,
            "bottom": self.bottom,
            "size": self.size,
            "margin": self.margin,
            "left": self.left,
            **({"enlarged": self.enlarged} if self.enlarged != 1 else {}),
        }

    @classmethod
    def from_dict(cls, d: dict) -> EmFrame:
        return cls(
            int(d["upm"]),
            float(d["bottom"]),
            int(d["size"]),
            float(d.get("margin", 0.0)),
            float(d.get("left", 0.0)),
            int(d.get("enlarged", 1)),
        )
