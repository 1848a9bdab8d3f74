"""The desktop app (Qt). The only package that imports PySide6; it calls the same core as the CLI.

``import fontassist.app`` is cheap: Qt is imported when :func:`open_app` runs.
The app's start options are declared once, by :func:`add_start_arguments`, for
both ``fontassist-app`` (:func:`main`) and ``fontassist gui``, which hands its
parsed values straight to :func:`open_app`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence


def add_start_arguments(parser: argparse.ArgumentParser) -> None:
    """The options the app can start with: fonts (and faces in a collection) or a project."""
    for role, what in (
        ("source", "the font that has the characters"),
        ("target", "the font whose style is wanted"),
    ):
        parser.add_argument(f"--{role}", metavar="FONT", help=f"{what} (.ttf, .otf, .ttc, .woff, .woff2)")
        parser.add_argument(
            f"--{role}-face",
            type=int,
            metavar="N",
            help="face index inside a .ttc/.otc collection (asked when not given)",
        )
    parser.add_argument("--project", metavar="FILE", help="a saved fontassist project (.fontassist.json)")


def open_app(
    *,
    source: str | os.PathLike | None = None,
    target: str | os.PathLike | None = None,
    project: str | os.PathLike | None = None,
    source_face: int | None = None,
    target_face: int | None = None,
    qt_args: Sequence[str] = (),
) -> int:
    """Open the main window (on the bundled demo fonts when no fonts or project are given); the exit code.

    Where no window can open (no display), says so in one line and returns 2 before Qt would abort.
    """
    from ..display import missing_display

    problem = missing_display()
    if problem:
        import sys

        print(f"fontassist: {problem}", file=sys.stderr)
        return 2
    from .application import run

    return run(
        source, target, project, source_face=source_face, target_face=target_face, qt_args=list(qt_args)
    )


def main(argv: list[str] | None = None) -> int:
    """The ``fontassist-app`` entry point: the start options, the rest of ``argv`` goes to Qt (-style, ...)."""
    import sys

    parser = argparse.ArgumentParser(prog="fontassist-app", description="The fontassist desktop app.")
    add_start_arguments(parser)
    options, qt_args = parser.parse_known_args(sys.argv[1:] if argv is None else list(argv))
    return open_app(**vars(options), qt_args=qt_args)
