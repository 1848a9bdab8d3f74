"""Page constructors stay short (issue 11): each __init__ calls a few _build_… methods, each short.

A 200-line constructor hides which widgets belong together and what a page
listens to; a builder per part (a settings box, the grid, the detail side)
names it.
"""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "fontassist" / "app"
PAGES = {
    "fonts/fontspage.py": "FontsPage",
    "characters/characterspage.py": "CharactersPage",
    "train/trainpage.py": "TrainPage",
    "train/trainform.py": "TrainSettingsForm",
    "review/reviewpage.py": "ReviewPage",
    "compare/abpage.py": "ABPage",
    "export/exportpage.py": "ExportPage",
}
MAX_LINES = 80  # the constructor and each builder


def methods(path: Path, cls: str) -> dict[str, int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == cls:
            return {
                f.name: f.end_lineno - f.lineno + 1
                for f in node.body
                if isinstance(f, ast.FunctionDef) and (f.name == "__init__" or f.name.startswith("_build"))
            }
    raise AssertionError(f"no class {cls} in {path}")


def test_page_constructors_are_short_builders():
    long = []
    for name, cls in PAGES.items():
        found = methods(APP / name, cls)
        long += [f"{cls}.{m}: {n} lines" for m, n in found.items() if n > MAX_LINES]
    assert long == []


def test_the_big_pages_build_in_parts():
    for name in ("train/trainpage.py", "review/reviewpage.py", "compare/abpage.py", "export/exportpage.py"):
        builders = [m for m in methods(APP / name, PAGES[name]) if m.startswith("_build")]
        assert len(builders) >= 3, name
