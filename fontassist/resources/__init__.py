"""Files the app needs at run time: demo fonts with their OFL, charset lists, the demo model, icons.

They live inside the package (not at the repository root as DESIGN.md first
sketched) so that a wheel and the PyInstaller build carry them without extra
data-file rules.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
FONTS = RESOURCES / "fonts"
CHARSETS = RESOURCES / "charsets"
MODELS = RESOURCES / "models"
ICONS = RESOURCES / "icons"

DEMO_SOURCE = FONTS / "NotoSansTC-Regular-subset.ttf"
DEMO_TARGET = FONTS / "ZenMaruGothic-Regular-subset.ttf"
DEMO_MODEL = MODELS / "demo.pt"
