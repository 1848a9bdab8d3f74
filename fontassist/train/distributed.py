"""Training on several processes (GPUs, machines) with torchrun and DistributedDataParallel.

fontassist does not build its own distribution: ``torchrun --nproc-per-node N
-m fontassist train …`` (or ``fontassist train --nproc-per-node N …``, which
starts torchrun through :mod:`torch.distributed.run`) starts N processes, and
each one builds the same :class:`~fontassist.train.Trainer`. This module is
what the trainer asks about the process it runs in:

- :class:`Distributed` reads torchrun's environment (``RANK``, ``WORLD_SIZE``,
  ``LOCAL_RANK``); outside torchrun it is a single process and every call is
  the one-process behaviour (no collective, no wrapper).
- The process group uses NCCL on CUDA (one GPU per process: ``cuda:LOCAL_RANK``)
  and gloo on the CPU.
- Every rank draws the same global batch from the same seeded ``BatchStream``
  and keeps its own contiguous slice of it (:meth:`Distributed.shard`), so the
  glyphs, their order and their augmentation are those of a one-process run
  with the same batch size. DDP averages the gradients of the equal slices,
  which is the gradient of the whole batch's mean loss.
- With ``norm=batch`` the BatchNorm layers become SyncBatchNorm: the batch
  statistics are those of the global batch, not of each rank's slice, so a
  BatchNorm run on 8 GPUs normalises like a one-process run with the same
  global batch, and the BatchNorm vs InstanceNorm comparison keeps its
  meaning (InstanceNorm never depended on the batch). torch's SyncBatchNorm
  refuses CPU tensors; :class:`CpuSyncBatchNorm` does the same on gloo.
- Decisions that must be the same on every rank (stop now, a loss is not
  finite) are all-reduced; the reported losses are the means over ranks.
- Only rank 0 writes checkpoints, previews, history and the progress line.
  The models are wrapped for training only; checkpoints hold the plain
  modules' weights (no ``module.`` prefix), so a model trained on 8 GPUs opens
  anywhere, and a run resumes with any number of ranks (the batch size must
  split evenly over them).
"""

from __future__ import annotations

import datetime
import inspect
import logging
import os
import signal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import torch
from torch import nn

from ..errors import FontAssistError

log = logging.getLogger(__name__)

TIMEOUT = datetime.timedelta(minutes=30)


def _no_buffer_broadcast() -> dict[str, bool]:
    """DDP's switch for broadcasting buffers before each forward, off: ``forward_sync_buffers`` since
    torch 2.13, ``broadcast_buffers`` before (deprecated since; also skips the buffers' sync at start,
    which changes nothing here: every rank builds or loads the same buffers)."""
    parameters = inspect.signature(nn.parallel.DistributedDataParallel.__init__).parameters
    return {"forward_sync_buffers" if "forward_sync_buffers" in parameters else "broadcast_buffers": False}


@dataclass(frozen=True)
class Distributed:
    """This process's place in a torchrun job (``world_size == 1``: a plain single process)."""

    rank: int = 0
    world_size: int = 1
    local_rank: int = 0
    local_world_size: int = 1

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> Distributed:
        env = os.environ if env is None else env
        try:
            world = int(env.get("WORLD_SIZE", "1"))
            if world <= 1:
                return cls()
            return cls(
                rank=int(env["RANK"]),
                world_size=world,
                local_rank=int(env.get("LOCAL_RANK", "0")),
                local_world_size=int(env.get("LOCAL_WORLD_SIZE", "1")),
            )
        except (KeyError, ValueError) as e:
            raise FontAssistError(
                f"The distributed environment is incomplete or malformed ({e}).",
                hint="Start distributed training with torchrun or fontassist train --nproc-per-node N.",
            ) from None

    @property
    def active(self) -> bool:
        return self.world_size > 1

    @property
    def is_writer(self) -> bool:
        """Rank 0 writes the run folder and reports progress; the others only train."""
        return self.rank == 0

    def describe(self) -> str:
        return f"{self.world_size} processes" if self.active else "1 process"

    # ------------------------------------------------------------- set-up

    def device(self, device: torch.device) -> torch.device:
        """The device of this rank: CUDA means ``cuda:LOCAL_RANK`` (one GPU per process, torchrun's way)."""
        if not self.active:
            return device
        if device.type == "cuda":
            count = torch.cuda.device_count()
            if self.local_rank >= count:
                raise FontAssistError(
                    f"Process {self.local_rank} of this machine has no GPU: it has {count}.",
                    hint=f"Start at most {count} processes per machine (--nproc-per-node {count}).",
                )
            torch.cuda.set_device(self.local_rank)
            return torch.device("cuda", self.local_rank)
        if device.type != "cpu":
            raise FontAssistError(
                f"Distributed training runs on CUDA GPUs or on the CPU, not on {device.type}.",
                hint="Use --device cuda or --device cpu, or train in one process.",
            )
        return device

    def check_batch(self, batch_size: int) -> None:
        if batch_size % self.world_size:
            raise FontAssistError(
                f"The batch of {batch_size} glyphs does not split evenly over {self.world_size} processes.",
                hint=f"Use a batch size that is a multiple of {self.world_size}.",
            )

    def start(self, device: torch.device) -> None:
        """Join the process group (a rendezvous: returns once every rank has come this far)."""
        if not self.active or torch.distributed.is_initialized():
            return
        backend = "nccl" if device.type == "cuda" else "gloo"
        kwargs = {"device_id": device} if device.type == "cuda" else {}
        torch.distributed.init_process_group(backend, timeout=TIMEOUT, **kwargs)
        log.info("rank %d of %d joined the %s process group", self.rank, self.world_size, backend)

    def stop(self) -> None:
        if self.active and torch.distributed.is_initialized():
            try:
                torch.distributed.destroy_process_group()
            except (RuntimeError, ValueError):  # a peer is gone; nothing left to tidy
                log.debug("destroying the process group failed", exc_info=True)

    def prepare(self, module: nn.Module, device: torch.device) -> nn.Module:
        """BatchNorm → SyncBatchNorm (in place, same parameters and state_dict keys); returns ``module``."""
        if not self.active:
            return module
        if device.type != "cpu":
            return nn.SyncBatchNorm.convert_sync_batchnorm(module)
        for layer in module.modules():
            if type(layer) is nn.BatchNorm2d:
                layer.__class__ = CpuSyncBatchNorm  # adds behaviour, no state
        return module

    def wrap(self, module: nn.Module, device: torch.device) -> nn.Module:
        """The module to call in training steps: DistributedDataParallel over it, or the module itself."""
        if not self.active:
            return module
        return nn.parallel.DistributedDataParallel(
            module,
            device_ids=[device.index] if device.type == "cuda" else None,
            # SyncBatchNorm keeps running statistics equal on every rank; nothing to broadcast.
            **_no_buffer_broadcast(),
            gradient_as_bucket_view=True,
        )

    def decorrelate_rng(self) -> None:
        """Give each rank its own torch random stream (dropout) after the shared seeding."""
        if self.active and self.rank:
            torch.manual_seed(int(torch.randint(2**62, (1,))) + self.rank)

    # ------------------------------------------------------- in the steps

    def shard(self, batch_size: int) -> slice:
        """This rank's contiguous slice of a global batch."""
        per_rank = batch_size // self.world_size
        return slice(self.rank * per_rank, (self.rank + 1) * per_rank)

    def any(self, flag: bool) -> bool:
        """True on every rank when it is True on any (e.g. a Ctrl-C seen by one process)."""
        if not self.active:
            return bool(flag)
        t = torch.tensor([1.0 if flag else 0.0], device=self._collective_device())
        torch.distributed.all_reduce(t, op=torch.distributed.ReduceOp.MAX)
        return bool(t.item())

    def all_finite(self, value: torch.Tensor) -> bool:
        """Whether ``value`` is finite on every rank."""
        finite = bool(torch.isfinite(value).all())
        return not self.any(not finite) if self.active else finite

    def mean(self, values: Mapping[str, torch.Tensor]) -> dict[str, float]:
        """Scalars as floats, averaged over the ranks (each rank's loss is its slice's mean)."""
        names = list(values)
        if not self.active or not names:
            return {name: float(values[name].detach()) for name in names}
        t = torch.stack([values[name].detach().float().reshape(()) for name in names]).to(
            self._collective_device()
        )
        torch.distributed.all_reduce(t)
        return dict(zip(names, (t / self.world_size).tolist(), strict=True))

    def _collective_device(self) -> torch.device:
        backend = torch.distributed.get_backend()
        return torch.device("cuda", torch.cuda.current_device()) if backend == "nccl" else torch.device("cpu")

    def is_peer_failure(self, error: BaseException) -> bool:
        """Whether ``error`` is a collective failing because another rank died or left."""
        if not self.active:
            return False
        if isinstance(error, torch.distributed.DistError):
            return True
        text = str(error).lower()
        return any(
            marker in text
            for marker in ("connection closed by peer", "connection reset", "broken pipe", "gloo", "nccl")
        )


class CpuSyncBatchNorm(nn.BatchNorm2d):
    """SyncBatchNorm for CPU tensors (gloo), which torch's own (and DDP around it) refuses.

    Training-mode statistics are all-reduced over the process group with the
    all-reduce below, whose backward all-reduces the gradient (two passes: the
    mean, then the variance around it), so forward and backward equal
    BatchNorm over the global batch. Eval mode and a single process use plain
    batch norm.
    """

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        if not (
            self.training
            and input.device.type == "cpu"
            and torch.distributed.is_initialized()
            and torch.distributed.get_world_size() > 1
        ):
            return super().forward(input)
        dims = [0] + list(range(2, input.dim()))
        count = torch.tensor(float(input.numel() // input.size(1)))
        torch.distributed.all_reduce(count)
        mean = _SumOverRanks.apply(input.sum(dims)) / count
        shape = [1, -1] + [1] * (input.dim() - 2)
        centred = input - mean.reshape(shape)
        var = _SumOverRanks.apply((centred * centred).sum(dims)) / count
        if self.track_running_stats and self.running_mean is not None:
            with torch.no_grad():
                self.num_batches_tracked.add_(1)
                factor = self.momentum if self.momentum is not None else 1.0 / float(self.num_batches_tracked)
                unbiased = var * (count / (count - 1).clamp_min(1))
                self.running_mean.mul_(1 - factor).add_(mean.detach(), alpha=factor)
                self.running_var.mul_(1 - factor).add_(unbiased.detach(), alpha=factor)
        out = centred * torch.rsqrt(var + self.eps).reshape(shape)
        if self.affine:
            out = out * self.weight.reshape(shape) + self.bias.reshape(shape)
        return out


class _SumOverRanks(torch.autograd.Function):
    """Sum a tensor over the ranks; the gradient of each rank's input is the sum of the ranks' gradients."""

    @staticmethod
    def forward(ctx, tensor: torch.Tensor) -> torch.Tensor:
        tensor = tensor.clone()
        torch.distributed.all_reduce(tensor)
        return tensor

    @staticmethod
    def backward(ctx, grad: torch.Tensor) -> torch.Tensor:
        grad = grad.clone()
        torch.distributed.all_reduce(grad)
        return grad


# ------------------------------------------------------------------ launching


def under_torchrun(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return "TORCHELASTIC_RUN_ID" in env or ("LOCAL_RANK" in env and "WORLD_SIZE" in env)


def torchrun_arguments(
    argv: Sequence[str],
    nproc_per_node: int,
    *,
    nnodes: str | None = None,
    rdzv_endpoint: str | None = None,
    rdzv_id: str | None = None,
) -> list[str]:
    """torchrun's command line that runs ``python -m fontassist ARGV`` in ``nproc_per_node`` processes."""
    if nproc_per_node < 1:
        raise FontAssistError(f"--nproc-per-node must be at least 1 (got {nproc_per_node}).")
    arguments = ["--nproc-per-node", str(nproc_per_node)]
    if nnodes is not None:
        arguments += ["--nnodes", str(nnodes)]
    if rdzv_endpoint:
        arguments += ["--rdzv-backend", "c10d", "--rdzv-endpoint", rdzv_endpoint]
        arguments += ["--rdzv-id", rdzv_id or "fontassist"]
    elif nnodes in (None, "1", "1:1"):
        arguments.append("--standalone")
    else:
        raise FontAssistError(
            "Training on several machines needs --rdzv-endpoint HOST:PORT (the same on every machine).",
            hint="See the README's two-machine example.",
        )
    return [*arguments, "--module", "fontassist", *argv]


def launch(arguments: Sequence[str]) -> int:
    """Run torchrun (in this process, via :mod:`torch.distributed.run`); returns an exit code.

    Each worker prints its own errors; this prints one line for the job. A
    Ctrl-C reaches every worker, which saves the last completed step and ends
    (exit code 130).
    """
    from torch.distributed import run as torchrun
    from torch.distributed.elastic.multiprocessing.api import SignalException
    from torch.distributed.elastic.multiprocessing.errors import ChildFailedError

    try:
        torchrun.run(torchrun.parse_args(list(arguments)))
    except SignalException:
        return 130
    except ChildFailedError as e:
        failures = e.failures
        codes = [failure.exitcode for failure in failures.values()]
        if codes and all(code == 130 for code in codes):
            return 130
        # The cause: the first to fail; within a second, a crash before a survivor's exit 2 or torchrun's SIGTERM.
        rank = min(
            failures,
            key=lambda r: (failures[r].timestamp, failures[r].exitcode in (2, -signal.SIGTERM), r),
        )
        code = failures[rank].exitcode
        how = f"was killed by signal {-code}" if code < 0 else f"exited with code {code}"
        raise FontAssistError(
            f"Distributed training failed: process {rank} {how}.",
            hint="Its own message is above; the run folder keeps the last checkpoint written.",
        ) from None
    return 0
