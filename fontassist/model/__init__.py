"""The networks: an attention U-Net generator and a conditional PatchGAN discriminator.

Everything is built from a :class:`ModelConfig`; a checkpoint stores
``config.to_dict()`` next to the weights and :func:`load_generator_state`
rebuilds the generator from the two, or refuses with a clear error.

Only :class:`ModelConfig` is imported eagerly (it needs no torch, so the
command line can read its defaults and help texts quickly); the rest is
imported on first use.
"""

from __future__ import annotations

import importlib

from fontassist.model.modelconfig import NORM_NAMES, ModelConfig

# Public name -> the submodule that defines it (imported when first asked for; they bring torch).
_LAZY = {
    "UNetGenerator": "generator",
    "PatchDiscriminator": "discriminator",
    "get_norm_layer": "norms",
    "init_weights": "weights",
    "build_generator": "build",
    "build_discriminator": "build",
    "load_generator_state": "build",
    "load_discriminator_state": "build",
}

__all__ = ["ModelConfig", "NORM_NAMES", *_LAZY]


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = value
    return value
