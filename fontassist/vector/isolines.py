"""Sub-pixel boundary polygons of an anti-aliased raster (marching squares).

The 50 % coverage level of an anti-aliased glyph sits where the outline is, to a
fraction of a pixel: interpolating the grey level linearly between pixel
centres recovers straight edges exactly and curved ones closely, which
thresholding throws away. Every boundary comes back as one closed polygon in
continuous pixel coordinates (y-down, pixel ``[r, c]`` centred on
``(c + 0.5, r + 0.5)``), walked with the ink on its right as seen on screen, so
outer boundaries run clockwise on screen and holes counter-clockwise. Polygons
never cross or touch each other: saddle cells are resolved by the cell's mean
grey level.
"""

from __future__ import annotations

import numpy as np

# Cell corners in cell coordinates (y-down) and the edges between them. A cell's
# corners are four neighbouring pixel centres; edge k joins corners k and k+1.
_CORNERS = np.array([(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)])  # TL, TR, BR, BL
_EDGE_MID = (_CORNERS + np.roll(_CORNERS, -1, axis=0)) / 2.0  # T, R, B, L


def _oriented(e1: int, e2: int, side_corner: int, ink_on_corner_side: bool) -> tuple[int, int]:
    """Order edges (e1, e2) so the ink lies to the right of the segment as seen on screen."""
    d = _EDGE_MID[e2] - _EDGE_MID[e1]
    right = np.array([-d[1], d[0]])  # y-down: the screen's right of direction (dx, dy)
    on_right = float(np.dot(_CORNERS[side_corner] - _EDGE_MID[e1], right)) > 0
    return (e1, e2) if on_right == ink_on_corner_side else (e2, e1)


def _segment_table() -> np.ndarray:
    """For each of the 32 (case, centre inside) cells, up to two oriented segments as edge pairs (-1: none)."""
    table = np.full((32, 2, 2), -1, dtype=np.int64)
    for case in range(16):
        inside = [(case >> k) & 1 == 1 for k in range(4)]
        crossed = [k for k in range(4) if inside[k] != inside[(k + 1) % 4]]
        for centre_inside in (False, True):
            row = table[case * 2 + centre_inside]
            if len(crossed) == 2:
                e1, e2 = crossed
                ink_corner = inside.index(True)
                row[0] = _oriented(e1, e2, ink_corner, True)
            elif len(crossed) == 4:
                # A saddle: cut off the two corners that differ from the centre.
                cut = [k for k in range(4) if inside[k] != centre_inside]
                for n, corner in enumerate(cut):
                    e1, e2 = (corner - 1) % 4, corner  # the two edges meeting at this corner
                    row[n] = _oriented(e1, e2, corner, inside[corner])
    return table


_TABLE = _segment_table()


def boundary_polygons(rasters: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Closed boundary polygons of ``rasters > level`` for a stack of rasters (B, H, W).

    Returns their points (N, 2) in each raster's own pixel (x, y), polygon after
    polygon, each in walking order; the number of points of each polygon; and
    the raster each belongs to (non-decreasing). The rasters are traced as one
    tall image with blank rows between them, so a batch costs about as many
    numpy calls as a single raster.
    """
    n_rasters, h, w = rasters.shape
    pitch, row = h + 2, w + 2
    grey = np.zeros((n_rasters, pitch, row), np.uint8)
    grey[:, 1:-1, 1:-1] = rasters
    grey = grey.ravel()  # flat: pixel (i, j) of the tall image is i * row + j
    inside = grey > level

    # Crossed grid edges, each named by the flat index of its first pixel: horizontal edges join
    # p and p + 1 (row ends never cross: both sides are blank padding), vertical ones p and p + row.
    h_cross = np.zeros(len(grey), bool)
    h_cross[:-1] = inside[:-1] != inside[1:]
    v_cross = np.zeros(len(grey), bool)
    v_cross[:-row] = inside[:-row] != inside[row:]
    hf = np.flatnonzero(h_cross)
    vf = np.flatnonzero(v_cross)
    n_h, n_v = len(hf), len(vf)
    if n_h == 0:
        return np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0, np.int64)
    points = np.empty((n_h + n_v, 2))
    hy, hx = np.divmod(hf, row)
    a0 = grey[hf].astype(float)
    points[:n_h, 0] = hx - 0.5 + (level - a0) / (grey[hf + 1] - a0)
    points[:n_h, 1] = hy - 0.5
    vy, vx = np.divmod(vf, row)
    b0 = grey[vf].astype(float)
    points[n_h:, 0] = vx - 0.5
    points[n_h:, 1] = vy - 0.5 + (level - b0) / (grey[vf + row] - b0)

    # A cell, named by its top-left pixel p (corners p, p+1, p+row+1, p+row), holds boundary
    # where one of its four edges is crossed.
    span = len(grey) - row - 1
    cf = np.flatnonzero(h_cross[:span] | h_cross[row : row + span] | v_cross[:span] | v_cross[1 : 1 + span])
    tl, tr, br, bl = cf, cf + 1, cf + row + 1, cf + row
    case = (
        inside[tl].astype(np.int64)
        | (inside[tr].astype(np.int64) << 1)
        | (inside[br].astype(np.int64) << 2)
        | (inside[bl].astype(np.int64) << 3)
    )
    centre = (grey[tl].astype(np.int64) + grey[tr] + grey[br] + grey[bl]) > 4.0 * level
    segments = _TABLE[case * 2 + centre]  # (cells, 2, 2)
    # Crossing ids of the cell's top, right, bottom and left edges (meaningful where crossed).
    edge_ids = np.stack(
        [
            np.searchsorted(hf, tl),
            n_h + np.searchsorted(vf, tr),
            np.searchsorted(hf, bl),
            n_h + np.searchsorted(vf, tl),
        ],
        axis=1,
    )
    seg = segments.reshape(-1, 2)
    used = seg[:, 0] >= 0
    cell = np.repeat(np.arange(len(cf)), 2)[used]
    following = np.empty(n_h + n_v, np.int64)
    following[edge_ids[cell, seg[used, 0]]] = edge_ids[cell, seg[used, 1]]
    order, counts = _cycles(following, n_h)
    points = points[order]
    # Every polygon crosses a horizontal edge and walks start at the lowest id, a horizontal
    # crossing numbered in row order: polygons come out raster by raster.
    raster = hy[order[np.cumsum(counts) - counts]] // pitch
    points[:, 1] -= np.repeat(raster, counts) * pitch
    return points, counts, raster


def _cycles(following: np.ndarray, n_starts: int) -> tuple[np.ndarray, np.ndarray]:
    """The cycles of a permutation in which every cycle holds an index below ``n_starts``:
    all indices, cycle after cycle in walking order from the cycle's lowest index, and cycle lengths."""
    nxt = following.tolist()
    seen = bytearray(len(nxt))
    order: list[int] = []
    append = order.append
    counts: list[int] = []
    for first in range(n_starts):
        if seen[first]:
            continue
        begin = len(order)
        j = first
        while True:
            seen[j] = 1
            append(j)
            j = nxt[j]
            if j == first:
                break
        counts.append(len(order) - begin)
    return np.array(order, np.int64), np.array(counts, np.int64)
