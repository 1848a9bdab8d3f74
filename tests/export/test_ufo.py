"""UFO out and back: review marks, the background layer, hand edits, UFO targets and UFO → TTF with ufo2ft."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
import ufoLib2
from fontTools.pens.recordingPen import DecomposingRecordingPen, RecordingPen
from fontTools.pens.reverseContourPen import ReverseContourPen
from fontTools.ttLib import TTFont
from fontTools.ufoLib import UFOReader

from fontassist.errors import FontAssistError
from fontassist.export.handedits import apply_edits, edited_glyphs, read_edits
from fontassist.export.ufo import (
    BACKGROUND_LAYER,
    FONT_LIB_KEY,
    GLYPH_LIB_KEY,
    MARK_COLORS,
    UfoGlyph,
    compile_ufo,
    merge_into_ufo_target,
    save_ufo_atomically,
    target_as_ufo,
    write_ufo,
)
from fontassist.fonts import list_faces, open_font, render
from fontassist.pipeline import write_font
from fontassist.train.similarity import iou
from tests.export.support import MISSING_IN_ZEN, draw_new_glyph

FLAGGED = {
    "specks": 2,
    "score": 2.0,
    "empty": False,
    "broken": False,
    "merged": False,
    "holes_changed": False,
}


def _tt_drawing(glyph_set, name) -> list:
    pen = DecomposingRecordingPen(glyph_set)
    glyph_set[name].draw(pen)
    return pen.value


def _ufo_drawing_as_truetype(glyph) -> list:
    pen = RecordingPen()
    glyph.draw(ReverseContourPen(pen))
    return pen.value


def _new_glyph_drawing(new) -> list:
    pen = RecordingPen()
    new.glyph.draw(pen, None)
    return pen.value


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def target(zen_subset):
    return open_font(zen_subset)


@pytest.fixture(scope="module")
def source(noto_path):
    return open_font(noto_path)


@pytest.fixture(scope="module")
def review_glyphs(make_new_glyphs):
    """One glyph per review state: accepted, undecided and flagged, undecided and clean, rejected."""
    a, b, c, d, e = make_new_glyphs(MISSING_IN_ZEN)
    return [
        UfoGlyph(a, "accepted", {"score": 0.1}, "runs/a/last.pt"),
        UfoGlyph(b, "undecided", FLAGGED, "runs/a/last.pt"),
        UfoGlyph(c, "undecided", {"score": 0.0}, "runs/a/last.pt"),
        UfoGlyph(d, "rejected", {}, "runs/a/last.pt"),
        UfoGlyph(e, "accepted", {}, "runs/b/step-000500.pt"),
    ]


@pytest.fixture(scope="module")
def exported_ufo(review_glyphs, target, source, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ufo") / "ZenTC.ufo"
    report = write_ufo(
        review_glyphs,
        target,
        out,
        source=source,
        family="Zen Maru Gothic TC",
        provenance={"target": target.path, "source": source.path},
    )
    assert report.glyphs_added == 4 and report.left_out == (MISSING_IN_ZEN[3],)
    return out


def test_ufo_export_reopens_with_outlines_unicodes_and_marks(exported_ufo, review_glyphs, target):
    reader = UFOReader(exported_ufo, validate=True)  # fontTools' own validation
    reader.getGlyphSet(validateRead=True)
    reader.close()
    ufo = ufoLib2.Font.open(exported_ufo, lazy=False, validate=True)
    by_char = {chr(g.unicodes[0]): g for g in ufo if g.unicodes}
    expected_marks = ["accepted", "flagged", "undecided", None, "accepted"]
    for item, mark in zip(review_glyphs, expected_marks, strict=True):
        char = item.new.char
        if mark is None:
            assert char not in by_char, "rejected glyphs are left out unless asked for"
            continue
        glyph = by_char[char]
        assert glyph.unicodes == [ord(char)]
        assert glyph.markColor == MARK_COLORS[mark]
        record = glyph.lib[GLYPH_LIB_KEY]
        assert record["status"] == item.status and record["checkpoint"] == item.checkpoint
        assert record["flags"] == {k: v for k, v in item.flags.items()}
        assert _ufo_drawing_as_truetype(glyph) == _new_glyph_drawing(item.new)
        assert glyph.name in ufo.layers[BACKGROUND_LAYER]
        assert ufo.layers[BACKGROUND_LAYER][glyph.name].contours, "the source glyph is the background"
    # The marks differ from each other, so an editor shows four states.
    assert len(set(MARK_COLORS.values())) == len(MARK_COLORS)
    # The target's glyphs are all there, in the target's order, with their outlines and metrics.
    font = target.ttfont()
    order = font.getGlyphOrder()
    assert ufo.lib["public.glyphOrder"][: len(order)] == order
    glyph_set = font.getGlyphSet()
    for name in order[:60]:
        assert _ufo_drawing_as_truetype(ufo[name]) == _tt_drawing(glyph_set, name)
        assert ufo[name].width == font["hmtx"][name][0]
    assert ufo.info.familyName == "Zen Maru Gothic TC" and ufo.info.unitsPerEm == target.upm
    assert ufo.lib[FONT_LIB_KEY]["glyphs"]


def test_rejected_glyphs_are_written_when_asked(review_glyphs, target, tmp_path):
    report = write_ufo(review_glyphs, target, tmp_path / "all.ufo", mode="new", include_rejected=True)
    ufo = ufoLib2.Font.open(report.out_path)
    rejected = [g for g in ufo if g.lib.get(GLYPH_LIB_KEY, {}).get("status") == "rejected"]
    assert len(rejected) == 1 and rejected[0].markColor == MARK_COLORS["rejected"]
    assert {".notdef", "space"} <= set(ufo.keys()) and len(ufo) == 7  # new mode: the glyphs alone


def test_ufo_output_never_replaces_an_input_or_a_non_ufo(review_glyphs, target, tmp_path):
    ufo_target = tmp_path / "target.ufo"
    save_ufo_atomically(target_as_ufo(target), ufo_target)
    with pytest.raises(FontAssistError, match="never overwrites"):
        write_ufo(review_glyphs, open_font(ufo_target), ufo_target)
    (tmp_path / "plain.ufo").mkdir()
    with pytest.raises(FontAssistError, match="not a UFO"):
        write_ufo(review_glyphs, target, tmp_path / "plain.ufo")
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()), "no temporary folder is left behind"


def test_round_trip_ttf_to_ufo_to_ttf_keeps_every_outline_and_passes_ots(
    exported_ufo, review_glyphs, target, tmp_path
):
    """The demo's round trip: TTF target + new glyphs → UFO → TTF via ufo2ft (validated with OTS)."""
    report = compile_ufo(exported_ufo, tmp_path / "ZenTC.ttf")
    assert report.validation is not None and report.validation.ok, report.validation
    original, rebuilt = target.ttfont(), TTFont(report.out_path)
    original_set, rebuilt_set = original.getGlyphSet(), rebuilt.getGlyphSet()
    for name in original.getGlyphOrder():
        assert _tt_drawing(rebuilt_set, name) == _tt_drawing(original_set, name), name
        assert rebuilt["hmtx"][name][0] == original["hmtx"][name][0]
    cmap = rebuilt.getBestCmap()
    assert {k: v for k, v in cmap.items() if k in original.getBestCmap()} == original.getBestCmap()
    for item in review_glyphs:
        if item.status != "rejected":
            assert _tt_drawing(rebuilt_set, cmap[item.new.codepoint]) == _new_glyph_drawing(item.new)
    assert "GSUB" in rebuilt and "vmtx" in rebuilt, "layout tables and vertical metrics survive"


def test_the_editor_loop_edit_delete_draw_then_export(exported_ufo, target, tmp_path):
    """export UFO → a script edits it like a designer → import edits → export the font."""
    edited_path = tmp_path / "edited.ufo"
    shutil.copytree(exported_ufo, edited_path)
    ufo = ufoLib2.Font.open(edited_path, lazy=False)
    by_char = {chr(g.unicodes[0]): g.name for g in ufo if g.unicodes}
    changed, deleted, flagged_one = MISSING_IN_ZEN[0], MISSING_IN_ZEN[1], MISSING_IN_ZEN[2]
    ufo[by_char[changed]].contours[0].points[0].x += 25  # one outline fixed by hand
    del ufo[by_char[deleted]]  # one glyph thrown out
    draw_new_glyph(ufo)  # one glyph drawn new (龜)
    ufo[by_char[flagged_one]].markColor = MARK_COLORS["rejected"]  # a decision taken in the editor
    ufo.save()

    found = read_edits(edited_path)
    assert found.edited == [changed] and found.drawn == ["龜"] and found.deleted == [deleted]
    assert found.marked == {flagged_one: "rejected"} and found.unchanged == 2
    review = {"accepted": "", "rejected": ""}
    assert set(apply_edits(review, found, for_training=True)) == {changed, "龜", deleted, flagged_one}
    assert set(review["accepted"]) == {changed, "龜"} and set(review["rejected"]) == {deleted, flagged_one}
    assert review["edits_train"] is True
    assert apply_edits(review, found) == [], "taking the same edits twice changes nothing"

    hand = {g.char: g for g in edited_glyphs(review)}
    assert set(hand) == {changed, "龜"}
    # Exported as drawn: the font holds exactly the outline from the editor, not a tracing.
    frame = target.frame(64)
    out = write_font(
        np.zeros((0, 64, 64), np.uint8),
        [],
        frame,
        target,
        tmp_path / "out.ttf",
        family="X",
        drawn=list(hand.values()),
    )
    font = TTFont(out.out_path)
    cmap, glyph_set = font.getBestCmap(), font.getGlyphSet()
    expected = RecordingPen()
    ufo[by_char[changed]].draw(ReverseContourPen(expected))
    assert _tt_drawing(glyph_set, cmap[ord(changed)]) == expected.value
    assert ord(deleted) not in cmap and 0x9F9C in cmap
    # The edited UFO itself compiles too (the designer's own build path).
    assert compile_ufo(edited_path, tmp_path / "edited.ttf").validation.ok


def test_import_edits_refuses_a_ufo_fontassist_did_not_write(target, tmp_path):
    path = tmp_path / "plain.ufo"
    save_ufo_atomically(target_as_ufo(target), path)
    with pytest.raises(FontAssistError, match="not written by fontassist"):
        read_edits(path)


# -- a UFO as the target --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ufo_target(target, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("target") / "ZenWIP.ufo"
    save_ufo_atomically(target_as_ufo(target), path)
    return path


def test_a_ufo_target_renders_in_the_same_em_frame(ufo_target, target):
    ufo_font = open_font(ufo_target)
    assert ufo_font.outline_format == "ufo"
    assert (ufo_font.upm, ufo_font.em_bottom) == (target.upm, target.em_bottom)
    assert ufo_font.chars == target.chars
    chars = sorted(c for c in target.chars if ord(c) >= 0x4E00)[:12]
    from_ufo, from_ttf = render(ufo_font, chars, 64, cache=False), render(target, chars, 64, cache=False)
    for a, b in zip(from_ufo.images, from_ttf.images, strict=True):
        assert iou(a, b) > 0.99


def test_a_designspace_master_is_a_target(ufo_target, tmp_path):
    from fontTools.designspaceLib import AxisDescriptor, DesignSpaceDocument, SourceDescriptor

    document = DesignSpaceDocument()
    axis = AxisDescriptor()
    axis.name, axis.tag, axis.minimum, axis.default, axis.maximum = "weight", "wght", 400, 400, 700
    document.addAxis(axis)
    for weight, style in ((400, "Regular"), (700, "Bold")):
        source = SourceDescriptor()
        source.path, source.styleName, source.location = os.fspath(ufo_target), style, {"weight": weight}
        document.addSource(source)
    path = tmp_path / "family.designspace"
    document.write(path)
    assert len(list_faces(path)) == 2
    master = open_font(path, 1)
    assert master.chars == open_font(ufo_target).chars
    with pytest.raises(FontAssistError, match="master index 2"):
        open_font(path, 2)


def test_merge_into_a_ufo_target_writes_a_copy_never_the_original(ufo_target, make_new_glyphs, tmp_path):
    before = _tree_digest(ufo_target)
    ufo_font = open_font(ufo_target)
    glyphs = make_new_glyphs(MISSING_IN_ZEN[:2])
    report = write_ufo([UfoGlyph(g) for g in glyphs], ufo_font, tmp_path / "merged.ufo")
    assert report.total_glyphs == ufo_font.glyph_count + 2
    ttf = merge_into_ufo_target(ufo_font, glyphs, tmp_path / "merged.ttf", family="Zen WIP TC")
    assert ttf.validation.ok and ttf.glyphs_added == 2
    assert ord(MISSING_IN_ZEN[0]) in TTFont(ttf.out_path).getBestCmap()
    assert _tree_digest(ufo_target) == before, "the designer's UFO is never changed"


def test_a_ufo_that_is_not_there_or_broken_is_one_clear_error(tmp_path):
    with pytest.raises(FontAssistError, match="not found"):
        open_font(tmp_path / "missing.ufo")
    broken = tmp_path / "broken.ufo"
    broken.mkdir()
    (broken / "metainfo.plist").write_text("not a plist")
    with pytest.raises(FontAssistError, match="cannot be read as a UFO"):
        open_font(broken)


def test_a_new_font_from_a_ufo_target_and_its_naming_checks(ufo_target, make_new_glyphs, target, tmp_path):
    from fontassist.export import naming_warnings

    ufo_font = open_font(ufo_target)
    glyphs = make_new_glyphs(MISSING_IN_ZEN[:2])
    report = write_font(
        np.zeros((0, 64, 64), np.uint8),
        [],
        ufo_font.frame(64),
        ufo_font,
        tmp_path / "new.ttf",
        family="Zen WIP Extra",
        mode="new",
        drawn=glyphs,
    )
    assert report.validation.ok and report.glyphs_added == 2
    font = TTFont(report.out_path)
    assert {ord(c) for c in MISSING_IN_ZEN[:2]} <= set(font.getBestCmap())
    assert font["head"].unitsPerEm == target.upm and len(font.getGlyphOrder()) == 4
    # The same naming checks as for a font file: the UFO's own family name is flagged.
    from_ufo, from_ttf = (
        naming_warnings(ufo_target, target.family),
        naming_warnings(target.path, target.family),
    )
    assert len(from_ufo) == len(from_ttf) >= 1


@pytest.mark.parametrize("checks", [0, 1, 3])
def test_a_cancelled_ufo_export_writes_nothing(review_glyphs, target, tmp_path, checks):
    from fontassist.jobs import JobCancelled
    from tests.cancelling import CancelAfter

    out = tmp_path / "cancelled.ufo"
    with pytest.raises(JobCancelled, match="no file was written"):
        write_ufo(review_glyphs, target, out, mode="new", cancel=CancelAfter(checks))
    assert list(tmp_path.iterdir()) == []


def test_hand_fixed_glyphs_become_training_pairs_when_asked(exported_ufo, target, tmp_path):
    from fontassist.export.handedits import training_target, write_training_target

    edited_path = tmp_path / "edited.ufo"
    shutil.copytree(exported_ufo, edited_path)
    ufo = ufoLib2.Font.open(edited_path, lazy=False)
    glyph = next(g for g in ufo if g.unicodes and chr(g.unicodes[0]) == MISSING_IN_ZEN[0])
    glyph.contours[0].points[0].y -= 20
    ufo.save(overwrite=True)
    review: dict = {}
    apply_edits(review, read_edits(edited_path), for_training=True)
    path = write_training_target(target, review, tmp_path / "p.training-target.ttf")
    assert training_target(review) == path
    training = open_font(path)
    assert training.has(MISSING_IN_ZEN[0]) and training.chars == target.chars | {MISSING_IN_ZEN[0]}
    # Rendered like any target glyph: the pair the next run learns from is the designer's drawing.
    raster = render(training, [MISSING_IN_ZEN[0]], 64, cache=False).images[0]
    assert raster.max() == 255
    review["edits_train"] = False
    assert training_target(review) is None
