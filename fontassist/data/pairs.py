"""Paired glyph sets: source and target rasters of every character both fonts have, split for training.

Rasters come from :func:`fontassist.fonts.render`, whose cache is keyed by each
font's content hash, face index, size, margin and the character list, so
rebuilding the same pairs is a file read (``cache=False`` bypasses it).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

import numpy as np

from ..errors import FontAssistError
from ..fonts import EmFrame, FontFile, render

log = logging.getLogger(__name__)

MIN_PAIRS = 32
MIN_TRAIN_GLYPHS = 4  # fewer leave nothing to learn a style from


def _check_ink(font, images: np.ndarray, chars: list[str]) -> None:
    """Refuse a font whose glyphs render blank (empty outlines, or a units-per-em that draws them at no size)."""
    blank = int((images.reshape(len(images), -1).max(axis=1) < 64).sum()) if len(images) else 0
    if blank > len(chars) // 2:
        raise FontAssistError(
            f"renders {blank:,} of the {len(chars):,} shared characters blank (empty outlines, or outlines too "
            f"small to draw at {font.upm} units per em), so there is no style to learn.",
            path=font.path,
            hint="Choose a font whose glyphs have visible outlines.",
        )


def split_indices(chars: list[str], validation: int | float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic train/validation split of ``chars``.

    ``validation`` is a count (int ≥ 1) or a fraction (0 < float < 1). Each
    character's side depends only on the seed and the character itself (a hash
    rank), so adding characters to the set does not reshuffle the others.
    """
    n = len(chars)
    if isinstance(validation, float) and not isinstance(validation, bool) and 0 < validation < 1:
        count = max(1, round(n * validation))
    else:
        count = int(validation)
    if count < 0:
        raise FontAssistError(f"The validation count must not be negative (got {validation}).")
    count = min(count, n - 1) if n > 1 else 0
    ranks = [hashlib.blake2b(f"{seed}:{c}".encode(), digest_size=8).digest() for c in chars]
    order = sorted(range(n), key=ranks.__getitem__)
    val = np.array(sorted(order[:count]), dtype=np.int64)
    train = np.array(sorted(order[count:]), dtype=np.int64)
    return train, val


@dataclass
class GlyphPairs:
    """Source and target rasters (uint8 N×S×S, 0 paper, 255 ink) of shared characters, with the split."""

    chars: list[str]
    source: np.ndarray
    target: np.ndarray
    source_frame: EmFrame
    target_frame: EmFrame
    train_index: np.ndarray
    val_index: np.ndarray

    @property
    def size(self) -> int:
        return self.source.shape[-1]

    @property
    def train_chars(self) -> list[str]:
        return [self.chars[i] for i in self.train_index]

    @property
    def val_chars(self) -> list[str]:
        return [self.chars[i] for i in self.val_index]

    @classmethod
    def build(
        cls,
        source: FontFile,
        target: FontFile,
        chars: list[str],
        size: int,
        margin: float = 0.0,
        validation: int | float = 0.1,
        seed: int = 0,
        *,
        cache: bool = True,
        min_pairs: int = MIN_PAIRS,
    ) -> GlyphPairs:
        shared = [c for c in dict.fromkeys(chars) if source.has(c) and target.has(c)]
        if not shared:
            raise FontAssistError(
                f"{source.full_name} and {target.full_name} share none of the {len(chars)} characters asked for, so there is nothing to learn from.",
                hint="Choose a larger character set, or fonts that cover the same script.",
            )
        if len(shared) < min_pairs:
            raise FontAssistError(
                f"{source.full_name} and {target.full_name} share only {len(shared)} of the characters asked for; at least {min_pairs} are needed to learn a style.",
                hint="Choose a larger character set (e.g. tw-edu-4808 or big5).",
            )
        src = render(source, shared, size, margin, cache=cache)
        tgt = render(target, shared, size, margin, cache=cache)
        for font, images in ((source, src.images), (target, tgt.images)):
            _check_ink(font, images, shared)
        train, val = split_indices(shared, validation, seed)
        if len(val) == 0 or len(train) < MIN_TRAIN_GLYPHS:
            raise FontAssistError(
                f"A validation of {validation} leaves {len(train)} training and {len(val)} validation glyphs "
                f"of the {len(shared)} shared; at least {MIN_TRAIN_GLYPHS} and 1 are needed.",
                hint="Use a validation count of 1 or more that leaves most glyphs to train on (e.g. 0.1).",
            )
        log.info("%d pairs at %d px: %d train, %d validation", len(shared), size, len(train), len(val))
        return cls(shared, src.images, tgt.images, src.frame, tgt.frame, train, val)
