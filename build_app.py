"""Build the standalone one-folder fontassist app with PyInstaller, and smoke-test it.

    python build_app.py                 # build dist/fontassist/ (macOS: dist/fontassist.app)
    python build_app.py --smoke         # build, then run the built app's --self-test and time its start-up
    python build_app.py --smoke-only    # only test an existing build

Needs PyInstaller in the venv (``pip install pyinstaller``, or the ``build`` extra). The
build bundles the torch the venv holds: a CPU torch by default, as the app ships. For a
CUDA variant, build from a venv with a CUDA torch and say so::

    python -m venv .venv-cuda && . .venv-cuda/bin/activate
    pip install torch --index-url https://download.pytorch.org/whl/cu128
    pip install -e . pyinstaller
    python build_app.py --variant cuda --smoke        # dist/fontassist-cuda/, several GB

PyInstaller does not cross-compile: build on each OS for that OS. What goes into the
bundle is decided in ``fontassist.spec``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SPEC = ROOT / "fontassist.spec"
# The top-level resources/ folder is the package fontassist.resources (setup.py maps it for wheels and
# editable installs); the bundle puts it where that package's __file__ says it is.
RESOURCES = ROOT / "resources"
RESOURCES_PACKAGE = "fontassist.resources"
HOOKS = ROOT / "packaging" / "pyinstaller-hooks"
DIST = ROOT / "dist"
WORK = ROOT / "build"
VARIANTS = ("cpu", "cuda")
SELF_TEST_TIMEOUT_S = 300
WINDOW_SHOWN = "main window shown"


class BuildError(Exception):
    """Something the person building can fix; printed as one line."""


def output_name(variant: str) -> str:
    return "fontassist" if variant == "cpu" else f"fontassist-{variant}"


def built_executable(variant: str = "cpu", dist: Path = DIST) -> Path:
    """Where the build puts the ``fontassist`` executable (it may not exist yet)."""
    name = output_name(variant)
    if sys.platform == "darwin":
        return dist / f"{name}.app" / "Contents" / "MacOS" / "fontassist"
    return dist / name / ("fontassist.exe" if sys.platform == "win32" else "fontassist")


def app_folder(variant: str = "cpu", dist: Path = DIST) -> Path:
    name = output_name(variant)
    return dist / (f"{name}.app" if sys.platform == "darwin" else name)


def check_torch(variant: str, cuda_version: str | None) -> None:
    """Refuse to bundle a torch that is not the variant asked for (a CUDA torch adds gigabytes)."""
    if variant == "cpu" and cuda_version:
        raise BuildError(
            f"This venv holds a CUDA torch (CUDA {cuda_version}), which would make the app several GB. "
            "Install the CPU torch (pip install torch --index-url https://download.pytorch.org/whl/cpu) "
            "or build the CUDA variant on purpose with --variant cuda."
        )
    if variant == "cuda" and not cuda_version:
        raise BuildError(
            "--variant cuda needs a CUDA torch in this venv "
            "(pip install torch --index-url https://download.pytorch.org/whl/cu128); this one is CPU-only."
        )


def check_translations() -> None:
    """The .qm files are what the app loads; building with stale ones ships an outdated translation."""
    folder = RESOURCES / "translations"
    for source in folder.glob("*.ts"):
        compiled = source.with_suffix(".qm")
        if not compiled.is_file() or compiled.stat().st_mtime < source.stat().st_mtime:
            raise BuildError(
                f"{compiled.name} is missing or older than {source.name}; "
                "run python tools/update_translations.py first."
            )


def bundled_resources() -> list[tuple[str, str]]:
    """PyInstaller ``datas`` for every runtime file under resources/: (source file, folder in the bundle).

    The folder is ``fontassist/resources/...``, where the frozen ``fontassist.resources`` looks;
    its own ``__init__.py`` goes into the archive as a module (the hook in :data:`HOOKS` finds it),
    and the translations' ``.ts`` sources stay behind.
    """
    bundle_root = Path(*RESOURCES_PACKAGE.split("."))
    return [
        (str(path), str(bundle_root / path.parent.relative_to(RESOURCES)))
        for path in sorted(RESOURCES.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".py", ".pyc", ".ts")
    ]


def run_pyinstaller(variant: str, windowed: bool, clean: bool) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BuildError(
            "PyInstaller is not installed in this venv; pip install pyinstaller (or pip install -e .[build])."
        ) from None
    env = dict(
        os.environ, FONTASSIST_BUILD_VARIANT=variant, FONTASSIST_BUILD_WINDOWED="1" if windowed else "0"
    )
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
    ]
    if clean:
        command.append("--clean")
    command.append(str(SPEC))
    print("building:", " ".join(command), flush=True)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit status {result.returncode}); see its output above.")
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)


def add_desktop_files(variant: str) -> None:
    """On Linux the folder carries its desktop entry and the script that installs it."""
    if not sys.platform.startswith("linux"):
        return
    folder = app_folder(variant)
    for name in ("fontassist.desktop", "install-desktop-entry.sh"):
        shutil.copy2(ROOT / "packaging" / "linux" / name, folder / name)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def isolated_environment(folder: Path) -> dict[str, str]:
    """Run the built app without touching the builder's settings, caches or logs; Qt offscreen."""
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_CACHE_HOME=str(folder / "cache"),
        XDG_STATE_HOME=str(folder / "state"),
        FONTASSIST_CACHE_DIR=str(folder / "render-cache"),
    )


def run_self_test(executable: Path, env: dict[str, str] | None = None) -> tuple[int, str, float]:
    """Run ``executable --self-test``; returns (exit status, its output, seconds)."""
    started = time.perf_counter()
    result = subprocess.run(
        [str(executable), "--self-test"], capture_output=True, text=True, timeout=SELF_TEST_TIMEOUT_S, env=env
    )
    seconds = time.perf_counter() - started
    return result.returncode, (result.stdout + result.stderr).strip(), seconds


def time_to_window(executable: Path, env: dict[str, str], timeout_s: float = 120) -> float | None:
    """Seconds from launching the app to its log line saying the main window is shown; None if it never says so."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(executable)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        deadline = started + timeout_s
        for line in process.stderr:
            if WINDOW_SHOWN in line:
                return time.perf_counter() - started
            if time.perf_counter() > deadline:
                break
        return None
    finally:
        process.kill()
        process.wait()


def smoke(variant: str) -> int:
    executable = built_executable(variant)
    if not executable.is_file():
        raise BuildError(f"No build at {executable}; run python build_app.py first.")
    size = folder_size(app_folder(variant))
    print(f"app: {app_folder(variant)} ({size / 2**20:,.0f} MiB)", flush=True)
    with tempfile.TemporaryDirectory(prefix="fontassist-smoke-") as folder:
        env = isolated_environment(Path(folder))
        code, output, seconds = run_self_test(executable, env)
        print(output, flush=True)
        print(f"self-test: exit status {code} after {seconds:.1f} s (process start to exit)", flush=True)
        if code != 0:
            return code
        shown = time_to_window(executable, env)
        if shown is None:
            print("start-up: the app never logged that its window was shown", flush=True)
            return 1
        print(
            f"start-up: main window shown {shown:.1f} s after launch (offscreen, cold caches of this run)",
            flush=True,
        )
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--smoke", action="store_true", help="after building, run the built app's --self-test"
    )
    parser.add_argument("--smoke-only", action="store_true", help="do not build; test the existing build")
    parser.add_argument(
        "--variant",
        choices=VARIANTS,
        default="cpu",
        help="which torch the venv holds and the app bundles (default: cpu)",
    )
    parser.add_argument(
        "--windowed",
        action="store_true",
        help="Windows: no console window (the CLI and --self-test then print nothing)",
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if not args.smoke_only:
            import torch

            check_torch(args.variant, torch.version.cuda)
            check_translations()
            run_pyinstaller(args.variant, args.windowed, args.clean)
            add_desktop_files(args.variant)
            folder = app_folder(args.variant)
            print(
                f"app: {folder} ({folder_size(folder) / 2**20:,.0f} MiB); run {built_executable(args.variant)}",
                flush=True,
            )
        if args.smoke or args.smoke_only:
            return smoke(args.variant)
    except BuildError as error:
        print(f"build_app: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
