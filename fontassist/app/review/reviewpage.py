"""Step 4, Review: every generated glyph in a grid, accepted or rejected one by one from the keyboard.

Two tabs: *Glyphs* (the review grid with filters and a detail view) and
*Compare runs* (the normalization A/B view, :mod:`.abpage`). Generating and
regenerating run in a :class:`~fontassist.app.common.worker.Worker` started by the
shared :class:`~fontassist.app.review.reviewstate.ReviewState`; decisions go straight
into the project's ``review`` dict.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSlider,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..common.activity import format_duration
from ..common.checkpointpicker import CheckpointPicker
from ..common.errordialog import show_error
from ..common.session import Session
from ..common.settings import AppSettings
from ..common.widgets import FitScrollArea, MessageLabel, debounce, heading, muted, side_by_side
from ..compare.abpage import ABPage
from ..export.exportjobs import trace_options_from
from .reviewdata import (
    ACCEPTED,
    EXCLUDED,
    FLAG_FILTERS,
    NEW,
    REJECTED,
    SORT_ORDERS,
    STATUS_FILTERS,
    select_rows,
)
from .reviewdetail import GlyphDetail
from .reviewmodel import ReviewGridModel, ReviewGridView
from .reviewstate import ReviewState, run_and_file

MIN_CELL, MAX_CELL, DEFAULT_CELL = 32, 160, 64


class ReviewPage(QWidget):
    """``ask`` shows every yes/no question; tests replace it to answer without a dialog."""

    nextRequested = Signal()

    def __init__(
        self, session: Session, state: ReviewState, settings: AppSettings, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.session = session
        self.state = state
        self.settings = settings
        self._restoring = False

        top = self._build_model_row()
        filters = self._build_filters()
        grid_box = self._build_grid()
        right = self._build_detail_side()
        splitter = side_by_side(self, grid_box, right, stretch=(3, 2), sizes=(620, 420))

        glyphs_tab = QWidget(self)
        glyphs_layout = QVBoxLayout(glyphs_tab)
        glyphs_layout.addLayout(top)
        glyphs_layout.addWidget(self.summary)
        glyphs_layout.addWidget(self.message)
        glyphs_layout.addLayout(filters)
        glyphs_layout.addWidget(splitter, 1)

        self.ab_page = ABPage(session, state, settings, self)
        self.ab_page.winnerChosen.connect(self._winner_chosen)
        state.checkpointChanged.connect(self.ab_page._show_winner)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(glyphs_tab, self.tr("Glyphs"))
        self.tabs.addTab(self.ab_page, self.tr("Compare runs (A/B)"))
        self.next_button = QPushButton(self.tr("Next: Export →"), self)
        self.next_button.clicked.connect(self.nextRequested)
        header = QHBoxLayout()
        header.addWidget(heading(self.tr("4 · Review"), self))
        header.addStretch(1)
        header.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        self._connect_state()
        self._restore_view()
        self._glyphs_changed()

    def _build_model_row(self):
        """The model that draws the glyphs, Generate with its progress and Cancel; the summary and message lines."""
        session, state = self.session, self.state
        self.model_picker = CheckpointPicker(session, self)
        self.model_picker.setObjectName("modelPicker")
        self.model_picker.pathChanged.connect(self._model_picked)
        self.generate_button = QPushButton(self.tr("Generate"), self)
        self.generate_button.setObjectName("generateButton")
        self.generate_button.clicked.connect(self.generate)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(state.cancel)
        self.cancel_button.hide()
        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        self.message = MessageLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Model:"), self))
        top.addWidget(self.model_picker, 2)
        top.addWidget(self.generate_button)
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        return top

    def _build_filters(self):
        """Raster or outline, the status / quality / order filters, search, and the cell size."""
        self.raster_button = QToolButton(self)
        self.raster_button.setText(self.tr("Raster"))
        self.outline_button = QToolButton(self)
        self.outline_button.setText(self.tr("Outline"))
        self.outline_button.setObjectName("outlineButton")
        self.show_group = QButtonGroup(self)
        for button in (self.raster_button, self.outline_button):
            button.setCheckable(True)
            self.show_group.addButton(button)
        self.raster_button.setChecked(True)
        self.outline_button.toggled.connect(self._display_changed)
        self.status_filter = self._combo(STATUS_FILTERS, "statusFilter")
        self.flag_filter = self._combo({k: v[0] for k, v in FLAG_FILTERS.items()}, "flagFilter")
        self.sort_order = self._combo(SORT_ORDERS, "sortOrder")
        self.search = QLineEdit(self)
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText(self.tr("Search: 永 or U+6C38"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(200)
        self._search_timer = debounce(self, 200, self.refilter)
        self.search.textChanged.connect(self._search_timer.start)
        self.cell_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.cell_slider.setObjectName("cellSlider")
        self.cell_slider.setRange(MIN_CELL, MAX_CELL)
        self.cell_slider.setValue(DEFAULT_CELL)
        self.cell_slider.setMaximumWidth(140)
        self.cell_slider.valueChanged.connect(self._cell_size_changed)
        filters = QHBoxLayout()
        filters.addWidget(self.raster_button)
        filters.addWidget(self.outline_button)
        filters.addSpacing(10)
        for label, widget in (
            (self.tr("Status"), self.status_filter),
            (self.tr("Quality"), self.flag_filter),
            (self.tr("Order"), self.sort_order),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.search)
        filters.addStretch(1)
        filters.addWidget(QLabel(self.tr("Size"), self))
        filters.addWidget(self.cell_slider)
        return filters

    def _build_grid(self):
        """The grid with the review keys, and the line shown when it is empty."""
        self.grid_model = ReviewGridModel(self.state, DEFAULT_CELL, self)
        self.grid = ReviewGridView(self)
        self.grid.setObjectName("reviewGrid")
        self.grid.setModel(self.grid_model)
        self.grid.decisionRequested.connect(self.decide)
        self.grid.exclusionRequested.connect(lambda: self.excludeSelected(not self._showing_excluded()))
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._grid_menu)
        self.grid.glyphActivated.connect(lambda _row: self.openGlyphWindow())
        self.glyph_window = None
        self._exclude_position: int | None = None
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.empty_label = muted(QLabel(self))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid_box = QWidget(self)
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.grid, 1)
        grid_layout.addWidget(self.empty_label)
        return grid_box

    def _build_detail_side(self):
        """The selected glyph in detail, the decision buttons and keys, and Regenerate selected."""
        self.detail = GlyphDetail(self.state, self)
        self.accept_button = QPushButton(self.tr("Accept  (A)"), self)
        self.accept_button.setObjectName("acceptButton")
        self.reject_button = QPushButton(self.tr("Reject  (R)"), self)
        self.reject_button.setObjectName("rejectButton")
        self.undecide_button = QPushButton(self.tr("Undecided  (U)"), self)
        self.accept_button.clicked.connect(lambda: self.decide(ACCEPTED))
        self.reject_button.clicked.connect(lambda: self.decide(REJECTED))
        self.undecide_button.clicked.connect(lambda: self.decide(NEW))
        decisions = QHBoxLayout()
        decisions.addWidget(self.accept_button)
        decisions.addWidget(self.reject_button)
        decisions.addWidget(self.undecide_button)
        keys_text = self.tr(
            "Keys in the grid: A accept · R reject · U undecided · Del exclude"
            " · arrows move · Shift/Ctrl select several"
        )
        # Wrapped, never elided: a hint cut short hides the very key the designer looks for.
        self.keys_hint = keys_hint = muted(QLabel(keys_text, self))
        keys_hint.setObjectName("keysHint")
        keys_hint.setWordWrap(True)
        self.regen_picker = CheckpointPicker(self.session, self)
        self.regen_picker.setObjectName("regenPicker")
        self.regen_button = QPushButton(self.tr("Regenerate selected"), self)
        self.regen_button.setObjectName("regenButton")
        self.regen_button.clicked.connect(self.regenerateSelected)
        regen_box = QHBoxLayout()
        regen_box.addWidget(QLabel(self.tr("Redraw with:"), self))
        regen_box.addWidget(self.regen_picker, 1)
        regen_box.addWidget(self.regen_button)
        self.regen_button.setToolTip(self.tr("Draw the selected glyphs again with another checkpoint"))
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # On a very short screen the detail scrolls; the decision keys below it stay in view.
        detail_scroll = FitScrollArea(self.detail, "detailScroll", self)
        right_layout.addWidget(detail_scroll, 1)
        right_layout.addLayout(decisions)
        right_layout.addWidget(keys_hint)
        right_layout.addLayout(regen_box)
        return right

    def _connect_state(self):
        """The glyphs, decisions and jobs of the state, and the project, as they change."""
        state, session = self.state, self.session
        state.glyphsChanged.connect(self._glyphs_changed)
        state.decisionsChanged.connect(self._decisions_changed)
        state.exclusionsChanged.connect(self._exclusions_changed)
        state.busyChanged.connect(self._busy_changed)
        state.progressed.connect(self._progressed)
        state.failed.connect(self._failed)
        state.checkpointChanged.connect(self._show_checkpoint)
        session.projectReplaced.connect(self._restore_view)
        session.planChanged.connect(self._update_empty)

    def _combo(self, items: dict[str, str], name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for key, label in items.items():
            combo.addItem(self.tr(label), key)
        combo.currentIndexChanged.connect(self._filters_changed)
        return combo

    def ask(
        self, title: str, text: str, buttons: QMessageBox.StandardButton, default: QMessageBox.StandardButton
    ) -> QMessageBox.StandardButton:
        return QMessageBox.question(self, title, text, buttons, default)

    # -- showing -------------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Outlines are traced with the Export page's settings: what is reviewed is what is exported.
        options = trace_options_from(self.session.project.export, self.session.target)
        self.grid_model.setTraceOptions(options)
        self.detail.setTraceOptions(options)
        self.refreshModels()
        self.state.ensureGlyphs()
        self._update_empty()

    def refreshModels(self) -> None:
        self.model_picker.refresh()
        self.regen_picker.refresh()
        self._show_checkpoint()

    def _show_checkpoint(self) -> None:
        path = self.state.checkpoint()
        self.model_picker.setPath(path)
        if path is not None and self.regen_picker.path() is None:
            self.regen_picker.setPath(path)

    def _restore_view(self) -> None:
        view = self.state.viewSettings()
        self._restoring = True
        try:
            for combo, key, default in (
                (self.status_filter, "status", "all"),
                (self.flag_filter, "flag", "any"),
                (self.sort_order, "sort", "order"),
            ):
                index = combo.findData(view.get(key, default))
                combo.setCurrentIndex(max(0, index))
            self.search.setText(str(view.get("search", "")))
            self.outline_button.setChecked(bool(view.get("outlines", False)))
            self.raster_button.setChecked(not view.get("outlines", False))
            self.cell_slider.setValue(int(view.get("cell", DEFAULT_CELL)))
        finally:
            self._restoring = False
        self.grid_model.setShowOutlines(self.outline_button.isChecked())
        self.refilter()

    def _save_view(self) -> None:
        if self._restoring:
            return
        self.state.setViewSettings(
            {
                "status": self.status_filter.currentData(),
                "flag": self.flag_filter.currentData(),
                "sort": self.sort_order.currentData(),
                "search": self.search.text(),
                "outlines": self.outline_button.isChecked(),
                "cell": self.cell_slider.value(),
            }
        )

    # -- filters ---------------------------------------------------------------------------------------------
    def _filters_changed(self) -> None:
        if not self._restoring:
            self._save_view()
            self.refilter()

    def _display_changed(self) -> None:
        self.grid_model.setShowOutlines(self.outline_button.isChecked())
        self._save_view()

    def _cell_size_changed(self, size: int) -> None:
        self.grid.setCellSize(size)
        self._save_view()

    def setFilters(
        self,
        *,
        status: str | None = None,
        flag: str | None = None,
        sort: str | None = None,
        search: str | None = None,
    ) -> None:
        """Set filters from code (tests, other pages); unknown keys raise."""
        for combo, value in ((self.status_filter, status), (self.flag_filter, flag), (self.sort_order, sort)):
            if value is not None:
                index = combo.findData(value)
                if index < 0:
                    raise ValueError(f"unknown filter value {value!r}")
                combo.setCurrentIndex(index)
        if search is not None:
            self.search.setText(search)
            self._search_timer.stop()
            self._save_view()
            self.refilter()

    def visibleChars(self) -> list[str]:
        source = self.grid_model.source()
        return [source.char(i) for i in range(len(source))]

    def refilter(self, select_position: int | None = None) -> None:
        """Show the glyphs that pass the filters; keep the current glyph (or the row at ``select_position``)."""
        glyphs = self.state.glyphs
        current = self.state.current_char
        rows = select_rows(
            glyphs,
            self.state.decisions,
            status=self.status_filter.currentData(),
            flag=self.flag_filter.currentData(),
            search=self.search.text(),
            sort=self.sort_order.currentData(),
        )
        self.grid_model.setRows(rows)
        count = self.grid_model.rowCount()
        hidden = bool(current) and glyphs is not None and self.grid_model.rowOfChar(current) is None
        if hidden and select_position is None:  # say so, rather than jump silently to another glyph
            self.message.showInfo(
                self.tr(
                    "{0} (U+{1:04X}) is hidden by the filters; showing the first glyph that passes them."
                ).format(current, ord(current))
            )
        elif not hidden and self.message.text().startswith(f"{current} (U+"):
            self.message.clearMessage()
        if count:
            if select_position is not None:
                row = min(select_position, count - 1)
            else:
                row = self.grid_model.rowOfChar(current)
                row = 0 if row is None else row
            self.selectRow(row)
        self._update_summary()
        self._update_empty()

    def selectRow(self, row: int) -> None:
        index = self.grid_model.index(row)
        self.grid.moveCursorTo(index)
        self.grid.scrollTo(index)

    def selectChar(self, char: str) -> bool:
        row = self.grid_model.rowOfChar(char)
        if row is None:
            return False
        self.selectRow(row)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.state.setCurrentChar(current.data(ReviewGridModel.CharRole))

    def openGlyphWindow(self):
        """The current glyph large (double-click or Enter in the grid); one window that follows the grid."""
        from .glyphwindow import GlyphWindow

        if self.glyph_window is None:
            self.glyph_window = GlyphWindow(self.state, self)
        self.glyph_window.trace_options = self.detail.trace_options
        self.glyph_window.showChar(self.state.current_char)
        self.glyph_window.show()
        self.glyph_window.raise_()
        return self.glyph_window

    def selectedChars(self) -> list[str]:
        source = self.grid_model.source()
        rows = self.grid.selectedRows()
        if not rows:
            current = self.grid.currentIndex()
            rows = [current.row()] if current.isValid() else []
        return [source.char(r) for r in rows if 0 <= r < len(source)]

    # -- decisions -------------------------------------------------------------------------------------------
    def decide(self, status: str) -> None:
        """Give the selected glyphs ``status``; with one glyph selected, move on to the next."""
        chars = self.selectedChars()
        if not chars:
            return
        position = self.grid.currentIndex().row()
        single = len(chars) == 1
        self.state.setStatus(chars, status)
        if self.status_filter.currentData() != "all":
            self.refilter(
                select_position=position
            )  # decided glyphs leave a status filter; the next slides in
        elif single and position + 1 < self.grid_model.rowCount():
            self.selectRow(position + 1)
        self.grid.setFocus()

    # -- the generate set ------------------------------------------------------------------------------------
    def _showing_excluded(self) -> bool:
        return self.status_filter.currentData() == EXCLUDED

    def _exclusions_changed(self, _chars: list) -> None:
        # The first glyph after those that left takes their place.
        position = (
            self._exclude_position if self._exclude_position is not None else self.grid.currentIndex().row()
        )
        self._exclude_position = None
        self.refilter(select_position=position if position >= 0 else None)

    def excludeSelected(self, excluded: bool = True) -> list[str]:
        """Leave the selected glyphs out of the generate set (grid and export), or take them back."""
        rows = self.grid.selectedRows() or [self.grid.currentIndex().row()]
        self._exclude_position = min(rows)
        changed = self.state.setExcluded(self.selectedChars(), excluded)
        self._exclude_position = None
        self.grid.setFocus()
        return changed

    def _grid_menu(self, pos) -> None:
        if not self.selectedChars():
            return
        menu = QMenu(self.grid)
        if self._showing_excluded():
            action = menu.addAction(self.tr("Include in the generate set again  (Del)"))
            action.triggered.connect(lambda: self.excludeSelected(False))
        else:
            action = menu.addAction(self.tr("Exclude from the generate set  (Del)"))
            action.triggered.connect(lambda: self.excludeSelected(True))
        menu.exec(self.grid.viewport().mapToGlobal(pos))

    def _decisions_changed(self, _chars: list) -> None:
        self._update_summary()

    def _update_summary(self) -> None:
        glyphs = self.state.glyphs
        if glyphs is None:
            self.summary.setText("")
            return
        d = self.state.decisions
        # Excluded characters left the generate set: they are counted nowhere (the Excluded filter lists them).
        kept = [i for i, c in enumerate(glyphs.chars) if not d.isExcluded(c)]
        chars = [glyphs.chars[i] for i in kept]
        flagged = sum(1 for i in kept if glyphs.flags[i].get("score", 0) >= 1.0)
        self.summary.setText(
            self.tr(
                "{0:,} glyphs · {1:,} accepted · {2:,} rejected · {3:,} undecided · {4:,} flagged · {5:,} shown"
            ).format(
                len(chars),
                d.count(ACCEPTED, chars),
                d.count(REJECTED, chars),
                d.count(NEW, chars),
                flagged,
                self.grid_model.rowCount(),
            )
        )

    # -- generation ----------------------------------------------------------------------------------------
    def _model_picked(self, path: Path) -> None:
        if (
            self.state.checkpoint() is not None
            and Path(path) == self.state.checkpoint()
            and self.state.hasChosenCheckpoint()
        ):
            return
        keep = True
        if self.state.glyphs is not None and len(self.state.decisions):
            answer = self.ask(
                self.tr("Draw with another model"),
                self.tr(
                    "Every glyph will be drawn again by {0}. Keep your decisions?\n\n"
                    "Yes: rejected glyphs stay rejected; accepted ones become undecided, since nobody has "
                    "seen their new drawings yet.\nNo: every glyph becomes undecided.\n\n"
                    "Edit → Undo brings back the glyphs and decisions as they are now."
                ).format(run_and_file(Path(path))),
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                self._show_checkpoint()
                return
            keep = answer == QMessageBox.StandardButton.Yes
        self.message.clearMessage()
        self.state.useModel(path, keep_decisions=keep)

    def _winner_chosen(self, path: Path) -> None:
        self._model_picked(path)
        self.refreshModels()

    def generate(self) -> bool:
        self.message.clearMessage()
        reason = self.state.cannotGenerateReason()
        if reason:
            self.message.showError(reason)
            return False
        return self.state.generate()

    def regenerateSelected(self) -> bool:
        chars = self.selectedChars()
        path = self.regen_picker.path()
        if not chars or path is None:
            self.message.showError(self.tr("Select glyphs in the grid and a checkpoint to draw them with."))
            return False
        self.message.clearMessage()
        return self.state.regenerate(chars, path)

    def _glyphs_changed(self) -> None:
        self.grid_model.setGlyphsReplaced()
        self.refilter()

    def _busy_changed(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for widget in (self.generate_button, self.regen_button, self.model_picker):
            widget.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("starting…"))
        self._update_empty()

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        text = f"{message} %v/%m" if message else "%v/%m"
        eta = self.state.etaSeconds()
        if eta is not None:
            text += " · " + self.tr("about {0} left").format(format_duration(eta))
        self.progress.setFormat(text)

    def _failed(self, message: str, details: str) -> None:
        if details:
            show_error(self, message, details, title=self.tr("Generating failed"))
        self.message.showError(message)

    def _update_empty(self) -> None:
        if not self.isVisible():
            return  # finding the default model lists checkpoints, which loads torch: not before the page is shown
        if self.state.glyphs is not None:
            text = "" if self.grid_model.rowCount() else self.tr("No glyph passes these filters.")
        elif self.state.isBusy():
            text = self.tr("Drawing the glyphs…")
        else:
            text = self.state.cannotGenerateReason() or self.tr("Press Generate to draw the glyphs.")
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))

    def shutdown(self) -> None:
        """Cancel and wait for background work (the window is closing)."""
        self.state.shutdown()
        self.ab_page.shutdown()
