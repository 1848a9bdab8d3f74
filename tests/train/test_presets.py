"""Presets, the measured time estimate, and the CLI's held-out options (--validation-chars, evaluate --chars)."""

import json

import pytest

from fontassist.cli import main
from fontassist.errors import FontAssistError
from fontassist.train import load_checkpoint
from fontassist.train.presets import PRESETS, estimate_time, format_duration, with_preset

from .tiny import TINY_MODEL_FLAGS, tiny_chars, tiny_config


def test_presets_build_valid_configs_and_explicit_settings_win(tmp_path):
    from fontassist.model import ModelConfig
    from fontassist.train import TrainConfig

    for name in PRESETS:
        values = with_preset(name, {"lr": 1e-3, "model": {"norm": "batch"}})
        config = TrainConfig(
            source="a.ttf", target="b.ttf", **{**values, "model": ModelConfig(**values["model"])}
        )
        assert config.lr == 1e-3 and config.model.norm == "batch"
    assert with_preset("quick", {})["model"]["image_size"] == 64
    assert with_preset("quality", {})["model"]["image_size"] >= 128
    with pytest.raises(FontAssistError, match="quick, balanced, quality"):
        with_preset("fast", {})


def test_every_preset_sets_every_lever_so_switching_presets_leaves_none_behind():
    """The app overlays a preset on the project's settings: a lever one preset turns on (Balanced's
    clDice) must be turned off by the next (Quick), not inherited."""
    levers = ("cldice_weight", "ema_decay", "upscale")
    for name in PRESETS:
        assert all(lever in with_preset(name, {}) for lever in levers), name
    assert with_preset("balanced", {})["cldice_weight"] > 0  # measured to pay at 30 minutes
    assert with_preset("quick", {})["cldice_weight"] == 0  # and not in 5


def test_estimate_scales_measured_steps_to_the_run():
    config = tiny_config(steps=1000, adv_start=500, eval_every=100)
    estimate = estimate_time(config, steps=2, val_glyphs=8)
    assert estimate.steps == 1000 and estimate.seconds_per_step > 0 and estimate.seconds_per_step_l1 > 0
    expected = 500 * estimate.seconds_per_step + 500 * estimate.seconds_per_step_l1 + estimate.evaluation_s
    assert estimate.total_s == pytest.approx(expected)
    # Measured times are machine noise; only how they add up is checked (no wall-clock comparisons).
    with_upscaler = estimate_time(config.replace(upscale=True), steps=1, val_glyphs=8)
    assert with_upscaler.upscaler_s > 0
    assert with_upscaler.total_s == pytest.approx(
        500 * with_upscaler.seconds_per_step
        + 500 * with_upscaler.seconds_per_step_l1
        + with_upscaler.evaluation_s
        + with_upscaler.upscaler_s
    )
    assert "steps on cpu" in estimate.describe()


def test_format_duration():
    assert (format_duration(42), format_duration(600), format_duration(2 * 3600)) == (
        "42 s",
        "10 min",
        "2.0 h",
    )


def _train(source, target) -> list[str]:
    return ["train", "--source", str(source), "--target", str(target)]


def test_cli_estimate_prints_and_trains_nothing(tmp_path, capsys, demo_source, demo_target):
    out = tmp_path / "run"
    code = main(
        [
            *_train(demo_source, demo_target),
            "--chars",
            tiny_chars(),
            "--preset",
            "quick",
            *TINY_MODEL_FLAGS,
            "--steps",
            "50",
            "--estimate",
            "--device",
            "cpu",
            "--out",
            str(out),
        ]
    )
    assert code == 0 and "Estimated run time: about" in capsys.readouterr().out and not out.exists()


def test_cli_validation_chars_and_evaluate_any_chars(tmp_path, capsys, caplog, demo_source, demo_target):
    chars = tiny_chars()
    held = chars[:6]
    (tmp_path / "held.txt").write_text(held + "\n", encoding="utf-8")
    out = tmp_path / "run"
    code = main(
        [
            *_train(demo_source, demo_target),
            "--chars",
            chars,
            "--validation-chars",
            str(tmp_path / "held.txt"),
            *TINY_MODEL_FLAGS,
            "--steps",
            "2",
            "--batch",
            "4",
            "--device",
            "cpu",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    captured = capsys.readouterr()
    assert (
        "6 held back for validation (the characters given with --validation-chars"
        in captured.out + captured.err
    )
    assert set(load_checkpoint(out).validation_chars) == set(held)

    assert main(["evaluate", str(out), "--chars", chars[4:10], "--json", "--device", "cpu"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["glyphs"] == 6
    assert "trained on 4 of these 6 characters" in caplog.text
