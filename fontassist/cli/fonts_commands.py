"""Font subcommands: ``coverage``, ``render`` and ``faces`` (no torch needed)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import FontAssistError
from ..fonts import CHARSET_NAMES, DEFAULT_CHARSET, Coverage, list_faces, open_font, render, resolve_chars
from ..glyphimages import contact_sheet, save_glyph_pngs
from ..safeio import save_image
from .common import ProgressLine, bar, chars_text, declare_outputs, image_size, margin, non_negative_int


def add_font_argument(parser: argparse.ArgumentParser, flag: str, help: str, required: bool = True) -> None:
    """A font path option plus its face-index option (``--source`` → ``--source-face``)."""
    parser.add_argument(
        flag, required=required, metavar="FONT", help=f"{help} (.ttf, .otf, .ttc, .woff, .woff2)"
    )
    parser.add_argument(
        f"{flag}-face",
        type=non_negative_int,
        default=0,
        metavar="N",
        help="face index inside a .ttc/.otc collection (default 0)",
    )


def add_charset_arguments(parser: argparse.ArgumentParser, default: str | None = DEFAULT_CHARSET) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--charset",
        choices=CHARSET_NAMES,
        help=f"a named character set (default {default})" if default else "a named character set",
    )
    group.add_argument(
        "--chars",
        type=chars_text,
        metavar="TEXT",
        help="custom characters (whitespace and duplicates are ignored)",
    )
    group.add_argument("--chars-file", metavar="FILE", help="a UTF-8 text file of characters")
    parser.set_defaults(default_charset=default)


def chars_from_args(args) -> tuple[list[str], str]:
    charset = (
        args.charset if (args.charset or args.chars is not None or args.chars_file) else args.default_charset
    )
    chars, description = resolve_chars(charset, args.chars, args.chars_file)
    if not chars:
        raise FontAssistError(
            "The character list is empty.",
            hint="Give some characters with --chars, --chars-file or --charset.",
        )
    return chars, description


def open_font_arg(args, flag: str):
    name = flag.lstrip("-").replace("-", "_")
    return open_font(getattr(args, name), getattr(args, f"{name}_face", 0))


def _coverage(args) -> int:
    source = open_font_arg(args, "--source")
    target = open_font_arg(args, "--target")
    chars, description = chars_from_args(args)
    cov = Coverage.of(source, target, chars)
    if args.json:
        d = cov.to_dict(with_lists=True)
        d.update(charset=description, source=source.full_name, target=target.full_name)
        json.dump(d, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    n = len(chars)
    print(f"Character set: {description} ({n:,} characters)")
    print(f"  source  {source.full_name:<32} has {len(cov.source_has):>6,}")
    print(f"  target  {target.full_name:<32} has {len(cov.target_has):>6,}")
    print(f"  both have (training pool)                 {len(cov.both):>6,}")
    print(f"  target lacks, source has (can generate)   {len(cov.missing):>6,}")
    if cov.unavailable:
        print(f"  neither font has                          {len(cov.unavailable):>6,}")
    if cov.missing:
        preview = "".join(cov.missing[:40])
        print(f"  to generate: {preview}{' …' if len(cov.missing) > 40 else ''}")
    return 0


def _render(args) -> int:
    font = open_font(args.font, args.font_face)
    chars, description = chars_from_args(args)
    line = ProgressLine()

    def report(done, total, message):
        line.update(f"{message.lower():<18} [{bar(done, total)}] {done:,}/{total:,}", force=done == total)

    out = Path(args.out)
    try:
        result = render(font, chars, args.size, args.margin, cache=not args.no_cache, progress=report)
        written = save_glyph_pngs(result.images, result.chars, out, progress=report)
    finally:
        line.close()
    print(
        f"{font.full_name}: rendered {len(result.chars):,} of {len(chars):,} characters ({description}) at {args.size} px into {out}/ ({written} files)"
    )
    if result.missing:
        shown = "".join(result.missing[:40])
        print(f"  the font lacks {len(result.missing):,}: {shown}{' …' if len(result.missing) > 40 else ''}")
    if args.grid:
        save_image(contact_sheet(result.images), args.grid)
        print(f"  contact sheet: {args.grid}")
    return 0


def _cache(args) -> int:
    from ..fonts.render import CACHE, disk_limit_bytes

    folder = CACHE.directory()
    if args.clear:
        files, size = CACHE.clear()
        print(f"Removed {files:,} files ({size / 1e6:.1f} MB) from the render cache {folder}.")
        return 0
    files = CACHE.files()
    size = sum(e.stat().st_size for e in files)
    print(
        f"Render cache {folder}: {len(files):,} files, {size / 1e6:.1f} MB of at most {disk_limit_bytes() / 1e6:.0f} MB "
        "(FONTASSIST_CACHE_MAX_MB); empty it with: fontassist cache --clear"
    )
    return 0


def _faces(args) -> int:
    for i, name in enumerate(list_faces(args.font)):
        print(f"{i}: {name}")
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "coverage", help="how many characters of a set each font has, and what can be generated"
    )
    add_font_argument(p, "--source", "the font that has the characters")
    add_font_argument(p, "--target", "the font whose style is wanted")
    add_charset_arguments(p)
    p.add_argument(
        "--json",
        action="store_true",
        help="print JSON, with the lists of characters to generate (missing) and to train on (shared)",
    )
    p.set_defaults(handler=_coverage)

    p = subparsers.add_parser(
        "render", help="render characters of a font into em-square PNGs named by code point"
    )
    p.add_argument("font", metavar="FONT")
    p.add_argument(
        "--font-face", type=non_negative_int, default=0, metavar="N", help="face index inside a collection"
    )
    add_charset_arguments(p)
    p.add_argument("--size", type=image_size, default=128, help="image size in pixels (default 128)")
    p.add_argument(
        "--margin", type=margin, default=0.0, help="margin on every side, as a fraction of the em (default 0)"
    )
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the PNGs (U+6C38.png …)")
    p.add_argument("--grid", metavar="PNG", help="also write a contact sheet of all glyphs")
    p.add_argument("--no-cache", action="store_true", help="render afresh instead of using the render cache")
    declare_outputs(p, out="folder", grid="picture")
    p.set_defaults(handler=_render)

    p = subparsers.add_parser(
        "cache", help="where the render cache is and how big; --clear empties it (it refills as needed)"
    )
    p.add_argument("--clear", action="store_true", help="remove every cached rendering")
    p.set_defaults(handler=_cache)

    p = subparsers.add_parser("faces", help="list the faces of a font file (collections have several)")
    p.add_argument("font", metavar="FONT")
    p.set_defaults(handler=_faces)
