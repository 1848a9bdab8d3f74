"""Render the 13,060 Big5 characters from Noto Sans TC and Zen Maru Gothic: cold, from disk cache, from memory.

    python benchmarks/render.py [--fonts ../shared/fonts] [--size 128]

Goal (issue 2): under 10 s in total cold on a 2-core machine; a repeated request well under 1 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fonts", default=str(ROOT.parent / "shared" / "fonts"))
    parser.add_argument("--size", type=int, default=128)
    args = parser.parse_args(argv)
    os.environ["FONTASSIST_CACHE_DIR"] = tempfile.mkdtemp(prefix="fontassist-bench-")

    from fontassist.fonts import named_charset, open_font, render
    from fontassist.fonts.render import CACHE

    chars = named_charset("big5")
    fonts = [Path(args.fonts) / "NotoSansTC-Regular.ttf", Path(args.fonts) / "ZenMaruGothic-Regular.ttf"]
    t0 = time.perf_counter()
    opened = [open_font(p) for p in fonts]
    t_open = time.perf_counter() - t0
    rows = []
    for label, setup in (
        ("cold (render + write cache)", None),
        ("repeat, from disk cache", CACHE.clear_memory),
        ("repeat, from memory", None),
    ):
        if setup:
            setup()
        t0 = time.perf_counter()
        counts = [len(render(font, chars, args.size).chars) for font in opened]
        rows.append((label, time.perf_counter() - t0, counts))
    print(f"Big5 ({len(chars):,} characters) at {args.size} px; open both fonts: {t_open:.2f} s")
    for label, seconds, counts in rows:
        print(f"  {label:<30} {seconds:6.2f} s   glyphs: {' + '.join(f'{c:,}' for c in counts)}")
    t0 = time.perf_counter()
    n = sum(len(render(font, chars, args.size, cache=False).chars) for font in opened)
    seconds = time.perf_counter() - t0
    print(f"  {'uncached render only':<30} {seconds:6.2f} s   {n / seconds:,.0f} glyphs/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
