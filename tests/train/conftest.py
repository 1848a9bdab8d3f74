from __future__ import annotations

import pytest
import torch

from fontassist.train import Trainer

from .tiny import tiny_config


@pytest.fixture(autouse=True)
def _two_threads():
    """The test machine is small and shared; more threads only contend."""
    before = torch.get_num_threads()
    torch.set_num_threads(min(before, 2))
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def tiny_run(tmp_path_factory):
    """A finished tiny run (6 steps), shared read-only by the tests that only read it."""
    run_dir = tmp_path_factory.mktemp("tiny_run")
    events = list(Trainer(tiny_config(), run_dir))
    assert events[-1].reason == "completed", events[-1].message
    return run_dir
