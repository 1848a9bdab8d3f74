"""Corners of boundary polygons: where they are, and where the sharp point really was.

A corner is where the boundary turns sharply within a short stretch: the angle
between the chords to the points ``window`` px behind and ahead is large, and
it is most of the turn seen over twice the window (a tight curve keeps
turning, so over twice the window it shows about twice the turn). The
50 % level line of an anti-aliased raster rounds every corner off over about
a pixel, so the corner point itself is put where the two arms, measured a
little away from the corner, meet when extended.
"""

from __future__ import annotations

import numpy as np

from .boundaries import Boundaries, ring_gaps


def _turn(
    b: Boundaries, contour: np.ndarray, arc: np.ndarray, reach: np.ndarray, here: np.ndarray
) -> np.ndarray:
    """Unsigned angle between the chords from ``arc - reach`` to ``here`` (at ``arc``) and on to ``arc + reach``."""
    back = here - b.position(contour, arc - reach)
    ahead = b.position(contour, arc + reach) - here
    cross = back[:, 0] * ahead[:, 1] - back[:, 1] * ahead[:, 0]
    dot = np.einsum("ij,ij->i", back, ahead)
    return np.abs(np.arctan2(cross, dot))


def _cyclic_neighbour(b: Boundaries, index: np.ndarray, shift: int) -> np.ndarray:
    c = b.contour[index]
    return b.start[c] + np.mod(index - b.start[c] + shift, b.count[c])


def find_corners(
    b: Boundaries, window: float, min_angle: float, sharpness: float
) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the boundary points that are corners, in order along each contour, and the
    turn (radians within ± window) at every boundary point."""
    n = len(b.points)
    reach = np.minimum(window, b.length / 8.0)[b.contour]
    turn = _turn(b, b.contour, b.arc, reach, b.points)
    index = np.nonzero(turn > min_angle)[0]
    if len(index) == 0:
        return index, turn
    # Keep only the strongest point of each corner: a local maximum over about ± window.
    score = turn + np.arange(n) * 1e-12  # breaks ties between equal turns
    keep = np.ones(len(index), bool)
    for shift in (1, 2, 3, -1, -2, -3):
        keep &= score[index] >= score[_cyclic_neighbour(b, index, shift)]
    index = index[keep]
    # A corner has made its whole turn within the window; a tight curve keeps turning beyond it.
    wide = _turn(
        b,
        b.contour[index],
        b.arc[index],
        np.minimum(2.0 * window, b.length[b.contour[index]] / 6.0),
        b.points[index],
    )
    index = index[turn[index] >= sharpness * wide]
    return _thin(b, index, score, window), turn


def _thin(b: Boundaries, index: np.ndarray, score: np.ndarray, spacing: float) -> np.ndarray:
    """Drop the weaker of two corners closer than ``spacing`` along their contour."""
    if len(index) < 2:
        return index
    contour = b.contour[index]
    nxt = np.roll(np.arange(len(index)), -1)
    same = contour[nxt] == contour
    gap = np.mod(b.arc[index[nxt]] - b.arc[index], b.length[contour])
    close = same & (gap < spacing) & (nxt != np.arange(len(index)))
    weaker = np.where(score[index] < score[index[nxt]], np.arange(len(index)), nxt)
    drop = np.zeros(len(index), bool)
    drop[weaker[close]] = True
    return index[~drop]


def corner_points(
    b: Boundaries, corners: np.ndarray, arm: float, skip: float, max_shift: float
) -> np.ndarray:
    """The sharp point of each corner: where its two arms, extended, meet (pixel x, y)."""
    if len(corners) == 0:
        return np.zeros((0, 2))
    contour = b.contour[corners]
    arc = b.arc[corners]
    here = b.points[corners]
    _, gap_ahead, gap_behind = ring_gaps(b.length, contour, arc)
    reach_ahead = np.minimum(arm, 0.45 * gap_ahead)
    reach_behind = np.minimum(arm, 0.45 * gap_behind)
    skip_ahead = np.minimum(skip, 0.4 * reach_ahead)
    skip_behind = np.minimum(skip, 0.4 * reach_behind)
    a1 = b.position(contour, arc - reach_behind)
    a2 = b.position(contour, arc - skip_behind)
    b1 = b.position(contour, arc + skip_ahead)
    b2 = b.position(contour, arc + reach_ahead)
    d1, d2 = a2 - a1, b2 - b1
    denom = d1[:, 0] * d2[:, 1] - d1[:, 1] * d2[:, 0]
    w = b1 - a2
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (w[:, 0] * d2[:, 1] - w[:, 1] * d2[:, 0]) / denom
        meet = a2 + t[:, None] * d1
    sine = np.abs(denom) / np.maximum(np.hypot(*d1.T) * np.hypot(*d2.T), 1e-12)
    good = (sine > 0.2) & np.isfinite(t) & (t > -0.25) & (np.hypot(*(meet - here).T) < max_shift)
    return np.where(good[:, None], meet, here)
