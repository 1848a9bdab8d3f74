"""Paired glyph sets for training (torch's Dataset lives in :mod:`fontassist.data.dataset`)."""

from .pairs import MIN_PAIRS, GlyphPairs, split_indices

__all__ = ["GlyphPairs", "MIN_PAIRS", "split_indices"]
