"""How good a model gets in a fixed CPU (or GPU) time budget, for each normalization.

Noto Sans TC Regular → Zen Maru Gothic Regular (the full fonts in ../shared/fonts),
500 fixed validation glyphs from the tw-edu-4808 characters both fonts have
(seed 0), training on every other ideograph both fonts have (or, with
``--train-on charset``, on the rest of tw-edu-4808 only, like the demo model). For each norm the script measures the training speed for a few steps,
sizes the run to the budget (so the learning-rate schedule completes), trains
with :class:`fontassist.train.Trainer`, and scores the final model against
the identity baseline (source glyph vs target glyph). It prints one line per
norm and writes a JSON summary and source | generated | target grids.

Reference points on this data (IoU of glyphs binarised at 50 %, from the issue):
baseline 0.573 (64 px) / 0.577 (128 px); Zen Maru Gothic Medium vs Regular
0.739 / 0.736; the same Zen glyph shifted by one pixel 0.753 / 0.867.

    python benchmarks/quality.py --budget-min 30 --norms instance,batch,none
    python benchmarks/quality.py --budget-min 5 --norms instance --size 64 --threads 2
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fontassist.data import split_indices  # noqa: E402
from fontassist.fonts import is_han, named_charset, open_font  # noqa: E402
from fontassist.generate import is_flagged, quality_flags  # noqa: E402
from fontassist.jobs import JobCancelled  # noqa: E402
from fontassist.model import ModelConfig  # noqa: E402
from fontassist.train import CancelToken, EvalEvent, FinishedEvent, StepEvent, TrainConfig, Trainer, evaluate  # noqa: E402
from fontassist.train.grids import save_picture  # noqa: E402
from fontassist.train.similarity import format_metrics  # noqa: E402

SHARED = ROOT.parent / "shared" / "fonts"
CALIBRATION_STEPS = 30
OVERHEAD = 0.92  # share of the budget left for steps after evaluations, previews and checkpoints


def data_chars(args) -> dict:
    """The fixed 500 validation characters (from the charset's shared ones) and what to train on."""
    source, target = open_font(args.source), open_font(args.target)
    shared = [c for c in named_charset(args.charset) if source.has(c) and target.has(c)]
    _, val = split_indices(shared, 500, 0)
    held_out = "".join(shared[i] for i in val)
    if args.train_on == "charset":
        return {"charset": args.charset, "chars": None, "validation_chars": held_out}
    overlap = sorted(c for c in target.chars if is_han(c) and source.has(c))
    return {"charset": None, "chars": "".join(overlap), "validation_chars": held_out}


def make_config(args, norm: str, steps: int) -> TrainConfig:
    model = ModelConfig(
        image_size=args.size,
        base_channels=args.base_channels,
        max_channels=args.max_channels,
        norm=norm,
        attention=tuple(args.attention),
        dropout=args.dropout,
        disc_channels=args.disc_channels,
    )
    return TrainConfig(
        source=args.source,
        target=args.target,
        **args.data,
        seed=0,
        model=model,
        lr=args.lr,
        warmup_steps=min(100, steps // 10),
        l1_weight=100.0,
        adv_loss=args.adv_loss,
        adv_weight=args.adv_weight,
        adv_start=int(steps * args.adv_start),
        const_weight=args.const_weight,
        iou_weight=args.iou_weight,
        augment_shift=args.augment_shift,
        augment_scale=args.augment_scale,
        batch_size=args.batch,
        steps=steps,
        eval_every=max(1, steps // 4),
        preview_every=max(1, steps // 4),
        checkpoint_every=steps,
        keep_checkpoints=1,
        device=args.device,
    )


def measure_speed(args, norm: str, out: Path) -> float:
    """Seconds per step, from a short throwaway run (the first steps warm up and are not counted).

    The budget cancel in ``run_norm`` catches a machine that turns out slower than measured.
    """
    run = out / f"calibrate-{norm}"
    import shutil

    shutil.rmtree(run, ignore_errors=True)
    times = []
    for event in Trainer(
        make_config(args, norm, CALIBRATION_STEPS + 5).replace(
            eval_every=10**6, preview_every=10**6, checkpoint_every=10**6
        ),
        run,
    ):
        if isinstance(event, StepEvent):
            times.append(time.perf_counter())
    shutil.rmtree(run, ignore_errors=True)
    # A low quantile, not the mean: on a shared machine other jobs only ever slow a step down.
    return float(np.quantile(np.diff(times[5:]), 0.25))


def run_norm(args, norm: str, out: Path) -> dict:
    per_step = measure_speed(args, norm, out)
    steps = max(20, int(args.budget_min * 60 * OVERHEAD / per_step))
    if args.adv_loss != "none" and args.adv_start > 0:
        # Steps before adv_start skip the discriminator; the calibration ran with it from step 0.
        steps = int(steps * 1.1)
    config = make_config(args, norm, steps)
    run = out / f"run-{norm}"
    import shutil

    shutil.rmtree(run, ignore_errors=True)
    print(
        f"[{norm}] {per_step * 1000:.0f} ms/step measured -> {steps} steps of batch {args.batch} "
        f"for {args.budget_min:g} min",
        flush=True,
    )
    cancel = CancelToken()
    started = time.perf_counter()
    history = []
    finished = None
    try:
        for event in Trainer(config, run, cancel=cancel):
            if isinstance(event, EvalEvent):
                history.append(
                    {
                        "step": event.step,
                        "minutes": round((time.perf_counter() - started) / 60, 2),
                        **event.metrics,
                    }
                )
                print(
                    f"[{norm}] step {event.step}: {format_metrics(event.metrics, event.baseline)}", flush=True
                )
            elif isinstance(event, FinishedEvent):
                finished = event
            if time.perf_counter() - started > args.budget_min * 60 * 1.2:
                cancel.cancel()  # a slower machine than measured must not blow the budget
    except JobCancelled as stopped:
        print(f"[{norm}] {stopped}", flush=True)
    minutes = (time.perf_counter() - started) / 60
    result = evaluate(run, device=args.device)
    save_picture(result.grid(24), out / f"grid-{norm}.png")
    flags = quality_flags(result.generated, result.source)
    flagged = np.array([is_flagged(f) for f in flags])
    real_flags = np.array([is_flagged(f) for f in quality_flags(result.target, result.source)])
    iou = result.per_glyph["iou"]
    summary = {
        "norm": norm,
        "steps": finished.step if finished else None,
        "finish": finished.reason if finished else None,
        "minutes": round(minutes, 2),
        "images_per_s": round(finished.step * args.batch / (minutes * 60), 1),
        "metrics": result.metrics,
        "baseline": result.baseline,
        "history": history,
        "flagged_generated": float(flagged.mean()),
        "flagged_real_target": float(real_flags.mean()),
        "iou_flagged": float(iou[flagged].mean()) if flagged.any() else None,
        "iou_unflagged": float(iou[~flagged].mean()) if (~flagged).any() else None,
    }
    print(
        f"[{norm}] {summary['steps']} steps in {minutes:.1f} min ({summary['images_per_s']} img/s): "
        f"{format_metrics(result.metrics, result.baseline)}",
        flush=True,
    )
    return summary


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--budget-min", type=float, default=30.0, help="training minutes per norm (default 30)")
    p.add_argument("--norms", default="instance,batch,none")
    p.add_argument("--source", default=str(SHARED / "NotoSansTC-Regular.ttf"))
    p.add_argument("--target", default=str(SHARED / "ZenMaruGothic-Regular.ttf"))
    p.add_argument("--charset", default="tw-edu-4808", help="the 500 validation glyphs come from this set")
    p.add_argument(
        "--train-on",
        choices=("charset", "overlap"),
        default="overlap",
        help="train on the rest of the charset, or on every ideograph both fonts have (default)",
    )
    p.add_argument("--size", type=int, default=64)
    p.add_argument("--base-channels", type=int, default=32)
    p.add_argument("--max-channels", type=int, default=128)
    p.add_argument("--disc-channels", type=int, default=32)
    p.add_argument("--attention", type=lambda s: [int(x) for x in s.split(",") if x], default=[16])
    p.add_argument("--dropout", type=float, default=0.0)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--adv-loss", default="lsgan", choices=("lsgan", "hinge", "vanilla", "none"))
    p.add_argument("--adv-weight", type=float, default=1.0)
    p.add_argument(
        "--adv-start", type=float, default=0.5, help="fraction of the run before the adversarial loss starts"
    )
    p.add_argument("--const-weight", type=float, default=0.0)
    p.add_argument("--iou-weight", type=float, default=0.0, help="soft-IoU loss weight")
    p.add_argument("--augment-shift", type=float, default=0.03)
    p.add_argument("--augment-scale", type=float, default=0.0)
    p.add_argument("--device", default="auto")
    p.add_argument("--threads", type=int, default=1, help="torch CPU threads (default 1)")
    p.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "quality"))
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    settings = {k: v for k, v in vars(args).items() if k not in ("out",)}
    args.data = data_chars(args)
    print(
        f"{len(args.data['validation_chars'])} validation glyphs; training on "
        f"{'the rest of ' + args.charset if args.data['charset'] else str(len(args.data['chars'])) + ' shared ideographs minus those'}",
        flush=True,
    )
    print(f"quality benchmark: {json.dumps(settings)}", flush=True)
    results = [run_norm(args, norm.strip(), out) for norm in args.norms.split(",") if norm.strip()]
    print(
        "\nnorm       steps  min   img/s   L1      SSIM    IoU     (baseline L1 / SSIM / IoU)  flagged gen/real"
    )
    for r in results:
        m, b = r["metrics"], r["baseline"]
        print(
            f"{r['norm']:<9} {r['steps']:>6} {r['minutes']:>5.1f} {r['images_per_s']:>6.1f}  {m['l1']:.4f}  "
            f"{m['ssim']:.4f}  {m['iou']:.4f}  ({b['l1']:.4f} / {b['ssim']:.4f} / {b['iou']:.4f})   "
            f"{r['flagged_generated']:.2f}/{r['flagged_real_target']:.2f}"
        )
    (out / "summary.json").write_text(json.dumps({"settings": settings, "results": results}, indent=2) + "\n")
    print(f"\nsummary: {out / 'summary.json'}; grids: {out}/grid-*.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
