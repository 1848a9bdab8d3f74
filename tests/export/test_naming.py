from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from fontassist import resources
from fontassist.errors import FontAssistError
from fontassist.export import (
    FontNames,
    merge_into_font,
    naming_warnings,
    postscript_name,
    reserved_font_names,
)
from fontassist.export.naming import POSTSCRIPT_NAME_MAX


@pytest.mark.parametrize(
    "text, names",
    [
        ("(c) 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.", ["Source"]),
        ('Copyright 2012 Google Inc., with Reserved Font Names "Noto" and "Source".', ["Noto", "Source"]),
        (
            "Copyright 2013 Mozilla with Reserved Font Names “Fira”, “Fira Sans” and “Fira Mono”. Rest.",
            ["Fira", "Fira Sans", "Fira Mono"],
        ),
        ("Copyright 2011 Canonical Ltd. with Reserved Font Name Ubuntu.", ["Ubuntu"]),
        ("Reserved Font Name: Zen Maru", ["Zen Maru"]),
        ("Copyright 2021 The Zen Maru Gothic Project Authors", []),
    ],
)
def test_reserved_font_names_are_parsed(text, names):
    assert reserved_font_names(text) == names


def test_the_ofl_text_itself_declares_no_reserved_name():
    """The licence body mentions "Reserved Font Name" in its definitions; only the
    copyright line above it declares one."""
    noto_licence = (resources.FONTS / "OFL-NotoSansTC.txt").read_text("utf-8")
    zen_licence = (resources.FONTS / "OFL-ZenMaruGothic.txt").read_text("utf-8")
    assert reserved_font_names(zen_licence) == []
    assert reserved_font_names(noto_licence) == ["Source"]


def test_naming_warnings(noto_path, zen_path):
    assert naming_warnings(zen_path, "Zen Maru Gothic TC") == []
    [same] = naming_warnings(zen_path, "zen maru  GOTHIC")
    assert "is the family name of the target font" in same
    [reserved] = naming_warnings(noto_path, "Source Han Rounded")
    assert '"Source", a Reserved Font Name' in reserved and "Open Font License" in reserved
    assert naming_warnings(noto_path, "Resource Rounded") == []  # the word, not any substring
    assert len(naming_warnings(noto_path, "Noto Sans TC")) == 1


def test_postscript_names_are_sanitised():
    assert postscript_name("Zen Maru Gothic TC", "Bold Italic") == "ZenMaruGothicTC-BoldItalic"
    assert postscript_name("Ünïcode (Test) [1]/2%", "Regular") == "ncodeTest12-Regular"
    long_name = postscript_name("A Very Long Family Name " * 5, "Extra Bold")
    assert len(long_name) == POSTSCRIPT_NAME_MAX and long_name.endswith("-ExtraBold")
    assert all(33 <= ord(c) <= 126 for c in long_name)
    with pytest.raises(FontAssistError, match="must be ASCII"):
        postscript_name("丸ゴシック", "Regular")


@pytest.mark.parametrize(
    "style, legacy_family, legacy_style, bold, italic",
    [
        ("Regular", "Fam", "Regular", False, False),
        ("Bold", "Fam", "Bold", True, False),
        ("Italic", "Fam", "Italic", False, True),
        ("Bold Italic", "Fam", "Bold Italic", True, True),
        ("Medium", "Fam Medium", "Regular", False, False),
        ("Light Italic", "Fam Light", "Italic", False, True),
    ],
)
def test_legacy_names_follow_the_four_style_model(style, legacy_family, legacy_style, bold, italic):
    names = FontNames.make("Fam", style)
    assert (names.legacy_family, names.legacy_style, names.bold, names.italic) == (
        legacy_family,
        legacy_style,
        bold,
        italic,
    )
    assert names.full_name == f"Fam {style}"


def test_style_bits_and_mac_names_follow_the_new_names(tiny_fonts, make_new_glyphs, tmp_path):
    target = tiny_fonts["otf"]  # made by fontBuilder, which writes Mac names too
    assert any(r.platformID == 1 for r in TTFont(target)["name"].names)
    out = tmp_path / "o.ttf"
    merge_into_font(target, make_new_glyphs("丟"), out, family="Demo Round", style="Medium Italic")
    font = TTFont(out)
    name = font["name"]
    for platform in ((3, 1, 0x409), (1, 0, 0)):
        assert name.getName(1, *platform).toUnicode() == "Demo Round Medium"
        assert name.getName(2, *platform).toUnicode() == "Italic"
        assert name.getName(16, *platform).toUnicode() == "Demo Round"
        assert name.getName(17, *platform).toUnicode() == "Medium Italic"
        assert name.getName(6, *platform).toUnicode() == "DemoRound-MediumItalic"
    assert not any("Tiny" in r.toUnicode() for r in name.names if r.nameID in (1, 3, 4, 6, 16, 17))
    assert font["OS/2"].fsSelection & 0b1100001 == 0b0000001  # italic, not bold, not regular
    assert font["head"].macStyle & 0b11 == 0b10


def test_merge_reports_a_reserved_name_and_notes_itself_once(tiny_fonts, make_new_glyphs, tmp_path):
    first = merge_into_font(
        tiny_fonts["ttf"], make_new_glyphs("丟"), tmp_path / "a.ttf", family="Source Round"
    )
    assert any("Reserved Font Name" in warning for warning in first.warnings)
    second = merge_into_font(first.out_path, make_new_glyphs("丫"), tmp_path / "b.ttf", family="Other Round")
    copyright_line = TTFont(second.out_path)["name"].getDebugName(0)
    assert copyright_line.count("Glyphs added with fontassist.") == 1
    assert not any("Reserved Font Name" in warning for warning in second.warnings)
