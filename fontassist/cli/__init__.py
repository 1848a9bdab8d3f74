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


class Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line plus where to look, not a page of usage."""

    def error(self, message: str):
        self.exit(2, f"fontassist: error: {one_line(message)} (see {self.prog} --help)\n")


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters (from a file name, say) shown escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))


# Arguments that name a command's inputs: no output may be one of them (see fontassist.safeio).
INPUT_ROLES = {
    "source": "source font",
    "target": "target font",
    "font": "font",
    "checkpoint": "checkpoint",
    "run": "run",
    "run_a": "run A",
    "run_b": "run B",
    "chars_file": "characters file",
    "project": "project",
}


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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


# The bundled demo fonts by name, so every example runs as written: --source demo:noto --target demo:zen.
BUNDLED_FONT_NAMES = {
    "demo:noto": "DEMO_SOURCE",
    "demo:source": "DEMO_SOURCE",
    "demo:zen": "DEMO_TARGET",
    "demo:target": "DEMO_TARGET",
}


def resolve_bundled_fonts(options) -> None:
    """Replace ``demo:NAME`` font arguments with the bundled file's path."""
    from .. import resources

    for dest in ("source", "target", "font"):
        value = getattr(options, dest, None)
        if isinstance(value, str) and value.lower().startswith("demo:"):
            if value.lower() not in BUNDLED_FONT_NAMES:
                raise FontAssistError(
                    f"There is no bundled font {value!r}.",
                    hint=f"Bundled fonts: {', '.join(BUNDLED_FONT_NAMES)}.",
                )
            setattr(options, dest, str(getattr(resources, BUNDLED_FONT_NAMES[value.lower()])))


def command_inputs(options) -> list[tuple[str, str]]:
    """The (role, path) pairs of a parsed command's inputs."""
    return [
        (role, getattr(options, dest))
        for dest, role in INPUT_ROLES.items()
        if isinstance(getattr(options, dest, None), str) and getattr(options, dest)
    ]


def check_outputs(options) -> None:
    """Refuse, before any work, an output that is an input or cannot be written (kinds: see declare_outputs)."""
    from ..safeio import check_not_input, check_output_file, check_output_folder

    for dest, kind in getattr(options, "outputs", {}).items():
        path = getattr(options, dest, None)
        if not path:
            continue
        if kind == "folder":
            check_output_folder(path)
        elif kind == "any":  # a file or a folder (a .ufo): the command checks the rest
            check_not_input(path)
        else:
            check_output_file(path, picture=kind == "picture")


def main(args=None) -> int:
    try:
        return _main(args)
    except KeyboardInterrupt:  # Ctrl-C while starting up (importing torch, parsing, opening fonts)
        print("fontassist: interrupted.", file=sys.stderr)
        return 130


def _main(args) -> int:
    parser = build_parser()
    try:
        options = parser.parse_args(args)
    except SystemExit as e:  # --help, --version, or a usage error already printed in one line
        return e.code if isinstance(e.code, int) else 2
    options.raw_argv = list(
        sys.argv[1:] if args is None else args
    )  # what torchrun's workers are started with
    level = logging.WARNING - 10 * min(options.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if options.self_test:
        from ..app.common.windowcheck import WindowCheck
        from ..installcheck import main as self_test

        return self_test(window_check=WindowCheck, verbose=options.verbose)
    handler = getattr(options, "handler", None)
    if handler is None:
        from ..app import open_app

        return open_app()
    from ..safeio import protect_inputs

    try:
        resolve_bundled_fonts(options)
        with protect_inputs(command_inputs(options)):
            check_outputs(options)
            return int(handler(options) or 0)
    except FontAssistError as e:
        print(f"fontassist: error: {one_line(e)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("fontassist: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
