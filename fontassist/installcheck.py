"""``fontassist --self-test``: prove an installation (or a frozen build) works end to end, in one line.

The check walks the whole chain on the bundled resources: the main window
opens offscreen on the demo fonts, the demo model draws a few characters the demo
target lacks, they are traced and merged into a copy of the target in a temporary
folder, and the written TTF must reload in fontTools and pass the OpenType
Sanitizer. It prints exactly one line: what passed, or the step that failed
and why.

This module is Qt-free and never imports the app: the window part is the app's
:class:`~fontassist.app.common.windowcheck.WindowCheck`, which the caller (the CLI's
``--self-test``) hands in as ``window_check``; without one the window is skipped.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from . import __version__, resources
from .fonts.charsets import DEFAULT_CHARSET

log = logging.getLogger(__name__)

SAMPLE_CHARSET = DEFAULT_CHARSET
SAMPLE_COUNT = 8
FAMILY = "fontassist Self Test"
TRANSLATED = ("zh_TW",)  # the compiled UI translations a build must carry (as in fontassist.app.common.i18n)


class WindowCheck(Protocol):
    """What the app's window check does; it raises :class:`SelfTestFailed` on failure."""

    def open(self):
        """Show the main window; returns what :func:`passed_line` reports (shown_s, font names, language)."""

    def close(self) -> None: ...

    def abandon(self) -> None:
        """Tear down after a failure, without raising."""


# Makes the check for one run, called as ``factory(temporary_folder, quiet=...)``.
WindowCheckFactory = Callable[..., WindowCheck]


class SelfTestFailed(Exception):
    """One step of the self-test went wrong; ``str()`` is the line printed for it."""

    def __init__(self, step: str, reason: str):
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


@contextmanager
def step(name: str):
    """Turn any error inside the block into a :class:`SelfTestFailed` naming the step."""
    try:
        yield
    except SelfTestFailed:
        raise
    except Exception as error:  # the self-test exists to report whatever breaks, whatever its type
        log.debug("self-test step %r failed", name, exc_info=True)
        raise SelfTestFailed(name, one_line(error)) from error


def one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__


@dataclass
class CoreResult:
    """What the Qt-free part did: the glyphs drawn and the font written from them."""

    source_name: str
    target_name: str
    chars: list[str]
    model_size: int
    trace_size: int  # the size traced: model_size enlarged by the model's upscaler, when it has one
    device: str
    font_path: Path
    glyphs_added: int
    total_glyphs: int
    file_size: int
    seconds: dict[str, float] = field(default_factory=dict)


def check_resources() -> None:
    """The bundled files the app and the self-test need; a frozen build that lost one fails here."""
    with step("bundled resources"):
        needed = [
            resources.DEMO_SOURCE,
            resources.DEMO_TARGET,
            resources.DEMO_MODEL,
            resources.CHARSETS / f"{SAMPLE_CHARSET}.txt",
            resources.ICONS / "fontassist.svg",
            *(resources.RESOURCES / "translations" / f"fontassist_{code}.qm" for code in TRANSLATED),
        ]
        missing = [str(path) for path in needed if not Path(path).is_file()]
        if missing:
            raise SelfTestFailed("bundled resources", f"missing {', '.join(missing)}")


def run_core(folder: str | Path, *, count: int = SAMPLE_COUNT, device: str = "auto") -> CoreResult:
    """Generate ``count`` missing demo characters with the demo model, write and validate a TTF in ``folder``."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    with step("opening the demo fonts"):
        from .fonts import missing_from_target, named_charset, open_font

        source, target = open_font(resources.DEMO_SOURCE), open_font(resources.DEMO_TARGET)
        chars = missing_from_target(source, target, named_charset(SAMPLE_CHARSET))[:count]
        if not chars:
            raise SelfTestFailed(
                "opening the demo fonts", f"the demo target lacks no {SAMPLE_CHARSET} character"
            )
    with step("loading torch and the demo model"):
        from .generate import Generator

        generator = Generator.from_checkpoint(resources.DEMO_MODEL, device=device)
    timings["model"] = time.perf_counter() - started
    with step("running the demo model"):
        generated = generator.run(source, chars, target_font=target, batch_size=count, flags=False)
        if generated.chars != chars:
            raise SelfTestFailed(
                "running the demo model", f"drew {''.join(generated.chars)!r}, not {''.join(chars)!r}"
            )
        if not (generated.images > 127).any(axis=(1, 2)).all():
            blank = [
                c
                for c, image in zip(generated.chars, generated.images, strict=False)
                if not (image > 127).any()
            ]
            raise SelfTestFailed("running the demo model", f"no ink in {''.join(blank)}")
    timings["generate"] = time.perf_counter() - started - timings["model"]
    out_path = Path(folder) / "fontassist-self-test.ttf"
    with step("enlarging with the demo model's upscaler"):
        images, frame = generated.for_tracing()  # what export and demo trace
    with step("tracing and writing a TTF"):
        from .pipeline import write_font

        report = write_font(
            images,
            generated.chars,
            frame,
            target,
            out_path,
            family=FAMILY,
            mode="merge",
            validate=False,
        )
    with step("checking the written TTF"):
        check_font(out_path, chars)
    timings["export"] = time.perf_counter() - started - timings["model"] - timings["generate"]
    return CoreResult(
        source_name=source.full_name,
        target_name=target.full_name,
        chars=list(chars),
        model_size=generator.size,
        trace_size=frame.size,
        device=str(generator.device),
        font_path=out_path,
        glyphs_added=report.glyphs_added,
        total_glyphs=report.total_glyphs,
        file_size=report.file_size,
        seconds=timings,
    )


def check_font(path: Path, chars: list[str]) -> None:
    """fontTools and OTS accept the font, and each character maps to a glyph with an outline."""
    from fontTools.ttLib import TTFont

    from .export import validate_font

    result = validate_font(path)
    if not result.ok:
        raise SelfTestFailed("checking the written TTF", result.summary())
    with TTFont(path) as font:
        cmap = font.getBestCmap()
        glyf = font["glyf"]
        empty = [c for c in chars if ord(c) not in cmap or glyf[cmap[ord(c)]].numberOfContours == 0]
    if empty:
        raise SelfTestFailed("checking the written TTF", f"no outline for {''.join(empty)}")


def passed_line(core: CoreResult, window=None, total_s: float = 0.0) -> str:
    parts = [f"fontassist {__version__} self-test passed in {total_s:.1f} s:"]
    if window is not None:
        parts.append(
            f"window shown offscreen in {window.shown_s:.1f} s on {window.source_name} → {window.target_name}"
            f" ({window.language});"
        )
    parts.append(f"demo model ({core.model_size} px, {core.device}) drew {''.join(core.chars)};")
    parts.append(
        f"traced at {core.trace_size} px and merged into a {core.total_glyphs:,}-glyph TTF ({core.file_size / 1e6:.1f} MB)"
        " that fontTools and OTS accept."
    )
    return " ".join(parts)


class _CollectWarnings(logging.Handler):
    """Keeps the self-test's output to one line: log records are held back unless asked for with -v."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run(
    *, window_check: WindowCheckFactory | None = None, device: str = "auto", verbose: int = 0
) -> tuple[int, str]:
    """Run the self-test; returns (exit code, the one line that describes the result).

    ``window_check`` opens the app's window first (the CLI passes the app's); None skips it.
    """
    root = logging.getLogger()
    quiet = verbose == 0
    if quiet:
        saved = root.handlers[:], root.level
        collector = _CollectWarnings()
        root.handlers[:] = [collector]
    started = time.perf_counter()
    window = window_result = None
    try:
        with tempfile.TemporaryDirectory(prefix="fontassist-self-test-") as folder:
            check_resources()
            if window_check is not None:
                with step("opening the main window"):
                    window = window_check(Path(folder), quiet=quiet)
                    window_result = window.open()
            core = run_core(folder, device=device)
            if window is not None:
                with step("closing the main window"):
                    window.close()
                window = None
            line = passed_line(core, window_result, time.perf_counter() - started)
            return 0, line
    except SelfTestFailed as failure:
        return 1, f"fontassist {__version__} self-test FAILED while {failure}"
    except Exception as error:  # anything outside a step (the temporary folder, say) still gives one line
        return 1, f"fontassist {__version__} self-test FAILED: {one_line(error)}"
    finally:
        if window is not None:
            window.abandon()
        if quiet:
            root.handlers[:] = saved[0]
            root.setLevel(saved[1])


def main(*, window_check: WindowCheckFactory | None = None, device: str = "auto", verbose: int = 0) -> int:
    """Print the self-test's one line (to stdout when it passed, stderr when not) and return its exit code."""
    code, line = run(window_check=window_check, device=device, verbose=verbose)
    print(line, file=sys.stdout if code == 0 else sys.stderr, flush=True)
    return code
