"""The export command warns about a family name once, on stderr, for the target's and the source's reserved names."""

from __future__ import annotations

from fontassist import resources
from fontassist.cli import main


def test_a_reserved_name_of_the_source_is_warned_once_on_stderr(tmp_path, capsys):
    out = tmp_path / "SourceMaru.ttf"
    argv = [
        "export",
        str(resources.DEMO_MODEL),
        "--source",
        "demo:noto",
        "--target",
        "demo:zen",
        "--chars",
        "丟",
    ]
    assert (
        main(argv + ["--family", "Source Maru TC", "--out", str(out), "--no-validate", "--device", "cpu"])
        == 0
    )
    captured = capsys.readouterr()
    warnings = [line for line in captured.err.splitlines() if "Reserved Font Name" in line]
    assert len(warnings) == 1 and '"Source"' in warnings[0] and "source font" in warnings[0]
    assert "Reserved Font Name" not in captured.out
    assert out.is_file()
