"""The Export page's jobs and defaults, as plain functions (no Qt): they call the core pipeline.

:func:`export_font` and :func:`export_glyph_files` pick the glyphs by the
designer's decisions and hand them to :func:`fontassist.pipeline.write_font`
and :func:`fontassist.pipeline.write_glyph_files`, which trace, write
atomically, validate and honour ``cancel`` (:mod:`fontassist.jobs`); the page runs them in a
:class:`~fontassist.app.common.worker.Worker`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ...errors import FontAssistError
from ...export import ExportReport
from ...fonts import FontFile
from ...jobs import CancelToken, Progress
from ...pipeline import settings_for, trace_workers, write_font, write_glyph_files
from ...vector import TraceSettings
from ..review.reviewdata import ACCEPTED, REJECTED, Decisions, ReviewGlyphs

log = logging.getLogger(__name__)

# A suffix that says which characters were added, from the named set they came from.
_CHARSET_SUFFIX = {"tw-edu-4808": "TC", "big5": "TC", "big5-level1": "TC", "jis-x-0208": "JP", "gb2312": "SC"}


def default_family(target_family: str, charset: str | None) -> str:
    """``Zen Maru Gothic TC`` for Taiwanese sets; ``… Plus`` when the characters come from elsewhere."""
    return f"{target_family} {_CHARSET_SUFFIX.get(charset or '', 'Plus')}"


def default_file_name(family: str, style: str) -> str:
    """``ZenMaruGothicTC-Regular.ttf``: the usual PostScript-like file name."""
    keep = lambda text: "".join(ch for ch in text if ch.isalnum())  # noqa: E731
    return f"{keep(family) or 'fontassist'}-{keep(style) or 'Regular'}.ttf"


def trace_options_from(export: dict, target: FontFile | None = None) -> TraceSettings:
    """The trace settings kept in the project's ``export`` dict (the defaults where unset),
    with the tidy tolerances measured from ``target``."""
    values = {}
    for f in TraceSettings.tunable():
        if f.name in export:
            value = export[f.name]
            switch = f.default is None or isinstance(f.default, bool)
            values[f.name] = (None if value is None else bool(value)) if switch else float(value)
    return settings_for(TraceSettings(**values), target)


def hand_drawn(review: dict | None) -> list:
    """The glyphs drawn by hand in the designer's editor, less those excluded from the generate set."""
    from ...export.handedits import edited_glyphs

    excluded = Decisions(review or {})
    return [g for g in edited_glyphs(review or {}) if not excluded.isExcluded(g.char)]


def _glyphs_to_write(glyphs: ReviewGlyphs, chars: list[str], review: dict | None, cancel: CancelToken | None):
    """``(drawn, images, chars)``: the hand-drawn glyphs, and the images of the rest of ``chars`` to trace.

    Raises :class:`FontAssistError` when there is nothing to write.
    """
    drawn = hand_drawn(review)
    hand = {g.char for g in drawn}
    images, chars = glyphs.subset([c for c in chars if c not in hand], cancel=cancel)
    if not chars and not drawn:
        raise FontAssistError(
            "There are no glyphs to export.",
            hint="Accept some glyphs on the Review page, or export all that are not rejected.",
        )
    return drawn, images, chars


def export_font(
    glyphs: ReviewGlyphs,
    chars: list[str],
    target: FontFile,
    out_path: str | os.PathLike,
    *,
    family: str,
    style: str,
    mode: str,
    trace_options: TraceSettings,
    review: dict | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportReport:
    """Trace ``chars`` of ``glyphs`` and write the font (merged into a copy of ``target``, or new), validated.

    Glyphs drawn by hand (``review``'s hand edits) are written as drawn, not traced.
    """
    drawn, images, chars = _glyphs_to_write(glyphs, chars, review, cancel)
    return write_font(
        images,
        chars,
        glyphs.trace_frame,
        target,
        out_path,
        family=family,
        style=style,
        mode=mode,
        trace_settings=trace_options,
        validate=True,
        drawn=drawn,
        workers=trace_workers(),
        progress=progress,
        cancel=cancel,
    )


def export_ufo(
    glyphs: ReviewGlyphs,
    chars: list[str],
    decisions: Decisions,
    target: FontFile,
    source: FontFile | None,
    out_path: str | os.PathLike,
    *,
    family: str,
    style: str,
    mode: str,
    trace_options: TraceSettings,
    review: dict | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
):
    """Write a UFO for the designer's editor: ``chars`` traced and marked with their review state.

    Hand-drawn glyphs go in as drawn (marked edited); the source glyphs fill the background layer.
    """
    from ...pipeline import write_ufo_export
    from ..review.reviewdata import checkpoint_path

    drawn, images, chars = _glyphs_to_write(glyphs, chars, review, cancel)
    rows = [glyphs.index(c) for c in chars]
    checkpoints = [os.fspath(checkpoint_path(glyphs.checkpoints[i])) for i in rows]
    return write_ufo_export(
        images,
        chars,
        glyphs.trace_frame,
        target,
        out_path,
        source=source,
        statuses={c: decisions.status(c) for c in chars if decisions.status(c) in (ACCEPTED, REJECTED)},
        flags=[glyphs.flags[i] for i in rows],
        checkpoints=checkpoints,
        drawn=drawn,
        mode=mode,
        family=family,
        style=style,
        trace_settings=trace_options,
        provenance={
            "source": source.path.absolute() if source is not None else None,
            "target": target.path.absolute(),
            "checkpoint": checkpoints[0] if checkpoints else None,
        },
        workers=trace_workers(),
        progress=progress,
        cancel=cancel,
    )


def export_glyph_files(
    glyphs: ReviewGlyphs,
    chars: list[str],
    out_dir: str | os.PathLike,
    fmt: str,
    *,
    trace_options: TraceSettings,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[Path]:
    """One PNG (raster) or SVG (traced outline) per glyph into ``out_dir``, named by code point."""
    images, chars = glyphs.subset(chars, cancel=cancel)
    if not chars:
        raise FontAssistError(
            "There are no glyphs to export.",
            hint="Accept some glyphs on the Review page, or export all that are not rejected.",
        )
    return write_glyph_files(
        images,
        chars,
        glyphs.trace_frame,
        out_dir,
        fmt,
        trace_settings=trace_options,
        workers=trace_workers(),
        progress=progress,
        cancel=cancel,
    )
