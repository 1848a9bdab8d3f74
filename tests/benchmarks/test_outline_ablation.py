"""benchmarks/outline_ablation.py's raster cache."""

import importlib
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("scipy")


def test_cached_upscaled_rasters_are_traced_in_the_enlarged_frame(tmp_path, monkeypatch):
    # The first run traces the upscaler's 256 px rasters in a frame that says they were drawn at
    # 64 px; a later run from the cache must trace them the same way (lengths in drawn pixels).
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[2] / "benchmarks"))
    ablation = importlib.import_module("outline_ablation")
    images = np.zeros((1, 256, 256), np.uint8)
    np.savez(
        tmp_path / "rasters.npz",
        demo=images,
        demo_chars="一",
        held=images,
        held_chars="二",
        size=256,
        model_size=64,
    )
    *_, frame = ablation.generated(tmp_path)
    assert frame.size == 256 and frame.enlarged == 4


def test_a_step_the_target_decides_is_measured_both_off_and_on(monkeypatch):
    # even_width defaults to None: on for a near-monoline target, so "defaults" may include it and
    # the ablation needs its "without" column as well as its "with" one.
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[2] / "benchmarks"))
    variants = importlib.import_module("outline_ablation").variants()
    assert variants["without even_width"] == {"even_width": False}
    assert variants["with even_width"] == {"even_width": True}
    assert variants["without straighten"] == {"straighten": False}
    assert "with straighten" not in variants


def test_the_readme_table_is_replaced_between_its_markers(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[2] / "benchmarks"))
    ablation = importlib.import_module("outline_ablation")
    text = f"intro\n{ablation.README_START}\n| old | table |\n{ablation.README_END}\nafter\n"
    new = ablation.put_table(text, "| new | table |")
    assert new == f"intro\n{ablation.README_START}\n| new | table |\n{ablation.README_END}\nafter\n"
    assert ablation.put_table(new, "| new | table |") == new
    with pytest.raises(SystemExit, match="no outline-ablation markers"):
        ablation.put_table("no markers here", "| t |")


def test_the_readme_has_the_markers():
    ablation_readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert ablation_readme.count("<!-- outline-ablation table:") == 1
    assert ablation_readme.count("<!-- end of outline-ablation table -->") == 1
