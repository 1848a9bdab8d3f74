"""The top-level resources/ folder is the package ``fontassist.resources`` in a wheel, an editable
install and the PyInstaller bundle (setup.py's ``package_dir``; build_app.py and a hook for the bundle)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import build_app

REPO = Path(__file__).resolve().parents[1]
RESOURCES = REPO / "resources"
# What the frozen app reads; the .ts translation sources and the package's own module are not data.
NOT_DATA = (".py", ".pyc", ".ts")


def resource_files(root: Path = RESOURCES) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def project_copy(tmp_path: Path) -> Path:
    """What a build reads, copied so that building leaves nothing (egg-info, build/) in the checkout."""
    copy = tmp_path / "project"
    copy.mkdir()
    for path in REPO.iterdir():
        if path.is_file():
            shutil.copy2(path, copy / path.name)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "fontassist", copy / "fontassist", ignore=skip)
    shutil.copytree(RESOURCES, copy / "resources", ignore=skip)
    return copy


def bare_python(code: str, cwd: Path) -> str:
    """Run ``code`` in a Python that sees neither this venv's site-packages nor PYTHONPATH."""
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code], cwd=cwd, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


PROBE = """
import importlib.resources, fontassist, fontassist.resources as r
assert r.DEMO_MODEL.is_file() and r.DEMO_SOURCE.is_file() and r.DEMO_TARGET.is_file()
assert importlib.resources.files("fontassist.resources").joinpath("fonts", r.DEMO_SOURCE.name).is_file()
print(fontassist.__file__)
print(r.__file__)
"""


def test_no_resources_folder_inside_the_package():
    stale = REPO / "fontassist" / "resources"
    assert not stale.exists(), (
        f"{stale} shadows the top-level resources/ (fontassist.resources); delete it (left-over bytecode?)"
    )


def test_wheel_holds_the_resources_as_fontassist_resources(tmp_path):
    project, wheels = project_copy(tmp_path), tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            wheels,
            project,
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("fontassist-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    packaged = {
        name.removeprefix("fontassist/resources/")
        for name in names
        if name.startswith("fontassist/resources/")
    }
    assert packaged == resource_files()
    assert "fontassist/__init__.py" in names and not any(name.startswith("resources/") for name in names)

    module, resources = bare_python(
        f"import sys; sys.path.insert(0, {str(tmp_path / 'site')!r})\n" + PROBE, tmp_path
    ).split()
    assert Path(module) == tmp_path / "site" / "fontassist" / "__init__.py"
    assert Path(resources) == tmp_path / "site" / "fontassist" / "resources" / "__init__.py"


def test_editable_install_imports_the_top_level_folder(tmp_path):
    project, wheels = project_copy(tmp_path), tmp_path / "wheels"
    wheels.mkdir()
    build = "import sys; from setuptools import build_meta; print(build_meta.build_editable(sys.argv[1]))"
    name = subprocess.run(
        [sys.executable, "-c", build, str(wheels)],
        cwd=project,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout.split()[-1]
    with zipfile.ZipFile(wheels / name) as archive:
        archive.extractall(tmp_path / "site")
    code = f"import site; site.addsitedir({str(tmp_path / 'site')!r})\n" + PROBE
    module, resources = bare_python(code, tmp_path).split()
    assert Path(module) == project / "fontassist" / "__init__.py"
    assert Path(resources) == project / "resources" / "__init__.py"


def test_bundle_puts_every_resource_where_the_frozen_package_looks():
    datas = build_app.bundled_resources()
    assert all(Path(source).is_relative_to(RESOURCES) for source, _ in datas)
    bundled = {(Path(folder) / Path(source).name).as_posix() for source, folder in datas}
    expected = {f"fontassist/resources/{name}" for name in resource_files() if not name.endswith(NOT_DATA)}
    assert bundled == expected and "fontassist/resources/models/demo.pt" in bundled

    spec = (REPO / "fontassist.spec").read_text(encoding="utf-8")
    assert "datas=bundled_resources()" in spec and "hookspath=[str(HOOKS)]" in spec


def test_pyinstaller_hook_points_the_analysis_at_the_top_level_folder():
    hook_file = build_app.HOOKS / "pre_find_module_path" / "hook-fontassist.resources.py"
    spec = importlib.util.spec_from_file_location("hook_fontassist_resources", hook_file)
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)

    class Api:
        search_dirs = [str(REPO / "fontassist")]

    hook.pre_find_module_path(Api)
    assert Api.search_dirs == [str(REPO)] and (REPO / "resources" / "__init__.py").is_file()
