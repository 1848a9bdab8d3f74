"""Ablation of the outline cleaning steps on the demo model's glyphs.

The bundled demo model draws (1) the 647 tw-edu-4808 characters Zen Maru
Gothic lacks (the demo) and (2) its 500 validation characters, which Zen Maru
Gothic has but the model never trained on (held out). Both are traced with
every cleaning step on, all off (the tracer before the tidy stage), and each
step off in turn (the rasters the export traces: enlarged by the model's upscaler when
it has one); each variant is written as a font (merge mode for the demo,
``--mode new`` for the held-out set) and measured with
``benchmarks/outline_quality.py`` over both sets together, plus the held-out
glyphs' IoU against the target's own at 128 px (em square, binarised) and the
demo's trace+write CPU time (traced in one process; the machine may be shared).

    python benchmarks/outline_ablation.py --out /tmp/ablation [--json ablation.json] [--readme README.md]

``--readme`` writes the table into the README between its two outline-ablation markers, so the
README's table is always one this benchmark printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import outline_quality as quality  # noqa: E402

from fontassist import resources  # noqa: E402
from fontassist.fonts import missing_from_target, named_charset, open_font  # noqa: E402
from fontassist.pipeline import write_font  # noqa: E402
from fontassist.vector import TraceSettings  # noqa: E402

README_START = (
    "<!-- outline-ablation table: python benchmarks/outline_ablation.py --out DIR --readme README.md -->"
)
README_END = "<!-- end of outline-ablation table -->"

STEPS = [f.name for f in TraceSettings.tunable() if f.default is None or isinstance(f.default, bool)]


def variants() -> dict[str, dict]:
    """Defaults; every step off; each default-on step off; each default-off step on; a step the
    target decides (default None, e.g. even_width for a near-monoline target) both off and on."""
    out = {"defaults": {}, "no step (before)": {name: False for name in STEPS}}
    for f in TraceSettings.tunable():
        if f.name in STEPS:
            for on in (True, False) if f.default is None else (not f.default,):
                out[f"{'with' if on else 'without'} {f.name}"] = {f.name: on}
    return out


def generated(out: Path):
    """(demo chars, demo rasters, held-out chars, held-out rasters, frame), cached in ``out``."""
    cache = out / "rasters.npz"
    if cache.is_file():
        data = np.load(cache, allow_pickle=False)
        # The frame the export traces: the model's, enlarged by its upscaler's factor (so the
        # tracer keeps its lengths in drawn pixels, as it does on a fresh run).
        model_size, size = int(data["model_size"]), int(data["size"])
        frame = open_font(resources.DEMO_TARGET).frame(model_size)
        if size != model_size:
            frame = frame.upscaled(size // model_size)
        return list(str(data["demo_chars"])), data["demo"], list(str(data["held_chars"])), data["held"], frame
    import torch

    from fontassist.generate import Generator

    generator = Generator.from_checkpoint(resources.DEMO_MODEL, device="cpu")
    source, target = open_font(resources.DEMO_SOURCE), open_font(resources.DEMO_TARGET)
    checkpoint = torch.load(resources.DEMO_MODEL, map_location="cpu", weights_only=False)
    held_chars = [c for c in checkpoint["data"]["val_chars"] if source.has(c)]
    demo_chars = missing_from_target(source, target, named_charset("tw-edu-4808"))
    demo = generator.run(source, demo_chars, target_font=target)
    held = generator.run(source, held_chars, target_font=target)
    # What the export traces: enlarged by the model's upscaler when it has one.
    (demo_images, frame), (held_images, _) = demo.for_tracing(), held.for_tracing()
    np.savez(
        cache,
        demo=demo_images,
        demo_chars="".join(demo.chars),
        held=held_images,
        held_chars="".join(held.chars),
        size=frame.size,
        model_size=demo.frame.size,
    )
    return list(demo.chars), demo_images, list(held.chars), held_images, frame


def put_table(text: str, table: str) -> str:
    """``text`` with whatever lies between the README markers replaced by ``table``."""
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise SystemExit(
            f"the README has no outline-ablation markers: put {README_START!r} and {README_END!r} in it"
        )
    start += len(README_START)
    return f"{text[:start]}\n{table}\n{text[end:]}"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True, help="scratch folder for the fonts written")
    p.add_argument("--target-sample", type=int, default=1000)
    p.add_argument("--only", help="comma-separated variant names to run")
    p.add_argument("--json")
    p.add_argument("--readme", help="write the table into this README between its outline-ablation markers")
    args = p.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    demo_chars, demo, held_chars, held, frame = generated(out)
    target_path = str(Path(resources.DEMO_TARGET))
    full_target = ROOT.parent / "shared" / "fonts" / "ZenMaruGothic-Regular.ttf"
    measure_target = str(full_target) if full_target.is_file() else target_path
    target = quality.FontOutlines(measure_target)
    extremes = quality.target_extremes(target, target.han())
    sample = target.han()[:: max(1, len(target.han()) // args.target_sample)]
    columns = {
        "target": quality.summarise(quality.measure(target, sample, extremes, font_path=measure_target))
    }
    wanted = set(args.only.split(",")) if args.only else None
    for name, switches in variants().items():
        if wanted and name not in wanted:
            continue
        settings = TraceSettings(**switches)
        slug = name.replace(" ", "-").replace("(", "").replace(")", "")
        demo_font, held_font = out / f"demo-{slug}.ttf", out / f"held-{slug}.ttf"
        started = time.process_time()
        write_font(  # in this process (workers=1), so process_time counts all of it
            demo,
            demo_chars,
            frame,
            open_font(target_path),
            demo_font,
            family="Demo",
            trace_settings=settings,
            workers=1,
        )
        seconds = time.process_time() - started
        write_font(
            held,
            held_chars,
            frame,
            open_font(target_path),
            held_font,
            family="Held",
            mode="new",
            trace_settings=settings,
        )
        font = quality.FontOutlines(demo_font)
        chars = [c for c in font.han() if ord(c) not in target.cmap]
        rows = quality.measure(font, chars, extremes, font_path=demo_font)
        held_rows = quality.measure(
            quality.FontOutlines(held_font),
            held_chars,
            extremes,
            font_path=held_font,
            target_path=measure_target,
        )
        summary = quality.summarise(rows + held_rows)
        summary["iou128"] = quality.summarise(held_rows)["iou128"]
        summary["export_s"] = seconds
        columns[name] = summary
        print(f"{name}: {summary}", flush=True)
    print(quality.table(columns))
    print(
        "demo trace+write seconds: "
        + ", ".join(f"{k} {v['export_s']:.1f}" for k, v in columns.items() if "export_s" in v)
    )
    if args.json:
        Path(args.json).write_text(json.dumps(columns, indent=1, default=float))
    if args.readme:
        readme = Path(args.readme)
        readme.write_text(
            put_table(readme.read_text(encoding="utf-8"), quality.table(columns)), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
