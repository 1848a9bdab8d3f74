"""The open project as the pages see it: the project value, its opened fonts and its character plan.

Pages never open fonts or compute coverage themselves; they ask the session,
which calls the core and announces changes with signals. A font that cannot
be opened raises the core's FontAssistError and leaves the previous choice in
place.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...errors import FontAssistError
from ...fonts import FontFile, open_font
from ..characters.charplan import CharPlan, plan_chars
from .project import CharChoice, FontChoice, Project

ROLES = ("source", "target")


class Session(QObject):
    fontsChanged = Signal()
    planChanged = Signal()
    trainSettingsChanged = Signal()
    projectReplaced = Signal()
    modifiedChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.project = Project()
        self.fonts: dict[str, FontFile | None] = {"source": None, "target": None}
        self.plan: CharPlan | None = None
        self.plan_error: str = ""
        self.font_errors: dict[str, str] = {}  # fonts of an opened project that could not be opened
        # The trainer's defaults, filled in once the training engine has loaded (it brings torch).
        self.train_defaults: dict[str, Any] = {}
        self._modified = False

    # -- state -----------------------------------------------------------------------------------
    @property
    def source(self) -> FontFile | None:
        return self.fonts["source"]

    @property
    def target(self) -> FontFile | None:
        return self.fonts["target"]

    def isModified(self) -> bool:
        return self._modified

    def setModified(self, modified: bool) -> None:
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)

    # -- fonts -----------------------------------------------------------------------------------
    def setFont(self, role: str, path: str | Path, face: int = 0) -> FontFile:
        """Open and use a font for ``role``; on error the previous font stays and the error propagates."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, not {role!r}")
        font = open_font(path, face)
        self.fonts[role] = font
        self.font_errors.pop(role, None)
        setattr(self.project, role, FontChoice(Path(path).absolute(), face))
        self.setModified(True)
        self.fontsChanged.emit()
        self.replan()
        return font

    # -- characters ------------------------------------------------------------------------------
    def setCharChoice(self, choice: CharChoice) -> None:
        if choice == self.project.chars:
            return
        self.project.chars = copy.deepcopy(choice)
        self.setModified(True)
        self.replan()

    def trainSetting(self, name: str, default: Any = None) -> Any:
        if name in self.project.train:
            return self.project.train[name]
        return self.train_defaults.get(name, default)

    def setTrainSettings(self, settings: dict[str, Any]) -> None:
        if settings == self.project.train:
            return
        split_changed = any(settings.get(k) != self.project.train.get(k) for k in ("validation", "seed"))
        self.project.train = copy.deepcopy(settings)
        self.setModified(True)
        self.trainSettingsChanged.emit()
        if split_changed:
            self.replan()

    def setTrainDefaults(self, defaults: dict[str, Any]) -> None:
        self.train_defaults = dict(defaults)
        self.replan()

    def setRunDir(self, run_dir: str | Path | None) -> None:
        run_dir = Path(run_dir).absolute() if run_dir else None
        if run_dir != self.project.run_dir:
            self.project.run_dir = run_dir
            self.setModified(True)

    def replan(self) -> None:
        """Recompute what will be generated and learnt from, and announce it."""
        self.plan, self.plan_error = None, ""
        if self.source is not None and self.target is not None:
            try:
                self.plan = plan_chars(
                    self.project.chars,
                    self.source,
                    self.target,
                    validation=self.trainSetting("validation", 0.1),
                    seed=self.trainSetting("seed", 0),
                )
            except FontAssistError as e:
                self.plan_error = str(e)
        self.planChanged.emit()

    # -- projects --------------------------------------------------------------------------------
    def replaceProject(self, project: Project) -> dict[str, str]:
        """Use ``project``; returns the errors of fonts that could not be opened (those stay unset), by role."""
        errors: dict[str, str] = {}
        fonts: dict[str, FontFile | None] = {"source": None, "target": None}
        for role in ROLES:
            choice: FontChoice | None = getattr(project, role)
            if choice is None:
                continue
            try:
                fonts[role] = open_font(choice.path, choice.face)
            except FontAssistError as e:
                errors[role] = str(e)
        self.project = project
        self.fonts = fonts
        self.font_errors = errors
        self._modified = False
        self.modifiedChanged.emit(False)
        self.projectReplaced.emit()
        self.fontsChanged.emit()
        self.replan()
        return errors
