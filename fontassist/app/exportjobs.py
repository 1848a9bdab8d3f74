"""The Export page's jobs and defaults, as plain functions (no Qt): they call the core pipeline.

:func:`export_font` and :func:`export_glyph_files` pick the glyphs by the
designer's decisions and hand them to :func:`fontassist.pipeline.write_font`
and :func:`fontassist.pipeline.write_glyph_files`, which trace, write
atomically, validate and honour ``cancel`` (:mod:`fontassist.jobs`); the page runs them in a
:class:`~fontassist.app.worker.Worker`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ..errors import FontAssistError
from ..export import ExportReport
from ..fonts import FontFile
from ..jobs import CancelToken, Progress
from ..pipeline import TraceOptions, write_font, write_glyph_files
from .reviewdata import Decisions, ReviewGlyphs, export_chars

log = logging.getLogger(__name__)

WHICH = ("accepted", "not_rejected")
# A suffix that says which characters were added, from the named set they came from.
_CHARSET_SUFFIX = {"tw-edu-4808": "TC", "big5": "TC", "big5-level1": "TC", "jis-x-0208": "JP", "gb2312": "SC"}


def default_family(target_family: str, charset: str | None) -> str:
    """``Zen Maru Gothic TC`` for Taiwanese sets; ``… Plus`` when the characters come from elsewhere."""
    return f"{target_family} {_CHARSET_SUFFIX.get(charset or '', 'Plus')}"


def default_file_name(family: str, style: str) -> str:
    """``ZenMaruGothicTC-Regular.ttf``: the usual PostScript-like file name."""
    keep = lambda text: "".join(ch for ch in text if ch.isalnum())  # noqa: E731
    return f"{keep(family) or 'fontassist'}-{keep(style) or 'Regular'}.ttf"


def trace_options_from(export: dict) -> TraceOptions:
    """The trace settings kept in the project's ``export`` dict (the defaults where unset)."""
    defaults = TraceOptions()
    return TraceOptions(
        speck_area=float(export.get("speck_area", defaults.speck_area)),
        tolerance=float(export.get("tolerance", defaults.tolerance)),
    )


def chosen_glyphs(glyphs: ReviewGlyphs, decisions: Decisions, which: str):
    """(rasters, characters) to export: accepted only, or all not rejected."""
    return glyphs.subset(export_chars(glyphs, decisions, which))


def export_font(
    glyphs: ReviewGlyphs,
    chars: list[str],
    target: FontFile,
    out_path: str | os.PathLike,
    *,
    family: str,
    style: str,
    mode: str,
    trace_options: TraceOptions,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ExportReport:
    """Trace ``chars`` of ``glyphs`` and write the font (merged into a copy of ``target``, or new), validated."""
    images, chars = glyphs.subset(chars)
    if not chars:
        raise FontAssistError(
            "There are no glyphs to export.",
            hint="Accept some glyphs on the Review page, or export all that are not rejected.",
        )
    return write_font(
        images,
        chars,
        glyphs.frame,
        target,
        out_path,
        family=family,
        style=style,
        mode=mode,
        trace_options=trace_options,
        validate=True,
        progress=progress,
        cancel=cancel,
    )


def export_glyph_files(
    glyphs: ReviewGlyphs,
    chars: list[str],
    out_dir: str | os.PathLike,
    fmt: str,
    *,
    trace_options: TraceOptions,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[Path]:
    """One PNG (raster) or SVG (traced outline) per glyph into ``out_dir``, named by code point."""
    images, chars = glyphs.subset(chars)
    if not chars:
        raise FontAssistError(
            "There are no glyphs to export.",
            hint="Accept some glyphs on the Review page, or export all that are not rejected.",
        )
    return write_glyph_files(
        images,
        chars,
        glyphs.frame,
        out_dir,
        fmt,
        trace_options=trace_options,
        progress=progress,
        cancel=cancel,
    )
