"""``fontassist gui``: open the desktop app on chosen fonts or a project (Qt is imported only when it runs)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..app import add_start_arguments
from ..errors import FontAssistError


def _gui(args) -> int:
    for flag in ("source", "target", "project"):
        path = getattr(args, flag)
        if path is not None and not Path(path).is_file():
            raise FontAssistError("file not found.", path=path, hint=f"Check the --{flag} path.")
    import fontassist.app

    return fontassist.app.open_app(
        source=args.source,
        target=args.target,
        project=args.project,
        source_face=args.source_face,
        target_face=args.target_face,
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gui",
        help="open the desktop app",
        description="Open the desktop app, optionally on a source and target font or a saved project. "
        "Running fontassist without a subcommand does the same on the bundled demo fonts.",
    )
    add_start_arguments(parser)
    parser.set_defaults(handler=_gui)
