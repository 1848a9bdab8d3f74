"""Job protocol: how every long job of the core reports progress, is cancelled, and ends when cancelled.

Training, generation, tracing, export, comparison and rendering all take the
same two optional keyword arguments and end a cancel the same way:

- ``progress``: a :data:`Progress` callable, ``progress(done, total, message)``:
  ``done`` of ``total`` units (glyphs, steps, phases), ``message`` what is being
  done ("Tracing", "Adding glyphs"). It is called on the job's own thread; a
  front end forwards it (the app's worker turns it into a queued signal).
  :func:`report` calls it when one was given.
- ``cancel``: a :class:`CancelToken`. Any thread, or a signal handler, calls
  ``token.cancel()``; the job checks it between units of work with
  ``token.check()`` (or :func:`check_cancel` when the token may be None).
- A cancelled job ends in exactly one way: it raises :class:`JobCancelled`
  (a :class:`~fontassist.errors.FontAssistError`) from its next check. It
  returns nothing partial and leaves no partial file; the message says what,
  if anything, was kept (training saves a checkpoint first and names it; a
  batch of PNG/SVG glyph files keeps the files already written).

Training's pause is not part of the protocol: a :class:`~fontassist.train.Trainer`
is an iterator of events, and a caller pauses it by not asking for the next one.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from .errors import FontAssistError

Progress = Callable[[int, int, str], None]
"""``progress(done, total, message)``, called on the job's thread."""


class JobCancelled(FontAssistError):
    """A job stopped because its :class:`CancelToken` was set; ``checkpoint`` names what training saved."""

    def __init__(
        self,
        message: str = "Cancelled.",
        *,
        path: str | os.PathLike | None = None,
        checkpoint: str | os.PathLike | None = None,
    ):
        super().__init__(message, path=path)
        self.checkpoint = checkpoint


class CancelToken:
    """A flag any thread (or a signal handler) sets with :meth:`cancel`; the job reads or checks it."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self, message: str = "Cancelled.") -> None:
        """Raise :class:`JobCancelled` (with ``message``) when the token is set."""
        if self.cancelled:
            raise JobCancelled(message)


def check_cancel(cancel: CancelToken | None, message: str = "Cancelled.") -> None:
    """``cancel.check(message)`` for a token that may be None (no cancel asked for)."""
    if cancel is not None:
        cancel.check(message)


def report(progress: Progress | None, done: int, total: int, message: str = "") -> None:
    """Call ``progress(done, total, message)`` when a progress callback was given."""
    if progress is not None:
        progress(done, total, message)


def part_of(
    progress: Progress | None, offset: int, total: int, message: str | None = None
) -> Progress | None:
    """The progress callback for one part of a larger job: ``done`` counts on from ``offset`` of ``total``.

    ``message`` replaces the part's own messages when given. None stays None.
    """
    if progress is None:
        return None

    def part(done: int, _total: int, own: str) -> None:
        progress(offset + done, total, own if message is None else message)

    return part
