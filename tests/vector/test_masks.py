"""The tests' supersampling rasteriser of outlines (tracer inputs with a supersampler's edges)."""

from fontTools.pens.recordingPen import RecordingPen

from fontassist.fonts.emframe import EmFrame

from .masks import outline_coverage


def test_supersampled_coverage_counts_finer_pixels():
    pen = RecordingPen()
    pen.moveTo((100, 500))
    pen.lineTo((100, 800))
    pen.lineTo((305, 800))  # the right edge at x = 30.5 px
    pen.lineTo((305, 500))
    pen.closePath()
    coverage = outline_coverage(pen.replay, EmFrame(upm=1000, bottom=0, size=100), oversample=4)
    assert coverage[30, 20] == 255 and coverage[30, 30] == 128 and coverage[30, 31] == 0  # 2 of 4 columns
