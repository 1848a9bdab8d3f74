"""Choosing the compute device and how to use it (mixed precision, memory layout)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import torch

from ..errors import FontAssistError


def _mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def available_devices() -> list[tuple[str, str]]:
    """(device string, human name) of every device this machine can train on, CPU last; GPUs with their memory."""
    devices = []
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            properties = torch.cuda.get_device_properties(i)
            devices.append((f"cuda:{i}", f"{properties.name}, {properties.total_memory / 1e9:.0f} GB"))
    if _mps_available():
        devices.append(("mps", "Apple GPU"))
    devices.append(("cpu", "CPU"))
    return devices


def resolve_device(name: str = "auto") -> torch.device:
    """``auto`` → CUDA, then Apple MPS, then CPU; an unavailable device is a clear error."""
    name = (name or "auto").strip().lower()
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda:0")
        if _mps_available():
            return torch.device("mps")
        return torch.device("cpu")
    try:
        device = torch.device(name)
    except RuntimeError:
        raise FontAssistError(
            f"Unknown device {name!r}.", hint="Use auto, cpu, cuda, cuda:N or mps."
        ) from None
    if device.type == "cuda":
        if not torch.cuda.is_available():
            raise FontAssistError(
                "CUDA was asked for, but this machine (or this torch build) has no CUDA GPU.",
                hint="Use --device auto or cpu.",
            )
        index = device.index or 0
        if index >= torch.cuda.device_count():
            raise FontAssistError(
                f"There is no CUDA device {index}; this machine has {torch.cuda.device_count()}.",
                hint="Use --device cuda:0 or auto.",
            )
        return torch.device("cuda", index)
    if device.type == "mps" and not _mps_available():
        raise FontAssistError(
            "Apple MPS was asked for, but it is not available here.", hint="Use --device auto or cpu."
        )
    if device.type not in ("cpu", "cuda", "mps"):
        raise FontAssistError(f"Unsupported device {name!r}.", hint="Use auto, cpu, cuda, cuda:N or mps.")
    return device


@dataclass(frozen=True)
class Precision:
    """How a device runs the model: autocast dtype (None = fp32), loss scaling, channels_last."""

    device: torch.device
    dtype: torch.dtype | None
    scale_loss: bool
    channels_last: bool

    @classmethod
    def choose(cls, device: torch.device, amp: bool) -> Precision:
        # Mixed precision and channels_last pay off on CUDA tensor cores; on CPU and MPS they cost more
        # than they save for these small convnets, so they stay off there.
        if device.type != "cuda":
            return cls(device, None, False, False)
        if not amp:
            return cls(device, None, False, True)
        if torch.cuda.is_bf16_supported():
            return cls(device, torch.bfloat16, False, True)
        return cls(device, torch.float16, True, True)

    def autocast(self):
        if self.dtype is None:
            return contextlib.nullcontext()
        return torch.autocast(device_type=self.device.type, dtype=self.dtype)

    def describe(self) -> str:
        parts = [str(self.device)]
        if self.dtype is not None:
            parts.append({torch.bfloat16: "bf16", torch.float16: "fp16"}[self.dtype] + " autocast")
        if self.channels_last:
            parts.append("channels_last")
        return ", ".join(parts)


def is_out_of_memory(error: BaseException) -> bool:
    if isinstance(error, torch.cuda.OutOfMemoryError):
        return True
    text = str(error).lower()
    return isinstance(error, RuntimeError) and ("out of memory" in text or "can't allocate memory" in text)
