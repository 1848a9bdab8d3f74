"""The designer's project: every choice the app makes on their behalf, as one plain serialisable value.

A project file is JSON. Paths inside it are stored relative to the project
file's folder (so a project folder can be moved or shared), and files that
ship with fontassist (the demo fonts) as ``resources:fonts/...`` so a project
made on one machine opens on another. Nothing here imports Qt: the project is
data, the window only shows and edits it.
"""

from __future__ import annotations

import copy
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import FontAssistError
from ..fonts import DEFAULT_CHARSET
from .projectrefs import loaded_pages, resolve_path, store_path, stored_pages

log = logging.getLogger(__name__)

PROJECT_FORMAT = 1
PROJECT_SUFFIX = ".fontassist.json"

# What the Characters page offers; "charset" generates what the target lacks in a named set.
CHAR_MODES = ("charset", "source", "text", "file")
# "auto": learn from the chosen named set, or from every Han character both fonts share otherwise.
LEARN_AUTO = "auto"
LEARN_SHARED = "shared"


@dataclass
class FontChoice:
    """One face of one font file."""

    path: Path
    face: int = 0

    def to_dict(self, base: Path | None) -> dict:
        return {"path": store_path(self.path, base), "face": self.face}

    @classmethod
    def from_dict(cls, data: dict, base: Path | None) -> FontChoice:
        return cls(resolve_path(str(data["path"]), base), int(data.get("face", 0)))


@dataclass
class CharChoice:
    """What to generate (``mode``) and what the model learns from (``learn_from``)."""

    mode: str = "charset"
    charset: str = DEFAULT_CHARSET
    text: str = ""
    file: Path | None = None
    learn_from: str = LEARN_AUTO  # LEARN_AUTO, LEARN_SHARED or a charset name

    def to_dict(self, base: Path | None) -> dict:
        return {
            "mode": self.mode,
            "charset": self.charset,
            "text": self.text,
            "file": store_path(self.file, base) if self.file else None,
            "learn_from": self.learn_from,
        }

    @classmethod
    def from_dict(cls, data: dict, base: Path | None) -> CharChoice:
        mode = data.get("mode", "charset")
        if mode not in CHAR_MODES:
            raise ValueError(f"unknown character mode {mode!r}")
        file = data.get("file")
        return cls(
            mode=mode,
            charset=str(data.get("charset", DEFAULT_CHARSET)),
            text=str(data.get("text", "")),
            file=resolve_path(file, base) if file else None,
            learn_from=str(data.get("learn_from", LEARN_AUTO)),
        )


@dataclass
class Project:
    """Everything a project file holds. ``path`` is where it was last saved (not itself saved).

    ``train`` holds the training settings the designer set, by ``TrainConfig``
    field name (model fields under ``"model"``); fields not set take the
    trainer's defaults. ``review`` and ``export`` belong to the Review and
    Export pages and are kept as given, except the paths in them, which are
    stored relative like the others (:mod:`.projectrefs`).
    """

    source: FontChoice | None = None
    target: FontChoice | None = None
    chars: CharChoice = field(default_factory=CharChoice)
    train: dict[str, Any] = field(default_factory=dict)
    run_dir: Path | None = None
    review: dict[str, Any] = field(default_factory=dict)
    export: dict[str, Any] = field(default_factory=dict)
    path: Path | None = field(default=None, compare=False)

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path else None

    @property
    def name(self) -> str:
        if self.path is None:
            return ""
        name = self.path.name
        return name[: -len(PROJECT_SUFFIX)] if name.endswith(PROJECT_SUFFIX) else self.path.stem

    def to_dict(self, base: Path | None = None) -> dict:
        """JSON-ready data; paths relative to ``base`` (the folder the file goes into)."""

        review, export = stored_pages(self.review, self.export, base)
        return {
            "format": PROJECT_FORMAT,
            "source": self.source.to_dict(base) if self.source else None,
            "target": self.target.to_dict(base) if self.target else None,
            "chars": self.chars.to_dict(base),
            "train": copy.deepcopy(self.train),
            "run_dir": store_path(self.run_dir, base) if self.run_dir else None,
            "review": review,
            "export": export,
        }

    @classmethod
    def from_dict(cls, data: dict, base: Path | None = None) -> Project:
        if not isinstance(data, dict):
            raise ValueError("a project is a JSON object")
        version = data.get("format", PROJECT_FORMAT)
        if not isinstance(version, int) or version > PROJECT_FORMAT:
            raise ValueError(f"project format {version!r} is newer than this fontassist understands")

        review, export = loaded_pages(dict(data.get("review") or {}), dict(data.get("export") or {}), base)
        return cls(
            source=FontChoice.from_dict(data["source"], base) if data.get("source") else None,
            target=FontChoice.from_dict(data["target"], base) if data.get("target") else None,
            chars=CharChoice.from_dict(data.get("chars") or {}, base),
            train=_train_settings(data.get("train") or {}),
            run_dir=resolve_path(data["run_dir"], base) if data.get("run_dir") else None,
            review=review,
            export=export,
        )

    def save(self, path: str | os.PathLike) -> None:
        """Write the project atomically to ``path`` and remember it as ``self.path``."""
        path = Path(path).absolute()
        text = json.dumps(self.to_dict(path.parent), ensure_ascii=False, indent=2) + "\n"
        tmp = path.with_name(path.name + ".tmp")
        try:
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        except OSError as e:
            raise FontAssistError(
                f"cannot be written ({e.strerror}).", path=path, hint="Choose a folder you can write to."
            ) from None
        self.path = path
        log.info("saved project %s", path)

    @classmethod
    def load(cls, path: str | os.PathLike) -> Project:
        path = Path(path).absolute()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FontAssistError(
                "project file not found.", path=path, hint="It may have been moved or deleted."
            ) from None
        except OSError as e:
            raise FontAssistError(f"cannot be read ({e.strerror}).", path=path) from None
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise FontAssistError(
                f"is not a fontassist project file ({e}).",
                path=path,
                hint="Open a .fontassist.json file saved by fontassist.",
            ) from None
        try:
            project = cls.from_dict(data, path.parent)
        except (KeyError, TypeError, ValueError) as e:
            raise FontAssistError(
                f"is not a valid fontassist project ({e}).",
                path=path,
                hint="Open a .fontassist.json file saved by fontassist.",
            ) from None
        project.path = path
        return project


def _train_settings(data: dict) -> dict[str, Any]:
    """The project's training settings; older projects kept the image size as ``size`` beside the model."""
    train = copy.deepcopy(dict(data))
    size = train.pop("size", None)
    if size is not None:
        model = train.setdefault("model", {})
        if isinstance(model, dict):
            model.setdefault("image_size", size)
    return train
