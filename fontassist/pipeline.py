"""The end of the chain: rasters → traced outlines → a font file, or glyph files.

Both front ends (CLI and app) call these functions; they are Qt-free and follow
the job protocol of :mod:`fontassist.jobs` (progress callback, cancel token,
JobCancelled when cancelled). Rasters are uint8 (0 paper, 255 ink) on ``frame``'s grid.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path

import numpy as np
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

from .errors import FontAssistError
from .export import ExportReport, NewGlyph, build_new_font, merge_into_font
from .export.writing import cancelled_message
from .fonts import EmFrame, FontFile
from .glyphimages import ensure_folder, glyph_filename, save_glyph_pngs
from .jobs import CancelToken, JobCancelled, Progress, check_cancel, report
from .safeio import safe_filename, write_text
from .vector import FontOutline, TraceSettings, trace_outlines
from .vector.targetshape import target_shape

log = logging.getLogger(__name__)

EXPORT_MODES = ("merge", "new")
GLYPH_FORMATS = ("png", "svg", "ttf")


TRACE_CHUNK = 64  # glyphs traced per batch call: the tracer is about twice as fast per glyph in batches
# Tracing runs in worker processes, when asked to, only when there are at least this many chunks:
# below that, starting the workers (about a second) costs more than it saves.
PARALLEL_CHUNKS = 3


def settings_for(settings: TraceSettings | None, target: FontFile | None) -> TraceSettings:
    """``settings`` (default: the defaults) with the tidy tolerances measured from ``target``; its
    stroke-width variation only when the settings leave the even-width step to the target."""
    settings = settings or TraceSettings()
    shape = target_shape(target, width=settings.even_width is None) if target is not None else None
    return settings.fitted_to(shape)


def trace_workers(limit: int | None = None) -> int:
    """How many processes the front ends trace in: the cores this process may use, at most ``limit``.

    The core's functions trace in one process unless given ``workers``: worker processes are
    started afresh ("spawn") and import the program's main script again, which a script that
    calls them must allow for (its top level under ``if __name__ == "__main__":``). The CLI and
    the app do; ``python -m fontassist`` and the frozen app do too."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    return max(1, min(cores, limit or cores))


def trace_glyphs(
    images: np.ndarray,
    chars: Sequence[str],
    frame: EmFrame,
    settings: TraceSettings | None = None,
    *,
    target: FontFile | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[NewGlyph]:
    """Trace every raster into a quadratic glyf outline. Empty tracings are left out.

    The tidy stage takes its tolerances and ink box from ``target`` when given.
    Chunks of glyphs are traced in ``workers`` processes at once (default: this one; see
    :func:`trace_workers`); the outlines are the same whatever the count.
    """
    settings = settings_for(settings, target)
    glyphs = []
    moved = []
    done, total = 0, len(chars)
    for chunk_chars, outlines in _traced_chunks(images, chars, frame, settings, workers, cancel):
        for char, outline in zip(chunk_chars, outlines, strict=False):
            if len(outline.count):
                pen = TTGlyphPen(None)
                outline.draw(pen)
                glyphs.append(NewGlyph(char, pen.glyph()))
                if outline.moved:
                    moved.append(char)
            else:
                log.warning("U+%04X %s traced to nothing (an empty raster); left out", ord(char), char)
        done += len(chunk_chars)
        report(progress, done, total, "Tracing outlines")
    if moved:
        log.info(
            "%d glyphs scaled or shifted to keep their ink inside the target's ideographic box: %s",
            len(moved),
            "".join(moved),
        )
    return glyphs


def _traced_chunks(
    images: np.ndarray,
    chars: Sequence[str],
    frame: EmFrame,
    settings: TraceSettings,
    workers: int,
    cancel: CancelToken | None,
) -> Iterator[tuple[Sequence[str], list[FontOutline]]]:
    """(characters, their outlines) of each chunk of ``TRACE_CHUNK`` glyphs, in order.

    With more than one worker and enough chunks, the chunks are traced in worker processes
    (started afresh, "spawn", which is safe beside Qt's and torch's threads on every OS), a
    few per worker in flight so memory stays bounded; a cancel stops the pool and drops
    what is queued. The tracer is numpy and Python, so processes, not threads."""
    spans = [slice(start, start + TRACE_CHUNK) for start in range(0, len(images), TRACE_CHUNK)]

    def rasters(span: slice) -> np.ndarray:
        return np.asarray(images[span], dtype=np.uint8)

    done = 0  # chunks yielded
    if workers >= 2 and len(spans) >= PARALLEL_CHUNKS:
        try:
            for outlines in _in_workers(
                map(rasters, spans), frame, settings, min(workers, len(spans)), cancel
            ):
                yield chars[spans[done]], outlines
                done += 1
        except (BrokenProcessPool, OSError) as error:  # no processes here (a sandbox, out of memory)
            log.warning("tracing in one process: the worker processes failed (%s)", error)
    for span in spans[done:]:
        check_cancel(cancel, "Tracing was cancelled.")
        yield chars[span], trace_outlines(rasters(span), frame, settings)


def _in_workers(chunks: Iterator[np.ndarray], frame: EmFrame, settings: TraceSettings, workers: int, cancel):
    """The outlines of each chunk of rasters, in order, traced by a pool of ``workers`` processes;
    at most two chunks per worker are in flight (and in memory) at once."""
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))

    def submit(rasters: np.ndarray):
        return pool.submit(trace_outlines, rasters, frame, settings)

    try:
        running = deque(map(submit, islice(chunks, 2 * workers)))
        while running:
            outlines = _result(running.popleft(), cancel)
            running.extend(map(submit, islice(chunks, 1)))
            yield outlines
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future, cancel: CancelToken | None):
    """The future's result, checking for a cancel every fifth of a second while it runs."""
    while True:
        check_cancel(cancel, "Tracing was cancelled.")
        try:
            return future.result(timeout=0.2)
        except FutureTimeout:
            continue


def _traced_for(out_path, images, chars, frame: EmFrame, settings, **job) -> list[NewGlyph]:
    """:func:`trace_glyphs` for a file about to be written: a cancel says nothing was written to ``out_path``."""
    try:
        return trace_glyphs(images, chars, frame, settings, **job)
    except JobCancelled:
        raise JobCancelled(cancelled_message(out_path)) from None


def write_font(
    images: np.ndarray,
    chars: Sequence[str],
    frame: EmFrame,
    target: FontFile,
    out_path: str | os.PathLike,
    *,
    family: str,
    style: str = "Regular",
    mode: str = "merge",
    trace_settings: TraceSettings | None = None,
    validate: bool = True,
    drawn: Sequence[NewGlyph] = (),
    source: FontFile | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportReport:
    """Trace ``images`` and write them as a font: merged into a copy of ``target``, or a new font.

    ``drawn`` are glyphs drawn by hand (taken from the designer's editor): they
    are written as drawn, never traced. In merge mode, characters the target
    already has are left out (the target's own glyphs win) and listed in the
    report's ``left_out``. A UFO target is merged as a UFO and compiled with
    ufo2ft. Nothing is written when anything fails or the user cancels.
    """
    if mode not in EXPORT_MODES:
        raise FontAssistError(
            f"Unknown export mode '{mode}'.", hint=f"Choose one of: {', '.join(EXPORT_MODES)}."
        )
    if not len(chars) and not drawn:
        raise FontAssistError(
            "There are no glyphs to export.",
            hint="Generate some characters first, or check the character list.",
        )
    left_out: list[str] = []
    if mode == "merge":
        images, chars, drawn, left_out = _leave_out_present(images, chars, drawn, target)
    glyphs = _traced_for(
        out_path,
        images,
        chars,
        frame,
        trace_settings,
        target=target,
        workers=workers,
        progress=progress,
        cancel=cancel,
    )
    hand = {g.char for g in drawn}
    glyphs = [g for g in glyphs if g.char not in hand] + list(drawn)
    if not glyphs:
        raise FontAssistError(
            f"Nothing to write to {os.fspath(out_path)}: all {len(chars):,} glyphs traced to nothing (empty rasters).",
            hint="Check the model and the characters (fontassist generate --grid shows what it draws).",
        )
    job = {"family": family, "style": style, "validate": validate, "progress": progress, "cancel": cancel}
    fonts = {
        "font_number": target.face_index,
        "source_path": source.path if source is not None else None,
        "source_number": source.face_index if source is not None else 0,
    }
    if target.outline_format == "ufo":
        from .export.ufo import merge_into_ufo_target

        written = merge_into_ufo_target(target, glyphs, out_path, mode=mode, **job)
    elif mode == "merge":
        written = merge_into_font(target.path, glyphs, out_path, **fonts, **job)
    else:
        written = build_new_font(glyphs, out_path, metrics_from=target.path, **fonts, **job)
    return dataclasses.replace(written, left_out=tuple(left_out))


def _leave_out_present(images, chars, drawn, target: FontFile):
    """The one rule of merge mode: characters the target already has are not merged (its own glyphs win).

    Returns (images, chars, drawn) without them, and the characters left out;
    raises FontAssistError when nothing is left.
    """
    left_out = [c for c in dict.fromkeys([*chars, *(g.char for g in drawn)]) if target.has(c)]
    if left_out:
        keep = [i for i, c in enumerate(chars) if not target.has(c)]
        images, chars = np.asarray(images)[keep], [chars[i] for i in keep]
        drawn = [g for g in drawn if not target.has(g.char)]
        log.info("left out %d characters the target already has", len(left_out))
    if not len(chars) and not drawn:
        raise FontAssistError(
            f"The target font already has all {len(left_out):,} characters to export; nothing to merge.",
            hint="Choose characters the target lacks.",
        )
    return images, list(chars), list(drawn), left_out


def write_ufo_export(
    images: np.ndarray,
    chars: Sequence[str],
    frame: EmFrame,
    target: FontFile,
    out_path: str | os.PathLike,
    *,
    source: FontFile | None = None,
    statuses: Mapping[str, str] | None = None,
    flags: Sequence[Mapping] | None = None,
    checkpoints: Sequence[str] | str = "",
    drawn: Sequence[NewGlyph] = (),
    mode: str = "merge",
    family: str | None = None,
    style: str | None = None,
    include_rejected: bool = False,
    trace_settings: TraceSettings | None = None,
    provenance: Mapping | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
):
    """Trace ``images`` and write a UFO for the designer's editor, each glyph marked with its review state.

    ``statuses`` maps characters to ``accepted`` / ``rejected`` (others are
    undecided); ``flags`` and ``checkpoints`` run parallel to ``chars``;
    ``drawn`` glyphs (hand edits) are written as drawn and marked edited.
    Rejected glyphs are neither traced nor written unless ``include_rejected``;
    in merge mode, characters the target already has are left out.
    """
    from .export.ufo import EDITED, REJECTED, UNDECIDED, UfoGlyph, write_ufo

    present: list[str] = []
    if mode == "merge":
        flags = list(flags) if flags is not None else None
        checkpoints = list(checkpoints) if not isinstance(checkpoints, str) else checkpoints
        rows_kept = [i for i, c in enumerate(chars) if not target.has(c)]
        images, chars, drawn, present = _leave_out_present(images, chars, drawn, target)
        if flags is not None:
            flags = [flags[i] for i in rows_kept]
        if not isinstance(checkpoints, str):
            checkpoints = [checkpoints[i] for i in rows_kept]
    statuses = dict(statuses or {})
    hand = {g.char for g in drawn}
    flags = list(flags) if flags is not None else [{}] * len(chars)
    checkpoints = [checkpoints] * len(chars) if isinstance(checkpoints, str) else list(checkpoints)
    rows = [
        i for i, c in enumerate(chars) if c not in hand and (include_rejected or statuses.get(c) != REJECTED)
    ]
    left_out = [c for c in chars if c not in hand and statuses.get(c) == REJECTED and not include_rejected]
    traced = _traced_for(
        out_path,
        images[rows] if rows else images[:0],
        [chars[i] for i in rows],
        frame,
        trace_settings,
        target=target,
        workers=workers,
        progress=progress,
        cancel=cancel,
    )
    where = {chars[i]: i for i in rows}
    items = [
        UfoGlyph(g, statuses.get(g.char, UNDECIDED), flags[where[g.char]], checkpoints[where[g.char]])
        for g in traced
    ]
    items += [UfoGlyph(g, EDITED) for g in drawn]
    report = write_ufo(
        items,
        target,
        out_path,
        mode=mode,
        family=family,
        style=style,
        source=source,
        include_rejected=include_rejected,
        provenance=provenance,
        progress=progress,
        cancel=cancel,
    )
    if left_out:
        note = f"Left out {len(left_out)} rejected glyphs: {''.join(left_out[:20])}."
        report = dataclasses.replace(report, left_out=tuple(left_out), warnings=(*report.warnings, note))
    if present:
        note = f"Left out {len(present)} characters the target already has: {''.join(present[:20])}."
        report = dataclasses.replace(
            report, left_out=(*report.left_out, *present), warnings=(*report.warnings, note)
        )
    return report


def outline_svg(outline: FontOutline, frame: EmFrame) -> str:
    """A standalone SVG of a traced outline: viewBox = the em frame, in font units, ink black."""
    pen = SVGPathPen(None)
    outline.draw(pen)
    span = frame.span
    # Font units are y-up; SVG is y-down: flip y and use -y_max as the top edge.
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{frame.x_min:g} {-frame.y_max:g} {span:g} {span:g}" '
        f'width="{frame.size}" height="{frame.size}">\n'
        f'  <path transform="scale(1,-1)" fill="#000" d="{pen.getCommands()}"/>\n'
        "</svg>\n"
    )


def write_glyph_files(
    images: np.ndarray,
    chars: Sequence[str],
    frame: EmFrame,
    out_dir: str | os.PathLike,
    fmt: str,
    *,
    target: FontFile | None = None,
    family: str = "fontassist glyphs",
    trace_settings: TraceSettings | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[Path]:
    """Batch glyph export: a PNG or SVG per glyph (``U+6C38.svg``) into ``out_dir``, or one TTF there.

    ``ttf`` needs ``target`` for metrics and writes ``<family>.ttf`` holding just these glyphs.
    Returns the files written. A cancel keeps the SVG files already written (and says so).
    """
    if fmt not in GLYPH_FORMATS:
        raise FontAssistError(
            f"Unknown glyph format '{fmt}'.", hint=f"Choose one of: {', '.join(GLYPH_FORMATS)}."
        )
    folder = ensure_folder(out_dir)
    if fmt == "png":
        save_glyph_pngs(images, chars, folder)
        return [folder / glyph_filename(c) for c in chars]
    if fmt == "ttf":
        if target is None:
            raise FontAssistError(
                "Writing glyphs as a TTF needs a font to take the metrics from.",
                hint="Give --target (or --font).",
            )
        out = folder / glyph_font_name(family)
        written_font = write_font(
            images,
            chars,
            frame,
            target,
            out,
            family=family,
            mode="new",
            trace_settings=trace_settings,
            workers=workers,
            progress=progress,
            cancel=cancel,
        )
        return [written_font.out_path]
    written: list[Path] = []

    def kept() -> str:
        return f"Glyph export cancelled; the {len(written)} SVG files written so far into {folder} are kept."

    # Traced in chunks, in worker processes, as a font's glyphs are: the same outlines.
    chunks = _traced_chunks(images, chars, frame, settings_for(trace_settings, target), workers, cancel)
    try:
        for chunk_chars, outlines in chunks:
            for char, outline in zip(chunk_chars, outlines, strict=False):
                check_cancel(cancel)  # the message is kept()'s, below
                path = folder / glyph_filename(char, "svg")
                write_text(path, outline_svg(outline, frame), durable=False)
                written.append(path)
            report(progress, len(written), len(chars), "Writing SVG outlines")
    except JobCancelled:
        raise JobCancelled(kept()) from None
    finally:
        chunks.close()  # a cancel or a failed write here stops the worker processes now
    return written


def glyph_font_name(family: str) -> str:
    """The file name ``glyphs --format ttf`` writes: the family without spaces, made safe as one file name."""
    return safe_filename(family.replace(" ", ""), fallback="glyphs") + ".ttf"
