"""Glyph pairs as torch tensors: a ``Dataset``, joint augmentation, and a resumable batch stream.

Models see float rasters in [-1, 1] with ink = +1 (``x = a / 127.5 - 1``).
The whole training set is small (a few thousand glyphs of 64–128 px as uint8),
so it stays in memory and batches are gathered by indexing, not by a
DataLoader's worker processes.

Augmentation moves source and target *together* (the same shift and scale for
both), so the pair still shows the same mapping from one style to the other;
it only teaches the network that the mapping does not depend on where in the
em square a stroke sits, which the ~4,000 training glyphs alone do not.

:class:`BatchStream` draws batches from shuffled epochs with its own
``torch.Generator``; ``state_dict()`` captures the generator, the current
permutation and the position in it, so a resumed run draws exactly the batches
an uninterrupted one would have. With ``shard`` (a slice of the batch) a
process of a distributed run keeps only its part of every batch, while the
stream's state advances exactly as the whole batch's does on every process.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch.nn import functional as F
from torch.utils.data import Dataset

from .pairs import GlyphPairs


def to_model_range(images: np.ndarray | torch.Tensor) -> torch.Tensor:
    """uint8 rasters (N×S×S) → float N×1×S×S in [-1, 1], ink = +1."""
    if isinstance(images, np.ndarray) and not images.flags.writeable:
        images = images.copy()  # cached renders are read-only, and torch warns on those
    t = torch.as_tensor(images)
    return (t.float() / 127.5 - 1.0).unsqueeze(-3)


def from_model_range(x: torch.Tensor) -> np.ndarray:
    """Model output N×1×S×S in [-1, 1] → uint8 rasters N×S×S (0 paper, 255 ink)."""
    a = ((x.detach().float().squeeze(1) + 1.0) * 127.5).round().clamp(0, 255)
    return a.to(torch.uint8).cpu().numpy()


@dataclass(frozen=True)
class JointAugment:
    """Random shift (± ``shift`` of the size) and scale (1 ± ``scale``), the same for source and target."""

    shift: float = 0.0
    scale: float = 0.0

    @property
    def active(self) -> bool:
        return self.shift > 0 or self.scale > 0

    def __call__(
        self, source: torch.Tensor, target: torch.Tensor, generator: torch.Generator
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Apply one random transform per pair to N×1×S×S tensors in [-1, 1] (paper = -1)."""
        n, _, size, _ = source.shape
        # Drawn on the CPU generator whatever the device, so the stream's state is one CPU state.
        shift = (torch.rand(n, 2, generator=generator) * 2 - 1) * self.shift * 2  # grid units span 2
        scale = 1 + (torch.rand(n, 1, generator=generator) * 2 - 1) * self.scale
        if self.scale == 0:
            # Whole-pixel shifts need no resampling, so the rasters stay exactly as rendered.
            pixels = torch.round(shift * size / 2).to(torch.int64)
            return _shift_pixels(source, pixels), _shift_pixels(target, pixels)
        theta = torch.zeros(n, 2, 3)
        theta[:, 0, 0] = 1 / scale[:, 0]
        theta[:, 1, 1] = 1 / scale[:, 0]
        theta[:, :, 2] = -shift / scale
        theta = theta.to(source.device, source.dtype)
        grid = F.affine_grid(theta, list(source.shape), align_corners=False)
        both = torch.cat([source, target], dim=1)
        # Sample the paper-zero form so that the border fills with paper.
        moved = F.grid_sample(both + 1, grid, mode="bilinear", padding_mode="zeros", align_corners=False) - 1
        return moved[:, :1], moved[:, 1:]


def _shift_pixels(x: torch.Tensor, pixels: torch.Tensor) -> torch.Tensor:
    n, c, size, _ = x.shape
    limit = int(pixels.abs().max()) if len(pixels) else 0
    if limit == 0:
        return x
    padded = F.pad(x, (limit, limit, limit, limit), value=-1.0)
    out = torch.empty_like(x)
    for i in range(n):
        dx, dy = int(pixels[i, 0]), int(pixels[i, 1])
        top, left = limit - dy, limit - dx
        out[i] = padded[i, :, top : top + size, left : left + size]
    return out


class GlyphPairDataset(Dataset):
    """``(source, target)`` float tensors (1×S×S, [-1, 1]) of the glyph pairs at ``indices`` (default: training)."""

    def __init__(self, pairs: GlyphPairs, indices: np.ndarray | None = None):
        self.pairs = pairs
        self.indices = np.asarray(pairs.train_index if indices is None else indices, dtype=np.int64)
        self.source = torch.from_numpy(np.ascontiguousarray(pairs.source[self.indices]))
        self.target = torch.from_numpy(np.ascontiguousarray(pairs.target[self.indices]))

    @classmethod
    def validation(cls, pairs: GlyphPairs) -> GlyphPairDataset:
        return cls(pairs, pairs.val_index)

    @property
    def chars(self) -> list[str]:
        return [self.pairs.chars[i] for i in self.indices]

    def __len__(self) -> int:
        return len(self.indices)

    def __getitem__(self, i: int) -> tuple[torch.Tensor, torch.Tensor]:
        return to_model_range(self.source[i]), to_model_range(self.target[i])

    def batch(self, positions: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """The pairs at ``positions`` (into this dataset), as two N×1×S×S tensors."""
        return to_model_range(self.source[positions]), to_model_range(self.target[positions])


class BatchStream:
    """Endless batches over shuffled epochs, optionally augmented, with a saveable state."""

    def __init__(
        self,
        dataset: GlyphPairDataset,
        batch_size: int,
        seed: int,
        augment: JointAugment | None = None,
        device: torch.device | str = "cpu",
        shard: slice | None = None,
    ):
        if len(dataset) == 0:
            raise ValueError("cannot draw batches from an empty dataset")
        self.dataset = dataset
        self.batch_size = batch_size
        self.augment = augment if augment is not None and augment.active else None
        self.device = torch.device(device)
        self.shard = shard
        self.generator = torch.Generator().manual_seed(seed)
        self.epoch = 0
        self.position = 0
        self.permutation = torch.randperm(len(dataset), generator=self.generator)

    def _positions(self) -> torch.Tensor:
        taken = []
        needed = self.batch_size
        while needed:
            if self.position >= len(self.permutation):
                self.epoch += 1
                self.position = 0
                self.permutation = torch.randperm(len(self.dataset), generator=self.generator)
            chunk = self.permutation[self.position : self.position + needed]
            self.position += len(chunk)
            needed -= len(chunk)
            taken.append(chunk)
        return torch.cat(taken)

    def next_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        positions = self._positions()
        if self.augment is None:
            source, target = self.dataset.batch(positions if self.shard is None else positions[self.shard])
        else:
            # The augmentation draws for the whole batch, so every shard sees the same random stream.
            source, target = self.augment(*self.dataset.batch(positions), self.generator)
            if self.shard is not None:
                source, target = source[self.shard], target[self.shard]
        return source.to(self.device, non_blocking=True), target.to(self.device, non_blocking=True)

    def state_dict(self) -> dict:
        return {
            "generator": self.generator.get_state(),
            "permutation": self.permutation.clone(),
            "position": self.position,
            "epoch": self.epoch,
        }

    def load_state_dict(self, state: dict) -> None:
        permutation = state["permutation"]
        if len(permutation) != len(self.dataset):
            raise ValueError(
                f"the saved batch order covers {len(permutation)} glyphs, the data has {len(self.dataset)}"
            )
        self.generator.set_state(state["generator"])
        self.permutation = permutation.clone()
        self.position = int(state["position"])
        self.epoch = int(state["epoch"])
