"""End-to-end export timing: generate → trace → merge → validate, with the demo model.

    python benchmarks/export.py [--checkpoint resources/models/demo.pt] [--fonts ../shared/fonts] [--threads N]

Case 1: the 647 tw-edu-4808 characters Zen Maru Gothic lacks (goal: under 20 s).
Case 2: the Big5 characters Zen Maru Gothic lacks (7,528 by our cp950 count; goal: under 3 minutes).
Both merge into the full Zen Maru Gothic Regular from ../shared/fonts (the bundled subsets cover only
tw-edu-4808). Each phase is timed separately; the render cache is cold for the first run.
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
    from fontassist import resources

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", default=str(resources.DEMO_MODEL))
    parser.add_argument("--fonts", default=str(ROOT.parent / "shared" / "fonts"))
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--cases", default="tw-edu-4808,big5")
    args = parser.parse_args(argv)
    os.environ.setdefault("FONTASSIST_CACHE_DIR", tempfile.mkdtemp(prefix="fontassist-bench-"))

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    from fontassist.export import merge_into_font
    from fontassist.fonts import missing_from_target, named_charset, open_font
    from fontassist.generate import Generator
    from fontassist.pipeline import trace_glyphs

    source = open_font(Path(args.fonts) / "NotoSansTC-Regular.ttf")
    target = open_font(Path(args.fonts) / "ZenMaruGothic-Regular.ttf")
    print(f"checkpoint {args.checkpoint}; torch threads {torch.get_num_threads()}")
    for case in args.cases.split(","):
        chars = missing_from_target(source, target, named_charset(case))
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            generator = Generator.from_checkpoint(args.checkpoint, device="cpu")
            t1 = time.perf_counter()
            glyphs = generator.run(source, chars, target_font=target, batch_size=64)
            t2 = time.perf_counter()
            new = trace_glyphs(glyphs.images, glyphs.chars, glyphs.frame)
            t3 = time.perf_counter()
            report = merge_into_font(
                target.path, new, Path(tmp) / "out.ttf", family="Zen Maru Gothic TC", validate=True
            )
            t4 = time.perf_counter()
        total = t4 - t0
        print(
            f"{case}: {len(chars):,} characters, {generator.size} px → {report.total_glyphs:,} glyphs, "
            f"{report.file_size / 1e6:.1f} MB, OTS {'passed' if report.validation.ok else 'FAILED'}"
        )
        print(
            f"  load {t1 - t0:5.2f} s | generate {t2 - t1:6.2f} s | trace {t3 - t2:6.2f} s "
            f"({len(chars) / (t3 - t2):,.0f} glyphs/s) | merge + validate {t4 - t3:5.2f} s | total {total:6.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
