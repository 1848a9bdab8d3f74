"""What a training run reports while it runs.

A :class:`~fontassist.train.Trainer` is iterated; each item is one of these
events. Front ends (the CLI's progress bar, the app's worker) only read them,
so the engine never needs to know who is listening. Pausing is the caller not
asking for the next event; stopping is the job protocol's cancel token
(:mod:`fontassist.jobs`), after which the iteration raises JobCancelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

FINISH_REASONS = ("completed", "nan", "oom", "error")  # a cancelled run raises JobCancelled instead


@dataclass(frozen=True)
class PreparingEvent:
    """Work before the first step that takes a while (training the paired upscaler): ``done`` of ``total``."""

    message: str
    done: int
    total: int


@dataclass(frozen=True)
class StepEvent:
    """One optimisation step done. ``step`` counts from 1; ``losses`` by name (e.g. "l1", "g_adv", "d")."""

    step: int
    total_steps: int
    losses: dict[str, float]
    images_per_s: float
    eta_s: float
    lr: float = 0.0


@dataclass(frozen=True)
class EvalEvent:
    """Mean metrics on the validation glyphs, with the identity baseline (source vs target) beside them."""

    step: int
    metrics: dict[str, float]
    baseline: dict[str, float]


@dataclass(frozen=True)
class PreviewEvent:
    """A grid of fixed validation glyphs: rows source | generated | target, black ink on white."""

    step: int
    grid: np.ndarray = field(repr=False)
    chars: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CheckpointEvent:
    step: int
    path: Path


@dataclass(frozen=True)
class FinishedEvent:
    """The run ended. ``reason`` is one of FINISH_REASONS; ``checkpoint`` is the newest good one, if any."""

    step: int
    reason: str
    message: str
    checkpoint: Path | None = None


TrainEvent = PreparingEvent | StepEvent | EvalEvent | PreviewEvent | CheckpointEvent | FinishedEvent
