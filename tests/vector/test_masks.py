"""The tests' supersampling rasteriser of outlines (tracer inputs with a supersampler's edges)."""

from fontTools.pens.recordingPen import RecordingPen

from fontassist.fonts.emframe import EmFrame
from tests.conftest import draw_rect

from .masks import outline_coverage


def test_supersampled_coverage_counts_finer_pixels():
    pen = RecordingPen()
    draw_rect(pen, 100, 500, 305, 800)  # the right edge at x = 30.5 px
    coverage = outline_coverage(pen.replay, EmFrame(upm=1000, bottom=0, size=100), oversample=4)
    assert coverage[30, 20] == 255 and coverage[30, 30] == 128 and coverage[30, 31] == 0  # 2 of 4 columns
