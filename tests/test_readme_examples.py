"""Every ``fontassist`` command in README.md's bash blocks parses with the real command line.

A renamed or removed option, a subcommand that no longer exists or an example that
only worked through argparse's prefix matching (``--val`` for ``--validation``) fails
here. Nothing is run: each example is only parsed, so this stays fast.
"""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from fontassist.cli import build_parser

README = Path(__file__).resolve().parent.parent / "README.md"
SEPARATORS = {"&&", "||", ";", "|"}


def _bash_blocks(text: str) -> list[tuple[int, str]]:
    """(first line number, body) of each ```bash block."""
    blocks = []
    for match in re.finditer(r"^```bash\n(.*?)^```", text, re.S | re.M):
        blocks.append((text.count("\n", 0, match.start()) + 2, match.group(1)))
    return blocks


def _commands(text: str) -> list[tuple[int, list[str]]]:
    """(README line, argv after ``fontassist``) of every fontassist command, ``-m fontassist`` included."""
    found = []
    for first, body in _bash_blocks(text):
        lines = body.split("\n")
        number = 0
        while number < len(lines):
            start, line = number, lines[number]
            while line.endswith("\\") and number + 1 < len(lines):  # a continued command
                number += 1
                line = line[:-1] + " " + lines[number]
            number += 1
            words = shlex.split(line, comments=True)
            segment: list[str] = []
            for word in [*words, ";"]:
                if word not in SEPARATORS:
                    segment.append(word)
                    continue
                if segment and segment[0] == "fontassist":
                    found.append((first + start, segment[1:]))
                elif "-m" in segment[:-1] and segment[segment.index("-m") + 1] == "fontassist":
                    found.append((first + start, segment[segment.index("-m") + 2 :]))
                segment = []
    return found


EXAMPLES = _commands(README.read_text(encoding="utf-8"))


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[name]
    raise AssertionError("fontassist has no subcommands")


def test_the_readme_has_examples():
    assert len(EXAMPLES) >= 20, EXAMPLES
    assert {argv[0] for _, argv in EXAMPLES} >= {"demo", "train", "export", "import-edits", "glyphs"}


@pytest.mark.parametrize(("line", "argv"), EXAMPLES, ids=[f"README:{n}" for n, _ in EXAMPLES])
def test_a_readme_example_parses_with_options_that_exist(line, argv, capsys):
    parser = build_parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit:
        pytest.fail(
            f"README.md line {line}: fontassist {shlex.join(argv)}: {capsys.readouterr().err.strip()}"
        )
    assert getattr(options, "handler", None) is not None, f"README.md line {line}: no command"
    # argparse accepts any unambiguous prefix of an option: the README must spell each one in full.
    known = {s for action in _subparser(parser, argv[0])._actions for s in action.option_strings}
    spelled = {word.split("=", 1)[0] for word in argv[1:] if word.startswith("--")}
    assert spelled <= known, f"README.md line {line}: {sorted(spelled - known)} are not options of {argv[0]}"


def test_readme_examples_use_bundled_fonts_or_files_they_make():
    """Examples run as written: fonts are demo:NAME, except where the README says a name is a stand-in."""
    stand_ins = {"S.ttf", "T.ttf", "/shared/S.ttf", "/shared/T.ttf"}  # the multi-GPU section's own names
    for line, argv in EXAMPLES:
        for option in ("--source", "--target", "--font"):
            if option in argv:
                font = argv[argv.index(option) + 1]
                assert font.startswith("demo:") or font in stand_ins, (
                    f"README.md line {line}: {option} {font}"
                )
