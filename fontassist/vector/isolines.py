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

import logging

import numpy as np

log = logging.getLogger(__name__)

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


def boundary_polygons(raster: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Closed boundary polygons of ``raster > level``: their points (N, 2) in pixel (x, y),
    polygon after polygon, each in walking order, and the number of points of each."""
    h, w = raster.shape
    grey = np.zeros((h + 2, w + 2), np.float32)
    grey[1:-1, 1:-1] = raster
    inside = grey > level

    # Crossings on horizontal grid edges (between [i, j] and [i, j+1]) and vertical ones.
    h_cross = inside[:, :-1] != inside[:, 1:]
    v_cross = inside[:-1, :] != inside[1:, :]
    hi, hj = np.nonzero(h_cross)
    vi, vj = np.nonzero(v_cross)
    n_h, n_v = len(hi), len(vi)
    if n_h + n_v == 0:
        return np.zeros((0, 2)), np.zeros(0, np.int64)
    points = np.empty((n_h + n_v, 2))
    a0 = grey[hi, hj]
    points[:n_h, 0] = hj - 0.5 + (level - a0) / (grey[hi, hj + 1] - a0)
    points[:n_h, 1] = hi - 0.5
    b0 = grey[vi, vj]
    points[n_h:, 0] = vj - 0.5
    points[n_h:, 1] = vi - 0.5 + (level - b0) / (grey[vi + 1, vj] - b0)

    h_id = np.full(h_cross.shape, -1, np.int64)
    h_id[hi, hj] = np.arange(n_h)
    v_id = np.full(v_cross.shape, -1, np.int64)
    v_id[vi, vj] = np.arange(n_h, n_h + n_v)

    case = inside[:-1, :-1] | (inside[:-1, 1:] << 1) | (inside[1:, 1:] << 2) | (inside[1:, :-1] << 3)
    ci, cj = np.nonzero((case != 0) & (case != 15))
    centre = (grey[ci, cj] + grey[ci, cj + 1] + grey[ci + 1, cj + 1] + grey[ci + 1, cj]) > 4.0 * level
    segments = _TABLE[case[ci, cj].astype(np.int64) * 2 + centre]  # (cells, 2, 2)
    edge_ids = np.stack([h_id[ci, cj], v_id[ci, cj + 1], h_id[ci + 1, cj], v_id[ci, cj]], axis=1)
    seg = segments.reshape(-1, 2)
    used = seg[:, 0] >= 0
    cell = np.repeat(np.arange(len(ci)), 2)[used]
    following = np.empty(n_h + n_v, np.int64)
    following[edge_ids[cell, seg[used, 0]]] = edge_ids[cell, seg[used, 1]]
    order, counts = _cycles(following)
    return points[order], counts


def _cycles(following: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The cycles of a permutation: all indices, cycle after cycle in walking order, and cycle lengths."""
    nxt = following.tolist()
    seen = bytearray(len(nxt))
    order: list[int] = []
    counts: list[int] = []
    for first in range(len(nxt)):
        if seen[first]:
            continue
        begin = len(order)
        j = first
        while not seen[j]:
            seen[j] = 1
            order.append(j)
            j = nxt[j]
        counts.append(len(order) - begin)
    return np.array(order, np.int64), np.array(counts, np.int64)
