"""The one place a normalization layer is chosen by name.

Both normalizations are built with a learnable affine scale and shift, so the
``batch`` / ``instance`` switch changes only *which statistics* normalise a
feature map (the batch's, with running averages for eval, or each sample's
own), never the model's capacity. pix2pix builds InstanceNorm without affine
parameters and then gives the preceding conv a bias; that bias is subtracted
again by the normalisation, so it buys nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from torch import nn

from fontassist.errors import FontAssistError
from fontassist.model.modelconfig import NORM_NAMES

NormFactory = Callable[[int], nn.Module]


def get_norm_layer(name: str) -> NormFactory | None:
    """Return a factory ``factory(num_channels) -> nn.Module``, or None for ``"none"``.

    ``batch``: BatchNorm2d, normalises with the batch's statistics in training
    and with running averages in eval. ``instance``: InstanceNorm2d without
    running statistics, normalises every sample by its own statistics in both
    modes, so a glyph's output never depends on the rest of its batch.
    """
    if name == "batch":
        return functools.partial(nn.BatchNorm2d, affine=True, track_running_stats=True)
    if name == "instance":
        return functools.partial(nn.InstanceNorm2d, affine=True, track_running_stats=False)
    if name == "none":
        return None
    raise FontAssistError(
        f"Unknown normalization {name!r}.",
        hint=f"Use one of: {', '.join(NORM_NAMES)}.",
    )


def conv_bias(norm: NormFactory | None) -> bool:
    """Whether a conv followed by ``norm`` needs its own bias (pix2pix's ``use_bias``).

    A bias is useful only where nothing after the conv adds a learnable shift:
    with no norm, or with a norm built without affine parameters.
    """
    if norm is None:
        return True
    keywords = getattr(norm, "keywords", {})
    return not keywords.get("affine", False)
