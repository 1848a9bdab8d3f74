"""Checkpoint files: written atomically, read with ``weights_only=True``, checked before use.

A training checkpoint holds the :class:`TrainConfig` (as a plain dict, with the
model's config inside), the step, generator and discriminator weights,
optimiser and loss-scaler state, every RNG state (torch, CUDA, numpy, Python
and the batch stream's), and facts about the data (em frames, font hashes,
validation characters), and optionally the generator's weight average
(``generator_ema``) and a paired upscaler. An inference checkpoint (``pack_for_inference``) keeps
only what generation needs, optionally with fp16 weights.

Loading never unpickles code: ``torch.load(weights_only=True)`` refuses any
object other than tensors and plain containers, and everything that can go
wrong with a file becomes a FontAssistError that names it.
"""

from __future__ import annotations

import logging
import os
import pickle
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from .. import __version__
from ..errors import FontAssistError
from ..fonts.emframe import EmFrame
from ..model import UNetGenerator, load_generator_state
from ..safeio import atomic_write, write_error
from .trainconfig import TrainConfig

log = logging.getLogger(__name__)

FORMAT = "fontassist-checkpoint"
VERSION = 1
LAST = "last.pt"
BEST = "best.pt"  # the checkpoint with the highest validation IoU; never picked as "the newest"
_PERIODIC = re.compile(r"^step-(\d{6,})\.pt$")


def periodic_name(step: int) -> str:
    return f"step-{step:06d}.pt"


@dataclass
class Checkpoint:
    """A loaded checkpoint. ``training`` is False for inference-only files (no optimiser, no discriminator)."""

    path: Path
    config: TrainConfig
    step: int
    generator_state: dict[str, torch.Tensor] = field(repr=False)
    generator_ema_state: dict[str, torch.Tensor] | None = field(default=None, repr=False)
    discriminator_state: dict[str, torch.Tensor] | None = field(default=None, repr=False)
    optimizer_g: dict | None = field(default=None, repr=False)
    optimizer_d: dict | None = field(default=None, repr=False)
    scaler: dict | None = field(default=None, repr=False)
    rng: dict | None = field(default=None, repr=False)
    data: dict = field(default_factory=dict, repr=False)
    metrics: dict | None = None
    best: dict | None = None
    upscaler: dict | None = field(default=None, repr=False)
    fontassist_version: str = ""

    @property
    def training(self) -> bool:
        return self.optimizer_g is not None

    @property
    def has_average(self) -> bool:
        return self.generator_ema_state is not None

    def build_generator(self, device: torch.device | str = "cpu", *, average: bool = True) -> UNetGenerator:
        """The generator rebuilt from this checkpoint's own model config, weights in float32, eval mode.

        ``average``: the weight average (EMA) when the checkpoint has one, else the trained weights.
        """
        chosen = self.generator_ema_state if average and self.has_average else self.generator_state
        state = {k: v.float() if v.is_floating_point() else v for k, v in chosen.items()}
        model = load_generator_state(self.config.model, state, path=self.path)
        return model.to(device).eval()

    @property
    def validation_chars(self) -> list[str]:
        return list(self.data.get("val_chars", ""))


def save_checkpoint(path: str | os.PathLike, payload: Mapping[str, Any]) -> Path:
    """Write ``payload`` to ``path`` atomically: a crash mid-write leaves the previous file as it was."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise write_error(path.parent, e) from None
    with atomic_write(path) as f:
        torch.save(dict(payload), f)
    return path


def training_payload(config: TrainConfig, step: int, **parts: Any) -> dict[str, Any]:
    """The dict a training checkpoint stores; ``parts`` are generator, discriminator, optimizer_g, ... ."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "kind": "training",
        "fontassist_version": __version__,
        "config": config.to_dict(),
        "step": int(step),
        **parts,
    }


def pack_for_inference(checkpoint: Checkpoint, *, half: bool = True) -> dict[str, Any]:
    """A small payload with only what generation needs (fp16 weights when ``half``).

    The generator's weights are its average (EMA) when the checkpoint keeps one; a paired upscaler
    goes along.
    """
    chosen = checkpoint.generator_ema_state if checkpoint.has_average else checkpoint.generator_state
    state = {k: (v.half() if half and v.is_floating_point() else v).clone() for k, v in chosen.items()}
    return {
        "format": FORMAT,
        "version": VERSION,
        "kind": "inference",
        "fontassist_version": __version__,
        "config": checkpoint.config.to_dict(),
        "step": checkpoint.step,
        "generator": state,
        "data": dict(checkpoint.data),
        "metrics": checkpoint.metrics,
        "best": checkpoint.best,
        "upscaler": checkpoint.upscaler,
    }


def _read(path: Path, map_location) -> Any:
    try:
        return torch.load(path, map_location=map_location, weights_only=True)
    except FileNotFoundError:
        raise FontAssistError("checkpoint file not found.", path=path, hint="Check the path.") from None
    except IsADirectoryError:
        raise FontAssistError("is a folder without a checkpoint.", path=path) from None
    except PermissionError:
        raise FontAssistError("cannot be read (permission denied).", path=path) from None
    except pickle.UnpicklingError as e:
        # A class or function the weights-only unpickler will not import: "... GLOBAL ..." in torch 2.13,
        # "Unsupported class ..." in torch 2.3.
        if "GLOBAL" in str(e) or "Unsupported class" in str(e):
            raise FontAssistError(
                "holds Python objects or code, not just weights, so fontassist refuses to load it "
                "(loading it could run arbitrary code).",
                path=path,
                hint="Use checkpoints written by fontassist; never load a .pt file from an untrusted source.",
            ) from None
        raise FontAssistError(
            "is not a fontassist checkpoint (not a torch weights file).",
            path=path,
            hint="Choose a .pt file from a fontassist run folder.",
        ) from None
    except (EOFError, RuntimeError, zipfile.BadZipFile, ValueError, OSError) as e:
        log.debug("cannot read %s", path, exc_info=e)
        raise FontAssistError(
            "is damaged or truncated and cannot be read.",
            path=path,
            hint="Use another checkpoint of the run (step-NNNNNN.pt) or train again.",
        ) from None


def resolve_checkpoint_path(path_or_run_dir: str | os.PathLike) -> Path:
    """A checkpoint file, or the newest one of a run folder (``last.pt``, else the highest step)."""
    path = Path(path_or_run_dir)
    if not path.is_dir():
        if not path.exists():
            raise FontAssistError("no such checkpoint file or run folder.", path=path, hint="Check the path.")
        return path
    candidates = list_checkpoints(path)
    if not candidates:
        raise FontAssistError(
            "holds no checkpoint (no last.pt or step-NNNNNN.pt).",
            path=path,
            hint="Train first, or give the path of a .pt file.",
        )
    return candidates[-1]


def load_checkpoint(
    path_or_run_dir: str | os.PathLike, map_location: str | torch.device = "cpu"
) -> Checkpoint:
    """Read and check a checkpoint file (or a run folder's newest one)."""
    path = resolve_checkpoint_path(path_or_run_dir)
    raw = _read(path, map_location)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise FontAssistError(
            "is a torch file but not a fontassist checkpoint.",
            path=path,
            hint="Choose a .pt file from a fontassist run folder.",
        )
    if not isinstance(raw.get("version", 0), int) or raw.get("version", 0) > VERSION:
        raise FontAssistError(
            f"was written by a newer fontassist (checkpoint format {raw.get('version')}).",
            path=path,
            hint="Upgrade fontassist to use it.",
        )
    try:
        if not isinstance(raw["config"], dict):
            raise FontAssistError("the config is not a mapping")
        config = TrainConfig.from_dict(raw["config"])
        step = raw["step"]
        generator = raw["generator"]
    except KeyError as e:
        raise FontAssistError(
            f"is incomplete: it lacks {e.args[0]!r}.",
            path=path,
            hint="Use another checkpoint of the run or train again.",
        ) from None
    except FontAssistError as e:
        raise FontAssistError(f"has an unusable configuration: {e}", path=path) from None
    if not isinstance(generator, dict) or not all(isinstance(v, torch.Tensor) for v in generator.values()):
        raise FontAssistError(
            "has damaged generator weights.", path=path, hint="Use another checkpoint or train again."
        )
    _check_fields(raw, step, generator, path)
    return Checkpoint(
        path=path,
        config=config,
        step=step,
        generator_state=generator,
        generator_ema_state=_state_or_none(raw.get("generator_ema"), path),
        discriminator_state=raw.get("discriminator"),
        optimizer_g=raw.get("optimizer_g"),
        optimizer_d=raw.get("optimizer_d"),
        scaler=raw.get("scaler"),
        rng=raw.get("rng"),
        data=raw.get("data") or {},
        metrics=raw.get("metrics"),
        best=raw.get("best") if isinstance(raw.get("best"), dict) else None,
        upscaler=raw.get("upscaler") if isinstance(raw.get("upscaler"), dict) else None,
        fontassist_version=str(raw.get("fontassist_version", "")),
    )


def _state_or_none(state: Any, path: Path) -> dict[str, torch.Tensor] | None:
    if state is None:
        return None
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise FontAssistError(
            "has damaged averaged generator weights.",
            path=path,
            hint="Use another checkpoint or train again.",
        )
    return state


def _check_fields(raw: dict, step, generator: dict, path: Path) -> None:
    """Refuse a checkpoint whose fields have the wrong types or whose weights are not finite."""

    def bad(what: str) -> FontAssistError:
        return FontAssistError(
            f"is damaged: {what}.", path=path, hint="Use another checkpoint of the run or train again."
        )

    if isinstance(step, bool) or not isinstance(step, int) or step < 0:
        raise bad(f"its step is {step!r}, not a count of steps")
    for name in ("data", "metrics", "rng", "optimizer_g", "optimizer_d", "scaler", "discriminator"):
        value = raw.get(name)
        if value is not None and not isinstance(value, dict):
            raise bad(f"its {name} is a {type(value).__name__}, not a mapping")
    data = raw.get("data") or {}
    for name in ("source_frame", "target_frame"):
        frame = data.get(name)
        if frame is None:
            continue
        try:
            EmFrame.from_dict(frame)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            raise bad(f"its {name} is not an em frame (upm, bottom, size)") from None
    if not isinstance(data.get("val_chars", ""), str):
        raise bad("its validation characters are not text")
    for name, tensor in generator.items():
        if tensor.is_floating_point() and not bool(torch.isfinite(tensor).all()):
            raise bad(f"the generator weight {name} holds NaN or infinite values")


def list_checkpoints(run_dir: str | os.PathLike) -> list[Path]:
    """The run's periodic checkpoints by step, then ``last.pt`` (the newest) if present."""
    run_dir = Path(run_dir)
    if not run_dir.is_dir():
        return []
    periodic = sorted((int(m.group(1)), p) for p in run_dir.iterdir() if (m := _PERIODIC.match(p.name)))
    paths = [p for _, p in periodic]
    last = run_dir / LAST
    if last.is_file():
        paths.append(last)
    return paths


def prune_checkpoints(run_dir: str | os.PathLike, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest periodic checkpoints; returns the deleted paths."""
    periodic = [p for p in list_checkpoints(run_dir) if p.name != LAST]
    doomed = periodic[:-keep] if keep > 0 else periodic
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed
