import json
import math

import numpy as np
import pytest
import torch

from fontassist.errors import FontAssistError
from fontassist.jobs import CancelToken, JobCancelled
from fontassist.train import (
    CheckpointEvent,
    EvalEvent,
    PreviewEvent,
    StepEvent,
    Trainer,
    load_checkpoint,
)
from fontassist.train import trainer as trainer_module
from fontassist.train.runfolder import read_history

from .tiny import tiny_config, tiny_model


def test_events_files_and_history(tiny_run):
    names = sorted(p.name for p in tiny_run.iterdir())
    assert {"config.json", "history.jsonl", "last.pt", "previews"} <= set(names)
    # checkpoint_every=2 over 6 steps, keep 2: step 4 and 6 remain.
    assert [n for n in names if n.startswith("step-")] == ["step-000004.pt", "step-000006.pt"]
    assert sorted(p.name for p in (tiny_run / "previews").iterdir()) == ["step-000003.png", "step-000006.png"]
    config = json.loads((tiny_run / "config.json").read_text())
    assert config["source"].startswith("/") and config["source_hash"] and config["model"]["image_size"] == 32
    history = read_history(tiny_run)
    assert [r["step"] for r in history if "eval" in r] == [3, 6]
    assert all(set(r["eval"]) == {"l1", "ssim", "iou"} for r in history if "eval" in r)
    checkpoint = load_checkpoint(tiny_run)
    assert checkpoint.step == 6 and checkpoint.training
    assert len(checkpoint.validation_chars) == 8
    assert set(checkpoint.rng) >= {"torch", "numpy", "python", "stream"}


def test_event_sequence(tmp_path):
    events = list(
        Trainer(tiny_config(steps=4, eval_every=2, preview_every=4, checkpoint_every=4), tmp_path / "run")
    )
    kinds = [type(e).__name__ for e in events]
    assert kinds == [
        "StepEvent",
        "StepEvent",
        "EvalEvent",
        "StepEvent",
        "StepEvent",
        "EvalEvent",
        "PreviewEvent",
        "CheckpointEvent",
        "FinishedEvent",
    ]
    steps = [e for e in events if isinstance(e, StepEvent)]
    assert [e.step for e in steps] == [1, 2, 3, 4] and all(e.total_steps == 4 for e in steps)
    assert set(steps[0].losses) == {"d", "l1", "g_adv", "g"} and all(
        math.isfinite(v) for v in steps[0].losses.values()
    )
    assert steps[-1].eta_s == 0 and steps[0].images_per_s > 0
    evaluation = next(e for e in events if isinstance(e, EvalEvent))
    assert set(evaluation.metrics) == set(evaluation.baseline) == {"l1", "ssim", "iou"}
    preview = next(e for e in events if isinstance(e, PreviewEvent))
    assert isinstance(preview.grid, np.ndarray) and preview.grid.dtype == np.uint8
    assert preview.grid.shape[0] == 3 * 32 + 4 * 2 and len(preview.chars) == 8
    assert events[-1].reason == "completed" and events[-1].checkpoint == tmp_path / "run" / "last.pt"


def _state(path):
    checkpoint = load_checkpoint(path)
    return (
        checkpoint.generator_state,
        checkpoint.discriminator_state,
        checkpoint.optimizer_g,
        checkpoint.optimizer_d,
    )


def _assert_same(a, b, where="state"):
    """Nested dicts/lists of tensors and numbers are equal, element by element (names the first difference)."""
    if isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), where
        for key in a:
            _assert_same(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, list | tuple):
        assert isinstance(b, list | tuple) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _assert_same(x, y, f"{where}[{i}]")
    elif isinstance(a, torch.Tensor):
        assert isinstance(b, torch.Tensor) and torch.equal(a, b), where
    else:
        assert a == b, where


def test_resume_matches_an_uninterrupted_run(tmp_path):
    # Batch norm (running statistics), dropout and augmentation exercise every saved random state.
    config = tiny_config(
        model=tiny_model(norm="batch", dropout=0.5),
        augment_shift=0.06,
        augment_scale=0.05,
        steps=6,
        checkpoint_every=100,
        eval_every=2,
        preview_every=100,
    )
    list(Trainer(config, tmp_path / "whole"))

    cancel = CancelToken()
    with pytest.raises(JobCancelled, match="stopped at step 3"):
        for event in Trainer(config, tmp_path / "split", cancel=cancel):
            if isinstance(event, StepEvent) and event.step == 3:
                cancel.cancel()
    assert load_checkpoint(tmp_path / "split").step == 3
    resumed = list(Trainer.resume_from(tmp_path / "split"))
    assert resumed[-1].reason == "completed" and resumed[0].step == 4

    whole, split = _state(tmp_path / "whole"), _state(tmp_path / "split")
    assert whole[2] is not None and whole[2]["state"]  # the optimisers' moments are saved, so compared too
    _assert_same(whole, split)
    assert [r["step"] for r in read_history(tmp_path / "split") if "eval" in r] == [2, 4, 6]


def test_cancel_stops_within_one_step(tmp_path):
    cancel = CancelToken()
    events = []
    with pytest.raises(JobCancelled) as stopped:
        for event in Trainer(tiny_config(steps=50), tmp_path / "run", cancel=cancel):
            events.append(event)
            if isinstance(event, StepEvent):
                cancel.cancel()
    assert [type(e) for e in events] == [StepEvent, CheckpointEvent]
    assert "stopped at step 1" in str(stopped.value) and str(stopped.value.checkpoint) in str(stopped.value)
    assert load_checkpoint(stopped.value.checkpoint).step == 1


def test_cancel_before_the_first_step_saves_nothing(tmp_path):
    cancel = CancelToken()
    cancel.cancel()
    events = []
    with pytest.raises(JobCancelled) as stopped:
        events.extend(Trainer(tiny_config(), tmp_path / "run", cancel=cancel))
    assert events == [] and stopped.value.checkpoint is None
    assert not (tmp_path / "run" / "last.pt").exists()


def test_nan_stops_and_keeps_the_last_good_checkpoint(tmp_path, monkeypatch):
    calls = {"n": 0}
    real_l1 = trainer_module.l1_loss

    def l1_then_nan(fake, real):
        calls["n"] += 1
        loss = real_l1(fake, real)
        return loss * float("nan") if calls["n"] >= 4 else loss

    monkeypatch.setattr(trainer_module, "l1_loss", l1_then_nan)
    events = list(Trainer(tiny_config(steps=10, checkpoint_every=2), tmp_path / "run"))
    finished = events[-1]
    assert finished.reason == "nan" and "NaN" in finished.message and finished.step == 3
    assert finished.checkpoint == tmp_path / "run" / "last.pt"
    kept = load_checkpoint(finished.checkpoint)
    assert kept.step == 2 and all(torch.isfinite(v).all() for v in kept.generator_state.values())


def test_huge_learning_rate_diverges_cleanly(tmp_path):
    events = list(
        Trainer(tiny_config(lr=1e30, steps=20, adv_loss="none", checkpoint_every=100), tmp_path / "run")
    )
    assert events[-1].reason == "nan" and events[-1].checkpoint is None
    assert "No checkpoint" in events[-1].message


def test_out_of_memory_names_batch_and_size(tmp_path, monkeypatch):
    def no_memory(self, index):
        raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    monkeypatch.setattr(Trainer, "_train_step", no_memory)
    finished = list(Trainer(tiny_config(batch_size=4), tmp_path / "run"))[-1]
    assert finished.reason == "oom"
    assert "batch size 4" in finished.message and "32 px" in finished.message

    def no_memory_to_start(self):
        raise RuntimeError("MPS backend out of memory")

    monkeypatch.setattr(Trainer, "_prepare", no_memory_to_start)
    events = list(Trainer(tiny_config(batch_size=4), tmp_path / "other"))
    assert [e.reason for e in events] == ["oom"]


def test_existing_run_needs_resume(tiny_run):
    with pytest.raises(FontAssistError, match="already holds a training run"):
        Trainer(tiny_config(), tiny_run)


def test_resume_refuses_other_settings(tiny_run):
    with pytest.raises(FontAssistError, match=r"other settings \(model.image_size\)"):
        Trainer(tiny_config(model=tiny_model(image_size=64)), tiny_run, resume=True)
    with pytest.raises(FontAssistError, match="cannot change lr"):
        Trainer.resume_from(tiny_run, lr=1.0)


def test_resume_of_a_finished_run_says_so(tiny_run):
    events = list(Trainer.resume_from(tiny_run))
    assert len(events) == 1 and events[0].reason == "completed" and "already at step 6" in events[0].message


def test_resume_from_a_corrupted_checkpoint_is_a_clear_error(tmp_path):
    run = tmp_path / "run"
    list(Trainer(tiny_config(steps=2, checkpoint_every=2), run))
    (run / "last.pt").write_bytes((run / "last.pt").read_bytes()[:1000])
    with pytest.raises(FontAssistError, match="damaged or truncated"):
        Trainer.resume_from(run)


def test_changed_font_warns_on_resume(tmp_path):
    source = tmp_path / "source.ttf"
    from fontassist import resources

    source.write_bytes(resources.DEMO_SOURCE.read_bytes())
    run = tmp_path / "run"
    cancel = CancelToken()
    with pytest.raises(JobCancelled):
        for event in Trainer(tiny_config(source=source, steps=4), run, cancel=cancel):
            if isinstance(event, StepEvent):
                cancel.cancel()
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    font["head"].fontRevision += 1
    font.save(source)
    trainer = Trainer.resume_from(run)
    events = list(trainer)
    assert events[-1].reason == "completed"
    assert any("has changed" in w for w in trainer.warnings)


def test_epochs_set_the_run_length(tmp_path):
    trainer = Trainer(
        tiny_config(steps=None, epochs=1.0, batch_size=8, eval_every=100, preview_every=100), tmp_path / "r"
    )
    events = list(trainer)
    # 48 pairs, 8 held out: 40 training glyphs, 5 batches of 8.
    assert trainer.total_steps == 5 and events[-1].step == 5


def test_l1_only_training_has_no_discriminator(tmp_path):
    events = list(
        Trainer(tiny_config(adv_loss="none", steps=2, const_weight=1.0, iou_weight=1.0), tmp_path / "r")
    )
    step = next(e for e in events if isinstance(e, StepEvent))
    assert set(step.losses) == {"l1", "iou", "const", "g"} and 0 < step.losses["iou"] < 1
    assert load_checkpoint(tmp_path / "r").discriminator_state is None


def test_fixed_validation_characters(tmp_path):
    from fontassist.train.trainer import build_pairs

    from .tiny import tiny_chars

    held_out = tiny_chars()[:5] + "龘"  # the last one the target lacks
    pairs = build_pairs(tiny_config(validation_chars=held_out))
    assert pairs.val_chars == list(tiny_chars()[:5])
    assert len(pairs.train_chars) == 43 and not set(pairs.train_chars) & set(held_out)
    with pytest.raises(FontAssistError, match="fixed validation characters"):
        build_pairs(tiny_config(validation_chars="龘"))


def test_soft_iou_loss_matches_the_metric_on_crisp_glyphs():
    from fontassist.train.trainer import soft_iou_loss

    a = -torch.ones(1, 1, 8, 8)
    b = a.clone()
    a[..., 0:4, 0:4] = 1
    b[..., 2:6, 0:4] = 1
    assert float(soft_iou_loss(a, b)) == pytest.approx(1 - 8 / 24)
    assert float(soft_iou_loss(a, a)) == pytest.approx(0)
