"""Undo and redo (issue 14): decisions, regenerations and the model that draws, on one QUndoStack."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from fontassist import resources
from fontassist.app.review.reviewdata import ACCEPTED, NEW, REJECTED, checkpoint_ref

from .reviewkit import (
    demo_session,
    missing_chars,
    open_review_page,
    regenerate_second_glyph,
    synthetic_glyphs,
    wait_until,
)


def test_the_edit_menu_undoes_and_redoes_decisions_with_the_usual_keys(qtbot, window):
    state, page = window.review_state, window.review_page
    state.setGlyphs(synthetic_glyphs(10))
    window.goTo("review")
    chars = state.glyphs.chars
    page.grid.setFocus()
    page.selectRow(0)
    qtbot.keyClick(page.grid, Qt.Key.Key_A)
    qtbot.keyClick(page.grid, Qt.Key.Key_R)
    assert [state.status(c) for c in chars[:2]] == [ACCEPTED, REJECTED]
    assert QKeySequence("Ctrl+Z") in window.undo_action.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    assert "Reject" in window.undo_action.text()
    window.undo_action.trigger()
    assert [state.status(c) for c in chars[:2]] == [ACCEPTED, NEW]
    window.undo_action.trigger()
    assert [state.status(c) for c in chars[:2]] == [NEW, NEW] and state.review["accepted"] == ""
    window.redo_action.trigger()
    assert [state.status(c) for c in chars[:2]] == [ACCEPTED, NEW]
    assert "2 accepted" not in page.summary.text() and "1 accepted" in page.summary.text()
    window.newProject()
    assert not window.undo_action.isEnabled()  # another project: nothing of the last one to undo


def test_undoing_a_regeneration_brings_back_the_drawings_and_decisions(
    qtbot,
    settings,
    tiny_demo_sized_run,
):
    chars = missing_chars(4)
    session = demo_session(chars)
    page, state = open_review_page(qtbot, session, settings)
    old = state.glyphs.images.copy()
    regenerate_second_glyph(qtbot, page, state, tiny_demo_sized_run)
    new = state.glyphs.images.copy()
    assert not np.array_equal(new[1], old[1]) and state.status(chars[1]) == NEW
    grid_raster = lambda: page.grid_model.data(page.grid_model.index(1), page.grid_model.RasterRole)  # noqa: E731

    state.undo_stack.undo()
    np.testing.assert_array_equal(state.glyphs.images, old)
    np.testing.assert_array_equal(grid_raster(), old[1])
    assert state.status(chars[1]) == ACCEPTED and not session.project.review.get("regenerated")
    state.undo_stack.redo()
    np.testing.assert_array_equal(state.glyphs.images, new)
    np.testing.assert_array_equal(grid_raster(), new[1])
    assert session.project.review["regenerated"] == {checkpoint_ref(tiny_demo_sized_run): chars[1]}


def test_another_model_keeps_rejections_by_default_never_acceptances_and_can_be_undone(
    qtbot,
    settings,
    tiny_demo_sized_run,
):
    chars = missing_chars(4)
    session = demo_session(chars)
    page, state = open_review_page(qtbot, session, settings)
    asked = []
    page.ask = lambda title, text, buttons, default: asked.append(text) or default
    drawn = state.glyphs
    state.setStatus([chars[0]], ACCEPTED)
    state.setStatus([chars[1]], REJECTED)

    page._model_picked(tiny_demo_sized_run)
    assert asked and f"{tiny_demo_sized_run.parent.name}/last.pt" in asked[0]  # the run, not only last.pt
    wait_until(qtbot, lambda: state.glyphs is not None and not state.isBusy())
    assert state.checkpoint() == tiny_demo_sized_run
    assert [state.status(c) for c in chars[:2]] == [NEW, REJECTED]  # the default keeps decisions…
    assert not state.glyphs.images.tolist() == drawn.images.tolist()  # …but nobody has seen these drawings

    state.undo_stack.undo()  # back to the demo model, its drawings and the decisions, without drawing again
    assert state.glyphs is drawn and not state.isBusy()
    assert [state.status(c) for c in chars[:2]] == [ACCEPTED, REJECTED]
    assert state.checkpoint() == resources.DEMO_MODEL and not state.hasChosenCheckpoint()
    state.undo_stack.redo()
    assert not state.isBusy() and state.checkpoint() == tiny_demo_sized_run  # kept from the first time
    assert [state.status(c) for c in chars[:2]] == [NEW, REJECTED]

    page.ask = lambda *args: QMessageBox.StandardButton.No
    page._model_picked(resources.DEMO_MODEL)
    wait_until(qtbot, lambda: state.glyphs is not None and not state.isBusy())
    assert all(state.status(c) == NEW for c in chars)
