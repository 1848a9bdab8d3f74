import time

import numpy as np
from PySide6.QtCore import Qt

from fontassist import resources
from fontassist.app.common.project import Project
from fontassist.app.review.reviewdata import (
    ACCEPTED,
    NEW,
    REJECTED,
    Decisions,
    checkpoint_path,
    checkpoint_ref,
    parse_search,
    select_rows,
)
from fontassist.train.similarity import iou

from .reviewkit import (
    demo_session,
    filled_outline,
    make_page,
    missing_chars,
    open_review_page,
    qimage_raster,
    regenerate_second_glyph,
    synthetic_glyphs,
    wait_until,
)


# -- plain data -----------------------------------------------------------------------------------------------
def test_search_takes_characters_and_code_points():
    assert parse_search("永 U+6771") == {"永", "東"}
    assert parse_search("6c38, 0x6771 \\u570B") == {"永", "東", "國"}
    assert parse_search("永東") == {"永", "東"}


def test_decisions_live_in_the_review_dict():
    review = {}
    decisions = Decisions(review)
    assert decisions.set("東永", ACCEPTED) == ["東", "永"]
    assert decisions.set("國", REJECTED) == ["國"]
    assert decisions.set("永", ACCEPTED) == []
    assert review == {"accepted": "東永" if ord("東") < ord("永") else "永東", "rejected": "國"}
    again = Decisions(dict(review))
    assert again.status("永") == ACCEPTED and again.status("國") == REJECTED and again.status("一") == NEW
    decisions.set("國", NEW)
    assert review["rejected"] == "" and decisions.count(ACCEPTED) == 2


def test_filters_and_sorting():
    glyphs = synthetic_glyphs(200)
    decisions = Decisions({})
    decisions.set(glyphs.chars[:10], ACCEPTED)
    decisions.set(glyphs.chars[10:15], REJECTED)
    assert select_rows(glyphs, decisions) == list(range(200))
    assert select_rows(glyphs, decisions, status=ACCEPTED) == list(range(10))
    assert select_rows(glyphs, decisions, status=NEW) == list(range(15, 200))
    flagged = select_rows(glyphs, decisions, flag="flagged")
    assert flagged and all(glyphs.flags[i]["score"] >= 1 for i in flagged)
    clean = select_rows(glyphs, decisions, flag="clean")
    assert sorted(flagged + clean) == list(range(200))
    broken = select_rows(glyphs, decisions, flag="broken")
    assert broken and all(glyphs.flags[i]["broken"] for i in broken)
    doubt = select_rows(glyphs, decisions, sort="doubt")
    scores = [glyphs.flags[i]["score"] for i in doubt]
    assert scores == sorted(scores, reverse=True)
    assert select_rows(glyphs, decisions, search=f"{glyphs.chars[3]} U+{ord(glyphs.chars[7]):04X}") == [3, 7]
    assert select_rows(glyphs, decisions, sort="status")[:185] == list(range(15, 200))


def test_checkpoint_refs_name_bundled_models_portably(tmp_path):
    assert checkpoint_ref(resources.DEMO_MODEL) == "resources:models/demo.pt"
    assert checkpoint_path("resources:models/demo.pt") == resources.DEMO_MODEL
    assert checkpoint_path(checkpoint_ref(tmp_path / "run" / "last.pt")) == tmp_path / "run" / "last.pt"


def test_checkpoints_and_outputs_are_stored_relative_to_the_project_file(tmp_path):
    folder = tmp_path / "project"
    run = folder / "runs" / "run-1"
    project = Project(
        review={
            "checkpoint": checkpoint_ref(run / "last.pt"),
            "accepted": "永",
            "regenerated": {checkpoint_ref(run / "step-000002.pt"): "東"},
            "ab": {
                "a": checkpoint_ref(run / "last.pt"),
                "b": checkpoint_ref(resources.DEMO_MODEL),
                "winner": "a",
            },
        },
        export={"out": (folder / "out" / "New.ttf").as_posix(), "glyph_folder": "", "family": "X"},
    )
    stored = project.to_dict(folder)
    assert stored["review"]["checkpoint"] == "runs/run-1/last.pt"
    assert stored["review"]["regenerated"] == {"runs/run-1/step-000002.pt": "東"}
    assert stored["review"]["ab"] == {
        "a": "runs/run-1/last.pt",
        "b": "resources:models/demo.pt",
        "winner": "a",
    }
    assert stored["export"] == {"out": "out/New.ttf", "glyph_folder": "", "family": "X"}
    moved = tmp_path / "elsewhere"
    loaded = Project.from_dict(stored, moved)  # the folder moved with its runs
    assert checkpoint_path(loaded.review["checkpoint"]) == moved / "runs" / "run-1" / "last.pt"
    assert loaded.review["ab"]["b"] == "resources:models/demo.pt" and loaded.review["accepted"] == "永"
    assert loaded.export["out"] == (moved / "out" / "New.ttf").as_posix()
    assert Project.from_dict(stored, folder) == project


# -- the grid -------------------------------------------------------------------------------------------------
def test_a_review_grid_of_8000_glyphs_opens_and_scrolls_to_the_end(qtbot, settings):
    session = demo_session(missing_chars(4))
    page, state = make_page(qtbot, session, settings)
    glyphs = synthetic_glyphs(8000)
    started = time.perf_counter()
    state.setGlyphs(glyphs)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.grid_model.cachedCount() > 0, timeout=30_000)  # laid out and painted
    opened = time.perf_counter() - started
    visible = page.grid_model.cachedCount()
    assert page.grid_model.rowCount() == 8000 and 0 < visible < 500

    started = time.perf_counter()
    bar = page.grid.verticalScrollBar()
    steps = 0
    while bar.value() < bar.maximum():  # page by page, painting each screen, as a designer would scroll
        bar.setValue(bar.value() + bar.pageStep())
        page.grid.viewport().repaint()
        steps += 1
    scrolled = time.perf_counter() - started
    last = page.grid_model.index(7999)
    assert page.grid.visualRect(last).intersects(page.grid.viewport().rect())
    assert page.grid_model.cachedCount() <= page.grid_model._max_cached  # drawn lazily, cache bounded
    print(
        f"\n8,000-cell review grid: opened and painted in {opened * 1000:.0f} ms; scrolled to the end in {steps} pages, "
        f"each painted, in {scrolled * 1000:.0f} ms ({scrolled / max(1, steps) * 1000:.1f} ms per page)"
    )

    page.setFilters(
        status=NEW, flag="flagged"
    )  # the first use of the core's is_flagged imports fontassist.generate (torch)
    page.refilter()
    assert 0 < page.grid_model.rowCount() < 8000


def test_outline_mode_draws_traced_outlines(qtbot, settings):
    session = demo_session(missing_chars(4))
    page, state = make_page(qtbot, session, settings)
    glyphs = synthetic_glyphs(40, size=32)
    state.setGlyphs(glyphs)
    page.show()
    qtbot.waitExposed(page)
    page.outline_button.click()
    assert page.grid_model.showOutlines()
    wait_until(
        qtbot, lambda: page.grid_model.outlines.pending() == 0 and page.grid_model.cachedCount() > 0, 60
    )
    page.grid.viewport().repaint()
    outline = page.grid_model.outlines.outline(glyphs.chars[0])
    assert outline is not None and outline.stats().contours == 1  # a square traces to one contour
    image = page.grid_model.pixmap(0).toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).lightness() < 80


# -- generating, deciding, saving -------------------------------------------------------------------------------
def test_keyboard_review_filters_and_decisions_survive_save_and_reopen(qtbot, settings, tmp_path):
    chars = missing_chars(10)
    session = demo_session(chars)
    page, state = make_page(qtbot, session, settings)
    page.show()
    qtbot.waitExposed(page)
    wait_until(
        qtbot, lambda: state.glyphs is not None and not state.isBusy()
    )  # generated on show, demo model
    assert state.glyphs.chars == list(chars) and state.glyphs.images.shape == (10, 64, 64)
    assert page.grid_model.rowCount() == 10
    assert session.project.review.get("checkpoint") is None  # the demo model by default, not a choice

    page.grid.setFocus()
    page.selectRow(0)
    qtbot.keyClick(page.grid, Qt.Key.Key_A)  # accept, move on
    qtbot.keyClick(page.grid, Qt.Key.Key_A)
    qtbot.keyClick(page.grid, Qt.Key.Key_R)  # reject the third
    qtbot.keyClick(page.grid, Qt.Key.Key_Right)  # skip the fourth
    assert page.grid.currentIndex().row() == 4
    qtbot.keyClick(page.grid, Qt.Key.Key_R)
    for _ in range(3):
        qtbot.keyClick(page.grid, Qt.Key.Key_Left)
    qtbot.keyClick(page.grid, Qt.Key.Key_U)  # the third again: undecided
    assert [state.status(c) for c in chars[:6]] == [ACCEPTED, ACCEPTED, NEW, NEW, REJECTED, NEW]
    assert session.isModified()
    assert "2 accepted · 1 rejected" in page.summary.text()

    page.setFilters(status=NEW)
    assert page.visibleChars() == [chars[2], chars[3]] + list(chars[5:])
    page.selectRow(0)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_A)  # leaves the filter; the next glyph slides in under the cursor
    assert page.visibleChars()[0] == chars[3] and page.grid.currentIndex().row() == 0
    qtbot.keyClick(page.grid, Qt.Key.Key_R)
    assert page.visibleChars()[0] == chars[5]
    page.setFilters(search=chars[7])
    assert page.visibleChars() == [chars[7]]

    path = tmp_path / "review.fontassist.json"
    session.project.save(path)

    reopened = demo_session("")
    page2, state2 = make_page(qtbot, reopened, settings)
    reopened.replaceProject(Project.load(path))
    page2.show()
    qtbot.waitExposed(page2)
    wait_until(qtbot, lambda: state2.glyphs is not None and not state2.isBusy())
    assert [state2.status(c) for c in chars[:6]] == [ACCEPTED, ACCEPTED, ACCEPTED, REJECTED, REJECTED, NEW]
    assert page2.status_filter.currentData() == NEW and page2.search.text() == chars[7]
    assert page2.visibleChars() == [chars[7]]
    np.testing.assert_array_equal(
        state2.glyphs.images, state.glyphs.images
    )  # the same model draws the same glyphs


def test_regenerating_selected_glyphs_uses_the_other_checkpoint_and_is_remembered(
    qtbot, settings, tmp_path, tiny_demo_sized_run
):
    chars = missing_chars(6)
    session = demo_session(chars)
    page, state = open_review_page(qtbot, session, settings)
    before = state.glyphs.images.copy()
    regenerate_second_glyph(qtbot, page, state, tiny_demo_sized_run)
    assert page.message.text() == "", page.message.text()
    assert not np.array_equal(state.glyphs.images[1], before[1])
    np.testing.assert_array_equal(state.glyphs.images[0], before[0])
    assert state.status(chars[1]) == NEW  # a redrawn glyph is decided again
    assert session.project.review["regenerated"] == {checkpoint_ref(tiny_demo_sized_run): chars[1]}
    assert state.glyphs.checkpoints[1] == checkpoint_ref(tiny_demo_sized_run)

    # Reopened, the glyph is drawn by that checkpoint again.
    path = tmp_path / "p.fontassist.json"
    session.project.save(path)
    again = demo_session("")
    page2, state2 = make_page(qtbot, again, settings)
    again.replaceProject(Project.load(path))
    assert state2.generate()
    wait_until(qtbot, lambda: not state2.isBusy())
    # The same drawings; the demo model now draws 5 glyphs in its batch instead of 6, and a batch of
    # another size may round a grey level the other way (CPU kernels sum in another order).
    np.testing.assert_allclose(state2.glyphs.images, state.glyphs.images, atol=1, rtol=0)


def test_the_detail_view_shows_outline_points_target_glyph_and_context(qtbot, settings):
    chars = missing_chars(3) + "永"  # 永: the target has its own glyph
    session = demo_session(chars)
    assert session.plan.generate == list(chars[:3])  # merge mode generates only what the target lacks
    page, state = open_review_page(qtbot, session, settings)
    detail = page.detail
    page.selectRow(1)
    assert state.current_char == chars[1]
    wait_until(qtbot, lambda: detail.outline_view.pointCounts()[0] > 0, 30)
    on, off = detail.outline_view.pointCounts()
    assert on > 4 and off > 0 and "on-curve" in detail.points_label.text()
    assert detail.target_view.image().isNull()  # the target lacks it
    # ... and says so with the code point, never with a (possibly tofu) character alone
    assert f"U+{ord(chars[1]):04X}" in detail.target_view._placeholder
    assert not detail.generated_view.image().isNull() and not detail.source_view.image().isNull()
    detail.context_edit.setText("永*永")
    detail._show_context()
    line = detail.context_view.image()
    assert line.height() == 64 and line.width() >= 3 * 60
    detail.context_edit.setText(f"永*{chars[2]}")
    detail._show_context()
    assert f"{chars[2]} U+{ord(chars[2]):04X}" in detail.context_note.text()  # left out, named by code point
    # The line sets the traced outline (what will be exported), not the generated raster.
    from fontassist.fonts.render import render_outline

    detail.context_edit.setText("*")
    detail._show_context()
    line = qimage_raster(detail.context_view.image())
    from fontassist.vector import trace_outline

    glyphs = state.glyphs
    raster = glyphs.images[glyphs.index(chars[1])]
    # What the export traces: the demo model's glyphs enlarged by its upscaler.
    assert glyphs.trace_factor == 4
    traced_raster = glyphs.trace_raster(glyphs.index(chars[1]))
    traced = render_outline(
        trace_outline(traced_raster, glyphs.trace_frame, detail.trace_options).draw, glyphs.frame
    )
    n = min(line.shape[1], traced.shape[1])
    assert np.array_equal(line[:, :n], traced[:, :n]) and not np.array_equal(line[:, :n], raster[:, :n])


def test_the_model_picker_lists_the_demo_model_and_the_projects_run(qtbot, settings, tmp_path):
    from fontassist.app.common.checkpointlist import checkpoint_choices

    run = tmp_path / "runs" / "run-1"
    run.mkdir(parents=True)
    (run / "step-000002.pt").write_bytes(b"")
    (run / "last.pt").write_bytes(b"")
    other = tmp_path / "runs" / "run-2"
    other.mkdir()
    (other / "last.pt").write_bytes(b"")
    choices = checkpoint_choices(run, [tmp_path / "runs"])
    assert [c.path for c in choices] == [
        run / "last.pt",
        run / "step-000002.pt",
        other / "last.pt",
        resources.DEMO_MODEL,
    ]


def test_in_the_main_window_decisions_persist_through_save_and_open(qtbot, window, tmp_path):
    chars = missing_chars(5)
    window.characters_page.setCustomText(chars)
    window.review_state.device = "cpu"
    window.goTo("review")
    page, state = window.review_page, window.review_state
    wait_until(qtbot, lambda: state.glyphs is not None and not state.isBusy() and len(state.glyphs) == 5)
    page.selectRow(0)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_A)
    qtbot.keyClick(page.grid, Qt.Key.Key_R)
    page.setFilters(status=ACCEPTED)
    assert page.visibleChars() == [chars[0]] and window.isWindowModified()
    path = tmp_path / "kept.fontassist.json"
    assert window._save_to(path)

    window.newProject()
    assert state.status(chars[0]) == NEW and state.glyphs is None
    assert window.openProject(path)
    window.goTo("export")  # the Export page draws the glyphs too when they are missing
    wait_until(qtbot, lambda: state.glyphs is not None and not state.isBusy())
    assert [state.status(c) for c in chars[:3]] == [ACCEPTED, REJECTED, NEW]
    assert window.export_page.exportChars() == [chars[0]]
    window.goTo("review")
    assert page.status_filter.currentData() == ACCEPTED and page.visibleChars() == [chars[0]]
    window.goTo("export")
    window.export_page.tolerance_spin.setValue(1.5)
    window.goTo("review")  # outlines under review are traced as they will be exported
    assert page.grid_model.outlines.options().tolerance == 1.5 and page.detail.trace_options.tolerance == 1.5


def test_generating_can_be_cancelled(qtbot, settings):
    session = demo_session(missing_chars(400))
    page, state = make_page(qtbot, session, settings)
    outcomes = []
    state.finished.connect(outcomes.append)
    assert page.generate()
    assert page.cancel_button.isVisibleTo(page) and not page.generate_button.isEnabled()
    state.worker.progressed.connect(lambda *args: page.cancel_button.click())  # after the first batch
    wait_until(qtbot, lambda: not state.isBusy())
    assert outcomes == ["cancelled"] and state.glyphs is None
    assert page.generate_button.isEnabled() and not page.cancel_button.isVisibleTo(page)


def test_after_regenerating_grid_detail_outline_text_line_and_export_show_the_same_glyph(
    qtbot, settings, tmp_path, tiny_demo_sized_run
):
    """Issue 14.1: one source of truth; the grid used to keep the old drawing after "Regenerate selected"."""
    from fontassist.app.export.exportjobs import export_font
    from fontassist.app.review.contextline import context_line
    from fontassist.app.review.reviewmodel import ReviewGridModel
    from fontassist.fonts import open_font, render_glyph
    from fontassist.pipeline import settings_for
    from fontassist.vector import TraceSettings, trace_outline

    chars = missing_chars(4)
    session = demo_session(chars)
    page, state = open_review_page(qtbot, session, settings)
    old = state.glyphs.images.copy()
    model = page.grid_model
    for row in range(model.rowCount()):  # every cell drawn (and cached) before the redraw
        model.data(model.index(row), Qt.ItemDataRole.DecorationRole)
    page.selectRow(1)  # rows 1 and 2 selected
    page.grid.selectionModel().select(model.index(2), page.grid.selectionModel().SelectionFlag.Select)
    assert page.selectedChars() == [chars[1], chars[2]]
    page.regen_picker.setPath(tiny_demo_sized_run)
    assert page.regenerateSelected()
    wait_until(qtbot, lambda: not state.isBusy())
    new = state.glyphs.images
    for i in (1, 2):
        assert iou(new[i], old[i]) < 0.9  # the tiny model draws something else

    out = tmp_path / "out.ttf"
    export_font(
        state.glyphs,
        list(chars),
        session.target,
        out,
        family="Truth Test",
        style="Regular",
        mode="merge",
        trace_options=TraceSettings(),
    )
    exported = open_font(out)
    frame = state.glyphs.frame
    detail = page.detail
    page.selectRow(1)
    for i, char in enumerate(chars):
        row = model.rowOfChar(char)
        pixmap = model.data(model.index(row), Qt.ItemDataRole.DecorationRole)
        np.testing.assert_array_equal(qimage_raster(pixmap.toImage()), new[i], err_msg=f"grid cell of {char}")
        np.testing.assert_array_equal(model.data(model.index(row), ReviewGridModel.RasterRole), new[i])
        page.selectRow(row)
        assert state.current_char == char
        np.testing.assert_array_equal(qimage_raster(detail.generated_view.image()), new[i], err_msg="detail")
        np.testing.assert_array_equal(
            qimage_raster(detail.outline_view._raster), new[i], err_msg="outline view"
        )
        detail._show_context()
        line, _ = context_line(session.target, detail.context_edit.text(), new[i], frame)
        np.testing.assert_array_equal(qimage_raster(detail.context_view.image()), line, err_msg="text line")
        # The export traces the raster under review: it must match that raster's outline, not the old one's.
        drawn = render_glyph(exported, char, frame.size, frame.margin)
        traced_with = settings_for(None, session.target)  # what the export and the Review detail use
        traced_new, traced_old = (
            filled_outline(trace_outline(image, frame, traced_with), frame) for image in (new[i], old[i])
        )
        assert iou(drawn, traced_new) > 0.9, f"the exported {char} is not the drawing under review"
        if i in (1, 2):
            assert iou(drawn, traced_old) < 0.8


def test_shift_arrow_after_a_decision_selects_from_the_glyph_the_decision_moved_to(qtbot, settings):
    """Issue 14.3: the auto-advance left Qt's selection anchor behind, so Shift+arrow took in extra glyphs."""
    session = demo_session(missing_chars(3))
    page, state = make_page(qtbot, session, settings)
    state.setGlyphs(synthetic_glyphs(40))
    page.show()
    qtbot.waitExposed(page)
    chars = state.glyphs.chars
    page.grid.setFocus()
    page.selectRow(0)
    qtbot.keyClick(page.grid, Qt.Key.Key_A)  # accept 0, on to 1
    qtbot.keyClick(page.grid, Qt.Key.Key_Right)  # 2
    qtbot.keyClick(page.grid, Qt.Key.Key_A)  # accept 2, on to 3
    assert page.grid.currentIndex().row() == 3
    qtbot.keyClick(page.grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert page.selectedChars() == [chars[3], chars[4]]
    qtbot.keyClick(page.grid, Qt.Key.Key_R)
    decided = {c: state.status(c) for c in chars if state.status(c) != NEW}
    assert decided == {chars[0]: ACCEPTED, chars[2]: ACCEPTED, chars[3]: REJECTED, chars[4]: REJECTED}

    # The same after a glyph was chosen with the mouse (the anchor was the click).
    state.clearDecisions()
    rect = page.grid.visualRect(page.grid_model.index(5))
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.grid.currentIndex().row() == 5
    qtbot.keyClick(page.grid, Qt.Key.Key_A)  # accept 5, on to 6
    qtbot.keyClick(page.grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert page.selectedChars() == [chars[6], chars[7]]
    qtbot.keyClick(page.grid, Qt.Key.Key_R)
    decided = {c: state.status(c) for c in chars if state.status(c) != NEW}
    assert decided == {chars[5]: ACCEPTED, chars[6]: REJECTED, chars[7]: REJECTED}


def test_flags_and_statuses_are_named_alike_everywhere_and_a_hidden_glyph_is_mentioned(qtbot, settings):
    session = demo_session(missing_chars(3))
    page, state = make_page(qtbot, session, settings)
    glyphs = synthetic_glyphs(30)
    state.setGlyphs(glyphs)
    page.show()
    broken = next(c for c, f in zip(glyphs.chars, glyphs.flags, strict=True) if f["broken"])
    clean = next(c for c, f in zip(glyphs.chars, glyphs.flags, strict=True) if f["score"] == 0)
    page.selectChar(broken)
    assert "Broken strokes" in page.detail.info.text()  # as the Quality filter says it
    assert page.flag_filter.itemText(page.flag_filter.findData("broken")) == "Broken strokes"
    assert page.status_filter.itemText(page.status_filter.findData(NEW)) == "Undecided"
    assert "undecided" in page.detail.info.text()
    row = page.grid_model.rowOfChar(broken)
    assert "Undecided" in page.grid_model.data(page.grid_model.index(row), Qt.ItemDataRole.ToolTipRole)

    page.selectChar(clean)
    page.setFilters(flag="flagged")
    assert clean not in page.visibleChars() and "hidden by the filters" in page.message.text()
    page.setFilters(flag="any")
    page.selectChar(clean)
    page.refilter()
    assert "hidden" not in page.message.text()


def test_the_glyph_window_zooms_shows_points_guides_overlays_and_related_target_glyphs(qtbot, settings):
    chars = "絕" + missing_chars(2)
    session = demo_session(chars)
    assert session.plan.generate[0] == "絕"  # the target lacks it
    page, state = open_review_page(qtbot, session, settings)
    page.selectChar(state.glyphs.chars[0])
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)  # Enter opens it, as a double-click does
    window = page.glyph_window
    assert window is not None and window.isVisible()
    wait_until(qtbot, lambda: len(window.canvas.on) > 0 and bool(window.relatedChars()), 60)
    canvas = window.canvas
    assert canvas.guides.get("ink") and canvas.show_points and canvas.show_generated
    related = window.relatedChars()
    assert len(related) == 6 and all(session.target.has(c) for c in related)
    if state.glyphs.chars[0] == "絕":
        assert any(c in "紀約納紙級細終組經結給絡絲統絹綁經維綱網緊線編練縮繁織繩繪續" for c in related), (
            related
        )
    canvas.resize(400, 400)
    before = canvas.transform().m11()
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    event = QWheelEvent(
        QPointF(200, 200),
        QPointF(200, 200),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    canvas.wheelEvent(event)
    assert canvas.transform().m11() > before
    window.points_box.setChecked(False)
    assert not canvas.show_points
    window.source_box.setChecked(True)
    assert canvas.show_source
    image = canvas.grab().toImage()
    assert not image.isNull()
    image.save("/tmp/app-glyphwindow.png")
    page.selectRow(1)  # it follows the grid
    assert window.title.text().startswith(f"<b>{state.glyphs.chars[1]}")
