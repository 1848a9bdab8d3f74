"""Training: the config, the event-yielding trainer, checkpoints, metrics and evaluation.

The trainer imports no Qt; the CLI and the desktop app drive the same
:class:`Trainer` by iterating its events (see :mod:`fontassist.train.events`).

Only :class:`TrainConfig` is imported eagerly (it needs no torch, so the command
line can read its defaults and help texts quickly); the rest on first use.
"""

from __future__ import annotations

import importlib

from ..jobs import CancelToken, JobCancelled
from .trainconfig import TrainConfig

# Public name -> the submodule that defines it (imported when first asked for; they bring torch).
_LAZY = {
    "Checkpoint": "checkpoint",
    "list_checkpoints": "checkpoint",
    "load_checkpoint": "checkpoint",
    "available_devices": "device",
    "resolve_device": "device",
    "CompareResult": "evaluation",
    "EvalResult": "evaluation",
    "compare": "evaluation",
    "evaluate": "evaluation",
    "CheckpointEvent": "events",
    "EvalEvent": "events",
    "FinishedEvent": "events",
    "PreviewEvent": "events",
    "StepEvent": "events",
    "PreparingEvent": "events",
    "TrainEvent": "events",
    "glyph_metrics": "similarity",
    "mean_metrics": "similarity",
    "Trainer": "trainer",
}

__all__ = ["CancelToken", "JobCancelled", "TrainConfig", "events", *_LAZY]


def __getattr__(name: str):
    if name == "events":
        return importlib.import_module(f"{__name__}.events")
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = value
    return value
