"""Export subcommands: ``export`` (generate → trace → TTF) and ``glyphs`` (batch PNG / SVG / TTF).

torch is imported only when a checkpoint is used.
"""

from __future__ import annotations

import time
from pathlib import Path

from ..errors import FontAssistError
from ..fonts import DEFAULT_CHARSET
from .common import (
    add_runtime,
    declare_outputs,
    generation_chars,
    image_size,
    margin,
    non_negative_float,
    non_negative_int,
    positive_float,
    progress_printer,
    set_threads,
    warn,
)
from .fonts_commands import add_charset_arguments, chars_from_args


def _trace_arguments(p) -> None:
    """One option per tunable :class:`TraceSettings` field, its default and help read from there."""
    from ..vector import TraceSettings

    g = p.add_argument_group("tracing (outlines are cleaned by default; each step can be switched off)")
    for f in TraceSettings.tunable():
        flag = "--" + f.name.replace("_", "-")
        if f.default is None:  # on, off, or decided from the target
            g.add_argument(flag, dest=f.name, action="store_true", default=None, help=f.metadata["help"])
            g.add_argument(
                "--no-" + f.name.replace("_", "-"),
                dest=f.name,
                action="store_false",
                default=None,
                help=f"do not {f.metadata['help'].split(';')[0]}",
            )
        elif isinstance(f.default, bool):
            g.add_argument(
                "--no-" + f.name.replace("_", "-"),
                dest=f.name,
                action="store_false",
                default=f.default,
                help=f"do not {f.metadata['help']}",
            )
        else:
            g.add_argument(
                flag,
                type=positive_float if f.metadata.get("positive") else non_negative_float,
                default=f.default,
                metavar=f.metadata.get("metavar"),
                help=f"{f.metadata['help']} (default {f.default:g})",
            )


def trace_settings_from(args):
    """The :class:`TraceSettings` the tracing options of ``args`` ask for."""
    from ..vector import TraceSettings

    return TraceSettings(**{f.name: getattr(args, f.name) for f in TraceSettings.tunable()})


def _generate_for_export(args, need_target: bool, traced: bool = True):
    """Load the checkpoint and fonts, pick the characters, run the model; returns (glyphs, source, target).

    ``traced``: the glyphs will be traced (else written as PNGs), for the line that says at what size."""
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
    generator = Generator.from_checkpoint(args.checkpoint, device=args.device, upscale=not args.no_upscale)
    if generator.upscaler is not None:
        doing = "Tracing" if traced else "Writing PNGs"
        print(
            f"{doing} at {generator.size * generator.upscaler.factor} px: the model's {generator.size} px glyphs "
            "enlarged by the upscaler trained on the target's own glyphs (--no-upscale to "
            f"{'trace' if traced else 'write'} them as drawn)."
        )
    line, report = progress_printer()
    try:
        glyphs = generator.run(
            source,
            chars,
            target_font=target,
            batch_size=args.batch,
            progress=report,
        )
        glyphs.for_tracing(progress=report)  # enlarged by the paired upscaler, if any, once
    finally:
        line.close()
    if glyphs.skipped:
        print(f"The source lacks {len(glyphs.skipped):,} of them: {''.join(glyphs.skipped[:40])}")
    return glyphs, source, target


def _export_format(args) -> str:
    if args.format:
        return args.format
    return "ufo" if str(args.out).rstrip("/\\").lower().endswith(".ufo") else "ttf"


def _export(args) -> int:
    from ..fonts.ufo import is_ufo_path

    fmt = _export_format(args)
    if is_ufo_path(args.checkpoint):
        return _compile_ufo(args, fmt)
    if args.target is None:
        raise FontAssistError("export needs the target font.", hint="Give --target FONT.")
    if fmt == "ttf" and not args.family:
        raise FontAssistError(
            "export needs the new font's family name.",
            hint='Give --family, e.g. --family "Zen Maru Gothic TC".',
        )
    if fmt == "ufo":
        return _export_ufo(args)
    return _export_ttf(args)


def _project_review(args) -> dict:
    """The review dict of --project (decisions and hand edits), or an empty one."""
    if not args.project:
        return {}
    from ..app.common.project import Project  # plain data, no Qt

    return Project.load(args.project).review


def _leave_out_edited(glyphs, review: dict):
    """Hand-edited characters are exported as drawn: the model's drawing of them is dropped."""
    from ..export.handedits import edited_glyphs

    drawn = edited_glyphs(review)
    hand = {g.char for g in drawn}
    keep = [i for i, c in enumerate(glyphs.chars) if c not in hand]
    return drawn, keep


def _for_tracing(glyphs, keep: list[int]):
    """The kept glyphs as the tracer takes them: rasters, characters, em frame."""
    images, frame = glyphs.for_tracing()
    return images[keep], [glyphs.chars[i] for i in keep], frame


def _export_ttf(args) -> int:
    from ..export import naming_warnings
    from ..export.writing import check_output_path
    from ..pipeline import trace_workers, write_font

    started = time.perf_counter()
    # Refuse a bad output before minutes of generating, not after.
    check_output_path(args.out, [args.target, args.source])
    review = _project_review(args)
    warned = set()
    if not is_ufo_target(args.target):
        warned = warn(naming_warnings(args.target, args.family, args.target_face))
    if args.source:
        from ..export.naming import source_naming_warnings

        warned |= warn(source_naming_warnings(args.source, args.family, args.source_face))
    glyphs, source, target = _generate_for_export(args, need_target=True)
    drawn, keep = _leave_out_edited(glyphs, review)
    rejected = set(review.get("rejected", "")) if review else set()
    keep = [i for i in keep if glyphs.chars[i] not in rejected]
    if drawn:
        print(f"Taking {len(drawn):,} glyphs drawn by hand as drawn (no tracing).")
    line, report = progress_printer()
    try:
        result = write_font(
            *_for_tracing(glyphs, keep),
            target,
            args.out,
            family=args.family,
            style=args.style,
            mode=args.mode,
            trace_settings=trace_settings_from(args),
            validate=not args.no_validate,
            drawn=drawn,
            source=source,
            workers=trace_workers(args.threads),
            progress=report,
        )
    finally:
        line.close()
    warn([w for w in result.warnings if w not in warned])
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


def is_ufo_target(path) -> bool:
    from ..fonts.ufo import is_ufo_path

    return is_ufo_path(path)


def _export_ufo(args) -> int:
    from pathlib import Path

    from ..export.ufo import check_ufo_output
    from ..pipeline import trace_workers, write_ufo_export

    started = time.perf_counter()
    check_ufo_output(args.out, [args.target, args.source])
    review = _project_review(args)
    glyphs, source, target = _generate_for_export(args, need_target=True)
    drawn, keep = _leave_out_edited(glyphs, review)
    statuses = {c: "accepted" for c in review.get("accepted", "")}
    statuses.update({c: "rejected" for c in review.get("rejected", "")})
    checkpoint = str(Path(args.checkpoint).absolute())
    line, report = progress_printer()
    try:
        result = write_ufo_export(
            *_for_tracing(glyphs, keep),
            target,
            args.out,
            source=source,
            statuses=statuses,
            flags=[glyphs.flags[i] for i in keep],
            checkpoints=checkpoint,
            drawn=drawn,
            mode=args.mode,
            family=args.family,
            style=args.style if args.family else None,
            include_rejected=args.include_rejected,
            workers=trace_workers(args.threads),
            trace_settings=trace_settings_from(args),
            provenance={
                "source": source.path.absolute(),
                "target": target.path.absolute(),
                "checkpoint": checkpoint,
            },
            progress=report,
        )
    finally:
        line.close()
    warn(result.warnings)
    what = f"merged into a copy of {target.full_name}" if args.mode == "merge" else "alone"
    print(
        f"Wrote {result.out_path}: {result.glyphs_added:,} new glyphs {what}, {result.total_glyphs:,} glyphs in all, "
        f"in {time.perf_counter() - started:.1f} s (read back with validation: passed)."
    )
    print(
        "  marks: accepted green, undecided blue, flagged orange, rejected red, edited by hand purple; "
        "the source glyph is in the public.background layer."
    )
    return 0


def _compile_ufo(args, fmt: str) -> int:
    from ..export.ufo import compile_ufo

    if fmt != "ttf":
        raise FontAssistError(
            f"{args.checkpoint} is already a UFO.",
            hint="Give --format ttf (or an --out ending in .ttf) to compile it.",
        )
    started = time.perf_counter()
    line, report = progress_printer()
    try:
        result = compile_ufo(
            args.checkpoint,
            args.out,
            family=args.family,
            style=args.style if args.family else None,
            validate=not args.no_validate,
            progress=report,
        )
    finally:
        line.close()
    print(
        f"Wrote {result.out_path} from {args.checkpoint} (ufo2ft): {result.total_glyphs:,} glyphs, "
        f"{result.file_size / 1e6:.2f} MB, in {time.perf_counter() - started:.1f} s."
    )
    if result.validation is not None:
        print(
            f"  validation (fontTools reload + OpenType Sanitizer): {'passed' if result.validation.ok else 'FAILED'}"
        )
    return 0


def _glyphs(args) -> int:
    from ..pipeline import trace_workers, write_glyph_files

    started = time.perf_counter()
    if (args.checkpoint is None) == (args.font is None):
        raise FontAssistError(
            "Give either a CHECKPOINT (with --source) to generate glyphs, or --font to export a font's own glyphs."
        )
    if args.format == "ttf":  # the one derived file name: refuse it now if it is an input
        from ..pipeline import glyph_font_name
        from ..safeio import check_not_input

        check_not_input(Path(args.out) / glyph_font_name(args.family))
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
        glyphs, source, target = _generate_for_export(
            args, need_target=args.format == "ttf", traced=args.format != "png"
        )
        (images, frame), chars, metrics_font = glyphs.for_tracing(), glyphs.chars, target
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
            trace_settings=trace_settings_from(args),
            workers=trace_workers(args.threads),
            progress=report,
        )
    finally:
        line.close()
    seconds = time.perf_counter() - started
    if args.format == "ttf":
        print(f"Wrote {written[0]} with {len(chars):,} glyphs in {seconds:.1f} s.")
    else:
        print(
            f"Wrote {len(written):,} {args.format.upper()} files into {Path(args.out)}/ in {seconds:.1f} s."
        )
    return 0


def _checkpoint_inputs(p) -> None:

    p.add_argument("--source", metavar="FONT", help="the font that has the characters")
    p.add_argument("--source-face", type=non_negative_int, default=0, metavar="N")
    p.add_argument("--target", metavar="FONT", help="the font whose style the model learned")
    p.add_argument("--target-face", type=non_negative_int, default=0, metavar="N")
    p.add_argument(
        "--missing",
        action="store_true",
        help=f"the characters of the set (default {DEFAULT_CHARSET}) the target lacks",
    )
    add_charset_arguments(p, default=None)
    add_runtime(p, upscale=True)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export",
        help="generate characters with a model, trace them and write a TrueType font or a UFO",
        description="Generate characters with a trained model, trace them into TrueType outlines and "
        "write a font (TTF) or a UFO for your editor: merged into a copy of the target (default) or as a "
        "new font. Given a UFO instead of a checkpoint, compile that UFO into a TTF with ufo2ft.",
    )
    p.add_argument(
        "checkpoint",
        metavar="CHECKPOINT",
        help="a .pt file or a run folder; or a .ufo to compile into a TTF",
    )
    _checkpoint_inputs(p)
    p.add_argument(
        "--out",
        required=True,
        metavar="NEW.ttf",
        help="the font (.ttf) or UFO (.ufo) to write (never one of the inputs)",
    )
    p.add_argument(
        "--format",
        choices=("ttf", "ufo"),
        help="what to write (default: from --out's suffix, else ttf). A UFO marks each glyph with its "
        "review state (public.markColor: accepted green, undecided blue, flagged orange, rejected red, "
        "edited purple) and holds the source glyph in its public.background layer",
    )
    p.add_argument(
        "--family",
        help='family name of the new font, e.g. "Zen Maru Gothic TC" (needed for a TTF; a UFO keeps the '
        "target's unless given)",
    )
    p.add_argument("--style", default="Regular", help="style name (default Regular)")
    p.add_argument(
        "--project",
        metavar="P.fontassist.json",
        help="take review decisions and glyphs drawn by hand (see import-edits) from this project: "
        "rejected glyphs are left out, hand-drawn ones are written as drawn",
    )
    p.add_argument(
        "--include-rejected", action="store_true", help="with --format ufo: write rejected glyphs too"
    )
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
    declare_outputs(p, out="any")
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
    p.add_argument("--font-face", type=non_negative_int, default=0, metavar="N")
    p.add_argument("--size", type=image_size, default=128, help="raster size with --font (default 128)")
    p.add_argument("--margin", type=margin, default=0.0, help="em-frame margin with --font (default 0)")
    p.add_argument(
        "--format", choices=("png", "svg", "ttf"), default="png", help="what to write (default png)"
    )
    p.add_argument("--family", default="fontassist glyphs", help="family name for --format ttf")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    _trace_arguments(p)
    declare_outputs(p, out="folder")
    p.set_defaults(handler=_glyphs)
