"""The promise of issue 12, tested: no input is ever overwritten, no error is a traceback, no partial file is left.

Every command that writes runs (a) with each of its outputs pointed at each of its
inputs, and (b) into a full and into a read-only folder. Each time it must exit
with 2, print one ``fontassist: error:`` line and no traceback, leave every input
byte-identical and leave no file behind.

The full and read-only folders are real tmpfs mounts when the tests run as root
with mount rights (a tmpfs of 256 KiB filled to the brim; a tmpfs remounted
read-only). Elsewhere they are simulated: the final flush of every file written
into the folder fails with ENOSPC (where a full disk shows for buffered writes), and
``os.access`` denies writing there and creating a temporary file fails with EROFS. ``MOUNTS`` says which one ran.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from fontassist import resources
from fontassist.cli import main
from fontassist.train import Trainer

from .train.tiny import tiny_config

GENERATE = "丟乒"  # characters the demo target lacks and the demo source has


# ------------------------------------------------------------------ the workspace


@pytest.fixture(scope="module")
def space(tmp_path_factory):
    """Inputs of every kind: two fonts, a chars file, a finished tiny run and a packed checkpoint."""
    root = tmp_path_factory.mktemp("inputs")
    source = shutil.copy(resources.DEMO_SOURCE, root / "Noto.ttf")
    target = shutil.copy(resources.DEMO_TARGET, root / "Zen.ttf")
    chars = root / "chars.txt"
    chars.write_text(GENERATE, encoding="utf-8")
    run = root / "run"
    events = list(Trainer(tiny_config(source, target, steps=2, eval_every=2, preview_every=2), run))
    assert events[-1].reason == "completed", events[-1].message
    packed = root / "packed.pt"
    assert main(["pack-model", str(run), str(packed)]) == 0
    # An exported UFO, as the designer's editor would leave it: import-edits reads it (and the fonts and run it records).
    ufo = root / "edited.ufo"
    fonts = ["--source", str(source), "--target", str(target), "--chars", GENERATE[0]]
    # A new-font UFO: a few glyphs, not the target's 7,864 (every case reads and hashes it).
    new_font = ["--mode", "new", "--family", "Edited Test"]
    assert main(["export", str(run), *fonts, "--format", "ufo", *new_font, "--out", str(ufo)]) == 0
    return {
        "source": Path(source),
        "target": Path(target),
        "chars": chars,
        "run": run,
        "last": run / "last.pt",
        "config": run / "config.json",
        "packed": packed,
        "ufo": ufo,
        "plist": ufo / "metainfo.plist",
        "root": root,
    }


def _digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


def _refused(argv: list[str], capsys) -> str:
    """Run the CLI; assert exit 2 with one error line and no traceback; return that line."""
    code = main(argv)
    out, err = capsys.readouterr()
    errors = [line for line in err.splitlines() if line.startswith("fontassist")]
    assert code == 2, (argv, out, err)
    assert len(errors) == 1, err
    assert "Traceback" not in out + err
    return errors[0]


# --------------------------------------------------------------- outputs = inputs


def _fonts_and_chars(s) -> list[str]:
    return ["--source", str(s["source"]), "--target", str(s["target"]), "--chars-file", str(s["chars"])]


# Each writing command, as a function of (inputs, output path) -> argv.
COMMANDS = {
    "render --out": lambda s, o: ["render", str(s["source"]), "--chars", "永", "--out", o],
    "render --grid": lambda s, o: (
        ["render", str(s["source"]), "--chars-file", str(s["chars"]), "--grid", o]
        + ["--out", str(s["root"].parent / "render-out")]
    ),
    "glyphs --out": lambda s, o: ["glyphs", "--font", str(s["source"]), "--chars", "永", "--out", o],
    "generate --out": lambda s, o: ["generate", str(s["run"]), *_fonts_and_chars(s), "--out", o],
    "generate --grid": lambda s, o: (
        ["generate", str(s["packed"]), "--source", str(s["source"]), "--grid", o]
        + ["--chars", GENERATE, "--out", str(s["root"].parent / "gen-out")]
    ),
    "export --out": lambda s, o: [
        "export",
        str(s["run"]),
        *_fonts_and_chars(s),
        "--family",
        "T T",
        "--out",
        o,
    ],
    "export --format ufo": lambda s, o: (
        ["export", str(s["run"]), *_fonts_and_chars(s)] + ["--format", "ufo", "--out", o]
    ),
    "evaluate --grid": lambda s, o: ["evaluate", str(s["run"]), "--grid", o],
    "compare --grid": lambda s, o: ["compare", str(s["run"]), str(s["packed"]), "--grid", o],
    "pack-model": lambda s, o: ["pack-model", str(s["run"]), o],
    "train --out": lambda s, o: ["train", *_fonts_and_chars(s), "--out", o],
    "glyphs --format png": lambda s, o: (
        ["glyphs", "--font", str(s["source"]), "--chars", "永", "--format", "png", "--out", o]
    ),
    "glyphs --format ttf": lambda s, o: (
        ["glyphs", "--font", str(s["source"]), "--chars", "永", "--format", "ttf", "--out", o]
    ),
    "export UFO --out": lambda s, o: ["export", str(s["ufo"]), "--out", o],
    "import-edits --project": lambda s, o: ["import-edits", str(s["ufo"]), "--project", o],
}
INPUTS_OF = {
    "render --out": ["source"],
    "render --grid": ["source", "chars"],
    "glyphs --out": ["source"],
    "generate --out": ["source", "target", "chars", "run", "last"],
    "generate --grid": ["source", "packed"],
    "export --out": ["source", "target", "chars", "run", "last", "config"],
    "export --format ufo": ["source", "target", "chars", "run", "last", "config"],
    "evaluate --grid": ["run", "last", "config"],
    "compare --grid": ["run", "last", "packed"],
    "pack-model": ["run", "last", "config"],
    "train --out": ["source", "target", "chars"],
    "glyphs --format png": ["source"],
    "glyphs --format ttf": ["source"],
    "export UFO --out": ["ufo", "plist"],
    # The UFO and everything it records (the fonts, the run it was exported from) are inputs.
    "import-edits --project": ["ufo", "plist", "source", "target", "run", "last", "config"],
}
CASES = [(name, role) for name, roles in INPUTS_OF.items() for role in roles]


@pytest.mark.parametrize(("command", "role"), CASES, ids=[f"{c}={r}" for c, r in CASES])
def test_an_output_that_is_an_input_is_refused(space, command, role, capsys):
    before = _digest(space["root"])
    line = _refused(COMMANDS[command](space, str(space[role])), capsys)
    assert "never overwrites its inputs" in line
    assert _digest(space["root"]) == before


@pytest.mark.parametrize("how", ["symlink", "hardlink", "spelled"])
def test_links_to_an_input_are_the_input(space, tmp_path, how, capsys):
    out = tmp_path / "same.pt"
    if how == "symlink":
        out.symlink_to(space["packed"])
    elif how == "hardlink":
        os.link(space["packed"], out)
    else:
        out = space["packed"].parent / ".." / space["packed"].parent.name / space["packed"].name
    before = _digest(space["root"])
    _refused(["pack-model", str(space["packed"]), str(out)], capsys)
    assert _digest(space["root"]) == before


def test_glyphs_ttf_named_like_its_input_font_is_refused(space, capsys):
    before = _digest(space["root"])
    argv = ["glyphs", "--font", str(space["source"]), "--chars", "永", "--format", "ttf", "--family", "Noto"]
    _refused(argv + ["--out", str(space["root"])], capsys)
    assert _digest(space["root"]) == before


def test_derived_names_stay_in_the_output_folder(space, tmp_path, capsys):
    out = tmp_path / "a" / "b"
    argv = ["glyphs", "--font", str(space["source"]), "--chars", "永", "--format", "ttf"]
    assert main(argv + ["--family", "../../escaped", "--out", str(out)]) == 0
    assert _files(tmp_path) == {"a/b/escaped.ttf"}


def test_import_edits_updates_its_own_project(space, tmp_path, capsys):
    """The project is import-edits' output and, from the second import on, read too: that is no refusal."""
    project = tmp_path / "p.fontassist.json"
    argv = ["import-edits", str(space["ufo"]), "--project", str(project)]
    assert main(argv) == 0
    assert main(argv) == 0, capsys.readouterr().err
    assert "nothing changed since the last import" in capsys.readouterr().out


# The demo's inputs are the bundled model and fonts.
BUNDLED = ("DEMO_MODEL", "DEMO_SOURCE", "DEMO_TARGET")


def _bundled_digest() -> dict[str, str]:
    return {name: hashlib.sha256(Path(getattr(resources, name)).read_bytes()).hexdigest() for name in BUNDLED}


@pytest.mark.parametrize("bundled", BUNDLED)
def test_demo_never_writes_over_its_bundled_files(tmp_path, bundled, capsys):
    before = _bundled_digest()
    _refused(["demo", "--out", str(tmp_path), "--grid", str(getattr(resources, bundled))], capsys)
    assert _bundled_digest() == before


def test_project_save_never_writes_over_its_fonts(space):
    from fontassist.app.common.project import FontChoice, Project
    from fontassist.errors import FontAssistError

    project = Project(source=FontChoice(space["source"]), target=FontChoice(space["target"]))
    before = _digest(space["root"])
    with pytest.raises(FontAssistError, match="never overwrites"):
        project.save(space["target"])
    assert _digest(space["root"]) == before


# --------------------------------------------------- a full and a read-only folder

MOUNTS: dict[str, str] = {}


def _mount(folder: Path, options: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _inside(fd_or_path, folder: Path) -> bool:
    try:
        path = os.readlink(f"/proc/self/fd/{fd_or_path}") if isinstance(fd_or_path, int) else str(fd_or_path)
    except OSError:
        return False
    return os.path.abspath(path).startswith(str(folder))


@pytest.fixture
def full_folder(tmp_path, monkeypatch):
    folder = tmp_path / "full"
    folder.mkdir()
    if _mount(folder, "size=256k,mode=0777"):
        MOUNTS["full"] = "tmpfs"
        try:
            with open(folder / "filler", "wb") as f:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
        except OSError:
            pass
        yield folder
        _umount(folder)
        return
    MOUNTS["full"] = "simulated (the final flush of every file written there fails with ENOSPC)"
    import fontassist.safeio

    real_flush = fontassist.safeio._flush

    def flush(f, durable):
        if _inside(f.name, folder):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_flush(f, durable)

    monkeypatch.setattr(fontassist.safeio, "_flush", flush)
    yield folder


@pytest.fixture
def read_only_folder(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    if (
        _mount(folder, "size=1m")
        and subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True).returncode == 0
    ):
        MOUNTS["read-only"] = "tmpfs remounted read-only"
        yield folder
        _umount(folder)
        return
    MOUNTS["read-only"] = "simulated (os.access says no, temporary files fail with EROFS)"
    import tempfile

    real_mkstemp, real_access = tempfile.mkstemp, os.access

    def mkstemp(*args, dir=None, **kwargs):
        if dir is not None and _inside(dir, folder):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_mkstemp(*args, dir=dir, **kwargs)

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and _inside(path, folder):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "access", access)
    yield folder


# Output paths inside the folder under test (a file name for file outputs, a sub-folder for folder outputs).
INTO = {
    "render --out": "pngs",
    "render --grid": "sheet.png",
    "glyphs --out": "svgs",
    "generate --out": "gen",
    "generate --grid": "sheet.png",
    "export --out": "new.ttf",
    "export --format ufo": "new.ufo",
    "evaluate --grid": "eval.png",
    "compare --grid": "ab.png",
    "pack-model": "small.pt",
    "train --out": "run",
    "glyphs --format png": "pngs",
    "glyphs --format ttf": "ttf",
    "export UFO --out": "compiled.ttf",
    "import-edits --project": "p.fontassist.json",
}


def _into(space, command: str, folder: Path) -> list[str]:
    argv = COMMANDS[command](space, str(folder / INTO[command]))
    if command == "glyphs --out":
        argv += ["--format", "svg"]
    if command == "train --out":
        argv = [a if a != str(space["chars"]) else str(_train_chars(space)) for a in argv]
        argv += [
            "--size",
            "32",
            "--steps",
            "1",
            "--batch",
            "2",
            "--base-channels",
            "4",
            "--max-channels",
            "8",
        ]
    return argv


def _train_chars(space) -> Path:
    from .train.tiny import tiny_chars

    path = space["root"].parent / "train-chars.txt"
    path.write_text(tiny_chars(), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", list(INTO))
def test_a_full_disk_is_one_line_and_leaves_nothing(space, full_folder, command, capsys):
    if command == "export --format ufo" and MOUNTS["full"] != "tmpfs":
        pytest.skip("ufoLib2 writes the UFO's files itself, past the simulated full disk (a tmpfs fills)")
    before, files = _digest(space["root"]), _files(full_folder)
    line = _refused(_into(space, command, full_folder), capsys)
    assert "disk is full" in line or "data could not be written" in line, line
    assert _files(full_folder) == files, MOUNTS
    assert _digest(space["root"]) == before


@pytest.mark.parametrize("command", list(INTO))
def test_a_read_only_folder_is_one_line_and_leaves_nothing(space, read_only_folder, command, capsys):
    before = _digest(space["root"])
    _refused(_into(space, command, read_only_folder), capsys)
    assert _files(read_only_folder) == set(), MOUNTS
    assert _digest(space["root"]) == before


FOLDERS = {"full": "full_folder", "read-only": "read_only_folder"}


@pytest.mark.parametrize("kind", list(FOLDERS))
def test_demo_into_a_full_or_read_only_folder_is_one_line_and_leaves_nothing(
    kind, request, monkeypatch, capsys
):
    import fontassist.fonts

    # Four characters instead of 647 (about 40 s here): the same generation and the same writes, sooner.
    missing = fontassist.fonts.missing_from_target
    monkeypatch.setattr(fontassist.fonts, "missing_from_target", lambda *a, **k: missing(*a, **k)[:4])
    folder = request.getfixturevalue(FOLDERS[kind])
    before, files = _bundled_digest(), _files(folder)
    line = _refused(["demo", "--out", str(folder / "demo")], capsys)
    if kind == "full":
        assert "disk is full" in line or "data could not be written" in line, line
    assert _files(folder) == files, MOUNTS
    assert _bundled_digest() == before


@pytest.mark.parametrize("kind", list(FOLDERS))
def test_project_save_into_a_full_or_read_only_folder_is_one_line_and_leaves_nothing(space, kind, request):
    """Project save has no exit code (the app shows the error); its message is the CLI's one line."""
    from fontassist.app.common.project import FontChoice, Project
    from fontassist.errors import FontAssistError

    folder = request.getfixturevalue(FOLDERS[kind])
    project = Project(source=FontChoice(space["source"]), target=FontChoice(space["target"]))
    before, files = _digest(space["root"]), _files(folder)
    with pytest.raises(FontAssistError, match="disk is full" if kind == "full" else None) as refused:
        project.save(folder / "p.fontassist.json")
    assert len(str(refused.value).splitlines()) == 1, str(refused.value)
    assert project.path is None
    assert _files(folder) == files, MOUNTS
    assert _digest(space["root"]) == before
