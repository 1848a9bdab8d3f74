"""A small super-resolution network that draws a glyph raster at 4x its size in the target's own style.

It is trained on the target font alone (see :mod:`fontassist.train.upscale`):
each target glyph rendered at the working size is the input, the same glyph
rendered at ``factor`` times that size is the answer. Generated 64 / 128 px
glyphs can then be traced at 256 / 512 px with the target's edge quality
(rounded terminals, crisp corners) instead of the blur of bicubic
interpolation.

The network predicts a correction to the bicubic enlargement (ESPCN-style
sub-pixel convolutions, Shi et al. 2016): a few residual 3x3 blocks at the
input size, then one pixel-shuffle x2 stage per doubling, narrowing as the
maps grow so that most of the work stays at the small size.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

from ..errors import FontAssistError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UpscalerConfig:
    """Shape of the upscaler. factor: 2 or 4; channels: width at the input size; blocks: residual blocks."""

    factor: int = 4
    channels: int = 16
    blocks: int = 2

    def __post_init__(self) -> None:
        for name in ("factor", "channels", "blocks"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise FontAssistError(f"Upscaler setting {name} = {value!r} must be a whole number.")
        if self.factor not in (2, 4):
            raise FontAssistError(f"The upscaling factor must be 2 or 4 (got {self.factor}).")
        if self.channels < 4 or self.blocks < 0:
            raise FontAssistError("The upscaler needs at least 4 channels and 0 or more blocks.")

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UpscalerConfig:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known) if isinstance(data, Mapping) else ["(not a mapping)"]
        if unknown:
            raise FontAssistError(
                f"The upscaler configuration has unknown field(s) {', '.join(map(repr, unknown))}.",
                hint="The file may come from a newer fontassist; upgrade it.",
            )
        return cls(**data)


class _Block(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.conv2(F.relu(self.conv1(x)))


class _PixelShuffle2(nn.Module):
    """``nn.PixelShuffle(2)`` as one reshape, permute and copy: the same values in the same places,
    in about 60 % of the time on a CPU, where ATen's pixel_shuffle was a sixth of the upscaler's."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, c, h, w = x.shape
        return x.reshape(n, c // 4, 2, 2, h, w).permute(0, 1, 4, 2, 5, 3).reshape(n, c // 4, 2 * h, 2 * w)


class GlyphUpscaler(nn.Module):
    """N×1×S×S images in [-1, 1] (ink = +1) → N×1×(fS)×(fS), bicubic plus a learned correction."""

    def __init__(self, config: UpscalerConfig = UpscalerConfig()):
        super().__init__()
        self.config = config
        c = config.channels
        self.head = nn.Conv2d(1, c, 3, padding=1)
        self.blocks = nn.Sequential(*[_Block(c) for _ in range(config.blocks)])
        stages = []
        width = c
        for _ in range(config.factor.bit_length() - 1):  # one x2 stage per doubling
            narrower = max(4, width // 2)
            stages += [nn.Conv2d(width, narrower * 4, 3, padding=1), _PixelShuffle2(), nn.ReLU()]
            width = narrower
        self.up = nn.Sequential(*stages)
        self.tail = nn.Conv2d(width, 1, 3, padding=1)
        nn.init.zeros_(self.tail.weight)  # starts as plain bicubic
        nn.init.zeros_(self.tail.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        base = F.interpolate(x, scale_factor=self.config.factor, mode="bicubic", align_corners=False)
        # The convolutions see ink in [0, 1], so their zero padding is paper, not grey.
        features = F.relu(self.head((x + 1) / 2))
        correction = self.tail(self.up(self.blocks(features) + features))
        return (base + correction).clamp(-1, 1) if not self.training else base + correction


def build_upscaler(
    config: UpscalerConfig | Mapping[str, Any], state: Mapping[str, torch.Tensor] | None = None
) -> GlyphUpscaler:
    """An upscaler of ``config``, with ``state`` loaded strictly when given; in eval mode."""
    config = config if isinstance(config, UpscalerConfig) else UpscalerConfig.from_dict(config)
    model = GlyphUpscaler(config)
    if state is not None:
        try:
            model.load_state_dict({k: v.float() for k, v in state.items()}, strict=True)
        except (RuntimeError, AttributeError) as e:
            raise FontAssistError(
                f"The upscaler's weights do not fit its configuration ({str(e).splitlines()[0]})."
            ) from None
    return model.eval()
