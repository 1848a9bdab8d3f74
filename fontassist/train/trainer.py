"""The training engine: an iterator of events that trains, evaluates, previews and checkpoints.

``for event in Trainer(config, run_dir): ...`` runs the whole job in the
caller's thread, one optimisation step per ``StepEvent``. It imports no Qt and
never prints; the CLI and the app read its events. A :class:`~fontassist.jobs.CancelToken` is
checked before every step: once set, the trainer saves a checkpoint and raises
:class:`~fontassist.jobs.JobCancelled` naming it (the job protocol of :mod:`fontassist.jobs`).

One step (pix2pix, with zi2zi's optional constant loss):
  D: adv(D(src, target), real) + adv(D(src, G(src)), fake), halved   [from ``adv_start`` on]
  G: l1_weight * |G(src) - target| + adv_weight * adv(D(src, G(src)), real)
     + const_weight * |enc(G(src)) - enc(src)|² + iou_weight * (1 - softIoU(G(src), target))
     + cldice_weight * (1 - softclDice(G(src), target))

With ``ema_decay`` > 0 an exponential moving average of the generator's weights
is kept beside them; validation, previews, ``best.pt`` and generation use the
average (it smooths out the last steps' noise, most of all under the
adversarial loss). ``best.pt`` is the checkpoint with the highest validation
IoU so far, written beside ``last.pt`` whenever a validation beats it.

Determinism: everything random (weights, batch order, augmentation, dropout)
comes from seeded generators whose states go into each checkpoint, and the
learning rate is a pure function of the step, so on the CPU a run stopped and
resumed ends with exactly the weights of an uninterrupted one.

Under torchrun the same trainer runs in every process; :mod:`.distributed`
shards the batches, wraps the models in DistributedDataParallel and keeps the
ranks' decisions in step, and only rank 0 writes the run folder.
"""

from __future__ import annotations

import copy
import logging
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import torch

from ..data.dataset import BatchStream, GlyphPairDataset, JointAugment
from ..data.pairs import GlyphPairs
from ..errors import FontAssistError
from ..fonts import named_charset, open_font, parse_chars
from ..jobs import CancelToken, JobCancelled
from ..model import build_discriminator, build_generator, load_discriminator_state, load_generator_state
from ..model.losses import adversarial_loss, cldice_loss, constant_loss, l1_loss
from ..safeio import FolderLock, clean_stale_temps, describe_os_error, link_or_copy
from . import runfolder
from .checkpoint import (
    BEST,
    LAST,
    Checkpoint,
    list_checkpoints,
    load_checkpoint,
    periodic_name,
    prune_checkpoints,
    save_checkpoint,
    training_payload,
)
from .device import Precision, is_out_of_memory, resolve_device
from .distributed import Distributed
from .events import (
    CheckpointEvent,
    EvalEvent,
    FinishedEvent,
    PreparingEvent,
    PreviewEvent,
    StepEvent,
    TrainEvent,
)
from .grids import comparison_grid, save_picture
from .predict import predict
from .similarity import glyph_metrics, mean_metrics
from .trainconfig import RUN_LENGTH_FIELDS, TrainConfig

log = logging.getLogger(__name__)

PREVIEW_GLYPHS = 12
UPSCALER_REPORT_EVERY = 10  # upscaler training steps per PreparingEvent
_EMA = 0.9


def training_chars(config: TrainConfig) -> list[str]:
    """The character list a config names (a charset, or its custom text)."""
    if config.chars:
        return parse_chars(config.chars).chars
    return named_charset(config.charset)


def build_pairs(config: TrainConfig, source=None, target=None, *, cache: bool = True) -> GlyphPairs:
    """The glyph pairs (and their train/validation split) a config describes."""
    source = source or open_font(config.source, config.source_face)
    target = target or open_font(config.target, config.target_face)
    chars = training_chars(config)
    if not config.validation_chars:
        return GlyphPairs.build(
            source,
            target,
            chars,
            config.model.image_size,
            config.margin,
            config.validation,
            config.seed,
            cache=cache,
        )
    held_out = set(config.validation_chars)
    # Held-out characters go last so that the split below can name them by position.
    ordered = [c for c in chars if c not in held_out] + [c for c in dict.fromkeys(config.validation_chars)]
    pairs = GlyphPairs.build(
        source, target, ordered, config.model.image_size, config.margin, 1, config.seed, cache=cache
    )
    val = np.array([i for i, c in enumerate(pairs.chars) if c in held_out], dtype=np.int64)
    if len(val) == 0 or len(val) == len(pairs.chars):
        raise FontAssistError(
            f"The fixed validation characters leave {len(pairs.chars) - len(val)} of "
            f"{len(pairs.chars)} shared glyphs for training and {len(val)} for validation.",
            hint="Give validation characters that both fonts have, and fewer than the whole set.",
        )
    pairs.val_index = val
    pairs.train_index = np.setdiff1d(np.arange(len(pairs.chars)), val)
    return pairs


class Trainer:
    """Train the model ``config`` describes into ``run_dir``; iterate to run (see the module docstring).

    ``resume=True`` continues from the run's newest checkpoint when there is
    one; the saved data and model settings win, and only the run-length fields
    (steps, epochs, intervals, device, amp) may differ. Without ``resume`` a
    folder that already holds a run is refused.
    """

    def __init__(
        self,
        config: TrainConfig,
        run_dir: str | os.PathLike,
        *,
        resume: bool = False,
        cancel: CancelToken | None = None,
    ):
        self.run_dir = Path(run_dir)
        self.cancel = cancel or CancelToken()
        self.warnings: list[str] = []
        self.step = 0
        self.total_steps: int | None = None
        self._resume_from: Checkpoint | None = None
        self._last_checkpoint: Path | None = None
        self._started = False
        self._pending: list[dict] = []  # history records not yet written
        self._resume = resume

        existing = list_checkpoints(self.run_dir)
        if not resume and (existing or runfolder.is_run_dir(self.run_dir)):
            raise FontAssistError(
                "already holds a training run.",
                path=self.run_dir,
                hint="Resume it (--resume) or choose another output folder.",
            )
        if resume and existing:
            checkpoint = load_checkpoint(existing[-1])
            if not checkpoint.training:
                raise FontAssistError(
                    "holds an inference-only checkpoint, which cannot be trained further.",
                    path=checkpoint.path,
                )
            changed = config.same_run_as(checkpoint.config)
            if changed:
                raise FontAssistError(
                    f"The run in {self.run_dir} was trained with other settings ({', '.join(changed)}); a resumed "
                    "run keeps its data and model settings.",
                    hint="Resume without changing them, or start a new run in another folder.",
                )
            config = checkpoint.config.replace(**{name: getattr(config, name) for name in RUN_LENGTH_FIELDS})
            config.check()
            self._resume_from = checkpoint
            self._last_checkpoint = checkpoint.path
            self.step = checkpoint.step
        self.config = config
        self.dist = Distributed.from_environment()
        self.device = self.dist.device(resolve_device(config.device))
        self.precision = Precision.choose(self.device, config.amp)
        self.dist.check_batch(config.batch_size)
        # What turns the state back into that of the last completed step when another rank fails mid-step:
        # {} = nothing to undo, a dict = the stream, RNG and buffers to put back, None = an optimiser has stepped.
        self._step_start: dict | None = {}
        self._last_saved_step = self.step if self._last_checkpoint is not None else None
        # Every rank has passed the checks above before rank 0 writes anything to the run folder.
        self.dist.start(self.device)

    @classmethod
    def resume_from(
        cls, run_dir: str | os.PathLike, cancel: CancelToken | None = None, **run_length
    ) -> Trainer:
        """Continue the run in ``run_dir``; ``run_length`` may change steps, epochs, intervals, device, amp."""
        wrong = sorted(set(run_length) - set(RUN_LENGTH_FIELDS))
        if wrong:
            raise FontAssistError(
                f"A resumed run cannot change {', '.join(wrong)}.",
                hint=f"Only these may change: {', '.join(RUN_LENGTH_FIELDS)}.",
            )
        checkpoints = list_checkpoints(run_dir)
        config = load_checkpoint(checkpoints[-1]).config if checkpoints else runfolder.read_config(run_dir)
        return cls(config.replace(**run_length), run_dir, resume=True, cancel=cancel)

    def __iter__(self) -> Iterator[TrainEvent]:
        if self._started:
            raise RuntimeError("a Trainer runs once; make a new one (or resume_from) to train again")
        self._started = True
        lock = FolderLock(self.run_dir)
        try:
            if self.dist.is_writer:  # rank 0 writes the run folder; the other ranks only train
                self._lock_run_dir(lock)
            yield from self._run()
        except JobCancelled:
            raise  # the job protocol's one way a cancelled job ends
        except FontAssistError as e:
            log.debug("training stopped", exc_info=True)
            yield FinishedEvent(self.step, "error", str(e), self._last_checkpoint)
        finally:
            lock.release()
            self.dist.stop()

    def _lock_run_dir(self, lock: FolderLock) -> None:
        """Take the run folder for this process alone, then clear what a killed run left there."""
        try:
            self.run_dir.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise FontAssistError(
                "is a file, not a run folder.", path=self.run_dir, hint="Give a folder for --out."
            ) from None
        except OSError as e:
            raise FontAssistError(
                f"cannot be created: {describe_os_error(e)}.",
                path=self.run_dir,
                hint="Choose another folder.",
            ) from None
        lock.acquire()
        # Another run may have finished in this folder since this trainer was made.
        if (
            self._resume_from is None
            and not self._resume
            and (list_checkpoints(self.run_dir) or runfolder.is_run_dir(self.run_dir))
        ):
            raise FontAssistError(
                "already holds a training run.",
                path=self.run_dir,
                hint="Resume it (--resume) or choose another output folder.",
            )
        for folder in (self.run_dir, self.run_dir / runfolder.PREVIEWS):
            clean_stale_temps(folder, all_stale=True)

    # ----------------------------------------------------------------- setup

    def _warn(self, message: str) -> None:
        log.warning("%s", message)
        self.warnings.append(message)

    def _open_fonts(self):
        source = open_font(self.config.source, self.config.source_face)
        target = open_font(self.config.target, self.config.target_face)
        for font, saved, role in (
            (source, self.config.source_hash, "source"),
            (target, self.config.target_hash, "target"),
        ):
            if saved and saved != font.content_hash:
                self._warn(
                    f"The {role} font {font.path} has changed since this run started; the glyphs it now "
                    "renders differ from the ones trained on so far."
                )
        self.config = self.config.replace(source_hash=source.content_hash, target_hash=target.content_hash)
        return source, target

    def _prepare(self) -> Iterator[TrainEvent]:
        config = self.config
        torch.manual_seed(config.seed)
        np.random.seed(config.seed % 2**32)
        random.seed(config.seed)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        source, target = self._open_fonts()
        pairs = build_pairs(config, source, target)
        self.pairs = pairs
        self.train_set = GlyphPairDataset(pairs)
        self.val_set = GlyphPairDataset.validation(pairs)
        self.total_steps = config.total_steps(len(self.train_set))
        augment = JointAugment(config.augment_shift, config.augment_scale)
        shard = self.dist.shard(config.batch_size) if self.dist.active else None
        self.stream = BatchStream(
            self.train_set, config.batch_size, config.seed + 1, augment, self.device, shard=shard
        )
        self.data_info = {
            "source_frame": pairs.source_frame.to_dict(),
            "target_frame": pairs.target_frame.to_dict(),
            "source_name": source.full_name,
            "target_name": target.full_name,
            "val_chars": "".join(pairs.val_chars),
            "train_chars": "".join(pairs.train_chars),
            "train_glyphs": len(self.train_set),
        }
        self.upscaler: dict | None = None
        if config.upscale:
            self.upscaler = self._resume_from.upscaler if self._resume_from is not None else None
            if self.upscaler is None:
                self.upscaler = yield from self._train_upscaler(target, pairs.val_chars)
        count = min(PREVIEW_GLYPHS, len(self.val_set))
        self.preview_index = (
            np.linspace(0, len(self.val_set) - 1, count).round().astype(int) if count else np.zeros(0, int)
        )

        torch.manual_seed(config.seed)
        checkpoint = self._resume_from
        if checkpoint is not None:
            self.generator = load_generator_state(
                config.model, checkpoint.generator_state, path=checkpoint.path
            )
        else:
            self.generator = build_generator(config.model)
        self.discriminator = None
        if config.adversarial:
            if checkpoint is not None and checkpoint.discriminator_state is not None:
                self.discriminator = load_discriminator_state(
                    config.model, checkpoint.discriminator_state, path=checkpoint.path
                )
            else:
                self.discriminator = build_discriminator(config.model)
        memory_format = torch.channels_last if self.precision.channels_last else torch.preserve_format
        self.generator = self.dist.prepare(self.generator, self.device)
        self.generator.to(self.device, memory_format=memory_format).train()
        self.generator_ema = None
        if config.ema_decay > 0:
            self.generator_ema = copy.deepcopy(self.generator).eval().requires_grad_(False)
            if checkpoint is not None and checkpoint.generator_ema_state is not None:
                self.generator_ema.load_state_dict(checkpoint.generator_ema_state)
        if self.discriminator is not None:
            self.discriminator = self.dist.prepare(self.discriminator, self.device)
            self.discriminator.to(self.device, memory_format=memory_format).train()
        # What the training steps call: DDP wrappers (several processes), compiled (--compile), or the
        # modules themselves. Checkpoints, evaluation and previews use the plain modules.
        self.train_generator = self._step_module(self.generator)
        self.train_discriminator = (
            self._step_module(self.discriminator) if self.discriminator is not None else None
        )
        betas = (config.beta1, config.beta2)
        self.optimizer_g = torch.optim.Adam(self.generator.parameters(), lr=config.lr, betas=betas)
        self.optimizer_d = (
            torch.optim.Adam(self.discriminator.parameters(), lr=config.lr_d or config.lr, betas=betas)
            if self.discriminator is not None
            else None
        )
        self.scaler = torch.amp.GradScaler(self.device.type, enabled=self.precision.scale_loss)
        if checkpoint is not None:
            self._restore(checkpoint)
        self.dist.decorrelate_rng()
        self.history = runfolder.History(self.run_dir)
        self._pending = []
        if self.dist.is_writer:
            runfolder.write_config(self.run_dir, self.config)
            self.history.trim(self.step)
            (self.run_dir / runfolder.PREVIEWS).mkdir(exist_ok=True)
        self.baseline = mean_metrics(glyph_metrics(self.val_set.source.numpy(), self.val_set.target.numpy()))
        self.last_metrics: dict | None = checkpoint.metrics if checkpoint is not None else None
        self.best = dict(checkpoint.best) if checkpoint is not None and checkpoint.best else None
        log.info(
            "training on %s (%s): %d train / %d validation glyphs, %d steps",
            self.precision.describe(),
            self.dist.describe(),
            len(self.train_set),
            len(self.val_set),
            self.total_steps,
        )

    def _train_upscaler(self, target, validation_chars: list[str]) -> Iterator[TrainEvent]:
        """The upscaler for the target at this size (cached per font), as a checkpoint payload;
        the validation characters stay out of its training too. Yields its training progress."""
        from .upscale import upscaler_steps

        config = self.config
        log.info("upscaler: training on %s's own glyphs (or reading it from the cache)", target.full_name)
        steps = upscaler_steps(
            target, config.model.image_size, config.margin, exclude=validation_chars, cancel=self.cancel
        )
        message = f"Training the upscaler on {target.full_name}'s own glyphs"
        while True:
            try:
                done, total = next(steps)
            except StopIteration as finished:
                return finished.value.to_payload()
            if done == 1 or done == total or done % UPSCALER_REPORT_EVERY == 0:
                yield PreparingEvent(message, done, total)

    def _step_module(self, module: torch.nn.Module) -> torch.nn.Module:
        wrapped = self.dist.wrap(module, self.device)
        return torch.compile(wrapped) if self.config.compile else wrapped

    def _restore(self, checkpoint: Checkpoint) -> None:
        try:
            self.optimizer_g.load_state_dict(checkpoint.optimizer_g)
            if self.optimizer_d is not None and checkpoint.optimizer_d is not None:
                self.optimizer_d.load_state_dict(checkpoint.optimizer_d)
            if checkpoint.scaler:
                self.scaler.load_state_dict(checkpoint.scaler)
            rng = checkpoint.rng or {}
            if "stream" in rng:
                self.stream.load_state_dict(rng["stream"])
            _set_rng_state(rng)
        except (ValueError, KeyError, TypeError, RuntimeError) as e:
            raise FontAssistError(
                f"cannot be resumed: its optimiser or random state does not fit this run ({e}).",
                path=checkpoint.path,
                hint="Resume from another checkpoint or start a new run.",
            ) from None

    # ------------------------------------------------------------- main loop

    def _run(self) -> Iterator[TrainEvent]:
        # One guard for the whole run: a GPU out-of-memory error while preparing, stepping,
        # evaluating or previewing ends the run with a message; the last checkpoint stays as it was.
        try:
            yield from self._run_steps()
        except RuntimeError as e:
            if self.dist.is_peer_failure(e):
                yield from self._peer_failed(e)
                return
            if not is_out_of_memory(e):
                raise
            self._flush_history()
            yield self._out_of_memory()

    def _run_steps(self) -> Iterator[TrainEvent]:
        yield from self._prepare()
        config, total = self.config, self.total_steps
        if self.step >= total:
            yield FinishedEvent(
                self.step,
                "completed",
                f"The run is already at step {self.step} of {total}; give more steps to train further.",
                self._last_checkpoint,
            )
            return
        start_step, start_time = self.step, time.perf_counter()
        step_time = None
        while self.step < total:
            if self.dist.any(self.cancel.cancelled):
                yield from self._stop_cancelled(start_step)
                return
            tick = time.perf_counter()
            losses, bad = self._train_step(self.step)
            if bad is not None:
                self._flush_history()
                yield self._diverged(bad)
                return
            self.step += 1
            elapsed = time.perf_counter() - tick
            step_time = elapsed if step_time is None else _EMA * step_time + (1 - _EMA) * elapsed
            per_step = (time.perf_counter() - start_time) / (self.step - start_step)
            lr = self.optimizer_g.param_groups[0]["lr"]
            yield StepEvent(
                self.step,
                total,
                losses,
                config.batch_size / max(step_time, 1e-9),
                per_step * (total - self.step),
                lr,
            )
            if self.step % config.log_every == 0:
                self._pending.append(
                    {
                        "step": self.step,
                        "losses": losses,
                        "lr": lr,
                        "images_per_s": round(config.batch_size / max(step_time, 1e-9), 2),
                        "elapsed_s": round(time.perf_counter() - start_time, 2),
                    }
                )
            final = self.step == total
            if self.dist.is_writer and (final or self.step % config.eval_every == 0):
                self.last_metrics = self._evaluate()
                record = {"step": self.step, "eval": self.last_metrics, "baseline": self.baseline}
                if self.generator_ema is not None:
                    record["eval_raw"] = self._evaluate(self.generator)
                self._pending.append(record)
                yield EvalEvent(self.step, dict(self.last_metrics), dict(self.baseline))
                if self.best is None or self.last_metrics["iou"] > self.best["iou"]:
                    self.best = {"step": self.step, "iou": self.last_metrics["iou"]}
                    if self._non_finite_weights() is None:
                        save_checkpoint(self.run_dir / BEST, self._payload())
            if self.dist.is_writer and (final or self.step % config.preview_every == 0):
                yield self._preview()
            if final or len(self._pending) >= 10 or self.step % config.checkpoint_every == 0:
                self._flush_history()
            if final or self.step % config.checkpoint_every == 0:
                bad = self._non_finite_weights()
                if bad is not None:
                    yield self._diverged(bad)
                    return
                yield self._save(periodic=self.step % config.checkpoint_every == 0)
        yield FinishedEvent(
            self.step, "completed", f"Training finished at step {self.step}.", self._last_checkpoint
        )

    def _train_step(self, index: int) -> tuple[dict[str, float], str | None]:
        """One optimisation step (``index`` counts from 0). Returns the losses and the name of a non-finite one."""
        config, precision = self.config, self.precision
        total = self.total_steps
        for group in self.optimizer_g.param_groups:
            group["lr"] = config.learning_rate(index, total, config.lr)
        if self.optimizer_d is not None:
            for group in self.optimizer_d.param_groups:
                group["lr"] = config.learning_rate(index, total, config.lr_d or config.lr)
        if self.dist.active:
            self._step_start = self._snapshot()
        source, target = self.stream.next_batch()
        if precision.channels_last:
            source = source.contiguous(memory_format=torch.channels_last)
            target = target.contiguous(memory_format=torch.channels_last)
        adversarial = self.discriminator is not None and index >= config.adv_start
        losses: dict[str, torch.Tensor] = {}
        with precision.autocast():
            fake = self.train_generator(source)
        if adversarial:
            self.discriminator.requires_grad_(True)
            with precision.autocast():
                real_logits = self.train_discriminator(source, target)
                fake_logits = self.train_discriminator(source, fake.detach())
                loss_d = 0.5 * (
                    adversarial_loss(config.adv_loss, real_logits.float(), True, True)
                    + adversarial_loss(config.adv_loss, fake_logits.float(), False, True)
                )
            losses["d"] = loss_d
            if not self.dist.all_finite(loss_d):
                return self.dist.mean(losses), "discriminator"
            self.optimizer_d.zero_grad(set_to_none=True)
            self.scaler.scale(loss_d).backward()
            self._step_start = None
            self.scaler.step(self.optimizer_d)
            self.discriminator.requires_grad_(False)
        with precision.autocast():
            loss_l1 = l1_loss(fake.float(), target)
            losses["l1"] = loss_l1
            loss_g = config.l1_weight * loss_l1
            if adversarial:
                loss_adv = adversarial_loss(
                    config.adv_loss, self.discriminator(source, fake).float(), True, False
                )
                losses["g_adv"] = loss_adv
                loss_g = loss_g + config.adv_weight * loss_adv
            extra_terms = (  # (name, weight, loss), each only computed when weighted
                ("iou", config.iou_weight, lambda: soft_iou_loss(fake.float(), target)),
                ("cldice", config.cldice_weight, lambda: cldice_loss(fake.float(), target)),
                ("const", config.const_weight, lambda: constant_loss(self.generator, fake, source).float()),
            )
            for name, weight, term in extra_terms:
                if weight > 0:
                    losses[name] = term()
                    loss_g = loss_g + weight * losses[name]
        losses["g"] = loss_g
        if not self.dist.all_finite(loss_g):
            return self.dist.mean(losses), "generator"
        self.optimizer_g.zero_grad(set_to_none=True)
        self.scaler.scale(loss_g).backward()
        self._step_start = None
        self.scaler.step(self.optimizer_g)
        self.scaler.update()
        if self.generator_ema is not None:
            self._update_ema(index)
        losses = self.dist.mean(losses)
        self._step_start = {}
        return losses, None

    @torch.no_grad()
    def _update_ema(self, index: int) -> None:
        # The decay ramps up over the first steps (as in TensorFlow's ExponentialMovingAverage),
        # so the average does not hold on to the random initial weights.
        decay = min(self.config.ema_decay, (1 + index) / (10 + index))
        averaged = list(self.generator_ema.parameters())
        torch._foreach_lerp_(averaged, [p.detach() for p in self.generator.parameters()], 1 - decay)
        for mine, theirs in zip(self.generator_ema.buffers(), self.generator.buffers(), strict=True):
            mine.copy_(theirs)

    # ------------------------------------------------------ evaluation, preview

    @property
    def inference_generator(self) -> torch.nn.Module:
        """The generator validation, previews and generation use: the weight average when kept."""
        return self.generator_ema if self.generator_ema is not None else self.generator

    def _predict(self, images: np.ndarray, model: torch.nn.Module | None = None) -> np.ndarray:
        return predict(
            model or self.inference_generator,
            images,
            device=self.device,
            batch_size=max(16, self.config.batch_size),
            autocast=self.precision.autocast(),
            channels_last=self.precision.channels_last,
        )

    def _evaluate(self, model: torch.nn.Module | None = None) -> dict[str, float]:
        generated = self._predict(self.val_set.source.numpy(), model)
        return mean_metrics(glyph_metrics(generated, self.val_set.target.numpy()))

    def _preview(self) -> PreviewEvent:
        index = self.preview_index
        source = self.val_set.source.numpy()[index]
        target = self.val_set.target.numpy()[index]
        grid = comparison_grid([source, self._predict(source), target])
        chars = [self.val_set.chars[i] for i in index]
        try:
            save_picture(grid, self.run_dir / runfolder.PREVIEWS / f"step-{self.step:06d}.png")
        except OSError as e:
            self._warn(f"The preview image could not be written ({e}).")
        return PreviewEvent(self.step, grid, chars)

    # ----------------------------------------------------------- checkpoints

    def _payload(self) -> dict:
        return training_payload(
            self.config,
            self.step,
            generator=self.generator.state_dict(),
            generator_ema=self.generator_ema.state_dict() if self.generator_ema is not None else None,
            best=self.best,
            upscaler=self.upscaler,
            discriminator=self.discriminator.state_dict() if self.discriminator is not None else None,
            optimizer_g=self.optimizer_g.state_dict(),
            optimizer_d=self.optimizer_d.state_dict() if self.optimizer_d is not None else None,
            scaler=self.scaler.state_dict() if self.scaler.is_enabled() else None,
            rng={**_rng_state(), "stream": self.stream.state_dict()},
            data=self.data_info,
            metrics=self.last_metrics,
        )

    def _save(self, periodic: bool) -> CheckpointEvent:
        """Write ``last.pt`` (and ``step-NNNNNN.pt`` when ``periodic``), then prune old periodic ones.

        Only rank 0 writes; the other ranks of a distributed run only learn the path.
        """
        last = self.run_dir / LAST
        if self.dist.is_writer and periodic:
            path = save_checkpoint(self.run_dir / periodic_name(self.step), self._payload())
            link_or_copy(path, last)
            prune_checkpoints(self.run_dir, self.config.keep_checkpoints)
        elif self.dist.is_writer:
            save_checkpoint(last, self._payload())
        self._last_checkpoint = last
        self._last_saved_step = self.step
        return CheckpointEvent(self.step, last)

    def _flush_history(self) -> None:
        if self._pending and self.dist.is_writer:
            self.history.append(self._pending)
        self._pending = []

    def _snapshot(self) -> dict:
        modules = [m for m in (self.generator, self.discriminator) if m is not None]
        return {
            "rng": {**_rng_state(), "stream": self.stream.state_dict()},
            "buffers": [b.detach().clone() for m in modules for b in m.buffers()],
        }

    def _undo_partial_step(self, snapshot: dict) -> None:
        if not snapshot:
            return
        self.stream.load_state_dict(snapshot["rng"]["stream"])
        _set_rng_state(snapshot["rng"])
        modules = [m for m in (self.generator, self.discriminator) if m is not None]
        with torch.no_grad():
            for buffer, saved in zip(
                (b for m in modules for b in m.buffers()), snapshot["buffers"], strict=True
            ):
                buffer.copy_(saved)

    def _peer_failed(self, error: RuntimeError) -> Iterator[TrainEvent]:
        """Another rank died or left: keep the last completed step (when no optimiser has stepped since)."""
        log.debug("a collective failed", exc_info=error)
        self._flush_history()
        saved = ""
        if self._step_start is not None and self._last_saved_step != self.step:
            self._undo_partial_step(self._step_start)
        if (
            self._step_start is not None
            and self._last_saved_step != self.step
            and not self._non_finite_weights()
        ):
            yield self._save(periodic=False)
            saved = f"; saved step {self.step} in {self._last_checkpoint}"
        elif self._last_checkpoint is not None:
            saved = f"; the last checkpoint is {self._last_checkpoint}"
        yield FinishedEvent(
            self.step,
            "error",
            f"Another process of the distributed run failed during step {self.step + 1}, so this one "
            f"stopped too{saved}.",
            self._last_checkpoint,
        )

    def _stop_cancelled(self, start_step: int) -> Iterator[TrainEvent]:
        self._flush_history()
        if self.step > start_step and self._non_finite_weights() is None:
            yield self._save(periodic=False)
        where = f" (saved {self._last_checkpoint})" if self._last_checkpoint else ""
        raise JobCancelled(f"Training stopped at step {self.step}{where}.", checkpoint=self._last_checkpoint)

    def _non_finite_weights(self) -> str | None:
        modules = (("generator", self.generator), ("discriminator", self.discriminator))
        for name, module in modules + (("generator average", self.generator_ema),):
            if module is not None and not all(torch.isfinite(p).all() for p in module.parameters()):
                return name
        return None

    def _diverged(self, where: str) -> FinishedEvent:
        kept = (
            f"The last good checkpoint is {self._last_checkpoint}."
            if self._last_checkpoint
            else "No checkpoint had been saved yet."
        )
        return FinishedEvent(
            self.step,
            "nan",
            f"Training diverged at step {self.step + 1}: the {where} produced NaN or infinite values, so it stopped "
            f"without saving. {kept} Lower the learning rate (now {self.config.lr:g}) or the loss weights and resume "
            "or train again.",
            self._last_checkpoint,
        )

    def _out_of_memory(self) -> FinishedEvent:
        if self.device.type == "cuda":
            torch.cuda.empty_cache()
        batch, size = self.config.batch_size, self.config.model.image_size
        kept = f" The last checkpoint, {self._last_checkpoint}, is intact." if self._last_checkpoint else ""
        return FinishedEvent(
            self.step,
            "oom",
            f"Out of memory on {self.device} at batch size {batch} and image size {size} px.{kept} Lower the batch "
            f"size (e.g. --batch {max(1, batch // 2)}) or the image size (e.g. --size {max(32, size // 2)}), or use "
            "narrower models (--base-channels).",
            self._last_checkpoint,
        )


def soft_iou_loss(fake: torch.Tensor, real: torch.Tensor) -> torch.Tensor:
    """1 - soft IoU of the ink (images in [-1, 1], ink = +1): the IoU metric made differentiable."""
    p, t = (fake + 1) / 2, (real + 1) / 2
    intersection = (p * t).sum(dim=(1, 2, 3))
    union = (p + t - p * t).sum(dim=(1, 2, 3))
    return 1 - (intersection / union.clamp_min(1e-6)).mean()


def _floats(losses: dict[str, torch.Tensor]) -> dict[str, float]:
    return {name: float(value.detach()) for name, value in losses.items()}


def _rng_state() -> dict:
    keys_name, keys, pos, has_gauss, cached = np.random.get_state()
    version, internal, gauss_next = random.getstate()
    state = {
        "torch": torch.get_rng_state(),
        "numpy": {
            "name": keys_name,
            "keys": torch.from_numpy(keys.astype(np.int64)),
            "pos": int(pos),
            "has_gauss": int(has_gauss),
            "cached_gaussian": float(cached),
        },
        "python": {"version": version, "state": list(internal), "gauss_next": gauss_next},
    }
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def _set_rng_state(state: dict) -> None:
    if "torch" in state:
        torch.set_rng_state(state["torch"])
    if "numpy" in state:
        n = state["numpy"]
        np.random.set_state(
            (n["name"], n["keys"].numpy().astype(np.uint32), n["pos"], n["has_gauss"], n["cached_gaussian"])
        )
    if "python" in state:
        p = state["python"]
        random.setstate((p["version"], tuple(p["state"]), p["gauss_next"]))
    if "cuda" in state and torch.cuda.is_available() and len(state["cuda"]) == torch.cuda.device_count():
        torch.cuda.set_rng_state_all(state["cuda"])
