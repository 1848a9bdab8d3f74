"""Named training recipes (Quick, Balanced, Quality) and a measured estimate of how long a run takes.

A preset sets the settings that decide quality and time together (image
size, widths, steps, losses, the levers); the fonts, characters and device
stay the user's. Explicit settings override the preset's.

:func:`estimate_time` times a few real optimisation steps of the configured
model on the chosen device (random batches of the right shape: a step costs
the same whatever the glyphs show) and scales them to the whole run, with the
validations and the upscaler's training added, so a user sees "about 31
minutes" before pressing Start rather than after the first hundred steps.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import FontAssistError
from ..jobs import check_cancel
from .trainconfig import TrainConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    settings: Mapping[str, Any]  # TrainConfig fields; "model" holds ModelConfig fields


_SMALL_MODEL = {
    "image_size": 64,
    "base_channels": 32,
    "max_channels": 128,
    "disc_channels": 32,
    "attention": (16,),
}
# What benchmarks/levers.py measured at equal cost (see its docstring), on 500 held-out glyphs
# written into a font: the upscaler helps at every length (+0.005 IoU at 5 minutes, +0.007 at 30,
# and fewer counter errors and flags); soft-clDice costs 25 % more per step, loses in short runs
# (-0.007 at 600 steps) and wins at 30 minutes (+0.006), so Quick leaves it off and Balanced has
# it; the weight average is neutral, and kept (generation can still use the raw weights).
_COMMON = {
    "lr": 5e-4,
    "warmup_steps": 100,
    "augment_shift": 0.05,
    "ema_decay": 0.999,
    "upscale": True,
    "cldice_weight": 0.0,  # every preset sets it, so choosing Quick after Balanced turns it off
}

PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "quick",
            "a first look: 64 px, narrow model, 2,500 steps (about 5 minutes on a 2-core CPU)",
            {**_COMMON, "model": _SMALL_MODEL, "steps": 2500, "adv_start": 1250, "eval_every": 500},
        ),
        Preset(
            "balanced",
            "64 px, narrow model, soft-clDice, 12,000 steps (about 30 minutes on a 2-core CPU)",
            {
                **_COMMON,
                "model": _SMALL_MODEL,
                "steps": 12000,
                "adv_start": 7500,
                "cldice_weight": 10.0,
                "eval_every": 1000,
            },
        ),
        Preset(
            "quality",
            "128 px, full-width model, 30,000 steps: meant for a GPU (hours on a CPU)",
            {
                **_COMMON,
                "model": {
                    "image_size": 128,
                    "base_channels": 64,
                    "max_channels": 256,
                    "disc_channels": 64,
                    "attention": (16, 32),
                },
                "lr": 2e-4,
                "steps": 30000,
                "adv_start": 10000,
                "eval_every": 1000,
                "batch_size": 32,
            },
        ),
    )
}


def preset_settings(name: str) -> dict[str, Any]:
    """A copy of the preset's settings (model settings under ``"model"``), or a clear error."""
    try:
        preset = PRESETS[name]
    except KeyError:
        raise FontAssistError(
            f"Unknown training preset {name!r}.", hint=f"Use one of: {', '.join(PRESETS)}."
        ) from None
    settings = dict(preset.settings)
    settings["model"] = dict(settings["model"])
    return settings


def with_preset(name: str, settings: Mapping[str, Any]) -> dict[str, Any]:
    """The preset's settings overlaid with ``settings`` (model settings merged one by one)."""
    merged = preset_settings(name)
    for key, value in settings.items():
        if key == "model":
            merged["model"].update(value)
        else:
            merged[key] = value
    return merged


@dataclass(frozen=True)
class TimeEstimate:
    """Measured seconds per step and the run's estimated total, on one device."""

    device: str
    steps: int
    seconds_per_step: float  # with the adversarial loss (L1 only before adv_start)
    seconds_per_step_l1: float
    evaluation_s: float
    upscaler_s: float
    total_s: float

    def describe(self) -> str:
        return (
            f"about {format_duration(self.total_s)} for {self.steps:,} steps on {self.device} "
            f"({self.seconds_per_step * 1000:.0f} ms per step measured"
            + (f", upscaler {format_duration(self.upscaler_s)}" if self.upscaler_s else "")
            + ")"
        )


def format_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 90:
        return f"{seconds} s"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


def estimate_time(
    config: TrainConfig,
    *,
    train_glyphs: int = 3600,
    val_glyphs: int = 500,
    steps: int = 6,
    upscaler_cached: bool = False,
    cancel=None,
) -> TimeEstimate:
    """Time ``steps`` optimisation steps of ``config``'s model on its device and scale to the whole run.

    ``train_glyphs`` only matters for runs measured in epochs; ``val_glyphs`` sizes the validations.
    """
    import torch

    from ..model import build_discriminator, build_generator
    from ..model.losses import adversarial_loss, cldice_loss, l1_loss
    from .device import Precision, resolve_device

    device = resolve_device(config.device)
    precision = Precision.choose(device, config.amp)
    size, batch = config.model.image_size, config.batch_size
    torch_state = torch.get_rng_state()
    torch.manual_seed(0)
    try:
        generator = build_generator(config.model).to(device)
        discriminator = build_discriminator(config.model).to(device) if config.adversarial else None
        source = torch.rand(batch, 1, size, size, device=device) * 2 - 1
        target = torch.rand(batch, 1, size, size, device=device) * 2 - 1
    finally:
        torch.set_rng_state(torch_state)
    opt_g = torch.optim.Adam(generator.parameters(), lr=config.lr)
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=config.lr) if discriminator is not None else None

    def step(adversarial: bool) -> float:
        check_cancel(cancel, "The time estimate was cancelled.")
        started = time.perf_counter()
        with precision.autocast():
            fake = generator(source)
            if adversarial:
                loss_d = adversarial_loss(config.adv_loss, discriminator(source, target).float(), True, True)
                loss_d = loss_d + adversarial_loss(
                    config.adv_loss, discriminator(source, fake.detach()).float(), False, True
                )
        if adversarial:
            opt_d.zero_grad()
            loss_d.backward()
            opt_d.step()
        with precision.autocast():
            loss = config.l1_weight * l1_loss(fake.float(), target)
            if adversarial:
                loss = loss + adversarial_loss(
                    config.adv_loss, discriminator(source, fake).float(), True, False
                )
            if config.cldice_weight > 0:
                loss = loss + config.cldice_weight * cldice_loss(fake.float(), target)
        opt_g.zero_grad()
        loss.backward()
        opt_g.step()
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        return time.perf_counter() - started

    def measured(adversarial: bool) -> float:
        step(adversarial)  # warm-up: allocations, kernels
        times = sorted(step(adversarial) for _ in range(max(1, steps)))
        return times[len(times) // 2]

    total_steps = config.total_steps(train_glyphs)
    full = measured(discriminator is not None)
    l1_only = measured(False) if discriminator is not None and config.adv_start > 0 else full
    adv_steps = max(0, total_steps - config.adv_start) if discriminator is not None else 0
    training = adv_steps * full + (total_steps - adv_steps) * l1_only
    # A validation runs the generator forward over the validation glyphs (about a third of a step per
    # batch), twice when the weight average is kept (it and the raw weights are both scored).
    evaluations = -(-total_steps // config.eval_every)
    passes = 2 if config.ema_decay > 0 else 1
    evaluation = evaluations * passes * -(-val_glyphs // max(16, batch)) * l1_only / 3
    upscaler = 0.0
    if config.upscale and not upscaler_cached:
        from .upscale import UpscalerTraining

        upscaler = UpscalerTraining().steps * _upscaler_step_seconds(size)
    return TimeEstimate(
        str(device),
        total_steps,
        full,
        l1_only,
        evaluation,
        upscaler,
        training + evaluation + upscaler,
    )


def _upscaler_step_seconds(size: int) -> float:
    import torch

    from ..model.upscaler import GlyphUpscaler
    from .upscale import UpscalerTraining

    training = UpscalerTraining()
    crop = min(training.crop, size)
    model = GlyphUpscaler()
    optimizer = torch.optim.Adam(model.parameters())
    x = torch.zeros(training.batch, 1, crop, crop)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        loss = model(x).abs().mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        times.append(time.perf_counter() - started)
    return min(times[1:])
