"""tools/screenshots.py takes two existing runs for the A/B tab (--ab-runs), and refuses runs with no checkpoint."""

import importlib.util
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "screenshots.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("screenshots_tool", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ab_runs_must_have_a_checkpoint(tool, tmp_path, capsys):
    a, b = tmp_path / "ab-batch", tmp_path / "ab-instance"
    a.mkdir()
    b.mkdir()
    (a / "last.pt").write_bytes(b"")
    (a / "config.json").write_text("{}")
    (b / "config.json").write_text("{}")  # still training: no checkpoint yet
    assert tool.check_ab_runs([a, a / "last.pt"]) == ""
    assert "no checkpoint" in tool.check_ab_runs([a, b])
    assert "neither" in tool.check_ab_runs([a, tmp_path / "missing"])
    with pytest.raises(SystemExit):
        tool.main([str(tmp_path / "shots"), "--ab-runs", str(a), str(b)])
    assert "has no checkpoint" in capsys.readouterr().err
