"""Step 3, Train: settings, Start / Pause / Resume / Stop, and the run's live progress, charts and preview.

The core trainer runs in a :class:`~fontassist.app.common.worker.Worker` (a stream
job); its events arrive here as queued signals, on the GUI thread, where
the preview array becomes an image. Charts collect points as events arrive
and are redrawn on a timer, so a fast run never floods the event loop.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...errors import FontAssistError
from ...train.metricnames import METRIC_LABELS
from ..common.activity import Activity, format_duration
from ..common.errordialog import show_error
from ..common.images import raster_to_qimage
from ..common.session import Session
from ..common.settings import AppSettings
from ..common.widgets import (
    ImageView,
    MessageLabel,
    heading,
    muted,
    settings_column,
    side_by_side,
    vertical_scroll,
)
from ..common.worker import CANCELLED, Worker, run_in_background, stream_events
from .engine import Engine, build_train_config, load_engine, overlay_settings
from .trainform import TrainSettingsForm

log = logging.getLogger(__name__)

CHART_REFRESH_MS = 250


def default_runs_folder(project_folder: Path | None) -> Path:
    """Runs go next to the project file, or into the user's data folder for an unsaved project."""
    if project_folder is not None:
        return project_folder / "runs"
    import platformdirs

    return Path(platformdirs.user_data_dir("fontassist", appauthor=False)) / "runs"


class TrainPage(QWidget):
    engineLoaded = Signal()
    trainingStarted = Signal()
    trainingFinished = Signal(str)  # the FinishedEvent's reason, or "error" when the run could not start
    nextRequested = Signal()

    IDLE, STARTING, RUNNING, PAUSED, STOPPING = "idle", "starting", "running", "paused", "stopping"

    def __init__(self, session: Session, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trainPage")
        self.session = session
        self.settings = settings
        self.engine: Engine | None = None
        self.worker: Worker | None = None
        self.state = self.IDLE
        self.run_dir: Path | None = None
        self.last_finished = None  # the last FinishedEvent
        self.last_outcome: str | None = None  # what trainingFinished said last
        self._last_rate = 0.0
        self._last_eta: float | None = None
        self._other_shown = ""
        self._engine_loading = False
        self._engine_error = ""
        self._form_loading = False
        self.loss_chart = None
        self.metrics_chart = None

        run_row = self._build_form_and_folder()
        buttons = self._build_buttons()
        left = settings_column(
            self,
            self.form,
            QLabel(self.tr("New run folder:"), self),
            run_row,
            buttons,
            self.estimate_label,
            self.engine_label,
        )
        self.left_scroll = vertical_scroll(left, self)
        self._fit_settings_width()

        self._build_progress_widgets()
        right = self._build_run_side()
        splitter = side_by_side(self, self.left_scroll, right, stretch=(0, 1), sizes=(340, 760))
        self.next_button = QPushButton(self.tr("Next: Review →"), self)
        self.next_button.setObjectName("trainNextButton")
        self.next_button.clicked.connect(self.nextRequested)
        header = QHBoxLayout()
        header.addWidget(heading(self.tr("3 · Train"), self))
        header.addStretch(1)
        header.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        self._connect_session()
        self._update_buttons()

    def _build_form_and_folder(self):
        """The settings form (shown once the engine brings the trainer's defaults) and the new run's folder."""
        self.form = TrainSettingsForm(self)
        self.form.hide()  # until the engine brings the trainer's defaults
        self.form.changed.connect(self._form_changed)
        self.form.presetChosen.connect(self.applyPreset)
        self.run_dir_edit = QLineEdit(self)
        self.run_dir_edit.setObjectName("runDirEdit")
        self.run_dir_edit.setPlaceholderText(self.tr("automatic"))
        self.run_dir_button = QPushButton(self.tr("Choose…"), self)
        self.run_dir_button.clicked.connect(self.chooseRunDir)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_dir_edit, 1)
        run_row.addWidget(self.run_dir_button)
        return run_row

    def _build_buttons(self):
        """Estimate, Start, Pause / Resume, Stop and Continue a run, with the estimate and engine lines."""
        self.start_button = QPushButton(self.tr("Start training"), self)
        self.start_button.setObjectName("startButton")
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.pause_button.setObjectName("pauseButton")
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setObjectName("stopButton")
        self.resume_run_button = QPushButton(self.tr("Continue a run…"), self)
        self.resume_run_button.setObjectName("resumeRunButton")
        self.resume_run_button.setToolTip(self.tr("Continue training a run folder from its last checkpoint"))
        self.start_button.clicked.connect(self.startTraining)
        self.pause_button.clicked.connect(self.togglePause)
        self.stop_button.clicked.connect(self.stopTraining)
        self.resume_run_button.clicked.connect(lambda: self.resumeRun())
        self.estimate_button = QPushButton(self.tr("Estimate time"), self)
        self.estimate_button.setObjectName("estimateButton")
        self.estimate_button.setToolTip(
            self.tr(
                "Time a few training steps on the chosen device and show how long the whole run will take."
            )
        )
        self.estimate_button.clicked.connect(self.estimateTime)
        self.estimate_label = muted(QLabel(self))
        self.estimate_label.setObjectName("estimateLabel")
        self.estimate_label.setWordWrap(True)
        self._estimating = False
        buttons = QGridLayout()
        buttons.addWidget(self.estimate_button, 0, 0, 1, 2)
        buttons.addWidget(self.start_button, 1, 0, 1, 2)
        buttons.addWidget(self.pause_button, 2, 0)
        buttons.addWidget(self.stop_button, 2, 1)
        buttons.addWidget(self.resume_run_button, 3, 0, 1, 2)
        self.engine_label = muted(QLabel(self.tr("Loading the training engine…"), self))
        self.engine_label.setWordWrap(True)
        return buttons

    def _build_progress_widgets(self):
        """The run's status, progress, rate, metrics, folder and error lines; the charts' holder; the preview."""
        self.status_label = QLabel(self.tr("Not started."), self)
        self.status_label.setObjectName("trainStatus")
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("not started"))
        self.rate_label = QLabel(self)
        self.rate_label.setObjectName("rateLabel")
        self.metrics_label = QLabel(self)
        self.metrics_label.setObjectName("metricsLabel")
        self.metrics_label.setWordWrap(True)
        self.run_label = muted(QLabel(self))
        self.run_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.run_label.setWordWrap(True)
        self.error = MessageLabel(self)
        self.charts_holder = QWidget(self)
        self.charts_layout = QHBoxLayout(self.charts_holder)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_title = QLabel(self.tr("Preview: source | generated | target"), self)
        self.preview = ImageView(
            self,
            max_scale=3.0,
            placeholder=self.tr("The preview appears at the first preview step."),
            alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        )
        self.preview.setObjectName("preview")
        self.preview.setMinimumHeight(120)

    def _build_run_side(self):
        """The progress lines above the charts and the preview, which share the height by a splitter."""
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.status_label)
        right_layout.addWidget(self.progress)
        right_layout.addWidget(self.rate_label)
        right_layout.addWidget(self.metrics_label)
        right_layout.addWidget(self.run_label)
        right_layout.addWidget(self.error)
        lower = QSplitter(Qt.Orientation.Vertical, self)
        lower.addWidget(self.charts_holder)
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview_title)
        preview_layout.addWidget(self.preview, 1)
        lower.addWidget(preview_box)
        lower.setSizes([260, 220])
        lower.setChildrenCollapsible(False)
        right_layout.addWidget(lower, 1)
        return right

    def _connect_session(self):
        """The chart refresh timer; the project and its settings, as they change."""
        session = self.session
        self._chart_timer = QTimer(self)
        self._chart_timer.setInterval(CHART_REFRESH_MS)
        self._chart_timer.timeout.connect(self._redraw_charts)

        session.projectReplaced.connect(self._show_settings)
        session.projectReplaced.connect(self._project_replaced)
        session.trainSettingsChanged.connect(self._show_settings)
        session.planChanged.connect(self._update_buttons)

    # -- engine ---------------------------------------------------------------------------------------

    def loadEngine(self) -> None:
        """Import the trainer (and torch) on the thread pool; the form fills in when it is ready."""
        if self.engine is not None or self._engine_loading:
            return
        self._engine_loading = True
        self._engine_error = ""
        run_in_background(load_engine, self._engine_loaded, self._engine_failed, owner=self, name="engine")

    def _engine_loaded(self, engine: Engine) -> None:
        self._engine_loading = False
        self.engine = engine
        self.form.setDevices(engine.devices)
        self.form.show()
        self._fit_settings_width()
        self.session.setTrainDefaults(engine.defaults)
        self._show_settings()
        names = ", ".join(name for _, name in engine.devices)
        self.engine_label.setText(self.tr("Devices: {0}").format(names))
        self._update_buttons()
        self.engineLoaded.emit()

    def _engine_failed(self, error: str, _details: str = "") -> None:
        self._engine_loading = False
        self._engine_error = str(error)
        log.error("the training engine could not be loaded: %s", error)
        self.engine_label.setText("")
        self.error.showError(self.tr("The training engine could not be loaded: {0}").format(error))
        self._update_buttons()

    def _show_settings(self) -> None:
        if self.engine is None or self._form_loading:
            return
        self._form_loading = True
        try:
            self.form.setValues(overlay_settings(self.engine.defaults, self.session.project.train))
        finally:
            self._form_loading = False

    def _fit_settings_width(self) -> None:
        """The settings column is as wide as its widest row, so nothing in it is cut off."""
        content = self.left_scroll.widget()
        scrollbar = self.left_scroll.verticalScrollBar().sizeHint().width()
        self.left_scroll.setMinimumWidth(content.minimumSizeHint().width() + scrollbar + 4)

    def _form_changed(self) -> None:
        if self._form_loading:
            return
        self._form_loading = True  # the form already shows these settings
        try:
            self.session.setTrainSettings(overlay_settings(self.session.project.train, self.form.values()))
        finally:
            self._form_loading = False

    def applyPreset(self, name: str) -> None:
        """Set the preset's settings (the form's and the ones it does not show) in the project."""
        from ...train.presets import preset_settings

        settings = preset_settings(name)
        settings["model"]["attention"] = list(settings["model"]["attention"])
        self.session.setTrainSettings(overlay_settings(self.session.project.train, settings))
        self._show_settings()
        self.estimate_label.setText("")

    def estimateTime(self) -> None:
        """Measure a few steps of the current settings in the background and show the run's estimated time."""
        if self.engine is None or self._estimating or self.isTraining():
            return
        plan = self.session.plan
        if plan is None:
            self.error.showError(
                self.session.plan_error or self.tr("Choose a source and a target font first.")
            )
            return
        try:
            config = build_train_config(self.session.project, plan, self.engine.defaults)
        except FontAssistError as e:
            self.error.showError(str(e))
            return
        from ...train.presets import estimate_time

        self._estimating = True
        self.estimate_label.setText(self.tr("Measuring a few steps…"))
        self._update_buttons()
        run_in_background(lambda: estimate_time(config), self._estimated, self._estimate_failed)

    def _estimated(self, estimate) -> None:
        self._estimating = False
        self.estimate_label.setText(
            self.tr("Estimated time: {0} for {1} steps on {2} ({3} ms per step measured).").format(
                format_duration(estimate.total_s),
                f"{estimate.steps:,}",
                estimate.device,
                f"{estimate.seconds_per_step * 1000:.0f}",
            )
        )
        self._update_buttons()

    def _estimate_failed(self, error: Exception) -> None:
        self._estimating = False
        self.estimate_label.setText("")
        self.error.showError(self.tr("The time could not be estimated: {0}").format(error))
        self._update_buttons()

    # -- charts (created when first needed: pyqtgraph is not imported at start-up) ---------------------
    def ensureCharts(self) -> None:
        if self.loss_chart is not None:
            return
        from .trainplots import LossChart, MetricsChart

        self.loss_chart = LossChart(self.charts_holder)
        self.metrics_chart = MetricsChart(self.charts_holder)
        self.charts_layout.addWidget(self.loss_chart, 1)
        self.charts_layout.addWidget(self.metrics_chart, 1)
        if not self.isTraining() and self.run_dir is not None:  # a project opened before the page was shown
            self._show_history(self.run_dir)

    def _redraw_charts(self) -> None:
        if self.loss_chart is not None:
            self.loss_chart.redraw()
            self.metrics_chart.redraw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensureCharts()
        self.loadEngine()

    # -- run control ---------------------------------------------------------------------------------
    def isTraining(self) -> bool:
        return self.worker is not None

    def activity(self) -> Activity | None:
        """What the status bar shows while a run trains (see :mod:`..activity`)."""
        if self.worker is None:
            return None
        if self.state == self.STOPPING:
            return Activity(self.tr("Stopping the run: saving a checkpoint"))
        text = self.tr("Paused: {0}") if self.state == self.PAUSED else self.tr("Training {0}")
        return Activity(
            text.format(self.run_dir.name if self.run_dir else ""),
            self.progress.value(),
            self.progress.maximum() if self.state != self.STARTING else 0,
            self._last_eta if self.state == self.RUNNING else None,
            self.stopTraining,
        )

    def mayStart(self) -> bool:
        """True when no training runs anywhere in the window; else the reason is shown and False returned."""
        if self.isTraining():
            return False
        reason = self.otherTraining()
        if reason:
            self.error.showError(reason)
            return False
        return True

    def otherTraining(self) -> str:
        """Why another training (e.g. the A/B page's "Train both") rules out a run here; the window sets it."""
        return ""

    def chooseRunDir(self) -> None:
        start = self.run_dir_edit.text() or str(default_runs_folder(self.session.project.folder))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the new run"), start)
        if folder:
            self.run_dir_edit.setText(folder)

    def setNewRunDir(self, folder: str | Path) -> None:
        self.run_dir_edit.setText(str(folder))

    def _new_run_dir(self) -> Path:
        text = self.run_dir_edit.text().strip()
        if text:
            return Path(text).absolute()
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        base = default_runs_folder(self.session.project.folder)
        folder, n = base / f"run-{stamp}", 1
        while folder.exists():
            n += 1
            folder = base / f"run-{stamp}-{n}"
        return folder

    def startTraining(self) -> bool:
        """Start a new run with the form's settings; False (with the reason shown) when it cannot start."""
        if self.engine is None or not self.mayStart():
            return False
        self.error.clearMessage()
        plan = self.session.plan
        if plan is None:
            self.error.showError(
                self.session.plan_error or self.tr("Choose a source and a target font first.")
            )
            return False
        try:
            config = build_train_config(self.session.project, plan, self.engine.defaults)
        except FontAssistError as e:
            self.error.showError(str(e))
            return False
        run_dir = self._new_run_dir()
        from ...train import Trainer

        self._begin(
            run_dir, lambda cancel: Trainer(config, run_dir, cancel=cancel), total_steps=config.steps or 0
        )
        self.run_dir_edit.clear()
        return True

    def resumeRun(self, run_dir: str | Path | None = None, steps: int | None = None) -> bool:
        """Continue the run in ``run_dir`` (asked for when None) to ``steps`` in all (asked for when None)."""
        if self.engine is None or not self.mayStart():
            return False
        if run_dir is None:
            start = str(self.session.project.run_dir or default_runs_folder(self.session.project.folder))
            run_dir = QFileDialog.getExistingDirectory(self, self.tr("Run folder to continue"), start)
            if not run_dir:
                return False
        run_dir = Path(run_dir).absolute()
        self.error.clearMessage()
        from ...train import Trainer, runfolder
        from .continuerun import run_settings, steps_done

        try:
            saved = runfolder.read_config(run_dir)
        except FontAssistError as e:
            self.error.showError(str(e))
            return False
        history = runfolder.read_history(run_dir)
        done = steps_done(history, run_dir)
        if steps is None:
            steps = self.askTotalSteps(run_dir, saved, done)
            if steps is None:
                return False
        if steps <= done:
            self.error.showError(
                self.tr(
                    "{0} has already trained {1:,} steps: give a larger total to train it further."
                ).format(run_dir.name, done)
            )
            return False
        device = self.form.device.currentData()
        self._form_loading = True  # the form shows the run's own settings while it trains
        try:
            self.form.setValues({**run_settings(saved), "steps": steps, "device": device})
        finally:
            self._form_loading = False
        self._begin(
            run_dir,
            lambda cancel: Trainer.resume_from(run_dir, cancel=cancel, steps=steps, device=device),
            total_steps=steps,
            history=history,
        )
        return True

    def askTotalSteps(self, run_dir: Path, config, done: int) -> int | None:
        """The new total for a continued run, from a dialog; None when cancelled. Tests replace it."""
        from .continuerun import ContinueRunDialog

        dialog = ContinueRunDialog(run_dir, config, done, self)
        return dialog.totalSteps() if dialog.exec() == ContinueRunDialog.DialogCode.Accepted else None

    def _begin(
        self, run_dir: Path, make_trainer, total_steps: int, history: list[dict] | None = None
    ) -> None:
        self.ensureCharts()
        self.loss_chart.reset()
        self.metrics_chart.reset()
        self.metrics_chart.setLastStep(total_steps)
        self._add_history(history or [])
        self.run_dir = run_dir  # the project adopts it once it has trained (see _adopt_run)
        self.last_finished = None
        self.last_outcome = None
        self.progress.setRange(0, max(1, total_steps))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("step %v of %m"))
        self._clear_run_display()
        self.run_label.setText(self.tr("Run folder: {0}").format(run_dir))
        self.status_label.setText(self.tr("Preparing the glyph pairs and the model…"))
        self.worker = Worker(stream_events(make_trainer), "training", stream=True)
        self.worker.event.connect(self._on_event)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self._on_stopped)
        self.worker.ended.connect(self._on_worker_finished)
        self.state = self.STARTING
        self._chart_timer.start()
        self.worker.start()
        self._update_buttons()
        self.trainingStarted.emit()

    def shutdown(self, timeout_ms: int = 120_000) -> None:
        """Stop a run and block until its checkpoint is written (the application is quitting)."""
        worker = self.worker
        if worker is not None:
            worker.cancel()
            worker.wait(timeout_ms)

    def togglePause(self) -> None:
        if self.worker is None:
            return
        if self.worker.isPaused():
            self.resumeTraining()
        else:
            self.pauseTraining()

    def pauseTraining(self) -> None:
        if self.worker is not None and self.state in (self.STARTING, self.RUNNING):
            self.worker.pause()
            self.state = self.PAUSED
            self.status_label.setText(
                self.tr("Paused at step {0}. Resume to go on.").format(self.progress.value())
            )
            self._update_buttons()

    def resumeTraining(self) -> None:
        if self.worker is not None and self.state == self.PAUSED:
            self.worker.resume()
            self.state = self.RUNNING
            self.status_label.setText(self.tr("Training…"))
            self._update_buttons()

    def stopTraining(self) -> None:
        """Ask the run to stop; it saves a checkpoint first. ``trainingFinished`` follows."""
        if self.worker is not None and self.state != self.STOPPING:
            self.state = self.STOPPING
            self.worker.cancel()
            self.status_label.setText(self.tr("Stopping: saving a checkpoint…"))
            self._update_buttons()

    # -- events (GUI thread) ----------------------------------------------------------------------------
    def _on_event(self, event) -> None:
        from ...train import events

        if isinstance(event, events.PreparingEvent):
            self.progress.setMaximum(event.total)
            self.progress.setValue(event.done)
            self.status_label.setText(
                self.tr("Training the upscaler: step {0} of {1} (once per target font)").format(
                    event.done, event.total
                )
            )
        elif isinstance(event, events.StepEvent):
            if self.state == self.STARTING:
                self.state = self.RUNNING
                self._update_buttons()
            if self.progress.maximum() != event.total_steps:
                self.progress.setMaximum(event.total_steps)
                self.metrics_chart.setLastStep(event.total_steps)
            self.progress.setValue(event.step)
            if self.state == self.RUNNING:
                self.status_label.setText(self.tr("Training…"))
            self._last_rate, self._last_eta = event.images_per_s, event.eta_s
            self.rate_label.setText(
                self.tr("{0:.1f} images/s · about {1} left").format(
                    event.images_per_s, format_duration(event.eta_s)
                )
            )
            self.loss_chart.add(event.step, event.losses)
        elif isinstance(event, events.EvalEvent):
            self.metrics_chart.add(event.step, event.metrics, event.baseline)
            self.metrics_label.setText(self._metrics_text(event.step, event.metrics, event.baseline))
        elif isinstance(event, events.PreviewEvent):
            self.preview.setImage(raster_to_qimage(event.grid, ink_is_255=False))
            self.preview_title.setText(
                self.tr("Preview at step {0}: source | generated | target").format(event.step)
            )
        elif isinstance(event, events.CheckpointEvent):
            self._adopt_run(event.step)
            self.run_label.setText(
                self.tr("Run folder: {0} · checkpoint at step {1}").format(self.run_dir, event.step)
            )
        elif isinstance(event, events.FinishedEvent):
            self.last_finished = event
            if event.checkpoint:
                self._adopt_run(event.step)
            self._show_finished(event)

    def _adopt_run(self, step: int) -> None:
        """The run becomes the project's once it has a checkpoint of real training.

        A run stopped before its first step would otherwise replace the
        project's trained run with an empty one, silently.
        """
        if step > 0 and self.run_dir is not None:
            self.session.setRunDir(self.run_dir)

    def _clear_run_display(self) -> None:
        """Forget what the previous run showed: rate, metrics, preview, messages."""
        self.rate_label.setText("")
        self._last_rate, self._last_eta = 0.0, None
        self.metrics_label.setText("")
        self.error.clearMessage()
        self.preview.setImage(QImage())
        self.preview_title.setText(self.tr("Preview: source | generated | target"))

    def _project_replaced(self) -> None:
        """Another project: show its run, not the one trained before it was opened."""
        if self.isTraining():
            return
        self._clear_run_display()
        self.last_finished = None
        self.run_dir = self.session.project.run_dir
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("not started"))
        if self.loss_chart is not None:
            self.loss_chart.reset()
            self.metrics_chart.reset()
        if self.run_dir is not None:
            self.status_label.setText(self.tr("The project's run: continue it, or start a new one."))
            self.run_label.setText(self.tr("Run folder: {0}").format(self.run_dir))
            self._show_history(self.run_dir)
            self._show_saved_run(self.run_dir)
        else:
            self.status_label.setText(self.tr("Not started."))
            self.run_label.setText("")

    def _show_history(self, run_dir: Path) -> None:
        """The charts of a run's saved history (``history.jsonl``), when it has one."""
        from ...train import runfolder

        try:
            history = runfolder.read_history(run_dir)
        except (FontAssistError, OSError):
            history = []
        self._add_history(history)

    def _show_saved_run(self, run_dir: Path) -> None:
        """An opened project's run as it was left: how far it got, its last validation, its latest preview."""
        import json

        from ...train import runfolder

        try:
            history = runfolder.read_history(run_dir)
        except (FontAssistError, OSError):
            history = []
        step = max((record["step"] for record in history), default=0)
        try:
            total = int(json.loads((run_dir / runfolder.CONFIG).read_text(encoding="utf-8"))["steps"])
        except (OSError, ValueError, KeyError, TypeError):
            total = step
        if step:
            self.progress.setRange(0, max(total, step))
            self.progress.setValue(step)
            self.progress.setFormat(self.tr("step %v of %m"))
        evals = [record for record in history if "eval" in record]
        if evals:
            last = evals[-1]
            self.metrics_label.setText(
                self._metrics_text(last["step"], last["eval"], last.get("baseline", {}))
            )
        previews = sorted((run_dir / runfolder.PREVIEWS).glob("step-*.png"))
        image = QImage(str(previews[-1])) if previews else QImage()
        if not image.isNull():
            self.preview.setImage(image)
            shown = previews[-1].stem.removeprefix("step-").lstrip("0") or "0"
            self.preview_title.setText(
                self.tr("Preview at step {0}: source | generated | target").format(shown)
            )

    def _add_history(self, history: list[dict]) -> None:
        if self.loss_chart is None:
            return
        for record in history:
            if "losses" in record:
                self.loss_chart.add(record["step"], record["losses"])
            if "eval" in record:
                self.metrics_chart.add(record["step"], record["eval"], record.get("baseline", {}))
        self._redraw_charts()

    def _metrics_text(self, step: int, metrics: dict, baseline: dict) -> str:
        parts = []
        for key, name in METRIC_LABELS.items():
            if key in metrics:
                base = f" ({self.tr('source as is')} {baseline[key]:.3f})" if key in baseline else ""
                parts.append(f"{name} {metrics[key]:.3f}{base}")
        text = self.tr("Validation at step {0}: {1}").format(step, " · ".join(parts))
        if "iou" in metrics and "iou" in baseline:
            gain = metrics["iou"] - baseline["iou"]
            if gain > 0:
                verdict = self.tr("better than the source as is by {0} IoU").format(f"{gain:.3f}")
            else:
                verdict = self.tr("not yet better than the source as is")
            text += " — " + verdict
        return text

    def _show_finished(self, event) -> None:
        # The speed stays worth knowing; "about … left" is false once the run has ended.
        self.rate_label.setText(
            self.tr("{0:.1f} images/s").format(self._last_rate) if self._last_rate else ""
        )
        if event.reason == "completed":
            self.status_label.setText(self.tr("Training completed at step {0}.").format(event.step))
        else:
            self.status_label.setText(self.tr("Training ended at step {0}.").format(event.step))
            self.error.showError(event.message)
        if event.checkpoint:
            self.run_label.setText(
                self.tr("Run folder: {0} · checkpoint: {1}").format(self.run_dir, Path(event.checkpoint).name)
            )

    def _on_stopped(self, _message: str) -> None:
        """The run was stopped (JobCancelled): the trainer saved a checkpoint, and said so in an event."""
        self.status_label.setText(
            self.tr("Stopped at step {0}. Continue the run to train further.").format(self.progress.value())
        )

    def _on_failed(self, message: str, details: str) -> None:
        self.status_label.setText(self.tr("Training could not go on."))
        if details:
            show_error(self, message, details, title=self.tr("Training failed"))
        self.error.showError(message)

    def _on_worker_finished(self, outcome: str) -> None:
        self.worker = None
        self.state = self.IDLE
        self._show_settings()  # a continued run showed its own settings
        self._chart_timer.stop()
        self._redraw_charts()
        self._update_buttons()
        if outcome == CANCELLED:
            self.last_outcome = "cancelled"
        else:
            self.last_outcome = self.last_finished.reason if self.last_finished else "error"
        self.trainingFinished.emit(self.last_outcome)

    def _update_buttons(self) -> None:
        idle = self.state == self.IDLE
        ready = idle and self.engine is not None
        other = self.otherTraining()
        self.start_button.setEnabled(
            ready and self.session.plan is not None and not other and not self._estimating
        )
        self.estimate_button.setEnabled(ready and self.session.plan is not None and not self._estimating)
        self.resume_run_button.setEnabled(ready and not other)
        self.resume_run_button.setToolTip(
            other or self.tr("Continue training a run folder from its last checkpoint")
        )
        self.form.setEnabled(ready)
        self.run_dir_edit.setEnabled(idle)
        self.run_dir_button.setEnabled(idle)
        self.pause_button.setEnabled(self.state in (self.STARTING, self.RUNNING, self.PAUSED))
        self.pause_button.setText(self.tr("Resume") if self.state == self.PAUSED else self.tr("Pause"))
        self.stop_button.setEnabled(self.state in (self.STARTING, self.RUNNING, self.PAUSED))
        if other != self._other_shown:  # the reason in words too, not only a greyed-out button
            if other:
                self.error.showInfo(other)
            elif self.error.text() == self._other_shown:
                self.error.clearMessage()
            self._other_shown = other
        if other:
            self.start_button.setToolTip(other)
        elif self.engine is None and not self._engine_error:
            self.start_button.setToolTip(self.tr("Loading the training engine…"))
        elif self.session.plan is None:
            self.start_button.setToolTip(self.tr("Choose the fonts and characters first."))
        else:
            self.start_button.setToolTip("")
