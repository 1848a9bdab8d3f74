from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PySide6.QtCore import QSettings

from fontassist import resources
from fontassist.app.common.settings import AppSettings
from fontassist.app.export.exportjobs import default_family, default_file_name
from fontassist.app.review.reviewdata import ACCEPTED, REJECTED
from fontassist.app.review.reviewstate import ReviewState
from fontassist.export import validate_font
from tests.export.support import draw_new_glyph

from .reviewkit import demo_session, missing_chars, wait_until


@pytest.fixture
def export(qtbot, tmp_path):
    """The Export page over 12 glyphs drawn by the demo model: 5 accepted, 2 rejected, 5 undecided."""
    from fontassist.app.export.exportpage import ExportPage

    chars = missing_chars(12)
    session = demo_session(chars)
    state = ReviewState(session)
    state.device = "cpu"
    page = ExportPage(
        session, state, AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    )
    page.ask = lambda *args: args[-1]
    qtbot.addWidget(page)
    page.resize(1100, 750)
    page.show()
    qtbot.waitExposed(page)
    wait_until(qtbot, lambda: state.glyphs is not None and not state.isBusy())
    state.setStatus(list(chars[:5]), ACCEPTED)
    state.setStatus(list(chars[5:7]), REJECTED)
    page.chars = chars
    return page


def finish(qtbot, page) -> None:
    wait_until(qtbot, lambda: not page.isBusy(), 300)


def test_exporting_writes_a_valid_ttf_with_the_accepted_glyphs_only(qtbot, export, tmp_path):
    page, chars = export, export.chars
    assert (
        page.accepted_radio.text() == "Accepted only (5)"
        and page.not_rejected_radio.text() == "All not rejected (10)"
    )
    page.family_edit.setText("Zen Maru Gothic Test")
    out = tmp_path / "ZenTest.ttf"
    with qtbot.waitSignal(page.exported, timeout=300_000) as blocker:
        assert page.exportFont(out)
    report = blocker.args[0]
    finish(qtbot, page)
    assert report.out_path == out and out.is_file()
    assert report.validation is not None and report.validation.ok, report.validation.messages  # OTS passed
    assert validate_font(out).ok
    assert report.glyphs_added == 5 and report.file_size == out.stat().st_size
    with TTFont(out) as font:
        cmap = font.getBestCmap()
        assert all(ord(c) in cmap for c in chars[:5])
        assert not any(ord(c) in cmap for c in chars[5:])  # rejected and undecided are left out
        assert ord("永") in cmap  # merged into a copy of the target
        assert font["name"].getBestFamilyName() == "Zen Maru Gothic Test"
    text = page.result_label.text()
    assert "5 new glyphs" in text and "passed" in text and page.open_folder_button.isVisible()
    # The text preview loads the written font into Qt.
    preview = page.text_preview
    assert preview.exported is not None and preview.exported.ok
    assert preview.exported.families == ["Zen Maru Gothic Test"]
    assert preview.exported_line.font().family() == "Zen Maru Gothic Test"
    assert any(c in preview.text() for c in chars[:5])
    # Several lines, wrapped; a waterfall of sizes; the size shown.
    preview.setText("永和\n" + chars[:5])
    assert preview.exported_line.text() == "永和\n" + chars[:5] and preview.exported_line.wordWrap()
    preview.size_slider.setValue(72)
    assert preview.size_label.text() == "72 px" and preview.exported_line.font().pixelSize() == 72
    preview.waterfall_box.setChecked(True)
    waterfall = preview.exported_line.text()
    assert all(f"font-size:{px}px" in waterfall for px in (12, 24, 48, 120)) and "永和" in waterfall
    assert "Zen Maru Gothic Test" in waterfall and not preview.size_slider.isEnabled()
    preview.grab().save("/tmp/app-x/waterfall.png")
    assert page.session.project.export["family"] == "Zen Maru Gothic Test"


def test_all_not_rejected_in_a_new_font(qtbot, export, tmp_path):
    page, chars = export, export.chars
    page.not_rejected_radio.setChecked(True)
    page.new_radio.setChecked(True)
    out = tmp_path / "new.ttf"
    with qtbot.waitSignal(page.exported, timeout=300_000) as blocker:
        page.exportFont(out)
    finish(qtbot, page)
    report = blocker.args[0]
    assert report.validation.ok and report.glyphs_added == 10
    with TTFont(out) as font:
        cmap = font.getBestCmap()
        assert {chr(c) for c in cmap if c > 0x3000} == set(chars[:5] + chars[7:])


def test_cancelling_an_export_leaves_no_file_behind(qtbot, export, tmp_path):
    page = export
    page.not_rejected_radio.setChecked(True)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "cancelled.ttf"
    cancelled = []
    page.exported.connect(lambda report: pytest.fail("the export finished despite the cancel"))
    assert page.exportFont(out)
    page.worker.progressed.connect(lambda *args: page.cancel())  # at the first progress report
    page.worker.cancelled.connect(lambda message: cancelled.append(message))
    finish(qtbot, page)
    assert cancelled and not out.exists()
    assert list(folder.iterdir()) == []  # no temporary file either
    assert "no font file was written" in page.message.text()
    assert page.export_button.isEnabled()


def test_a_bad_output_path_is_refused_before_any_work(qtbot, export, tmp_path):
    page = export
    assert not page.exportFont(resources.DEMO_TARGET)
    assert "same file as the input" in page.message.text()
    assert not page.exportFont(tmp_path / "font.woff2")
    assert page.worker is None


def test_batch_svg_and_png_glyph_files(qtbot, export, tmp_path):
    page, chars = export, export.chars
    page.out_edit.setText(str(tmp_path / "fonts" / "x.ttf"))
    assert page.glyphFolder() == tmp_path / "fonts" / "glyphs"  # beside the font unless chosen
    page.format_combo.setCurrentIndex(page.format_combo.findData("svg"))
    assert page.exportGlyphFiles(tmp_path / "svg")
    finish(qtbot, page)
    names = sorted(p.name for p in (tmp_path / "svg").iterdir())
    assert names == sorted(f"U+{ord(c):04X}.svg" for c in chars[:5])
    assert "<path" in (tmp_path / "svg" / names[0]).read_text()
    page.format_combo.setCurrentIndex(page.format_combo.findData("png"))
    page.exportGlyphFiles(tmp_path / "png")
    finish(qtbot, page)
    assert len(list((tmp_path / "png").glob("U+*.png"))) == 5


def test_trace_settings_preview_live_on_the_current_glyph(qtbot, export):
    page, chars = export, export.chars
    page.state.setCurrentChar(chars[2])
    assert page.previewChar() == chars[2]
    wait_until(qtbot, lambda: page.trace_view.pointCounts()[0] > 0, 60)
    fine = sum(page.trace_view.pointCounts())
    page.tolerance_spin.setValue(2.5)
    wait_until(qtbot, lambda: 0 < sum(page.trace_view.pointCounts()) < fine, 60)
    assert page.session.project.export["tolerance"] == 2.5
    assert page.traceOptions().tolerance == 2.5


def test_preview_shows_the_glyph_before_and_after_cleaning_and_each_step_switches(qtbot, export):
    page, chars = export, export.chars
    page.state.setCurrentChar(chars[3])
    wait_until(
        qtbot, lambda: page.trace_view.pointCounts()[0] > 0 and page.before_view.pointCounts()[0] > 0, 60
    )
    before = page.before_view.pointCounts()
    assert set(page.clean_boxes) >= {"straighten", "merge_colinear", "clean_contours", "fit_extremes"}
    assert page.traceOptions().straighten and page.traceOptions().axis_angle is not None  # from the target
    for box in page.clean_boxes.values():
        box.setChecked(False)
    # With every step off, "after" is "before".
    wait_until(qtbot, lambda: page.trace_view.pointCounts() == before == page.before_view.pointCounts(), 60)
    assert page.session.project.export["straighten"] is False and not page.traceOptions().straighten


def test_defaults_name_the_font_after_the_target():
    assert default_family("Zen Maru Gothic", "tw-edu-4808") == "Zen Maru Gothic TC"
    assert default_family("Zen Maru Gothic", None) == "Zen Maru Gothic Plus"
    assert default_file_name("Zen Maru Gothic TC", "Regular") == "ZenMaruGothicTC-Regular.ttf"
    assert Path(default_file_name("", "")).suffix == ".ttf"


def test_ufo_out_edits_back_in_and_the_font_as_drawn(qtbot, export, tmp_path):
    """The editor loop from the Export page: UFO out, a script edits it, the edits come back, TTF out."""
    import ufoLib2

    from fontassist.app.review.reviewmodel import ReviewGridModel
    from fontassist.export.ufo import GLYPH_LIB_KEY, MARK_COLORS

    page, chars, state = export, export.chars, export.state
    page.new_radio.setChecked(True)  # the new glyphs alone: quick
    page.font_format_combo.setCurrentIndex(page.font_format_combo.findData("ufo"))
    assert page.export_button.text() == "Export UFO"
    out = tmp_path / "ZenTest.ufo"
    with qtbot.waitSignal(page.exported, timeout=300_000) as blocker:
        assert page.exportFont(out)
    finish(qtbot, page)
    assert blocker.args[0].glyphs_added == 5 and "background layer" in page.result_label.text()
    ufo = ufoLib2.Font.open(out)
    by_char = {chr(g.unicodes[0]): g for g in ufo if g.unicodes and GLYPH_LIB_KEY in g.lib}
    assert set(by_char) == set(chars[:5])
    assert all(g.markColor == MARK_COLORS["accepted"] for g in by_char.values())

    edited = by_char[chars[0]]
    edited.contours[0].points[0].x += 30
    del ufo[by_char[chars[1]].name]
    draw_new_glyph(ufo)  # 龜, drawn new in the editor
    ufo.save(overwrite=True)
    wait_until(qtbot, lambda: "changed in your editor" in page.edits_note.text(), 20)  # the file watcher

    assert page.takeEdits(out)
    finish(qtbot, page)
    assert "1 edited by hand" in page.edits_note.text() and "1 deleted" in page.edits_note.text()
    assert state.isEdited(chars[0]) and state.status(chars[1]) == REJECTED
    assert state.glyphs.index("龜") is not None and state.isEdited("龜")  # drawn new: in the grid too
    assert state.glyphs.images[state.glyphs.index("龜")].max() == 255
    assert not state.regenerate([chars[0]], resources.DEMO_MODEL), "hand-edited glyphs are never redrawn"
    model = ReviewGridModel(state)
    model.setRows(list(range(len(state.glyphs))))
    row = state.glyphs.index(chars[0])
    assert model.data(model.index(row), ReviewGridModel.EditedRole)  # its own mark in the grid
    assert not model.data(model.index(row + 2), ReviewGridModel.EditedRole)

    page.font_format_combo.setCurrentIndex(page.font_format_combo.findData("ttf"))
    ttf = tmp_path / "ZenTest.ttf"
    with qtbot.waitSignal(page.exported, timeout=300_000) as blocker:
        assert page.exportFont(ttf)
    finish(qtbot, page)
    with TTFont(ttf) as font:
        cmap = font.getBestCmap()
        assert ord(chars[0]) in cmap and ord(chars[1]) not in cmap and 0x9F9C in cmap
        coordinates = font["glyf"][cmap[ord(chars[0])]].coordinates
        assert (edited.contours[0].points[0].x, edited.contours[0].points[0].y) in list(coordinates)


def test_a_switch_the_target_decides_shows_the_targets_choice_and_exports_as_the_cli(qtbot, export):
    """Even width is on by default for a near-monoline target (the demo's Zen Maru Gothic): the box
    shows it checked, the page traces and exports with exactly the CLI's default settings, and the
    project keeps "the target decides" until the designer sets the box."""
    from fontassist.pipeline import settings_for

    page = export
    cli = settings_for(None, page.session.target)  # what `fontassist export` uses by default
    assert cli.even_width is True
    box = page.clean_boxes["even_width"]
    assert box.isChecked() and page.traceOptions() == cli
    assert page.settingsValues()["even_width"] is None
    box.click()
    assert not box.isChecked() and page.traceOptions().even_width is False
    assert page.session.project.export["even_width"] is False
    box.click()
    assert page.traceOptions().even_width is True and page.session.project.export["even_width"] is True
