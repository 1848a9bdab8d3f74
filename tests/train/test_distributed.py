"""Distributed training on 2 CPU processes (gloo), started the user's way: ``fontassist train --nproc-per-node 2``.

Both runs use BatchNorm (so SyncBatchNorm), joint augmentation and the adversarial loss, and are
compared with one in-process run of the same config: the global batch, the glyph order and the
augmentation are the same, and only the order of float additions differs (the gradient averaged
over two half batches instead of one whole), so the weights agree to ``ATOL`` (see there).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from fontassist import resources
from fontassist.train import Trainer, load_checkpoint
from fontassist.train.distributed import Distributed, torchrun_arguments
from fontassist.train.runfolder import read_history

from .tiny import tiny_chars, tiny_config, tiny_model

pytestmark = pytest.mark.skipif(
    not torch.distributed.is_available() or not torch.distributed.is_gloo_available(),
    reason="this torch has no gloo backend",
)

ROOT = Path(__file__).resolve().parents[2]
HOOKS = Path(__file__).resolve().parent / "dist_hooks"
# One Adam step at lr 1e-3 moves a weight by up to ~1e-3; a wrong batch, shard or restored state shows at
# that scale. Float rounding shows far below it: measured 2e-7 after 6 steps in 2 processes, and 2e-5 (in 3
# of 2,048 weights) for 3 steps in 2 processes + 3 resumed in one, where Adam magnifies rounding in
# near-zero gradients.
ATOL = 1e-4


def _config():
    return tiny_config(model=tiny_model(norm="batch"), augment_shift=0.06)


def _flags(out: Path) -> list[str]:
    """The command-line form of ``_config()``."""
    c = _config()
    return [
        "train",
        *("--source", str(resources.DEMO_SOURCE), "--target", str(resources.DEMO_TARGET)),
        *("--chars", tiny_chars(), "--size", "32", "--validation", "8", "--norm", "batch"),
        *("--base-channels", "4", "--max-channels", "16", "--attention", "8", "--disc-channels", "4"),
        *(
            "--batch",
            str(c.batch_size),
            "--steps",
            str(c.steps),
            "--lr",
            str(c.lr),
            "--augment-shift",
            "0.06",
        ),
        *("--eval-every", "3", "--preview-every", "3", "--checkpoint-every", "2", "--keep", "2"),
        *("--device", "cpu", "--threads", "1", "--out", str(out), "--nproc-per-node", "2"),
    ]


def _environment(**env) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HOOKS), str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "OMP_NUM_THREADS": "1",
        **env,
    }


def _fontassist(args: list[str], **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fontassist", *args],
        env=_environment(**env),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _train_in_this_process(trainer: Trainer) -> None:
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as each worker runs (--threads 1), so that the float sums split alike
    try:
        events = list(trainer)
    finally:
        torch.set_num_threads(threads)
    assert events[-1].reason == "completed", events[-1].message


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("one_process")
    _train_in_this_process(Trainer(_config(), run_dir))
    return run_dir


def _assert_same_weights(run_a: Path, run_b: Path) -> None:
    a, b = load_checkpoint(run_a), load_checkpoint(run_b)
    assert a.step == b.step
    for name, sa, sb in (
        ("generator", a.generator_state, b.generator_state),
        ("discriminator", a.discriminator_state, b.discriminator_state),
    ):
        assert list(sa) == list(sb), f"{name} keys differ"  # no "module." prefixes
        for key in sa:
            torch.testing.assert_close(
                sb[key], sa[key], atol=ATOL, rtol=0, msg=lambda m, n=name, k=key: f"{n} {k}: {m}"
            )


def _files(run_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(run_dir)) for p in run_dir.rglob("*"))


def test_two_processes_train_like_one(one_process, tmp_path):
    run_dir, saves = tmp_path / "two", tmp_path / "saves.txt"
    result = _fontassist(_flags(run_dir), FONTASSIST_TEST_SAVES=str(saves))
    assert result.returncode == 0, result.stderr[-3000:]
    _assert_same_weights(one_process, run_dir)
    # Only rank 0 writes: one write per checkpoint, the files of a one-process run, no temporary leftovers.
    # (best.pt is written whenever a validation beats the best so far, also by rank 0 alone.)
    written = saves.read_text().split("\n")[:-1]
    assert all(line.startswith("0 ") for line in written)
    assert [line for line in written if not line.endswith(" best.pt")] == [
        "0 2 step-000002.pt",
        "0 4 step-000004.pt",
        "0 6 step-000006.pt",
    ]
    assert _files(run_dir) == _files(one_process)
    one, two = read_history(one_process), read_history(run_dir)
    assert [r["step"] for r in two] == [r["step"] for r in one]
    for r1, r2 in zip(one, two, strict=True):
        for name, value in r1.get("losses", {}).items():
            assert r2["losses"][name] == pytest.approx(value, abs=1e-4)
    # The progress line and the result come from rank 0 alone.
    assert result.stdout.count("Training finished at step 6") == 1


def test_a_killed_rank_keeps_the_last_step_and_the_run_resumes_on_one_process(one_process, tmp_path):
    run_dir, saves = tmp_path / "killed", tmp_path / "saves.txt"
    result = _fontassist(_flags(run_dir), FONTASSIST_TEST_SAVES=str(saves), FONTASSIST_TEST_KILL="1:4")
    assert result.returncode == 2, result.stderr[-3000:]
    assert "process 1 was killed by signal 9" in result.stderr
    assert "failed during step 4" in result.stderr and "saved step 3" in result.stderr
    written = saves.read_text().split("\n")[:-1]
    assert [line for line in written if not line.endswith(" best.pt")] == [
        "0 2 step-000002.pt",
        "0 3 last.pt",
    ]
    assert not [name for name in _files(run_dir) if name.startswith(".") or name.endswith(".tmp")]
    assert load_checkpoint(run_dir).step == 3
    # Resume with another number of processes (here one): it ends where the uninterrupted run did.
    _train_in_this_process(Trainer.resume_from(run_dir))
    _assert_same_weights(one_process, run_dir)


def test_environment_and_launch_arguments():
    assert Distributed.from_environment({}) == Distributed()
    d = Distributed.from_environment(
        {"WORLD_SIZE": "4", "RANK": "3", "LOCAL_RANK": "1", "LOCAL_WORLD_SIZE": "2"}
    )
    assert (d.active, d.is_writer, d.shard(8)) == (True, False, slice(6, 8))
    with pytest.raises(Exception, match="does not split evenly"):
        d.check_batch(6)
    assert torchrun_arguments(["train", "--out", "r"], 2) == [
        *("--nproc-per-node", "2", "--standalone", "--module", "fontassist", "train", "--out", "r")
    ]
    two_machines = torchrun_arguments(["train"], 8, nnodes="2", rdzv_endpoint="gpu1:29400")
    assert two_machines[:4] == ["--nproc-per-node", "8", "--nnodes", "2"]
    assert "--rdzv-endpoint" in two_machines and "--standalone" not in two_machines
    with pytest.raises(Exception, match="rdzv-endpoint"):
        torchrun_arguments(["train"], 8, nnodes="2")


def test_ctrl_c_stops_every_rank_with_the_last_completed_step(tmp_path):
    run_dir, saves = tmp_path / "stopped", tmp_path / "saves.txt"
    flags = _flags(run_dir)
    flags[flags.index("--steps") + 1] = "100000"
    process = subprocess.Popen(
        [sys.executable, "-m", "fontassist", *flags],
        env=_environment(FONTASSIST_TEST_SAVES=str(saves)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        deadline = time.monotonic() + 240
        while not (run_dir / "step-000002.pt").exists():
            assert process.poll() is None and time.monotonic() < deadline, process.communicate()[1][-3000:]
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: every process of the job gets SIGINT
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, stderr[-3000:]
    assert "Resume with: fontassist train" in stderr
    step = load_checkpoint(run_dir).step
    written = saves.read_text().split("\n")[:-1]
    assert {line.split()[0] for line in written} == {"0"}  # rank 0 alone wrote
    assert written[-1] == f"0 {step} last.pt" or written[-1] == f"0 {step} step-{step:06d}.pt"
    assert not [name for name in _files(run_dir) if name.startswith(".") or name.endswith(".tmp")]
    assert read_history(run_dir)[-1]["step"] <= step
