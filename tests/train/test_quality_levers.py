"""The trainer's quality levers: the weight average (EMA), best.pt, soft-clDice and the paired upscaler."""

import numpy as np
import torch

from fontassist import resources
from fontassist.fonts import open_font
from fontassist.generate import Generator
from fontassist.model.upscaler import GlyphUpscaler, UpscalerConfig
from fontassist.train import Trainer, list_checkpoints, load_checkpoint
from fontassist.train import upscale as upscale_module
from fontassist.train.checkpoint import pack_for_inference
from fontassist.train.events import PreparingEvent, StepEvent
from fontassist.train.runfolder import read_history
from fontassist.train.upscale import Upscaler

from .tiny import tiny_config


def test_the_run_keeps_a_weight_average_and_its_best_checkpoint(tiny_run):
    checkpoint = load_checkpoint(tiny_run / "last.pt")
    assert checkpoint.has_average
    average = checkpoint.build_generator(average=True).state_dict()
    raw = checkpoint.build_generator(average=False).state_dict()
    assert any(not torch.equal(average[k], raw[k]) for k in raw if raw[k].is_floating_point())

    history = read_history(tiny_run)
    evals = [r for r in history if "eval" in r]
    assert all("eval_raw" in r for r in evals)  # the raw weights are scored too, for comparison
    best = load_checkpoint(tiny_run / "best.pt")
    top = max(evals, key=lambda r: r["eval"]["iou"])
    assert best.best == {"step": top["step"], "iou": top["eval"]["iou"]} and best.step == top["step"]
    assert checkpoint.best == best.best
    assert "best.pt" not in [p.name for p in list_checkpoints(tiny_run)]  # never taken as the newest


def test_the_checkpoint_records_its_training_characters(tiny_run):
    checkpoint = load_checkpoint(tiny_run)
    train, val = set(checkpoint.data["train_chars"]), set(checkpoint.validation_chars)
    assert len(train) == 40 and len(val) == 8 and not train & val


def test_packed_model_draws_with_the_average(tiny_run, tmp_path):
    checkpoint = load_checkpoint(tiny_run)
    packed = pack_for_inference(checkpoint, half=False)
    for name, value in checkpoint.generator_ema_state.items():
        assert torch.equal(packed["generator"][name], value)


def test_no_average_when_the_decay_is_zero_and_cldice_is_a_loss(tmp_path):
    events = list(Trainer(tiny_config(steps=3, ema_decay=0.0, cldice_weight=5.0), tmp_path / "run"))
    assert events[-1].reason == "completed", events[-1].message
    assert "cldice" in events[0].losses
    checkpoint = load_checkpoint(tmp_path / "run")
    assert not checkpoint.has_average and (tmp_path / "run" / "best.pt").is_file()


def test_an_upscaler_is_paired_with_the_run_and_used_for_tracing(tmp_path, monkeypatch):
    asked = {}

    def quick_upscaler_steps(font, size, margin=0.0, *, exclude=(), cancel=None, **kwargs):
        """The trainer's upscaler, untrained (its training is tested in test_upscale.py): three steps."""
        asked.update(size=size, exclude=set(exclude))
        for step in range(1, 4):
            yield step, 3
        return Upscaler(
            GlyphUpscaler(UpscalerConfig(channels=4, blocks=0)).eval(), size, margin, font.content_hash
        )

    monkeypatch.setattr(upscale_module, "upscaler_steps", quick_upscaler_steps)
    events = list(Trainer(tiny_config(steps=2, upscale=True), tmp_path / "run"))
    # Its training is reported before the first step (a CPU user would otherwise wait in silence).
    preparing = [e for e in events if isinstance(e, PreparingEvent)]
    assert [(e.done, e.total) for e in preparing] == [(1, 3), (3, 3)]
    assert events.index(preparing[-1]) < min(i for i, e in enumerate(events) if isinstance(e, StepEvent))
    assert events[-1].reason == "completed", events[-1].message
    checkpoint = load_checkpoint(tmp_path / "run")
    assert asked == {"size": 32, "exclude": set(checkpoint.validation_chars)}
    assert checkpoint.upscaler is not None

    source = open_font(resources.DEMO_SOURCE)
    glyphs = Generator(checkpoint, "cpu").run(source, list("永東"))
    images, frame = glyphs.for_tracing()
    assert images.shape == (2, 128, 128) and frame.size == 128 and glyphs.images.shape == (2, 32, 32)
    plain = Generator(checkpoint, "cpu", upscale=False).run(source, list("永東"))
    assert plain.for_tracing()[0].shape == (2, 32, 32)
    assert np.array_equal(plain.images, glyphs.images)
