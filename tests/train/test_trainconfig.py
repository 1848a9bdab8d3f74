import dataclasses
import json

import pytest

from fontassist.errors import FontAssistError
from fontassist.train import TrainConfig

from .tiny import tiny_config, tiny_model


def test_round_trip_through_json():
    config = tiny_config(model=tiny_model(norm="batch", attention=(8, 16)), validation=0.25)
    again = TrainConfig.from_dict(json.loads(json.dumps(config.to_dict())))
    assert again == config and again.model.attention == (8, 16) and again.validation == 0.25


def test_paths_are_stored_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    config = tiny_config(source="a.ttf", target="sub/b.ttf")
    assert config.source == str(tmp_path / "a.ttf") and config.target == str(tmp_path / "sub" / "b.ttf")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"lr": "fast"}, "lr = 'fast' has the wrong type; it must be a number"),
        ({"validation": True}, "must be a whole number or a number"),
        ({"steps": 5, "epochs": 1.0}, "not both"),
        ({"adv_loss": "wasserstein"}, "Unknown adversarial loss"),
        ({"lr_schedule": "step"}, "Unknown learning-rate schedule"),
        ({"batch_size": 0}, "batch size"),
        ({"charset": None, "chars": ""}, "No characters"),
    ],
)
def test_bad_settings_are_clear_errors(changes, message):
    with pytest.raises(FontAssistError, match=message):
        tiny_config(**changes)


def test_unknown_fields_are_refused():
    data = tiny_config().to_dict()
    data["colour"] = "red"
    with pytest.raises(FontAssistError, match="unknown field"):
        TrainConfig.from_dict(data)


def test_schedules():
    config = tiny_config(lr=1.0, warmup_steps=10, lr_final=0.1)
    assert config.learning_rate(0, 110, 1.0) == pytest.approx(0.1)
    assert config.learning_rate(10, 110, 1.0) == pytest.approx(1.0)
    assert config.learning_rate(60, 110, 1.0) == pytest.approx(0.55)
    assert config.learning_rate(110, 110, 1.0) == pytest.approx(0.1)
    linear = tiny_config(lr_schedule="linear", lr_final=0.0)
    assert linear.learning_rate(50, 100, 2.0) == pytest.approx(1.0)
    assert tiny_config(lr_schedule="constant").learning_rate(99, 100, 3.0) == 3.0


def test_run_length():
    assert tiny_config(steps=7).total_steps(1000) == 7
    assert tiny_config(steps=None, epochs=2.5, batch_size=10).total_steps(40) == 10


def test_config_is_frozen():
    config = tiny_config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.lr = 1.0
    assert config.replace(lr=1.0).lr == 1.0


def test_the_image_size_is_one_field_and_old_runs_still_load():
    config = tiny_config()
    assert "size" not in config.to_dict()
    old = config.to_dict()
    old["size"] = old["model"].pop("image_size")
    assert TrainConfig.from_dict(old) == config
