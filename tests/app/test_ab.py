import io
import json
from contextlib import redirect_stdout

import numpy as np
import pytest

from fontassist.app.common.settings import AppSettings
from fontassist.app.compare.abdata import ab_run_dirs, difference_order, norm_variants, per_glyph_rows
from fontassist.app.review.reviewdata import checkpoint_ref
from fontassist.app.review.reviewstate import ReviewState
from fontassist.train import load_checkpoint

from .reviewkit import demo_session, missing_chars, wait_until


@pytest.fixture(scope="module")
def norm_runs(tmp_path_factory):
    """Two tiny runs that differ only in normalization (BatchNorm, InstanceNorm)."""
    import torch

    from fontassist.train import Trainer
    from tests.train.tiny import tiny_config, tiny_model

    threads = torch.get_num_threads()
    torch.set_num_threads(min(threads, 2))
    runs = {}
    for norm in ("batch", "instance"):
        run_dir = tmp_path_factory.mktemp(f"run_{norm}")
        events = list(
            Trainer(tiny_config(model=tiny_model(norm=norm), steps=4, eval_every=4, preview_every=4), run_dir)
        )
        assert events[-1].reason == "completed", events[-1].message
        runs[norm] = run_dir
    torch.set_num_threads(threads)
    return runs


@pytest.fixture
def ab(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from fontassist.app.compare.abpage import ABPage

    session = demo_session(missing_chars(4))
    state = ReviewState(session)
    page = ABPage(session, state, AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    page.device = "cpu"
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def cli_compare(a, b) -> dict:
    from fontassist.cli import main

    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["compare", str(a), str(b), "--json", "--per-glyph", "--device", "cpu"]) == 0
    return json.loads(out.getvalue())


def test_the_ab_view_shows_the_same_metrics_as_fontassist_compare(qtbot, ab, norm_runs):
    ab.setRuns(norm_runs["batch"], norm_runs["instance"])
    with qtbot.waitSignal(ab.compared, timeout=120_000):
        assert ab.compare()
    cli = cli_compare(norm_runs["batch"], norm_runs["instance"])
    shown = ab.summaryValues()
    for side in ("a", "b"):
        assert shown[side] == pytest.approx(cli[side]["metrics"], abs=1e-9)
    assert shown["baseline"] == pytest.approx(cli["a"]["baseline"], abs=1e-9)
    assert ab.result.a.norm == "batch" and ab.result.b.norm == "instance"
    assert ab.result.winner() == cli["better"]

    # Per glyph, in the order where A and B differ most (IoU by default), against the CLI's per-glyph figures.
    by_char_a = {g["char"]: g for g in cli["a"]["per_glyph"]}
    by_char_b = {g["char"]: g for g in cli["b"]["per_glyph"]}
    assert len(ab.rows) == cli["glyphs"] == ab.glyph_table.rowCount()
    differences = [row["difference"] for row in ab.rows]
    assert differences == sorted(differences, reverse=True)
    for i, row in enumerate(ab.rows):
        assert row["a"] == pytest.approx(by_char_a[row["char"]]["iou"], abs=1e-5)
        assert row["b"] == pytest.approx(by_char_b[row["char"]]["iou"], abs=1e-5)
        assert row["baseline"] == pytest.approx(by_char_a[row["char"]]["baseline_iou"], abs=1e-5)
        assert ab.glyph_table.item(i, 0).text().startswith(row["char"])
    # The grids show the same glyphs in the table's order.
    for name in ("source", "a", "b", "target"):
        assert ab.grid_models[name].source().chars == [row["char"] for row in ab.rows]

    ab.metric_combo.setCurrentIndex(0)  # L1
    assert [r["char"] for r in ab.rows] == [ab.result.chars[i] for i in difference_order(ab.result, "l1")]


def test_grids_scroll_and_select_together_and_flip_swaps_a_and_b(qtbot, ab, norm_runs):
    ab.setRuns(norm_runs["batch"], norm_runs["instance"])
    with qtbot.waitSignal(ab.compared, timeout=120_000):
        ab.compare()
    ab.selectRow(3)
    assert {view.currentIndex().row() for view in ab.grids.values()} == {3}
    assert ab.glyph_table.currentRow() == 3
    ab.grids["b"].verticalScrollBar().setValue(ab.grids["b"].verticalScrollBar().maximum())
    assert len({view.verticalScrollBar().value() for view in ab.grids.values()}) == 1

    model = ab.grid_models["a"]
    i = ab.rows[0]["index"]
    a_raster = model.data(model.index(0), model.RasterRole)
    np.testing.assert_array_equal(a_raster, ab.result.a.generated[i])
    ab.flip_box.setChecked(True)
    ab.flip()
    np.testing.assert_array_equal(model.data(model.index(0), model.RasterRole), ab.result.b.generated[i])
    assert "B" in ab.flip_label.text()
    ab.flip()
    np.testing.assert_array_equal(model.data(model.index(0), model.RasterRole), ab.result.a.generated[i])
    ab.flip_box.setChecked(False)
    assert not model.source().flipped


def test_choosing_the_winner_sets_the_model_for_generation(qtbot, ab, norm_runs):
    ab.setRuns(norm_runs["batch"], norm_runs["instance"])
    chosen = []
    ab.winnerChosen.connect(chosen.append)
    ab.chooseWinner("b")
    b_checkpoint = load_checkpoint(norm_runs["instance"]).path
    assert chosen == [b_checkpoint]
    review = ab.state.review
    assert review["ab"] == {
        "a": checkpoint_ref(load_checkpoint(norm_runs["batch"]).path),
        "b": checkpoint_ref(b_checkpoint),
        "winner": "b",
    }


def test_train_both_differ_only_in_normalization(tmp_path):
    from tests.train.tiny import tiny_config

    config = tiny_config()
    (na, a), (nb, b) = norm_variants(config)
    assert (na, nb) == ("batch", "instance") and a.model.norm == "batch" and b.model.norm == "instance"
    da, db = a.to_dict(), b.to_dict()
    da["model"].pop("norm")
    db["model"].pop("norm")
    assert da == db
    dirs = ab_run_dirs(tmp_path, stamp="x")
    assert [d.name for d in dirs] == ["ab-x-batch", "ab-x-instance"]
    dirs[0].mkdir()
    assert [d.name for d in ab_run_dirs(tmp_path, stamp="x")] == ["ab-x-2-batch", "ab-x-2-instance"]


def test_train_both_from_the_page_queues_two_runs_then_compares_them(qtbot, ab, tmp_path):
    from tests.app.conftest import TINY_TRAIN

    settings = dict(TINY_TRAIN, steps=3, eval_every=3, preview_every=3, validation=8)
    ab.session.setTrainSettings(settings)
    finished = []
    ab.trainingFinished.connect(lambda: finished.append(True))
    assert ab.trainBoth(tmp_path / "runs")
    assert not ab.train_both_button.isEnabled()
    wait_until(qtbot, lambda: bool(finished), 300)
    wait_until(qtbot, lambda: ab.result is not None and not ab.isBusy(), 300)
    runs = sorted((tmp_path / "runs").iterdir())
    assert [r.name.rsplit("-", 1)[-1] for r in runs] == ["batch", "instance"]
    configs = [load_checkpoint(r).config for r in runs]
    assert [c.model.norm for c in configs] == ["batch", "instance"]
    assert (
        configs[0].seed == configs[1].seed and configs[0].chars == configs[1].chars and configs[0].steps == 3
    )
    assert ab.result.a.norm == "batch" and ab.result.b.norm == "instance"
    assert ab.picker_a.path().parent == runs[0]


def test_per_glyph_rows_sort_by_absolute_difference():
    class Side:
        def __init__(self, values):
            self.per_glyph = {"iou": np.array(values)}
            self.baseline_per_glyph = {"iou": np.zeros(len(values))}

    class Result:
        chars = ["a", "b", "c", "d"]
        a = Side([0.5, 0.9, 0.1, 0.4])
        b = Side([0.5, 0.1, 0.3, 0.4])

    rows = per_glyph_rows(Result(), "iou")
    assert [r["char"] for r in rows] == ["b", "c", "a", "d"]
    assert rows[0]["difference"] == pytest.approx(0.8)


def test_comparing_shows_a_count_and_can_be_cancelled(qtbot, ab, norm_runs):
    """Issue 14.6: the comparison had neither a progress count nor a Cancel."""
    ab.setRuns(norm_runs["batch"], norm_runs["instance"])
    seen = []
    assert ab.compare()
    assert ab.stop_button.isVisibleTo(ab) and ab.stop_button.text() == "Cancel"
    assert ab.progress.maximum() == 2 and "of 2" in ab.progress.text()
    ab.worker.progressed.connect(lambda done, total, _m: seen.append((done, total)) or ab.stop_button.click())
    wait_until(qtbot, lambda: not ab.isBusy(), 120)
    assert seen and seen[0][1] == 2
    assert ab.result is None and "cancelled" in ab.status.text()
    assert not ab.stop_button.isVisibleTo(ab) and ab.compare_button.isEnabled()


def test_one_training_at_a_time_in_the_window(qtbot, engine_ready, tmp_path):
    """Issue 14.6: while "Train both" runs, Start and File → Open are refused with a reason."""
    from tests.app.conftest import TINY_TRAIN

    window = engine_ready
    path = tmp_path / "p.fontassist.json"
    assert window._save_to(path)
    ab, train = window.review_page.ab_page, window.train_page
    ab.device = "cpu"
    window.session.setTrainSettings(dict(TINY_TRAIN, steps=400, eval_every=400, preview_every=400))
    assert ab.trainBoth(tmp_path / "runs")
    assert not train.startTraining() and not train.isTraining()
    assert "Train both" in train.error.text() and not train.start_button.isEnabled()
    assert not window.openProject(path) and "Training is running" in window.statusBar().currentMessage()
    assert not window.open_action.isEnabled() and not window.new_action.isEnabled()
    with qtbot.waitSignal(ab.trainingFinished, timeout=300_000):
        ab.stop()
    assert train.start_button.isEnabled() and window.open_action.isEnabled() and train.error.text() == ""
    # And the other way round: a run on the Train page rules out "Train both".
    train.setNewRunDir(tmp_path / "single")
    assert train.startTraining()
    assert not ab.trainBoth(tmp_path / "runs2") and "Train page" in ab.message.text()
    with qtbot.waitSignal(train.trainingFinished, timeout=300_000):
        train.stopTraining()
