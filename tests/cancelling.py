"""A cancel token for tests that turns itself on after a number of checks, to cancel a job midway."""

from __future__ import annotations

from fontassist.jobs import CancelToken


class CancelAfter(CancelToken):
    """Reads as not cancelled for the first ``checks`` reads, then as cancelled (and stays so)."""

    def __init__(self, checks: int):
        super().__init__()
        self.left = checks
        self.reads = 0

    @property
    def cancelled(self) -> bool:
        self.reads += 1
        if self.left <= 0:
            self.cancel()
        self.left -= 1
        return super().cancelled
