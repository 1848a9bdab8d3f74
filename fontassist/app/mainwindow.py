"""The main window: the workflow steps in a sidebar, one page per step, the project menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from .. import __version__, resources
from ..errors import FontAssistError
from .characters.characterspage import CharactersPage
from .common.activity import ActivityIndicator
from .common.errordialog import show_error
from .common.i18n import language_menu
from .common.project import PROJECT_SUFFIX, Project
from .common.session import Session
from .common.settings import AppSettings
from .common.widgets import FitScrollArea
from .export.exportpage import ExportPage
from .fonts.fontspage import FontsPage
from .review.reviewpage import ReviewPage
from .review.reviewstate import ReviewState
from .train.trainpage import TrainPage

STEPS = ("fonts", "characters", "train", "review", "export")
# After the window is shown, load the trainer (torch) in the background so Train is ready when reached.
ENGINE_PRELOAD_DELAY_MS = 1500
PREFERRED_SIZE = QSize(1200, 800)
TITLE_BAR_ROOM = 40  # what the window manager's title bar takes above the client area


def first_size(available: QSize) -> QSize:
    """The window's size when it opens with nothing remembered: the preferred size, as far as the screen allows.

    ``available`` is the screen's available geometry in logical pixels (1280×720 on a 1920×1080
    screen at 150 %), so the window never opens with its status bar below the screen.
    """
    return QSize(
        min(PREFERRED_SIZE.width(), available.width()),
        min(PREFERRED_SIZE.height(), available.height() - TITLE_BAR_ROOM),
    )


def step_icon(step: str) -> QIcon:
    path = resources.ICONS / f"step-{step}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


class MainWindow(QMainWindow):
    """``ask`` shows every yes/no question; tests replace it to answer without a dialog."""

    projectOpened = Signal()

    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else AppSettings()
        self.session = Session(self)
        self._close_after_training = False
        self._closing_confirmed = False

        self.fonts_page = FontsPage(self.session, self.settings, self)
        self.characters_page = CharactersPage(self.session, self.settings, self)
        self.train_page = TrainPage(self.session, self.settings, self)
        self.review_state = ReviewState(
            self.session, self
        )  # the glyphs under review, shared by Review and Export
        self.review_page = ReviewPage(self.session, self.review_state, self.settings, self)
        self.export_page = ExportPage(self.session, self.review_state, self.settings, self)
        self.review_page.ask = self.export_page.ask = lambda *args: self.ask(*args)
        self.pages = {
            "fonts": self.fonts_page,
            "characters": self.characters_page,
            "train": self.train_page,
            "review": self.review_page,
            "export": self.export_page,
        }
        self.stack = QStackedWidget(self)
        for page in self.pages.values():
            self.stack.addWidget(FitScrollArea(page, f"{page.objectName()}Scroll"))

        self.step_list = QListWidget(self)
        self.step_list.setObjectName("stepList")
        self.step_list.setIconSize(QSize(22, 22))
        self.step_list.setFixedWidth(170)
        self.step_list.setSpacing(2)
        labels = {
            "fonts": self.tr("1  Fonts"),
            "characters": self.tr("2  Characters"),
            "train": self.tr("3  Train"),
            "review": self.tr("4  Review"),
            "export": self.tr("5  Export"),
        }
        for step in STEPS:
            item = QListWidgetItem(step_icon(step), labels[step])
            item.setData(Qt.ItemDataRole.UserRole, step)
            item.setSizeHint(QSize(150, 38))
            self.step_list.addItem(item)
        self.step_list.currentRowChanged.connect(self._show_step)
        self.step_list.setCurrentRow(0)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.step_list)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.fonts_page.nextRequested.connect(lambda: self.goTo("characters"))
        self.characters_page.nextRequested.connect(lambda: self.goTo("train"))
        self.review_page.nextRequested.connect(lambda: self.goTo("export"))
        self.train_page.trainingStarted.connect(self._update_actions)
        self.train_page.trainingFinished.connect(self._training_finished)
        ab_page = self.review_page.ab_page
        ab_page.trainingStarted.connect(self._update_actions)
        ab_page.trainingFinished.connect(self._update_actions)
        # One training at a time: each place that starts one asks about the other.
        self.train_page.otherTraining = lambda: (
            self.tr("“Train both” on the Review page is training; wait for it or stop it first.")
            if ab_page.isTraining()
            else ""
        )
        ab_page.otherTraining = lambda: (
            self.tr("A run is training on the Train page; wait for it or stop it first.")
            if self.train_page.isTraining()
            else ""
        )
        self.session.modifiedChanged.connect(self.setWindowModified)
        self.session.projectReplaced.connect(self._update_title)

        self.train_page.nextRequested.connect(lambda: self.goTo("review"))
        self.activity = ActivityIndicator(
            [
                self.train_page.activity,
                self.review_page.ab_page.activity,
                self.review_state.activity,
                self.export_page.activity,
            ],
            self,
        )
        self.statusBar().addPermanentWidget(self.activity)

        self._build_menus()
        self._update_title()
        self.statusBar().showMessage(self.tr("Ready"))
        screen = self.screen()
        self.resize(first_size(screen.availableGeometry().size()) if screen is not None else PREFERRED_SIZE)
        geometry = self.settings.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        app_icon = resources.ICONS / "fontassist.svg"
        if app_icon.is_file():
            self.setWindowIcon(QIcon(str(app_icon)))

    # -- menus ---------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = file_menu.addAction(
            self.tr("&New Project"), QKeySequence.StandardKey.New, self.newProject
        )
        self.open_action = file_menu.addAction(
            self.tr("&Open Project…"), QKeySequence.StandardKey.Open, lambda: self.openProject()
        )
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        self.save_action = file_menu.addAction(
            self.tr("&Save Project"), QKeySequence.StandardKey.Save, self.saveProject
        )
        self.save_as_action = file_menu.addAction(
            self.tr("Save Project &As…"), QKeySequence.StandardKey.SaveAs, self.saveProjectAs
        )
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        stack = self.review_state.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        redo_keys = [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
        self.redo_action.setShortcuts(list({k.toString(): k for k in redo_keys}.values()))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, step in enumerate(STEPS, start=1):
            action = go_menu.addAction(self.step_list.item(number - 1).text().split(maxsplit=1)[-1])
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, step=step: self.goTo(step))

        self.language_menu = language_menu(self, self.settings.qsettings)
        self.menuBar().addMenu(self.language_menu)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About fontassist"), self.showAbout)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_projects()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, path=path: self.openProject(path))
        if not recent:
            self.recent_menu.addAction(self.tr("No recent projects")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear Menu"), self.settings.clear_recent_projects)

    def isTraining(self) -> bool:
        """A run on the Train page or "Train both" on the A/B page."""
        return self.train_page.isTraining() or self.review_page.ab_page.isTraining()

    def busyReason(self) -> str:
        """Why another project cannot be opened now ("" when it can)."""
        if self.isTraining():
            return self.tr("Training is running: stop it (or wait for it) before opening another project.")
        return ""

    def _refuse_if_busy(self) -> bool:
        reason = self.busyReason()
        if reason:
            self.statusBar().showMessage(reason, 10000)
        return bool(reason)

    def _update_actions(self) -> None:
        reason = self.busyReason()
        for action in (self.new_action, self.open_action):
            action.setEnabled(not reason)
            action.setStatusTip(reason)
        self.recent_menu.setEnabled(not reason)
        self.train_page._update_buttons()

    def showAbout(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About fontassist"),
            self.tr(
                "<b>fontassist {0}</b><p>Learn a target font's style from a source font and generate the characters it lacks.</p>"
            ).format(__version__),
        )

    # -- navigation ------------------------------------------------------------------------------------
    def _show_step(self, row: int) -> None:
        self.characters_page.flushEdits()
        self.stack.setCurrentIndex(row)

    def goTo(self, step: str) -> None:
        self.step_list.setCurrentRow(STEPS.index(step))

    def currentStep(self) -> str:
        return STEPS[self.stack.currentIndex()]

    # -- starting ----------------------------------------------------------------------------------------
    def startWithFonts(
        self,
        source: str | Path | None,
        target: str | Path | None,
        source_face: int | None = None,
        target_face: int | None = None,
    ) -> None:
        """Open with these fonts (a face of None asks for collections); a font not given falls back to the demo font."""
        use_demo = source is None and target is None
        demo = {"source": resources.DEMO_SOURCE, "target": resources.DEMO_TARGET}
        given = {"source": (source, source_face), "target": (target, target_face)}
        missing_demo = []
        for role in ("source", "target"):
            path, face = given[role]
            if path is None:
                if not demo[role].is_file():
                    missing_demo.append(demo[role].name)
                    continue
                path, face = demo[role], 0
            if face is None:
                self.fonts_page.useFile(role, str(path))
            else:
                self.fonts_page.useFont(role, str(path), face)
        if missing_demo:
            self.fonts_page.showBanner(
                self.tr(
                    "The bundled demo fonts are missing from this installation ({0}). Choose a source and a target font to begin."
                ).format(", ".join(missing_demo))
            )
        elif use_demo:
            self.fonts_page.showBanner(
                self.tr(
                    "Showing the bundled demo fonts: Noto Sans TC as the source and Zen Maru Gothic as the target. Choose your own fonts at any time."
                )
            )
        self.session.setModified(False)

    def scheduleEnginePreload(self, delay_ms: int = ENGINE_PRELOAD_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self.train_page.loadEngine)

    # -- projects ----------------------------------------------------------------------------------------
    def ask(
        self, title: str, text: str, buttons: QMessageBox.StandardButton, default: QMessageBox.StandardButton
    ) -> QMessageBox.StandardButton:
        return QMessageBox.question(self, title, text, buttons, default)

    def _maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded, or unchanged)."""
        if not self.session.isModified():
            return True
        answer = self.ask(
            self.tr("Unsaved changes"),
            self.tr("The project has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.saveProject()
        return answer == QMessageBox.StandardButton.Discard

    def newProject(self) -> None:
        if self._refuse_if_busy() or not self._maybe_save():
            return
        self.session.replaceProject(Project())
        self.startWithFonts(None, None)
        self.goTo("fonts")

    def openProject(self, path: str | Path | None = None) -> bool:
        if self._refuse_if_busy() or not self._maybe_save():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Open project"),
                self.settings.last_folder("projects"),
                f"{self.tr('fontassist projects')} (*{PROJECT_SUFFIX});;{self.tr('All files')} (*)",
            )
            if not path:
                return False
        try:
            project = Project.load(path)
        except FontAssistError as e:
            self.settings.remove_recent_project(path)
            show_error(self, e)
            return False
        self.session.replaceProject(project)
        self.settings.add_recent_project(path)
        self.settings.set_last_folder("projects", path)
        self.statusBar().setToolTip("")
        if project.warnings:  # paths outside the project, the bundled files and home: worth a look
            # One short line (the status bar is one line); each path in its tooltip.
            self.statusBar().showMessage(
                self.tr(
                    "This project uses {0} path(s) outside its folder, the bundled files and your home "
                    "folder: check that you trust it (point here for the list)."
                ).format(len(project.warnings))
            )
            self.statusBar().setToolTip("\n".join(project.warnings))
        else:
            self.statusBar().showMessage(self.tr("Opened {0}").format(path), 5000)
        self.projectOpened.emit()
        return True

    def saveProject(self) -> bool:
        if self.session.project.path is None:
            return self.saveProjectAs()
        return self._save_to(self.session.project.path)

    def saveProjectAs(self) -> bool:
        folder = self.settings.last_folder("projects")
        name = self.session.project.name or (
            self.session.target.family if self.session.target else "untitled"
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save project"),
            str(Path(folder) / f"{name}{PROJECT_SUFFIX}"),
            f"{self.tr('fontassist projects')} (*{PROJECT_SUFFIX})",
        )
        if not path:
            return False
        if not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        self.characters_page.flushEdits()
        try:
            self.session.project.save(path)
        except FontAssistError as e:
            show_error(self, e)
            return False
        self.session.setModified(False)
        self.settings.add_recent_project(path)
        self.settings.set_last_folder("projects", path)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)
        return True

    def _update_title(self) -> None:
        name = self.session.project.name or self.tr("Untitled project")
        self.setWindowTitle(f"{name}[*] — fontassist")
        self.setWindowModified(self.session.isModified())

    # -- closing --------------------------------------------------------------------------------------------
    def _training_finished(self, _reason: str) -> None:
        self._update_actions()
        if self._close_after_training:
            self._close_after_training = False
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_after_training:  # still waiting for the checkpoint
            event.ignore()
            return
        if self.train_page.isTraining():
            answer = self.ask(
                self.tr("Training is running"),
                self.tr(
                    "Stop training and quit? The run saves a checkpoint first, so it can be continued later."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            event.ignore()
            if answer == QMessageBox.StandardButton.Yes:
                self._close_after_training = True
                self.statusBar().showMessage(self.tr("Stopping training and saving a checkpoint…"))
                self.train_page.stopTraining()
            return
        if not self._maybe_save():
            event.ignore()
            return
        self.review_page.shutdown()  # stops generating, comparing and A/B training (which saves a checkpoint)
        self.export_page.shutdown()
        self.settings.set_geometry("main", self.saveGeometry())
        self.settings.sync()
        event.accept()
