"""The run folder: ``config.json``, ``history.jsonl``, checkpoints and ``previews/``.

History is one JSON object per line: ``{"step", "losses", "lr", "images_per_s", "elapsed_s"}``
for logged steps and ``{"step", "eval", "baseline"}`` for evaluations. It is
appended as the run goes; a resumed run first drops the lines after the step it
resumes from, so the history always describes the weights on disk.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import FontAssistError
from ..safeio import describe_os_error, write_text
from .trainconfig import TrainConfig

CONFIG = "config.json"
HISTORY = "history.jsonl"
PREVIEWS = "previews"


def write_text_atomic(path: Path, text: str) -> None:
    write_text(path, text)


def write_config(run_dir: Path, config: TrainConfig) -> None:
    write_text_atomic(run_dir / CONFIG, json.dumps(config.to_dict(), indent=2, ensure_ascii=False) + "\n")


def read_config(run_dir: str | os.PathLike) -> TrainConfig:
    path = Path(run_dir) / CONFIG
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FontAssistError(
            "is not a training run (it has no config.json).",
            path=Path(run_dir),
            hint="Give the folder passed to fontassist train --out.",
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise FontAssistError(
            f"cannot be read ({e}).", path=path, hint="The run's config.json is damaged."
        ) from None
    return TrainConfig.from_dict(data)


def is_run_dir(path: str | os.PathLike) -> bool:
    return (Path(path) / CONFIG).is_file()


def read_history(run_dir: str | os.PathLike) -> list[dict[str, Any]]:
    """The run's history records; a torn last line (a crash mid-append) is skipped."""
    path = Path(run_dir) / HISTORY
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    for line in lines:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and "step" in record:
            records.append(record)
    return records


class History:
    """Appends records to ``history.jsonl``, flushed line by line."""

    def __init__(self, run_dir: Path):
        self.path = run_dir / HISTORY

    def trim(self, last_step: int) -> None:
        """Drop the records after ``last_step`` (a resumed run redoes those steps)."""
        kept = [r for r in read_history(self.path.parent) if r["step"] <= last_step]
        write_text_atomic(self.path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept))

    def append(self, records: Iterable[dict[str, Any]]) -> None:
        try:
            with open(self.path, "a", encoding="utf-8") as f:
                for record in records:
                    f.write(json.dumps(record, ensure_ascii=False) + "\n")
        except OSError as e:
            raise FontAssistError(
                f"cannot be written: {describe_os_error(e)}.",
                path=self.path,
                hint="Check free disk space and that the run folder is writable.",
            ) from None
