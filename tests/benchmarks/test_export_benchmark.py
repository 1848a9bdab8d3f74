"""benchmarks/export.py runs the export command's steps and prints CPU seconds (no timing asserted)."""

from benchmarks import export
from fontassist import resources
from fontassist.fonts import open_font


def test_sample_spreads_over_the_case():
    assert export.sample(list("abcdefgh"), 3) == list("acf")
    assert export.sample(list("abc"), None) == list("abc") == export.sample(list("abc"), 5)


def test_export_benchmark_on_a_sample(tmp_path, capsys):
    argv = [
        "--fonts",
        str(resources.DEMO_TARGET.parent),
        "--source-file",
        resources.DEMO_SOURCE.name,
        "--cases",
        "tw-edu-4808",
        "--limit",
        "2",
        "--out",
        str(tmp_path),
    ]
    assert export.main(argv) == 0
    text = capsys.readouterr().out
    assert "2 characters drawn at 64 px, traced at 256 px" in text and "OTS passed" in text
    for phase in ("generate", "upscale", "trace", "merge + validate", "total"):
        assert f"  {phase} " in text and "CPU s" in text
    font = open_font(tmp_path / "tw-edu-4808.ttf")
    assert font.glyph_count == open_font(resources.DEMO_TARGET).glyph_count + 2
