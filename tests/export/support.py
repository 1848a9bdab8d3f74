"""Constants and helpers shared by the export tests."""

from __future__ import annotations

import numpy as np

from fontassist import resources

# Taiwanese common characters Zen Maru Gothic lacks and Noto Sans TC has.
MISSING_IN_ZEN = "丟丫乒乓乩"
# CJK Extension B, beyond the BMP.
BEYOND_BMP = "\U00020021"


def iou(a: np.ndarray, b: np.ndarray) -> float:
    """Intersection over union of two coverage rasters (uint8, ink = 255), at half coverage."""
    a, b = a > 127, b > 127
    union = np.logical_or(a, b).sum()
    return float(np.logical_and(a, b).sum() / union) if union else 1.0


def charset(name: str) -> list[str]:
    """A bundled charset list, one character per line."""
    text = (resources.CHARSETS / name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]
