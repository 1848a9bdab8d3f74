"""``fontassist.resources`` is the top-level ``resources/`` folder, not ``fontassist/resources/``.

setup.py maps it for wheels and editable installs (``package_dir``); PyInstaller's import
analysis knows nothing of that and would look inside ``fontassist/``. This hook points it at
the repository root, where it finds ``resources/__init__.py`` and analyses it like any module.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def pre_find_module_path(api):
    api.search_dirs = [str(ROOT)]
