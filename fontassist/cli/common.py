"""Pieces the CLI's subcommand modules share: progress lines, thread count, runtime options, character choice."""

from __future__ import annotations

import argparse
import math
import sys
import time

from ..errors import FontAssistError
from ..jobs import Progress

# ------------------------------------------------------------------ value types
# argparse calls these on the text of an option; an ArgumentTypeError becomes one line (see cli.Parser).


def _whole(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"must be {'at least 1' if least else '0 or more'}, not {value}")
    return value


def positive_int(text: str) -> int:
    """A whole number of at least 1 (sizes, batches, steps, threads)."""
    return _whole(text, 1)


def non_negative_int(text: str) -> int:
    return _whole(text, 0)


def image_size(text: str) -> int:
    """A raster size in pixels: 8 to 4096."""
    value = positive_int(text)
    if not 8 <= value <= 4096:
        raise argparse.ArgumentTypeError(f"an image size must lie between 8 and 4096 pixels, not {value}")
    return value


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, not {text!r}")
    return value


def non_negative_float(text: str) -> float:
    value = _finite(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def positive_float(text: str) -> float:
    value = _finite(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {value}")
    return value


def margin(text: str) -> float:
    """An em-frame margin: a fraction of the em in [0, 0.5)."""
    value = _finite(text)
    if not 0 <= value < 0.5:
        raise argparse.ArgumentTypeError(f"a margin is a fraction of the em from 0 up to 0.5, not {value}")
    return value


def chars_text(text: str) -> str:
    """--chars: some characters besides whitespace (an empty list would silently mean a whole set)."""
    if not "".join(text.split()):
        raise argparse.ArgumentTypeError("no characters given (the text is empty or only whitespace)")
    return text


def set_threads(threads: int | None) -> None:
    if threads:
        import torch

        torch.set_num_threads(threads)


class ProgressLine:
    """One status line on stderr, rewritten in place on a terminal and printed every few seconds otherwise."""

    def __init__(self, stream=None, interval: float = 5.0):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.interval = interval
        self.last = 0.0
        self.width = 0

    def update(self, text: str, force: bool = False) -> None:
        now = time.monotonic()
        if self.tty:
            if force or now - self.last >= 0.1:
                self.stream.write("\r" + text.ljust(self.width))
                self.stream.flush()
                self.width = len(text)
                self.last = now
        elif force or now - self.last >= self.interval:
            self.stream.write(text + "\n")
            self.stream.flush()
            self.last = now

    def message(self, text: str) -> None:
        """A line of its own, above the progress line."""
        if self.tty and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.width = 0
        self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.width:
            self.stream.write("\n")
            self.stream.flush()
            self.width = 0


def drawn_size(generator) -> str:
    """The size a model's glyphs are drawn at and, when it is paired with an upscaler, the size they are
    written and traced at: "64 px" or "64 px, enlarged to 256 px by the target's upscaler"."""
    if generator.upscaler is None:
        return f"{generator.size} px"
    return f"{generator.size} px, enlarged to {generator.size * generator.upscaler.factor} px by the target's upscaler"


def progress_printer() -> tuple[ProgressLine, Progress]:
    """A progress line and the job-protocol callback (:data:`fontassist.jobs.Progress`) that draws on it."""
    line = ProgressLine()

    def report(done: int, total: int, message: str) -> None:
        line.update(f"{message.lower():<28} [{bar(done, total)}] {done}/{total}", force=done == total)

    return line, report


def bar(done: int, total: int, width: int = 24) -> str:
    filled = int(width * done / max(total, 1))
    return "#" * filled + "." * (width - filled)


def generation_chars(args, source, target) -> tuple[list[str], str]:
    from ..fonts import DEFAULT_CHARSET, missing_from_target, resolve_chars

    given = args.charset or args.chars is not None or args.chars_file
    if args.missing:
        if target is None:
            raise FontAssistError("--missing needs --target: the characters the target font lacks.")
        charset = args.charset or (None if args.chars is not None or args.chars_file else DEFAULT_CHARSET)
        chars, description = resolve_chars(charset, args.chars, args.chars_file)
        return missing_from_target(source, target, chars), f"{description}, missing from {target.full_name}"
    if not given:
        raise FontAssistError(
            "Say which characters to generate.",
            hint="Use --missing (what the target lacks), --charset, --chars or --chars-file.",
        )
    return resolve_chars(args.charset, args.chars, args.chars_file)


def add_runtime(p: argparse.ArgumentParser, batch_default: int | None = 64, *, upscale: bool = False) -> None:
    """--device and --threads; --batch unless ``batch_default`` is None; --no-upscale for commands that trace
    what a model draws."""
    p.add_argument(
        "--device", default="auto", help="auto (CUDA, then Apple MPS, then CPU), cpu, cuda, cuda:N or mps"
    )
    p.add_argument(
        "--threads",
        type=positive_int,
        metavar="N",
        help="CPU threads torch may use, and processes that trace outlines at once (default: torch's choice; "
        "one tracing process per core)",
    )
    if batch_default is not None:
        p.add_argument(
            "--batch",
            type=positive_int,
            default=batch_default,
            help=f"glyphs per batch (default {batch_default})",
        )
    if upscale:
        p.add_argument(
            "--no-upscale",
            action="store_true",
            help="trace the model's glyphs as drawn, not enlarged 4x by the upscaler the model is paired with "
            "(for comparison; models without an upscaler are traced as drawn anyway)",
        )


def chars_file_or_text(value: str) -> str:
    """Characters given on the command line as a UTF-8 file's path or as the characters themselves."""
    from pathlib import Path

    from ..fonts import parse_chars, read_chars_file

    path = Path(value)
    parsed = read_chars_file(path) if path.is_file() else parse_chars(value)
    if not parsed.chars:
        raise FontAssistError(
            f"No characters in {value!r}.", hint="Give a UTF-8 file of characters or the characters."
        )
    return "".join(parsed.chars)


def declare_outputs(p: argparse.ArgumentParser, **kinds: str) -> None:
    """Name the options that are outputs, each "file", "picture", "folder" or "any" (file or folder).

    Before the command runs, each is checked: not one of the command's inputs
    (fonts, checkpoints, runs, character files), and writable (see cli.check_outputs).
    """
    p.set_defaults(outputs=kinds)


def warn(warnings) -> set[str]:
    """Print each warning once, on stderr; returns those printed."""
    printed = set()
    for warning in warnings:
        if warning not in printed:
            print(f"warning: {warning}", file=sys.stderr)
            printed.add(warning)
    return printed
