"""Refresh the UI translations: extract the app's strings (lupdate), compile them (lrelease).

    python tools/update_translations.py           # update the .ts files from fontassist/app, write the .qm files
    python tools/update_translations.py --check   # exit 1 and list the UI strings that have no translation yet

After an update, translate the new and changed strings (marked unfinished) in
``resources/translations/fontassist_<lang>.ts`` with Qt Linguist
(``pyside6-linguist``) or any editor, then run this script again to compile them.
Strings are found by lupdate (``self.tr("...")``, ``QCoreApplication.translate("Context", "...")``
with literal text) and by this script, which adds what lupdate misses in Python code: ``self.tr``
inside f-strings, and module helpers such as ``def _tr(text): return
QCoreApplication.translate("Context", text)`` called with literal text. lupdate files the latter
under an empty context that Qt never asks for at run time; those entries are dropped.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "fontassist" / "app"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_TW",)


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"fontassist_{language}.ts"


def app_sources() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py") if "__pycache__" not in p.parts)


def qt_tool(name: str) -> list[str]:
    """The command for a PySide6 tool: the venv's pyside6-<name>, else PySide6's own wrapper."""
    found = shutil.which(
        f"pyside6-{name}",
        path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    )
    if found:
        return [found]
    return [
        sys.executable,
        "-c",
        f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.argv[0] = '{name}'; sys.exit({name}())",
    ]


class _Strings(ast.NodeVisitor):
    """Literal strings passed to ``self.tr``, to ``QCoreApplication.translate`` and to module translate helpers."""

    def __init__(self, helpers: dict[str, str]):
        self.helpers = helpers
        self.classes: list[str] = []
        self.found: list[tuple[str, str, int]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "tr"
            and self.classes
            and len(literals) >= 1
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            self.found.append((self.classes[-1], literals[0], node.lineno))
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "translate"
            and len(node.args) >= 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
        ):
            self.found.append((node.args[0].value, node.args[1].value, node.lineno))
        elif (
            isinstance(func, ast.Name)
            and func.id in self.helpers
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            self.found.append((self.helpers[func.id], node.args[0].value, node.lineno))
        self.generic_visit(node)


def _translate_helpers(tree: ast.AST) -> dict[str, str]:
    """Functions whose body is ``return QCoreApplication.translate("Context", <their argument>)``: name → context."""
    helpers = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and len(node.body) == 1 and isinstance(node.body[0], ast.Return):
            call = node.body[0].value
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "translate"
                and len(call.args) == 2
                and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[1], ast.Name)
            ):
                helpers[node.name] = call.args[0].value
    return helpers


def source_strings() -> list[tuple[str, str, Path, int]]:
    """(context, text, file, line) of every translatable literal in the app, as Qt looks it up at run time."""
    strings = []
    for path in app_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        visitor = _Strings(_translate_helpers(tree))
        visitor.visit(tree)
        strings += [(context, text, path, line) for context, text, line in visitor.found]
    return strings


def _read_translations(ts_file: Path) -> dict[tuple[str, str], ElementTree.Element]:
    if not ts_file.is_file():
        return {}
    found = {}
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            found[(context.findtext("name", ""), message.findtext("source", ""))] = message.find(
                "translation"
            )
    return found


def add_missed_strings(ts_file: Path, previous: dict[tuple[str, str], ElementTree.Element]) -> int:
    """Add the strings lupdate missed, with their earlier translations; drop the context-less ones. Returns how many were added."""
    tree = ElementTree.parse(ts_file)
    root = tree.getroot()
    contexts = {c.findtext("name", ""): c for c in root.findall("context")}
    if "" in contexts:  # no Qt lookup ever uses an empty context in Python code
        root.remove(contexts.pop(""))
    present = {(name, m.findtext("source", "")): m for name, c in contexts.items() for m in c.iter("message")}
    added = 0
    for context, text, path, line in source_strings():
        if (context, text) in present:
            _revive(present[(context, text)])
            continue
        element = contexts.get(context)
        if element is None:
            element = ElementTree.SubElement(root, "context")
            ElementTree.SubElement(element, "name").text = context
            contexts[context] = element
        message = ElementTree.SubElement(element, "message")
        ElementTree.SubElement(
            message,
            "location",
            filename=os.path.relpath(path, ts_file.parent).replace(os.sep, "/"),
            line=str(line),
        )
        ElementTree.SubElement(message, "source").text = text
        present[(context, text)] = message
        earlier = previous.get((context, text))
        if earlier is None:
            earlier = next(
                (
                    t
                    for (c, s), t in previous.items()
                    if s == text and not c and t.get("type") != "unfinished"
                ),
                None,
            )
        if earlier is not None and earlier.get("type") not in ("obsolete", "vanished"):
            message.append(earlier)
        else:
            ElementTree.SubElement(message, "translation", type="unfinished")
        added += 1
    ElementTree.indent(tree, space="    ")
    body = ElementTree.tostring(root, encoding="unicode")
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return added


def _revive(message: ElementTree.Element) -> None:
    """lupdate marks strings only this script finds as vanished; they are in use, so take the mark off."""
    translation = message.find("translation")
    if translation is not None and translation.get("type") in ("vanished", "obsolete"):
        if (translation.text or "").strip():
            del translation.attrib["type"]
        else:
            translation.set("type", "unfinished")


def lupdate(ts_file: Path) -> None:
    """Merge the current UI strings into ``ts_file`` (created when missing).

    Strings no longer in the code stay in the file marked vanished, with their
    translations (Qt's translation memory): one that comes back is translated
    again at once. lrelease leaves vanished strings out of the .qm.
    """
    previous = _read_translations(ts_file)
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as listing:
        listing.write("\n".join(str(p) for p in app_sources()) + "\n")
    try:
        command = qt_tool("lupdate") + [
            "-silent",
            "-locations",
            "absolute",
            f"@{listing.name}",
            "-target-language",
            ts_file.stem.split("_", 1)[1],
            "-ts",
            str(ts_file),
        ]
        subprocess.run(command, check=True, cwd=ROOT)
    finally:
        os.unlink(listing.name)
    add_missed_strings(ts_file, previous)


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
            if (
                kind == "unfinished"
                or not (translation.text or "").strip()
                and not translation.findall("numerusform")
            ):
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
        print(
            f"{language}: {ts_path(language).relative_to(ROOT)} and {qm_file.name} written; "
            f"{len(missing)} strings still to translate"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
