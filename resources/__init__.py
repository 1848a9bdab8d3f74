"""Files the app needs at run time: demo fonts with their OFL, charset lists, the demo model, icons, translations.

The folder sits at the repository root, beside ``fontassist/``, and is the package
``fontassist.resources`` once built: setup.py maps it (``package_dir``) for wheels and
editable installs, and build_app.py's ``bundled_resources`` puts it at the same place in
the PyInstaller bundle. So ``importlib.resources.files("fontassist.resources")`` and the
paths below work the same in a checkout install, a wheel and the frozen app.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
FONTS = RESOURCES / "fonts"
CHARSETS = RESOURCES / "charsets"
MODELS = RESOURCES / "models"
ICONS = RESOURCES / "icons"

DEMO_SOURCE = FONTS / "NotoSansTC-Regular-subset.ttf"
DEMO_TARGET = FONTS / "ZenMaruGothic-Regular.ttf"  # the whole font: the demo merges into all of it
DEMO_MODEL = MODELS / "demo.pt"
