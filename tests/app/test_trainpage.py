"""Training through the UI with the real trainer on a tiny configuration (32 px, a few-channel model)."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from fontassist import resources
from fontassist.train import load_checkpoint

from .conftest import TINY_TRAIN

RUN_TIMEOUT_MS = 180_000


def start(window, run_dir, qtbot, **settings):
    page = window.train_page
    if settings:
        window.session.setTrainSettings({**window.session.project.train, **settings})
    window.goTo("train")
    page.setNewRunDir(run_dir)
    with qtbot.waitSignal(page.trainingStarted, timeout=5_000):
        assert page.startTraining(), page.error.text()
    return page


def test_form_is_bound_to_the_train_config(engine_ready):
    page = engine_ready.train_page
    form = page.form
    assert form.size.currentData() == 32 and form.base_channels.value() == 4
    assert form.norm.currentData() == "batch" and form.attention() == {8}
    assert "cpu" in form.deviceNames() and form.device.currentData() == "cpu"
    form.norm.setCurrentIndex(form.norm.findData("instance"))
    form.attention_boxes[4].setChecked(True)
    form.adversarial.setChecked(False)
    train = engine_ready.session.project.train
    assert train["model"]["norm"] == "instance" and train["model"]["attention"] == [4, 8]
    assert (
        train["adv_loss"] == "none" and train["validation"] == 16
    )  # settings the form does not show are kept
    from fontassist.app.train.engine import build_train_config

    config = build_train_config(engine_ready.session.project, engine_ready.session.plan, page.engine.defaults)
    assert (
        config.model.norm == "instance" and config.model.attention == (4, 8) and config.model.image_size == 32
    )
    assert config.model.image_size == 32 and config.adv_loss == "none" and config.charset == "tw-edu-4808"
    # Hand-fixed glyphs as training pairs: the run learns from the target plus them, when asked.
    review = engine_ready.session.project.review
    hand_fixed = Path(config.target).with_name("fixed.ttf")
    review.update(edits_train_target=str(config.target), edits_train=False)
    assert (
        build_train_config(
            engine_ready.session.project, engine_ready.session.plan, page.engine.defaults
        ).target
        == config.target
    )
    review.update(edits_train_target=str(hand_fixed), edits_train=True)
    assert not hand_fixed.exists()  # a copy that is gone is not used
    assert (
        build_train_config(
            engine_ready.session.project, engine_ready.session.plan, page.engine.defaults
        ).target
        == config.target
    )
    review.update(edits_train_target=str(resources.DEMO_SOURCE))  # any font file that is there
    with_fixes = build_train_config(
        engine_ready.session.project, engine_ready.session.plan, page.engine.defaults
    )
    assert with_fixes.target == str(resources.DEMO_SOURCE) and with_fixes.target_face == 0
    for key in ("edits_train", "edits_train_target"):
        review.pop(key)


def test_a_tiny_run_completes_with_live_preview(engine_ready, qtbot, tmp_path):
    # How responsive the window stays meanwhile is measured by benchmarks/train_responsiveness.py.
    window = engine_ready
    page = start(window, tmp_path / "run", qtbot)
    with qtbot.waitSignal(page.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        pass
    assert finished.args == ["completed"]
    assert page.last_finished.step == 8
    previews = sorted(p.name for p in (tmp_path / "run" / "previews").glob("*.png"))
    assert previews == [f"step-{step:06d}.png" for step in (2, 4, 6, 8)]  # every 2 steps
    assert not page.preview.image().isNull()
    assert page.preview_title.text().startswith("Preview at step 8")
    assert page.progress.value() == 8 and page.progress.maximum() == 8
    assert "images/s" in page.rate_label.text()
    assert "Validation at step 8" in page.metrics_label.text()
    assert set(page.loss_chart.names()) >= {"l1", "g"}
    assert page.metrics_chart.latest().keys() == {"l1", "ssim", "iou"}
    assert load_checkpoint(tmp_path / "run").step == 8
    assert window.session.project.run_dir == tmp_path / "run"
    assert page.start_button.isEnabled() and not page.stop_button.isEnabled()


def test_pause_holds_the_run_and_resume_finishes_it(engine_ready, qtbot, tmp_path):
    page = start(engine_ready, tmp_path / "run", qtbot, steps=24)
    qtbot.waitUntil(lambda: page.progress.value() >= 1, timeout=RUN_TIMEOUT_MS)
    # The worker says when it stops pulling; the events it forwarded before are delivered first.
    with qtbot.waitSignal(page.worker.held, timeout=RUN_TIMEOUT_MS):
        page.togglePause()
    assert page.state == page.PAUSED and page.pause_button.text() == "Resume"
    step = page.progress.value()
    assert 1 <= step < 24
    received = []
    page.worker.event.connect(received.append)
    QCoreApplication.processEvents()
    # Blocked at the pause, the worker's thread cannot send anything: the trainer holds at its yield.
    assert page.worker.isHolding() and received == [] and page.progress.value() == step
    assert "Paused" in page.status_label.text()
    with qtbot.waitSignal(page.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        page.togglePause()
    assert finished.args == ["completed"] and page.last_finished.step == 24


def test_stop_saves_a_checkpoint_and_the_run_can_be_continued(engine_ready, qtbot, tmp_path):
    run = tmp_path / "run"
    page = start(engine_ready, run, qtbot, steps=10_000)  # far more than can run before the stop
    qtbot.waitUntil(lambda: page.progress.value() >= 2, timeout=RUN_TIMEOUT_MS)
    page.pauseTraining()  # stopping a paused run must work too
    with qtbot.waitSignal(page.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        page.stopTraining()
    assert finished.args == ["cancelled"]
    stopped_at = page.progress.value()
    assert stopped_at >= 2
    assert load_checkpoint(run).step == stopped_at
    assert "Stopped at step" in page.status_label.text()

    asked = []
    total = stopped_at + 2
    page.askTotalSteps = lambda run_dir, config, done: asked.append((config.steps, done)) or total
    with qtbot.waitSignal(page.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        assert page.resumeRun(run)
    assert asked == [(10_000, stopped_at)]
    assert finished.args == ["completed"]
    assert page.last_finished.step == total and load_checkpoint(run).step == total


def test_a_run_folder_in_use_is_refused_inline(engine_ready, qtbot, tmp_path):
    run = tmp_path / "run"
    page = start(engine_ready, run, qtbot, steps=2)
    with qtbot.waitSignal(page.trainingFinished, timeout=RUN_TIMEOUT_MS):
        pass
    page.setNewRunDir(run)
    with qtbot.waitSignal(page.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        assert page.startTraining()
    assert finished.args == ["error"]
    assert "already holds a training run" in page.error.text()


def test_closing_during_training_asks_stops_and_leaves_a_loadable_checkpoint(engine_ready, qtbot, tmp_path):
    window = engine_ready
    run = tmp_path / "run"
    page = start(window, run, qtbot, steps=500)
    qtbot.waitUntil(lambda: page.progress.value() >= 1, timeout=RUN_TIMEOUT_MS)
    window.ask.queue = [QMessageBox.StandardButton.Cancel]
    assert not window.close()
    assert window.isVisible() and page.isTraining()
    window.ask.queue = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Discard]
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=RUN_TIMEOUT_MS)
    assert window.ask.asked == ["Training is running", "Training is running", "Unsaved changes"]
    assert page.last_outcome == "cancelled"
    checkpoint = load_checkpoint(run)
    assert 1 <= checkpoint.step < 500
    assert checkpoint.config.model.norm == "batch"


def test_presets_fill_the_form_and_the_settings_it_does_not_show(engine_ready):
    page = engine_ready.train_page
    form = page.form
    index = form.preset.findData("quick")
    form.preset.setCurrentIndex(index)
    form.preset.activated.emit(index)
    train = engine_ready.session.project.train
    assert form.size.currentData() == 64 and form.steps.value() == 2500
    assert (
        train["adv_start"] == 1250
        and train["model"]["max_channels"] == 128
        and train["augment_shift"] == 0.05
    )
    assert all(w.toolTip() for w in (form.size, form.base_channels, form.steps, form.lr, form.batch_size))


def test_estimate_time_shows_the_measured_total(engine_ready, qtbot):
    page = engine_ready.train_page
    page.session.setTrainSettings({**page.session.project.train, "steps": 40, "eval_every": 20})
    page.estimateTime()
    qtbot.waitUntil(lambda: not page._estimating, timeout=120_000)
    assert "Estimated time:" in page.estimate_label.text() and "40 steps" in page.estimate_label.text()
    assert page.start_button.isEnabled()


def test_validation_says_whether_the_run_beats_the_source(engine_ready):
    page = engine_ready.train_page
    text = page._metrics_text(100, {"iou": 0.70}, {"iou": 0.59})
    assert "better than the source as is by 0.110 IoU" in text
    assert "not yet better than the source as is" in page._metrics_text(100, {"iou": 0.5}, {"iou": 0.59})


def test_device_list_shows_gpus_with_memory_and_how_to_use_several(qtbot):
    from fontassist.app.train.trainform import TrainSettingsForm

    form = TrainSettingsForm()
    qtbot.addWidget(form)
    form.setDevices([("cuda:0", "NVIDIA H200, 141 GB"), ("cpu", "CPU")])
    assert "NVIDIA H200, 141 GB (cuda:0)" in [form.device.itemText(i) for i in range(form.device.count())]
    assert form.gpu_note.isHidden()
    form.setDevices([("cuda:0", "NVIDIA H200, 141 GB"), ("cuda:1", "NVIDIA H200, 141 GB"), ("cpu", "CPU")])
    assert not form.gpu_note.isHidden()
    assert "2 GPUs" in form.gpu_note.text() and "--nproc-per-node 2" in form.gpu_note.text()
    form.resize(520, 560)
    form.show()
    form.grab().save("/tmp/scaleout-trainform.png")


def test_continuing_a_run_shows_its_own_settings_and_refuses_a_total_it_has_reached(
    engine_ready, qtbot, tmp_path
):
    """Issue 14.4: the same step count did nothing, silently; the form showed InstanceNorm for a BatchNorm run."""
    from fontassist.app.train.continuerun import ContinueRunDialog
    from fontassist.train import runfolder as runs

    run = tmp_path / "run"
    page = start(engine_ready, run, qtbot, steps=4)  # TINY_TRAIN: BatchNorm
    with qtbot.waitSignal(page.trainingFinished, timeout=RUN_TIMEOUT_MS):
        pass
    engine_ready.session.setTrainSettings(
        {**engine_ready.session.project.train, "model": {**TINY_TRAIN["model"], "norm": "instance"}}
    )
    assert page.form.norm.currentData() == "instance"

    dialog = ContinueRunDialog(run, runs.read_config(run), 4)
    qtbot.addWidget(dialog)
    assert dialog.form.norm.currentData() == "batch" and not dialog.form.isEnabled()
    assert dialog.total.minimum() == 5 and dialog.totalSteps() == 8

    page.askTotalSteps = lambda *args: 4
    assert not page.resumeRun(run)
    assert "already trained 4 steps" in page.error.text()
    page.askTotalSteps = lambda *args: None  # cancelled
    assert not page.resumeRun(run) and not page.isTraining()

    page.askTotalSteps = lambda *args: 6
    with qtbot.waitSignal(page.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        assert page.resumeRun(run)
        assert page.form.norm.currentData() == "batch" and page.form.steps.value() == 6
    assert finished.args == ["completed"] and load_checkpoint(run).step == 6
    assert load_checkpoint(run).config.model.norm == "batch"
    assert page.form.norm.currentData() == "instance"  # the project's settings again, for a new run
