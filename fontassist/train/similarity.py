"""Glyph similarity: L1, SSIM and IoU of binarised glyphs, per glyph and on average.

All three take uint8 rasters (0 paper, 255 ink), so a model's output and the
identity baseline (source glyph vs target glyph) are measured the same way and
every figure can stand next to its floor.

- ``l1``: mean absolute difference, in [0, 1] (lower is better).
- ``ssim``: structural similarity with an 11-pixel Gaussian window (σ 1.5), the
  usual constants, averaged over the valid region (higher is better).
- ``iou``: intersection over union of the pixels with at least 50 % ink; two
  blank glyphs count as identical (higher is better).
"""

from __future__ import annotations

import numpy as np
import torch
from torch.nn import functional as F

from .metricnames import METRIC_LABELS, METRIC_NAMES

INK_THRESHOLD = 128  # 50 % coverage of 255

_SSIM_WINDOW = 11
_SSIM_SIGMA = 1.5
_C1 = 0.01**2
_C2 = 0.03**2
_CHUNK = 256


def _as_batch(images: np.ndarray) -> np.ndarray:
    images = np.asarray(images)
    if images.dtype != np.uint8:
        raise TypeError(f"glyph metrics take uint8 rasters, not {images.dtype}")
    return images[None] if images.ndim == 2 else images


def _ink(images: np.ndarray) -> np.ndarray:
    images = np.asarray(images)
    return images if images.dtype == bool else _as_batch(images) >= INK_THRESHOLD


def iou(pred: np.ndarray, target: np.ndarray) -> np.ndarray | float:
    """IoU of the inked pixels: per glyph for batches (N×S×S), a float for one pair of S×S rasters.

    uint8 rasters are binarised at 50 % ink; bool masks (True = ink) are taken as they are.
    """
    single = np.ndim(pred) == 2 and np.ndim(target) == 2
    a, b = _ink(pred), _ink(target)
    a, b = (a[None] if a.ndim == 2 else a), (b[None] if b.ndim == 2 else b)
    inter = (a & b).sum(axis=(1, 2))
    union = (a | b).sum(axis=(1, 2))
    result = np.where(union > 0, inter / np.maximum(union, 1), 1.0)
    return float(result[0]) if single else result


def l1(pred: np.ndarray, target: np.ndarray) -> np.ndarray:
    a = _as_batch(pred).astype(np.float32)
    b = _as_batch(target).astype(np.float32)
    return np.abs(a - b).mean(axis=(1, 2)) / 255.0


def _gaussian_window(size: int) -> torch.Tensor:
    radius = min(_SSIM_WINDOW, size) // 2
    x = torch.arange(-radius, radius + 1, dtype=torch.float64)
    g = torch.exp(-(x**2) / (2 * _SSIM_SIGMA**2))
    return g / g.sum()


def ssim(pred: np.ndarray, target: np.ndarray) -> np.ndarray:
    a = _as_batch(pred)
    b = _as_batch(target)
    g = _gaussian_window(a.shape[-1])
    kx = g.view(1, 1, 1, -1)
    ky = g.view(1, 1, -1, 1)

    def blur(x: torch.Tensor) -> torch.Tensor:
        return F.conv2d(F.conv2d(x, kx), ky)

    out = []
    for start in range(0, len(a), _CHUNK):
        x = torch.from_numpy(a[start : start + _CHUNK].astype(np.float64) / 255.0)[:, None]
        y = torch.from_numpy(b[start : start + _CHUNK].astype(np.float64) / 255.0)[:, None]
        mx, my = blur(x), blur(y)
        vx = blur(x * x) - mx * mx
        vy = blur(y * y) - my * my
        cov = blur(x * y) - mx * my
        s = ((2 * mx * my + _C1) * (2 * cov + _C2)) / ((mx * mx + my * my + _C1) * (vx + vy + _C2))
        out.append(s.mean(dim=(1, 2, 3)).numpy())
    return np.concatenate(out) if out else np.zeros(0)


def glyph_metrics(pred: np.ndarray, target: np.ndarray) -> dict[str, np.ndarray]:
    """Per-glyph ``l1``, ``ssim`` and ``iou`` of two equally shaped uint8 batches (N×S×S or S×S)."""
    pred, target = _as_batch(pred), _as_batch(target)
    if pred.shape != target.shape:
        raise ValueError(f"glyph metrics need equal shapes, not {pred.shape} and {target.shape}")
    return {"l1": l1(pred, target), "ssim": ssim(pred, target), "iou": iou(pred, target)}


def mean_metrics(per_glyph: dict[str, np.ndarray]) -> dict[str, float]:
    """The average of each per-glyph metric (NaN-free: an empty set averages to NaN only if empty)."""
    return {
        name: float(np.mean(values)) if len(values) else float("nan") for name, values in per_glyph.items()
    }


def format_metrics(metrics: dict[str, float], baseline: dict[str, float] | None = None) -> str:
    """``L1 0.081 SSIM 0.712 IoU 0.734`` with the baseline in brackets when given."""
    parts = []
    for name in METRIC_NAMES:
        if name not in metrics:
            continue
        text = f"{METRIC_LABELS[name]} {metrics[name]:.3f}"
        if baseline and name in baseline:
            text += f" (baseline {baseline[name]:.3f})"
        parts.append(text)
    return "  ".join(parts)
