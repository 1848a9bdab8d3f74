"""``fontassist --self-test`` from the checkout: one line, exit 0 when the chain works, the failing step when not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fontassist import installcheck, resources

REPO = Path(__file__).resolve().parents[1]


def isolated_environment(tmp_path: Path) -> dict[str, str]:
    """The user's settings, caches and logs stay untouched; Qt draws offscreen."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        FONTASSIST_CACHE_DIR=str(tmp_path / "render-cache"),
        FONTASSIST_LANGUAGE="en",
        OMP_NUM_THREADS="1",
    )
    return env


def test_self_test_passes_with_one_line(tmp_path):
    pytest.importorskip("PySide6")
    result = subprocess.run(
        [sys.executable, "-m", "fontassist", "--self-test"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
        env=isolated_environment(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    assert "self-test passed" in lines[0]
    assert "window shown offscreen" in lines[0] and "fontTools and OTS accept" in lines[0]
    assert result.stderr == ""


def test_missing_resource_fails_with_the_path(monkeypatch, tmp_path):
    missing = tmp_path / "no-such-model.pt"
    monkeypatch.setattr(resources, "DEMO_MODEL", missing)
    code, line = installcheck.run()
    assert code == 1
    assert "FAILED while bundled resources" in line and str(missing) in line
    assert "\n" not in line


def test_broken_model_names_the_step(monkeypatch, tmp_path):
    broken = tmp_path / "demo.pt"
    broken.write_bytes(b"not a checkpoint")
    monkeypatch.setattr(resources, "DEMO_MODEL", broken)
    code, line = installcheck.run()
    assert code == 1
    assert "FAILED while loading torch and the demo model" in line
    assert "\n" not in line


def test_main_prints_failures_to_stderr(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(resources, "DEMO_SOURCE", tmp_path / "gone.ttf")
    assert installcheck.main() == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "gone.ttf" in captured.err


def test_check_font_wants_an_outline_for_every_character(tiny_fonts):
    # The tiny subset has 永 and lacks 丟, so a check that asks for 丟 must fail, and one for 永 must pass.
    installcheck.check_font(tiny_fonts["ttf"], ["永"])
    with pytest.raises(installcheck.SelfTestFailed, match="no outline for 丟"):
        installcheck.check_font(tiny_fonts["ttf"], ["永", "丟"])


def test_step_turns_any_error_into_one_line():
    with pytest.raises(installcheck.SelfTestFailed) as caught:
        with installcheck.step("doing a thing"):
            raise ValueError("first line\n  second line")
    assert str(caught.value) == "doing a thing: first line second line"


def test_core_traces_what_the_export_traces(tmp_path):
    """The demo model is paired with an upscaler; the self-test traces its enlarged rasters, as
    ``fontassist export`` and ``demo`` do, not the rasters as drawn."""
    core = installcheck.run_core(tmp_path, count=2, device="cpu")
    assert core.trace_size == 4 * core.model_size
    assert f"traced at {core.trace_size} px" in installcheck.passed_line(core)
    installcheck.check_font(core.font_path, core.chars)
