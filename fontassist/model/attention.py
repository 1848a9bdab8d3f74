"""SAGAN self-attention over the positions of a feature map.

Strokes of one glyph repeat (parallel horizontals, matching radicals); a
convolution sees only its neighbourhood, attention lets every position look
at all the others. ``gamma`` starts at 0, so a fresh layer is the identity and
the network learns how much non-local evidence to mix in.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F


class SelfAttention(nn.Module):
    """``x + gamma * attention(x)`` with 1x1-conv queries, keys and values (Zhang et al. 2019).

    Queries and keys have ``channels // 8`` channels, as in SAGAN. Scores are
    scaled by 1/sqrt(query channels), as scaled_dot_product_attention does;
    SAGAN leaves them unscaled, which only changes the softmax temperature the
    1x1 convs have to learn.
    """

    def __init__(self, channels: int):
        super().__init__()
        key_channels = max(1, channels // 8)
        self.query = nn.Conv2d(channels, key_channels, kernel_size=1)
        self.key = nn.Conv2d(channels, key_channels, kernel_size=1)
        self.value = nn.Conv2d(channels, channels, kernel_size=1)
        self.gamma = nn.Parameter(torch.zeros(()))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, c, h, w = x.shape
        # (N, 1 head, H*W positions, channels), the layout scaled_dot_product_attention expects.
        query = self.query(x).flatten(2).transpose(1, 2).unsqueeze(1)
        key = self.key(x).flatten(2).transpose(1, 2).unsqueeze(1)
        value = self.value(x).flatten(2).transpose(1, 2).unsqueeze(1)
        attended = F.scaled_dot_product_attention(query, key, value)
        attended = attended.squeeze(1).transpose(1, 2).reshape(n, c, h, w)
        return x + self.gamma * attended
