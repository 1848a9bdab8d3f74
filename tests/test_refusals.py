"""Every bad value is refused up front in one line (issue 12): hand-written cases and Hypothesis properties.

The properties drive the CLI parsers and ``Project.load`` with generated values
and assert that the only failures are one-line refusals (exit 2) and
FontAssistErrors, never another exception.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fontassist import resources
from fontassist.cli import build_parser, main
from fontassist.errors import FontAssistError

from .train.tiny import tiny_chars, tiny_config


def run_cli(argv) -> int:
    """``main(argv)``'s exit status, whether it returns it or argparse exits with it."""
    try:
        return main(argv)
    except SystemExit as e:
        return e.code


def _one_line_refusal(argv, capsys) -> str:
    code = run_cli(argv)
    out, err = capsys.readouterr()
    assert code == 2, (argv, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


# ------------------------------------------------------------------- command-line values

FONT = str(resources.DEMO_SOURCE)
BAD_VALUES = [
    ["render", FONT, "--chars", "永", "--out", "o", "--size", "0"],
    ["render", FONT, "--chars", "永", "--out", "o", "--size", "-5"],
    ["glyphs", "--font", FONT, "--chars", "永", "--out", "o", "--size", "0"],
    ["render", FONT, "--chars", "永", "--out", "o", "--margin", "-1"],
    ["render", FONT, "--chars", "永", "--out", "o", "--margin", "nan"],
    ["generate", "m.pt", "--source", FONT, "--chars", "永", "--out", "o", "--batch", "0"],
    ["generate", "m.pt", "--source", FONT, "--chars", "永", "--out", "o", "--threads", "-1"],
    ["train", "--source", FONT, "--target", FONT, "--out", "r", "--epochs", "inf"],
    ["train", "--source", FONT, "--target", FONT, "--out", "r", "--lr", "inf"],
    ["train", "--source", FONT, "--target", FONT, "--out", "r", "--validation", "0"],
    ["train", "--source", FONT, "--target", FONT, "--out", "r", "--validation", "nan"],
    ["train", "--source", FONT, "--target", FONT, "--out", "r", "--size", "0"],
    ["train", "--source", FONT, "--target", FONT, "--out", "r", "--chars", ""],
    ["render", FONT, "--chars", " \t", "--out", "o"],
    ["export", "m.pt"],
    ["no-such-command"],
]


@pytest.mark.parametrize("argv", BAD_VALUES, ids=[" ".join(a[:1] + a[-2:]) for a in BAD_VALUES])
def test_bad_values_are_one_line_with_a_pointer_to_help(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = _one_line_refusal(argv, capsys)
    assert line.startswith("fontassist") and "--help" in line
    assert list(tmp_path.iterdir()) == []


def test_train_out_that_is_a_file(tmp_path, capsys):
    out = tmp_path / "file"
    out.write_text("x")
    line = _one_line_refusal(["train", "--source", FONT, "--target", FONT, "--out", str(out)], capsys)
    assert "is a file" in line and out.read_text() == "x"


def test_a_validation_that_leaves_too_few_training_glyphs():
    from fontassist.data import GlyphPairs
    from fontassist.fonts import open_font

    source, target = open_font(resources.DEMO_SOURCE), open_font(resources.DEMO_TARGET)
    chars = list(tiny_chars(40))
    with pytest.raises(FontAssistError, match="training"):
        GlyphPairs.build(source, target, chars, 32, validation=38)


def test_ctrl_c_while_starting_up_is_130_without_a_traceback(monkeypatch, capsys):
    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr("fontassist.cli.build_parser", interrupted)
    assert main(["render"]) == 130
    err = capsys.readouterr().err
    assert err.strip() == "fontassist: interrupted."


def test_no_display_is_one_line_and_exit_2(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("fontassist: no display found") and "QT_QPA_PLATFORM=offscreen" in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_a_device_is_not_a_font(kind, tmp_path, capsys):
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this system")
        path = tmp_path / "font.ttf"
        os.mkfifo(path)
    else:
        path = Path(os.devnull)
        if not path.is_char_device():
            pytest.skip(f"{os.devnull} is not a device here")
    line = _one_line_refusal(["coverage", "--source", str(path), "--target", FONT, "--chars", "永"], capsys)
    assert "not a regular file" in line


@pytest.mark.parametrize(
    ("grid", "says"), [("sheet.xyz", "unknown image type"), ("missing/sheet.png", "does not exist")]
)
def test_a_grid_that_cannot_be_written_is_refused_before_the_work(grid, says, tmp_path, capsys):
    out = tmp_path / "pngs"
    argv = ["render", FONT, "--chars", "永", "--out", str(out), "--grid", str(tmp_path / grid)]
    assert says in _one_line_refusal(argv, capsys)
    assert list(tmp_path.iterdir()) == [], "nothing was rendered"


def _empty_outlines(font) -> None:
    from fontTools.ttLib.tables._g_l_y_f import Glyph

    for name in font.getGlyphOrder():
        font["glyf"][name] = Glyph()


UNUSABLE = {
    "upm 16384": lambda font: setattr(font["head"], "unitsPerEm", 16384),  # ~1000-unit outlines: specks
    "upm 16": lambda font: setattr(font["head"], "unitsPerEm", 16),  # far outside the em: nothing in frame
    "empty outlines": _empty_outlines,
}


@pytest.mark.parametrize("change", list(UNUSABLE))
def test_a_font_that_renders_no_ink_is_refused(tmp_path, change):
    from fontTools.ttLib import TTFont

    from fontassist.data import GlyphPairs
    from fontassist.fonts import open_font

    font = TTFont(resources.DEMO_TARGET)
    UNUSABLE[change](font)
    font.save(tmp_path / "unusable.ttf")
    source, target = open_font(resources.DEMO_SOURCE), open_font(tmp_path / "unusable.ttf")
    with pytest.raises(FontAssistError, match="blank"):
        GlyphPairs.build(source, target, list(tiny_chars(40)), 32, cache=False)


def test_an_export_that_traces_to_nothing_is_an_error(tmp_path):
    from fontassist.fonts import open_font
    from fontassist.pipeline import write_font

    target = open_font(resources.DEMO_TARGET)
    frame = target.frame(32)
    with pytest.raises(FontAssistError, match="traced to nothing"):
        write_font(
            np.zeros((2, 32, 32), np.uint8), ["丟", "乒"], frame, target, tmp_path / "o.ttf", family="F"
        )
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------ checkpoints


@pytest.fixture(scope="module")
def good_payload(tmp_path_factory):
    from fontassist.train import Trainer

    run = tmp_path_factory.mktemp("run")
    events = list(Trainer(tiny_config(steps=1, eval_every=1, preview_every=1), run))
    assert events[-1].reason == "completed", events[-1].message
    return torch.load(run / "last.pt", weights_only=True)


def _broken(payload: dict, change) -> dict:
    import copy

    broken = copy.deepcopy(payload)
    change(broken)
    return broken


CHECKPOINT_DAMAGE = {
    "step text": lambda p: p.update(step="abc"),
    "step None": lambda p: p.update(step=None),
    "data a list": lambda p: p.update(data=[1, 2]),
    "frame without upm": lambda p: p["data"]["target_frame"].pop("upm"),
    "config a string": lambda p: p.update(config="x"),
    "NaN weights": lambda p: next(v for v in p["generator"].values() if v.is_floating_point()).fill_(
        math.nan
    ),
    "inf weights": lambda p: next(v for v in p["generator"].values() if v.is_floating_point()).fill_(
        math.inf
    ),
}


@pytest.mark.parametrize("damage", list(CHECKPOINT_DAMAGE))
def test_malformed_checkpoints_are_refused_in_one_line(good_payload, damage, tmp_path, capsys):
    path = tmp_path / "bad.pt"
    torch.save(_broken(good_payload, CHECKPOINT_DAMAGE[damage]), path)
    line = _one_line_refusal(["pack-model", str(path), str(tmp_path / "out.pt")], capsys)
    assert str(path) in line
    assert not (tmp_path / "out.pt").exists()


# -------------------------------------------------------------------- the run folder


def test_a_second_run_into_a_locked_folder_names_the_holder(tmp_path):
    from fontassist.safeio import FolderLock
    from fontassist.train import Trainer

    run = tmp_path / "run"
    run.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from fontassist.safeio import FolderLock; "
         f"lock = FolderLock({str(run)!r}).acquire(); print('locked', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()},
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        events = list(Trainer(tiny_config(steps=1), run))
        assert events[-1].reason == "error"
        assert f"process {holder.pid}" in events[-1].message
        assert sorted(p.name for p in run.iterdir()) == [FolderLock.NAME]
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    # The lock went with the process: a run starts now.
    assert FolderLock(run).acquire() is not None


def test_leftover_temporary_files_are_removed_when_the_run_starts(tmp_path):
    from fontassist.train import Trainer

    run = tmp_path / "run"
    run.mkdir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    pid = int(dead.stdout)
    leftovers = [run / f".step-000004.pt.{pid}.tmp", run / f".last.pt.{pid}.abc123.fa-tmp"]
    for path in leftovers:
        path.write_bytes(b"\0" * 100)
    events = list(Trainer(tiny_config(steps=1, eval_every=1, preview_every=1), run, resume=True))
    assert events[-1].reason == "completed", events[-1].message
    assert not any(p.exists() for p in leftovers)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_sigterm_stops_training_like_ctrl_c(tmp_path):
    chars = tmp_path / "chars.txt"
    chars.write_text(tiny_chars(), encoding="utf-8")
    run = tmp_path / "run"
    argv = [sys.executable, "-m", "fontassist", "train", "--source", str(resources.DEMO_SOURCE), "--target",
            str(resources.DEMO_TARGET), "--chars-file", str(chars), "--out", str(run), "--size", "32",
            "--base-channels", "4", "--max-channels", "8", "--batch", "2", "--steps", "100000",
            "--threads", "1", "--device", "cpu"]  # fmt: skip
    process = subprocess.Popen(
        argv, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()}
    )
    try:
        for line in process.stderr:
            if line.startswith("step "):
                break
        process.send_signal(signal.SIGTERM)
        rest = process.stderr.read()
        assert process.wait(timeout=120) == 130, rest
    finally:
        if process.poll() is None:
            process.kill()
    assert "Traceback" not in rest
    assert (run / "last.pt").is_file()


# ------------------------------------------------------------------------- projects

VALID_PROJECT = {
    "format": 1,
    "source": {"path": "a.ttf", "face": 0},
    "target": {"path": "b.ttf", "face": 0},
    "chars": {"mode": "charset", "charset": "tw-edu-4808", "text": "", "file": None, "learn_from": "auto"},
    "train": {"size": 64, "model": {"norm": "instance"}},
    "run_dir": "runs/zen",
    "review": {"checkpoint": "runs/zen/last.pt", "accepted": "永", "regenerated": {}, "ab": {}, "view": {}},
    "export": {"family": "F", "style": "Regular", "mode": "merge", "speck_area": 4.0, "tolerance": 0.25},
}
BAD_PROJECTS = {
    "face 1e400": '{"source": {"path": "a.ttf", "face": 1e400}}',
    "chars a list": '{"chars": ["x"]}',
    "run_dir a number": '{"run_dir": 5}',
    "deep JSON": "[" * 100_000 + "]" * 100_000,
    "export tolerance text": '{"export": {"tolerance": "x"}}',
    "export a list": '{"export": [1]}',
    "review checkpoint a number": '{"review": {"checkpoint": 5}}',
    "review regenerated a list": '{"review": {"regenerated": [1]}}',
    "train model a number": '{"train": {"model": 3}}',
}


@pytest.mark.parametrize("name", list(BAD_PROJECTS))
def test_bad_project_fields_are_refused_at_load(name, tmp_path):
    from fontassist.app.common.project import Project

    path = tmp_path / "p.fontassist.json"
    path.write_text(BAD_PROJECTS[name], encoding="utf-8")
    with pytest.raises(FontAssistError):
        Project.load(path)


def test_paths_outside_project_resources_and_home_are_warned(tmp_path, monkeypatch):
    from fontassist.app.common.project import Project

    home = tmp_path / "home"
    (home / "proj").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    data = dict(VALID_PROJECT, run_dir="/etc/elsewhere")
    path = home / "proj" / "p.fontassist.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    project = Project.load(path)
    assert len(project.warnings) == 1 and "/etc/elsewhere" in project.warnings[0]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=12,
)


def _replace(data, keys, value):
    import copy

    data = copy.deepcopy(data)
    node = data
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value
    return data


FIELD_PATHS = [
    (top,) if not isinstance(VALID_PROJECT[top], dict) else (top, key)
    for top in VALID_PROJECT
    for key in (VALID_PROJECT[top] if isinstance(VALID_PROJECT[top], dict) else [None])
] + [(top,) for top in VALID_PROJECT]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(FIELD_PATHS), value=json_values)
def test_project_load_only_ever_raises_fontassist_errors(tmp_path, where, value):
    from fontassist.app.common.project import Project

    path = tmp_path / "p.fontassist.json"
    path.write_text(json.dumps(_replace(VALID_PROJECT, list(where), value)), encoding="utf-8")
    try:
        project = Project.load(path)
    except FontAssistError:
        return
    project.to_dict(tmp_path)  # what loads also saves


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=json_values)
def test_project_load_of_any_json(tmp_path, document):
    from fontassist.app.common.project import Project

    path = tmp_path / "p.fontassist.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    try:
        Project.load(path)
    except FontAssistError:
        pass


def _options(command: str) -> list[str]:
    sub = next(a for a in PARSER._subparsers._group_actions if a.dest == "command").choices[command]
    return [s for a in sub._actions for s in a.option_strings if s.startswith("--") and s != "--help"]


PARSER = build_parser()
COMMANDS = sorted(PARSER._subparsers._group_actions[0].choices)
arg_text = st.one_of(
    st.sampled_from(
        ["0", "-1", "-5", "nan", "inf", "-inf", "1e400", "", " ", "0.5", "abc", "3", "1,2", "永"]
    ),
    st.text(max_size=6),
)


@settings(max_examples=200, deadline=None)
@given(
    command=st.sampled_from(COMMANDS),
    data=st.data(),
)
def test_the_parsers_only_refuse_in_one_line(command, data):
    options = _options(command)
    argv = [command]
    for _ in range(data.draw(st.integers(0, 4)) if options else 0):
        argv.append(data.draw(st.sampled_from(options)))
        argv.append(data.draw(arg_text))
    argv += data.draw(st.lists(arg_text, max_size=2))
    import contextlib
    import io

    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            PARSER.parse_args(argv)
    except SystemExit as e:
        assert e.code in (0, 2)
        if e.code == 2:
            lines = err.getvalue().strip().splitlines()
            assert len(lines) == 1 and "--help" in lines[0], err.getvalue()


FAST_COMMANDS = {
    "coverage": ["coverage", "--source", FONT, "--target", str(resources.DEMO_TARGET)],
    "render": ["render", FONT],
    "faces": ["faces"],
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(sorted(FAST_COMMANDS)), data=st.data())
def test_fast_commands_with_generated_values_fail_only_as_fontassist_errors(tmp_path, command, data):
    """Run (not just parse) the torch-free commands: exit 0, or exit 2 with one line."""
    argv = list(FAST_COMMANDS[command])
    values = {
        "--chars": st.text(min_size=0, max_size=4),
        "--size": st.sampled_from(["8", "16", "0", "-1", "x"]),
        "--margin": st.sampled_from(["0", "0.1", "0.49", "0.5", "-0.1", "nan"]),
        "--source-face": st.sampled_from(["0", "1", "-1", "99"]),
        "--font-face": st.sampled_from(["0", "1", "-1", "99"]),
        "--chars-file": st.sampled_from([str(tmp_path), str(tmp_path / "none.txt")]),
        "--grid": st.sampled_from(["g.png", "g.gif", "nodir/g.png", FONT]),
        "--out": st.sampled_from(["out", FONT, ""]),
    }
    if command == "faces":
        argv.append(data.draw(st.sampled_from([FONT, str(tmp_path), str(tmp_path / "none.ttf"), "", "-"])))
    else:
        allowed = [k for k in values if k in _options(command)]
        for key in data.draw(st.lists(st.sampled_from(allowed), max_size=3, unique=True)):
            argv += [key, data.draw(values[key])]
        if command == "render":  # a few characters at a small size: the whole default set takes long
            for key, default in (("--out", "out"), ("--size", "16"), ("--chars", "永")):
                if key not in argv and (key != "--chars" or "--chars-file" not in argv):
                    argv += [key, default]
    before = Path(FONT).stat().st_mtime_ns
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        import contextlib
        import io

        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                code = main(argv)
            except SystemExit as e:
                code = e.code
    finally:
        os.chdir(cwd)
        shutil.rmtree(tmp_path / "out", ignore_errors=True)
    assert code in (0, 2), (argv, err.getvalue())
    if code == 2:
        assert len(err.getvalue().strip().splitlines()) == 1, err.getvalue()
    assert Path(FONT).stat().st_mtime_ns == before
