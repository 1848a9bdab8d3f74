"""The U-Net generator: source glyph in, target-style glyph out.

This is pix2pix's ``UnetSkipConnectionBlock`` stack written out level by level
instead of recursively, so the encoder can also run on its own
(``encode``, for zi2zi's constant loss). Level ``i`` (0 = outermost) has

- a down path: LeakyReLU(0.2) -> Conv 4x4 stride 2 -> norm -> [self-attention],
  without the activation on level 0 (its input is the image) and without the
  norm on level 0 and on the bottleneck level;
- an up path: ReLU -> ConvTranspose 4x4 stride 2 -> norm -> [dropout], which on
  level 0 ends in tanh instead and returns the image.

Every level but the outermost hands its parent the concatenation of its input
and its up path's output (the skip connection).

The activations work in place, as pix2pix's do: writing a new full-size tensor
for each of them made CPU inference at 128 px 10-20% slower than pix2pix. The skip
therefore carries LeakyReLU(features) instead of the features, which changes
nothing, because the parent's up path starts with ReLU and
ReLU(LeakyReLU(a)) = ReLU(a).

Normalising the bottleneck: the bottleneck's down path has no norm, because
with a 1x1 map InstanceNorm has a single value per channel to normalise (it
raises in training) and BatchNorm at batch size 1 does too. The first up path
normalises the ConvTranspose output, which is already twice the bottleneck's
size (2x2 for a 1x1 bottleneck), so both norms work there at any batch size,
in training and eval; it keeps its norm, as in pix2pix.
"""

from __future__ import annotations

import torch
from torch import nn

from fontassist.model.attention import SelfAttention
from fontassist.model.modelconfig import ModelConfig
from fontassist.model.norms import conv_bias, get_norm_layer

# pix2pix's paper puts dropout on the first three decoder layers.
_DROPOUT_LEVELS = 3


class UNetGenerator(nn.Module):
    """``forward(x, style=None)``: N x in x S x S in [-1, 1] -> N x out x S x S in [-1, 1].

    ``style`` is a LongTensor of N style ids, required when the config has
    ``num_styles > 0`` and refused otherwise.
    """

    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = config
        norm = get_norm_layer(config.norm)
        channels = config.channels
        depth = config.depth

        self.down = nn.ModuleList()
        for level in range(depth):
            inner_level = 0 < level < depth - 1
            in_channels = config.in_channels if level == 0 else channels[level - 1]
            layer_norm = norm if inner_level else None
            layers: list[nn.Module] = []
            if level > 0:
                layers.append(nn.LeakyReLU(0.2, inplace=True))
            layers.append(
                nn.Conv2d(
                    in_channels,
                    channels[level],
                    kernel_size=4,
                    stride=2,
                    padding=1,
                    bias=conv_bias(layer_norm),
                )
            )
            if layer_norm is not None:
                layers.append(layer_norm(channels[level]))
            if config.feature_sizes[level] in config.attention:
                layers.append(SelfAttention(channels[level]))
            self.down.append(nn.Sequential(*layers))

        self.style_embedding = (
            nn.Embedding(config.num_styles, config.style_dim) if config.num_styles else None
        )

        self.up = nn.ModuleList()
        for level in range(depth):
            if level == depth - 1:
                in_channels = channels[level] + (config.style_dim if config.num_styles else 0)
            else:
                in_channels = 2 * channels[level]
            if level == 0:
                self.up.append(
                    nn.Sequential(
                        nn.ReLU(inplace=True),
                        nn.ConvTranspose2d(
                            in_channels, config.out_channels, kernel_size=4, stride=2, padding=1
                        ),
                        nn.Tanh(),
                    )
                )
                continue
            out_channels = channels[level - 1]
            layers = [
                nn.ReLU(inplace=True),
                nn.ConvTranspose2d(
                    in_channels, out_channels, kernel_size=4, stride=2, padding=1, bias=conv_bias(norm)
                ),
            ]
            if norm is not None:
                layers.append(norm(out_channels))
            if config.dropout > 0 and level >= depth - _DROPOUT_LEVELS:
                layers.append(nn.Dropout(config.dropout))
            self.up.append(nn.Sequential(*layers))

    def _check_input(self, x: torch.Tensor) -> None:
        c, size = self.config.in_channels, self.config.image_size
        if x.dim() != 4 or x.shape[1] != c or x.shape[2] != size or x.shape[3] != size:
            raise ValueError(f"The generator takes N x {c} x {size} x {size} images, not {tuple(x.shape)}.")

    def _encoder_features(self, x: torch.Tensor) -> list[torch.Tensor]:
        self._check_input(x)
        features = []
        for down in self.down:
            x = down(x)
            features.append(x)
        return features

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """The bottleneck features of ``x``, one flat vector per sample (N x encoding_dim)."""
        return self._encoder_features(x)[-1].flatten(1)

    def forward(self, x: torch.Tensor, style: torch.Tensor | None = None) -> torch.Tensor:
        features = self._encoder_features(x)
        y = features[-1]
        if self.style_embedding is not None:
            if style is None:
                raise ValueError(
                    f"This generator was built for {self.config.num_styles} styles; pass a style id "
                    "per sample."
                )
            embedding = self.style_embedding(style)[:, :, None, None]
            y = torch.cat([y, embedding.expand(-1, -1, y.shape[2], y.shape[3])], dim=1)
        elif style is not None:
            raise ValueError("This generator has no style embedding (num_styles = 0); pass style=None.")
        y = self.up[-1](y)
        for level in range(self.config.depth - 2, -1, -1):
            y = self.up[level](torch.cat([features[level], y], dim=1))
        return y
