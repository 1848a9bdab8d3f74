"""Review page: single characters can be left out of the generate set (grid, export, project), undoably."""

import pytest
from PySide6.QtCore import QSettings, Qt

from fontassist.app.common.project import Project
from fontassist.app.common.settings import AppSettings
from fontassist.app.review.reviewdata import EXCLUDED, REJECTED, Decisions, export_chars
from fontassist.app.review.reviewstate import ReviewState

from .reviewkit import demo_session, missing_chars, synthetic_glyphs


@pytest.fixture
def page_and_state(qtbot, tmp_path):
    from fontassist.app.review.reviewpage import ReviewPage

    session = demo_session(missing_chars(4))
    state = ReviewState(session)
    page = ReviewPage(
        session, state, AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    )
    qtbot.addWidget(page)
    page.resize(1100, 700)
    state.setGlyphs(synthetic_glyphs(6))
    page.show()
    return page, state


def test_delete_excludes_the_selected_glyphs_from_grid_export_and_project(qtbot, page_and_state, tmp_path):
    page, state = page_and_state
    chars = list(state.glyphs.chars)
    assert page.visibleChars() == chars
    page.selectRow(1)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # select the 2nd and 3rd
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)
    gone = chars[1:3]
    assert page.visibleChars() == [c for c in chars if c not in gone]  # they left the grid
    assert state.current_char == chars[3]  # the next glyph slid in
    assert state.review[EXCLUDED] == "".join(gone)
    assert export_chars(state.glyphs, state.decisions, "not_rejected") == page.visibleChars()
    state.setStatus(gone, "accepted")
    assert export_chars(state.glyphs, state.decisions, "accepted") == []  # excluded even when accepted

    path = tmp_path / "p.fontassist"
    state.session.project.save(path)
    reloaded = Decisions(Project.load(path).review)
    assert [c for c in chars if reloaded.isExcluded(c)] == gone

    # The Excluded filter shows them; Delete there (or the menu) takes them back; undo works as well.
    page.setFilters(status=EXCLUDED)
    page.refilter()
    assert page.visibleChars() == gone
    page.selectRow(0)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)
    assert page.visibleChars() == gone[1:]
    state.undo_stack.undo()
    assert page.visibleChars() == gone
    page.setFilters(status="all")
    page.refilter()
    state.undo_stack.undo()  # the acceptance
    state.undo_stack.undo()  # the exclusion
    assert page.visibleChars() == chars and EXCLUDED not in state.review


def test_an_excluded_rejected_glyph_stays_rejected_and_excluded():
    review = {}
    d = Decisions(review)
    d.set("ab", REJECTED)
    assert d.setExcluded("bc", True) == ["b", "c"] and d.setExcluded("b", True) == []
    assert review[EXCLUDED] == "bc" and Decisions(review).isExcluded("c") and d.status("b") == REJECTED
    d.setExcluded("bc", False)
    assert EXCLUDED not in review
    with pytest.raises(ValueError, match="review.excluded"):
        from fontassist.app.common.project import check_project_data

        check_project_data({"review": {"excluded": 3}})
