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
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ... import resources
from ...errors import FontAssistError
from ...fonts import DEFAULT_CHARSET
from ...safeio import protect_inputs, write_text
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
    warnings: tuple[str, ...] = field(default=(), compare=False)  # set by load(): paths worth a look

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
        check_project_data(data)
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
        inputs = [
            ("source font", self.source and self.source.path),
            ("target font", self.target and self.target.path),
        ]
        with protect_inputs(inputs):
            write_text(path, text)
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
        except RecursionError:
            raise FontAssistError(
                "is not a fontassist project file (its JSON is nested too deeply).", path=path
            ) from None
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
        project.warnings = tuple(project.far_paths())
        for warning in project.warnings:
            log.warning("%s", warning)
        return project

    def paths(self) -> list[tuple[str, Path]]:
        """Every file or folder the project refers to, with what it is."""
        from .projectrefs import page_paths

        found = [
            ("source font", self.source and self.source.path),
            ("target font", self.target and self.target.path),
            ("characters file", self.chars.file),
            ("run folder", self.run_dir),
            *page_paths(self.review, self.export),
        ]
        return [(what, Path(p)) for what, p in found if p]

    def far_paths(self) -> list[str]:
        """Warnings for paths outside the project's folder, the bundled resources and the user's home."""
        roots = [Path(resources.RESOURCES), Path.home()] + ([self.folder] if self.folder else [])
        roots = [Path(os.path.realpath(r)) for r in roots]
        warnings = []
        for what, path in self.paths():
            real = Path(os.path.realpath(path))
            if not any(real == r or r in real.parents for r in roots):
                warnings.append(
                    f"The project's {what} {path} lies outside the project folder, the bundled files and your "
                    "home folder; check that you trust this project."
                )
        return warnings


# ----------------------------------------------------------------- type checks of a loaded file

_EXPORT_TYPES = {
    "family": str,
    "style": str,
    "out": str,
    "glyph_folder": str,
    "glyph_format": str,
    "mode": str,
    "which": str,
    "speck_area": (int, float),
    "tolerance": (int, float),
}


def _kind(value) -> str:
    return type(value).__name__


def check_project_data(data: Any) -> None:
    """Raise ValueError naming the first field of a loaded project whose type is wrong.

    Only JSON types reach here; what is checked is that each field has the type
    the app reads it as, and that numbers are finite (JSON's 1e400 is infinity).
    """
    if not isinstance(data, dict):
        raise ValueError("a project is a JSON object")
    _check_finite(data, "project")
    for key in ("source", "target"):
        font = data.get(key)
        if font is None:
            continue
        if not isinstance(font, dict) or not isinstance(font.get("path"), str):
            raise ValueError(f"{key} must be an object with a path")
        face = font.get("face", 0)
        if isinstance(face, bool) or not isinstance(face, int) or not 0 <= face < 65536:
            raise ValueError(f"{key}.face must be a face index (0, 1, ...), not {face!r}")
    chars = data.get("chars")
    if chars is not None:
        if not isinstance(chars, dict):
            raise ValueError(f"chars must be an object, not {_kind(chars)}")
        for key in ("mode", "charset", "text", "learn_from"):
            if key in chars and not isinstance(chars[key], str):
                raise ValueError(f"chars.{key} must be text, not {_kind(chars[key])}")
        if chars.get("file") is not None and not isinstance(chars["file"], str):
            raise ValueError(f"chars.file must be a path, not {_kind(chars['file'])}")
    if data.get("run_dir") is not None and not isinstance(data["run_dir"], str):
        raise ValueError(f"run_dir must be a path, not {_kind(data['run_dir'])}")
    for key in ("train", "review", "export"):
        if data.get(key) is not None and not isinstance(data[key], dict):
            raise ValueError(f"{key} must be an object, not {_kind(data[key])}")
    train = data.get("train") or {}
    for key, value in train.items():
        if key == "model":
            if not isinstance(value, dict):
                raise ValueError("train.model must be an object")
            continue
        if isinstance(value, dict):
            raise ValueError(f"train.{key} must be a value, not an object")
    export = data.get("export") or {}
    for key, kind in _EXPORT_TYPES.items():
        if key in export and (isinstance(export[key], bool) or not isinstance(export[key], kind)):
            raise ValueError(f"export.{key} has the wrong type ({_kind(export[key])})")
    review = data.get("review") or {}
    if review.get("checkpoint") is not None and not isinstance(review["checkpoint"], str):
        raise ValueError("review.checkpoint must be a path")
    regenerated = review.get("regenerated")
    if regenerated is not None and (
        not isinstance(regenerated, dict) or not all(isinstance(v, str) for v in regenerated.values())
    ):
        raise ValueError("review.regenerated must map checkpoints to characters")
    for key in ("ab", "view"):
        if review.get(key) is not None and not isinstance(review[key], dict):
            raise ValueError(f"review.{key} must be an object")
    ab = review.get("ab") or {}
    for key in ("a", "b"):
        if ab.get(key) is not None and not isinstance(ab[key], str):
            raise ValueError(f"review.ab.{key} must be a path")
    for key in ("accepted", "rejected", "excluded"):  # the decisions: characters as text
        if review.get(key) is not None and not isinstance(review[key], str):
            raise ValueError(f"review.{key} must be text, not {_kind(review[key])}")


def _check_finite(value: Any, where: str) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{where} holds a number that is not finite ({value})")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_finite(item, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            _check_finite(item, where)


def _train_settings(data: dict) -> dict[str, Any]:
    """The project's training settings; older projects kept the image size as ``size`` beside the model."""
    train = copy.deepcopy(dict(data))
    size = train.pop("size", None)
    if size is not None:
        model = train.setdefault("model", {})
        if isinstance(model, dict):
            model.setdefault("image_size", size)
    return train
