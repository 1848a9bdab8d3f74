"""Building the networks from a :class:`ModelConfig`, fresh or from saved weights."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import torch

from fontassist.model.discriminator import PatchDiscriminator
from fontassist.model.generator import UNetGenerator
from fontassist.model.modelconfig import ModelConfig
from fontassist.model.weights import init_weights, load_state_strict


def build_generator(config: ModelConfig) -> UNetGenerator:
    """A freshly initialised generator (use ``torch.manual_seed`` first for reproducible weights)."""
    return init_weights(UNetGenerator(config), scaled=config.norm == "none")


def build_discriminator(config: ModelConfig) -> PatchDiscriminator:
    """A freshly initialised discriminator."""
    return init_weights(PatchDiscriminator(config), scaled=config.norm == "none")


def load_generator_state(
    config: ModelConfig | Mapping[str, Any],
    state_dict: Mapping[str, torch.Tensor],
    *,
    path: str | os.PathLike | None = None,
) -> UNetGenerator:
    """Build the generator ``config`` describes and load ``state_dict`` into it, strictly.

    ``config`` may be a ModelConfig or its ``to_dict()``. Any missing,
    unexpected or wrongly shaped weight raises FontAssistError (naming
    ``path`` if given) and no model is returned, so a partial load is never
    seen.
    """
    config = _as_config(config)
    return load_state_strict(UNetGenerator(config), state_dict, "generator", path)


def load_discriminator_state(
    config: ModelConfig | Mapping[str, Any],
    state_dict: Mapping[str, torch.Tensor],
    *,
    path: str | os.PathLike | None = None,
) -> PatchDiscriminator:
    """As :func:`load_generator_state`, for the discriminator (resuming training)."""
    config = _as_config(config)
    return load_state_strict(PatchDiscriminator(config), state_dict, "discriminator", path)


def _as_config(config: ModelConfig | Mapping[str, Any]) -> ModelConfig:
    return config if isinstance(config, ModelConfig) else ModelConfig.from_dict(config)
