"""Running a generator over many rasters in batches (evaluation, previews and generation)."""

from __future__ import annotations

import contextlib

import numpy as np
import torch

from ..data.dataset import from_model_range, to_model_range
from ..jobs import CancelToken, Progress, check_cancel, report


@torch.no_grad()
def predict(
    model: torch.nn.Module,
    images: np.ndarray,
    *,
    device: torch.device | str = "cpu",
    batch_size: int = 64,
    autocast: contextlib.AbstractContextManager | None = None,
    channels_last: bool = False,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    message: str = "Generating",
) -> np.ndarray:
    """``model`` (in eval mode) on uint8 rasters N×S×S → uint8 rasters N×S×S.

    ``progress(done, total, message)`` is called after each batch; a cancel raises
    JobCancelled before the next batch (:mod:`fontassist.jobs`).
    """
    device = torch.device(device)
    was_training = model.training
    model.eval()
    out = []
    done = 0
    try:
        for start in range(0, len(images), batch_size):
            check_cancel(cancel, f"{message} was cancelled.")
            x = to_model_range(images[start : start + batch_size]).to(device)
            if channels_last:
                x = x.contiguous(memory_format=torch.channels_last)
            with autocast if autocast is not None else contextlib.nullcontext():
                y = model(x)
            out.append(from_model_range(y))
            done += len(x)
            report(progress, done, len(images), message)
    finally:
        model.train(was_training)
    if not out:
        size = images.shape[-1] if np.ndim(images) == 3 else 0
        return np.zeros((0, size, size), np.uint8)
    return np.concatenate(out)
