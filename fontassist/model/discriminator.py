"""The conditional PatchGAN discriminator: is this image the target style of this source?

pix2pix's ``NLayerDiscriminator`` on the channel-wise concatenation of the
source glyph and a (real or generated) target glyph. Each output logit judges
one overlapping patch (70x70 px with 3 layers), which pushes the generator
towards sharp local stroke detail while the L1 loss keeps the global shape.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils.parametrizations import spectral_norm

from fontassist.model.modelconfig import ModelConfig
from fontassist.model.norms import conv_bias, get_norm_layer
from fontassist.model.weights import init_weights

# pix2pix caps the discriminator's width at 8 times its first layer.
_WIDTH_CAP = 8


class PatchDiscriminator(nn.Module):
    """``forward(source, image, style=None)`` -> N x 1 x P x P patch logits (P = ``config.patch_size``).

    With ``num_styles > 0`` the logits also get a projection-discriminator
    term (Miyato & Koyama 2018): the inner product of a learned per-style
    vector with the last features, so the discriminator judges "real glyph
    *of this style*" rather than "real glyph of any trained style".
    """

    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = config
        norm = None if config.spectral_norm else get_norm_layer(config.norm)

        def conv(in_channels: int, out_channels: int, stride: int, bias: bool) -> nn.Module:
            layer = nn.Conv2d(in_channels, out_channels, kernel_size=4, stride=stride, padding=1, bias=bias)
            if not config.spectral_norm:
                return layer
            # Spectral norm estimates the weight's largest singular value when it is applied, so the weight
            # gets its final initial values first.
            return spectral_norm(init_weights(layer))

        width = config.disc_channels
        layers: list[nn.Module] = [
            conv(config.in_channels + config.out_channels, width, stride=2, bias=True),
            nn.LeakyReLU(0.2, inplace=True),
        ]
        in_width = width
        for layer in range(1, config.disc_layers + 1):
            # The last of these keeps stride 1, as pix2pix does, to widen the patch without shrinking the map.
            stride = 2 if layer < config.disc_layers else 1
            out_width = width * min(2**layer, _WIDTH_CAP)
            layers.append(conv(in_width, out_width, stride=stride, bias=conv_bias(norm)))
            if norm is not None:
                layers.append(norm(out_width))
            layers.append(nn.LeakyReLU(0.2, inplace=True))
            in_width = out_width
        self.features = nn.Sequential(*layers)
        self.to_logits = conv(in_width, 1, stride=1, bias=True)
        self.style_projection = nn.Embedding(config.num_styles, in_width) if config.num_styles else None

    def forward(
        self, source: torch.Tensor, image: torch.Tensor, style: torch.Tensor | None = None
    ) -> torch.Tensor:
        features = self.features(torch.cat([source, image], dim=1))
        logits = self.to_logits(features)
        if self.style_projection is not None:
            if style is None:
                raise ValueError(
                    f"This discriminator was built for {self.config.num_styles} styles; pass a "
                    "style id per sample."
                )
            projection = (features * self.style_projection(style)[:, :, None, None]).sum(1, keepdim=True)
            # Average the projection over the 4x4 window each logit sees, so it lines up with the logits' grid.
            logits = logits + nn.functional.avg_pool2d(projection, kernel_size=4, stride=1, padding=1)
        elif style is not None:
            raise ValueError("This discriminator has no style projection (num_styles = 0); pass style=None.")
        return logits
