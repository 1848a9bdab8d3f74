"""The training engine seen from the app: loaded lazily (it brings torch), and its settings.

``load_engine`` imports :mod:`fontassist.train` (torch, the model) and lists
the devices; the app runs it on the thread pool after the window is shown, so
the window opens without waiting for torch. ``build_train_config`` merges the
trainer's defaults, the designer's settings (the project's ``train`` dict)
and the chosen fonts and characters into a ``TrainConfig``. No Qt here.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...train.trainconfig import DATA_FIELDS  # no torch: the engine itself loads lazily
from ..characters.charplan import CharPlan
from ..common.project import Project

log = logging.getLogger(__name__)

# Fields the app always fills from the project, never from the settings form.
_DATA_FIELDS = (*DATA_FIELDS, "source_hash", "target_hash")


@dataclass
class Engine:
    devices: list[tuple[str, str]]  # (device string, name), as available_devices() lists them
    defaults: dict[str, Any]  # TrainConfig's default settings (model defaults under "model")


def train_defaults() -> dict[str, Any]:
    """``TrainConfig``'s field defaults, without the data fields."""
    from ...model.modelconfig import ModelConfig
    from ...train import TrainConfig
    from ...train.trainconfig import DEFAULT_STEPS

    defaults: dict[str, Any] = {}
    for f in dataclasses.fields(TrainConfig):
        if f.name in _DATA_FIELDS or f.name == "model":
            continue
        if f.default is not dataclasses.MISSING:
            defaults[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            defaults[f.name] = f.default_factory()
    defaults["model"] = ModelConfig().to_dict()
    if defaults["steps"] is None and defaults["epochs"] is None:
        defaults["steps"] = DEFAULT_STEPS  # the app sets a run's length in steps
    return defaults


def _warm_up() -> None:
    """Make torch import what it otherwise imports lazily at a run's first optimiser (torch._dynamo, sympy).

    Those imports hold the GIL for a few hundred milliseconds at a time; done
    here, off the GUI thread and before any run, they cannot stall the window
    while training starts.
    """
    import torch

    torch.optim.Adam([torch.nn.Parameter(torch.zeros(1))])


def load_engine() -> Engine:
    """Import the trainer and list the devices it can use (slow: imports torch)."""
    from ...train import available_devices

    _warm_up()
    engine = Engine(devices=available_devices(), defaults=train_defaults())
    log.info("training engine loaded; devices: %s", ", ".join(name for name, _ in engine.devices))
    return engine


def overlay_settings(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``overrides`` on top (model fields merged one level down; data fields ignored)."""
    merged = copy.deepcopy(base)
    for key, value in overrides.items():
        if key == "model" and isinstance(value, dict):
            merged.setdefault("model", {}).update(copy.deepcopy(value))
        elif key not in _DATA_FIELDS:
            merged[key] = copy.deepcopy(value)
    return merged


def build_train_config(project: Project, plan: CharPlan, defaults: dict[str, Any]):
    """The ``TrainConfig`` for the project's fonts, characters and settings. Raises FontAssistError."""
    from ...errors import FontAssistError
    from ...train import TrainConfig

    if project.source is None or project.target is None:
        raise FontAssistError("Choose a source and a target font before training.")
    from ...export.handedits import edited_outlines, training_target

    values = overlay_settings(defaults, project.train)
    charset, chars = plan.trainer_chars()
    target, target_face = Path(project.target.path), project.target.face
    hand_fixed = training_target(project.review)  # the target plus the glyphs fixed by hand, when asked for
    if hand_fixed is not None:
        target, target_face = hand_fixed, 0
        if chars:
            chars += "".join(c for c in edited_outlines(project.review) if c not in chars)
    values.update(
        source=str(Path(project.source.path)),
        target=str(target),
        source_face=project.source.face,
        target_face=target_face,
        charset=charset,
        chars=chars,
    )
    return TrainConfig.from_dict(values)
