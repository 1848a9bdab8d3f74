"""Which checkpoints the designer can pick from: the project's run, other runs beside it, the demo model.

No torch: checkpoints are found by their file names
(:func:`fontassist.train.checkpoint.list_checkpoints` reads no weights); only
Qt's translation lookup is used, for the labels.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ... import resources


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckpointList", text)


@dataclass(frozen=True)
class CheckpointChoice:
    label: str
    path: Path


def run_checkpoints(run_dir: Path) -> list[Path]:
    from ...train.checkpoint import list_checkpoints  # the module imports torch only when loading

    return list_checkpoints(run_dir)


def _is_run(folder: Path) -> bool:
    return (folder / "config.json").is_file() or (folder / "last.pt").is_file()


def checkpoint_choices(
    run_dir: Path | None, runs_folders: Iterable[Path] = (), *, demo: bool = True, max_runs: int = 20
) -> list[CheckpointChoice]:
    """The project's run first (newest checkpoint, its best by validation IoU, then older ones), then other
    runs' newest checkpoints, then the demo model."""
    choices: list[CheckpointChoice] = []
    seen: set[Path] = set()
    if run_dir is not None and Path(run_dir).is_dir():
        run_dir = Path(run_dir)
        for path in reversed(run_checkpoints(run_dir)):
            label = f"{run_dir.name} · {_tr('newest') if path.name == 'last.pt' else path.stem}"
            choices.append(CheckpointChoice(label, path))
            seen.add(path.resolve())
        best = run_dir / "best.pt"
        if best.is_file():
            choices.insert(min(1, len(choices)), CheckpointChoice(f"{run_dir.name} · {_tr('best')}", best))
            seen.add(best.resolve())
    others: list[Path] = []
    for folder in runs_folders:
        folder = Path(folder)
        if folder.is_dir():
            others.extend(p for p in folder.iterdir() if p.is_dir() and _is_run(p))
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for run in others[:max_runs]:
        found = run_checkpoints(run)
        if found and found[-1].resolve() not in seen:
            seen.add(found[-1].resolve())
            choices.append(CheckpointChoice(f"{run.name} · {_tr('newest')}", found[-1]))
    if demo and resources.DEMO_MODEL.is_file():
        choices.append(
            CheckpointChoice(_tr("Demo model (Zen Maru Gothic style, bundled)"), resources.DEMO_MODEL)
        )
    return choices


def default_checkpoint(run_dir: Path | None, target_path: Path | None) -> Path | None:
    """The model to draw with when none was chosen: the project's run, else the demo model on the demo target."""
    if run_dir is not None:
        found = run_checkpoints(Path(run_dir))
        if found:
            return found[-1]
    if target_path is not None and resources.DEMO_MODEL.is_file():
        try:
            if Path(target_path).resolve() == resources.DEMO_TARGET.resolve():
                return resources.DEMO_MODEL
        except OSError:
            return None
    return None
