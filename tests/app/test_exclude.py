"""Review page: single characters can be left out of the generate set (grid, export, project), undoably."""

import pytest
from PySide6.QtCore import Qt

from fontassist import resources
from fontassist.app.common.project import Project
from fontassist.app.review.reviewdata import EXCLUDED, REJECTED, Decisions, export_chars
from fontassist.app.review.reviewstate import ReviewState

from .reviewkit import demo_session, make_page, missing_chars, synthetic_glyphs, wait_until


@pytest.fixture
def page_and_state(qtbot, settings):
    page, state = make_page(qtbot, demo_session(missing_chars(4)), settings)
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


def test_excluded_characters_are_not_drawn_and_are_drawn_once_taken_back(qtbot, monkeypatch):
    from fontassist.generate import Generator

    asked = []
    run = Generator.run

    def spy(self, source_font, chars, **options):
        asked.append(list(chars))
        return run(self, source_font, chars, **options)

    monkeypatch.setattr(Generator, "run", spy)
    chars = missing_chars(4)
    state = ReviewState(demo_session(chars))
    state.device = "cpu"
    state.setExcluded([chars[1]], True)
    assert state.generate()
    wait_until(qtbot, lambda: state.glyphs is not None and not state.isBusy())
    assert asked == [[chars[0], chars[2], chars[3]]]  # the model was never asked for it
    glyphs = state.glyphs
    assert glyphs.chars == list(chars) and glyphs.undrawn() == [chars[1]]  # a placeholder, for the filter
    assert not glyphs.images[1].any() and glyphs.source_images[1].any()
    assert export_chars(glyphs, state.decisions, "not_rejected") == [chars[0], chars[2], chars[3]]
    assert not state.regenerate([chars[1]], resources.DEMO_MODEL)  # nor redrawn while excluded

    state.setExcluded([chars[1]], False)  # taken back: drawn now
    wait_until(qtbot, lambda: not state.isBusy() and not state.glyphs.undrawn())
    assert asked[-1] == [chars[1]] and state.glyphs.images[1].any()
    assert export_chars(state.glyphs, state.decisions, "not_rejected") == list(chars)


def test_the_summary_line_counts_no_excluded_glyph(qtbot, page_and_state):
    page, state = page_and_state
    chars = list(state.glyphs.chars)
    flagged = [c for c, f in zip(chars, state.glyphs.flags, strict=True) if f["score"] >= 1.0]
    gone = [flagged[0], next(c for c in chars if c not in flagged)]
    state.setStatus([gone[0]], "accepted")
    state.setExcluded(gone, True)
    assert page.summary.text() == (
        f"4 glyphs · 0 accepted · 0 rejected · 4 undecided · {len(flagged) - 1} flagged · 4 shown"
    )


def test_an_excluded_glyph_drawn_by_hand_is_not_exported(tmp_path):
    from fontTools.ttLib import TTFont

    from fontassist.app.export.exportjobs import export_font
    from fontassist.fonts import open_font
    from fontassist.vector import TraceSettings

    glyphs = synthetic_glyphs(3, size=64)
    square = [[100, -50, "line"], [100, 700, "line"], [800, 700, "line"], [800, -50, "line"]]
    review = {
        "edited": {glyphs.chars[2]: {"width": 1000, "contours": [square], "how": "drawn"}},
        EXCLUDED: glyphs.chars[1] + glyphs.chars[2],
    }
    chars = export_chars(glyphs, Decisions(review), "not_rejected")
    assert chars == glyphs.chars[:1]
    out = tmp_path / "out.ttf"
    export_font(
        glyphs,
        chars,
        open_font(resources.DEMO_TARGET),
        out,
        family="Excluded Test",
        style="Regular",
        mode="new",
        trace_options=TraceSettings(),
        review=review,
    )
    cmap = TTFont(out).getBestCmap()
    assert ord(glyphs.chars[0]) in cmap
    assert ord(glyphs.chars[1]) not in cmap and ord(glyphs.chars[2]) not in cmap
