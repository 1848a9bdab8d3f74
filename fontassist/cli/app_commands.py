"""``fontassist gui``: open the desktop app on chosen fonts or a project (Qt is imported only when it runs)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import FontAssistError


def _gui(args) -> int:
    for flag in ("source", "target", "project"):
        path = getattr(args, flag)
        if path is not None and not Path(path).is_file():
            raise FontAssistError("file not found.", path=path, hint=f"Check the --{flag} path.")
    argv = []
    if args.project:
        argv += ["--project", args.project]
    for role in ("source", "target"):
        path = getattr(args, role)
        if path:
            argv += [f"--{role}", path]
            face = getattr(args, f"{role}_face")
            if face is not None:
                argv += [f"--{role}-face", str(face)]
    from ..display import missing_display

    problem = missing_display()
    if problem:
        raise FontAssistError(problem)
    from ..app import main as app_main

    return app_main(argv)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gui",
        help="open the desktop app",
        description="Open the desktop app, optionally on a source and target font or a saved project. "
        "Running fontassist without a subcommand does the same on the bundled demo fonts.",
    )
    parser.add_argument("--source", metavar="FONT", help="source font (.ttf, .otf, .ttc, .woff, .woff2)")
    parser.add_argument(
        "--source-face",
        type=int,
        metavar="N",
        help="face index inside a .ttc/.otc collection (asked when not given)",
    )
    parser.add_argument("--target", metavar="FONT", help="target font (.ttf, .otf, .ttc, .woff, .woff2)")
    parser.add_argument(
        "--target-face",
        type=int,
        metavar="N",
        help="face index inside a .ttc/.otc collection (asked when not given)",
    )
    parser.add_argument("--project", metavar="FILE", help="a saved fontassist project (.fontassist.json)")
    parser.set_defaults(handler=_gui)
