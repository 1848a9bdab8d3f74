"""The ``fontassist`` command line: one argparse front end over the core.

Each group of subcommands lives in its own module with ``register(subparsers)``;
a subcommand's handler takes the parsed ``args`` and returns an exit code.
Errors a user can fix (:class:`~fontassist.errors.FontAssistError`) print as one
clear line without a traceback; with no subcommand the desktop app opens.
"""

from __future__ import annotations

import argparse
import logging
import sys

from .. import __version__
from ..errors import FontAssistError

# Modules that add subcommands, in help order. Imported lazily by name so that
# `fontassist coverage` never pays for importing torch.
COMMAND_MODULES = ("fonts_commands", "train_commands", "export_commands", "ufo_commands", "app_commands")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fontassist",
        description="Learn a target font's style from a source font and generate the characters it lacks. "
        "Run without a subcommand to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"fontassist {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end (window offscreen, demo model, a TTF written and "
        "validated in a temporary folder) and print one line; exit status 0 when it works",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    import importlib

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"{__name__}.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def main(args=None) -> int:
    parser = build_parser()
    options = parser.parse_args(args)
    options.raw_argv = list(
        sys.argv[1:] if args is None else args
    )  # what torchrun's workers are started with
    level = logging.WARNING - 10 * min(options.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if options.self_test:
        from ..app.selftest import WindowCheck
        from ..installcheck import main as self_test

        return self_test(window_check=WindowCheck, verbose=options.verbose)
    handler = getattr(options, "handler", None)
    if handler is None:
        from ..app import open_app

        return open_app()
    try:
        return int(handler(options) or 0)
    except FontAssistError as e:
        print(f"fontassist: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("fontassist: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
