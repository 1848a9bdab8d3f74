"""End-to-end export timing: generate → upscale → trace → merge → validate, with the demo model.

    python benchmarks/export.py [--checkpoint resources/models/demo.pt] [--fonts ../shared/fonts]
                                [--cases tw-edu-4808,big5] [--threads 1] [--limit N] [--out DIR]
                                [--workers N] [--profile FILE]

Case tw-edu-4808: the 647 characters of Taiwan's common set Zen Maru Gothic lacks (goal: under 20 s).
Case big5: the 7,528 Big5 characters it lacks (goal: under 3 minutes). Both merge into the full Zen
Maru Gothic Regular and draw from the full Noto Sans TC in ``--fonts`` (the bundled Noto Sans TC is a
subset that covers only tw-edu-4808). The steps are the ``fontassist export`` command's: the model's
glyphs enlarged by its paired upscaler, traced with the tidy stage fitted to the target.

Each phase prints CPU seconds (user + system of this process, all its threads, and of the tracing
processes) and wall seconds: on a shared machine the CPU seconds are the honest figure, and with
``--workers 1`` (tracing in this process, as on one core) they are what one core would take. ``--limit N`` takes N characters
spread evenly over a case (a sample to profile); ``--profile FILE`` writes a cProfile of the
upscale, trace and merge phases; ``--out DIR`` keeps the fonts (``CASE.ttf``) to compare outlines.
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


class Clock:
    """CPU seconds (user and system, every thread of this process and of the tracing processes it
    waited for) and wall seconds, per phase."""

    def __init__(self):
        self.phases: list[tuple[str, float, float, float]] = []
        self._last = self._now()

    @staticmethod
    def _now() -> tuple[float, float, float]:
        times = os.times()
        return times.user + times.children_user, times.system + times.children_system, time.perf_counter()

    def lap(self, name: str) -> None:
        now = self._now()
        self.phases.append((name, *(b - a for a, b in zip(self._last, now, strict=True))))
        self._last = now

    def total(self) -> tuple[float, float, float]:
        return tuple(sum(p[i] for p in self.phases) for i in (1, 2, 3))

    def lines(self) -> list[str]:
        rows = [*self.phases, ("total", *self.total())]
        return [
            f"  {name:<16} {user + system:7.1f} CPU s ({user:6.1f} user + {system:5.1f} system) {wall:7.1f} s wall"
            for name, user, system, wall in rows
        ]


def sample(chars: list[str], limit: int | None) -> list[str]:
    """``limit`` characters spread evenly over ``chars`` (all of them without a limit)."""
    if not limit or limit >= len(chars):
        return chars
    return [chars[i * len(chars) // limit] for i in range(limit)]


def main(argv=None) -> int:
    from fontassist import resources

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", default=str(resources.DEMO_MODEL))
    parser.add_argument("--fonts", default=str(ROOT.parent / "shared" / "fonts"))
    parser.add_argument("--source-file", default="NotoSansTC-Regular.ttf")
    parser.add_argument("--target-file", default="ZenMaruGothic-Regular.ttf")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1, as in the README)")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="tracing processes (default 1; `fontassist export`: one per core)",
    )
    parser.add_argument("--cases", default="tw-edu-4808,big5")
    parser.add_argument("--limit", type=int, help="a sample of this many characters per case")
    parser.add_argument("--out", help="keep the written fonts here (CASE.ttf)")
    parser.add_argument("--profile", help="write a cProfile of upscale + trace + merge to this file")
    parser.add_argument("--no-upscale", action="store_true", help="trace the model's glyphs as drawn")
    args = parser.parse_args(argv)
    os.environ.setdefault("FONTASSIST_CACHE_DIR", tempfile.mkdtemp(prefix="fontassist-bench-"))

    import torch

    torch.set_num_threads(args.threads)
    from fontassist.export import merge_into_font
    from fontassist.fonts import missing_from_target, named_charset, open_font
    from fontassist.generate import Generator
    from fontassist.pipeline import trace_glyphs

    source = open_font(Path(args.fonts) / args.source_file)
    target = open_font(Path(args.fonts) / args.target_file)
    print(
        f"checkpoint {args.checkpoint}; torch threads {torch.get_num_threads()}; tracing processes {args.workers}"
    )
    profile = None
    if args.profile:
        import cProfile

        profile = cProfile.Profile()
    for case in args.cases.split(","):
        chars = sample(missing_from_target(source, target, named_charset(case)), args.limit)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(args.out or tmp) / f"{case}.ttf"
            out.parent.mkdir(parents=True, exist_ok=True)
            clock = Clock()
            generator = Generator.from_checkpoint(args.checkpoint, device="cpu", upscale=not args.no_upscale)
            clock.lap("load")
            glyphs = generator.run(source, chars, target_font=target, batch_size=64)
            clock.lap("generate")
            if profile is not None:
                profile.enable()
            images, frame = glyphs.for_tracing()
            clock.lap("upscale")
            new = trace_glyphs(images, glyphs.chars, frame, target=target, workers=args.workers)
            clock.lap("trace")
            report = merge_into_font(target.path, new, out, family="Zen Maru Gothic TC", validate=True)
            clock.lap("merge + validate")
            if profile is not None:
                profile.disable()
        print(
            f"{case}: {len(chars):,} characters drawn at {generator.size} px, traced at {frame.size} px "
            f"→ {report.total_glyphs:,} glyphs, {report.file_size / 1e6:.1f} MB, "
            f"OTS {'passed' if report.validation.ok else 'FAILED'}"
        )
        print("\n".join(clock.lines()))
    if profile is not None:
        profile.dump_stats(args.profile)
        print(f"profile: {args.profile} (python -m pstats {args.profile})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
