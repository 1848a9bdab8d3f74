"""Judging trained models on their held-out validation glyphs, alone or side by side.

The validation glyphs are rebuilt from the checkpoint's own config (same fonts,
characters, size and seed give the same split), so a model is never scored on
glyphs it was trained on. Every figure comes with the identity baseline —
the source glyph scored as if it were the prediction — which is the floor a
model has to beat.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import FontAssistError
from ..fonts import open_font, render
from ..jobs import CancelToken, Progress, check_cancel, report
from .checkpoint import Checkpoint, load_checkpoint
from .device import resolve_device
from .grids import comparison_grid
from .metricnames import HIGHER_IS_BETTER, METRIC_NAMES
from .predict import predict
from .similarity import glyph_metrics, mean_metrics
from .trainer import build_pairs

log = logging.getLogger(__name__)

GRID_GLYPHS = 16


@dataclass
class EvalResult:
    """A model's outputs and metrics on validation glyphs, with the identity baseline."""

    checkpoint: Path
    step: int
    norm: str
    size: int
    chars: list[str]
    source: np.ndarray = field(repr=False)
    target: np.ndarray = field(repr=False)
    generated: np.ndarray = field(repr=False)
    per_glyph: dict[str, np.ndarray] = field(repr=False)
    baseline_per_glyph: dict[str, np.ndarray] = field(repr=False)
    warnings: list[str] = field(default_factory=list)

    @property
    def metrics(self) -> dict[str, float]:
        return mean_metrics(self.per_glyph)

    @property
    def baseline(self) -> dict[str, float]:
        return mean_metrics(self.baseline_per_glyph)

    def subset(self, chars: list[str]) -> EvalResult:
        """The same result restricted to ``chars`` (in that order)."""
        where = {c: i for i, c in enumerate(self.chars)}
        index = np.array([where[c] for c in chars], dtype=np.int64)
        return EvalResult(
            self.checkpoint,
            self.step,
            self.norm,
            self.size,
            list(chars),
            self.source[index],
            self.target[index],
            self.generated[index],
            {k: v[index] for k, v in self.per_glyph.items()},
            {k: v[index] for k, v in self.baseline_per_glyph.items()},
            list(self.warnings),
        )

    def grid(self, glyphs: int = GRID_GLYPHS) -> np.ndarray:
        index = _spread(len(self.chars), glyphs)
        return comparison_grid([self.source[index], self.generated[index], self.target[index]])

    def to_dict(self, per_glyph: bool = False) -> dict:
        d = {
            "checkpoint": str(self.checkpoint),
            "step": self.step,
            "norm": self.norm,
            "size": self.size,
            "glyphs": len(self.chars),
            "metrics": self.metrics,
            "baseline": self.baseline,
        }
        if per_glyph:
            d["per_glyph"] = [
                {
                    "char": c,
                    "codepoint": f"U+{ord(c):04X}",
                    **{name: round(float(self.per_glyph[name][i]), 5) for name in METRIC_NAMES},
                    **{
                        f"baseline_{name}": round(float(self.baseline_per_glyph[name][i]), 5)
                        for name in METRIC_NAMES
                    },
                }
                for i, c in enumerate(self.chars)
            ]
        return d


def _spread(count: int, wanted: int) -> np.ndarray:
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.linspace(0, count - 1, min(wanted, count)).round().astype(np.int64))


def _trained_font(path: str, face: int, saved_hash: str | None, saved_name: str | None = None):
    """The font a run was trained on: its saved path, or, when that is gone (a checkpoint made on
    another machine, like the bundled demo model), the bundled font with the same content."""
    from .. import resources

    if saved_hash and not Path(path).is_file():
        candidates = sorted(resources.FONTS.glob("*.ttf"))
        for candidate in candidates:
            font = open_font(candidate)
            if font.content_hash == saved_hash:
                return font
        # A bundled font may now be the whole font a subset was cut from (the demo target):
        # the same glyphs under the same name.
        for candidate in candidates if saved_name else ():
            font = open_font(candidate)
            if font.full_name == saved_name:
                return font
    return open_font(path, face)


def evaluate(
    checkpoint_or_run: str | os.PathLike | Checkpoint,
    *,
    device: str = "auto",
    batch_size: int = 64,
    source: str | os.PathLike | None = None,
    target: str | os.PathLike | None = None,
    chars: list[str] | None = None,
    any_chars: bool = False,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> EvalResult:
    """Run a checkpoint on its validation glyphs and score it.

    ``source`` / ``target`` replace the font paths saved in the checkpoint (for
    a run whose fonts have moved); ``chars`` restricts the validation glyphs, or, with
    ``any_chars``, is the set to score whatever the split (a warning names the ones the model
    trained on). ``progress`` and ``cancel`` follow :mod:`fontassist.jobs`.
    """
    checkpoint = (
        checkpoint_or_run if isinstance(checkpoint_or_run, Checkpoint) else load_checkpoint(checkpoint_or_run)
    )
    config = checkpoint.config
    warnings = []
    try:
        source_font = (
            open_font(source, config.source_face)
            if source
            else _trained_font(
                config.source, config.source_face, config.source_hash, checkpoint.data.get("source_name")
            )
        )
        target_font = (
            open_font(target, config.target_face)
            if target
            else _trained_font(
                config.target, config.target_face, config.target_hash, checkpoint.data.get("target_name")
            )
        )
    except FontAssistError as e:
        raise FontAssistError(
            f"{e} The model was trained with the fonts {config.source} and {config.target}.",
            hint="If they have moved, give their new paths (--source / --target).",
        ) from None
    for font, saved, role in (
        (source_font, config.source_hash, "source"),
        (target_font, config.target_hash, "target"),
    ):
        if saved and saved != font.content_hash:
            warnings.append(
                f"The {role} font {font.path} differs from the one this model was trained with; "
                "its validation glyphs may not be held out any more."
            )
    for message in warnings:
        log.warning("%s", message)
    check_cancel(cancel, "Evaluation was cancelled.")
    if any_chars:
        if chars is None:
            raise ValueError("any_chars=True needs the characters to score")
        src, tgt, val_chars = _chosen_glyphs(checkpoint, source_font, target_font, chars, warnings)
        return _score(checkpoint, device, batch_size, val_chars, src, tgt, warnings, progress, cancel)
    pairs = build_pairs(config, source_font, target_font)
    val_chars = pairs.val_chars
    index = np.asarray(pairs.val_index)
    if chars is not None:
        wanted = set(chars)
        keep = [i for i, c in zip(index, val_chars, strict=False) if c in wanted]
        index = np.asarray(keep, dtype=np.int64)
        val_chars = [pairs.chars[i] for i in index]
    if len(index) == 0:
        raise FontAssistError(
            "There are no validation glyphs to evaluate.",
            path=checkpoint.path,
            hint="Train with a validation count of at least 1.",
        )
    return _score(
        checkpoint,
        device,
        batch_size,
        val_chars,
        pairs.source[index],
        pairs.target[index],
        warnings,
        progress,
        cancel,
    )


def _chosen_glyphs(checkpoint: Checkpoint, source_font, target_font, chars: list[str], warnings: list[str]):
    """Source and target rasters of the ``chars`` both fonts have, with a warning for any the model trained on."""
    config = checkpoint.config
    size, margin = config.model.image_size, config.margin
    before = len(warnings)
    shared = [c for c in dict.fromkeys(chars) if source_font.has(c) and target_font.has(c)]
    if len(shared) < len(set(chars)):
        warnings.append(
            f"{len(set(chars)) - len(shared)} of the characters are not in both fonts and are left out."
        )
    if not shared:
        raise FontAssistError(
            "None of the characters to score is in both fonts.", hint="Give characters both fonts have."
        )
    trained_on = checkpoint.data.get("train_chars")
    if trained_on is None:  # checkpoints from before the training characters were recorded
        trained_on = "".join(build_pairs(config, source_font, target_font).train_chars)
    seen = [c for c in shared if c in set(trained_on)]
    if seen:
        warnings.append(
            f"The model trained on {len(seen)} of these {len(shared)} characters ({''.join(seen[:20])}"
            f"{'…' if len(seen) > 20 else ''}); their scores flatter it."
        )
    for message in warnings[before:]:
        log.warning("%s", message)
    src = render(source_font, shared, size, margin).images
    tgt = render(target_font, shared, size, margin).images
    return src, tgt, shared


def _score(
    checkpoint: Checkpoint,
    device: str,
    batch_size: int,
    chars,
    src,
    tgt,
    warnings,
    progress=None,
    cancel=None,
) -> EvalResult:
    config = checkpoint.config
    torch_device = resolve_device(device)
    model = checkpoint.build_generator(torch_device)
    generated = predict(
        model,
        src,
        device=torch_device,
        batch_size=batch_size,
        progress=progress,
        cancel=cancel,
        message=f"Evaluating {checkpoint.path.name}",
    )
    return EvalResult(
        checkpoint.path,
        checkpoint.step,
        config.model.norm,
        config.model.image_size,
        list(chars),
        src,
        tgt,
        generated,
        glyph_metrics(generated, tgt),
        glyph_metrics(src, tgt),
        warnings,
    )


@dataclass
class CompareResult:
    """Two models on the same validation glyphs."""

    a: EvalResult
    b: EvalResult
    chars: list[str]

    def grid(self, glyphs: int = GRID_GLYPHS) -> np.ndarray:
        """Rows source | A | B | target (at the larger of the two sizes)."""
        index = _spread(len(self.chars), glyphs)
        return comparison_grid(
            [self.a.source[index], self.a.generated[index], self.b.generated[index], self.a.target[index]]
        )

    def winner(self) -> dict[str, str]:
        """Per metric, "a", "b" or "tie"."""

        out = {}
        ma, mb = self.a.metrics, self.b.metrics
        for name in METRIC_NAMES:
            if abs(ma[name] - mb[name]) < 1e-9:
                out[name] = "tie"
            else:
                out[name] = "a" if (ma[name] > mb[name]) == HIGHER_IS_BETTER[name] else "b"
        return out

    def to_dict(self, per_glyph: bool = False) -> dict:
        return {
            "glyphs": len(self.chars),
            "a": self.a.to_dict(per_glyph),
            "b": self.b.to_dict(per_glyph),
            "better": self.winner(),
        }


def compare(
    run_a: str | os.PathLike,
    run_b: str | os.PathLike,
    *,
    device: str = "auto",
    batch_size: int = 64,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> CompareResult:
    """Evaluate two runs (or checkpoints) on the validation glyphs they share.

    ``progress`` counts the models scored (of 2); ``cancel`` stops it between
    batches (the job protocol of :mod:`fontassist.jobs`).
    """
    report(progress, 0, 2, "Scoring A")
    checkpoint_a, checkpoint_b = load_checkpoint(run_a), load_checkpoint(run_b)
    shared = set(checkpoint_a.validation_chars) & set(checkpoint_b.validation_chars)
    if not shared and checkpoint_a.validation_chars and checkpoint_b.validation_chars:
        raise FontAssistError(
            f"{checkpoint_a.path} and {checkpoint_b.path} share no validation glyphs, so they cannot be compared fairly.",
            hint="Train both with the same fonts, characters, validation count and seed.",
        )
    a = evaluate(
        checkpoint_a,
        device=device,
        batch_size=batch_size,
        chars=sorted(shared) if shared else None,
        cancel=cancel,
    )
    report(progress, 1, 2, "Scoring B")
    b = evaluate(checkpoint_b, device=device, batch_size=batch_size, chars=a.chars, cancel=cancel)
    report(progress, 2, 2, "Scored")
    common = [c for c in a.chars if c in set(b.chars)]
    if not common:
        raise FontAssistError(
            f"{checkpoint_a.path} and {checkpoint_b.path} share no validation glyphs.",
            hint="Train both with the same fonts, characters, validation count and seed.",
        )
    if checkpoint_a.config.target_hash != checkpoint_b.config.target_hash:
        log.warning("the two runs learned different target fonts; their metrics measure different things")
    return CompareResult(a.subset(common), b.subset(common), common)
