"""The demo's round trip: TTF target → UFO (ufoLib2, through pens) → TTF (ufo2ft), checked by OTS.

Prints the time of each step and how many of the original glyphs changed outline or advance
(both should be 0). Usage: ``python benchmarks/ufo_roundtrip.py [FONT] [--out FOLDER]``
(default: the bundled demo target, Zen Maru Gothic).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont

from fontassist import resources
from fontassist.export.ufo import compile_ufo, save_ufo_atomically, target_as_ufo
from fontassist.fonts import open_font


def drawing(glyph_set, name):
    pen = DecomposingRecordingPen(glyph_set)
    glyph_set[name].draw(pen)
    return pen.value


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("font", nargs="?", default=str(resources.DEMO_TARGET))
    parser.add_argument("--out", help="folder for the UFO and the TTF (default: a temporary one)")
    args = parser.parse_args(argv)
    folder = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="ufo-roundtrip-"))
    target = open_font(args.font)
    started = time.perf_counter()
    ufo = target_as_ufo(target)
    converted = time.perf_counter()
    ufo_path = folder / "roundtrip.ufo"
    save_ufo_atomically(ufo, ufo_path)
    saved = time.perf_counter()
    report = compile_ufo(ufo_path, folder / "roundtrip.ttf")
    compiled = time.perf_counter()
    original, rebuilt = TTFont(args.font), TTFont(report.out_path)
    a, b = original.getGlyphSet(), rebuilt.getGlyphSet()
    names = original.getGlyphOrder()
    outline_changed = sum(1 for n in names if n not in b or drawing(a, n) != drawing(b, n))
    advance_changed = sum(1 for n in names if rebuilt["hmtx"][n][0] != original["hmtx"][n][0])
    cmap_same = original.getBestCmap() == rebuilt.getBestCmap()
    print(f"{target.full_name}: {len(names):,} glyphs")
    print(f"  TTF -> UFO in memory (pens): {converted - started:.1f} s")
    print(f"  UFO written + validated read-back: {saved - converted:.1f} s")
    print(
        f"  UFO -> TTF (ufo2ft) + fontTools/OTS validation: {compiled - saved:.1f} s, OTS ok: {report.validation.ok}"
    )
    print(
        f"  glyphs with a changed outline: {outline_changed}, changed advance: {advance_changed}, cmap same: {cmap_same}"
    )
    return 0 if report.validation.ok and not outline_changed and not advance_changed and cmap_same else 1


if __name__ == "__main__":
    sys.exit(main())
