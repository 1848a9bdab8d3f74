"""Step 5, Export: write the reviewed glyphs as a font (or glyph files) and see it set in text.

The font is written by the core pipeline (trace → merge or new font →
validation by fontTools and the OpenType Sanitizer → atomic rename) in a
:class:`~fontassist.app.common.worker.Worker`; a cancel leaves no file behind.
Trace settings show their effect live on the current glyph. The page's
settings are kept in the project's ``export`` dict.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import FontAssistError
from ...pipeline import settings_for
from ...vector import TraceSettings
from ..common.errordialog import show_error
from ..common.outlineview import OutlineView
from ..common.session import Session
from ..common.settings import AppSettings
from ..common.widgets import (
    MessageLabel,
    debounce,
    heading,
    muted,
    settings_column,
    side_by_side,
    vertical_scroll,
)
from ..common.worker import Worker, run_in_background
from ..review.reviewdata import export_chars
from ..review.reviewstate import ReviewState
from .exportjobs import (
    default_family,
    default_file_name,
    export_font,
    export_glyph_files,
    export_ufo,
)
from .textpreview import TextPreview

PREVIEW_DELAY_MS = 150
SAMPLE_TEXT = "永和東風"


def format_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1e6:.2f} MB"
    return f"{size / 1e3:.0f} kB"


class ExportPage(QWidget):
    """``ask`` shows every yes/no question; tests replace it to answer without a dialog."""

    exported = Signal(object)  # the ExportReport

    def __init__(
        self, session: Session, state: ReviewState, settings: AppSettings, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("exportPage")
        self.session = session
        self.state = state
        self.settings = settings
        self.worker: Worker | None = None
        self.report = None  # the last ExportReport
        self.written_files: list[Path] = []
        self._loading = False
        self._preview_ticket = 0
        self._job_kind = ""
        self._naming_ticket = 0

        font_box = self._build_font_box()
        trace_box = self._build_trace_box()
        run_row = self._build_run_row()
        files_box = self._build_files_box()
        left = settings_column(
            self,
            font_box,
            trace_box,
            run_row,
            self.message,
            self.result_label,
            (self.open_folder_button, Qt.AlignmentFlag.AlignLeft),
            files_box,
            self._build_edits_box(),
        )
        left_scroll = vertical_scroll(left, self)
        left_scroll.setMinimumWidth(420)

        right = self._build_previews()
        splitter = side_by_side(self, left_scroll, right, stretch=(1, 1), sizes=(520, 520))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("5 · Export"), self))
        layout.addWidget(splitter, 1)

        self._connect_settings()
        self._connect_state()
        self._auto_output = True
        self._load_settings()
        self._update_counts()

    def _build_font_box(self):
        """The font's names, mode, format, output file and which glyphs go in."""
        self.family_edit = QLineEdit(self)
        self.family_edit.setObjectName("familyEdit")
        self.style_edit = QLineEdit(self)
        self.style_edit.setObjectName("styleEdit")
        self.naming_note = MessageLabel(self)
        self.merge_radio = QRadioButton(self.tr("Merge into a copy of the target font"), self)
        self.merge_radio.setObjectName("mergeRadio")
        self.new_radio = QRadioButton(self.tr("A new font with only the generated glyphs"), self)
        self.new_radio.setObjectName("newRadio")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.merge_radio)
        self.mode_group.addButton(self.new_radio)
        self.merge_radio.setChecked(True)
        self.font_format_combo = QComboBox(self)
        self.font_format_combo.setObjectName("fontFormatCombo")
        self.font_format_combo.addItem(self.tr("TrueType font (.ttf)"), "ttf")
        self.font_format_combo.addItem(self.tr("UFO for your font editor (.ufo)"), "ufo")
        self.font_format_combo.setToolTip(
            self.tr(
                "A UFO marks each glyph with its review state (accepted green, undecided blue, flagged "
                "orange, edited purple) and holds the source glyph as its background layer"
            )
        )
        self.out_edit = QLineEdit(self)
        self.out_edit.setObjectName("outEdit")
        self.out_button = QPushButton(self.tr("Choose…"), self)
        self.out_button.clicked.connect(self.chooseOutput)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.out_button)
        self.accepted_radio = QRadioButton(self)
        self.accepted_radio.setObjectName("acceptedRadio")
        self.not_rejected_radio = QRadioButton(self)
        self.not_rejected_radio.setObjectName("notRejectedRadio")
        self.which_group = QButtonGroup(self)
        self.which_group.addButton(self.accepted_radio)
        self.which_group.addButton(self.not_rejected_radio)
        self.accepted_radio.setChecked(True)
        font_box = QGroupBox(self.tr("Font"), self)
        font_form = QFormLayout(font_box)
        font_form.addRow(self.tr("Family name:"), self.family_edit)
        font_form.addRow(self.tr("Style name:"), self.style_edit)
        font_form.addRow(self.naming_note)
        font_form.addRow(self.tr("Mode:"), self.merge_radio)
        font_form.addRow("", self.new_radio)
        font_form.addRow(self.tr("Format:"), self.font_format_combo)
        font_form.addRow(self.tr("Output file:"), out_row)
        font_form.addRow(self.tr("Glyphs:"), self.accepted_radio)
        font_form.addRow("", self.not_rejected_radio)
        return font_box

    def _build_trace_box(self):
        """How rasters are traced: speck size, tolerance, one switch per cleaning step, the preview glyph."""
        self.speck_spin = QDoubleSpinBox(self)
        self.speck_spin.setObjectName("speckSpin")
        self.speck_spin.setRange(0.0, 200.0)
        self.speck_spin.setDecimals(1)
        self.speck_spin.setSingleStep(1.0)
        self.speck_spin.setSuffix(" px²")
        self.speck_spin.setToolTip(self.tr("Ink specks and pinholes smaller than this are dropped"))
        self.tolerance_spin = QDoubleSpinBox(self)
        self.tolerance_spin.setObjectName("toleranceSpin")
        self.tolerance_spin.setRange(0.05, 3.0)
        self.tolerance_spin.setDecimals(2)
        self.tolerance_spin.setSingleStep(0.05)
        self.tolerance_spin.setSuffix(" px")
        self.tolerance_spin.setToolTip(
            self.tr("How far outlines may stray from the raster's edge: higher gives fewer points")
        )
        self.speck_spin.setValue(TraceSettings.default("speck_area"))
        self.tolerance_spin.setValue(TraceSettings.default("tolerance"))
        # One check box per cleaning step, its default and tooltip from TraceSettings.
        self.clean_boxes: dict[str, QCheckBox] = {}
        labels = {
            "straighten": self.tr("Straighten horizontal and vertical strokes"),
            "merge_colinear": self.tr("Merge colinear segments"),
            "clean_contours": self.tr("Clean contours (specks, overlaps)"),
            "fit_extremes": self.tr("Keep ink inside the target's ideographic box"),
        }
        labels["even_width"] = self.tr("Even out stroke width (on by default for a near-monoline target)")
        # Switches whose default the target decides (None: e.g. even width for a near-monoline
        # target) show what that default is for this target, and stay "the target decides" in the
        # project until the designer clicks them, exactly as the CLI's default does.
        self._follows_target: dict[str, bool] = {}
        self._showing_default = False
        for f in TraceSettings.tunable():
            if f.default is None or isinstance(f.default, bool):
                box = QCheckBox(labels.get(f.name, f.name), self)
                box.setObjectName(f"{f.name}Check")
                box.setToolTip(f.metadata["help"][:1].upper() + f.metadata["help"][1:])
                self.clean_boxes[f.name] = box
                if f.default is None:
                    self._follows_target[f.name] = True
                    # stateChanged, connected before the handler that saves the settings, so it runs first
                    box.stateChanged.connect(lambda _state, name=f.name: self._switch_toggled(name))
                self._set_switch(f.name, f.default)
        self.preview_char_edit = QLineEdit(self)
        self.preview_char_edit.setObjectName("previewCharEdit")
        self.preview_char_edit.setMaxLength(2)
        self.preview_char_edit.setMaximumWidth(60)
        self.preview_char_edit.setToolTip(
            self.tr("The glyph the trace preview shows (the one selected on the Review page)")
        )
        self.preview_char_edit.textEdited.connect(self._preview_char_typed)
        trace_box = QGroupBox(self.tr("Tracing"), self)
        trace_form = QFormLayout(trace_box)
        trace_form.addRow(self.tr("Speck size:"), self.speck_spin)
        trace_form.addRow(self.tr("Curve tolerance:"), self.tolerance_spin)
        for box in self.clean_boxes.values():
            trace_form.addRow(box)
        trace_form.addRow(self.tr("Preview glyph:"), self.preview_char_edit)
        return trace_box

    def _build_run_row(self):
        """The Export button with its progress and Cancel, then the message and result lines."""
        self.export_button = QPushButton(self.tr("Export font"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(lambda: self.exportFont())
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelExportButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        run_row = QHBoxLayout()
        run_row.addWidget(self.export_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        self.message = MessageLabel(self)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Open folder"), self)
        self.open_folder_button.setObjectName("openFolderButton")
        self.open_folder_button.clicked.connect(self.openFolder)
        self.open_folder_button.hide()
        return run_row

    def _build_files_box(self):
        """Glyph files: the same glyphs, one PNG or SVG each."""
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("formatCombo")
        self.format_combo.addItem(self.tr("PNG rasters"), "png")
        self.format_combo.addItem(self.tr("SVG outlines"), "svg")
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("folderEdit")
        self.folder_button = QPushButton(self.tr("Choose…"), self)
        self.folder_button.clicked.connect(self.chooseFolder)
        self.glyphs_button = QPushButton(self.tr("Export glyph files"), self)
        self.glyphs_button.setObjectName("glyphsButton")
        self.glyphs_button.clicked.connect(lambda: self.exportGlyphFiles())
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        files_box = QGroupBox(self.tr("Glyph files (same glyphs, one file each, named U+XXXX)"), self)
        files_form = QFormLayout(files_box)
        files_form.addRow(self.tr("Format:"), self.format_combo)
        files_form.addRow(self.tr("Folder:"), folder_row)
        files_form.addRow("", self.glyphs_button)
        return files_box

    def _build_previews(self):
        """The trace preview (before and after cleaning) and the text preview."""
        self.trace_title = QLabel(self.tr("Trace preview"), self)
        self.trace_view = OutlineView(
            self, placeholder=self.tr("Generate glyphs on the Review page to preview their outlines.")
        )
        self.trace_view.setObjectName("tracePreview")
        self.trace_view.setMinimumSize(200, 200)
        # Before/after: the same glyph as traced, with no cleaning step.
        self.before_view = OutlineView(self, placeholder="")
        self.before_view.setObjectName("tracePreviewBefore")
        self.before_view.setMinimumSize(200, 200)
        self.before_title = muted(QLabel(self.tr("Before cleaning"), self))
        self.after_title = muted(QLabel(self.tr("After cleaning (what is exported)"), self))
        compare = QWidget(self)
        compare_layout = QHBoxLayout(compare)
        compare_layout.setContentsMargins(0, 0, 0, 0)
        for title, view in ((self.before_title, self.before_view), (self.after_title, self.trace_view)):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(view, 1)
            compare_layout.addLayout(column, 1)
        self.trace_stats = muted(QLabel(self))
        self.trace_stats.setObjectName("traceStats")
        self.text_preview = TextPreview(self)
        self.text_preview.setText(SAMPLE_TEXT)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.trace_title)
        right_layout.addWidget(compare, 3)
        right_layout.addWidget(self.trace_stats)
        right_layout.addWidget(heading(self.tr("Text preview"), self, scale=1.1))
        right_layout.addWidget(self.text_preview, 2)
        return right

    def _connect_settings(self):
        """Every setting saves itself and refreshes the previews it changes."""
        self._preview_timer = debounce(self, PREVIEW_DELAY_MS, self.updateTracePreview)
        self._naming_timer = debounce(self, 400, self._check_naming)
        for spin in (self.speck_spin, self.tolerance_spin):
            spin.valueChanged.connect(self._trace_settings_changed)
        for box in self.clean_boxes.values():
            box.stateChanged.connect(self._trace_settings_changed)
        for edit in (self.family_edit, self.style_edit, self.out_edit, self.folder_edit):
            edit.textEdited.connect(self._save_settings)
        self.family_edit.textEdited.connect(self._naming_timer.start)
        self.family_edit.textEdited.connect(self._suggest_output)
        self.style_edit.textEdited.connect(self._suggest_output)
        for button in (self.merge_radio, self.accepted_radio):
            button.toggled.connect(self._save_settings)
        self.format_combo.currentIndexChanged.connect(self._save_settings)
        self.font_format_combo.currentIndexChanged.connect(self._font_format_changed)
        self.accepted_radio.toggled.connect(self._update_counts)

    def _connect_state(self):
        """The glyphs, decisions and project the page shows."""
        state, session = self.state, self.session
        state.currentCharChanged.connect(self._current_char_changed)
        state.glyphsChanged.connect(self._glyphs_changed)
        state.glyphsRedrawn.connect(lambda chars: self.previewChar() in chars and self._preview_timer.start())
        state.decisionsChanged.connect(lambda _chars: self._update_counts())
        session.projectReplaced.connect(self._load_settings)
        session.fontsChanged.connect(self._fonts_changed)

    def ask(
        self, title: str, text: str, buttons: QMessageBox.StandardButton, default: QMessageBox.StandardButton
    ) -> QMessageBox.StandardButton:
        return QMessageBox.question(self, title, text, buttons, default)

    # -- settings, kept in the project's export dict ------------------------------------------------------
    def _defaults(self) -> dict:
        target = self.session.target
        plan = self.session.plan
        charset = plan.learn_charset if plan is not None else None
        if self.session.project.chars.mode == "charset":
            charset = self.session.project.chars.charset
        family = default_family(target.family, charset) if target is not None else "fontassist"
        style = target.style if target is not None and target.style else "Regular"
        folder = self.session.project.folder or Path(self.settings.last_folder("export"))
        return {
            "family": family,
            "style": style,
            "mode": "merge",
            "which": "accepted",
            "out": str(folder / default_file_name(family, style)),
            **{f.name: f.default for f in TraceSettings.tunable()},
            "glyph_format": "png",
            "glyph_folder": "",
            "font_format": "ttf",
        }

    def settingsValues(self) -> dict:
        return {
            "family": self.family_edit.text().strip(),
            "style": self.style_edit.text().strip() or "Regular",
            "mode": "merge" if self.merge_radio.isChecked() else "new",
            "which": "accepted" if self.accepted_radio.isChecked() else "not_rejected",
            "out": self.out_edit.text().strip(),
            "speck_area": self.speck_spin.value(),
            "tolerance": self.tolerance_spin.value(),
            **{name: self._switch(name) for name in self.clean_boxes},
            "glyph_format": self.format_combo.currentData(),
            "glyph_folder": self.folder_edit.text().strip(),
            "font_format": self.font_format_combo.currentData(),
        }

    def _load_settings(self) -> None:
        saved = dict(self.session.project.export)
        values = {**self._defaults(), **saved}
        self._auto_output = "out" not in saved
        self._loading = True
        try:
            self.family_edit.setText(values["family"])
            self.style_edit.setText(values["style"])
            (self.merge_radio if values["mode"] == "merge" else self.new_radio).setChecked(True)
            (self.accepted_radio if values["which"] == "accepted" else self.not_rejected_radio).setChecked(
                True
            )
            self.out_edit.setText(values["out"])
            self.speck_spin.setValue(float(values["speck_area"]))
            self.tolerance_spin.setValue(float(values["tolerance"]))
            for name in self.clean_boxes:
                self._set_switch(name, values[name])
            self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(values["glyph_format"])))
            self.folder_edit.setText(values["glyph_folder"])
            self.font_format_combo.setCurrentIndex(
                max(0, self.font_format_combo.findData(values.get("font_format", "ttf")))
            )
        finally:
            self._loading = False
        target = self.session.target
        self.text_preview.setTargetFont(target.path if target is not None else None)
        self._naming_timer.start()

    def _save_settings(self) -> None:
        if self._loading:
            return
        values = self.settingsValues()
        if values != {k: self.session.project.export.get(k) for k in values}:
            self.session.project.export.update(values)
            self.session.setModified(True)

    def _fonts_changed(self) -> None:
        if not self.session.project.export:
            self._load_settings()  # nothing chosen yet: follow the new target's names
        for name, follows in self._follows_target.items():
            if follows:
                self._set_switch(name, None)  # show the new target's default
        target = self.session.target
        self.text_preview.setTargetFont(target.path if target is not None else None)

    def _suggest_output(self) -> None:
        """Until the designer picks a file, the output name follows the family and style."""
        if not self._auto_output:
            return
        current = Path(self.out_edit.text()) if self.out_edit.text() else Path(self._defaults()["out"])
        name = default_file_name(self.family_edit.text(), self.style_edit.text())
        self.out_edit.setText(str(current.with_name(name).with_suffix("." + self.fontFormat())))
        self._save_settings()

    def fontFormat(self) -> str:
        return self.font_format_combo.currentData() or "ttf"

    def _font_format_changed(self) -> None:
        """The output name follows the format: NAME.ttf ↔ NAME.ufo."""
        text = self.out_edit.text().strip()
        if text and not self._loading:
            self.out_edit.setText(str(Path(text).with_suffix("." + self.fontFormat())))
        self.export_button.setText(
            self.tr("Export UFO") if self.fontFormat() == "ufo" else self.tr("Export font")
        )
        self._save_settings()

    def _check_naming(self) -> None:
        target, family = self.session.target, self.family_edit.text().strip()
        if target is None or not family:
            self.naming_note.clearMessage()
            return
        self._naming_ticket += 1
        ticket = self._naming_ticket

        def check():
            from ...export import naming_warnings

            return naming_warnings(target.path, family, target.face_index)

        def show(warnings):
            if ticket == self._naming_ticket:
                if warnings:
                    self.naming_note.showInfo("\n".join(warnings))
                else:
                    self.naming_note.clearMessage()

        run_in_background(
            check, show, lambda message, _details: show([message]), owner=self, name="naming check"
        )

    def chooseOutput(self) -> None:
        start = self.out_edit.text() or self._defaults()["out"]
        suffix = "." + self.fontFormat()
        kind = self.tr("UFO fonts") if suffix == ".ufo" else self.tr("TrueType fonts")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the font as"), start, f"{kind} (*{suffix})"
        )
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.out_edit.setText(path)
            self._auto_output = False
            self.settings.set_last_folder("export", path)
            self._save_settings()

    def chooseFolder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the glyph files"), str(self.glyphFolder().parent)
        )
        if folder:
            self.folder_edit.setText(folder)
            self._save_settings()

    # -- what is exported ------------------------------------------------------------------------------------
    def which(self) -> str:
        return "accepted" if self.accepted_radio.isChecked() else "not_rejected"

    def exportChars(self) -> list[str]:
        glyphs = self.state.glyphs
        if glyphs is None:
            return []
        return export_chars(glyphs, self.state.decisions, self.which())

    def glyphFolder(self) -> Path:
        """The folder for glyph files: the chosen one, else ``glyphs`` beside the font file."""
        chosen = self.folder_edit.text().strip()
        if chosen:
            return Path(chosen)
        return Path(self.out_edit.text().strip() or self._defaults()["out"]).parent / "glyphs"

    def _update_counts(self) -> None:
        glyphs = self.state.glyphs
        if glyphs is None:
            self.accepted_radio.setText(self.tr("Accepted only"))
            self.not_rejected_radio.setText(self.tr("All not rejected"))
        else:
            d = self.state.decisions  # excluded glyphs are counted in neither
            accepted = len(export_chars(glyphs, d, "accepted"))
            self.accepted_radio.setText(self.tr("Accepted only ({0:,})").format(accepted))
            self.not_rejected_radio.setText(
                self.tr("All not rejected ({0:,})").format(len(export_chars(glyphs, d, "not_rejected")))
            )
        self._update_buttons()

    def _glyphs_changed(self) -> None:
        self._update_counts()
        self._current_char_changed(self.state.current_char)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.state.ensureGlyphs()
        self._update_counts()
        if not self.previewChar():
            self._current_char_changed(self.state.current_char)

    def _switch(self, name: str) -> bool | None:
        """A cleaning switch's value: on or off, or None while it follows the target's default."""
        if self._follows_target.get(name):
            return None
        return self.clean_boxes[name].isChecked()

    def _set_switch(self, name: str, value: bool | None) -> None:
        """Set a cleaning switch; None (the target decides) shows what the target decides."""
        if name in self._follows_target:
            self._follows_target[name] = value is None
        if value is None:
            value = bool(getattr(settings_for(None, self.session.target), name))
        self._showing_default = True
        try:
            self.clean_boxes[name].setChecked(value)
        finally:
            self._showing_default = False

    def _switch_toggled(self, name: str) -> None:
        """Once the designer sets a switch the target decides, it is theirs."""
        if not self._showing_default:
            self._follows_target[name] = False

    # -- trace preview ---------------------------------------------------------------------------------------
    def traceOptions(self) -> TraceSettings:
        """The settings chosen here, with the tidy tolerances measured from the target."""
        chosen = TraceSettings(
            speck_area=self.speck_spin.value(),
            tolerance=self.tolerance_spin.value(),
            **{name: self._switch(name) for name in self.clean_boxes},
        )
        return settings_for(chosen, self.session.target)

    def previewChar(self) -> str:
        return self.preview_char_edit.text()[:1]

    def _current_char_changed(self, char: str) -> None:
        self.preview_char_edit.setText(char)
        self._preview_timer.start()

    def _preview_char_typed(self, _text: str) -> None:
        self._preview_timer.start()

    def _trace_settings_changed(self) -> None:
        self._save_settings()
        self._preview_timer.start()

    def updateTracePreview(self) -> None:
        """Trace the preview glyph with the current settings (off the GUI thread) and show it."""
        glyphs, char = self.state.glyphs, self.previewChar()
        i = glyphs.index(char) if glyphs is not None and char else None
        if i is None:
            self.trace_view.clear(
                self.tr("Generate glyphs on the Review page to preview their outlines.")
                if glyphs is None
                else self.tr("{0} is not among the generated glyphs.").format(char or self.tr("No glyph"))
            )
            self.before_view.clear("")
            self.trace_stats.setText("")
            return
        raster, frame, options = glyphs.images[i], glyphs.frame, self.traceOptions()
        raw = replace(options, **{name: False for name in self.clean_boxes})
        self.trace_view.setRaster(raster, frame)
        self.before_view.setRaster(raster, frame)
        self.trace_title.setText(self.tr("Trace preview: {0}  U+{1:04X}").format(char, ord(char)))
        self._preview_ticket += 1
        ticket = self._preview_ticket

        def trace():
            from ...vector import trace_outline

            traced, traced_frame = glyphs.trace_raster(i), glyphs.trace_frame  # what the export traces
            return trace_outline(traced, traced_frame, raw), trace_outline(traced, traced_frame, options)

        def show(outlines):
            before, outline = outlines
            if ticket == self._preview_ticket:
                self.before_view.setOutline(before)
                self.trace_view.setOutline(outline)
                was, stats = before.stats(), outline.stats()
                self.trace_stats.setText(
                    self.tr(
                        "{0} contours · {1} on-curve points (■) · {2} off-curve points (○); "
                        "before cleaning {3} · {4} · {5}"
                    ).format(
                        stats.contours,
                        stats.on_curve,
                        stats.off_curve,
                        was.contours,
                        was.on_curve,
                        was.off_curve,
                    )
                )

        run_in_background(
            trace,
            show,
            lambda message, _details: ticket == self._preview_ticket and self.trace_stats.setText(message),
            owner=self,
            name="trace preview",
        )

    # -- exporting -------------------------------------------------------------------------------------------
    def isBusy(self) -> bool:
        return self.worker is not None

    def activity(self):
        """What the status bar shows while a font or glyph files are written."""
        from ..common.activity import Activity

        if self.worker is None:
            return None
        return Activity(
            self.tr("Exporting"), self.progress.value(), self.progress.maximum(), None, self.cancel
        )

    def exportFont(self, out_path: str | Path | None = None) -> bool:
        """Write the font in the background (``exported(report)`` follows); False when it cannot start."""
        if self.isBusy():
            return False
        if out_path is not None:
            self.out_edit.setText(str(out_path))
            self._auto_output = False
            self._save_settings()
        self.message.clearMessage()
        glyphs, target, source = self.state.glyphs, self.session.target, self.session.source
        values = self.settingsValues()
        if glyphs is None or target is None:
            self.message.showError(self.tr("Generate the glyphs on the Review page first."))
            return False
        chars = self.exportChars()
        if not chars:
            self.message.showError(
                self.tr(
                    "No glyph is accepted yet. Accept glyphs on the Review page, or export all that are not rejected."
                )
            )
            return False
        if not values["family"]:
            self.message.showError(self.tr("Give the new font a family name."))
            return False
        from ...export.ufo import check_ufo_output
        from ...export.writing import check_output_path

        ufo = values["font_format"] == "ufo"
        try:
            out = (check_ufo_output if ufo else check_output_path)(
                values["out"] or self._defaults()["out"],
                [p for p in (target.path, source.path if source else None) if p],
            )
        except FontAssistError as e:
            self.message.showError(str(e))
            return False
        if out.exists() and out_path is None:
            answer = self.ask(
                self.tr("Replace the file?"),
                self.tr("{0} exists. Replace it?").format(out),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        options = self.traceOptions()
        review, decisions = dict(self.state.review), self.state.decisions

        def job(progress, cancel):
            settings = {
                "family": values["family"],
                "style": values["style"],
                "mode": values["mode"],
                "trace_options": options,
                "review": review,
                "progress": progress,
                "cancel": cancel,
            }
            if ufo:
                return export_ufo(glyphs, chars, decisions, target, source, out, **settings)
            return export_font(glyphs, chars, target, out, **settings)

        self.result_label.setText("")
        self.open_folder_button.hide()
        self._start(job, self._font_written, self.tr("Exporting {0} glyphs…").format(len(chars)), "font")
        return True

    def exportGlyphFiles(self, folder: str | Path | None = None) -> bool:
        if self.isBusy():
            return False
        if folder is not None:
            self.folder_edit.setText(str(folder))
            self._save_settings()
        self.message.clearMessage()
        glyphs = self.state.glyphs
        chars = self.exportChars()
        if glyphs is None or not chars:
            self.message.showError(
                self.tr("There are no glyphs to export: generate and accept some on the Review page.")
            )
            return False
        out_dir = self.glyphFolder()
        fmt, options = self.format_combo.currentData(), self.traceOptions()

        def job(progress, cancel):
            return export_glyph_files(
                glyphs, chars, out_dir, fmt, trace_options=options, progress=progress, cancel=cancel
            )

        self._start(
            job,
            lambda files: self._files_written(files, out_dir, fmt),
            self.tr("Writing glyph files…"),
            "files",
        )
        return True

    def _start(self, job, on_done, text: str, kind: str) -> None:
        self._job_kind = kind
        worker = Worker(job, "export")
        self.worker = worker
        worker.progressed.connect(self._progressed)
        worker.succeeded.connect(on_done)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)
        worker.ended.connect(lambda _outcome: self._finished(worker))
        self.progress.setRange(0, 0)
        self.progress.setFormat(text)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        worker.start()
        self._update_buttons()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Cancelling…"))

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(f"{message} %v/%m" if message else "%v/%m")

    def _font_written(self, report) -> None:
        self.report = report
        if not hasattr(report, "validation"):  # a UFO for the designer's editor
            self._ufo_written(report)
            return
        validation = report.validation
        if validation is None:
            checked = self.tr("not validated")
        elif validation.ok:
            checked = self.tr("<b>passed</b> (fontTools reload and OpenType Sanitizer)")
        else:
            checked = self.tr("<b>failed</b>: {0}").format(validation.summary())
        what = (
            self.tr("merged into a copy of the target")
            if self.merge_radio.isChecked()
            else self.tr("in a new font")
        )
        text = self.tr(
            "Wrote <b>{0}</b><br>{1:,} new glyphs {2}, {3:,} glyphs in all, {4}.<br>Validation: {5}."
        ).format(
            report.out_path,
            report.glyphs_added,
            what,
            report.total_glyphs,
            format_size(report.file_size),
            checked,
        )
        if report.warnings:
            text += "<br>" + "<br>".join(self.tr("Warning: {0}").format(w) for w in report.warnings)
        self.result_label.setText(text)
        self.open_folder_button.show()
        self.written_files = [Path(report.out_path)]
        self.text_preview.setExportedFont(report.out_path)
        sample = "".join(self.exportChars()[:6])
        if sample and not any(c in self.text_preview.text() for c in sample):
            self.text_preview.setText(SAMPLE_TEXT[:2] + sample + SAMPLE_TEXT[2:])
        self.exported.emit(report)

    def _files_written(self, files: list, folder: Path, fmt: str) -> None:
        self.written_files = [Path(f) for f in files]
        self.result_label.setText(
            self.tr("Wrote {0:,} {1} files into <b>{2}</b>.").format(len(files), fmt.upper(), folder)
        )
        self.open_folder_button.show()

    def _failed(self, message: str, details: str) -> None:
        if details:
            show_error(self, message, details, title=self.tr("Export failed"))
        self.message.showError(message)

    def _cancelled(self, _message: str) -> None:
        if self._job_kind == "font":
            self.message.showInfo(self.tr("Export cancelled; no font file was written."))
        else:
            self.message.showInfo(self.tr("Export cancelled; the glyph files written so far are kept."))

    def _finished(self, worker: Worker) -> None:
        if self.worker is worker:
            self.worker = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def openFolder(self) -> None:
        if self.written_files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written_files[0].parent)))

    def _update_buttons(self) -> None:
        ready = not self.isBusy() and self.state.glyphs is not None
        self.export_button.setEnabled(ready)
        self.glyphs_button.setEnabled(ready)

    # -- the designer's editor: UFO out, hand edits back in ------------------------------------------------
    def _build_edits_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your font editor"), self)
        self.take_edits_button = QPushButton(self.tr("Take edits from the editor…"), box)
        self.take_edits_button.setObjectName("takeEditsButton")
        self.take_edits_button.setToolTip(
            self.tr(
                "Read a UFO exported here and fixed in Glyphs, RoboFont, FontForge or Fontra: changed glyphs "
                "come back as edited by hand (exported as drawn, never regenerated), new ones are taken too"
            )
        )
        self.take_edits_button.clicked.connect(lambda: self.takeEdits())
        self.train_edits_check = QCheckBox(
            self.tr("Add the hand-fixed glyphs to the next run's training pairs"), box
        )
        self.train_edits_check.setObjectName("trainEditsCheck")
        self.train_edits_check.toggled.connect(self._train_edits_toggled)
        self.edits_note = MessageLabel(box)
        self.edits_note.setObjectName("editsNote")
        layout = QVBoxLayout(box)
        layout.addWidget(self.take_edits_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.train_edits_check)
        layout.addWidget(self.edits_note)
        self.ufo_watcher = QFileSystemWatcher(self)
        self.ufo_watcher.directoryChanged.connect(lambda _p: self._ufo_changed_timer.start())
        self.ufo_watcher.fileChanged.connect(lambda _p: self._ufo_changed_timer.start())
        # editors write many files; wait until they are done
        self._ufo_changed_timer = debounce(self, 1000, self._offer_edits)
        self.session.projectReplaced.connect(self._edits_project_replaced)
        self._edits_project_replaced()
        return box

    def _edits_project_replaced(self) -> None:
        self.train_edits_check.blockSignals(True)
        self.train_edits_check.setChecked(bool(self.state.review.get("edits_train")))
        self.train_edits_check.blockSignals(False)
        ufo = self.state.review.get("edits_ufo")
        self.watchUfo(ufo if ufo and Path(ufo).is_dir() else None)

    def _train_edits_toggled(self, checked: bool) -> None:
        self.state.review["edits_train"] = checked
        self.session.setModified(True)
        if checked and self.state.review.get("edited"):
            self._write_training_target()

    def watchUfo(self, path: str | Path | None) -> None:
        """Watch a UFO the designer has open in their editor, to offer its edits when it changes."""
        watched = self.ufo_watcher.directories() + self.ufo_watcher.files()
        if watched:
            self.ufo_watcher.removePaths(watched)
        self._watched_ufo = Path(path) if path else None
        if self._watched_ufo is not None:
            folders = [self._watched_ufo, self._watched_ufo / "glyphs"]
            self.ufo_watcher.addPaths([str(p) for p in folders if p.is_dir()])
            contents = self._watched_ufo / "glyphs" / "contents.plist"
            if contents.is_file():
                self.ufo_watcher.addPath(str(contents))

    def _offer_edits(self) -> None:
        if self._watched_ufo is None or not self._watched_ufo.is_dir():
            return
        self.watchUfo(self._watched_ufo)  # editors replace files; watch the new ones
        self.edits_note.showInfo(
            self.tr("{0} changed in your editor. Click “Take edits from the editor…” to take them.").format(
                self._watched_ufo.name
            )
        )
        self.take_edits_button.setDefault(True)

    def takeEdits(self, ufo_path: str | Path | None = None) -> bool:
        """Read the edited UFO (asked for when None) in the background and take its edits into the project."""
        if self.isBusy():
            return False
        if ufo_path is None:
            start = str(self._watched_ufo or self.session.project.folder or Path.home())
            ufo_path = QFileDialog.getExistingDirectory(self, self.tr("The UFO you edited"), start)
            if not ufo_path:
                return False
        ufo_path = Path(ufo_path)

        def job(progress, cancel):
            from ...export.handedits import read_edits

            return read_edits(ufo_path)

        self._start(job, self._edits_read, self.tr("Reading the edited UFO…"), "edits")
        return True

    def _edits_read(self, found) -> None:
        changed = self.state.takeEdits(found, for_training=self.train_edits_check.isChecked())
        self.watchUfo(found.ufo_path)
        self.take_edits_button.setDefault(False)
        text = self.tr("Took the edits from {0}: {1}.").format(found.ufo_path.name, found.summary())
        if not changed:
            text = self.tr("{0} holds no new edits.").format(found.ufo_path.name)
        self.edits_note.showInfo(text)
        self._update_counts()
        if changed and self.train_edits_check.isChecked():
            self._write_training_target()

    def _write_training_target(self) -> None:
        """The target plus the hand-fixed glyphs, which the next run learns from (written in the background)."""
        target, project, review = self.session.target, self.session.project, self.state.review
        if target is None:
            return
        folder = project.folder or Path(self.settings.last_folder("export"))
        out = folder / f"{project.name or 'fontassist'}.training-target.ttf"

        def job():
            from ...export.handedits import write_training_target

            return write_training_target(target, review, out)

        run_in_background(
            job,
            lambda _path: self.session.setModified(True),
            lambda message, _details: self.edits_note.showError(message),
            owner=self,
            name="training target",
        )

    def _ufo_written(self, report) -> None:
        text = self.tr(
            "Wrote <b>{0}</b><br>{1:,} new glyphs, {2:,} glyphs in all; read back with validation.<br>"
            "Marks: accepted green, undecided blue, flagged orange, edited purple; the source glyph is "
            "in the background layer. Fix the glyphs in your editor, then take the edits."
        ).format(report.out_path, report.glyphs_added, report.total_glyphs)
        if report.warnings:
            text += "<br>" + "<br>".join(self.tr("Warning: {0}").format(w) for w in report.warnings)
        self.result_label.setText(text)
        self.open_folder_button.show()
        self.written_files = [Path(report.out_path)]
        self.watchUfo(report.out_path)
        self.exported.emit(report)

    def shutdown(self, msecs: int = 60000) -> None:
        worker = self.worker
        if worker is not None:
            worker.cancel()
            worker.wait(msecs)
        self.text_preview.unload()
