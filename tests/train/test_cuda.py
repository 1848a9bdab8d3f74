"""The CUDA path of the trainer: mixed precision, channels_last, torch.compile, out of memory, NCCL.

Marked ``cuda`` and skipped without a CUDA GPU; ``benchmarks/gpu.sh`` runs them (``pytest -m cuda``).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import torch

from fontassist.train import FinishedEvent, Trainer, load_checkpoint
from fontassist.train.device import Precision

from .tiny import tiny_config, tiny_model

pytestmark = [
    pytest.mark.cuda,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU"),
]


def _train(run_dir, precision: Precision | None = None, **changes) -> list:
    trainer = Trainer(tiny_config(device="cuda", **changes), run_dir)
    if precision is not None:
        trainer.precision = precision
    events = list(trainer)
    assert events[-1].reason == "completed", events[-1].message
    return events


def test_mixed_precision_and_channels_last(tmp_path):
    trainer = Trainer(tiny_config(device="cuda"), tmp_path / "run")
    expected = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    assert trainer.precision.dtype == expected and trainer.precision.channels_last
    assert trainer.precision.scale_loss == (expected == torch.float16)
    events = list(trainer)
    assert events[-1].reason == "completed", events[-1].message
    conv = trainer.generator.down[0][0].weight
    assert conv.is_contiguous(memory_format=torch.channels_last)
    # The checkpoint holds fp32 weights without DDP or compile prefixes and opens on the CPU.
    checkpoint = load_checkpoint(tmp_path / "run")
    assert all(v.dtype == torch.float32 for v in checkpoint.generator_state.values() if v.is_floating_point())
    generator = checkpoint.build_generator("cpu")
    out = generator(torch.zeros(2, 1, 32, 32))
    assert torch.isfinite(out).all()


def test_fp16_with_gradient_scaling(tmp_path):
    precision = Precision(torch.device("cuda", 0), torch.float16, True, True)
    _train(tmp_path / "run", precision)
    checkpoint = load_checkpoint(tmp_path / "run")
    assert checkpoint.scaler and checkpoint.scaler["scale"] > 0


def test_compile(tmp_path):
    events = _train(tmp_path / "run", steps=4, compile=True)
    assert any(type(e).__name__ == "StepEvent" for e in events)
    state = load_checkpoint(tmp_path / "run").generator_state
    assert not any(k.startswith(("_orig_mod.", "module.")) for k in state)


def test_out_of_memory_is_a_message_not_a_crash(tmp_path):
    # A real CUDA out-of-memory error, made cheap by capping this process at 2 % of the GPU.
    torch.cuda.set_per_process_memory_fraction(0.02)
    try:
        config = tiny_config(
            device="cuda", batch_size=16384, model=tiny_model(base_channels=64, max_channels=512)
        )
        events = list(Trainer(config, tmp_path / "run"))
    finally:
        torch.cuda.set_per_process_memory_fraction(1.0)
        torch.cuda.empty_cache()
    last = events[-1]
    assert isinstance(last, FinishedEvent) and last.reason == "oom", last.message
    assert "batch size 16384" in last.message


@pytest.mark.skipif(torch.cuda.device_count() < 2, reason="needs 2 GPUs")
def test_two_gpus_train_like_one(tmp_path):
    from .test_distributed import HOOKS, ROOT, _flags

    one = tmp_path / "one"
    _train(one, model=tiny_model(norm="batch"), augment_shift=0.06, amp=False)
    flags = _flags(tmp_path / "two")
    flags[flags.index("--device") + 1] = "cuda"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HOOKS), str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-m", "fontassist", *flags, "--no-amp"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    a, b = load_checkpoint(one), load_checkpoint(tmp_path / "two")
    assert list(a.generator_state) == list(b.generator_state)
    # cuDNN picks its algorithms per process, so the sums differ more than on the CPU.
    worst = max(float((a.generator_state[k] - b.generator_state[k]).abs().max()) for k in a.generator_state)
    assert worst < 1e-3, worst


def test_device_list_names_memory():
    from fontassist.train import available_devices

    devices = dict(available_devices())
    assert "cuda:0" in devices and "GB" in devices["cuda:0"]
