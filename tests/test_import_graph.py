"""The package's import graph has no circle: each module can be read knowing only what it imports.

Every ``import`` counts, also those inside functions (a lazy import still ties two modules
together); only ``if TYPE_CHECKING:`` blocks are left out, since they never run. Importing a
submodule runs its package's ``__init__`` first, but that implied edge is not counted: a package
that re-exports its submodules is not a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import fontassist
import fontassist.resources

ROOT_NAME = "fontassist"
# The package and the top-level resources/ folder that setup.py maps into it.
PACKAGES = {
    ROOT_NAME: Path(fontassist.__file__).resolve().parent,
    "fontassist.resources": Path(fontassist.resources.__file__).resolve().parent,
}


def module_files() -> dict[str, Path]:
    modules = {}
    for name, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = [name, *path.relative_to(folder).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (imp for child in node.orelse for imp in _imports_in(child))
            continue
        yield from _imports_in(node)


def _imports_in(node: ast.AST):
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    else:
        yield from _imports(node)


def imported_modules(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its body."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            # ``from package import submodule`` imports the submodule; other names come from ``base`` itself
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names
            ]
        for target in targets:
            while target and target not in modules:  # ``import a.b.c`` of a name inside a module
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_package_imports_have_no_circle():
    found = circles(import_graph())
    assert not found, "import circles:\n" + "\n".join(" <-> ".join(circle) for circle in found)


def test_the_walk_sees_lazy_imports_skips_type_checking_and_finds_a_circle(tmp_path):
    module = tmp_path / "probe.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from fontassist.app import project\n"
        "def later():\n"
        "    from .. import errors\n"
        "    from ..fonts import render\n"
        "    import fontassist.export.naming\n",
        encoding="utf-8",
    )
    found = imported_modules("fontassist.cli.probe", module, module_files())
    assert found == {"fontassist.errors", "fontassist.fonts.render", "fontassist.export.naming"}
    graph = import_graph()
    assert "fontassist.resources" in graph["fontassist.fonts.charsets"]  # the mapped folder is walked too
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []
