"""The fixed held-out set of the model benchmarks, and how a set of generated glyphs is scored on it.

``validation-500.txt`` beside this file holds 500 characters of tw-edu-4808 that Noto Sans TC and
Zen Maru Gothic both have (``split_indices(shared, 500, seed=0)``, the same 500 the bundled demo
model was validated on). No benchmark trains on them; the upscaler is trained without them too.

A glyph set is scored the way a user meets it: traced, written into a font, and that font
rendered at 128 px against Zen Maru Gothic's real glyphs:
- ``iou``: mean IoU of the 50 %-binarised 128 px rasters (higher is better);
- ``counter_mismatch_target`` / ``counter_mismatch_source``: share of glyphs whose number of
  counters (enclosed holes) differs from the real target glyph's / from the source glyph's;
- ``flagged``: share of glyphs the review flags (:func:`fontassist.generate.is_flagged`, against
  the source glyph at 128 px); for scale, the real target glyphs are flagged at ``flagged`` of
  the ``copy the target`` row.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from fontassist.fonts import open_font, render
from fontassist.generate import is_flagged, quality_flags
from fontassist.generate.quality import topology
from fontassist.pipeline import write_font
from fontassist.train.similarity import iou

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "fonts"
SOURCE = SHARED / "NotoSansTC-Regular.ttf"
TARGET = SHARED / "ZenMaruGothic-Regular.ttf"
VALIDATION_FILE = HERE / "validation-500.txt"
SCORE_SIZE = 128


def validation_chars() -> str:
    return VALIDATION_FILE.read_text(encoding="utf-8").strip()


class Scorer:
    """Scores rasters (or a written font) on characters ``chars`` at SCORE_SIZE px."""

    def __init__(self, chars: str, source=SOURCE, target=TARGET):
        self.source_font, self.target_font = open_font(source), open_font(target)
        self.chars = list(chars)
        self.truth = render(self.target_font, self.chars, SCORE_SIZE).images
        self.source = render(self.source_font, self.chars, SCORE_SIZE).images
        self.truth_holes = topology(self.truth)["holes"]
        self.source_holes = topology(self.source)["holes"]

    def score_rasters(self, images: np.ndarray) -> dict:
        """Measures of SCORE_SIZE px rasters of ``chars`` (see the module docstring)."""
        holes = topology(images)["holes"]
        flags = quality_flags(images, self.source)
        return {
            "iou": float(iou(images, self.truth).mean()),
            "counter_mismatch_target": float(np.mean(holes != self.truth_holes)),
            "counter_mismatch_source": float(np.mean(holes != self.source_holes)),
            "flagged": float(np.mean([is_flagged(f) for f in flags])),
        }

    def baselines(self) -> dict:
        return {
            "copy the source": self.score_rasters(self.source),
            "copy the target": self.score_rasters(self.truth),
        }

    def score_glyphs(self, images: np.ndarray, frame, keep: str | Path | None = None) -> dict:
        """Trace ``images`` (on ``frame``), write them into a new font, render it and score it."""
        with tempfile.TemporaryDirectory(prefix="model-heldout-") as folder:
            path = Path(keep) if keep else Path(folder) / "heldout.ttf"
            write_font(
                images,
                self.chars,
                frame,
                self.target_font,
                path,
                family="Heldout Check",
                mode="new",
                validate=False,
            )
            written = render(open_font(path), self.chars, SCORE_SIZE, cache=False)
            if written.missing:
                raise RuntimeError(f"{len(written.missing)} glyphs traced to nothing")
            return self.score_rasters(written.images)
