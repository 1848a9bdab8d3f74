"""What each quality lever is worth at equal training cost: upscaler, soft-clDice, EMA, best checkpoint.

Noto Sans TC Regular → Zen Maru Gothic Regular (the full fonts in ../shared/fonts), the demo
recipe (64 px, base width 32, cap 128, InstanceNorm, attention at 16 px, L1 then L1 + LSGAN from
half-way, shifts of ±5 %, Adam 5e-4), trained on the rest of tw-edu-4808 and validated on the
fixed 500 characters of ``validation-500.txt`` (see ``heldout.py``).

Two training runs cover all four levers, because three of them cost (almost) nothing per step:
- ``plain``: L1 + adversarial; the run keeps the weight average (EMA) and ``best.pt`` anyway, and
  they do not touch its raw weights, so its raw ``last.pt`` weights are "all levers off";
- ``cldice``: the same plus soft-clDice (``--cldice-weight``).
Equal cost: ``plain`` trains ``--steps``; ``cldice`` trains ``--steps`` times the ratio of the two
recipes' per-step cost, measured here by timing steps of both interleaved (so machine load slows
both alike); ``--equal-steps`` turns the conversion off. The upscaler is trained once on Zen Maru
Gothic's own glyphs without the 500 (cached per font) and applied at generation time.

Each variant's 500 glyphs are generated, traced, written into a font, and that font rendered at
128 px and scored against Zen Maru Gothic's real glyphs (``heldout.Scorer``).

    python benchmarks/levers.py train plain --steps 1500 --out /tmp/model-levers &
    python benchmarks/levers.py train cldice --steps 1500 --out /tmp/model-levers &
    python benchmarks/levers.py score --out /tmp/model-levers

Measured on the shared 2-core machine (load 9-16 from seven other engineers), --steps 600, one
thread: plain ran 600 steps in about 48 minutes of wall clock (about 2.5 minutes of one idle
thread at the 64 img/s measured alone); clDice cost 7.8 s vs 6.0 s per interleaved step (+31 %),
so it got 459 steps. Written font, 500 held-out glyphs, 128 px:

| configuration | steps | IoU | vs source | counters != target | != source | flagged |
|---|---|---|---|---|---|---|
| copy the source | | 0.592 | | 21.2 % | 0 % | 14.2 % |
| copy the target (its real glyphs) | | 1.000 | | 0 % | 21.2 % | 32.6 % |
| all levers off (L1+adv, raw, last.pt) | 600 | 0.639 | +0.047 | 30.0 % | 25.2 % | 34.8 % |
| + EMA | 600 | 0.638 | +0.046 | 30.6 % | 25.2 % | 37.4 % |
| + upscaler | 600 | 0.642 | +0.050 | 27.6 % | 21.2 % | 31.8 % |
| + clDice (equal cost) | 459 | 0.632 | +0.040 | 30.6 % | 26.0 % | 36.2 % |
| + EMA + best.pt | 600 | 0.638 | +0.046 | 30.6 % | 25.2 % | 37.4 % |
| all on | 459 | 0.634 | +0.042 | 28.0 % | 22.0 % | 32.6 % |
| all on but the upscaler | 459 | 0.631 | +0.039 | 32.4 % | 27.2 % | 36.2 % |
| all on but clDice | 600 | 0.640 | +0.049 | 27.6 % | 21.0 % | 32.6 % |
| all on but best.pt | 459 | 0.634 | +0.042 | 28.0 % | 22.0 % | 32.6 % |

best.pt was last.pt in both runs (validation IoU still rising at the end), so that lever is a
no-op at this budget; EMA is neutral in a run this short (the cosine schedule already ends at
5 % of the learning rate).

At 30 minutes the levers rank otherwise. Those two runs were trained with the CLI's preset (the
same recipe, eval every 1,000 steps) and linked into one OUT folder for ``score``; one thread each:

    fontassist train --source NotoSansTC-Regular.ttf --target ZenMaruGothic-Regular.ttf \
        --preset balanced --steps 15000 --cldice-weight 0 \
        --validation-chars benchmarks/validation-500.txt --threads 1 --out runs/balanced
    fontassist train ... --preset balanced --cldice-weight 10 --steps 12032 ... --out runs/balanced-cldice
    mkdir OUT && ln -s $PWD/runs/balanced OUT/plain && ln -s $PWD/runs/balanced-cldice OUT/cldice
    python benchmarks/levers.py score --out OUT

(12,032 = 15,000 x 0.80 ms/1.01 ms, the interleaved per-step cost of the two recipes here; the
``plain`` run was made before the preset took clDice on, so its command then was
``--preset balanced`` alone.)

| configuration | steps | IoU | vs source | counters != target | != source | flagged |
|---|---|---|---|---|---|---|
| all levers off (L1+adv, raw, last.pt) | 15000 | 0.694 | +0.103 | 27.0 % | 22.8 % | 32.6 % |
| + EMA | 15000 | 0.694 | +0.103 | 26.2 % | 22.6 % | 32.2 % |
| + upscaler | 15000 | 0.701 | +0.110 | 26.2 % | 19.4 % | 29.2 % |
| + clDice (equal cost) | 12032 | 0.700 | +0.109 | 25.8 % | 23.2 % | 32.0 % |
| + EMA + best.pt | 7000 | 0.698 | +0.107 | 27.4 % | 21.4 % | 32.2 % |
| all on | 8000 | 0.709 | +0.118 | 24.6 % | 19.4 % | 25.6 % |
| all on but the upscaler | 8000 | 0.702 | +0.110 | 24.8 % | 21.0 % | 30.6 % |
| all on but clDice | 7000 | 0.705 | +0.114 | 25.0 % | 19.0 % | 24.8 % |
| all on but best.pt | 12032 | 0.707 | +0.116 | 23.8 % | 19.4 % | 27.2 % |

best.pt is where validation IoU peaked: at the end of the L1-only phase (7,000) or just after the
adversarial loss began (8,000); the adversarial phase sharpens the glyphs (fewer grey blobs in
dense characters, see a contact sheet) at a small cost in IoU. The Quick preset's own length
(2,500 steps, ``--preset quick``): all off 0.681, + EMA 0.682, + upscaler 0.686, all on but clDice
0.687 (+0.095 over the source).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from heldout import SOURCE, TARGET, Scorer, validation_chars  # noqa: E402

from fontassist.data.dataset import to_model_range  # noqa: E402
from fontassist.fonts import open_font, render  # noqa: E402
from fontassist.generate.inference import Generator  # noqa: E402
from fontassist.model import ModelConfig, build_discriminator, build_generator  # noqa: E402
from fontassist.model.losses import adversarial_loss, cldice_loss, l1_loss  # noqa: E402
from fontassist.train import TrainConfig, Trainer  # noqa: E402
from fontassist.train.checkpoint import load_checkpoint  # noqa: E402
from fontassist.train.events import EvalEvent, FinishedEvent  # noqa: E402
from fontassist.train.similarity import format_metrics, glyph_metrics, mean_metrics  # noqa: E402
from fontassist.train.upscale import upscaler_for  # noqa: E402

RUNS = ("plain", "cldice")


def model_config() -> ModelConfig:
    return ModelConfig(image_size=64, base_channels=32, max_channels=128, disc_channels=32, attention=(16,))


def train_config(run: str, steps: int, cldice_weight: float) -> TrainConfig:
    return TrainConfig(
        source=str(SOURCE),
        target=str(TARGET),
        charset="tw-edu-4808",
        validation_chars=validation_chars(),
        model=model_config(),
        lr=5e-4,
        warmup_steps=100,
        adv_start=steps // 2,
        augment_shift=0.05,
        cldice_weight=cldice_weight if run == "cldice" else 0.0,
        ema_decay=0.999,
        batch_size=16,
        steps=steps,
        eval_every=max(1, steps // 4),
        preview_every=steps,
        checkpoint_every=steps,
        keep_checkpoints=0,
        device="cpu",
    )


def step_cost_ratio(cldice_weight: float, rounds: int = 12) -> tuple[float, float]:
    """Seconds per step of the plain and the clDice recipe (after the adversarial start), timed interleaved."""
    torch.manual_seed(0)
    config = model_config()
    g, d = build_generator(config), build_discriminator(config)
    opt_g, opt_d = torch.optim.Adam(g.parameters(), 5e-4), torch.optim.Adam(d.parameters(), 5e-4)
    glyphs = render(open_font(SOURCE), validation_chars()[:32], 64).images
    src, tgt = to_model_range(glyphs[:16]), to_model_range(glyphs[16:32])

    def step(weight: float) -> float:
        started = time.perf_counter()
        fake = g(src)
        loss_d = 0.5 * (
            adversarial_loss("lsgan", d(src, tgt), True, True)
            + adversarial_loss("lsgan", d(src, fake.detach()), False, True)
        )
        opt_d.zero_grad()
        loss_d.backward()
        opt_d.step()
        loss_g = 100 * l1_loss(fake, tgt) + adversarial_loss("lsgan", d(src, fake), True, False)
        if weight:
            loss_g = loss_g + weight * cldice_loss(fake, tgt)
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
        return time.perf_counter() - started

    step(0), step(cldice_weight)  # warm up
    plain, with_cldice = [], []
    for _ in range(rounds):
        plain.append(step(0))
        with_cldice.append(step(cldice_weight))
    return statistics.median(plain), statistics.median(with_cldice)


def train(args) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    steps = args.steps
    if args.run == "cldice" and not args.equal_steps:
        plain, with_cldice = step_cost_ratio(args.cldice_weight)
        steps = int(round(args.steps * plain / with_cldice))
        (out / "step-cost.json").write_text(
            json.dumps({"plain_s": plain, "cldice_s": with_cldice, "cldice_steps": steps}) + "\n"
        )
        print(
            f"[cldice] per-step cost {plain * 1000:.0f} ms plain vs {with_cldice * 1000:.0f} ms with clDice "
            f"(interleaved) -> {steps} steps for the cost of {args.steps}",
            flush=True,
        )
    config = train_config(args.run, steps, args.cldice_weight)
    started = time.perf_counter()
    for event in Trainer(config, out / args.run):
        if isinstance(event, EvalEvent):
            print(
                f"[{args.run}] step {event.step} ({(time.perf_counter() - started) / 60:.1f} min): "
                f"{format_metrics(event.metrics, event.baseline)}",
                flush=True,
            )
        elif isinstance(event, FinishedEvent):
            print(f"[{args.run}] {event.reason}: {event.message}", flush=True)
            if event.reason != "completed":
                return 1
    return 0


def upscale_glyphs(args) -> int:
    started = time.perf_counter()
    upscaler = upscaler_for(open_font(TARGET), 64, exclude=validation_chars())
    print(f"upscaler ready in {time.perf_counter() - started:.0f} s: {upscaler.metrics}", flush=True)
    return 0


# (row label, run, weights, checkpoint, upscale)
VARIANTS = (
    ("all levers off (L1+adv, raw weights, last.pt)", "plain", "raw", "last", False),
    ("+ EMA", "plain", "ema", "last", False),
    ("+ upscaler", "plain", "raw", "last", True),
    ("+ clDice", "cldice", "raw", "last", False),
    ("+ EMA + best.pt", "plain", "ema", "best", False),
    ("all on (clDice, EMA, best.pt, upscaler)", "cldice", "ema", "best", True),
    ("all on but the upscaler", "cldice", "ema", "best", False),
    ("all on but clDice", "plain", "ema", "best", True),
    ("all on but best.pt", "cldice", "ema", "last", True),
)


def finished(run: Path) -> bool:
    """Whether the run in ``run`` trained all its steps (last.pt is saved at every checkpoint too)."""
    if not (run / "last.pt").is_file():
        return False
    last = load_checkpoint(run / "last.pt")
    return last.step >= last.config.total_steps(last.data.get("train_glyphs", 0))


def score(args) -> int:
    out = Path(args.out)
    chars = validation_chars()
    scorer = Scorer(chars)
    upscaler = upscaler_for(scorer.target_font, 64, exclude=chars)
    rows = [{"label": name, **values} for name, values in scorer.baselines().items()]
    truth64 = render(scorer.target_font, scorer.chars, 64).images
    for label, run, weights, which, upscale in VARIANTS:
        path = out / run / f"{which}.pt"
        if not path.is_file() or not finished(out / run):
            print(f"skipping {label}: {run} has not finished", flush=True)
            continue
        saved = out / "rows" / f"{run}-{weights}-{which}-{'up' if upscale else 'plain'}.json"
        if saved.is_file():  # scored by an earlier call, while the other run was still training
            rows.append(json.loads(saved.read_text()))
            continue
        started = time.perf_counter()
        checkpoint = load_checkpoint(path)
        generator = Generator(checkpoint, "cpu", upscale=False, average=weights == "ema")
        glyphs = generator.run(scorer.source_font, scorer.chars, target_font=scorer.target_font, flags=False)
        images, frame = glyphs.images, glyphs.frame
        if upscale:
            images, frame = upscaler.upscale(images), upscaler.frame(frame)
        row = {
            "label": label,
            "run": run,
            "step": checkpoint.step,
            "weights": weights,
            "checkpoint": which,
            "upscale": upscale,
            "raster_iou_64": mean_metrics(glyph_metrics(glyphs.images, truth64))["iou"],
            **scorer.score_glyphs(images, frame),
        }
        rows.append(row)
        saved.parent.mkdir(exist_ok=True)
        saved.write_text(json.dumps(row) + "\n")
        print(json.dumps(row), f"({time.perf_counter() - started:.0f} s)", flush=True)
    cost = out / "step-cost.json"
    summary = {
        "rows": rows,
        "upscaler": upscaler.metrics,
        "step_cost": json.loads(cost.read_text()) if cost.is_file() else None,
    }
    (out / "levers.json").write_text(json.dumps(summary, indent=1) + "\n")
    print(
        "\n| configuration | step | IoU @128 | vs source | counters ≠ target | counters ≠ source | flagged |"
    )
    print("|---|---|---|---|---|---|---|")
    source_iou = rows[0]["iou"]
    for r in rows:
        print(
            f"| {r['label']} | {r.get('step', '')} | {r['iou']:.3f} | {r['iou'] - source_iou:+.3f} | "
            f"{r['counter_mismatch_target']:.1%} | {r['counter_mismatch_source']:.1%} | {r['flagged']:.1%} |"
        )
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("phase", choices=("train", "upscaler", "score"))
    p.add_argument("run", nargs="?", choices=RUNS)
    p.add_argument("--steps", type=int, default=1500, help="steps of the plain run (default 1500)")
    p.add_argument(
        "--equal-steps", action="store_true", help="train clDice for as many steps, not equal cost"
    )
    p.add_argument("--cldice-weight", type=float, default=10.0)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--out", default="/tmp/model-levers")
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    if args.phase == "train":
        if args.run is None:
            p.error("train needs a run: plain or cldice")
        return train(args)
    return upscale_glyphs(args) if args.phase == "upscaler" else score(args)


if __name__ == "__main__":
    sys.exit(main())
