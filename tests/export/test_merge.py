from __future__ import annotations

import array
import os

import freetype
import numpy as np
import pytest
from fontTools.pens.areaPen import AreaPen
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.freetypePen import FreeTypePen
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from fontassist.errors import FontAssistError
from fontassist.export import NewGlyph, ValidationResult, merge_into_font, validate_font
from fontassist.export.glyphs import glyph_from_pen_drawing
from fontassist.jobs import JobCancelled
from fontassist.train.similarity import iou
from tests.cancelling import CancelAfter
from tests.export.support import BEYOND_BMP
from tests.export.support import MISSING_IN_ZEN as MISSING


def _outlines(font: TTFont, names) -> dict[str, list]:
    glyph_set = font.getGlyphSet()
    recorded = {}
    for name in names:
        pen = RecordingPen()
        glyph_set[name].draw(pen)
        recorded[name] = pen.value
    return recorded


@pytest.fixture(scope="module")
def merged(zen_subset, make_new_glyphs, tmp_path_factory):
    out = tmp_path_factory.mktemp("merged") / "ZenMaruGothicTC-Regular.ttf"
    calls = []
    report = merge_into_font(
        zen_subset,
        make_new_glyphs(MISSING),
        out,
        family="Zen Maru Gothic TC",
        progress=lambda done, total, message: calls.append((done, total, message)),
    )
    return report, calls


def test_merge_appends_glyphs_and_keeps_the_original_ones(zen_subset, merged):
    report, _ = merged
    original, result = TTFont(zen_subset), TTFont(report.out_path)
    original_order = original.getGlyphOrder()
    order = result.getGlyphOrder()
    assert report.glyphs_added == len(MISSING)
    assert report.total_glyphs == len(order) == len(original_order) + len(MISSING) == result["maxp"].numGlyphs
    assert order[: len(original_order)] == original_order
    assert order[len(original_order) :] == [f"uni{ord(c):04X}" for c in sorted(MISSING)]
    assert _outlines(result, original_order) == _outlines(original, original_order)
    for name in original_order:
        assert result["hmtx"][name] == original["hmtx"][name]
        assert result["vmtx"][name] == original["vmtx"][name]
    assert report.file_size == report.out_path.stat().st_size


def test_layout_tables_are_untouched_and_still_load(zen_subset, merged):
    report, _ = merged
    original, result = TTFont(zen_subset), TTFont(report.out_path)
    for tag in ("GSUB", "GPOS", "GDEF", "BASE"):
        assert result.reader[tag] == original.reader[tag], tag
    result.ensureDecompiled()
    assert result["GSUB"].table.LookupList.LookupCount == original["GSUB"].table.LookupList.LookupCount


def test_every_unicode_subtable_maps_the_new_characters(zen_subset, merged):
    report, _ = merged
    original, result = TTFont(zen_subset), TTFont(report.out_path)
    unicode_tables = [t for t in result["cmap"].tables if t.isUnicode()]
    assert len(unicode_tables) == 2  # (0,3) and (3,1), both format 4
    original_map = original.getBestCmap()
    for subtable in unicode_tables:
        for char in MISSING:
            assert subtable.cmap[ord(char)] == f"uni{ord(char):04X}"
        assert {cp: subtable.cmap[cp] for cp in original_map} == original_map


def test_new_glyph_metrics_follow_the_target_ideographs(merged, make_new_glyphs):
    report, _ = merged
    result = TTFont(report.out_path)
    glyf = result["glyf"]
    for new in make_new_glyphs(MISSING):
        name = f"uni{ord(new.char):04X}"
        glyph = glyf[name]
        assert glyph.numberOfContours > 0 and glyph.program.getBytecode() == b""
        assert result["hmtx"][name] == (1000, glyph.xMin)
        # Zen Maru Gothic's ideographs hang from y = 880 in vertical text.
        assert result["vmtx"][name] == (1000, 880 - glyph.yMax)
        assert (glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax) == (
            new.glyph.xMin,
            new.glyph.yMin,
            new.glyph.xMax,
            new.glyph.yMax,
        )


# The font-wide fields derived from the glyphs, per table.
EXTENTS = {
    "head": ("xMin", "yMin", "xMax", "yMax"),
    "hhea": ("advanceWidthMax", "minLeftSideBearing", "minRightSideBearing", "xMaxExtent"),
    "vhea": ("advanceHeightMax", "minTopSideBearing", "minBottomSideBearing", "yMaxExtent"),
    "maxp": ("numGlyphs", "maxPoints", "maxContours"),
}


def _extents(font: TTFont) -> dict[str, list]:
    return {tag: [getattr(font[tag], k) for k in keys] for tag, keys in EXTENTS.items()}


def test_font_wide_extents_match_a_full_recalculation(merged):
    report, _ = merged
    result = TTFont(report.out_path)
    written = _extents(result)
    result["maxp"].recalc(result)  # also recomputes head's bounding box
    result["hhea"].recalc(result)
    result["vhea"].recalc(result)
    assert written == _extents(result)


def test_merged_font_passes_validation(merged):
    report, _ = merged
    assert report.validation is not None and report.validation.ok, report.validation
    assert validate_font(report.out_path).ok


def test_progress_covers_adding_and_writing(merged):
    _, calls = merged
    messages = [message for _, _, message in calls]
    assert "Adding glyphs" in messages and messages[-1] == "Done"
    adding = [(done, total) for done, total, message in calls if message == "Adding glyphs"]
    assert adding[-1] == (len(MISSING), len(MISSING))
    assert [done for done, _ in adding] == sorted(done for done, _ in adding)


def test_names_are_set_consistently(merged):
    report, _ = merged
    name = TTFont(report.out_path)["name"]
    assert name.getDebugName(1) == "Zen Maru Gothic TC"
    assert name.getDebugName(2) == "Regular"
    assert (
        name.getDebugName(16) is None and name.getDebugName(17) is None
    )  # a Regular needs no typographic names
    assert name.getDebugName(4) == "Zen Maru Gothic TC Regular"
    assert name.getDebugName(6) == "ZenMaruGothicTC-Regular"
    assert name.getDebugName(3).endswith(";NONE;ZenMaruGothicTC-Regular;fontassist")
    assert "fontassist" in name.getDebugName(5)
    assert TTFont(report.out_path)["OS/2"].achVendID == "NONE"
    assert all(name.getDebugName(i) is None for i in (8, 9, 11, 12))  # not the original's maker any more
    copyright_line = name.getDebugName(0)
    assert copyright_line.startswith("Copyright 2021 The Zen Maru Gothic")
    assert copyright_line.endswith("Glyphs added with fontassist.")
    assert "Open Font License" in name.getDebugName(13)
    assert name.getDebugName(14).endswith("OFL")
    family_records = {r.toUnicode() for r in name.names if r.nameID in (1, 4, 6, 16)}
    assert not any(text.startswith(("Zen Maru Gothic Regular", "ZenMaruGothic-")) for text in family_records)


def test_names_of_a_style_outside_the_four_and_the_source_copyright(
    zen_subset, noto, noto_path, make_new_glyphs, tmp_path
):
    out = tmp_path / "medium.ttf"
    merge_into_font(
        zen_subset, make_new_glyphs("丟"), out, family="Round TC", style="Medium", source_path=noto_path
    )
    name = TTFont(out)["name"]
    assert (name.getDebugName(1), name.getDebugName(2)) == ("Round TC Medium", "Regular")
    assert (name.getDebugName(16), name.getDebugName(17)) == ("Round TC", "Medium")
    copyright_line = name.getDebugName(0)
    assert copyright_line.startswith("Copyright 2021 The Zen Maru Gothic")
    assert noto["name"].getDebugName(0).split(".")[0] in copyright_line


def test_the_source_fonts_reserved_names_are_checked(zen_subset, noto_path, make_new_glyphs, tmp_path):
    report = merge_into_font(
        zen_subset, make_new_glyphs("丟"), tmp_path / "o.ttf", family="Source Maru TC", source_path=noto_path
    )
    assert any('"Source"' in w and "source font" in w for w in report.warnings)


def test_merge_adds_no_font_wide_programs(zen_subset, merged):
    report, _ = merged
    original, result = TTFont(zen_subset), TTFont(report.out_path)
    assert "fpgm" not in original and "prep" not in original
    assert "prep" not in result and "fpgm" not in result and "cvt " not in result
    assert result["gasp"].gaspRange == original["gasp"].gaspRange


@pytest.mark.parametrize("ppem", [12, 13, 14, 15, 16])
def test_original_glyphs_render_the_same_after_a_merge(zen_subset, merged, ppem):
    """FreeType in its default (hinted, autohinted where no program) mode draws every original glyph as before."""
    report, _ = merged
    cmap = TTFont(zen_subset).getBestCmap()
    before, after = freetype.Face(os.fspath(zen_subset)), freetype.Face(os.fspath(report.out_path))
    for face in (before, after):
        face.set_pixel_sizes(0, ppem)
    for char in "永國あア、A g".replace(" ", ""):
        if ord(char) not in cmap:
            continue
        bitmaps = []
        for face in (before, after):
            face.load_char(char, freetype.FT_LOAD_DEFAULT | freetype.FT_LOAD_RENDER)
            bitmap = face.glyph.bitmap
            bitmaps.append((bitmap.width, bitmap.rows, bytes(bitmap.buffer), face.glyph.bitmap_left))
        assert bitmaps[0] == bitmaps[1], (char, ppem)


def test_new_glyph_renders_where_its_outline_put_it(merged, make_new_glyphs):
    """freetype renders the written font; the expected image rasterises the outline directly."""
    report, _ = merged
    ppem, upm, em_top = 100, 1000, 880
    scale = ppem / upm
    face = freetype.Face(os.fspath(report.out_path))
    face.set_pixel_sizes(0, ppem)
    for new in make_new_glyphs(MISSING[:2]):
        face.load_char(new.char, freetype.FT_LOAD_RENDER | freetype.FT_LOAD_NO_HINTING)
        slot = face.glyph
        bitmap = np.array(slot.bitmap.buffer, dtype=np.uint8).reshape(slot.bitmap.rows, slot.bitmap.width)
        rendered = np.zeros((ppem, ppem), np.uint8)
        top = round(em_top * scale) - slot.bitmap_top
        rendered[top : top + bitmap.shape[0], slot.bitmap_left : slot.bitmap_left + bitmap.shape[1]] = bitmap
        assert slot.advance.x / 64 == pytest.approx(ppem)

        pen = FreeTypePen(None)
        new.glyph.draw(pen, None)
        expected = pen.array(ppem, ppem, transform=(scale, 0, 0, scale, 0, (upm - em_top) * scale))
        assert iou(rendered, (expected * 255).astype(np.uint8)) > 0.9


def test_beyond_bmp_character_gets_a_format_12_subtable(zen_subset, make_new_glyphs, tmp_path):
    out = tmp_path / "out.ttf"
    report = merge_into_font(
        zen_subset,
        make_new_glyphs("丟") + make_new_glyphs(BEYOND_BMP, outline_of="丫"),
        out,
        family="Zen Maru Gothic X",
    )
    result = TTFont(out)
    format12 = [t for t in result["cmap"].tables if t.format == 12]
    assert {(t.platformID, t.platEncID) for t in format12} == {(3, 10), (0, 4)}
    bmp_map = result["cmap"].getcmap(3, 1).cmap
    for subtable in format12:
        assert subtable.cmap[ord(BEYOND_BMP)] == "u20021"
        assert {cp: name for cp, name in subtable.cmap.items() if cp <= 0xFFFF} == bmp_map
    assert ord(BEYOND_BMP) not in bmp_map and bmp_map[ord("丟")] == "uni4E1F"
    assert 57 in result["OS/2"].getUnicodeRanges()  # non-BMP
    assert report.validation.ok


def test_a_name_already_used_by_an_unmapped_glyph_gets_a_suffix(zen_subset, tmp_path):
    order = TTFont(zen_subset).getGlyphOrder()
    order[-1] = "uni4E1F"
    font = TTFont(zen_subset)
    font["post"]  # loaded, so that it is written with the new names
    font.setGlyphOrder(order)
    renamed = tmp_path / "renamed.ttf"
    font.save(renamed)
    assert TTFont(renamed).getGlyphOrder()[-1] == "uni4E1F"
    out = tmp_path / "out.ttf"
    merge_into_font(
        renamed, [NewGlyph("丟", glyph_from_pen_drawing(_square))], out, family="Zen Maru Gothic X"
    )
    result = TTFont(out)
    assert result.getBestCmap()[ord("丟")] == "uni4E1F.1"
    assert result.getGlyphOrder()[-2:] == ["uni4E1F", "uni4E1F.1"]


def _square(pen) -> None:
    pen.moveTo((100, 0))
    pen.lineTo((100, 800))
    pen.lineTo((900, 800))
    pen.lineTo((900, 0))
    pen.closePath()


@pytest.mark.parametrize("with_vorg", [True, False])
def test_cff_target_is_converted_to_truetype(cff_font, make_new_glyphs, tmp_path, with_vorg):
    if not with_vorg:
        font = TTFont(cff_font)
        del font["VORG"]
        cff_font = tmp_path / "no-vorg.otf"
        font.save(cff_font)
    original = TTFont(cff_font)
    out = tmp_path / "out.ttf"
    calls = []
    report = merge_into_font(
        cff_font,
        make_new_glyphs(MISSING[:2]),
        out,
        family="Tiny TT",
        progress=lambda *call: calls.append(call),
    )
    result = TTFont(out)
    assert result.sfntVersion == "\x00\x01\x00\x00"
    assert "glyf" in result and "CFF " not in result and "VORG" not in result
    assert result.getGlyphOrder()[: len(original.getGlyphOrder())] == original.getGlyphOrder()
    assert any(message.startswith("Converting PostScript outlines") for _, _, message in calls)
    assert any("converted" in warning for warning in report.warnings)
    assert report.validation.ok
    original_glyphs, result_glyphs = original.getGlyphSet(), result.getGlyphSet()
    for name in original.getGlyphOrder():
        assert result["hmtx"][name][0] == original["hmtx"][name][0]
        glyph = result["glyf"][name]
        if not glyph.numberOfContours:
            continue
        bounds, area = BoundsPen(original_glyphs), AreaPen(original_glyphs)
        original_glyphs[name].draw(bounds)
        original_glyphs[name].draw(area)
        # Vertical origin kept: TrueType's yMax + tsb is where the CFF font put it
        # (VORG, or else its own yMax + tsb).
        origin = 880 if with_vorg else round(bounds.bounds[3]) + original["vmtx"][name][1]
        assert glyph.yMax + result["vmtx"][name][1] == origin
        assert result["hmtx"][name][1] == glyph.xMin
        converted_bounds, converted_area = BoundsPen(result_glyphs), AreaPen(result_glyphs)
        result_glyphs[name].draw(converted_bounds)
        result_glyphs[name].draw(converted_area)
        # cu2qu keeps within 1 unit of the cubic curves; coordinates round to whole units.
        assert max(abs(a - b) for a, b in zip(bounds.bounds, converted_bounds.bounds, strict=False)) <= 1.5
        # PostScript outer contours run counter-clockwise (positive area), TrueType's clockwise.
        assert area.value > 0 and converted_area.value == pytest.approx(-area.value, rel=0.005)


def test_cancel_before_the_end_leaves_no_file(zen_subset, make_new_glyphs, tmp_path):
    glyphs = make_new_glyphs(MISSING)
    for cancel_after in (0, 3, len(MISSING) + 1):
        with pytest.raises(JobCancelled, match="cancelled; no file was written"):
            merge_into_font(
                zen_subset,
                glyphs,
                tmp_path / "out.ttf",
                family="Zen Maru Gothic X",
                cancel=CancelAfter(cancel_after),
            )
        assert list(tmp_path.iterdir()) == []


def test_cancel_during_cff_conversion(cff_font, make_new_glyphs, tmp_path):
    with pytest.raises(JobCancelled):
        merge_into_font(
            cff_font, make_new_glyphs("丟"), tmp_path / "out.ttf", family="X", cancel=CancelAfter(0)
        )
    assert list(tmp_path.iterdir()) == []


def test_failed_validation_publishes_nothing(zen_subset, make_new_glyphs, tmp_path, monkeypatch):
    out = tmp_path / "out.ttf"
    out.write_bytes(b"previous export")
    monkeypatch.setattr(
        "fontassist.export.writing.validate_font",
        lambda path: ValidationResult(False, ("OTS: ERROR: simulated failure",)),
    )
    with pytest.raises(FontAssistError, match="failed validation.*simulated failure"):
        merge_into_font(zen_subset, make_new_glyphs("丟"), out, family="Zen Maru Gothic X")
    assert out.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttf"]


def test_validate_false_skips_validation(zen_subset, make_new_glyphs, tmp_path):
    report = merge_into_font(
        zen_subset, make_new_glyphs("丟"), tmp_path / "o.ttf", family="X Y", validate=False
    )
    assert report.validation is None


def test_output_equal_to_the_target_is_refused(zen_subset, make_new_glyphs, tmp_path):
    before = zen_subset.read_bytes()
    spelled_differently = zen_subset.parent / ".." / zen_subset.parent.name / zen_subset.name
    link = tmp_path / "link.ttf"
    link.symlink_to(zen_subset)
    for out in (zen_subset, spelled_differently, link):
        with pytest.raises(FontAssistError, match="same file as the input"):
            merge_into_font(zen_subset, make_new_glyphs("丟"), out, family="Zen Maru Gothic X")
    assert zen_subset.read_bytes() == before


def test_bad_inputs_get_clear_errors(zen_subset, make_new_glyphs, tmp_path):
    glyphs = make_new_glyphs("丟")
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("not a font")
    cases = [
        (dict(target_path=tmp_path / "missing.ttf"), "does not exist"),
        (dict(target_path=not_a_font), "cannot be read as a font"),
        (dict(out_path=tmp_path / "no" / "such" / "dir" / "o.ttf"), "folder .* does not exist"),
        (dict(out_path=tmp_path), "is a folder"),
        (dict(out_path=tmp_path / "o.woff2"), "plain TrueType font, not .woff2"),
        (dict(new_glyphs=make_new_glyphs("一")), "already has 1 of the characters to add: 一"),
        (dict(new_glyphs=glyphs + glyphs), "given more than once: 丟"),
        (dict(family="  "), "family name is empty"),
        (dict(family="圓體"), "PostScript name"),
    ]
    for overrides, message in cases:
        arguments = dict(target_path=zen_subset, new_glyphs=glyphs, out_path=tmp_path / "o.ttf", family="F G")
        arguments.update(overrides)
        with pytest.raises(FontAssistError, match=message):
            merge_into_font(
                arguments.pop("target_path"),
                arguments.pop("new_glyphs"),
                arguments.pop("out_path"),
                **arguments,
            )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.ttf"]


def test_unwritable_folder_is_a_clear_error(zen_subset, make_new_glyphs, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if not os.access(folder, os.W_OK):
            with pytest.raises(FontAssistError, match="not writable"):
                merge_into_font(zen_subset, make_new_glyphs("丟"), folder / "o.ttf", family="F G")

        # Root may write anywhere, and a check can race a change: the write itself reports too.
        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("fontassist.safeio.tempfile.mkstemp", refuse)
        with pytest.raises(FontAssistError, match="cannot be written: permission denied"):
            merge_into_font(zen_subset, make_new_glyphs("丟"), tmp_path / "o.ttf", family="F G")
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == [] and not (tmp_path / "o.ttf").exists()


def test_more_than_65535_glyphs_is_refused_before_writing(zen_subset, tmp_path):
    empty = glyph_from_pen_drawing(lambda pen: None)
    existing = len(TTFont(zen_subset).getGlyphOrder())
    too_many = 0xFFFF - existing + 1
    # Supplementary Private Use Area-A: plenty of code points no font maps.
    glyphs = [NewGlyph(chr(0xF0000 + i), empty) for i in range(too_many)]
    with pytest.raises(FontAssistError, match="65,535"):
        merge_into_font(zen_subset, glyphs, tmp_path / "o.ttf", family="F G")
    assert list(tmp_path.iterdir()) == []


def test_variable_fonts_are_refused(tmp_path):
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef"])
    builder.setupCharacterMap({})
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph()})
    builder.setupHorizontalMetrics({".notdef": (500, 0)})
    builder.setupHorizontalHeader()
    builder.setupNameTable({"familyName": "V", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.setupFvar([("wght", 100, 400, 900, "Weight")], [])
    path = tmp_path / "var.ttf"
    builder.save(path)
    with pytest.raises(FontAssistError, match="variable font.*instancer"):
        merge_into_font(path, [], tmp_path / "o.ttf", family="F G")


@pytest.mark.parametrize("flavor", ["woff", "woff2"])
def test_web_font_targets_are_written_as_plain_truetype(tiny_fonts, make_new_glyphs, tmp_path, flavor):
    report = merge_into_font(
        tiny_fonts[flavor], make_new_glyphs("丟"), tmp_path / "o.ttf", family="Web Round"
    )
    assert report.out_path.read_bytes()[:4] == b"\x00\x01\x00\x00"
    assert TTFont(report.out_path).flavor is None and report.validation.ok


def test_a_collection_member_is_merged(tiny_fonts, make_new_glyphs, tmp_path):
    from fontTools.ttLib import TTCollection

    second = TTCollection(tiny_fonts["ttc"]).fonts[1]
    report = merge_into_font(
        tiny_fonts["ttc"], make_new_glyphs("丟"), tmp_path / "o.ttf", family="Second Round", font_number=1
    )
    result = TTFont(report.out_path)
    assert result.getGlyphOrder() == second.getGlyphOrder() + ["uni4E1F"]
    assert report.validation.ok


def test_a_hinted_target_keeps_its_hinting_tables(zen_subset, make_new_glyphs, tmp_path):
    from fontTools.ttLib import newTable
    from fontTools.ttLib.tables import ttProgram

    font = TTFont(zen_subset)
    font["fpgm"] = newTable("fpgm")
    font["fpgm"].program = ttProgram.Program()
    font["fpgm"].program.fromAssembly("PUSHB[ ]\n0\nFDEF[ ]\nENDF[ ]")
    font["cvt "] = newTable("cvt ")
    font["cvt "].values = array.array("h", [0, 40, 80])
    font["gasp"].gaspRange = {8: 0x2, 0xFFFF: 0xF}
    font["maxp"].maxFunctionDefs = 1
    font["maxp"].maxStackElements = 1
    hinted = tmp_path / "hinted.ttf"
    font.save(hinted)

    report = merge_into_font(hinted, make_new_glyphs("丟"), tmp_path / "o.ttf", family="Hinted Round")
    result = TTFont(report.out_path)
    assert "prep" not in result
    assert result["gasp"].gaspRange == {8: 0x2, 0xFFFF: 0xF}
    assert result.reader["fpgm"] == TTFont(hinted).reader["fpgm"]
    assert result["glyf"]["uni4E1F"].program.getBytecode() == b""
    assert any("hinted" in warning for warning in report.warnings)
    assert report.validation.ok
