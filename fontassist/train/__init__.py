"""Training: the config, the event-yielding trainer, checkpoints, metrics and evaluation.

The trainer imports no Qt; the CLI and the desktop app drive the same
:class:`Trainer` by iterating its events (see :mod:`fontassist.train.events`).
"""

from . import events
from .checkpoint import Checkpoint, list_checkpoints, load_checkpoint
from .device import available_devices, resolve_device
from .evaluation import CompareResult, EvalResult, compare, evaluate
from .events import (
    CancelToken,
    CheckpointEvent,
    EvalEvent,
    FinishedEvent,
    PreviewEvent,
    StepEvent,
    TrainEvent,
)
from .similarity import glyph_metrics, mean_metrics
from .trainconfig import TrainConfig
from .trainer import Trainer

__all__ = [
    "CancelToken",
    "Checkpoint",
    "CheckpointEvent",
    "CompareResult",
    "EvalEvent",
    "EvalResult",
    "FinishedEvent",
    "PreviewEvent",
    "StepEvent",
    "TrainConfig",
    "TrainEvent",
    "Trainer",
    "available_devices",
    "compare",
    "evaluate",
    "events",
    "glyph_metrics",
    "list_checkpoints",
    "load_checkpoint",
    "mean_metrics",
    "resolve_device",
]
