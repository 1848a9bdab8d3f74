"""The core runs without Qt: no module outside fontassist.app imports PySide6 (fontgoggles' test_noCocoa)."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import fontassist

REPO = Path(__file__).resolve().parents[1]


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(fontassist.__path__, prefix="fontassist."):
        if info.name == "fontassist.app" or info.name.startswith("fontassist.app."):
            continue
        if info.name == "fontassist.__main__":  # runs the CLI when imported
            continue
        names.append(info.name)
    return names


def test_no_core_module_imports_qt():
    modules = core_modules()
    assert "fontassist.cli.app_commands" in modules and "fontassist.fonts.render" in modules
    code = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    importlib.import_module(name)\n"
        "    qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "    if qt:\n"
        "        print(name, 'imported', qt[0])\n"
        "        sys.exit(1)\n"
        "print('ok', len(sys.argv) - 1)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *modules], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"ok {len(modules)}"


def test_importing_the_app_package_does_not_import_qt():
    code = "import sys, fontassist.app; print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "False", result.stderr
