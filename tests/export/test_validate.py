from __future__ import annotations

from fontTools.ttLib import TTFont

from fontassist.export import validate_font


def test_a_good_font_passes(zen_subset):
    result = validate_font(zen_subset)
    assert result.ok and result.summary()


def test_ots_rejects_what_fonttools_accepts(zen_subset, tmp_path):
    font = TTFont(zen_subset)
    font["head"].unitsPerEm = 5
    bad = tmp_path / "bad.ttf"
    font.save(bad)
    result = validate_font(bad)
    assert not result.ok
    assert result.messages[0] == "OTS: ERROR: head: unitsPerEm on in the range [16, 16384]: 5"


def test_a_truncated_font_fails_both_checks(zen_subset, tmp_path):
    data = zen_subset.read_bytes()
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(data[: len(data) // 2])
    result = validate_font(bad)
    assert not result.ok
    assert result.messages[0].startswith("fontTools cannot read it back")
    assert any(m.startswith("OTS: ERROR") for m in result.messages)
    assert "fontTools cannot read it back" in result.summary()
