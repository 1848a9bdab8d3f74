"""Test hooks for the distributed tests, loaded by every Python process that has this folder on PYTHONPATH.

The tests start the real command (``python -m fontassist train --nproc-per-node 2``); torchrun's
workers import this module at start-up, and in a worker (RANK set) it installs:

FONTASSIST_TEST_SAVES=PATH  every checkpoint write appends "RANK STEP NAME" to PATH.
FONTASSIST_TEST_KILL=RANK:STEP  that rank kills itself (SIGKILL) when step STEP (1-based) would begin.
"""

import os
import signal

rank = os.environ.get("RANK")
saves = os.environ.get("FONTASSIST_TEST_SAVES")
kill = os.environ.get("FONTASSIST_TEST_KILL")

if rank is not None and (saves or kill):
    from fontassist.train import trainer

    if saves:
        real_save = trainer.save_checkpoint

        def save_checkpoint(path, payload):
            with open(saves, "a") as f:
                f.write(f"{rank} {payload['step']} {os.path.basename(path)}\n")
            return real_save(path, payload)

        trainer.save_checkpoint = save_checkpoint

    if kill:
        victim, step = kill.split(":")
        real_step = trainer.Trainer._train_step

        def train_step(self, index):
            if rank == victim and index + 1 == int(step):
                os.kill(os.getpid(), signal.SIGKILL)
            return real_step(self, index)

        trainer.Trainer._train_step = train_step
