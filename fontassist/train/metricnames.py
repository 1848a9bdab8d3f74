"""The names, labels and directions of the glyph similarity metrics, defined once (no torch here).

The CLI, the trainer's reports and the app's tables and charts all label the
metrics from :data:`METRIC_LABELS`; :mod:`fontassist.train.similarity` computes them.
"""

from __future__ import annotations

METRIC_NAMES = ("l1", "ssim", "iou")
METRIC_LABELS = {"l1": "L1", "ssim": "SSIM", "iou": "IoU"}
HIGHER_IS_BETTER = {"l1": False, "ssim": True, "iou": True}


def metric_label(name: str, *, direction: bool = False) -> str:
    """``SSIM``, or with ``direction`` ``SSIM ↑`` (an arrow that says which way is better)."""
    label = METRIC_LABELS[name]
    return f"{label} {'↑' if HIGHER_IS_BETTER[name] else '↓'}" if direction else label
