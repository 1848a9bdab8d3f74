"""Glyph rasters (uint8, 0 = paper, 255 = ink) as Qt images; called on the GUI thread only."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage


def raster_to_qimage(raster: np.ndarray, *, ink_is_255: bool = True) -> QImage:
    """A greyscale QImage, black ink on white; the image owns a copy of the pixels.

    ``ink_is_255`` says the array uses the package's raster convention (and is
    inverted for people); False takes an already black-on-white picture as is.
    """
    array = np.asarray(raster, dtype=np.uint8)
    if array.ndim != 2:
        raise ValueError(f"expected a 2-D raster, got shape {array.shape}")
    picture = np.ascontiguousarray(255 - array if ink_is_255 else array)
    height, width = picture.shape
    image = QImage(picture.data, width, height, picture.strides[0], QImage.Format.Format_Grayscale8)
    return image.copy()  # the QImage above only borrows numpy's buffer
