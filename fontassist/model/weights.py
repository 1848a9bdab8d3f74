"""Initialising a fresh model's weights, and loading saved ones all or nothing."""

from __future__ import annotations

import os
from collections.abc import Mapping

import torch
from torch import nn
from torch.nn.utils import parametrize

from fontassist.errors import FontAssistError

_INIT_STD = 0.02
_EXAMPLES = 3


def init_weights(module: nn.Module, std: float = _INIT_STD, *, scaled: bool = False) -> nn.Module:
    """pix2pix / DCGAN init: conv, linear and embedding weights ~ N(0, std), biases 0, norm scales ~ N(1, std).

    ``scaled=True`` draws conv weights with He (Kaiming) scaling for LeakyReLU(0.2) instead:
    without norm layers to rescale them, N(0, 0.02) weights shrink the activations two to
    four times per level (to ~1e-3 at the bottleneck) and the U-Net learns to draw blank
    paper, so models with ``norm="none"`` use it.

    Weights under a parametrization (spectral norm) are left alone: the
    parametrization estimated their spectral norm from the values they had
    when it was applied, so ``PatchDiscriminator`` initialises them before
    wrapping. Attention ``gamma`` is a bare parameter and keeps its 0.
    """
    for layer in module.modules():
        if isinstance(layer, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear, nn.Embedding)):
            if not parametrize.is_parametrized(layer, "weight"):
                if scaled and isinstance(layer, (nn.Conv2d, nn.ConvTranspose2d)):
                    nn.init.kaiming_normal_(layer.weight, a=0.2, nonlinearity="leaky_relu")
                else:
                    nn.init.normal_(layer.weight, 0.0, std)
            if getattr(layer, "bias", None) is not None:
                nn.init.zeros_(layer.bias)
        elif isinstance(layer, (nn.BatchNorm2d, nn.InstanceNorm2d)) and layer.affine:
            nn.init.normal_(layer.weight, 1.0, std)
            nn.init.zeros_(layer.bias)
    return module


def load_state_strict(
    module: nn.Module,
    state_dict: Mapping[str, torch.Tensor],
    what: str,
    path: str | os.PathLike | None = None,
) -> nn.Module:
    """Load ``state_dict`` into ``module`` only if every key and shape matches; otherwise raise, loading nothing."""
    if not isinstance(state_dict, Mapping):
        raise FontAssistError(
            f"The {what} weights are not a mapping of names to tensors.",
            path=path,
            hint="The checkpoint is damaged; pick another checkpoint or retrain.",
        )
    expected = module.state_dict()
    problems = []
    missing = [key for key in expected if key not in state_dict]
    unexpected = [key for key in state_dict if key not in expected]
    wrong_shape = [
        f"{key} ({_shape(state_dict[key])} saved, {_shape(expected[key])} expected)"
        for key in expected
        if key in state_dict and _shape(state_dict[key]) != _shape(expected[key])
    ]
    for count_words, keys in (
        ("missing", missing),
        ("unexpected", unexpected),
        ("of the wrong shape", wrong_shape),
    ):
        if keys:
            more = f" and {len(keys) - _EXAMPLES} more" if len(keys) > _EXAMPLES else ""
            problems.append(f"{len(keys)} {count_words} ({', '.join(keys[:_EXAMPLES])}{more})")
    if problems:
        raise FontAssistError(
            f"The saved {what} weights do not fit the model their configuration describes: "
            f"{'; '.join(problems)}.",
            path=path,
            hint="The weights and the configuration come from different models; use a checkpoint written by "
            "fontassist as is, or retrain.",
        )
    try:
        module.load_state_dict(state_dict, strict=True)
    except (RuntimeError, TypeError) as error:
        raise FontAssistError(
            f"The saved {what} weights cannot be loaded: {error}",
            path=path,
            hint="The checkpoint is damaged; pick another checkpoint or retrain.",
        ) from error
    return module


def _shape(value: object) -> str:
    shape = getattr(value, "shape", None)
    if shape is None:
        return type(value).__name__
    return "x".join(map(str, shape)) or "scalar"
