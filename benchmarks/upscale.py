"""The target-trained upscaler against bicubic interpolation, on held-out target glyphs.

The upscaler for Zen Maru Gothic Regular at 64 px is trained on its own glyphs without the 500
held-out characters of ``validation-500.txt`` (or read from the cache, keyed by the font's content
hash and the settings). Those 500 glyphs are rendered at 64 px and at 256 px; the 64 px renders are
enlarged 4x by the upscaler and by bicubic interpolation and compared with the true 256 px renders:
IoU of the 50 %-binarised rasters and mean absolute difference. A pass with the real glyphs drawn by a
model is in ``levers.py`` (the written font's held-out IoU with and without the upscaler).

    python benchmarks/upscale.py [--size 64] [--threads 1]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from heldout import TARGET, validation_chars  # noqa: E402

from fontassist.fonts import open_font, render  # noqa: E402
from fontassist.train.similarity import iou, l1  # noqa: E402
from fontassist.train.upscale import bicubic, upscaler_for  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--size", type=int, default=64, help="working size the upscaler enlarges (default 64)")
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    font, chars = open_font(TARGET), validation_chars()
    started = time.perf_counter()
    upscaler = upscaler_for(font, args.size, exclude=chars)
    ready = time.perf_counter() - started
    big = args.size * upscaler.factor
    low = render(font, chars, args.size, cache=False).images
    high = render(font, chars, big, cache=False).images
    started = time.perf_counter()
    learned = upscaler.upscale(low)
    per_glyph_ms = (time.perf_counter() - started) / len(chars) * 1000
    smooth = bicubic(low, upscaler.factor)
    result = {
        "glyphs": len(chars),
        "size": args.size,
        "upscaled_size": big,
        "trained_chars": upscaler.trained_chars,
        "upscaler_ready_s": round(ready, 1),
        "upscale_ms_per_glyph": round(per_glyph_ms, 1),
        "iou_upscaler": float(iou(learned, high).mean()),
        "iou_bicubic": float(iou(smooth, high).mean()),
        "l1_upscaler": float(l1(learned, high).mean()),
        "l1_bicubic": float(l1(smooth, high).mean()),
        "upscaler_wins_iou": float(np.mean(iou(learned, high) > iou(smooth, high))),
    }
    print(json.dumps(result, indent=1))
    print(
        f"\n{len(chars)} held-out Zen Maru Gothic glyphs, {args.size} px -> {big} px: IoU upscaler "
        f"{result['iou_upscaler']:.4f} vs bicubic {result['iou_bicubic']:.4f} (better on "
        f"{result['upscaler_wins_iou']:.0%} of glyphs); L1 {result['l1_upscaler']:.4f} vs {result['l1_bicubic']:.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
