"""The normalization A/B view: two runs (or checkpoints) on the same validation glyphs, side by side.

The figures come from :func:`fontassist.train.compare` — the call behind
``fontassist compare`` — run in a :class:`~fontassist.app.common.worker.Worker`.
"Train both" queues two runs that differ only in normalization (BatchNorm,
InstanceNorm; same seed, data and settings) in a
:class:`~fontassist.app.common.worker.Worker` (a stream job), one after the other, and
compares them when both are done.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import FontAssistError
from ...train.metricnames import METRIC_NAMES, metric_label
from ..common.checkpointpicker import CheckpointPicker
from ..common.errordialog import show_error
from ..common.glyphgrid import GlyphGridModel, GlyphGridView, GlyphSource
from ..common.images import raster_to_qimage
from ..common.session import Session
from ..common.settings import AppSettings
from ..common.widgets import ImageView, MessageLabel, muted, side_by_side
from ..common.worker import Worker, stream_events
from ..review.reviewdata import checkpoint_path, checkpoint_ref
from ..review.reviewstate import ReviewState, run_and_file
from .abdata import NORMS, RunStarting, ab_run_dirs, norm_variants, per_glyph_rows, train_queue

METRIC_LABELS = {name: metric_label(name, direction=True) for name in METRIC_NAMES}
FLIP_MS = 600
CELL = 56


def _same_file(a: Path, b: Path) -> bool:
    return Path(a).absolute().resolve() == Path(b).absolute().resolve()


class OrderedGlyphSource(GlyphSource):
    """Rasters of one side (A, B, source or target) in the table's order; ``flip`` swaps to ``other``."""

    def __init__(
        self, chars: list[str], images: np.ndarray, order: np.ndarray, other: np.ndarray | None = None
    ):
        self.order = np.asarray(order, dtype=np.int64)
        self.chars = [chars[i] for i in self.order]
        self.images = images
        self.other = other
        self.flipped = False

    def raster(self, row: int) -> np.ndarray:
        images = self.other if self.flipped and self.other is not None else self.images
        return images[self.order[row]]


class ABGridModel(GlyphGridModel):
    def redrawAll(self) -> None:
        """The pictures changed but not the cells (flip): drop the cache, keep layout and scrolling."""
        self._pixmaps.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))


class ABPage(QWidget):
    """``winnerChosen(path)`` when the designer picks A or B to draw the glyphs with."""

    winnerChosen = Signal(Path)
    compared = Signal()
    trainingStarted = Signal()
    trainingFinished = Signal()

    def __init__(
        self, session: Session, state: ReviewState, settings: AppSettings, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("abPage")
        self.session = session
        self.state = state
        self.settings = settings
        self.device = "auto"
        self.result = None  # the last CompareResult
        self.rows: list[dict] = []
        self.worker: Worker | None = None
        self.train_worker = None
        self.run_results: dict[int, object] = {}  # queue index -> FinishedEvent
        self._queue: list = []
        self._current_run: RunStarting | None = None

        pick = self._build_pickers()
        progress_row = self._build_progress_row()
        self._build_summary_table()
        grids_box = self._build_grids()
        side = self._build_glyph_side()
        splitter = side_by_side(self, grids_box, side, stretch=(3, 2), sizes=(640, 400))

        winner = self._build_winner_row()
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addLayout(progress_row)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(self.summary_table)
        layout.addWidget(splitter, 1)
        layout.addLayout(winner)

        session.projectReplaced.connect(self._restore)
        self._restore()
        self._update_buttons()

    def _column_titles(self) -> dict[str, str]:
        return {
            "source": self.tr("Source"),
            "a": self.tr("A"),
            "b": self.tr("B"),
            "target": self.tr("Target"),
        }

    def _build_pickers(self):
        """Choosing A and B, Compare, and Train both."""
        session = self.session
        self.picker_a = CheckpointPicker(session, self, demo=True)
        self.picker_a.setObjectName("pickerA")
        self.picker_b = CheckpointPicker(session, self, demo=True)
        self.picker_b.setObjectName("pickerB")
        self.picker_a.pathChanged.connect(lambda _p: self._remember())
        self.picker_b.pathChanged.connect(lambda _p: self._remember())
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(self.compare)
        self.train_both_button = QPushButton(self.tr("Train both (BatchNorm / InstanceNorm)…"), self)
        self.train_both_button.setObjectName("trainBothButton")
        self.train_both_button.setToolTip(
            self.tr(
                "Queue two runs with the Train page's settings that differ only in "
                "normalization (same seed and data), then compare them."
            )
        )
        self.train_both_button.clicked.connect(lambda: self.trainBoth())
        pick = QGridLayout()
        pick.addWidget(QLabel(self.tr("A:"), self), 0, 0)
        pick.addWidget(self.picker_a, 0, 1)
        pick.addWidget(QLabel(self.tr("B:"), self), 1, 0)
        pick.addWidget(self.picker_b, 1, 1)
        pick.addWidget(self.compare_button, 0, 2)
        pick.addWidget(self.train_both_button, 1, 2)
        pick.setColumnStretch(1, 1)
        return pick

    def _build_progress_row(self):
        """Progress with Stop, the status line and the message."""
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.hide()
        self.stop_button.clicked.connect(self.stop)
        self.status = QLabel(self)
        self.status.setObjectName("abStatus")
        self.status.setWordWrap(True)
        self.message = MessageLabel(self)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.stop_button)
        return progress_row

    def _build_summary_table(self):
        """The aggregate figures: one row per metric, A, B, the baseline, which is better."""
        self.summary_table = QTableWidget(3, 5, self)
        self.summary_table.setObjectName("abSummary")
        self.summary_table.setHorizontalHeaderLabels(
            [
                self.tr("A"),
                self.tr("B"),
                self.tr("Source as is (baseline)"),
                self.tr("Better"),
                self.tr("A − B"),
            ]
        )
        self.summary_table.setVerticalHeaderLabels([METRIC_LABELS[m] for m in METRIC_LABELS])
        self.summary_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_summary_height()

    def _build_grids(self):
        """Source, A, B and target grids side by side, scrolled together, ordered by a metric; the flip."""
        self.metric_combo = QComboBox(self)
        self.metric_combo.setObjectName("metricCombo")
        for key, label in METRIC_LABELS.items():
            self.metric_combo.addItem(label, key)
        self.metric_combo.setCurrentIndex(2)
        self.metric_combo.currentIndexChanged.connect(self._show_result)
        self.flip_box = QCheckBox(self.tr("Flip A/B in place"), self)
        self.flip_box.setObjectName("flipBox")
        self.flip_box.setToolTip(self.tr("Alternate the A grid between A and B to see where they differ"))
        self.flip_box.toggled.connect(self.setFlipping)
        self.flip_label = QLabel(self)
        self.flip_label.setObjectName("flipLabel")
        self._flip_timer = QTimer(self)
        self._flip_timer.setInterval(FLIP_MS)
        self._flip_timer.timeout.connect(self.flip)
        self.grid_names = ("source", "a", "b", "target")
        self.grid_models: dict[str, ABGridModel] = {}
        self.grids: dict[str, GlyphGridView] = {}
        self.grid_titles: dict[str, QLabel] = {}
        grids = QGridLayout()
        grids.setSpacing(4)
        titles = self._column_titles()
        for column, name in enumerate(self.grid_names):
            model = ABGridModel(cell_size=CELL, parent=self)
            view = GlyphGridView(self)
            view.setObjectName(f"abGrid_{name}")
            view.setModel(model)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            title = QLabel(titles[name], self)
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid_models[name], self.grids[name], self.grid_titles[name] = model, view, title
            grids.addWidget(title, 0, column)
            grids.addWidget(view, 1, column)
            grids.setColumnStretch(column, 1)
            view.verticalScrollBar().valueChanged.connect(
                lambda value, name=name: self._sync_scroll(name, value)
            )
            view.selectionModel().currentChanged.connect(
                lambda index, _prev, name=name: self._grid_current(name, index.row())
            )
        grid_options = QHBoxLayout()
        grid_options.addWidget(QLabel(self.tr("Order: where A and B differ most in"), self))
        grid_options.addWidget(self.metric_combo)
        grid_options.addStretch(1)
        grid_options.addWidget(self.flip_label)
        grid_options.addWidget(self.flip_box)
        grids_box = QWidget(self)
        grids_layout = QVBoxLayout(grids_box)
        grids_layout.setContentsMargins(0, 0, 0, 0)
        grids_layout.addLayout(grid_options)
        grids_layout.addLayout(grids, 1)
        return grids_box

    def _build_glyph_side(self):
        """The per-glyph table and the selected glyph, large."""
        self.glyph_table = QTableWidget(0, 5, self)
        self.glyph_table.setObjectName("abGlyphTable")
        self.glyph_table.setHorizontalHeaderLabels(
            [self.tr("Glyph"), self.tr("A"), self.tr("B"), self.tr("Baseline"), self.tr("|A − B|")]
        )
        self.glyph_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.glyph_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.glyph_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.glyph_table.verticalHeader().setVisible(False)
        self.glyph_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.glyph_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.glyph_table.currentCellChanged.connect(lambda row, *_: self.selectRow(row))
        self.detail_views = {name: ImageView(self, max_scale=3.0) for name in self.grid_names}
        titles = self._column_titles()
        detail = QGridLayout()
        for column, name in enumerate(self.grid_names):
            caption = muted(QLabel(titles[name], self))
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            detail.addWidget(caption, 0, column)
            self.detail_views[name].setMinimumSize(64, 64)
            detail.addWidget(self.detail_views[name], 1, column)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("abDetail")
        self.detail_label.setWordWrap(True)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.glyph_table, 1)
        side_layout.addLayout(detail)
        side_layout.addWidget(self.detail_label)
        return side

    def _build_winner_row(self):
        """Use A / Use B for generation."""
        self.use_a_button = QPushButton(self.tr("Use A for generation"), self)
        self.use_a_button.setObjectName("useAButton")
        self.use_b_button = QPushButton(self.tr("Use B for generation"), self)
        self.use_b_button.setObjectName("useBButton")
        self.use_a_button.clicked.connect(lambda: self.chooseWinner("a"))
        self.use_b_button.clicked.connect(lambda: self.chooseWinner("b"))
        self.winner_label = muted(QLabel(self))
        self.winner_label.setObjectName("winnerLabel")
        winner = QHBoxLayout()
        winner.addWidget(self.use_a_button)
        winner.addWidget(self.use_b_button)
        winner.addWidget(self.winner_label, 1)
        return winner

    def _fit_summary_height(self) -> None:
        """Three rows, always all visible, never more room than they need."""
        table = self.summary_table
        height = table.horizontalHeader().sizeHint().height() + sum(
            table.rowHeight(r) for r in range(table.rowCount())
        )
        table.setFixedHeight(height + 2 * table.frameWidth() + 2)

    # -- choices kept in the project ------------------------------------------------------------------------
    def _ab(self) -> dict:
        return self.state.review.setdefault("ab", {})

    def _restore(self) -> None:
        self.stop()
        ab = self.state.review.get("ab") or {}
        self.refreshPickers()
        for key, picker in (("a", self.picker_a), ("b", self.picker_b)):
            if ab.get(key):
                picker.setPath(checkpoint_path(ab[key]))
        self.result = None
        self._show_result()
        self._show_winner()

    def _remember(self) -> None:
        ab = self._ab()
        for key, picker in (("a", self.picker_a), ("b", self.picker_b)):
            path = picker.path()
            if path is not None:
                ab[key] = checkpoint_ref(path)
        self.session.setModified(True)

    def refreshPickers(self) -> None:
        a, b = self.picker_a.path(), self.picker_b.path()
        self.picker_a.refresh()
        self.picker_b.refresh()
        if a is None and self.picker_a.combo.count():
            self.picker_a.combo.setCurrentIndex(0)
        if b is None and self.picker_b.combo.count() > 1:
            self.picker_b.combo.setCurrentIndex(1)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refreshPickers()
        self._fit_summary_height()

    def setRuns(self, a: str | Path, b: str | Path) -> None:
        """Choose A and B from code (a run folder stands for its newest checkpoint)."""
        from ..common.checkpointlist import run_checkpoints

        paths = []
        for path in (Path(a), Path(b)):
            if path.is_dir():
                found = run_checkpoints(path)
                path = found[-1] if found else path
            paths.append(path)
        self.picker_a.setPath(paths[0])
        self.picker_b.setPath(paths[1])
        self._remember()

    # -- comparing --------------------------------------------------------------------------------------------
    def isBusy(self) -> bool:
        return self.worker is not None or self.train_worker is not None

    def compare(self) -> bool:
        """Score A and B on their shared validation glyphs in the background (``compared`` follows)."""
        if self.isBusy():
            return False
        a, b = self.picker_a.path(), self.picker_b.path()
        if a is None or b is None:
            self.message.showError(self.tr("Choose two checkpoints or runs to compare."))
            return False
        self.message.clearMessage()
        device = self.device

        def job(progress, cancel):
            from ...train import compare

            return compare(a, b, device=device, progress=progress, cancel=cancel)

        worker = Worker(job, "compare")
        self.worker = worker
        worker.progressed.connect(self._progressed)
        worker.succeeded.connect(self._compared)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(lambda _message: self.status.setText(self.tr("Comparing cancelled.")))
        worker.ended.connect(lambda _outcome: self._worker_finished(worker))
        self.status.setText(self.tr("Scoring A and B on their shared validation glyphs…"))
        self.progress.setRange(0, 2)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m models scored"))
        self.progress.show()
        self.stop_button.setText(self.tr("Cancel"))
        self.stop_button.show()
        worker.start()
        self._update_buttons()
        return True

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _worker_finished(self, worker: Worker) -> None:
        if self.worker is worker:
            self.worker = None
        if self.train_worker is None:
            self.progress.hide()
            self.stop_button.hide()
        self._update_buttons()

    def _compared(self, result) -> None:
        self.result = result
        self.status.setText(
            self.tr("{0} shared validation glyphs. A: {1} (step {2}, {3}) · B: {4} (step {5}, {6}).").format(
                len(result.chars),
                Path(result.a.checkpoint).name,
                result.a.step,
                NORMS.get(result.a.norm, result.a.norm),
                Path(result.b.checkpoint).name,
                result.b.step,
                NORMS.get(result.b.norm, result.b.norm),
            )
        )
        for warning in dict.fromkeys(result.a.warnings + result.b.warnings):
            self.message.showInfo(warning)
        self._show_result()
        self.compared.emit()

    def _failed(self, message: str, details: str) -> None:
        self.status.setText("")
        if details:
            show_error(self, message, details, title=self.tr("Comparing failed"))
        self.message.showError(message)

    def chosenMetric(self) -> str:
        return self.metric_combo.currentData()

    def _show_result(self) -> None:
        result = self.result
        self.setFlipping(False)
        self.flip_box.setChecked(False)
        if result is None:
            self.summary_table.clearContents()
            self.glyph_table.setRowCount(0)
            for model in self.grid_models.values():
                model.clear()
            for view in self.detail_views.values():
                view.setImage(raster_to_qimage(np.zeros((1, 1), np.uint8)))
            self.detail_label.setText("")
            self._update_buttons()
            return
        ma, mb, base, better = result.a.metrics, result.b.metrics, result.a.baseline, result.winner()
        for row, name in enumerate(METRIC_LABELS):
            values = (ma[name], mb[name], base[name])
            for column, value in enumerate(values):
                self.summary_table.setItem(row, column, self._number(value))
            self.summary_table.setItem(
                row, 3, QTableWidgetItem({"a": "A", "b": "B", "tie": self.tr("tie")}[better[name]])
            )
            self.summary_table.setItem(row, 4, self._number(ma[name] - mb[name], signed=True))
        metric = self.chosenMetric()
        self.rows = per_glyph_rows(result, metric)
        order = np.array([r["index"] for r in self.rows], dtype=np.int64)
        sides = {
            "source": result.a.source,
            "a": result.a.generated,
            "b": result.b.generated,
            "target": result.a.target,
        }
        for name, images in sides.items():
            other = result.b.generated if name == "a" else None
            self.grid_models[name].setSource(OrderedGlyphSource(result.chars, images, order, other))
        self.glyph_table.blockSignals(True)
        self.glyph_table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            char = QTableWidgetItem(f"{row['char']}  U+{ord(row['char']):04X}")
            self.glyph_table.setItem(i, 0, char)
            for column, key in enumerate(("a", "b", "baseline", "difference"), start=1):
                self.glyph_table.setItem(i, column, self._number(row[key]))
        self.glyph_table.blockSignals(False)
        if self.rows:
            self.selectRow(0)
        self._update_buttons()

    @staticmethod
    def _number(value: float, signed: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(f"{value:+.4f}" if signed else f"{value:.4f}")
        item.setData(Qt.ItemDataRole.UserRole, float(value))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def summaryValues(self) -> dict[str, dict[str, float]]:
        """The aggregate figures as shown: {"a"|"b"|"baseline": {metric: value}}."""
        out: dict[str, dict[str, float]] = {"a": {}, "b": {}, "baseline": {}}
        for row, name in enumerate(METRIC_LABELS):
            for column, side in enumerate(("a", "b", "baseline")):
                item = self.summary_table.item(row, column)
                if item is not None:
                    out[side][name] = item.data(Qt.ItemDataRole.UserRole)
        return out

    # -- grids, table and detail stay on the same glyph --------------------------------------------------------
    def _sync_scroll(self, source: str, value: int) -> None:
        for name, view in self.grids.items():
            if name != source and view.verticalScrollBar().value() != value:
                view.verticalScrollBar().setValue(value)

    def _grid_current(self, name: str, row: int) -> None:
        if row >= 0:
            self.selectRow(row)

    def selectRow(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        for view in self.grids.values():
            if view.currentIndex().row() != row:
                view.selectionModel().setCurrentIndex(
                    view.model().index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
        if self.glyph_table.currentRow() != row:
            self.glyph_table.blockSignals(True)
            self.glyph_table.selectRow(row)
            self.glyph_table.blockSignals(False)
        self.grids["a"].scrollTo(self.grid_models["a"].index(row))
        self._show_detail(row)

    def _show_detail(self, row: int) -> None:
        result, entry = self.result, self.rows[row]
        i = entry["index"]
        pictures = {
            "source": result.a.source[i],
            "a": result.a.generated[i],
            "b": result.b.generated[i],
            "target": result.a.target[i],
        }
        for name, raster in pictures.items():
            self.detail_views[name].setImage(raster_to_qimage(raster))
        parts = []
        for name in METRIC_LABELS:
            a, b = result.a.per_glyph[name][i], result.b.per_glyph[name][i]
            base = result.a.baseline_per_glyph[name][i]
            parts.append(f"{METRIC_LABELS[name]}: A {a:.3f} · B {b:.3f} · {self.tr('baseline')} {base:.3f}")
        self.detail_label.setText(
            f"<b>{entry['char']}</b> U+{ord(entry['char']):04X}<br>" + "<br>".join(parts)
        )

    # -- flip mode --------------------------------------------------------------------------------------------
    def setFlipping(self, on: bool) -> None:
        model = self.grid_models["a"]
        source = model.source()
        if on and self.result is not None:
            self._flip_timer.start()
            self.flip_label.setText(self.tr("showing A"))
        else:
            self._flip_timer.stop()
            self.flip_label.setText("")
            if isinstance(source, OrderedGlyphSource) and source.flipped:
                source.flipped = False
                model.redrawAll()
            self.grid_titles["a"].setText(self.tr("A"))

    def flip(self) -> None:
        """Swap the A grid between A's and B's glyphs (the timer calls this while flipping)."""
        model = self.grid_models["a"]
        source = model.source()
        if not isinstance(source, OrderedGlyphSource):
            return
        source.flipped = not source.flipped
        side = self.tr("B") if source.flipped else self.tr("A")
        self.flip_label.setText(self.tr("showing {0}").format(side))
        self.grid_titles["a"].setText(self.tr("{0} (flipping)").format(side))
        model.redrawAll()

    # -- the winner --------------------------------------------------------------------------------------------
    def chooseWinner(self, side: str) -> None:
        picker = self.picker_a if side == "a" else self.picker_b
        path = picker.path()
        if path is None:
            return
        self._remember()
        self._ab()["winner"] = side
        self.winnerChosen.emit(path)
        self._show_winner()

    def _show_winner(self) -> None:
        ab = self.state.review.get("ab") or {}
        side = ab.get("winner")
        current = self.state.checkpoint()
        if side and ab.get(side) and current is not None and _same_file(checkpoint_path(ab[side]), current):
            self.winner_label.setText(
                self.tr("Glyphs are drawn with {0} ({1}).").format(side.upper(), run_and_file(current))
            )
        else:  # no winner, or another model was chosen since
            self.winner_label.setText(
                self.tr("Glyphs are drawn with {0}.").format(run_and_file(current)) if current else ""
            )

    # -- train both -------------------------------------------------------------------------------------------
    def trainBoth(self, runs_folder: str | Path | None = None) -> bool:
        """Queue a BatchNorm and an InstanceNorm run with the project's training settings, then compare them."""
        if self.isBusy():
            return False
        reason = self.otherTraining()
        if reason:
            self.message.showError(reason)
            return False
        from ..train.trainpage import default_runs_folder

        self.message.clearMessage()
        plan = self.session.plan
        if plan is None:
            self.message.showError(
                self.session.plan_error or self.tr("Choose the fonts and characters first.")
            )
            return False
        defaults = self.session.train_defaults
        if not defaults:
            from ..train.engine import train_defaults

            defaults = train_defaults()
        from ..train.engine import build_train_config

        try:
            config = build_train_config(self.session.project, plan, defaults)
        except FontAssistError as e:
            self.message.showError(str(e))
            return False
        folder = Path(runs_folder) if runs_folder else default_runs_folder(self.session.project.folder)
        variants = norm_variants(config)
        dirs = ab_run_dirs(folder, tuple(norm for norm, _ in variants))
        self._queue = [
            (f"{key.upper()}: {NORMS[norm]}", cfg, run_dir)
            for key, (norm, cfg), run_dir in zip("ab", variants, dirs, strict=False)
        ]
        queue = list(self._queue)
        self.run_results = {}
        self._current_run = None
        self.train_worker = Worker(
            stream_events(lambda cancel: train_queue(queue, cancel)), "train both", stream=True
        )
        self.train_worker.event.connect(self._train_event)
        self.train_worker.failed.connect(self._failed)
        self.train_worker.ended.connect(self._training_finished)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.show()
        self.status.setText(self.tr("Preparing run A…"))
        self.train_worker.start()
        self._update_buttons()
        self.trainingStarted.emit()
        return True

    def _train_event(self, event) -> None:
        from ...train import events

        if isinstance(event, RunStarting):
            self._current_run = event
            self.progress.setRange(0, max(1, event.total_steps))
            self.progress.setValue(0)
            self.status.setText(
                self.tr("Training {0} ({1} of 2) in {2}…").format(event.label, event.index + 1, event.run_dir)
            )
        elif isinstance(event, events.StepEvent):
            self.progress.setMaximum(event.total_steps)
            self.progress.setValue(event.step)
            self.progress.setFormat(
                self.tr("run {0}: step %v of %m").format(
                    "AB"[self._current_run.index] if self._current_run else ""
                )
            )
        elif isinstance(event, events.FinishedEvent) and self._current_run is not None:
            self.run_results[self._current_run.index] = event

    def _training_finished(self, outcome: str) -> None:
        self.train_worker = None
        self.progress.hide()
        self.stop_button.hide()
        self._update_buttons()
        finished = [self.run_results.get(i) for i in range(len(self._queue))]
        if all(f is not None and f.reason == "completed" for f in finished):
            self.setRuns(self._queue[0][2], self._queue[1][2])
            self.status.setText(self.tr("Both runs finished. Comparing them…"))
            self.trainingFinished.emit()
            self.compare()
            return
        running = self._current_run.index if self._current_run is not None else -1
        reasons = ", ".join(
            f"{label.split(':')[0]} {f.reason if f else outcome if i == running else 'not run'}"
            for i, ((label, _, _), f) in enumerate(zip(self._queue, finished, strict=False))
        )
        self.status.setText(self.tr("Train both stopped ({0}).").format(reasons))
        self.trainingFinished.emit()

    def stop(self) -> None:
        if self.train_worker is not None:
            self.train_worker.cancel()
            self.status.setText(self.tr("Stopping: the run in progress saves a checkpoint…"))
        if self.worker is not None:
            self.worker.cancel()

    def isTraining(self) -> bool:
        return self.train_worker is not None

    def activity(self):
        """What the status bar shows while "Train both" trains or A and B are compared."""
        from ..common.activity import Activity

        if self.train_worker is not None:
            run = "AB"[self._current_run.index] if self._current_run else "A"
            maximum = self.progress.maximum()
            return Activity(
                self.tr("Train both: run {0} of 2").format(run),
                self.progress.value(),
                maximum,
                None,
                self.stop,
            )
        if self.worker is not None:
            return Activity(
                self.tr("Comparing A and B"), self.progress.value(), self.progress.maximum(), None, self.stop
            )
        return None

    def otherTraining(self) -> str:
        """Why a training elsewhere (the Train page's run) rules out "Train both"; the window sets it."""
        return ""

    def shutdown(self, msecs: int = 120000) -> None:
        """Stop training and comparing and wait for them (the window is closing)."""
        for worker in (self.train_worker, self.worker):
            if worker is not None:
                self.stop()
                worker.wait(msecs)

    def _update_buttons(self) -> None:
        busy = self.isBusy()
        self.compare_button.setEnabled(not busy)
        self.train_both_button.setEnabled(not busy)
        has = self.result is not None
        self.use_a_button.setEnabled(has or self.picker_a.path() is not None)
        self.use_b_button.setEnabled(has or self.picker_b.path() is not None)
