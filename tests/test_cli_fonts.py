import json

import pytest
from PIL import Image

from fontassist.cli import main


def test_coverage_of_the_shared_fonts(capsys, noto_path, zen_path):
    assert (
        main(
            [
                "coverage",
                "--source",
                str(noto_path),
                "--target",
                str(zen_path),
                "--charset",
                "tw-edu-4808",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["target_has"], data["target_missing_source_has"], data["source_has"]) == (4161, 647, 4808)
    assert len(data["missing"]) == 647


def test_coverage_text(capsys, demo_source, demo_target):
    assert main(["coverage", "--source", str(demo_source), "--target", str(demo_target)]) == 0
    out = capsys.readouterr().out
    assert "4,161" in out and "647" in out


@pytest.mark.parametrize("kind", ["ttf", "otf", "ttc", "woff2"])
def test_render_and_coverage_on_every_format(tmp_path, capsys, tiny_fonts, kind):
    out = tmp_path / "pngs"
    assert (
        main(
            [
                "render",
                str(tiny_fonts[kind]),
                "--chars",
                "永東X",
                "--size",
                "48",
                "--out",
                str(out),
                "--grid",
                str(tmp_path / "s.png"),
            ]
        )
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == ["U+6771.png", "U+6C38.png"]
    assert Image.open(out / "U+6C38.png").size == (48, 48)
    assert "lacks 1: X" in capsys.readouterr().out
    assert (
        main(
            [
                "coverage",
                "--source",
                str(tiny_fonts["ttf"]),
                "--target",
                str(tiny_fonts[kind]),
                "--chars",
                "永東X",
                "--json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["both"] == 2


def test_bad_inputs_are_one_clear_line(tmp_path, capsys, demo_source):
    bad = tmp_path / "bad.woff2"
    bad.write_bytes(b"wOF2" + b"\0" * 100)
    for args in (
        ["coverage", "--source", str(tmp_path / "none.ttf"), "--target", str(demo_source)],
        ["coverage", "--source", str(bad), "--target", str(demo_source)],
        ["render", str(demo_source), "--chars", "  ", "--out", str(tmp_path / "o")],
    ):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert (
            err.startswith("fontassist: error: ")
            and "Traceback" not in err
            and len(err.strip().splitlines()) == 1
        )


def test_render_into_unwritable_place(tmp_path, capsys, demo_source):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["render", str(demo_source), "--chars", "永", "--out", str(blocker / "sub")]) == 2
    assert "cannot create the output folder" in capsys.readouterr().err
