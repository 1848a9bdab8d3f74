"""The editor loop on the command line: export --format ufo, import-edits, export a UFO as a TTF."""

from __future__ import annotations

import json

import ufoLib2

from fontassist import resources
from fontassist.cli import main
from fontassist.export.handedits import training_target
from fontassist.export.ufo import GLYPH_LIB_KEY
from tests.export.support import MISSING_IN_ZEN


def test_the_loop_on_the_command_line(zen_subset, noto_path, tmp_path, capsys):
    out = tmp_path / "ZenTC.ufo"
    common = ["--source", str(noto_path), "--target", str(zen_subset), "--chars", MISSING_IN_ZEN[:3]]
    assert main(["export", str(resources.DEMO_MODEL), *common, "--out", str(out), "--device", "cpu"]) == 0
    assert "3 new glyphs merged" in capsys.readouterr().out
    ufo = ufoLib2.Font.open(out)
    new = {chr(g.unicodes[0]): g for g in ufo if GLYPH_LIB_KEY in g.lib}
    assert set(new) == set(MISSING_IN_ZEN[:3])
    new[MISSING_IN_ZEN[0]].contours[0].points[0].y += 40
    ufo.save(overwrite=True)

    project = tmp_path / "zen.fontassist.json"
    assert main(["import-edits", str(out), "--project", str(project), "--train"]) == 0
    printed = capsys.readouterr().out
    assert "1 edited by hand" in printed and "training-target.ttf" in printed
    review = json.loads(project.read_text("utf-8"))["review"]
    assert list(review["edited"]) == [MISSING_IN_ZEN[0]] and review["accepted"] == MISSING_IN_ZEN[0]
    assert training_target(review) is not None and training_target(review).is_file()

    ttf = tmp_path / "ZenTC.ttf"
    assert main(["export", str(out), "--out", str(ttf), "--family", "Zen Maru Gothic TC"]) == 0
    assert "validation (fontTools reload + OpenType Sanitizer): passed" in capsys.readouterr().out

    # Regenerating with the project keeps the hand-fixed glyph as drawn.
    again = tmp_path / "again.ttf"
    args = ["export", str(resources.DEMO_MODEL), *common, "--out", str(again), "--family", "Zen TC"]
    assert main([*args, "--project", str(project), "--device", "cpu"]) == 0
    assert "Taking 1 glyphs drawn by hand as drawn" in capsys.readouterr().out


def test_import_edits_of_something_that_is_not_a_ufo_is_one_line(tmp_path, capsys):
    assert main(["import-edits", str(tmp_path / "nothing.ufo"), "--project", str(tmp_path / "p.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not found" in err
    assert not (tmp_path / "p.json").exists()
