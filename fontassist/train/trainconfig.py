"""Every setting of a training run, in one dataclass saved with each checkpoint.

A run is fully described by its :class:`TrainConfig`: the fonts (absolute
paths plus their content hashes, so a changed file is noticed on resume), the
characters, the raster size, the model's :class:`~fontassist.model.ModelConfig`,
the losses, the optimiser and schedule, and the run length. ``to_dict()`` is
plain JSON; ``from_dict()`` refuses unknown fields instead of dropping them.
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..configfields import check_types, setting
from ..errors import FontAssistError
from ..fonts.charsets import DEFAULT_CHARSET
from ..model.modelconfig import ModelConfig

ADV_LOSSES = ("lsgan", "hinge", "vanilla", "none")
LR_SCHEDULES = ("cosine", "linear", "constant")
DEFAULT_STEPS = 10_000

# Fields that say which fonts and characters a run learns from: the front ends fill them from their
# own inputs (font pickers, --source, ...), never from a settings form.
DATA_FIELDS = ("source", "target", "source_face", "target_face", "charset", "chars")

# Fields that only say how long or where a run goes on; a resumed run may change them.
RUN_LENGTH_FIELDS = (
    "steps",
    "epochs",
    "eval_every",
    "preview_every",
    "checkpoint_every",
    "keep_checkpoints",
    "log_every",
    "device",
    "amp",
    "compile",
)


@dataclass(frozen=True)
class TrainConfig:
    """Data, model, losses, optimiser and run length of one training run.

    source / target: font paths (stored absolute); *_face: face index in a collection.
    charset: a named character set, or None when ``chars`` gives custom text.
    model: the networks' architecture; ``model.image_size`` is the raster size in pixels.
    margin: em-frame margin, a fraction of the em on every side.
    validation: held-out glyphs, a count (int) or a fraction (float in (0, 1)).
    validation_chars: a fixed held-out set instead (the ones of them both fonts have), so
        runs on different character sets are scored on the same glyphs; None = use ``validation``.
    lr, lr_d: Adam learning rates of generator and discriminator (lr_d None = lr).
    lr_schedule: "cosine" (to ``lr * lr_final``), "linear" (likewise) or "constant",
        after ``warmup_steps`` of linear warm-up.
    l1_weight, adv_loss, adv_weight, adv_start: the pix2pix losses; the adversarial
        loss (and the discriminator's training) starts at step ``adv_start``.
    const_weight: zi2zi's constant (encoder-consistency) loss against the source.
    iou_weight: a soft-IoU (Jaccard) loss on the ink, the differentiable form of the IoU metric.
    cldice_weight: soft-clDice (Shit et al. 2021), a loss on the strokes' centre lines that
        punishes broken and merged strokes which L1 barely sees.
    ema_decay: keep an exponential moving average of the generator's weights with this decay
        and validate, preview and generate with it; 0 = no average.
    upscale: pair the model with an upscaler trained on the target's own glyphs (cached per
        font), so its glyphs are traced at 4x their size.
    augment_shift / augment_scale: joint random shift (fraction of the size) and
        scale (relative) applied to source and target alike; 0 disables.
    steps or epochs: run length (epochs count passes over the training glyphs).
    eval_every, preview_every, checkpoint_every, log_every: intervals in steps.
    keep_checkpoints: periodic ``step-NNNNNN.pt`` files kept (``last.pt`` always).
    device: "auto", "cpu", "cuda", "cuda:N" or "mps". amp: mixed precision on CUDA.
    compile: run the training steps through ``torch.compile`` (pays off on CUDA, after a slow first step).
    source_hash / target_hash: the fonts' content hashes, filled in when training starts.
    """

    source: str
    target: str
    source_face: int = setting(0, "face index inside a .ttc/.otc collection")
    target_face: int = setting(0, "face index inside a .ttc/.otc collection")
    charset: str | None = setting(DEFAULT_CHARSET, "a named character set")
    chars: str | None = None
    margin: float = setting(0.0, "em-frame margin on every side, a fraction of the em")
    validation: int | float = setting(0.1, "held-out glyphs: a count or a fraction")
    validation_chars: str | None = None
    seed: int = setting(0, "random seed")
    model: ModelConfig = setting(help="the model's architecture", default_factory=ModelConfig)
    lr: float = setting(2e-4, "learning rate")
    lr_d: float | None = setting(None, "discriminator learning rate (default: the learning rate)")
    beta1: float = 0.5
    beta2: float = 0.999
    lr_schedule: str = setting("cosine", "learning-rate decay")
    lr_final: float = 0.05
    warmup_steps: int = setting(0, "linear warm-up steps")
    l1_weight: float = setting(100.0, "L1 loss weight")
    adv_loss: str = setting("lsgan", "adversarial loss")
    adv_weight: float = setting(1.0, "adversarial loss weight")
    adv_start: int = setting(0, "step at which the adversarial loss starts")
    const_weight: float = setting(0.0, "zi2zi constant-loss weight")
    iou_weight: float = setting(0.0, "soft-IoU loss weight on the ink")
    cldice_weight: float = setting(
        0.0, "soft-clDice stroke-topology loss weight (against broken or merged strokes)"
    )
    ema_decay: float = setting(0.999, "decay of the generator's weight average used to generate; 0 = none")
    upscale: bool = setting(
        False, "train a 4x upscaler on the target's own glyphs, so glyphs are traced at 4x their size"
    )
    augment_shift: float = setting(0.0, "joint random shift of source and target, a fraction of the size")
    augment_scale: float = setting(0.0, "joint random scale of source and target, e.g. 0.05")
    batch_size: int = setting(16, "batch size")
    steps: int | None = setting(None, f"optimisation steps (default {DEFAULT_STEPS:,} unless --epochs)")
    epochs: float | None = setting(None, "passes over the training glyphs (instead of steps)")
    eval_every: int = setting(500, "validation interval in steps")
    preview_every: int = setting(500, "preview image interval in steps")
    checkpoint_every: int = setting(1000, "checkpoint interval in steps")
    keep_checkpoints: int = setting(3, "periodic checkpoints kept besides last.pt")
    log_every: int = 10
    device: str = setting("auto", "auto (CUDA, then Apple MPS, then CPU), cpu, cuda, cuda:N or mps")
    amp: bool = setting(True, "mixed precision on CUDA")
    compile: bool = setting(
        False, "torch.compile the training steps (pays off on CUDA, after a slow first step)"
    )
    source_hash: str | None = None
    target_hash: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.model, Mapping):
            object.__setattr__(self, "model", ModelConfig.from_dict(self.model))
        check_types(self, "Training setting")
        object.__setattr__(self, "source", _absolute(self.source))
        object.__setattr__(self, "target", _absolute(self.target))
        self.check()

    def check(self) -> None:
        """Raise FontAssistError for settings that cannot work together."""

        def fail(message: str, hint: str | None = None) -> None:
            raise FontAssistError(message, hint=hint)

        if self.charset is None and not self.chars:
            fail("No characters to train on: give a named character set or custom characters.")
        if self.charset is not None and self.chars:
            fail("Give either a named character set or custom characters, not both.")
        if self.steps is not None and self.epochs is not None:
            fail("Give the run length as steps or as epochs, not both.")
        if self.steps is not None and self.steps < 1:
            fail(f"The number of steps must be at least 1 (got {self.steps}).")
        if self.epochs is not None and not self.epochs > 0:
            fail(f"The number of epochs must be positive (got {self.epochs}).")
        if self.batch_size < 1:
            fail(f"The batch size must be at least 1 (got {self.batch_size}).")
        for name in ("eval_every", "preview_every", "checkpoint_every", "log_every"):
            if getattr(self, name) < 1:
                fail(f"Training setting {name} must be at least 1 step (got {getattr(self, name)}).")
        if self.keep_checkpoints < 0:
            fail(f"keep_checkpoints must be 0 or more (got {self.keep_checkpoints}).")
        for name in ("lr", "beta2"):
            if not getattr(self, name) > 0:
                fail(f"Training setting {name} must be positive (got {getattr(self, name)}).")
        if self.lr_d is not None and not self.lr_d > 0:
            fail(f"The discriminator's learning rate must be positive (got {self.lr_d}).")
        if not 0 <= self.beta1 < 1 or not self.beta2 < 1:
            fail(f"Adam's betas must lie in [0, 1) (got {self.beta1}, {self.beta2}).")
        if self.lr_schedule not in LR_SCHEDULES:
            fail(
                f"Unknown learning-rate schedule {self.lr_schedule!r}.",
                f"Use one of: {', '.join(LR_SCHEDULES)}.",
            )
        if not 0 <= self.lr_final <= 1:
            fail(f"lr_final is a fraction of the learning rate in [0, 1] (got {self.lr_final}).")
        if self.adv_loss not in ADV_LOSSES:
            fail(f"Unknown adversarial loss {self.adv_loss!r}.", f"Use one of: {', '.join(ADV_LOSSES)}.")
        for name in (
            "l1_weight",
            "adv_weight",
            "const_weight",
            "iou_weight",
            "cldice_weight",
            "warmup_steps",
            "adv_start",
        ):
            if getattr(self, name) < 0:
                fail(f"Training setting {name} must not be negative (got {getattr(self, name)}).")
        if not 0 <= self.ema_decay < 1:
            fail(f"The weight-average decay must lie in [0, 1) (got {self.ema_decay}).")
        if not 0 <= self.augment_shift < 0.5 or not 0 <= self.augment_scale < 0.5:
            fail("Augmentation shift and scale are fractions in [0, 0.5).")
        if not 0 <= self.margin < 0.5:
            fail(f"The margin is a fraction of the em in [0, 0.5) (got {self.margin}).")

    @property
    def adversarial(self) -> bool:
        return self.adv_loss != "none" and self.adv_weight > 0

    def total_steps(self, train_glyphs: int) -> int:
        """The run's length in steps, given the number of training glyphs (for ``epochs``)."""
        if self.steps is not None:
            return self.steps
        if self.epochs is not None:
            return max(1, math.ceil(self.epochs * train_glyphs / self.batch_size))
        return DEFAULT_STEPS

    def learning_rate(self, step: int, total: int, base: float) -> float:
        """The learning rate for (0-based) ``step`` of a ``total``-step run."""
        if self.warmup_steps and step < self.warmup_steps:
            return base * (step + 1) / self.warmup_steps
        if self.lr_schedule == "constant" or total <= self.warmup_steps:
            return base
        progress = min(1.0, (step - self.warmup_steps) / max(1, total - self.warmup_steps))
        if self.lr_schedule == "cosine":
            factor = 0.5 * (1 + math.cos(math.pi * progress))
        else:
            factor = 1.0 - progress
        return base * (self.lr_final + (1 - self.lr_final) * factor)

    def to_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        d["model"] = self.model.to_dict()
        return d

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TrainConfig:
        if not isinstance(data, Mapping):
            raise FontAssistError(
                f"The training configuration must be a mapping, not {type(data).__name__}.",
                hint="The run's config.json or checkpoint is damaged.",
            )
        known = {f.name for f in dataclasses.fields(cls)} | {"size"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise FontAssistError(
                f"The training configuration has unknown field(s) {', '.join(map(repr, unknown))}.",
                hint="The run may come from a newer fontassist; upgrade it.",
            )
        missing = [name for name in ("source", "target") if name not in data]
        if missing:
            raise FontAssistError(
                f"The training configuration lacks {', '.join(missing)}.",
                hint="The run's config.json or checkpoint is damaged.",
            )
        values = dict(data)
        model = values.get("model", {})
        legacy_size = values.pop("size", None)  # older runs stored the raster size beside model.image_size
        if legacy_size is not None and isinstance(model, Mapping):
            model = {"image_size": legacy_size, **model}
        values["model"] = ModelConfig.from_dict(model)
        try:
            return cls(**values)
        except TypeError as e:
            raise FontAssistError(f"The training configuration is invalid ({e}).") from None

    def replace(self, **changes) -> TrainConfig:
        return dataclasses.replace(self, **changes)

    def same_run_as(self, other: TrainConfig) -> list[str]:
        """Names of the fields (besides run length, device and font hashes) in which two configs differ."""
        ignored = set(RUN_LENGTH_FIELDS) | {"source_hash", "target_hash"}
        mine, theirs = self.to_dict(), other.to_dict()
        changed = [name for name in mine if name not in ignored | {"model"} and mine[name] != theirs[name]]
        model, their_model = mine["model"], theirs["model"]
        return changed + [f"model.{name}" for name in model if model[name] != their_model.get(name)]


def _absolute(path: str | os.PathLike) -> str:
    return str(Path(path).expanduser().resolve())
