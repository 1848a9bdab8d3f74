import pytest
from fontTools.ttLib import TTFont

from fontassist.errors import FontAssistError
from fontassist.fonts import list_faces, open_font, render
from tests.conftest import SAMPLE_CHARS, build_font


@pytest.mark.parametrize("kind", ["ttf", "otf", "ttc", "woff", "woff2", "variable"])
def test_every_format_opens_and_renders_the_same_glyphs(tiny_fonts, kind):
    reference = render(open_font(tiny_fonts["ttf"]), SAMPLE_CHARS, 64, cache=False).images
    font = open_font(tiny_fonts[kind])
    assert font.upm == 1000
    assert font.em_bottom == -120
    assert all(font.has(c) for c in SAMPLE_CHARS)
    assert font.advance("永") == 1000
    result = render(font, SAMPLE_CHARS, 64, cache=False)
    assert result.images.shape == (len(SAMPLE_CHARS), 64, 64)
    # CFF outlines are cubic conversions of the same quadratics: allow a sliver of edge difference.
    diff = abs(result.images.astype(int) - reference.astype(int))
    assert diff.mean() < 1.0


def test_font_properties(tiny_fonts):
    font = open_font(tiny_fonts["otf"])
    assert font.outline_format == "CFF"
    assert font.family == "Tiny CFF"
    assert open_font(tiny_fonts["variable"]).is_variable
    ttf = open_font(tiny_fonts["ttf"])
    assert ttf.outline_format == "glyf" and not ttf.is_variable
    assert ttf.family == "Noto Sans TC" and ttf.style == "Regular"
    assert ttf.glyph_count == len(TTFont(tiny_fonts["ttf"]).getGlyphOrder())


def test_collection_faces(tiny_fonts):
    assert list_faces(tiny_fonts["ttc"]) == ["Noto Sans TC Regular", "Noto Sans TC Regular"]
    second = open_font(tiny_fonts["ttc"], 1)
    assert second.has("一") and not second.has("永")
    with pytest.raises(FontAssistError, match="face index 2 does not exist.*0 to 1"):
        open_font(tiny_fonts["ttc"], 2)
    with pytest.raises(FontAssistError, match="single face"):
        open_font(tiny_fonts["ttf"], 1)


def test_missing_file(tmp_path):
    with pytest.raises(FontAssistError, match="nope.ttf: file not found"):
        open_font(tmp_path / "nope.ttf")


def test_folder_is_not_a_font(tmp_path):
    with pytest.raises(FontAssistError, match="folder"):
        open_font(tmp_path)


def test_not_a_font(tmp_path):
    path = tmp_path / "notes.ttf"
    path.write_text("hello, this is text")
    with pytest.raises(FontAssistError, match="notes.ttf: is not a font file"):
        open_font(path)


def test_truncated_font(tmp_path, tiny_fonts):
    data = tiny_fonts["ttf"].read_bytes()
    path = tmp_path / "cut.ttf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FontAssistError, match="cut.ttf: is truncated"):
        open_font(path)


def test_corrupt_table(tmp_path, tiny_fonts):
    font = TTFont(tiny_fonts["ttf"])
    offset = font.reader.tables["cmap"].offset
    data = bytearray(tiny_fonts["ttf"].read_bytes())
    data[offset : offset + 64] = b"\xff" * 64
    path = tmp_path / "bad-cmap.ttf"
    path.write_bytes(bytes(data))
    with pytest.raises(FontAssistError, match="bad-cmap.ttf: is damaged"):
        open_font(path)


def _drop_cmap(font: TTFont) -> None:
    del font["cmap"]


def _drop_outlines(font: TTFont) -> None:  # a bitmap-only font
    del font["glyf"]
    del font["loca"]
    font["maxp"].tableVersion = 0x00005000


@pytest.mark.parametrize(
    ("drop", "message"),
    [(_drop_cmap, "no Unicode character map"), (_drop_outlines, "no glyph outlines.*outline font")],
    ids=["no unicode cmap", "no outlines"],
)
def test_a_font_without_a_table_it_needs(tmp_path, drop, message):
    path = build_font(tmp_path / "font.ttf")
    font = TTFont(path)
    drop(font)
    font.save(path)
    with pytest.raises(FontAssistError, match=message):
        open_font(path)


def test_error_never_leaks_a_foreign_exception(tmp_path, tiny_fonts):
    """Damage every region of the file in turn: the only exception ever raised is FontAssistError."""
    data = tiny_fonts["ttf"].read_bytes()
    step = max(1, len(data) // 40)
    for start in range(12, len(data), step):
        damaged = bytearray(data)
        damaged[start : start + 32] = bytes((b ^ 0x5A) for b in damaged[start : start + 32])
        path = tmp_path / "damaged.ttf"
        path.write_bytes(bytes(damaged))
        try:
            font = open_font(path)
            render(font, SAMPLE_CHARS, 32, cache=False)
        except FontAssistError:
            pass
