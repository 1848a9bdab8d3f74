"""Paths inside the project's ``review`` and ``export`` dicts, kept relative to the project file on disk (no Qt).

In memory the Review and Export pages keep checkpoints and output paths
absolute (bundled files as ``resources:…``); in the file they are relative to
the project's folder like every other path of the project, so a project folder
moved or shared together with its runs still finds them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

EXPORT_PATH_KEYS = ("out", "glyph_folder")


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
    from .project import resolve_path, store_path

    def convert(value: str) -> str:
        return store_path(resolve_path(value, None), base)

    return _map_review(review, convert), _map_export(export, convert)


def loaded_pages(review: dict, export: dict, base: Path | None) -> tuple[dict, dict]:
    """Inverse of :func:`stored_pages`: paths absolute again (bundled files stay ``resources:…``)."""
    from .project import resolve_path, store_path

    def convert(value: str) -> str:
        return store_path(resolve_path(value, base), None)

    return _map_review(review, convert), _map_export(export, convert)


def page_paths(review: dict, export: dict) -> list[tuple[str, str]]:
    """The paths the Review and Export pages keep, with what they are (bundled ``resources:`` refs left out)."""
    from .project import RESOURCE_PREFIX

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
