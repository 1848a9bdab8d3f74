"""The job protocol (fontassist.jobs): one progress signature, one cancel token, one way a cancelled job ends."""

from __future__ import annotations

import pytest

from fontassist import resources
from fontassist.errors import FontAssistError
from fontassist.fonts import EmFrame, named_charset, open_font, render
from fontassist.jobs import CancelToken, JobCancelled, check_cancel, part_of, report
from fontassist.pipeline import write_glyph_files
from tests.cancelling import CancelAfter


def test_token_check_and_the_one_exception():
    token = CancelToken()
    token.check()
    check_cancel(None)
    token.cancel()
    assert token.cancelled
    with pytest.raises(JobCancelled, match="Stopped here") as raised:
        check_cancel(token, "Stopped here.")
    assert isinstance(raised.value, FontAssistError)  # front ends print it as one line


def test_part_of_counts_on_from_an_offset():
    calls = []
    part = part_of(lambda *call: calls.append(call), 10, 30, "Drawing")
    report(part, 5, 20, "Generating")
    report(None, 1, 2, "ignored")
    assert calls == [(15, 30, "Drawing")] and part_of(None, 0, 1) is None


def test_rendering_reports_and_cancels():
    font = open_font(resources.DEMO_SOURCE)
    chars = [c for c in named_charset("tw-edu-4808") if font.has(c)][:300]
    calls = []
    render(font, chars, 16, cache=False, progress=lambda *call: calls.append(call))
    assert calls[0] == (0, 300, "Rendering glyphs") and calls[-1] == (300, 300, "Rendering glyphs")
    with pytest.raises(JobCancelled, match="Rendering was cancelled"):
        render(font, chars, 16, cache=False, cancel=CancelAfter(1))


def test_svg_glyph_files_cancel_keeps_what_was_written(tmp_path):
    import numpy as np

    images = np.zeros((3, 32, 32), np.uint8)
    images[:, 8:24, 8:24] = 255
    frame = EmFrame(upm=1000, bottom=-120, size=32)
    # The token is read once before the chunk is traced, then before each file is written.
    with pytest.raises(JobCancelled, match="the 2 SVG files written so far"):
        write_glyph_files(images, list("一二三"), frame, tmp_path, "svg", cancel=CancelAfter(3))
    assert len(list(tmp_path.glob("*.svg"))) == 2
