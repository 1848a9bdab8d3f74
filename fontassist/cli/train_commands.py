"""Model subcommands: ``train``, ``evaluate``, ``compare``, ``generate``, ``demo`` and ``pack-model``.

torch is imported inside the handlers, so ``fontassist --help`` and the font
commands stay fast.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import signal
import sys
import time
from pathlib import Path

from ..errors import FontAssistError
from ..fonts import DEFAULT_CHARSET
from ..model.modelconfig import NORM_NAMES
from ..safeio import check_not_input, protect_inputs
from ..train.presets import PRESETS, with_preset
from ..train.trainconfig import ADV_LOSSES, DATA_FIELDS, LR_SCHEDULES, RUN_LENGTH_FIELDS
from .common import (
    ProgressLine,
    add_runtime,
    bar,
    chars_file_or_text,
    declare_outputs,
    drawn_size,
    generation_chars,
    image_size,
    margin,
    non_negative_float,
    non_negative_int,
    positive_float,
    positive_int,
    progress_printer,
    set_threads,
    warn,
)
from .fonts_commands import add_charset_arguments

log = logging.getLogger(__name__)

DEMO_FAMILY = "Zen Maru Gothic TC Demo"
DEMO_FONT_NAME = "ZenMaruGothicTC-Demo.ttf"

EXIT_INTERRUPTED = 130  # the shell's code for a run stopped by Ctrl-C (128 + SIGINT)

# --------------------------------------------------------------------- helpers


def _attention(text: str) -> tuple[int, ...]:
    text = text.strip().lower()
    if text in ("", "none", "off"):
        return ()
    try:
        return tuple(int(part) for part in text.replace(" ", "").split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected feature-map sizes like 16,32 or none, not {text!r}"
        ) from None


def _validation(text: str) -> int | float:
    try:
        count = int(text)
    except ValueError:
        pass
    else:
        if count < 1:
            raise argparse.ArgumentTypeError(f"a count must be at least 1 glyph, not {count}")
        return count
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a count (500) or a fraction (0.1), not {text!r}"
        ) from None
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"a fraction must lie between 0 and 1, not {value}")
    return value


def _duration(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "--:--"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


# ----------------------------------------------------------------------- train


# The train command's settings, each listed once: (group, flag, TrainConfig field, argparse extras).
# "model.X" is a field of the ModelConfig. Defaults and help texts come from the dataclasses.
_TRAIN_OPTIONS = (
    ("data", "--size", "model.image_size", {"type": image_size}),
    ("data", "--margin", "margin", {"type": margin}),
    ("data", "--validation", "validation", {"type": _validation}),
    ("data", "--seed", "seed", {}),
    ("data", "--augment-shift", "augment_shift", {}),
    ("data", "--augment-scale", "augment_scale", {}),
    ("model", "--norm", "model.norm", {"choices": NORM_NAMES}),
    ("model", "--attention", "model.attention", {"type": _attention, "metavar": "SIZES"}),
    ("model", "--base-channels", "model.base_channels", {"metavar": "N", "type": positive_int}),
    ("model", "--max-channels", "model.max_channels", {"metavar": "N", "type": positive_int}),
    ("model", "--dropout", "model.dropout", {}),
    ("model", "--disc-channels", "model.disc_channels", {"metavar": "N", "type": positive_int}),
    ("model", "--spectral-norm", "model.spectral_norm", {}),
    ("losses and optimiser", "--lr", "lr", {"type": positive_float}),
    ("losses and optimiser", "--lr-d", "lr_d", {"type": positive_float}),
    ("losses and optimiser", "--lr-schedule", "lr_schedule", {"choices": LR_SCHEDULES}),
    ("losses and optimiser", "--warmup", "warmup_steps", {"metavar": "STEPS"}),
    ("losses and optimiser", "--l1-weight", "l1_weight", {}),
    ("losses and optimiser", "--adv-loss", "adv_loss", {"choices": ADV_LOSSES}),
    ("losses and optimiser", "--adv-weight", "adv_weight", {}),
    ("losses and optimiser", "--adv-start", "adv_start", {"metavar": "STEP"}),
    ("losses and optimiser", "--const-weight", "const_weight", {}),
    ("losses and optimiser", "--iou-weight", "iou_weight", {}),
    ("losses and optimiser", "--cldice-weight", "cldice_weight", {}),
    ("losses and optimiser", "--ema-decay", "ema_decay", {}),
    ("losses and optimiser", "--upscale", "upscale", {}),
    ("losses and optimiser", "--batch", "batch_size", {"type": positive_int}),
    ("run length and output", "--steps", "steps", {"type": positive_int}),
    ("run length and output", "--epochs", "epochs", {"type": positive_float}),
    ("run length and output", "--eval-every", "eval_every", {"metavar": "STEPS", "type": positive_int}),
    ("run length and output", "--preview-every", "preview_every", {"metavar": "STEPS", "type": positive_int}),
    (
        "run length and output",
        "--checkpoint-every",
        "checkpoint_every",
        {"metavar": "STEPS", "type": positive_int},
    ),
    ("run length and output", "--keep", "keep_checkpoints", {"metavar": "N"}),
    ("run length and output", "--no-amp", "amp", {}),
    ("run length and output", "--compile", "compile", {}),
)
# Data options declared by hand (fonts and characters), refused on --resume like the data and model settings.
_DATA_DESTS = (*DATA_FIELDS, "chars_file", "preset", "validation_chars")


def _dest(flag: str) -> str:
    return flag.removeprefix("--").replace("-", "_")


def _owner(name: str):
    """(dataclass, field name) of a ``_TRAIN_OPTIONS`` field path."""
    from ..model import ModelConfig
    from ..train import TrainConfig

    return (ModelConfig, name.removeprefix("model.")) if name.startswith("model.") else (TrainConfig, name)


def _default_words(value) -> str:
    if isinstance(value, tuple):
        return ",".join(map(str, value)) if value else "none"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def option_arguments(name: str) -> dict:
    """argparse keywords of one train option: type, help and default words, all read from its dataclass field."""
    import typing

    from ..configfields import default_of, help_text

    cls, field_name = _owner(name)
    default = default_of(cls, field_name)
    hint = typing.get_type_hints(cls)[field_name]
    help = help_text(cls, field_name)
    if hint is bool:
        # A flag that turns the setting to the opposite of its default.
        return {
            "action": "store_const",
            "const": not default,
            "default": None,
            "help": help if not default else f"no {help}",
        }
    scalar = next((t for t in (int, float, str) if t is hint or t in typing.get_args(hint)), None)
    # Numbers are refused in one line when negative or not finite; _TRAIN_OPTIONS narrows some further.
    scalar = {int: non_negative_int, float: non_negative_float}.get(scalar, scalar)
    arguments = {"type": scalar, "default": None, "help": help}
    if default is not None:
        arguments["help"] = f"{help} (default {_default_words(default)})"
    return arguments


def _given(args, *, run_length: bool):
    """(flag, field, value) of the train options given on the command line: run length ones or the others."""
    for _group, flag, name, _extras in _TRAIN_OPTIONS:
        value = getattr(args, _dest(flag))
        if value is not None and (name in RUN_LENGTH_FIELDS) == run_length:
            yield flag, name, value


def _settings_from_args(args, *, run_length: bool) -> dict:
    """The train options given on the command line, as TrainConfig values (model fields under "model")."""
    values: dict = {}
    for _flag, name, value in _given(args, run_length=run_length):
        if name.startswith("model."):
            values.setdefault("model", {})[name.removeprefix("model.")] = value
        else:
            values[name] = value
    return values


def _config_from_args(args):
    from ..fonts import read_chars_file
    from ..model import ModelConfig
    from ..train import TrainConfig

    if not args.source or not args.target:
        raise FontAssistError(
            "A new run needs --source and --target fonts.",
            hint="Give both, or --resume to continue the run in --out.",
        )
    chars = args.chars
    if args.chars_file:
        chars = "".join(read_chars_file(args.chars_file).chars)
    values = _settings_from_args(args, run_length=False)
    if args.preset:
        values = with_preset(args.preset, values)
    if args.validation_chars:
        values["validation_chars"] = chars_file_or_text(args.validation_chars)
    model = values.pop("model", {})
    if "attention" not in model:
        # The default attention, at the feature-map sizes this image size has.
        sizes = ModelConfig(**{**model, "attention": ()}).feature_sizes
        model["attention"] = tuple(a for a in ModelConfig().attention if a in sizes)
    values.update(
        source=args.source,
        target=args.target,
        charset=None if chars else (args.charset or DEFAULT_CHARSET),
        chars=chars,
        model=ModelConfig(**model),
    )
    for name in ("source_face", "target_face"):
        if getattr(args, name) is not None:
            values[name] = getattr(args, name)
    values.update(_run_length(args))
    return TrainConfig(**values)


def _run_length(args) -> dict:
    values = _settings_from_args(args, run_length=True)
    if args.steps is not None and args.epochs is not None:
        raise FontAssistError("Give --steps or --epochs, not both.")
    if args.steps is not None:
        values.update(epochs=None)
    if args.epochs is not None:
        values.update(steps=None)
    values["device"] = args.device
    return values


def _held_out_line(trainer) -> str:
    config, held, trained = trainer.config, len(trainer.val_set), len(trainer.train_set)
    if config.validation_chars:
        how = "the characters given with --validation-chars that both fonts have"
    elif isinstance(config.validation, float):
        how = f"{config.validation:.0%} of the shared characters, picked by seed {config.seed}; fix the set with --validation-chars"
    else:
        how = f"picked by seed {config.seed}; fix the set with --validation-chars"
    return f"Training on {trained:,} glyph pairs; {held:,} held back for validation ({how})."


def _launch_distributed(args) -> int | None:
    """``--nproc-per-node N`` outside torchrun: start torchrun with this same command; else None.

    Inside torchrun the option only has to agree with it (each worker sees the command it was started with).
    """
    from ..train.distributed import launch, torchrun_arguments, under_torchrun

    if args.nproc_per_node is None:
        return None
    if not under_torchrun():
        return launch(
            torchrun_arguments(
                args.raw_argv,
                args.nproc_per_node,
                nnodes=args.nnodes,
                rdzv_endpoint=args.rdzv_endpoint,
                rdzv_id=args.rdzv_id,
            )
        )
    started = os.environ.get("LOCAL_WORLD_SIZE")
    if started is not None and int(started) != args.nproc_per_node:
        raise FontAssistError(
            f"torchrun started {started} processes on this machine, but --nproc-per-node says {args.nproc_per_node}.",
            hint="Give the process count to torchrun or to fontassist train, not both.",
        )
    return None


def _stop_on_signals(cancel, progress, distributed: bool):
    """Ctrl-C (and, in a distributed run, torchrun's SIGTERM) stops after the step; returns the old handlers."""

    def interrupt(signum, frame):
        # In a distributed run the terminal and torchrun both signal each worker, and torchrun kills what
        # is still alive after 30 s, so a second signal must not abort the checkpoint being written.
        if cancel.cancelled and not distributed:
            raise KeyboardInterrupt
        if not cancel.cancelled:
            progress.message(
                "Stopping after this step and saving a checkpoint"
                + ("…" if distributed else " (Ctrl-C again to abort without saving)…")
            )
        cancel.cancel()

    # SIGTERM (a `kill`, a scheduler's time limit, torchrun) stops the run the way Ctrl-C does.
    signals = [signal.SIGINT, signal.SIGTERM]
    return {signum: signal.signal(signum, interrupt) for signum in signals}


def _train(args) -> int:
    launched = _launch_distributed(args)
    if launched is not None:
        return launched
    set_threads(args.threads)
    from ..jobs import CancelToken, JobCancelled
    from ..train import (
        CheckpointEvent,
        EvalEvent,
        FinishedEvent,
        PreparingEvent,
        PreviewEvent,
        StepEvent,
        Trainer,
    )
    from ..train.similarity import format_metrics

    out = Path(args.out)
    cancel = CancelToken()
    if args.resume:
        given = [
            "--" + name.replace("_", "-") for name in _DATA_DESTS if getattr(args, name, None) is not None
        ]
        given += [flag for flag, _name, _value in _given(args, run_length=False)]
        if given:
            raise FontAssistError(
                f"--resume continues the run in {out} with its own data and model settings; "
                f"leave out {', '.join(given)}.",
                hint="Only the run length, intervals, device and threads may change on resume.",
            )
        trainer = Trainer.resume_from(out, cancel, **_run_length(args))
    elif args.estimate:
        from ..train.presets import estimate_time

        config = _config_from_args(args)
        print(f"Estimated run time: {estimate_time(config).describe()}.")
        return 0
    else:
        trainer = Trainer(_config_from_args(args), out, cancel=cancel)

    dist = trainer.dist
    quiet = None if dist.is_writer else open(os.devnull, "w")  # rank 0 alone reports progress
    progress = ProgressLine(stream=quiet)
    previous = _stop_on_signals(cancel, progress, dist.active)
    finished = None
    try:
        config = trainer.config
        progress.message(
            f"Training {out} on {trainer.precision.describe()}"
            + (f" in {dist.describe()}" if dist.active else "")
            + f" ({config.model.image_size} px, {config.model.norm} norm, batch {config.batch_size})"
            + (f", resuming at step {trainer.step}" if trainer.step else "")
            + "; preparing glyphs…"
        )
        told = False
        for event in trainer:
            if not told and hasattr(trainer, "val_set"):
                told = True
                progress.message(_held_out_line(trainer))
            if isinstance(event, PreparingEvent):
                progress.update(
                    f"{event.message} [{bar(event.done, event.total)}] {event.done}/{event.total}"
                )
            elif isinstance(event, StepEvent):
                losses = " ".join(f"{k} {v:.3f}" for k, v in event.losses.items() if k != "g")
                progress.update(
                    f"step {event.step}/{event.total_steps} [{bar(event.step, event.total_steps)}] "
                    f"{losses} | {event.images_per_s:.0f} img/s | ETA {_duration(event.eta_s)}"
                )
            elif isinstance(event, EvalEvent):
                progress.message(
                    f"step {event.step}: validation {format_metrics(event.metrics, event.baseline)}"
                )
            elif isinstance(event, CheckpointEvent):
                log.info("checkpoint %s at step %d", event.path, event.step)
            elif isinstance(event, PreviewEvent):
                pass
            elif isinstance(event, FinishedEvent):
                finished = event
    except JobCancelled as stopped:
        from ..train.runfolder import is_run_dir

        if is_run_dir(out):
            print(f"{stopped} Resume with: fontassist train --out {out} --resume", file=sys.stderr)
        else:  # stopped before the run was set up (during the upscaler, say): nothing to resume
            print(f"{stopped} Start it again with the same command.", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if dist.active:
            # When another worker failed, torchrun's SIGTERM may come after this one has ended its run
            # (while the interpreter shuts down): nothing is left to stop, so it must not kill this one.
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        progress.close()
        if quiet is not None:
            quiet.close()
    if finished is None:
        return 1
    if not dist.is_writer:
        if finished.reason in ("completed", "cancelled"):
            return 0 if finished.reason == "completed" else EXIT_INTERRUPTED
        print(f"fontassist: error: process {dist.rank}: {finished.message}", file=sys.stderr)
        return 2
    if finished.reason == "completed":
        print(f"{finished.message} Checkpoint: {finished.checkpoint}")
        return 0
    print(f"fontassist: error: {finished.message}", file=sys.stderr)
    return 2


# ------------------------------------------------------------ evaluate/compare


def _add_grid_and_json(p: argparse.ArgumentParser, columns: str) -> None:
    """The --grid/--glyphs/--json/--per-glyph options that :func:`_grid_and_json` serves."""
    p.add_argument("--grid", metavar="PNG", help=f"write a grid of {columns}")
    p.add_argument("--glyphs", type=positive_int, default=16, help="glyphs in the grid (default 16)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--per-glyph", action="store_true", help="with --json: metrics of every glyph")


def _grid_and_json(result, args) -> bool:
    """Write the --grid picture; print --json. True when JSON was printed (and nothing else should be)."""
    if args.grid:
        from ..train.grids import save_picture

        save_picture(result.grid(args.glyphs), args.grid)
    if args.json:
        json.dump(result.to_dict(per_glyph=args.per_glyph), sys.stdout, ensure_ascii=False, indent=2)
        print()
    return bool(args.json)


def _evaluate(args) -> int:
    set_threads(args.threads)
    from ..train import evaluate
    from ..train.similarity import format_metrics

    chars = chars_file_or_text(args.chars) if args.chars else None
    result = evaluate(
        args.run,
        device=args.device,
        batch_size=args.batch,
        source=args.source,
        target=args.target,
        chars=chars,
        any_chars=chars is not None,
    )
    if _grid_and_json(result, args):
        return 0
    print(
        f"{result.checkpoint} (step {result.step}, {result.size} px, {result.norm} norm) on "
        f"{len(result.chars)} {'chosen' if chars is not None else 'validation'} glyphs:"
    )
    print(f"  model     {format_metrics(result.metrics)}")
    print(f"  baseline  {format_metrics(result.baseline)}  (source glyph vs target glyph)")
    if args.grid:
        print(f"  grid (source | generated | target): {args.grid}")
    return 0


def _compare(args) -> int:
    set_threads(args.threads)
    from ..train import compare
    from ..train.metricnames import METRIC_NAMES

    result = compare(args.run_a, args.run_b, device=args.device, batch_size=args.batch)
    if _grid_and_json(result, args):
        return 0
    ma, mb, base = result.a.metrics, result.b.metrics, result.a.baseline
    better = result.winner()
    print(f"{len(result.chars)} shared validation glyphs")
    print(f"  A: {result.a.checkpoint} (step {result.a.step}, {result.a.size} px, {result.a.norm} norm)")
    print(f"  B: {result.b.checkpoint} (step {result.b.step}, {result.b.size} px, {result.b.norm} norm)")
    print(f"  {'metric':<6} {'A':>8} {'B':>8} {'baseline':>9}  better")
    for name in METRIC_NAMES:
        print(f"  {name:<6} {ma[name]:>8.4f} {mb[name]:>8.4f} {base[name]:>9.4f}  {better[name].upper()}")
    if args.grid:
        print(f"  grid (source | A | B | target): {args.grid}")
    return 0


# -------------------------------------------------------------------- generate


def _run_generation(generator, source, chars, target, out, grid, batch):
    """Generate, write PNGs, quality.json and the sheet, print a summary; returns the glyphs (None if none)."""
    from ..generate import write_outputs

    if not chars:
        print("Nothing to generate: the character list is empty (or the target already has them all).")
        return None
    line, report = progress_printer()
    started = time.perf_counter()
    try:
        glyphs = generator.run(source, chars, target_font=target, batch_size=batch, progress=report)
        glyphs.for_tracing(progress=report)  # the PNGs are the upscaled glyphs
    finally:
        line.close()
    write_outputs(glyphs, out, grid)
    seconds = time.perf_counter() - started
    flagged = glyphs.flagged()
    print(
        f"Generated {len(glyphs):,} glyphs into {out}/ in {seconds:.1f} s (PNG per glyph, quality.json): "
        f"drawn at {drawn_size(generator)}."
    )
    if glyphs.skipped:
        print(f"  the source lacks {len(glyphs.skipped):,}: {''.join(glyphs.skipped[:40])}")
    if flagged:
        print(
            f"  {len(flagged):,} flagged for review (specks, broken or merged strokes, changed counters), "
            f"worst first: {''.join(flagged[:30])}"
        )
    if grid:
        print(f"  contact sheet (source above generated, flagged framed red): {grid}")
    return glyphs


def _generate(args) -> int:
    set_threads(args.threads)
    from ..fonts import open_font
    from ..generate import Generator

    generator = Generator.from_checkpoint(args.checkpoint, device=args.device, upscale=not args.no_upscale)
    source = open_font(args.source, args.source_face)
    target = open_font(args.target, args.target_face) if args.target else None
    chars, description = generation_chars(args, source, target)
    log.info("characters: %s", description)
    _run_generation(generator, source, chars, target, Path(args.out), args.grid, args.batch)
    return 0


def _demo(args) -> int:
    set_threads(args.threads)
    from .. import resources

    for path in (resources.DEMO_MODEL, resources.DEMO_SOURCE, resources.DEMO_TARGET):
        if not Path(path).is_file():
            raise FontAssistError(
                "is missing from this installation.",
                path=path,
                hint="Reinstall fontassist; the demo needs its bundled model and fonts.",
            )
    bundled = [
        ("bundled demo file", path)
        for path in (resources.DEMO_MODEL, resources.DEMO_SOURCE, resources.DEMO_TARGET)
    ]
    with protect_inputs(bundled):
        return _run_demo(args, resources)


def _run_demo(args, resources) -> int:
    from ..fonts import missing_from_target, named_charset, open_font
    from ..generate import Generator

    check_not_input(Path(args.out) / DEMO_FONT_NAME)
    generator = Generator.from_checkpoint(
        resources.DEMO_MODEL, device=args.device, upscale=not args.no_upscale
    )
    source, target = open_font(resources.DEMO_SOURCE), open_font(resources.DEMO_TARGET)
    chars = missing_from_target(source, target, named_charset(DEFAULT_CHARSET))
    out = Path(args.out)
    grid = args.grid or str(out / "contact-sheet.png")
    print(
        f"Demo: {len(chars)} characters of {DEFAULT_CHARSET} that {target.full_name} lacks, drawn from "
        f"{source.full_name} in its style by the bundled model ({drawn_size(generator)})."
    )
    glyphs = _run_generation(generator, source, chars, target, out, grid, args.batch)
    if glyphs is None or args.no_font:
        return 0
    from ..pipeline import trace_workers, write_font

    started = time.perf_counter()
    images, frame = glyphs.for_tracing()
    report = write_font(
        images,
        glyphs.chars,
        frame,
        target,
        out / DEMO_FONT_NAME,
        family=DEMO_FAMILY,
        mode="merge",
        source=source,
        workers=trace_workers(args.threads),
    )
    warn(report.warnings)
    print(
        f"Traced the {frame.size} px glyphs and wrote {report.out_path}: {target.full_name} plus {report.glyphs_added:,} new glyphs "
        f"({report.total_glyphs:,} in all, {report.file_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s; "
        f"fontTools reload and OpenType Sanitizer: {'passed' if report.validation.ok else 'FAILED'}."
    )
    print("Open the desktop app with: fontassist")
    return 0


def _pack_model(args) -> int:
    from ..train.checkpoint import load_checkpoint, pack_for_inference, save_checkpoint

    checkpoint = load_checkpoint(args.checkpoint)
    path = save_checkpoint(args.out, pack_for_inference(checkpoint, half=not args.fp32))
    size = path.stat().st_size / 1e6
    print(
        f"Wrote {path} ({size:.1f} MB, step {checkpoint.step}, {'fp32' if args.fp32 else 'fp16'} generator weights)."
    )
    return 0


# -------------------------------------------------------------------- parsers


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "train",
        help="train a model that draws the source font's characters in the target font's style",
        description="Train a model on glyph pairs of two fonts. Ctrl-C stops after the current step, saves a "
        "checkpoint and exits with code 130; --resume continues the run.",
    )
    p.add_argument("--source", metavar="FONT", help="the font that has the characters")
    p.add_argument("--source-face", metavar="N", **option_arguments("source_face"))
    p.add_argument("--target", metavar="FONT", help="the font whose style is wanted")
    p.add_argument("--target-face", metavar="N", **option_arguments("target_face"))
    add_charset_arguments(p)
    p.add_argument(
        "--out", required=True, metavar="RUN", help="run folder: config, history, checkpoints, previews"
    )
    p.add_argument(
        "--resume", action="store_true", help="continue the run in --out from its newest checkpoint"
    )
    p.add_argument(
        "--preset",
        choices=tuple(PRESETS),
        help="a recipe of size, widths, steps and losses: "
        + "; ".join(f"{name}: {preset.description}" for name, preset in PRESETS.items())
        + ". Options given beside it override it.",
    )
    p.add_argument(
        "--validation-chars",
        metavar="FILE_OR_TEXT",
        help="hold out exactly these characters for validation (a UTF-8 file, or the characters themselves), "
        "so runs can be scored on the same glyphs; default: a seeded share of the list (--validation)",
    )
    p.add_argument(
        "--estimate",
        action="store_true",
        help="time a few steps on the device, print the estimated time of the whole run, and exit",
    )
    groups: dict[str, argparse._ArgumentGroup] = {}
    for group, flag, name, extras in _TRAIN_OPTIONS:
        if group not in groups:
            groups[group] = p.add_argument_group(group)
        groups[group].add_argument(flag, **{**option_arguments(name), **extras})
    g = p.add_argument_group(
        "several processes (torchrun)",
        "Start torchrun for you: N processes per machine, one GPU each (or CPU processes with --device cpu). "
        "The batch is the global batch, split evenly over all processes.",
    )
    g.add_argument("--nproc-per-node", type=int, metavar="N", help="training processes on this machine")
    g.add_argument("--nnodes", metavar="N", help="machines taking part (default 1)")
    g.add_argument(
        "--rdzv-endpoint", metavar="HOST:PORT", help="rendezvous address, the same on every machine"
    )
    g.add_argument("--rdzv-id", metavar="ID", help="job id shared by the machines (default fontassist)")
    add_runtime(p, batch_default=None)
    declare_outputs(p, out="folder")
    p.set_defaults(handler=_train)

    p = subparsers.add_parser(
        "evaluate", help="score a trained model on its validation glyphs (L1, SSIM, IoU vs baseline)"
    )
    p.add_argument("run", metavar="RUN_OR_CHECKPOINT")
    p.add_argument(
        "--chars",
        metavar="FILE_OR_TEXT",
        help="score these characters (a UTF-8 file, or the characters themselves) instead of the run's "
        "validation glyphs; warns about any the model trained on",
    )
    _add_grid_and_json(p, "source | generated | target")
    p.add_argument("--source", metavar="FONT", help="the source font, if it moved since training")
    p.add_argument("--target", metavar="FONT", help="the target font, if it moved since training")
    add_runtime(p)
    declare_outputs(p, grid="picture")
    p.set_defaults(handler=_evaluate)

    p = subparsers.add_parser(
        "compare", help="two models side by side on the same validation glyphs (e.g. norm A/B)"
    )
    p.add_argument("run_a", metavar="RUN_A")
    p.add_argument("run_b", metavar="RUN_B")
    _add_grid_and_json(p, "source | A | B | target")
    add_runtime(p)
    declare_outputs(p, grid="picture")
    p.set_defaults(handler=_compare)

    p = subparsers.add_parser(
        "generate", help="draw characters with a trained model into PNGs named by code point"
    )
    p.add_argument("checkpoint", metavar="CHECKPOINT", help="a .pt file or a run folder")
    p.add_argument("--source", required=True, metavar="FONT", help="the font that has the characters")
    p.add_argument("--source-face", type=non_negative_int, default=0, metavar="N")
    p.add_argument(
        "--target", metavar="FONT", help="the target font (needed by --missing; sets the em frame)"
    )
    p.add_argument("--target-face", type=non_negative_int, default=0, metavar="N")
    p.add_argument(
        "--missing",
        action="store_true",
        help=f"the characters of the set (--charset etc., default {DEFAULT_CHARSET}) the target lacks",
    )
    add_charset_arguments(p, default=None)
    p.add_argument("--out", required=True, metavar="DIR", help="folder for U+XXXX.png files and quality.json")
    p.add_argument("--grid", metavar="PNG", help="also write a contact sheet")
    add_runtime(p, upscale=True)
    declare_outputs(p, out="folder", grid="picture")
    p.set_defaults(handler=_generate)

    p = subparsers.add_parser(
        "demo", help="generate the 647 tw-edu-4808 characters Zen Maru Gothic lacks with the bundled model"
    )
    p.add_argument(
        "--out",
        default="demo-out",
        metavar="DIR",
        help="folder for the font, the PNGs and the contact sheet (default demo-out)",
    )
    p.add_argument("--grid", metavar="PNG", help="contact sheet path (default DIR/contact-sheet.png)")
    p.add_argument("--no-font", action="store_true", help=f"only the PNGs, no {DEMO_FONT_NAME}")
    add_runtime(p, upscale=True)
    declare_outputs(p, out="folder", grid="picture")
    p.set_defaults(handler=_demo)

    p = subparsers.add_parser(
        "pack-model", help="write a small generator-only checkpoint (fp16) for shipping"
    )
    p.add_argument("checkpoint", metavar="CHECKPOINT", help="a .pt file or a run folder")
    p.add_argument("out", metavar="OUT.pt")
    p.add_argument("--fp32", action="store_true", help="keep float32 weights")
    declare_outputs(p, out="file")
    p.set_defaults(handler=_pack_model)
