"""A designer's whole day through the main window (issue 14), with a tiny model so it runs in a minute on a CPU.

Fonts (the bundled demo pair) → Characters (custom text) → a short training
run → Review: generate with the run, decide from the keyboard, regenerate one
glyph with another checkpoint, undo and redo it → Export (merged into a copy
of the target) → save, start a new project and reopen the saved one. The
exported font is checked against what the grid shows: each exported glyph is
the outline traced from the raster in the grid cell.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from fontassist import resources
from fontassist.app.review.reviewdata import ACCEPTED, NEW, REJECTED
from fontassist.fonts import open_font, render_glyph
from fontassist.train.similarity import iou
from fontassist.vector import trace_outline

from .conftest import TINY_TRAIN
from .reviewkit import filled_outline, missing_chars, qimage_raster, wait_until

# 64 px, so that the bundled demo model (64 px) can redraw single glyphs of this run's set.
WALK_TRAIN = dict(
    TINY_TRAIN, steps=6, eval_every=6, preview_every=3, model=dict(TINY_TRAIN["model"], image_size=64)
)


def grid_raster(page, char: str) -> np.ndarray:
    """What the grid cell of ``char`` shows, read back from its pixmap."""
    model = page.grid_model
    pixmap = model.data(model.index(model.rowOfChar(char)), Qt.ItemDataRole.DecorationRole)
    return qimage_raster(pixmap.toImage())


def test_fonts_characters_train_review_export_and_reopen(qtbot, engine_ready, tmp_path):
    window = engine_ready
    window.review_state.device = "cpu"
    window.review_page.ab_page.device = "cpu"

    # 1 Fonts: the demo pair is open; 2 Characters: six the target lacks.
    assert window.session.source is not None and window.session.target is not None
    chars = missing_chars(6)
    window.goTo("characters")
    window.characters_page.setCustomText(chars)
    assert window.session.plan.generate == list(chars)

    # 3 Train: a short run, which becomes the project's run.
    window.session.setTrainSettings(WALK_TRAIN)
    window.goTo("train")
    train = window.train_page
    train.setNewRunDir(tmp_path / "run")
    with qtbot.waitSignal(train.trainingFinished, timeout=300_000) as finished:
        assert train.startTraining(), train.error.text()
    assert finished.args == ["completed"]
    assert window.session.project.run_dir == (tmp_path / "run").absolute()

    # 4 Review: the glyphs are drawn by the run just trained.
    window.goTo("review")
    page, state = window.review_page, window.review_state
    wait_until(qtbot, lambda: state.glyphs is not None and not state.isBusy(), 300)
    assert state.checkpoint() == tmp_path / "run" / "last.pt"
    assert state.glyphs.chars == list(chars)
    page.grid.setFocus()
    page.selectRow(0)
    for key in (Qt.Key.Key_A, Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_A):
        qtbot.keyClick(page.grid, key)
    assert [state.status(c) for c in chars[:5]] == [ACCEPTED, ACCEPTED, REJECTED, ACCEPTED, NEW]

    # Regenerate the second glyph with the demo model, undo it, redo it.
    before = state.glyphs.images.copy()
    page.selectRow(1)
    page.regen_picker.setPath(resources.DEMO_MODEL)
    assert page.regenerateSelected()
    wait_until(qtbot, lambda: not state.isBusy(), 300)
    redrawn = state.glyphs.images[1].copy()
    assert not np.array_equal(redrawn, before[1]) and state.status(chars[1]) == NEW
    np.testing.assert_array_equal(grid_raster(page, chars[1]), redrawn)
    window.undo_action.trigger()
    np.testing.assert_array_equal(grid_raster(page, chars[1]), before[1])
    assert state.status(chars[1]) == ACCEPTED
    window.redo_action.trigger()
    np.testing.assert_array_equal(grid_raster(page, chars[1]), redrawn)
    page.selectRow(1)
    qtbot.keyClick(page.grid, Qt.Key.Key_A)  # the new drawing, seen and accepted
    accepted = [c for c in chars if state.status(c) == ACCEPTED]
    assert accepted == [chars[0], chars[1], chars[3]]
    shown = {c: grid_raster(page, c) for c in chars}

    # 5 Export: the accepted glyphs merged into a copy of the target; each is the grid's drawing, traced.
    window.goTo("export")
    export = window.export_page
    assert export.exportChars() == accepted
    out = tmp_path / "out" / "Walk-Regular.ttf"
    out.parent.mkdir()
    assert export.exportFont(out), export.message.text()
    wait_until(qtbot, lambda: not export.isBusy(), 300)
    assert export.report is not None, export.message.text()
    font, frame = open_font(out), state.glyphs.frame
    compared = 0
    for char in chars:
        outline = trace_outline(shown[char], frame, export.traceOptions())  # as the export traces
        if char not in accepted or not list(
            outline.contours()
        ):  # an empty drawing is left out, with a warning
            assert not font.has(char), char
            continue
        drawn = render_glyph(font, char, frame.size, frame.margin)
        assert iou(drawn, filled_outline(outline, frame)) > 0.9, char
        compared += 1
    assert compared >= 1  # at least the glyph the demo model redrew

    # Save, start afresh, reopen: the same glyphs (the regenerated one by its own model) and decisions.
    project = tmp_path / "walk.fontassist.json"
    assert window._save_to(project)
    window.newProject()
    assert state.glyphs is None and window.session.project.run_dir is None
    assert window.openProject(project)
    assert window.session.project.run_dir == (tmp_path / "run").absolute()
    window.goTo("review")
    wait_until(qtbot, lambda: state.glyphs is not None and not state.isBusy(), 300)
    assert [c for c in chars if state.status(c) == ACCEPTED] == accepted
    for char in chars:
        np.testing.assert_array_equal(grid_raster(page, char), shown[char], err_msg=char)
