"""The normalization A/B comparison as plain data (no Qt): ordering by difference, and "train both".

The metrics themselves are the core's: the A/B view shows a
:class:`fontassist.train.CompareResult` from :func:`fontassist.train.compare`,
the same call ``fontassist compare`` makes, so the two always agree.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

NORMS = {"batch": "BatchNorm", "instance": "InstanceNorm", "none": "no normalization"}


def difference_order(result, metric: str) -> np.ndarray:
    """Glyph indices of a CompareResult, where A and B differ most on ``metric`` first (ties in character order)."""
    diff = np.abs(
        np.asarray(result.a.per_glyph[metric], float) - np.asarray(result.b.per_glyph[metric], float)
    )
    return np.argsort(-diff, kind="stable")


def per_glyph_rows(result, metric: str) -> list[dict]:
    """One row per glyph, in :func:`difference_order`: char, A, B, baseline and |A − B| on ``metric``."""
    a, b, base = result.a.per_glyph[metric], result.b.per_glyph[metric], result.a.baseline_per_glyph[metric]
    return [
        {
            "index": int(i),
            "char": result.chars[i],
            "a": float(a[i]),
            "b": float(b[i]),
            "baseline": float(base[i]),
            "difference": abs(float(a[i]) - float(b[i])),
        }
        for i in difference_order(result, metric)
    ]


@dataclass(frozen=True)
class RunStarting:
    """Marks the start of one run of a queue (yielded before its trainer's events)."""

    index: int
    label: str
    run_dir: Path
    total_steps: int


def norm_variants(config, norms: tuple[str, ...] = ("batch", "instance")) -> list[tuple[str, object]]:
    """``config`` once per normalization, nothing else changed (same seed, data and settings)."""
    return [
        (norm, dataclasses.replace(config, model=dataclasses.replace(config.model, norm=norm)))
        for norm in norms
    ]


def ab_run_dirs(
    runs_folder: Path, norms: tuple[str, ...] = ("batch", "instance"), stamp: str | None = None
) -> list[Path]:
    """Fresh run folders for a train-both queue: ``ab-<time>-batch``, ``ab-<time>-instance``."""
    stamp = stamp or datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    base, n = f"ab-{stamp}", 1
    while any((runs_folder / f"{base}-{norm}").exists() for norm in norms):
        n += 1
        base = f"ab-{stamp}-{n}"
    return [runs_folder / f"{base}-{norm}" for norm in norms]


def train_queue(queue: list[tuple[str, object, Path]], cancel) -> Iterator[object]:
    """Train each (label, config, run_dir) in turn, yielding a :class:`RunStarting` then the trainer's events.

    A cancel stops the run in progress (it saves a checkpoint) and starts no other.
    """
    from ...train import Trainer

    for index, (label, config, run_dir) in enumerate(queue):
        cancel.check("Training was stopped before the next run.")
        yield RunStarting(index, label, Path(run_dir), int(config.steps or 0))
        yield from Trainer(config, run_dir, cancel=cancel)
