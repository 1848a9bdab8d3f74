"""How a project file keeps paths (no Qt): bundled files by name, the others relative to the project's folder.

:func:`store_path` and :func:`resolve_path` convert one path; the fonts, characters and
training parts of :class:`~fontassist.app.common.project.Project` use them directly. In memory
the Review and Export pages keep checkpoints and output paths absolute (bundled files as
``resources:…``); in the file they are relative to the project's folder like every other
path of the project, so a project folder moved or shared together with its runs still
finds them. This module imports nothing of the project's, so the project imports it freely.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path

from ... import resources

RESOURCE_PREFIX = "resources:"
EXPORT_PATH_KEYS = ("out", "glyph_folder")


def store_path(path: str | os.PathLike, base: Path | None) -> str:
    """A path as the project file keeps it: bundled resources by name, others relative to ``base``."""
    path = Path(path).absolute()
    try:
        return RESOURCE_PREFIX + path.relative_to(resources.RESOURCES).as_posix()
    except ValueError:
        pass
    if base is not None:
        try:
            return Path(os.path.relpath(path, base)).as_posix()
        except ValueError:  # another drive on Windows
            pass
    return path.as_posix()


def resolve_path(stored: str, base: Path | None) -> Path:
    """Inverse of :func:`store_path`."""
    if stored.startswith(RESOURCE_PREFIX):
        return resources.RESOURCES / stored[len(RESOURCE_PREFIX) :]
    path = Path(stored)
    if not path.is_absolute() and base is not None:
        path = base / path
    return Path(os.path.normpath(path))


def _map_review(review: dict, convert: Callable[[str], str]) -> dict:
    out = copy.deepcopy(review)
    if isinstance(out.get("checkpoint"), str) and out["checkpoint"]:
        out["checkpoint"] = convert(out["checkpoint"])
    if isinstance(out.get("regenerated"), dict):
        out["regenerated"] = {convert(ref): chars for ref, chars in out["regenerated"].items()}
    ab = out.get("ab")
    if isinstance(ab, dict):
        for key in ("a", "b"):
            if isinstance(ab.get(key), str) and ab[key]:
                ab[key] = convert(ab[key])
    return out


def _map_export(export: dict, convert: Callable[[str], str]) -> dict:
    out = copy.deepcopy(export)
    for key in EXPORT_PATH_KEYS:
        if isinstance(out.get(key), str) and out[key]:
            out[key] = convert(out[key])
    return out


def stored_pages(review: dict, export: dict, base: Path | None) -> tuple[dict, dict]:
    """The dicts as the project file keeps them: paths relative to ``base``."""

    def convert(value: str) -> str:
        return store_path(resolve_path(value, None), base)

    return _map_review(review, convert), _map_export(export, convert)


def loaded_pages(review: dict, export: dict, base: Path | None) -> tuple[dict, dict]:
    """Inverse of :func:`stored_pages`: paths absolute again (bundled files stay ``resources:…``)."""

    def convert(value: str) -> str:
        return store_path(resolve_path(value, base), None)

    return _map_review(review, convert), _map_export(export, convert)


def page_paths(review: dict, export: dict) -> list[tuple[str, str]]:
    """The paths the Review and Export pages keep, with what they are (bundled ``resources:`` refs left out)."""

    found: list[tuple[str, str]] = []

    def collect(what: str):
        def convert(value: str) -> str:
            if not value.startswith(RESOURCE_PREFIX):
                found.append((what, value))
            return value

        return convert

    _map_review(review, collect("checkpoint"))
    _map_export(export, collect("export path"))
    return found
