"""A tiny training setup shared by the train and generate tests: 48 characters at 32 px, a few-channel model."""

from __future__ import annotations

from pathlib import Path

from fontassist import resources
from fontassist.fonts import named_charset, open_font
from fontassist.model import ModelConfig
from fontassist.train import TrainConfig

SIZE = 32
# tiny_model() as options of `fontassist train`.
TINY_MODEL_FLAGS = (
    *("--size", str(SIZE), "--base-channels", "4", "--max-channels", "16"),
    *("--attention", "8", "--disc-channels", "4"),
)


def tiny_chars(count: int = 48) -> str:
    target = open_font(resources.DEMO_TARGET)
    return "".join([c for c in named_charset("tw-edu-4808") if target.has(c)][:count])


def tiny_model(**changes) -> ModelConfig:
    values = dict(image_size=SIZE, base_channels=4, max_channels=16, attention=(8,), disc_channels=4)
    values.update(changes)
    return ModelConfig(**values)


def tiny_config(
    source: Path = resources.DEMO_SOURCE, target: Path = resources.DEMO_TARGET, *, model=None, **changes
) -> TrainConfig:
    values = dict(
        source=str(source),
        target=str(target),
        charset=None,
        chars=tiny_chars(),
        validation=8,
        model=model or tiny_model(),
        batch_size=4,
        steps=6,
        eval_every=3,
        preview_every=3,
        checkpoint_every=2,
        keep_checkpoints=2,
        lr=1e-3,
        device="cpu",
    )
    values.update(changes)
    return TrainConfig(**values)
