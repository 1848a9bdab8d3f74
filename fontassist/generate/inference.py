"""Running a trained model on a source font: the glyphs the target lacks, drawn in its style.

The source glyphs are rendered exactly as in training (same size, margin and
em frame), so the generated rasters show the *target's* em square and can be
traced straight back into the target font through ``frame``.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from ..fonts import EmFrame, FontFile, render
from ..glyphimages import ensure_folder, glyph_filename, save_glyph_pngs
from ..jobs import CancelToken, Progress
from ..safeio import save_image, write_text
from ..train.checkpoint import Checkpoint, load_checkpoint
from ..train.device import Precision, resolve_device
from ..train.predict import predict
from ..train.upscale import Upscaler
from .quality import is_flagged, quality_flags
from .sheets import review_sheet

log = logging.getLogger(__name__)


@dataclass
class GeneratedGlyphs:
    """Generated rasters (uint8 N×S×S, 0 paper, 255 ink) of ``chars``, in the target's em frame."""

    chars: list[str]
    images: np.ndarray = field(repr=False)
    frame: EmFrame
    flags: list[dict] = field(repr=False)
    source_images: np.ndarray = field(repr=False)
    skipped: list[str] = field(default_factory=list)  # asked for, but the source font lacks them
    upscaler: Upscaler | None = field(default=None, repr=False)
    _upscaled: tuple[np.ndarray, EmFrame] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.chars)

    def for_tracing(self, progress: Progress | None = None) -> tuple[np.ndarray, EmFrame]:
        """The rasters to trace and their frame: upscaled by the paired upscaler when there is one
        (e.g. 64 px glyphs traced at 256 px), else the generated rasters themselves. The first call
        upscales (``progress(done, total, "Enlarging")``), later ones return the same rasters."""
        if self.upscaler is None or not len(self.chars):
            return self.images, self.frame
        if self._upscaled is None:
            self._upscaled = (
                self.upscaler.upscale(self.images, progress=progress),
                self.upscaler.frame(self.frame),
            )
        return self._upscaled

    def flagged(self) -> list[str]:
        """Characters with any quality flag, most doubtful first."""
        order = sorted(range(len(self.chars)), key=lambda i: -self.flags[i]["score"])
        return [self.chars[i] for i in order if is_flagged(self.flags[i])]

    def save_pngs(self, folder: str | os.PathLike) -> int:
        """One black-on-white PNG per glyph, named by code point (``U+6C38.png``), upscaled when paired."""
        return save_glyph_pngs(self.for_tracing()[0], self.chars, folder)

    def save_report(self, path: str | os.PathLike) -> None:
        """A JSON list of the glyphs with their files and quality flags, most doubtful first."""
        order = sorted(range(len(self.chars)), key=lambda i: -self.flags[i]["score"])
        report = [
            {
                "char": self.chars[i],
                "codepoint": f"U+{ord(self.chars[i]):04X}",
                "file": glyph_filename(self.chars[i]),
                **self.flags[i],
            }
            for i in order
        ]
        write_text(path, json.dumps(report, ensure_ascii=False, indent=1) + "\n")

    def sheet(self, columns: int = 32, with_source: bool = False) -> np.ndarray:
        """A contact sheet (RGB), flagged glyphs framed in red; optionally each above its source glyph."""
        return review_sheet(
            self.images,
            [is_flagged(f) for f in self.flags],
            self.source_images if with_source else None,
            columns,
        )


class Generator:
    """A generator network loaded from a checkpoint, ready to run on any source font.

    ``average``: draw with the checkpoint's weight average (EMA) when it has one. ``upscale``: pair
    the glyphs with the checkpoint's upscaler, when it has one, so they are traced at its size.
    """

    def __init__(
        self, checkpoint: Checkpoint, device: str = "auto", *, upscale: bool = True, average: bool = True
    ):
        self.checkpoint = checkpoint
        self.config = checkpoint.config
        self.device = resolve_device(device)
        self.precision = Precision.choose(self.device, self.config.amp)
        self.model = checkpoint.build_generator(self.device, average=average)
        self.upscaler = (
            Upscaler.from_payload(checkpoint.upscaler) if upscale and checkpoint.upscaler else None
        )
        if self.precision.channels_last:
            self.model.to(memory_format=torch.channels_last)

    @classmethod
    def from_checkpoint(cls, path: str | os.PathLike, device: str = "auto", **options) -> Generator:
        return cls(load_checkpoint(path), device, **options)

    @property
    def size(self) -> int:
        return self.config.model.image_size

    @property
    def margin(self) -> float:
        return self.config.margin

    def target_frame(self, target_font: FontFile | None = None) -> EmFrame:
        """The em frame generated rasters are in: the given target font's, else the trained target's."""
        if target_font is not None:
            return target_font.frame(self.size, self.margin)
        saved = self.checkpoint.data.get("target_frame")
        if saved:
            return EmFrame.from_dict(saved)
        return EmFrame(1000, -120.0, self.size, self.margin)

    def run(
        self,
        source_font: FontFile,
        chars: list[str],
        *,
        target_font: FontFile | None = None,
        batch_size: int = 64,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        flags: bool = True,
    ) -> GeneratedGlyphs:
        """Generate ``chars`` from ``source_font``'s glyphs; characters the source lacks are skipped.

        ``progress(done, total, "Generating")`` is called after each batch; a cancel
        raises JobCancelled (:mod:`fontassist.jobs`).
        """
        rendered = render(source_font, chars, self.size, self.margin, cancel=cancel)
        if (
            source_font.upm
            and self.config.source_hash
            and source_font.content_hash != self.config.source_hash
        ):
            log.info(
                "generating from %s, not the source font the model was trained on", source_font.full_name
            )
        images = predict(
            self.model,
            rendered.images,
            device=self.device,
            batch_size=batch_size,
            autocast=self.precision.autocast(),
            channels_last=self.precision.channels_last,
            progress=progress,
            cancel=cancel,
        )
        return GeneratedGlyphs(
            chars=list(rendered.chars),
            images=images,
            frame=self.target_frame(target_font),
            flags=quality_flags(images, rendered.images)
            if flags
            else [{"score": 0} for _ in range(len(images))],
            source_images=np.asarray(rendered.images),
            skipped=rendered.missing,
            upscaler=self.upscaler,
        )


def write_outputs(
    glyphs: GeneratedGlyphs, out: str | os.PathLike, grid: str | os.PathLike | None = None
) -> Path:
    """PNGs per glyph and ``quality.json`` into ``out``; the contact sheet to ``grid`` when given."""
    folder = ensure_folder(out)
    glyphs.save_pngs(folder)
    glyphs.save_report(folder / "quality.json")
    if grid is not None:
        from PIL import Image

        grid = Path(grid)
        if grid.parent and not grid.parent.exists():
            ensure_folder(grid.parent)
        save_image(Image.fromarray(glyphs.sheet(with_source=True)), grid)
    return folder
