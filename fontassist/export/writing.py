"""Opening the input font, checking the output path, and writing atomically."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError

from fontassist.errors import FontAssistError
from fontassist.export.validate import ValidationResult, validate_font
from fontassist.jobs import CancelToken, Progress, check_cancel, report

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
    resolved = out_path.resolve()
    for source in inputs:
        if _same_file(resolved, Path(source)):
            raise FontAssistError(
                f"The output {out_path} is the same file as the input {source}.",
                hint="Write the new font under another name; fontassist never overwrites its inputs.",
            )
    if resolved.is_dir():
        raise FontAssistError(f"The output {out_path} is a folder.", hint="Give a file name ending in .ttf.")
    if resolved.suffix.lower() in _CONTAINER_SUFFIXES:
        raise FontAssistError(
            f"Cannot write {out_path}: fontassist writes a plain TrueType font, not {resolved.suffix}.",
            hint="Give a file name ending in .ttf (convert it afterwards if you need a web font or a collection).",
        )
    folder = resolved.parent
    if not folder.is_dir():
        raise FontAssistError(
            f"Cannot write {out_path}: the folder {folder} does not exist.", hint="Create it first."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FontAssistError(
            f"Cannot write {out_path}: the folder {folder} is not writable.",
            hint="Choose a folder you can write to.",
        )
    if resolved.exists() and not os.access(resolved, os.W_OK):
        raise FontAssistError(
            f"Cannot replace {out_path}: the file is read-only.", hint="Choose another name."
        )
    return resolved


def _same_file(a: Path, b: Path) -> bool:
    b = b.expanduser()
    if a.exists() and b.exists():
        return os.path.samefile(a, b)
    return os.path.normcase(a) == os.path.normcase(b.resolve())


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
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=out_path.parent)
    except OSError as error:
        raise FontAssistError(
            f"Cannot write {out_path}: {error.strerror or error}.", hint="Choose a folder you can write to."
        ) from error
    os.close(handle)
    temp_path = Path(temp_name)
    try:
        report(progress, 0, 2, "Writing the font")
        try:
            font.save(temp_path, reorderTables=True)
        except OSError as error:
            raise FontAssistError(
                f"Cannot write {out_path}: {error.strerror or error}.", hint="Check the free disk space."
            ) from error
        check_cancel(cancel, cancelled_message(out_path))
        validation = None
        if validate:
            report(progress, 1, 2, "Validating the font (fontTools, OpenType Sanitizer)")
            validation = validate_font(temp_path)
            if not validation.ok:
                raise FontAssistError(
                    f"The font for {out_path} failed validation, so it was not written: {validation.summary()}",
                    hint="This is a bug in fontassist; please report it with the input fonts.",
                )
            check_cancel(cancel, cancelled_message(out_path))
        # mkstemp makes owner-only files; a font should get the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp_path, 0o666 & ~umask)
        os.replace(temp_path, out_path)
        report(progress, 2, 2, "Done")
        return validation
    finally:
        if temp_path.exists():
            temp_path.unlink()


def cancelled_message(out_path: str | os.PathLike) -> str:
    """What a cancelled font export says (its :class:`~fontassist.jobs.JobCancelled` message)."""
    return f"Export to {os.fspath(out_path)} was cancelled; no file was written."
