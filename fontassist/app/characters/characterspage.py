"""Step 2, Characters: what to generate, what the model learns from, and a grid of what will be generated."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ...fonts import CHARSET_NAMES
from ..common.glyphgrid import FontGlyphSource, GlyphGridModel, GlyphGridView
from ..common.project import LEARN_AUTO, LEARN_SHARED, CharChoice
from ..common.session import Session
from ..common.settings import AppSettings
from ..common.widgets import MessageLabel, debounce, heading, muted, settings_column, side_by_side
from .charsetnames import charset_label

GRID_RENDER_SIZE = 96
GRID_MARGIN = 0.06  # a little paper around each em so neighbouring cells do not touch
_EDIT_DELAY_MS = 400


def _preview(chars: list[str], limit: int = 12) -> str:
    text = "".join(chars[:limit])
    return text + ("…" if len(chars) > limit else "")


class CharactersPage(QWidget):
    nextRequested = Signal()

    def __init__(self, session: Session, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("charactersPage")
        self.session = session
        self.settings = settings
        self._updating = False

        generate_box = self._build_generate_box()
        learn_box = self._build_learn_box()
        summary_box = self._build_summary_box()
        left = settings_column(self, generate_box, learn_box, summary_box, self.notes, self.error)

        right = self._build_grid()
        left.setMaximumWidth(460)
        splitter = side_by_side(self, left, right, stretch=(0, 1), sizes=(400, 700))

        self.next_button = QPushButton(self.tr("Next: train →"), self)
        self.next_button.clicked.connect(self.nextRequested)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("2 · Characters"), self))
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._connect_choices()
        session.planChanged.connect(self.refresh)
        session.projectReplaced.connect(self.loadChoice)
        self.loadChoice()
        self.refresh()

    def _build_generate_box(self):
        """What to generate: a named set, all the source has, custom text, or a text file."""
        self.mode_buttons = QButtonGroup(self)
        self.charset_radio = QRadioButton(self.tr("What the target lacks in:"), self)
        self.source_radio = QRadioButton(self.tr("Everything the source has that the target lacks"), self)
        self.text_radio = QRadioButton(self.tr("Custom text:"), self)
        self.file_radio = QRadioButton(self.tr("Characters from a text file:"), self)
        for mode, button in zip(
            ("charset", "source", "text", "file"),
            (self.charset_radio, self.source_radio, self.text_radio, self.file_radio),
            strict=False,
        ):
            button.setProperty("mode", mode)
            self.mode_buttons.addButton(button)
        self.charset_combo = QComboBox(self)
        for name in CHARSET_NAMES:
            self.charset_combo.addItem(charset_label(name), name)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Type or paste the characters to generate"))
        self.text_edit.setFixedHeight(70)
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("A UTF-8 text file, any layout"))
        self.file_button = QPushButton(self.tr("Choose…"), self)
        self.file_button.clicked.connect(self.chooseFile)

        generate_box = QGroupBox(self.tr("What to generate"), self)
        generate = QVBoxLayout(generate_box)
        generate.addWidget(self.charset_radio)
        generate.addWidget(self._indented(self.charset_combo))
        generate.addWidget(self.source_radio)
        generate.addWidget(self.text_radio)
        generate.addWidget(self._indented(self.text_edit))
        generate.addWidget(self.file_radio)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.file_button)
        generate.addWidget(self._indented(file_row))
        return generate_box

    def _build_learn_box(self):
        """What the model learns from."""
        self.learn_combo = QComboBox(self)
        self.learn_combo.addItem(self.tr("Automatic"), LEARN_AUTO)
        self.learn_combo.setItemData(
            0,
            self.tr("The set chosen above; for other choices every Han character both fonts have."),
            Qt.ItemDataRole.ToolTipRole,
        )
        for name in CHARSET_NAMES:
            self.learn_combo.addItem(self.tr("Shared characters of {0}").format(charset_label(name)), name)
        self.learn_combo.addItem(self.tr("Every Han character both fonts have"), LEARN_SHARED)
        for combo in (self.charset_combo, self.learn_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
        learn_box = QGroupBox(self.tr("What the model learns from"), self)
        learn = QVBoxLayout(learn_box)
        learn.addWidget(self.learn_combo)
        learn_hint = muted(
            QLabel(
                self.tr(
                    "Pairs of glyphs both fonts have; a part is held out to measure progress. "
                    "Automatic: the set chosen above, otherwise every Han character both fonts have."
                ),
                self,
            )
        )
        learn_hint.setWordWrap(True)
        learn.addWidget(learn_hint)
        return learn_box

    def _build_summary_box(self):
        """The numbers: training pool, held out, to generate; notes and errors below."""
        summary_box = QGroupBox(self.tr("Summary"), self)
        summary = QFormLayout(summary_box)
        self.pool_label = QLabel(self)
        self.validation_label = QLabel(self)
        self.generate_label = QLabel(self)
        self.pool_label.setObjectName("poolCount")
        self.validation_label.setObjectName("validationCount")
        self.generate_label.setObjectName("generateCount")
        for label in (self.pool_label, self.validation_label, self.generate_label):
            label.setWordWrap(True)
        summary.addRow(self.tr("Training pool:"), self.pool_label)
        summary.addRow(self.tr("Held out for validation:"), self.validation_label)
        summary.addRow(self.tr("Will be generated:"), self.generate_label)
        self.notes = MessageLabel(self)
        self.error = MessageLabel(self)
        return summary_box

    def _build_grid(self):
        """The grid of source glyphs that will be generated, with its cell size."""
        self.grid_title = heading("", self, 1.1)
        self.cell_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.cell_slider.setRange(32, 128)
        self.cell_slider.setValue(56)
        self.cell_slider.setFixedWidth(140)
        self.cell_slider.setToolTip(self.tr("Cell size"))
        self.grid_model = GlyphGridModel(cell_size=self.cell_slider.value(), parent=self)
        self.grid = GlyphGridView(self)
        self.grid.setObjectName("generateGrid")
        self.grid.setModel(self.grid_model)
        self.cell_slider.valueChanged.connect(self.grid.setCellSize)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.grid_title, 1)
        title_row.addWidget(muted(QLabel(self.tr("Size"), self)))
        title_row.addWidget(self.cell_slider)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.grid, 1)
        return right

    def _connect_choices(self):
        """Every change of the choice is committed to the session (typed text after a pause)."""
        self._text_timer = debounce(self, _EDIT_DELAY_MS, self._commit)
        self.mode_buttons.buttonToggled.connect(lambda _b, checked: checked and self._commit())
        self.charset_combo.currentIndexChanged.connect(lambda _i: self._select_and_commit(self.charset_radio))
        self.learn_combo.currentIndexChanged.connect(lambda _i: self._commit())
        self.text_edit.textChanged.connect(self._text_edited)

    @staticmethod
    def _indented(item) -> QWidget:
        holder = QWidget()
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(22, 0, 0, 0)
        if isinstance(item, QWidget):
            layout.addWidget(item)
        else:
            layout.addLayout(item)
        return holder

    # -- choice <-> widgets ----------------------------------------------------------------------
    def loadChoice(self) -> None:
        """Show the project's character choice in the widgets."""
        choice = self.session.project.chars
        self._updating = True
        try:
            for button in self.mode_buttons.buttons():
                button.setChecked(button.property("mode") == choice.mode)
            self.charset_combo.setCurrentIndex(max(0, self.charset_combo.findData(choice.charset)))
            if self.text_edit.toPlainText() != choice.text:
                self.text_edit.setPlainText(choice.text)
            self.file_edit.setText(str(choice.file) if choice.file else "")
            self.learn_combo.setCurrentIndex(max(0, self.learn_combo.findData(choice.learn_from)))
        finally:
            self._updating = False

    def currentChoice(self) -> CharChoice:
        checked = self.mode_buttons.checkedButton()
        file = self.file_edit.text()
        return CharChoice(
            mode=checked.property("mode") if checked else "charset",
            charset=self.charset_combo.currentData(),
            text=self.text_edit.toPlainText(),
            file=Path(file) if file else None,
            learn_from=self.learn_combo.currentData(),
        )

    def _commit(self) -> None:
        if not self._updating:
            self._text_timer.stop()
            self.session.setCharChoice(self.currentChoice())

    def _select_and_commit(self, radio: QRadioButton) -> None:
        if self._updating:
            return
        if not radio.isChecked():
            radio.setChecked(True)  # toggling commits
        else:
            self._commit()

    def _text_edited(self) -> None:
        if self._updating:
            return
        if not self.text_radio.isChecked():
            self._updating = True
            self.text_radio.setChecked(True)
            self._updating = False
        self._text_timer.start()

    def flushEdits(self) -> None:
        """Apply custom text still waiting for the typing pause (before saving or leaving the page)."""
        if self._text_timer.isActive():
            self._commit()

    def setCustomText(self, text: str) -> None:
        """Type ``text`` as custom characters and apply it at once (menus and tests)."""
        self.text_edit.setPlainText(text)
        self._commit()

    def chooseFile(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a character list"),
            self.settings.last_folder("chars"),
            f"{self.tr('Text files')} (*.txt);;{self.tr('All files')} (*)",
        )
        if path:
            self.useFile(path)

    def useFile(self, path: str) -> None:
        self.settings.set_last_folder("chars", path)
        self.file_edit.setText(path)
        self._select_and_commit(self.file_radio)

    # -- showing ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        session = self.session
        plan = session.plan
        self.error.clearMessage()
        self.notes.clearMessage()
        if session.plan_error:
            self.error.showError(session.plan_error)
        if plan is None:
            for label in (self.pool_label, self.validation_label, self.generate_label):
                label.setText("–")
            self.grid_title.setText(
                self.tr("Choose a source and a target font first") if not session.plan_error else ""
            )
            self.grid_model.clear()
            return
        where = charset_label(plan.learn_charset) if plan.learn_charset else self.tr("every Han character")
        self.pool_label.setText(
            self.tr("{0} characters both fonts have ({1})").format(f"{len(plan.pool):,}", where)
        )
        self.validation_label.setText(
            self.tr("{0} (trained on {1})").format(f"{len(plan.validation):,}", f"{plan.train_count:,}")
        )
        self.generate_label.setText(f"<b>{len(plan.generate):,}</b>")
        notes = []
        if plan.note:
            notes.append(plan.note)
        if plan.in_target:
            notes.append(
                self.tr("{0} are already in the target and are skipped: {1}").format(
                    len(plan.in_target), _preview(plan.in_target)
                )
            )
        if plan.not_in_source:
            notes.append(
                self.tr("{0} are in neither font and cannot be generated: {1}").format(
                    len(plan.not_in_source), _preview(plan.not_in_source)
                )
            )
        if not plan.generate:
            notes.append(
                self.tr(
                    "Nothing to generate: the target already has every character of this choice that the source has."
                )
            )
        if notes:
            self.notes.showInfo("\n".join(notes))
        self.grid_title.setText(self.tr("To generate: {0} (source glyphs)").format(f"{len(plan.generate):,}"))
        self.grid_model.setSource(
            FontGlyphSource(session.source, plan.generate, GRID_RENDER_SIZE, GRID_MARGIN)
        )
