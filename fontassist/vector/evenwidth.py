"""Evening out stroke width on the raster, before tracing (the raster → clean step).

The trick of MaxFontScripts' ``smooth_sharp.py`` (used for the hand-made fill
of Zen Maru Gothic), in numpy, for anti-aliased rasters drawn large enough
that their edge is a ramp a few pixels wide (the demo model's 4x upscaled
glyphs; smaller ones are enlarged first):

1. measure each glyph's half widths on its medial ridge (the distance to the
   paper where that distance peaks) on a grid twice as coarse, and the
   glyph's typical half width (their median on level stretches of ridge);
2. on level ridge, the change each half width needs to become the typical
   one (at most ``spread`` of it), averaged along the stroke and carried out
   to its edges (a normalised blur, so the correction varies smoothly);
3. move every edge by that change: within the anti-aliased ramp, the grey
   level over its slope is the signed distance to the edge, so the edge moves
   without being redrawn and keeps the model's own shape, stroke ends and
   corners (no union of discs along a jittering ridge, which scalloped);
4. cut away what lies farther from the ridge than the even width (plus
   ``slack``): the swollen fillets the model draws in a join's inner corners,
   which moving edges alone leaves.

Distances are exact Euclidean ones, computed as separable lower envelopes
(min-plus convolutions with a parabola, row pass then column pass) over a
window a little wider than the widest stroke, a whole batch of glyphs at once.
"""

from __future__ import annotations

import numpy as np

_FAR = 1e9
_COARSE = 2  # half widths are measured on a grid this many times coarser
# Ridge thinner than this share of the typical half width (running into a tip or a corner) adds no
# disc: ends and outer corners round off as the target's do (0.6 rounds less and keeps 0.001 more
# held-out IoU, 0.9 rounds more and costs 0.003 more).
_TIP = 0.8
_CHUNK = 8  # glyphs evened at full resolution at once
_RAMP = 0.1  # grey levels nearer paper or full ink than this say too little about where the edge is


def _envelope(f: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """min over |d| <= radius of f shifted by d along ``axis``, plus d²."""
    out = f.copy()
    n = f.shape[axis]
    for d in range(1, min(radius, n - 1) + 1):
        cost = np.float32(d * d)
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
    f = np.where(seeds, np.float32(0.0) if offset is None else offset, np.float32(_FAR)).astype(np.float32)
    return _envelope(_envelope(f, radius, -2), radius, -1)


def distance_to_paper(ink: np.ndarray, radius: int) -> np.ndarray:
    """Euclidean distance (px) from each ink pixel to the nearest paper pixel (0 on paper),
    exact up to ``radius``; the border counts as paper."""
    padded = np.pad(ink, [(0, 0)] * (ink.ndim - 2) + [(1, 1), (1, 1)])
    d = np.sqrt(np.minimum(squared_distance(~padded, radius), np.float32(radius * radius)))
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
    """Bilinear enlargement of (B, S, S) values by an integer ``scale`` (pixel centres kept)."""
    b, h, w = rasters.shape
    src = rasters.astype(np.float32)

    def weights(n):
        x = (np.arange(n * scale) + 0.5) / scale - 0.5
        below = np.floor(x).astype(int)
        i, j = np.clip(below, 0, n - 1), np.clip(below + 1, 0, n - 1)  # clamped at both borders
        t = (x - below).astype(np.float32)
        return i, j, t

    yi, yj, yt = weights(h)
    rows = src[:, yi, :] * (1 - yt)[None, :, None] + src[:, yj, :] * yt[None, :, None]
    xi, xj, xt = weights(w)
    return rows[:, :, xi] * (1 - xt) + rows[:, :, xj] * xt


def width_variation(rasters: np.ndarray, threshold: float = 0.5) -> float | None:
    """Median over (B, S, S) uint8 glyph rasters of the coefficient of variation of the stroke
    width on their level medial ridge (thicker than 2 px), as ``benchmarks/outline_quality.py``
    measures it; None when no glyph has any."""
    ink = rasters >= threshold * 255
    dt = distance_to_paper(ink, max(4, ink.shape[-1] // 12))
    _, level = medial_ridge(dt)
    level &= dt > 1
    cvs = [float(d[k].std() / d[k].mean()) for d, k in zip(dt, level, strict=True) if k.sum() > 1]
    return float(np.median(cvs)) if cvs else None


def _doubled(values: np.ndarray) -> np.ndarray:
    """Bilinear enlargement of (B, H, W) float32 values by 2 (pixel centres kept, edges clamped):
    :func:`upsample` for the common case, written into place with slices (each new pixel is
    0.75 × its own source pixel + 0.25 × the neighbour on its side, the source's edge repeated)."""
    out = values
    for axis in (1, 2):
        near, side = 0.75 * out, 0.25 * out
        n = out.shape[axis]
        shape = list(out.shape)
        shape[axis] = 2 * n
        doubled = np.empty(shape, near.dtype)

        def at(array, index, axis=axis):
            return array[(slice(None),) * axis + (index,)]

        np.add(at(near, slice(1, None)), at(side, slice(0, -1)), out=at(doubled, slice(2, None, 2)))
        np.add(at(near, slice(0, 1)), at(side, slice(0, 1)), out=at(doubled, slice(0, 1)))
        np.add(at(near, slice(0, -1)), at(side, slice(1, None)), out=at(doubled, slice(1, -1, 2)))
        np.add(at(near, slice(-1, None)), at(side, slice(-1, None)), out=at(doubled, slice(-1, None)))
        out = doubled
    return out


def _coarser(values: np.ndarray, factor: int) -> np.ndarray:
    """(B, H, W) averaged over ``factor`` × ``factor`` blocks."""
    if factor == 1:
        return values
    b, h, w = values.shape
    return (
        values[:, : h - h % factor, : w - w % factor]
        .reshape(b, h // factor, factor, w // factor, factor)
        .mean(axis=(2, 4))
    )


def _box_sum(values: np.ndarray, k: int, axis: int) -> np.ndarray:
    """Sums over windows of 2k + 1 along ``axis`` (zeros beyond the border)."""
    a = np.moveaxis(values, axis, -1)
    c = np.cumsum(np.pad(a, [(0, 0)] * (a.ndim - 1) + [(k + 1, k)]), axis=-1, dtype=np.float64)
    return np.moveaxis((c[..., 2 * k + 1 :] - c[..., : -(2 * k + 1)]).astype(np.float32), -1, axis)


def _blur(values: np.ndarray, k: int) -> np.ndarray:
    """Two box passes each way (a tent-like kernel reaching 2k px)."""
    for _ in range(2):
        values = _box_sum(_box_sum(values, k, -2), k, -1)
    return values


def _typical(dt: np.ndarray, level: np.ndarray) -> np.ndarray:
    """Per glyph, the median distance on level ridge (0 where there is none), shape (B, 1, 1)."""
    typical = _masked_median(dt, level, empty=0.0)
    return typical.astype(np.float32)[:, None, None]


def _masked_median(values: np.ndarray, mask: np.ndarray, empty: float) -> np.ndarray:
    """Per glyph (first axis), the median of ``values`` where ``mask`` holds, ``empty`` where it never
    does. (np.nanmedian warns on an all-NaN row, and silencing that with catch_warnings is not
    thread-safe: the app traces off the GUI thread.)"""
    flat_mask = mask.reshape(len(values), -1)
    out = np.full(len(values), empty, dtype=np.float64)
    some = flat_mask.any(axis=1)
    if some.any():
        rows = np.where(flat_mask[some], values.reshape(len(values), -1)[some], np.nan)
        out[some] = np.nanmedian(rows, axis=1)
    return out


def even_stroke_width(
    rasters: np.ndarray,
    threshold: float = 0.5,
    spread: float = 0.35,
    reach: float = 0.75,
    slack: float = 1.0,
    cap: float = 0.05,
) -> np.ndarray:
    """The glyphs of (B, S, S) uint8 anti-aliased rasters with even stroke width, same size.

    Each edge moves by the change (half width → the glyph's typical half width, at most
    ``spread`` of it) averaged along the stroke over about ``reach`` typical half widths;
    ink farther than ``slack`` px beyond the union of even-width discs along the ridge goes.
    """
    b, h, w = rasters.shape
    factor = _COARSE if h >= 128 else 1
    widest = max(4, h // factor // 12)  # px of the coarse grid: beyond any stroke's half width
    # Full-resolution work runs a few glyphs at a time (the same per-glyph arithmetic, with
    # temporaries that stay in cache instead of fresh megabytes for the kernel to map); the coarse
    # grids are worked on for the whole batch at once.
    chunks = [slice(i, i + _CHUNK) for i in range(0, b, _CHUNK)] or [slice(0, 0)]
    coarse = np.concatenate([_coarser(rasters[c].astype(np.float32) / 255.0, factor) for c in chunks])
    dt = distance_to_paper(coarse >= threshold, widest)
    ridge, level = medial_ridge(dt)
    level &= (dt > 1) & (dt < widest - 1)
    typical = _typical(dt, level)
    change = np.where(level, np.clip(typical - dt, -spread * typical, spread * typical), 0.0)
    # Averaged along the stroke and out to its edges: the blur reaches 2k, far enough to carry the
    # change out to a swollen stroke's edges. k is each glyph's own, so a glyph comes out the
    # same whichever glyphs it is evened with (the export's batches, the Review's one glyph).
    spans = np.maximum(1, np.ceil(reach * typical[:, 0, 0])).astype(int)
    shift = np.zeros(dt.shape, np.float32)
    for k in np.unique(spans):
        these = spans == k
        weight = _blur(level[these].astype(np.float32), int(k))
        total = _blur(change[these].astype(np.float32), int(k))
        shift[these] = np.where(weight > 1e-3, total / np.maximum(weight, 1e-3), 0.0)
    # The even width's own outline: discs of the evened radius on level ridge, of at most the
    # typical one where the ridge climbs into a join or falls towards a corner or a tip, none
    # where it has fallen below _TIP of it (so stroke ends and outer corners come out round).
    # Distances run to the nearest paper pixel's centre, half a pixel past the edge.
    radius = np.where(level, dt + shift, np.where(dt >= _TIP * typical, np.minimum(dt, typical), 0.0))
    radius = np.where(ridge & (dt > 0.5), np.minimum(radius, (1 + cap) * typical) - 0.5, 0.0)
    seeds = radius > 0
    # Each glyph's discs are searched within its own largest radius (plus 3 px), not the batch's,
    # so a glyph is cut the same alone (Review) as beside a bolder one (the export's batches).
    reach_of = np.ceil(radius.max(axis=(1, 2), initial=0.0)).astype(int) + 3
    power = np.empty(radius.shape, np.float32)
    for k in np.unique(reach_of):
        these = reach_of == k
        power[these] = squared_distance(seeds[these], int(k), offset=-(radius[these] ** 2))
    fit = np.where(seeds.any(axis=(1, 2))[:, None, None], -power / (2.0 * np.maximum(typical, 1.0)), _FAR)
    fit = np.clip(fit, -4.0 * typical - 4, 4.0 * typical + 4).astype(np.float32)
    fit = _blur(fit, 1) / np.float32(81.0)  # the ridge jitters by a pixel: smooth its discs' edge
    out = np.empty(rasters.shape, np.uint8)
    for c in chunks:
        out[c] = _moved_edges(rasters[c], shift[c], fit[c], factor, threshold, slack)
    return out


def _moved_edges(
    rasters: np.ndarray, shift: np.ndarray, fit: np.ndarray, factor: int, threshold: float, slack: float
) -> np.ndarray:
    """(B, S, S) uint8 rasters with every edge moved by ``shift`` and cut at ``fit`` + ``slack``
    (coarse-grid px, enlarged by ``factor``): the last, full-resolution step of :func:`even_stroke_width`."""
    f = rasters.astype(np.float32) / 255.0
    b, h, w = f.shape
    both = np.concatenate([shift, fit]).astype(np.float32) * factor
    if factor > 1:
        both = _doubled(both)[:, :h, :w]
    shift, fit = both[:b], both[b:]
    # Signed distance to the edge (px, + in ink) from the ramp: grey level over its slope.
    gy, gx = np.gradient(f, axis=(1, 2))
    slope = np.hypot(gy, gx)
    ramp = (f > _RAMP) & (f < 1 - _RAMP) & (slope > 0.05)
    far = np.float32(_FAR)
    typical_slope = _masked_median(slope, ramp, empty=1.0)
    with np.errstate(all="ignore"):
        signed = np.where(
            ramp, (f - threshold) / np.where(ramp, slope, 1.0), np.where(f >= threshold, far, -far)
        )
    gain = np.where(ramp, slope, typical_slope.astype(np.float32)[:, None, None])
    signed = np.minimum(signed + shift, fit + slack)
    return np.round(255.0 * np.clip(threshold + signed * gain, 0.0, 1.0)).astype(np.uint8)
