"""Training throughput of the real trainer on one device: images/s, peak memory, eager vs compile.

Each mode trains a fresh run (``Trainer``, the same code path as ``fontassist train``) on the
bundled demo fonts for ``--warmup`` + ``--steps`` steps and times the last ``--steps``:

- ``fp32``     no autocast (channels_last on CUDA);
- ``amp``      the CUDA default: bf16 autocast where supported (else fp16 + GradScaler), channels_last;
- ``compile``  ``amp`` plus ``torch.compile`` (its compile time shows as the first-steps time).

Under torchrun (``torchrun --nproc-per-node 2 benchmarks/gpu_train.py …``) every process trains
``--batch`` glyphs per step (the global batch grows with the processes) and rank 0 reports.
Results go to ``--json`` (one record per mode); ``--table FILES…`` prints them as one table.

  python benchmarks/gpu_train.py --size 256 --modes fp32,amp,compile --json one.json
  python benchmarks/gpu_train.py --device cpu --size 32 --steps 3 --warmup 1 --modes fp32   # a smoke run
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fontassist import resources
from fontassist.fonts import named_charset, open_font
from fontassist.model import ModelConfig
from fontassist.train import StepEvent, TrainConfig, Trainer
from fontassist.train.distributed import Distributed

MODES = {"fp32": dict(amp=False), "amp": dict(amp=True), "compile": dict(amp=True, compile=True)}


def _chars(count: int) -> str:
    source, target = open_font(resources.DEMO_SOURCE), open_font(resources.DEMO_TARGET)
    return "".join([c for c in named_charset("tw-edu-4808") if source.has(c) and target.has(c)][:count])


def run_mode(mode: str, args, chars: str) -> dict:
    dist = Distributed.from_environment()
    total = args.warmup + args.steps
    config = TrainConfig(
        source=str(resources.DEMO_SOURCE),
        target=str(resources.DEMO_TARGET),
        charset=None,
        chars=chars,
        validation=16,
        model=ModelConfig(image_size=args.size, base_channels=args.base_channels),
        batch_size=args.batch * dist.world_size,
        steps=total,
        eval_every=10**9,
        preview_every=10**9,
        checkpoint_every=10**9,
        device=args.device,
        **MODES[mode],
    )
    with tempfile.TemporaryDirectory(prefix="fontassist-gpu-bench-") as folder:
        trainer = Trainer(config, Path(folder) / "run")
        if trainer.device.type == "cuda":
            torch.cuda.reset_peak_memory_stats(trainer.device)
        times: dict[int, float] = {}
        started = time.perf_counter()
        finished = None
        for event in trainer:
            if isinstance(event, StepEvent):
                if trainer.device.type == "cuda":
                    torch.cuda.synchronize(trainer.device)
                times[event.step] = time.perf_counter()
            elif type(event).__name__ == "FinishedEvent":
                finished = event
        if finished is None or finished.reason != "completed":
            raise SystemExit(f"{mode}: {finished.message if finished else 'no result'}")
        peak = (
            torch.cuda.max_memory_allocated(trainer.device) / 2**30 if trainer.device.type == "cuda" else None
        )
        seconds = times[total] - times[args.warmup]
        return {
            "mode": mode,
            "processes": dist.world_size,
            "device": str(trainer.device),
            "precision": trainer.precision.describe(),
            "size": args.size,
            "global_batch": config.batch_size,
            "images_per_s": round(config.batch_size * args.steps / seconds, 1),
            "step_ms": round(1000 * seconds / args.steps, 1),
            "first_steps_s": round(times[args.warmup] - started, 1),
            "peak_memory_gib": round(peak, 2) if peak is not None else None,
            "is_writer": dist.is_writer,
        }


def print_table(records: list[dict]) -> None:
    if not records:
        print("(no benchmark results)")
        return
    header = (
        "procs",
        "mode",
        "precision",
        "size",
        "batch",
        "images/s",
        "ms/step",
        "first steps s",
        "peak GiB",
    )
    rows = [
        (
            str(r["processes"]),
            r["mode"],
            r["precision"],
            f"{r['size']} px",
            str(r["global_batch"]),
            f"{r['images_per_s']:.1f}",
            f"{r['step_ms']:.1f}",
            f"{r['first_steps_s']:.1f}",
            "-" if r["peak_memory_gib"] is None else f"{r['peak_memory_gib']:.2f}",
        )
        for r in records
    ]
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)] if rows else []
    for line in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--modes", default="fp32,amp,compile", help="comma-separated: fp32, amp, compile")
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--base-channels", type=int, default=32)
    parser.add_argument("--batch", type=int, default=16, help="glyphs per step and process")
    parser.add_argument("--steps", type=int, default=30, help="timed steps")
    parser.add_argument(
        "--warmup", type=int, default=5, help="untimed steps first (compilation, cuDNN tuning)"
    )
    parser.add_argument("--glyphs", type=int, default=400, help="glyph pairs rendered for the run")
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--json", metavar="PATH", help="write the records here (rank 0)")
    parser.add_argument(
        "--table", nargs="+", metavar="JSON", help="only print these result files as one table"
    )
    args = parser.parse_args()
    if args.table:
        records = [
            r for path in args.table if Path(path).is_file() for r in json.loads(Path(path).read_text())
        ]
        print_table(records)
        return 0
    chars = _chars(args.glyphs)
    records = []
    for mode in args.modes.split(","):
        try:
            record = run_mode(mode.strip(), args, chars)
        except Exception as e:  # one failing mode (e.g. compile) leaves the others measured
            print(f"{mode}: failed: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        if record.pop("is_writer"):
            records.append(record)
            print(json.dumps(record), flush=True)
            if args.json:  # after every mode, so that a time limit hit while compiling keeps the others
                Path(args.json).write_text(json.dumps(records, indent=1))
    if records and os.environ.get("RANK", "0") == "0" and not args.json:
        print_table(records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
