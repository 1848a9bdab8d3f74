from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

from fontassist.export import NewGlyph, glyph_from_pen_drawing, merge_into_font
from fontassist.export.cmap import add_to_cmap
from fontassist.export.os2ranges import code_page_bits, code_page_level1
from tests.export.support import charset

BIG5 = 20


def test_big5_level1_matches_the_bundled_charset():
    assert code_page_level1(BIG5) == {ord(c) for c in charset("big5-level1-5401.txt")}
    assert [len(code_page_level1(bit)) for bit in (17, 18, 19)] == [2965, 3755, 2350]


def test_east_asian_code_pages_need_their_whole_level1_set():
    ascii_ = set(range(0x20, 0x7F))
    big5 = set(code_page_level1(BIG5))
    assert BIG5 not in code_page_bits(ascii_ | {ord("央")})  # fontTools' one-character test would say yes
    assert BIG5 in code_page_bits(ascii_ | big5)
    assert BIG5 not in code_page_bits(ascii_ | (big5 - {ord("央")}))
    assert 17 in code_page_bits(set(code_page_level1(17)))
    assert 0 in code_page_bits(ascii_ | {ord("Þ")})  # the other bits follow fontTools


def _subtable(fmt: int, platform: int, encoding: int, mapping: dict[int, str]):
    subtable = CmapSubtable.newSubtable(fmt)
    subtable.platformID, subtable.platEncID, subtable.language = platform, encoding, 0
    subtable.cmap = dict(mapping)
    return subtable


def test_new_code_points_go_to_every_subtable_that_can_hold_them():
    font = TTFont()
    font["cmap"] = cmap = newTable("cmap")
    cmap.tableVersion = 0
    cmap.tables = [
        _subtable(4, 3, 1, {0x41: "A"}),
        _subtable(12, 3, 10, {0x41: "A", 0x20000: "u20000"}),
        _subtable(6, 0, 3, {0x41: "A"}),
        _subtable(6, 1, 0, {0x41: "A"}),
    ]
    warnings = add_to_cmap(font, {0x4E00: "uni4E00", 0x20021: "u20021"})
    by_key = {(t.platformID, t.platEncID): t.cmap for t in cmap.tables}
    assert by_key[(3, 1)] == {0x41: "A", 0x4E00: "uni4E00"}
    assert by_key[(3, 10)] == {0x41: "A", 0x20000: "u20000", 0x4E00: "uni4E00", 0x20021: "u20021"}
    assert by_key[(1, 0)] == {0x41: "A"}  # a Mac Roman table is not Unicode
    assert by_key[(0, 3)] == {0x41: "A"}
    assert len(warnings) == 1 and "(0,3) format 6" in warnings[0]
    assert len(cmap.tables) == 4


@pytest.fixture()
def target_without_big5_bit(zen_subset, tmp_path):
    font = TTFont(zen_subset)
    font["OS/2"].setCodePageRanges(font["OS/2"].getCodePageRanges() - {BIG5})
    path = tmp_path / "no-big5-bit.ttf"
    font.save(path)
    return path


def test_merging_the_rest_of_big5_sets_its_code_page_bit(target_without_big5_bit, tmp_path):
    present = set(TTFont(target_without_big5_bit).getBestCmap())
    empty = glyph_from_pen_drawing(lambda pen: None)
    missing = sorted(code_page_level1(BIG5) - present)
    partial = merge_into_font(
        target_without_big5_bit,
        [NewGlyph(chr(cp), empty) for cp in missing[1:]],
        tmp_path / "partial.ttf",
        family="X Y",
        validate=False,
    )
    assert BIG5 not in TTFont(partial.out_path)["OS/2"].getCodePageRanges()
    complete = merge_into_font(
        target_without_big5_bit,
        [NewGlyph(chr(cp), empty) for cp in missing],
        tmp_path / "complete.ttf",
        family="X Y",
    )
    bits = TTFont(complete.out_path)["OS/2"].getCodePageRanges()
    assert BIG5 in bits
    assert bits >= TTFont(target_without_big5_bit)["OS/2"].getCodePageRanges()  # nothing taken away
    assert complete.validation.ok
