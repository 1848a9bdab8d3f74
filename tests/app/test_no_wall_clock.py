"""No test of the app waits a fixed time to show that something did not happen (issue 11).

A fixed wait proves nothing on a loaded machine and slows the suite on an idle
one: tests wait for a signal or a condition (``qtbot.waitSignal``,
``qtbot.waitUntil``) or ask the worker whether it is holding.
"""

import ast
from pathlib import Path

HERE = Path(__file__).parent


def fixed_waits(path: Path) -> list[str]:
    """``qtbot.wait(...)`` and ``time.sleep(...)`` calls in the test functions of ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
            continue
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute):
                owner = call.func.value
                name = owner.id if isinstance(owner, ast.Name) else ""
                if (name, call.func.attr) in (("qtbot", "wait"), ("time", "sleep")):
                    # A sleep inside a job the test defines paces the job; it asserts nothing.
                    inner = [f for f in ast.walk(node) if isinstance(f, ast.FunctionDef) and f is not node]
                    if not any(call in ast.walk(f) for f in inner):
                        found.append(f"{path.name}:{call.lineno} {name}.{call.func.attr}")
    return found


def test_no_test_waits_a_fixed_time():
    found = [hit for path in sorted(HERE.glob("test_*.py")) for hit in fixed_waits(path)]
    assert found == []
