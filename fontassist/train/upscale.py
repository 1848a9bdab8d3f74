"""Training the glyph upscaler on the target font's own glyphs, cached per font.

The target font has thousands of glyphs the pairing never uses. Each one,
rendered at the working size and at ``factor`` times it in the same em frame,
is a training example for :class:`fontassist.model.upscaler.GlyphUpscaler`; no
source font is involved. Training runs on random crops (the network is fully
convolutional), takes a minute or two on a CPU, and its result is cached on
disk beside the render cache, keyed by the font's content hash and every
setting, so the next run on the same target reuses it.

Characters passed as ``exclude`` (a run's validation characters) are never
trained on, so that figures measured on them stay honest.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Generator, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch.nn import functional as F

from ..data.dataset import from_model_range, to_model_range
from ..data.pairs import split_indices
from ..errors import FontAssistError
from ..fonts import EmFrame, FontFile, is_han, render
from ..fonts.render import CACHE
from ..jobs import Progress, check_cancel, report
from ..model.upscaler import GlyphUpscaler, UpscalerConfig, build_upscaler
from .predict import predict
from .similarity import iou

log = logging.getLogger(__name__)

FORMAT = "fontassist-upscaler"
VERSION = 1
# High-resolution pixels held in memory for training (uint8): 1,500 glyphs at 256 px, 380 at 512 px.
PIXEL_BUDGET = 100_000_000
HELD_OUT = 64  # target glyphs kept out of training to report the upscaler's own IoU


@dataclass(frozen=True)
class UpscalerTraining:
    """How the upscaler is trained: steps of ``batch`` crops of ``crop`` px (input size), Adam at ``lr``."""

    steps: int = 400
    batch: int = 16
    crop: int = 24
    glyphs: int = 1500
    lr: float = 1e-3
    seed: int = 0


# Glyphs per upscaler call (it runs on the CPU). The network is small, so a bigger batch buys no
# speed, but its activations grow with it (up to 1 MB a glyph per tensor): at 16 glyphs a call they
# were fresh memory the kernel mapped for every batch, a third of the upscaler's CPU time spent as
# system time (about 20 s of Big5's 7,528 glyphs); at 4 the allocator reuses them.
UPSCALE_BATCH = 4


@dataclass
class Upscaler:
    """A trained upscaler for one target font, working size and margin."""

    model: GlyphUpscaler = field(repr=False)
    size: int
    margin: float
    font_hash: str
    metrics: dict = field(default_factory=dict)
    trained_chars: int = 0

    @property
    def factor(self) -> int:
        return self.model.config.factor

    def frame(self, frame: EmFrame) -> EmFrame:
        """``frame`` (the working size's em frame) at the upscaled size."""
        return frame.upscaled(self.factor)

    def upscale(
        self, images: np.ndarray, *, batch_size: int = UPSCALE_BATCH, progress=None, cancel=None
    ) -> np.ndarray:
        """uint8 rasters N×S×S → uint8 rasters N×fS×fS (the same whatever ``batch_size``)."""
        images = np.asarray(images)
        if images.ndim != 3 or images.shape[-1] != self.size:
            raise FontAssistError(
                f"The upscaler was trained for {self.size} px glyphs, not {images.shape[-1]} px.",
                hint="Use the upscaler trained with the model, or --no-upscale.",
            )
        return predict(
            self.model, images, batch_size=batch_size, progress=progress, cancel=cancel, message="Enlarging"
        )

    def to_payload(self) -> dict:
        """What a checkpoint stores to pair a model with this upscaler (fp16 weights: a few hundred kB)."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "config": self.model.config.to_dict(),
            "state": {k: v.detach().half().clone() for k, v in self.model.state_dict().items()},
            "size": self.size,
            "margin": self.margin,
            "font_hash": self.font_hash,
            "metrics": dict(self.metrics),
            "trained_chars": self.trained_chars,
        }

    @classmethod
    def from_payload(cls, payload: dict) -> Upscaler:
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise FontAssistError("The stored upscaler is not a fontassist upscaler.")
        if payload.get("version", 0) > VERSION:
            raise FontAssistError(
                "The stored upscaler was written by a newer fontassist.", hint="Upgrade fontassist."
            )
        try:
            return cls(
                build_upscaler(payload["config"], payload["state"]),
                int(payload["size"]),
                float(payload["margin"]),
                str(payload["font_hash"]),
                dict(payload.get("metrics") or {}),
                int(payload.get("trained_chars", 0)),
            )
        except (KeyError, TypeError, ValueError) as e:
            raise FontAssistError(f"The stored upscaler is incomplete or damaged ({e}).") from None


def cache_directory() -> Path:
    """Where trained upscalers are kept: beside the render cache."""
    return CACHE.directory().parent / "upscale"


def _cache_key(
    font: FontFile, size: int, margin: float, exclude: str, config: UpscalerConfig, training: UpscalerTraining
) -> str:
    request = {
        "font": font.content_hash,
        "face": font.face_index,
        "size": size,
        "margin": margin,
        "exclude": exclude,
        "config": config.to_dict(),
        "training": asdict(training),
        "v": VERSION,
    }
    return hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()[:32]


def _read_cached(path: Path) -> Upscaler | None:
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
        return Upscaler.from_payload(payload)
    except FileNotFoundError:
        return None
    except Exception as e:  # a damaged cache entry only costs a retraining
        log.warning("ignoring the cached upscaler %s: %s", path, e)
        return None


def _write_cached(path: Path, upscaler: Upscaler) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        torch.save(upscaler.to_payload(), tmp)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        log.warning("upscaler cache not written to %s: %s", path, e)


def training_glyphs(font: FontFile, exclude: Iterable[str], count: int) -> tuple[list[str], list[str]]:
    """The target's ideographs (all its characters if it has none) minus ``exclude``: up to ``count``
    to train on and HELD_OUT to measure on, picked by a seeded hash of each character."""
    excluded = set(exclude)
    chars = sorted(c for c in font.chars if is_han(c) and c not in excluded)
    if len(chars) < 2 * HELD_OUT:
        chars = sorted(c for c in font.chars if not c.isspace() and c not in excluded)
    if len(chars) < 8:
        raise FontAssistError(
            f"The target font has only {len(chars)} usable glyphs; the upscaler needs more to learn from.",
            hint="Use --no-upscale.",
        )
    held = min(HELD_OUT, len(chars) // 4)
    train_index, held_index = split_indices(chars, held, 0)
    train = [chars[i] for i in train_index]
    if len(train) > count:
        keep, _ = split_indices(train, len(train) - count, 1)
        train = [train[i] for i in keep]
    return train, [chars[i] for i in held_index]


def upscaler_for(
    font: FontFile, size: int, margin: float = 0.0, *, progress: Progress | None = None, **options
) -> Upscaler:
    """The upscaler for ``font`` at ``size`` px: from the cache, else trained now (and cached).

    ``options`` are those of :func:`upscaler_steps` (``cache=False`` always trains a new one).
    ``progress`` and ``cancel`` follow :mod:`fontassist.jobs` (a cancel raises JobCancelled).
    """
    steps = upscaler_steps(font, size, margin, **options)
    while True:
        try:
            done, total = next(steps)
        except StopIteration as finished:
            return finished.value
        report(progress, done, total, "Training the upscaler")


def upscaler_steps(
    font: FontFile,
    size: int,
    margin: float = 0.0,
    *,
    exclude: Iterable[str] = (),
    config: UpscalerConfig | None = None,
    training: UpscalerTraining | None = None,
    cache: bool = True,
    cancel=None,
) -> Generator[tuple[int, int], None, Upscaler]:
    """:func:`upscaler_for` as a generator: yields ``(done, total)`` training steps (nothing when the
    cache has it) and returns the upscaler, so an event loop (the trainer's) can report its progress.

    The upscaler learns ``font``'s own glyphs (see the module docstring), the
    characters in ``exclude`` left out; a cancel raises JobCancelled.
    """
    config, training = config or UpscalerConfig(), training or UpscalerTraining()
    exclude = "".join(sorted(set(exclude)))
    path = cache_directory() / f"{_cache_key(font, size, margin, exclude, config, training)}.pt"
    if cache:
        cached = _read_cached(path)
        if cached is not None:
            log.info("upscaler for %s at %d px from the cache (%s)", font.full_name, size, path.name)
            return cached
    upscaler = yield from training_steps(font, size, margin, exclude, config, training, cancel)
    if cache:
        _write_cached(path, upscaler)
    return upscaler


def training_steps(
    font: FontFile,
    size: int,
    margin: float,
    exclude: str,
    config: UpscalerConfig,
    training: UpscalerTraining,
    cancel,
) -> Generator[tuple[int, int], None, Upscaler]:
    """Train a new upscaler, yielding ``(done, total)`` after each step; returns it."""
    factor = config.factor
    big = size * factor
    count = max(16, min(training.glyphs, PIXEL_BUDGET // (big * big)))
    train_chars, held_chars = training_glyphs(font, exclude, count)
    low = render(font, train_chars, size, margin).images
    high = render(font, train_chars, big, margin, cache=False).images
    generator = torch.Generator().manual_seed(training.seed)
    torch_state = torch.get_rng_state()
    torch.manual_seed(training.seed)
    model = GlyphUpscaler(config)
    torch.set_rng_state(torch_state)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=training.lr)
    crop = min(training.crop, size)
    inner = 2 * factor  # output pixels at the crop's edges see zero padding; they are not scored
    started = time.perf_counter()
    for step in range(training.steps):
        check_cancel(cancel, "Training the upscaler was cancelled; nothing was saved.")
        for group in optimizer.param_groups:  # cosine decay to 5 %
            group["lr"] = training.lr * (0.05 + 0.95 * 0.5 * (1 + np.cos(np.pi * step / training.steps)))
        index = torch.randint(len(low), (training.batch,), generator=generator).numpy()
        ys = torch.randint(size - crop + 1, (training.batch,), generator=generator).numpy()
        xs = torch.randint(size - crop + 1, (training.batch,), generator=generator).numpy()
        x = np.stack([low[i, y : y + crop, x0 : x0 + crop] for i, y, x0 in zip(index, ys, xs, strict=True)])
        t = np.stack(
            [
                high[i, y * factor : (y + crop) * factor, x0 * factor : (x0 + crop) * factor]
                for i, y, x0 in zip(index, ys, xs, strict=True)
            ]
        )
        out = model(to_model_range(x))
        loss = F.l1_loss(
            out[..., inner:-inner, inner:-inner], to_model_range(t)[..., inner:-inner, inner:-inner]
        )
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        yield step + 1, training.steps
    model.eval()
    upscaler = Upscaler(model, size, margin, font.content_hash, trained_chars=len(train_chars))
    upscaler.metrics = measure(upscaler, font, held_chars)
    upscaler.metrics["seconds"] = round(time.perf_counter() - started, 1)
    log.info(
        "upscaler for %s trained on %d glyphs in %.0f s: IoU at %d px %.3f (bicubic %.3f)",
        font.full_name,
        len(train_chars),
        upscaler.metrics["seconds"],
        big,
        upscaler.metrics["iou"],
        upscaler.metrics["bicubic_iou"],
    )
    return upscaler


def bicubic(images: np.ndarray, factor: int) -> np.ndarray:
    """uint8 rasters enlarged ``factor`` times by bicubic interpolation (the baseline to beat)."""
    x = to_model_range(np.asarray(images))
    return from_model_range(
        F.interpolate(x, scale_factor=factor, mode="bicubic", align_corners=False).clamp(-1, 1)
    )


def measure(upscaler: Upscaler, font: FontFile, chars: list[str]) -> dict:
    """Mean IoU at the upscaled size of ``chars``: upscaled vs the true render, and bicubic vs it."""
    if not chars:
        return {}
    low = render(font, chars, upscaler.size, upscaler.margin, cache=False).images
    high = render(font, chars, upscaler.size * upscaler.factor, upscaler.margin, cache=False).images
    return {
        "glyphs": len(chars),
        "iou": float(iou(upscaler.upscale(low), high).mean()),
        "bicubic_iou": float(iou(bicubic(low, upscaler.factor), high).mean()),
    }
