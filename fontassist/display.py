"""Whether a window can open here: one line that says why not, before Qt would abort the process."""

from __future__ import annotations

import os
import sys


def missing_display() -> str | None:
    """Why the desktop app cannot open a window here, in one line, or None when it can.

    On Linux and the BSDs Qt needs an X11 or Wayland display (or QT_QPA_PLATFORM, e.g.
    ``offscreen``); without one it aborts with exit 134 and blames a missing xcb library.
    """
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display found: neither DISPLAY nor WAYLAND_DISPLAY is set, so the desktop app cannot open a "
        "window; use a subcommand (fontassist --help), `fontassist --self-test`, or set QT_QPA_PLATFORM=offscreen."
    )
