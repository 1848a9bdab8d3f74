"""``fontassist gui`` and ``fontassist`` without a subcommand hand over to the desktop app."""

import pytest

import fontassist.app
from fontassist import resources
from fontassist.cli import main


@pytest.fixture
def app_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(fontassist.app, "open_app", lambda **values: calls.append(values) or 0)
    return calls


def test_no_subcommand_opens_the_app_on_the_demo_fonts(app_calls):
    assert main([]) == 0
    assert app_calls == [{}]


def test_gui_passes_fonts_faces_and_project(app_calls, tmp_path):
    project = tmp_path / "p.fontassist.json"
    project.write_text("{}", encoding="utf-8")
    assert (
        main(
            [
                "gui",
                "--source",
                str(resources.DEMO_SOURCE),
                "--target",
                str(resources.DEMO_TARGET),
                "--target-face",
                "0",
            ]
        )
        == 0
    )
    assert main(["gui", "--project", str(project)]) == 0
    # The parsed values go straight to the app: no argv is rebuilt for a second parser.
    no_fonts = {"source": None, "target": None, "source_face": None, "target_face": None}
    assert app_calls == [
        {
            "source": str(resources.DEMO_SOURCE),
            "target": str(resources.DEMO_TARGET),
            "project": None,
            "source_face": None,
            "target_face": 0,
        },
        {**no_fonts, "project": str(project)},
    ]


def test_the_app_entry_point_parses_the_same_options(monkeypatch):
    calls = []
    monkeypatch.setattr(fontassist.app, "open_app", lambda **values: calls.append(values) or 0)
    assert fontassist.app.main(["--source", "a.ttf", "--source-face", "2", "-style", "fusion"]) == 0
    assert calls == [
        {
            "source": "a.ttf",
            "target": None,
            "project": None,
            "source_face": 2,
            "target_face": None,
            "qt_args": ["-style", "fusion"],
        }
    ]


def test_gui_refuses_a_missing_file_in_one_line(app_calls, tmp_path, capsys):
    assert main(["gui", "--source", str(tmp_path / "nope.ttf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fontassist: error: ") and "nope.ttf" in err and err.count("\n") == 1
    assert app_calls == []
