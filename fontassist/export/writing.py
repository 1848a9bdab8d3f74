"""Opening the input font, checking the output path, and writing atomically."""

from __future__ import annotations

import logging
import os
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError
from fontTools.ttLib.tables._g_l_y_f import Glyph

from fontassist.errors import FontAssistError
from fontassist.export.glyphs import NewGlyph
from fontassist.export.validate import ValidationResult, validate_font
from fontassist.jobs import CancelToken, Progress, check_cancel, report
from fontassist.safeio import atomic_write, check_output_file, protect_inputs

log = logging.getLogger(__name__)

# Names that promise another container than the plain sfnt fontassist writes.
_CONTAINER_SUFFIXES = {".woff", ".woff2", ".ttc", ".otc"}

# glyph IDs are uint16 and numGlyphs counts them: 65,535 glyphs at most.
MAX_GLYPHS = 0xFFFF


@dataclass(frozen=True)
class ExportReport:
    out_path: Path
    glyphs_added: int
    total_glyphs: int
    file_size: int
    validation: ValidationResult | None
    warnings: tuple[str, ...]
    left_out: tuple[str, ...] = ()  # characters not merged because the target already has them


def open_input_font(path: str | os.PathLike, font_number: int = 0, *, role: str = "target font") -> TTFont:
    """Open a TTF/OTF/TTC/WOFF/WOFF2 input, with errors a user can act on."""
    path = Path(path)
    from fontassist.fonts.ufo import is_ufo_path

    if is_ufo_path(path):  # a UFO: the TrueType font drawn from it in memory (outlines, metrics, names)
        from fontassist.fonts import open_font

        return open_font(path, font_number).ttfont()
    if not path.is_file():
        raise FontAssistError(f"The {role} {path} does not exist.", hint="Check the path.")
    try:
        font = TTFont(path, fontNumber=font_number, recalcBBoxes=False)
    except TTLibError as error:
        raise FontAssistError(
            f"The {role} {path} cannot be read as a font ({error}).",
            hint="Choose a TTF, OTF, TTC, WOFF or WOFF2 file.",
        ) from error
    except OSError as error:
        raise FontAssistError(f"The {role} {path} cannot be opened ({error.strerror or error}).") from error
    if "fvar" in font or "CFF2" in font:
        font.close()
        raise FontAssistError(
            f"The {role} {path} is a variable font, which fontassist cannot extend.",
            hint="Make a static instance first, e.g. `fonttools varLib.instancer FONT wght=400`.",
        )
    if "glyf" not in font and "CFF " not in font:
        font.close()
        raise FontAssistError(
            f"The {role} {path} has no outlines fontassist can use (no glyf or CFF table).",
            hint="Choose a TrueType or OpenType/CFF font.",
        )
    # WOFF and WOFF2 inputs are written back as plain TTF.
    font.flavor = None
    return font


def check_glyph_count(total: int, out_path: Path) -> None:
    if total > MAX_GLYPHS:
        raise FontAssistError(
            f"Cannot write {out_path}: the font would hold {total:,} glyphs, "
            f"and a TrueType font holds at most {MAX_GLYPHS:,}.",
            hint=f"Export {total - MAX_GLYPHS:,} fewer characters, or use new-font mode.",
        )


def check_output_path(out_path: str | os.PathLike, inputs: list[str | os.PathLike]) -> Path:
    """Refuse an output that would overwrite an input or cannot be written; return it resolved."""
    out_path = Path(out_path).expanduser()
    with protect_inputs(("input font", p) for p in inputs if p):
        check_output_file(out_path)
    resolved = out_path.resolve()
    if resolved.suffix.lower() in _CONTAINER_SUFFIXES:
        raise FontAssistError(
            f"Cannot write {out_path}: fontassist writes a plain TrueType font, not {resolved.suffix}.",
            hint="Give a file name ending in .ttf (convert it afterwards if you need a web font or a collection).",
        )
    if resolved.exists() and not os.access(resolved, os.W_OK):
        raise FontAssistError(
            f"Cannot replace {out_path}: the file is read-only.", hint="Choose another name."
        )
    return resolved


def save_atomically(
    font: TTFont,
    out_path: Path,
    *,
    validate: bool,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> ValidationResult | None:
    """Save to a temporary file beside ``out_path``, validate, then rename over it.

    On any failure or a cancel the temporary file is removed and ``out_path`` is
    left as it was.
    """
    validation = None
    with atomic_write(out_path) as f:
        report(progress, 0, 2, "Writing the font")
        font.save(f, reorderTables=True)
        f.flush()
        check_cancel(cancel, cancelled_message(out_path))
        if validate:
            report(progress, 1, 2, "Validating the font (fontTools, OpenType Sanitizer)")
            validation = validate_font(Path(f.name))
            if not validation.ok:
                raise FontAssistError(
                    f"The font for {out_path} failed validation, so it was not written: {validation.summary()}",
                    hint="This is a bug in fontassist; please report it with the input fonts.",
                )
            check_cancel(cancel, cancelled_message(out_path))
    report(progress, 2, 2, "Done")
    return validation


def written_report(
    out_path: Path, glyphs_added: int, total_glyphs: int, validation: ValidationResult | None, warnings
) -> ExportReport:
    """The report of a font just written to ``out_path``; each warning is logged (the front end shows it once)."""
    for warning in warnings:
        log.info("%s", warning)
    return ExportReport(
        out_path=out_path,
        glyphs_added=glyphs_added,
        total_glyphs=total_glyphs,
        file_size=out_path.stat().st_size,
        validation=validation,
        warnings=tuple(warnings),
    )


def add_glyphs(
    glyphs: MutableMapping[str, Glyph],
    names: list[str],
    new_glyphs: list[NewGlyph],
    progress: Progress | None,
    cancel: CancelToken | None,
    out_path: Path,
) -> None:
    """Put each new glyph into ``glyphs`` under its name; a cancel stops between glyphs."""
    total = len(new_glyphs)
    for done, (name, new) in enumerate(zip(names, new_glyphs, strict=True)):
        check_cancel(cancel, cancelled_message(out_path))
        report(progress, done, total, "Adding glyphs")
        glyphs[name] = new.glyph
    report(progress, total, total, "Adding glyphs")


def cancelled_message(out_path: str | os.PathLike) -> str:
    """What a cancelled font export says (its :class:`~fontassist.jobs.JobCancelled` message)."""
    return f"Export to {os.fspath(out_path)} was cancelled; no file was written."
