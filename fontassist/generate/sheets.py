"""Contact sheets for reviewing generated glyphs: black on white, doubtful ones framed in red."""

from __future__ import annotations

import math

import numpy as np

_GAP = 3
_GRID = (200, 200, 200)
_FLAG = (230, 40, 40)


def review_sheet(
    images: np.ndarray, flagged: list[bool], source: np.ndarray | None = None, columns: int = 32
) -> np.ndarray:
    """An RGB uint8 sheet of the rasters (0 paper, 255 ink) in rows of ``columns``.

    With ``source``, each cell shows the source glyph above the generated one.
    Cells of flagged glyphs get a red frame instead of the grey one.
    """
    images = np.asarray(images, dtype=np.uint8)
    n = len(images)
    if n == 0:
        return np.full((1, 1, 3), 255, np.uint8)
    size = images.shape[-1]
    cell_h = size * (2 if source is not None else 1)
    columns = max(1, min(columns, n))
    rows = math.ceil(n / columns)
    sheet = np.empty((rows * (cell_h + _GAP) + _GAP, columns * (size + _GAP) + _GAP, 3), np.uint8)
    sheet[:] = _GRID
    for i in range(n):
        r, c = divmod(i, columns)
        y, x = _GAP + r * (cell_h + _GAP), _GAP + c * (size + _GAP)
        if flagged[i]:
            sheet[y - _GAP : y + cell_h + _GAP, x - _GAP : x + size + _GAP] = _FLAG
        cell = images[i] if source is None else np.concatenate([source[i], images[i]])
        sheet[y : y + cell_h, x : x + size] = (255 - cell)[..., None]
    return sheet
