"""Export subcommands: ``export`` (generate → trace → TTF) and ``glyphs`` (batch PNG / SVG / TTF).

torch is imported only when a checkpoint is used.
"""

from __future__ import annotations

import logging
import time

from ..errors import FontAssistError
from ..fonts import DEFAULT_CHARSET
from .common import add_runtime, generation_chars, progress_printer, set_threads
from .fonts_commands import add_charset_arguments, chars_from_args

log = logging.getLogger(__name__)


def _trace_arguments(p) -> None:
    g = p.add_argument_group("tracing")
    g.add_argument(
        "--speck-area",
        type=float,
        default=4.0,
        metavar="PX2",
        help="drop ink specks and pinholes smaller than this many square pixels (default 4)",
    )
    g.add_argument(
        "--tolerance",
        type=float,
        default=0.25,
        metavar="PX",
        help="how far outlines may stray from the raster's edge, in pixels (default 0.25)",
    )


def _trace_options(args):
    from ..pipeline import TraceOptions

    return TraceOptions(speck_area=args.speck_area, tolerance=args.tolerance)


def _generate_for_export(args, need_target: bool):
    """Load the checkpoint and fonts, pick the characters, run the model; returns (glyphs, source, target)."""
    from ..fonts import open_font
    from ..generate import Generator

    set_threads(args.threads)
    source = open_font(args.source, args.source_face)
    target = open_font(args.target, args.target_face) if args.target else None
    if need_target and target is None:
        raise FontAssistError(
            "This export needs the target font.",
            hint="Give --target FONT (its metrics and, in merge mode, its glyphs).",
        )
    chars, description = generation_chars(args, source, target)
    if not chars:
        raise FontAssistError(
            f"Nothing to export: no characters left from {description}.",
            hint="Choose characters the target lacks (--missing).",
        )
    generator = Generator.from_checkpoint(args.checkpoint, device=args.device)
    line, report = progress_printer()
    try:
        glyphs = generator.run(
            source,
            chars,
            target_font=target,
            batch_size=args.batch,
            progress=report,
        )
    finally:
        line.close()
    if glyphs.skipped:
        print(f"The source lacks {len(glyphs.skipped):,} of them: {''.join(glyphs.skipped[:40])}")
    return glyphs, source, target


def _export(args) -> int:
    from ..export import naming_warnings
    from ..export.writing import check_output_path
    from ..pipeline import write_font

    started = time.perf_counter()
    if args.target is None:
        raise FontAssistError("export needs the target font.", hint="Give --target FONT.")
    # Refuse a bad output before minutes of generating, not after.
    check_output_path(args.out, [args.target, args.source])
    for warning in naming_warnings(args.target, args.family, args.target_face):
        print(f"warning: {warning}")
    glyphs, source, target = _generate_for_export(args, need_target=True)
    line, report = progress_printer()
    try:
        result = write_font(
            glyphs.images,
            glyphs.chars,
            glyphs.frame,
            target,
            args.out,
            family=args.family,
            style=args.style,
            mode=args.mode,
            trace_options=_trace_options(args),
            validate=not args.no_validate,
            progress=report,
        )
    finally:
        line.close()
    for warning in result.warnings:
        print(f"warning: {warning}")
    seconds = time.perf_counter() - started
    what = f"merged into a copy of {target.full_name}" if args.mode == "merge" else "in a new font"
    print(
        f"Wrote {result.out_path}: {result.glyphs_added:,} new glyphs {what}, {result.total_glyphs:,} glyphs in all, "
        f"{result.file_size / 1e6:.2f} MB, in {seconds:.1f} s."
    )
    if result.left_out:
        shown = "".join(result.left_out[:20]) + ("…" if len(result.left_out) > 20 else "")
        print(f"  left out {len(result.left_out):,} characters {target.full_name} already has: {shown}")
    if result.validation is not None:
        print(
            f"  validation (fontTools reload + OpenType Sanitizer): {'passed' if result.validation.ok else 'FAILED'}"
        )
    flagged = glyphs.flagged()
    if flagged:
        print(f"  {len(flagged):,} glyphs have quality flags worth a look: {''.join(flagged[:30])}")
    return 0


def _glyphs(args) -> int:
    from ..pipeline import write_glyph_files

    started = time.perf_counter()
    if (args.checkpoint is None) == (args.font is None):
        raise FontAssistError(
            "Give either a CHECKPOINT (with --source) to generate glyphs, or --font to export a font's own glyphs."
        )
    if args.font is not None:
        from ..fonts import open_font, render

        font = open_font(args.font, args.font_face)
        chars, _ = chars_from_args(args)
        rendered = render(font, chars, args.size, args.margin)
        if rendered.missing:
            print(f"{font.full_name} lacks {len(rendered.missing):,}: {''.join(rendered.missing[:40])}")
        images, chars, frame, metrics_font = rendered.images, rendered.chars, rendered.frame, font
    else:
        if args.source is None:
            raise FontAssistError("Generating glyphs from a checkpoint needs --source FONT.")
        glyphs, source, target = _generate_for_export(args, need_target=args.format == "ttf")
        images, chars, frame, metrics_font = glyphs.images, glyphs.chars, glyphs.frame, target
    line, report = progress_printer()
    try:
        written = write_glyph_files(
            images,
            chars,
            frame,
            args.out,
            args.format,
            target=metrics_font,
            family=args.family,
            trace_options=_trace_options(args),
            progress=report,
        )
    finally:
        line.close()
    seconds = time.perf_counter() - started
    if args.format == "ttf":
        print(f"Wrote {written[0]} with {len(chars):,} glyphs in {seconds:.1f} s.")
    else:
        print(f"Wrote {len(written):,} {args.format.upper()} files into {args.out}/ in {seconds:.1f} s.")
    return 0


def _checkpoint_inputs(p) -> None:

    p.add_argument("--source", metavar="FONT", help="the font that has the characters")
    p.add_argument("--source-face", type=int, default=0, metavar="N")
    p.add_argument("--target", metavar="FONT", help="the font whose style the model learned")
    p.add_argument("--target-face", type=int, default=0, metavar="N")
    p.add_argument(
        "--missing",
        action="store_true",
        help=f"the characters of the set (default {DEFAULT_CHARSET}) the target lacks",
    )
    add_charset_arguments(p, default=None)
    add_runtime(p)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export",
        help="generate characters with a model, trace them and write a TrueType font",
        description="Generate characters with a trained model, trace them into TrueType outlines and "
        "write a font: merged into a copy of the target (default) or as a new font.",
    )
    p.add_argument("checkpoint", metavar="CHECKPOINT", help="a .pt file or a run folder")
    _checkpoint_inputs(p)
    p.add_argument(
        "--out", required=True, metavar="NEW.ttf", help="the font to write (never one of the inputs)"
    )
    p.add_argument("--family", required=True, help='family name of the new font, e.g. "Zen Maru Gothic TC"')
    p.add_argument("--style", default="Regular", help="style name (default Regular)")
    p.add_argument(
        "--mode",
        choices=("merge", "new"),
        default="merge",
        help="merge into a copy of the target (default) or write a new font with just the new glyphs",
    )
    p.add_argument(
        "--no-validate", action="store_true", help="skip the fontTools reload and OpenType Sanitizer check"
    )
    _trace_arguments(p)
    p.set_defaults(handler=_export)

    p = subparsers.add_parser(
        "glyphs",
        help="batch glyph export: PNG rasters, SVG outlines or one TTF",
        description="Export glyphs as PNG rasters, SVG traced outlines (viewBox = the em frame) or one TTF, "
        "either generated by a model (CHECKPOINT --source …) or taken from a font (--font …).",
    )
    p.add_argument(
        "checkpoint", metavar="CHECKPOINT", nargs="?", help="a .pt file or a run folder (omit with --font)"
    )
    _checkpoint_inputs(p)
    p.add_argument("--font", metavar="FONT", help="export this font's own glyphs instead of generating")
    p.add_argument("--font-face", type=int, default=0, metavar="N")
    p.add_argument("--size", type=int, default=128, help="raster size with --font (default 128)")
    p.add_argument("--margin", type=float, default=0.0, help="em-frame margin with --font (default 0)")
    p.add_argument(
        "--format", choices=("png", "svg", "ttf"), default="png", help="what to write (default png)"
    )
    p.add_argument("--family", default="fontassist glyphs", help="family name for --format ttf")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    _trace_arguments(p)
    p.set_defaults(handler=_glyphs)
