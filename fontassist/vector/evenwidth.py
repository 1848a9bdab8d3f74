"""Evening out stroke width on the raster, before tracing (the raster → clean step).

The trick of MaxFontScripts' ``smooth_sharp.py`` (used for the hand-made fill
of Zen Maru Gothic), in numpy: find each glyph's medial ridge and the distance
from it to the paper (the stroke's half width), pull every half width on the
ridge towards the glyph's typical one (swollen joins shrink, thin spots fill
out), and draw the glyph again as the union of discs of those radii on a grid
``scale`` times finer. Stroke ends come out round, as discs are; so this is
for near-monoline, round-ended targets (Zen Maru Gothic). Off by default
(``TraceSettings.even_width``): the union of discs along a medial ridge that
jitters by a pixel scallops diagonal edges, which is worse than uneven width.

Distances are exact Euclidean ones, computed as separable lower envelopes
(min-plus convolutions with a parabola, row pass then column pass) over a
window a little wider than the widest stroke, a whole batch of glyphs at once.
"""

from __future__ import annotations

import numpy as np

_FAR = 1e9
_SPUR = 0.0  # sloping ridge pixels thinner than this share of the typical half width are dropped


def _envelope(f: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """min over |d| <= radius of f shifted by d along ``axis``, plus d²."""
    out = f.copy()
    n = f.shape[axis]
    for d in range(1, min(radius, n - 1) + 1):
        cost = float(d * d)
        lo = [slice(None)] * f.ndim
        hi = [slice(None)] * f.ndim
        lo[axis], hi[axis] = slice(0, n - d), slice(d, n)
        np.minimum(out[tuple(lo)], f[tuple(hi)] + cost, out=out[tuple(lo)])
        np.minimum(out[tuple(hi)], f[tuple(lo)] + cost, out=out[tuple(hi)])
    return out


def squared_distance(seeds: np.ndarray, radius: int, offset: np.ndarray | None = None) -> np.ndarray:
    """min over seed pixels s of |p - s|² + offset(s), within ``radius`` px (else huge).

    ``seeds``: (..., H, W) bool; ``offset``: the same shape (e.g. minus a radius squared).
    """
    f = np.where(seeds, 0.0 if offset is None else offset, _FAR)
    return _envelope(_envelope(f, radius, -2), radius, -1)


def distance_to_paper(ink: np.ndarray, radius: int) -> np.ndarray:
    """Euclidean distance (px) from each ink pixel to the nearest paper pixel (0 on paper),
    exact up to ``radius``; the border counts as paper."""
    padded = np.pad(ink, [(0, 0)] * (ink.ndim - 2) + [(1, 1), (1, 1)])
    d = np.sqrt(np.minimum(squared_distance(~padded, radius), radius * radius))
    return d[..., 1:-1, 1:-1]


def medial_ridge(dt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(ridge, level): pixels where the distance peaks across some direction, and those of
    them where the ridge runs level (no neighbour more than half a pixel higher), i.e. on a
    stroke rather than climbing a spur into a corner or a join."""
    h, w = dt.shape[-2:]
    pad = [(0, 0)] * (dt.ndim - 2) + [(1, 1), (1, 1)]
    p = np.pad(dt, pad)
    ridge = np.zeros(dt.shape, bool)
    highest = dt.copy()
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        a = p[..., 1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w]
        b = p[..., 1 - dy : 1 - dy + h, 1 - dx : 1 - dx + w]
        ridge |= (dt >= a) & (dt >= b) & ((dt > a) | (dt > b))
        highest = np.maximum(highest, np.maximum(a, b))
    ridge &= dt > 0
    return ridge, ridge & (highest - dt <= 0.5)


def upsample(rasters: np.ndarray, scale: int) -> np.ndarray:
    """Bilinear enlargement of (B, S, S) coverage by an integer ``scale`` (pixel centres kept)."""
    b, h, w = rasters.shape
    src = rasters.astype(np.float32)

    def weights(n):
        x = (np.arange(n * scale) + 0.5) / scale - 0.5
        i = np.clip(np.floor(x).astype(int), 0, n - 1)
        j = np.clip(i + 1, 0, n - 1)
        t = np.clip(x - np.floor(x), 0, 1).astype(np.float32)
        return i, j, t

    yi, yj, yt = weights(h)
    rows = src[:, yi, :] * (1 - yt)[None, :, None] + src[:, yj, :] * yt[None, :, None]
    xi, xj, xt = weights(w)
    return rows[:, :, xi] * (1 - xt) + rows[:, :, xj] * xt


def even_stroke_width(
    rasters: np.ndarray, scale: int = 2, threshold: float = 0.5, spread: float = 0.2
) -> np.ndarray:
    """The glyphs of (B, S, S) uint8 rasters redrawn ``scale`` times finer with even stroke width.

    Each ridge radius is clamped to within ``spread`` (a fraction) of the glyph's median
    radius on level stretches of ridge. Returns (B, S·scale, S·scale) uint8 coverage,
    anti-aliased over about a pixel at the edge.
    """
    ink = upsample(rasters, scale) >= threshold * 255.0
    reach = max(4, ink.shape[-1] // 8)  # wider than any stroke's half width
    dt = distance_to_paper(ink, reach)
    ridge, level = medial_ridge(dt)
    radius = np.zeros_like(dt)
    for g in range(len(ink)):
        levels = dt[g][level[g]]
        if not len(levels):
            radius[g] = np.where(ridge[g], dt[g], 0.0)
            continue
        typical = float(np.median(levels))
        lo, hi = (1 - spread) * typical, (1 + spread) * typical
        r = np.where(level[g], np.clip(dt[g], lo, hi), np.minimum(dt[g], hi))
        # Spurs run into corners (sloping, thinner than the stroke); dropping them rounds stroke
        # ends and corners, but costs more shape than it gains (held-out IoU), so all are kept.
        keep = level[g] | (ridge[g] & (dt[g] >= _SPUR * typical))
        radius[g] = np.where(keep, r, 0.0)
        ridge[g] = keep
    # Union of discs: p is ink when |p - s|² <= r(s)² for some ridge pixel s. The distance
    # runs to the nearest paper pixel's centre; the last ink pixel's centre lies a pixel closer,
    # so the disc that covers exactly the stroke is half a pixel narrower.
    grown = np.maximum(radius - 0.5, 0.0)
    power = squared_distance(ridge, int(np.ceil(grown.max())) + 2, offset=-(grown**2))
    # Anti-aliased, so the tracer finds a smooth edge rather than the pixel staircase: near
    # the edge |p - s|² - r² ≈ 2r (|p - s| - r), so dividing by 2r gives the signed distance.
    typical = np.array([np.median(g[g > 0]) if (g > 0).any() else 1.0 for g in grown])
    signed = power / (2.0 * np.maximum(typical, 1.0))[:, None, None]
    return np.round(255.0 * np.clip(0.5 - signed, 0.0, 1.0)).astype(np.uint8)
