"""Pieces the CLI's subcommand modules share: progress lines, thread count, runtime options, character choice."""

from __future__ import annotations

import argparse
import sys
import time

from ..errors import FontAssistError
from ..jobs import Progress


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


def add_runtime(p: argparse.ArgumentParser, batch_default: int | None = 64) -> None:
    p.add_argument(
        "--device", default="auto", help="auto (CUDA, then Apple MPS, then CPU), cpu, cuda, cuda:N or mps"
    )
    p.add_argument(
        "--threads", type=int, metavar="N", help="CPU threads torch may use (default: torch's choice)"
    )
    if batch_default is not None:
        p.add_argument(
            "--batch", type=int, default=batch_default, help=f"glyphs per batch (default {batch_default})"
        )
