"""The standalone build: its self-test when a build exists (python build_app.py), and the files that go with it."""

from __future__ import annotations

import configparser
import os
import stat
import sys
from pathlib import Path

import pytest

import build_app
from fontassist import resources

REPO = Path(__file__).resolve().parents[1]
DESKTOP_ENTRY = REPO / "packaging" / "linux" / "fontassist.desktop"


@pytest.mark.slow
def test_built_app_passes_its_self_test(tmp_path):
    executable = build_app.built_executable("cpu")
    if not executable.is_file():
        pytest.skip(f"no build at {executable}; run python build_app.py")
    code, output, _seconds = build_app.run_self_test(executable, build_app.isolated_environment(tmp_path))
    assert code == 0, output
    assert output.count("\n") == 0 and "self-test passed" in output


def test_cpu_build_refuses_a_cuda_torch_and_the_cuda_build_needs_one():
    build_app.check_torch("cpu", None)
    build_app.check_torch("cuda", "12.8")
    with pytest.raises(build_app.BuildError, match="--variant cuda"):
        build_app.check_torch("cpu", "12.8")
    with pytest.raises(build_app.BuildError, match="CPU-only"):
        build_app.check_torch("cuda", None)


def test_build_output_paths():
    assert build_app.app_folder("cpu").name in ("fontassist", "fontassist.app")
    assert build_app.app_folder("cuda").name.startswith("fontassist-cuda")
    assert build_app.built_executable("cpu").stem == "fontassist"


def test_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP_ENTRY, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "fontassist" and section["Icon"] == "fontassist"
    assert section["Name"] and section["Comment"] and section["Comment[zh_TW]"]
    assert section["Categories"].endswith(";") and section["Keywords"].endswith(";")
    installer = DESKTOP_ENTRY.parent / "install-desktop-entry.sh"
    assert installer.stat().st_mode & stat.S_IXUSR


@pytest.mark.skipif(sys.platform == "win32", reason="the desktop entry installer is a Linux shell script")
def test_desktop_entry_installer_points_at_the_app_folder(tmp_path):
    import subprocess

    app = tmp_path / "app"
    icons = app / "_internal" / "fontassist" / "resources" / "icons"
    icons.mkdir(parents=True)
    for path in resources.ICONS.glob("fontassist*"):
        (icons / path.name).write_bytes(path.read_bytes())
    executable = app / "fontassist"
    executable.write_text("#!/bin/sh\n")
    executable.chmod(0o755)
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    script = DESKTOP_ENTRY.parent / "install-desktop-entry.sh"
    subprocess.run(["sh", str(script), str(app)], check=True, env=env, capture_output=True)
    installed = (tmp_path / "data" / "applications" / "fontassist.desktop").read_text(encoding="utf-8")
    assert f'Exec="{app}/fontassist"' in installed and f"TryExec={app}/fontassist" in installed
    assert (tmp_path / "data" / "icons" / "hicolor" / "256x256" / "apps" / "fontassist.png").is_file()
    subprocess.run(["sh", str(script), "--uninstall"], check=True, env=env, capture_output=True)
    assert not (tmp_path / "data" / "applications" / "fontassist.desktop").exists()


def test_app_icon_in_every_size():
    from PIL import Image

    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(resources.ICONS / f"fontassist-{size}.png") as image:
            assert image.size == (size, size) and image.mode == "RGBA"
    with Image.open(REPO / "packaging" / "fontassist.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    with Image.open(REPO / "packaging" / "fontassist.icns") as icns:
        assert icns.size == (1024, 1024)
