"""The one exception type the whole package raises for problems a user can fix."""

from __future__ import annotations

import os


class FontAssistError(Exception):
    """A problem with the user's input or environment, worded for the user.

    ``str(error)`` is a complete sentence (or two) that says what is wrong, with
    which file, and what to do about it. Front ends print it as is, without a
    traceback; anything that is *not* a FontAssistError is a bug in fontassist.
    """

    def __init__(self, message: str, *, path: str | os.PathLike | None = None, hint: str | None = None):
        self.path = os.fspath(path) if path is not None else None
        self.hint = hint
        text = message
        if self.path is not None and self.path not in message:
            text = f"{self.path}: {message}"
        if hint:
            text = f"{text} {hint}"
        super().__init__(text)
