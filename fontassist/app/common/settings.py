"""What the app remembers between sessions: window geometry, last folders, recent projects.

Stored with QSettings under the organisation and application names that
:func:`~fontassist.app.application.create_application` sets, so each OS keeps
them where it keeps such things (registry, plist, ~/.config).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "fontassist"
APPLICATION = "fontassist"
MAX_RECENT = 8


class AppSettings:
    def __init__(self, settings: QSettings | None = None):
        self.qsettings = settings if settings is not None else QSettings()

    def geometry(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"window/{key}", value)

    def last_folder(self, purpose: str) -> str:
        """The folder a file dialog for ``purpose`` ("fonts", "projects", ...) opened last, or home."""
        folder = self.qsettings.value(f"folders/{purpose}", "", type=str)
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def set_last_folder(self, purpose: str, path: str | Path) -> None:
        path = Path(path)
        self.qsettings.setValue(f"folders/{purpose}", str(path if path.is_dir() else path.parent))

    def recent_projects(self) -> list[str]:
        value = self.qsettings.value("projects/recent", [])
        if isinstance(value, str):  # QSettings hands back a one-element list as a plain string
            value = [value]
        return [str(p) for p in value or [] if p]

    def add_recent_project(self, path: str | Path) -> None:
        path = str(Path(path).absolute())
        recent = [path] + [p for p in self.recent_projects() if p != path]
        self.qsettings.setValue("projects/recent", recent[:MAX_RECENT])

    def remove_recent_project(self, path: str | Path) -> None:
        path = str(Path(path).absolute())
        self.qsettings.setValue("projects/recent", [p for p in self.recent_projects() if p != path])

    def clear_recent_projects(self) -> None:
        self.qsettings.setValue("projects/recent", [])

    def sync(self) -> None:
        self.qsettings.sync()
