"""Refresh the UI translations: extract the app's strings (lupdate), compile them (lrelease).

    python tools/update_translations.py           # update the .ts files from fontassist/app, write the .qm files
    python tools/update_translations.py --check   # exit 1 and list the UI strings that have no translation yet

After an update, translate the new and changed strings (marked unfinished) in
``fontassist/resources/translations/fontassist_<lang>.ts`` with Qt Linguist
(``pyside6-linguist``) or any editor, then run this script again to compile them.
Strings reach lupdate only through ``self.tr("...")`` or
``QCoreApplication.translate("Context", "...")`` with literal text.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "fontassist" / "app"
TRANSLATIONS = ROOT / "fontassist" / "resources" / "translations"
LANGUAGES = ("zh_TW",)


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"fontassist_{language}.ts"


def app_sources() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py") if "__pycache__" not in p.parts)


def qt_tool(name: str) -> list[str]:
    """The command for a PySide6 tool: the venv's pyside6-<name>, else PySide6's own wrapper."""
    found = shutil.which(f"pyside6-{name}", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if found:
        return [found]
    return [sys.executable, "-c", f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.argv[0] = '{name}'; sys.exit({name}())"]


def lupdate(ts_file: Path) -> None:
    """Merge the current UI strings into ``ts_file`` (created when missing); dropped strings are removed."""
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as listing:
        listing.write("\n".join(str(p) for p in app_sources()) + "\n")
    try:
        command = qt_tool("lupdate") + ["-silent", "-no-obsolete", "-locations", "relative", f"@{listing.name}",
                                        "-target-language", ts_file.stem.split("_", 1)[1], "-ts", str(ts_file)]
        subprocess.run(command, check=True, cwd=ROOT)
    finally:
        os.unlink(listing.name)


def lrelease(ts_file: Path) -> Path:
    qm_file = ts_file.with_suffix(".qm")
    subprocess.run(qt_tool("lrelease") + ["-silent", str(ts_file), "-qm", str(qm_file)], check=True, cwd=ROOT)
    return qm_file


def untranslated(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source text) of every message without a finished translation."""
    missing = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            if kind == "unfinished" or not (translation.text or "").strip() and not translation.findall("numerusform"):
                missing.append((name, message.findtext("source", "")))
    return missing


def check(language: str) -> list[tuple[str, str]]:
    """What an update would leave untranslated, without touching the committed files."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / ts_path(language).name
        if ts_path(language).is_file():
            shutil.copy2(ts_path(language), copy)
        lupdate(copy)
        return untranslated(copy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list untranslated UI strings; change nothing")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        if args.check:
            missing = check(language)
            for context, source in missing:
                print(f"{language}: {context}: {source!r}")
            print(f"{language}: {len(missing)} UI strings without a translation")
            status = status or int(bool(missing))
            continue
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        lupdate(ts_path(language))
        qm_file = lrelease(ts_path(language))
        missing = untranslated(ts_path(language))
        print(f"{language}: {ts_path(language).relative_to(ROOT)} and {qm_file.name} written; "
              f"{len(missing)} strings still to translate")
    return status


if __name__ == "__main__":
    sys.exit(main())
