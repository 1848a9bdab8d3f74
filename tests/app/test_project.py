import json
from pathlib import Path

import pytest

from fontassist import resources
from fontassist.app.common.project import CharChoice, FontChoice, Project
from fontassist.app.common.projectrefs import resolve_path, store_path
from fontassist.errors import FontAssistError


def test_paths_are_stored_relative_to_the_project_folder(tmp_path):
    font = tmp_path / "fonts" / "Mine.ttf"
    assert store_path(font, tmp_path) == "fonts/Mine.ttf"
    assert resolve_path("fonts/Mine.ttf", tmp_path) == font
    assert store_path(tmp_path / "x.ttf", None) == (tmp_path / "x.ttf").as_posix()


def test_bundled_fonts_are_stored_by_resource_name(tmp_path):
    stored = store_path(resources.DEMO_SOURCE, tmp_path)
    assert stored == "resources:fonts/" + resources.DEMO_SOURCE.name
    assert resolve_path(stored, Path("/elsewhere")) == resources.DEMO_SOURCE


def test_project_round_trips_through_a_moved_folder(tmp_path):
    first = tmp_path / "a"
    (first / "fonts").mkdir(parents=True)
    project = Project(
        source=FontChoice(first / "fonts" / "S.ttc", 2),
        target=FontChoice(resources.DEMO_TARGET),
        chars=CharChoice(mode="file", file=first / "chars.txt", learn_from="big5"),
        train={"steps": 100, "model": {"norm": "batch"}},
        run_dir=first / "runs" / "run-1",
        review={"decisions": {"永": "accepted"}},
    )
    project.save(first / "p.fontassist.json")
    data = json.loads((first / "p.fontassist.json").read_text(encoding="utf-8"))
    assert data["source"] == {"path": "fonts/S.ttc", "face": 2}
    assert data["run_dir"] == "runs/run-1"
    assert data["chars"]["file"] == "chars.txt"

    moved = tmp_path / "b"
    (first).rename(moved)
    loaded = Project.load(moved / "p.fontassist.json")
    assert loaded.source == FontChoice(moved / "fonts" / "S.ttc", 2)
    assert loaded.target == FontChoice(resources.DEMO_TARGET)
    assert loaded.chars.file == moved / "chars.txt"
    assert loaded.run_dir == moved / "runs" / "run-1"
    assert loaded.train == project.train and loaded.review == project.review
    assert loaded.name == "p"


def test_unreadable_project_files_are_clear_errors(tmp_path):
    with pytest.raises(FontAssistError, match="not found"):
        Project.load(tmp_path / "missing.fontassist.json")
    bad = tmp_path / "bad.fontassist.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(FontAssistError, match="not a fontassist project file"):
        Project.load(bad)
    newer = tmp_path / "newer.fontassist.json"
    newer.write_text(json.dumps({"format": 99}), encoding="utf-8")
    with pytest.raises(FontAssistError, match="newer"):
        Project.load(newer)
