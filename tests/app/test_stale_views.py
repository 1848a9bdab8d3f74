"""Views that must not keep the state of a previous run or project (issue 14, items 2 and 5).

Runs here are scripted event streams handed to the Train page in place of the
trainer, so each test takes a moment and says exactly what a run reported.
"""

from __future__ import annotations

import numpy as np
import pytest

from fontassist.app.common.project import Project
from fontassist.train import events


@pytest.fixture
def train_page(qtbot, settings):
    from fontassist.app.common.session import Session
    from fontassist.app.train.trainpage import TrainPage

    page = TrainPage(Session(), settings)
    qtbot.addWidget(page)
    return page


def scripted_run(run_dir, steps: int, *, reason: str = "completed", preview: bool = True, stop_at=None):
    """A trainer stand-in: ``steps`` steps (losses l1 and d), one evaluation, a preview, a checkpoint."""
    last = run_dir / "last.pt"
    end = steps if stop_at is None else stop_at

    def make(_cancel):
        for step in range(1, end + 1):
            yield events.StepEvent(step, steps, {"l1": 1.0 / step, "d": 0.5}, 12.0, 30.0 * (steps - step))
        if end:
            yield events.EvalEvent(
                end, {"l1": 0.1, "ssim": 0.5, "iou": 0.6}, {"l1": 0.2, "ssim": 0.4, "iou": 0.5}
            )
        if preview:
            yield events.PreviewEvent(end, np.full((12, 36), 200, np.uint8))
        yield events.CheckpointEvent(end, last)
        yield events.FinishedEvent(end, reason, "", last)

    return make


def run(qtbot, page, run_dir, steps, **kwargs):
    with qtbot.waitSignal(page.trainingFinished, timeout=20_000):
        page._begin(run_dir, scripted_run(run_dir, steps, **kwargs), total_steps=steps)


def test_a_second_run_draws_its_own_curves(qtbot, train_page, tmp_path):
    """pyqtgraph's PlotWidget puts its own ``clear`` on each instance; a second run used to draw nothing."""
    page = train_page
    run(qtbot, page, tmp_path / "one", 5)
    run(qtbot, page, tmp_path / "two", 3)
    for chart, names in ((page.loss_chart, ["l1", "d"]), (page.metrics_chart, ["l1", "ssim", "iou"])):
        shown = chart.getPlotItem().listDataItems()
        for name in names:
            curve = chart._curves[name]
            assert curve in shown, f"{name} is not on the chart"
        assert len(chart._legend) == len(names) + (chart is page.metrics_chart)  # + "source as is"
    x, y = page.loss_chart._curves["l1"].getData()
    assert list(x) == [1, 2, 3] and np.allclose(y, np.log10([1.0, 0.5, 1 / 3]))  # a log axis
    assert list(page.metrics_chart._curves["iou"].getData()[0]) == [3]


def test_a_new_run_and_an_ended_run_show_no_leftovers(qtbot, train_page, tmp_path):
    page = train_page
    run(qtbot, page, tmp_path / "one", 4)
    assert not page.preview.image().isNull()
    assert "images/s" in page.rate_label.text() and "left" not in page.rate_label.text()  # the run has ended
    with qtbot.waitSignal(page.trainingFinished, timeout=20_000):
        page._begin(tmp_path / "two", scripted_run(tmp_path / "two", 2, preview=False), total_steps=2)
        assert page.preview.image().isNull()  # not the other run's preview
    assert page.preview.image().isNull() and "left" not in page.rate_label.text()


def test_a_run_stopped_before_its_first_step_does_not_replace_the_projects_run(qtbot, train_page, tmp_path):
    page, session = train_page, train_page.session
    trained = tmp_path / "trained"
    run(qtbot, page, trained, 3)
    assert session.project.run_dir == trained.absolute()
    run(qtbot, page, tmp_path / "aborted", 3, reason="cancelled", stop_at=0)
    assert session.project.run_dir == trained.absolute()
    run(qtbot, page, tmp_path / "short", 3, reason="cancelled", stop_at=1)
    assert session.project.run_dir == (tmp_path / "short").absolute()


def test_opening_a_project_shows_its_run_not_the_previous_one(qtbot, train_page, tmp_path):
    page, session = train_page, train_page.session
    run(qtbot, page, tmp_path / "one", 4)
    project = Project()
    project.run_dir = tmp_path / "theirs"
    session.replaceProject(project)
    assert page.preview.image().isNull() and page.metrics_label.text() == ""
    assert "theirs" in page.run_label.text() and page.progress.value() == 0
    assert not page.loss_chart._curves  # no curves of the run trained before


def test_the_demo_banner_goes_when_a_project_is_opened(qtbot, window, tmp_path):
    assert "demo fonts" in window.fonts_page.banner.text() and window.fonts_page.banner.isVisibleTo(window)
    path = tmp_path / "p.fontassist.json"
    assert window._save_to(path)
    assert window.openProject(path)
    assert not window.fonts_page.banner.isVisibleTo(window)


def test_the_winner_line_follows_the_model_that_draws(qtbot, window, tmp_path):
    from fontassist import resources
    from fontassist.app.review.reviewdata import checkpoint_ref

    state, ab = window.review_state, window.review_page.ab_page
    other = tmp_path / "other.pt"
    other.write_bytes(resources.DEMO_MODEL.read_bytes())
    state.review["ab"] = {
        "a": checkpoint_ref(resources.DEMO_MODEL),
        "b": checkpoint_ref(other),
        "winner": "b",
    }
    state.setCheckpoint(other)
    assert "B" in ab.winner_label.text() and "other.pt" in ab.winner_label.text()
    state.setCheckpoint(resources.DEMO_MODEL)
    assert (
        "B" not in ab.winner_label.text().split("(")[0]
        and resources.DEMO_MODEL.name in ab.winner_label.text()
    )


def test_what_runs_shows_on_every_page_and_can_be_cancelled_from_there(qtbot, window):
    from tests.app.reviewkit import missing_chars, wait_until

    state = window.review_state
    state.device = "cpu"
    window.characters_page.setCustomText(missing_chars(400))
    window.goTo("review")
    qtbot.waitUntil(state.isBusy)
    qtbot.waitUntil(lambda: state.clock.done > 0, timeout=60_000)
    window.goTo("fonts")
    indicator = window.activity
    indicator.refresh()
    assert indicator.isVisibleTo(window) and "Drawing the glyphs" in indicator.label.text()
    assert "/400" in indicator.label.text() and "left" in indicator.label.text()  # the pace gives an ETA
    assert indicator.cancel_button.isVisibleTo(window)
    indicator.cancel_button.click()
    wait_until(qtbot, lambda: not state.isBusy(), 60)
    indicator.refresh()
    assert not indicator.isVisibleTo(window) and state.glyphs is None


def test_the_train_page_leads_on_to_review(qtbot, window):
    window.goTo("train")
    window.train_page.next_button.click()
    assert window.currentStep() == "review"


def test_a_project_opened_before_the_train_page_is_shown_shows_its_runs_curves(qtbot, settings, tmp_path):
    import json

    from fontassist.app.common.session import Session
    from fontassist.app.train.trainpage import TrainPage

    run_dir = tmp_path / "theirs"
    run_dir.mkdir()
    records = [{"step": s, "losses": {"l1": 1.0 / s}} for s in (1, 2, 3)]
    (run_dir / "history.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    session = Session()
    page = TrainPage(session, settings)
    qtbot.addWidget(page)
    project = Project()
    project.run_dir = run_dir
    session.replaceProject(project)
    assert page.loss_chart is None  # no charts before the page is first shown
    page.ensureCharts()
    assert list(page.loss_chart._steps["l1"]) == [1, 2, 3]


def test_an_opened_projects_run_shows_how_far_it_got_its_validation_and_preview(qtbot, train_page, tmp_path):
    """It showed "not started" and no preview beside the run's curves."""
    import json

    from PySide6.QtGui import QColor, QImage

    page, session = train_page, train_page.session
    run_dir = tmp_path / "theirs"
    (run_dir / "previews").mkdir(parents=True)
    (run_dir / "config.json").write_text(json.dumps({"steps": 10}))
    records = [{"step": s, "losses": {"l1": 1.0 / s}} for s in range(1, 7)]
    records.insert(5, {"step": 5, "eval": {"l1": 0.1, "ssim": 0.5, "iou": 0.6}, "baseline": {"iou": 0.5}})
    (run_dir / "history.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    picture = QImage(36, 12, QImage.Format.Format_RGB32)
    picture.fill(QColor("gray"))
    picture.save(str(run_dir / "previews" / "step-000004.png"))
    project = Project()
    project.run_dir = run_dir
    session.replaceProject(project)
    assert (page.progress.value(), page.progress.maximum()) == (6, 10)
    assert page.progress.text() == "step 6 of 10"
    assert page.metrics_label.text().startswith("Validation at step 5: ")
    assert not page.preview.image().isNull() and "step 4" in page.preview_title.text()
