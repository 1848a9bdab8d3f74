import os

import pytest
import torch

from fontassist.errors import FontAssistError
from fontassist.model import ModelConfig, build_generator
from fontassist.train import checkpoint as checkpoint_module
from fontassist.train.checkpoint import (
    list_checkpoints,
    load_checkpoint,
    pack_for_inference,
    prune_checkpoints,
    save_checkpoint,
    training_payload,
)

from .tiny import tiny_config, tiny_model


def _payload(config=None, step=1, model=None):
    config = config or tiny_config()
    generator = build_generator(model or config.model)
    return training_payload(
        config, step, generator=generator.state_dict(), optimizer_g={"state": {}, "param_groups": []}
    )


def test_round_trip_rebuilds_the_model_from_its_own_config(tmp_path):
    config = tiny_config(model=tiny_model(norm="batch"))
    path = save_checkpoint(tmp_path / "a.pt", _payload(config, step=7))
    checkpoint = load_checkpoint(path)
    assert checkpoint.step == 7 and checkpoint.config == config
    model = checkpoint.build_generator()
    assert not model.training
    assert any(isinstance(m, torch.nn.BatchNorm2d) for m in model.modules())
    assert not any(isinstance(m, torch.nn.InstanceNorm2d) for m in model.modules())


def test_weights_of_another_model_are_refused(tmp_path):
    config = tiny_config()
    other = ModelConfig(image_size=32, base_channels=8, max_channels=16, attention=(8,))
    path = save_checkpoint(tmp_path / "a.pt", _payload(config, model=other))
    with pytest.raises(FontAssistError, match="do not fit"):
        load_checkpoint(path).build_generator()


def test_truncated_file_is_a_clear_error(tmp_path):
    path = save_checkpoint(tmp_path / "a.pt", _payload())
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(FontAssistError, match="damaged or truncated") as error:
        load_checkpoint(path)
    assert str(path) in str(error.value)


def test_empty_and_foreign_files(tmp_path):
    (tmp_path / "empty.pt").write_bytes(b"")
    with pytest.raises(FontAssistError, match="damaged or truncated"):
        load_checkpoint(tmp_path / "empty.pt")
    (tmp_path / "picture.pt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(200)))
    with pytest.raises(FontAssistError, match="not a fontassist checkpoint"):
        load_checkpoint(tmp_path / "picture.pt")
    torch.save({"weights": torch.zeros(2)}, tmp_path / "other.pt")
    with pytest.raises(FontAssistError, match="not a fontassist checkpoint"):
        load_checkpoint(tmp_path / "other.pt")
    with pytest.raises(FontAssistError, match="no such checkpoint"):
        load_checkpoint(tmp_path / "missing.pt")


class _RunsCode:
    def __reduce__(self):
        return (os.system, ("echo this must never run",))


def test_pickled_code_is_refused(tmp_path):
    payload = _payload()
    payload["extra"] = _RunsCode()
    torch.save(payload, tmp_path / "evil.pt")
    with pytest.raises(FontAssistError, match="refuses to load"):
        load_checkpoint(tmp_path / "evil.pt")


def test_a_crash_mid_write_keeps_the_previous_file(tmp_path, monkeypatch):
    path = save_checkpoint(tmp_path / "last.pt", _payload(step=1))

    def crash(obj, f, *args, **kwargs):
        f.write(b"partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(checkpoint_module.torch, "save", crash)
    with pytest.raises(KeyboardInterrupt):
        save_checkpoint(path, _payload(step=2))
    monkeypatch.undo()
    assert load_checkpoint(path).step == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["last.pt"]


def test_listing_and_pruning(tmp_path):
    for step in (2, 4, 10, 6):
        save_checkpoint(tmp_path / f"step-{step:06d}.pt", _payload(step=step))
    save_checkpoint(tmp_path / "last.pt", _payload(step=10))
    assert [p.name for p in list_checkpoints(tmp_path)] == [
        "step-000002.pt",
        "step-000004.pt",
        "step-000006.pt",
        "step-000010.pt",
        "last.pt",
    ]
    assert load_checkpoint(tmp_path).path.name == "last.pt"
    prune_checkpoints(tmp_path, keep=2)
    assert [p.name for p in list_checkpoints(tmp_path)] == ["step-000006.pt", "step-000010.pt", "last.pt"]
    (tmp_path / "nothing").mkdir()
    with pytest.raises(FontAssistError, match="holds no checkpoint"):
        load_checkpoint(tmp_path / "nothing")


def test_inference_pack_is_small_and_loads(tiny_run, tmp_path):
    full = load_checkpoint(tiny_run)
    packed = save_checkpoint(tmp_path / "small.pt", pack_for_inference(full, half=True))
    assert packed.stat().st_size < (tiny_run / "last.pt").stat().st_size / 3
    small = load_checkpoint(packed)
    assert (
        not small.training and small.config == full.config and small.validation_chars == full.validation_chars
    )
    assert all(v.dtype == torch.float16 for v in small.generator_state.values() if v.is_floating_point())
    x = torch.rand(2, 1, 32, 32) * 2 - 1
    with torch.no_grad():
        a, b = full.build_generator()(x), small.build_generator()(x)
    assert b.dtype == torch.float32 and torch.allclose(a, b, atol=2e-2)
