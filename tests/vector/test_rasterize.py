"""Filling outlines into rasters: pixel-centre sampling, non-zero winding, coverage."""

import numpy as np
from fontTools.pens.recordingPen import RecordingPen

from fontassist.fonts.emframe import EmFrame
from fontassist.vector import iou, outline_coverage, outline_mask

FRAME = EmFrame(upm=1000, bottom=0, size=100)  # 10 font units per pixel, y = 1000 at the top


def _rect(pen, x0, y0, x1, y1, clockwise=True):
    corners = [(x0, y0), (x0, y1), (x1, y1), (x1, y0)]
    if not clockwise:
        corners.reverse()
    pen.moveTo(corners[0])
    for p in corners[1:]:
        pen.lineTo(p)
    pen.closePath()


def test_square_covers_the_pixels_whose_centres_it_contains():
    pen = RecordingPen()
    _rect(pen, 100, 500, 300, 800)  # pixels x 10..29, rows 20..49
    mask = outline_mask(pen.replay, FRAME)
    expected = np.zeros((100, 100), bool)
    expected[20:50, 10:30] = True
    assert np.array_equal(mask, expected)


def test_nonzero_winding_unions_overlaps_and_keeps_holes():
    pen = RecordingPen()
    _rect(pen, 100, 100, 500, 500)
    _rect(pen, 300, 300, 700, 700)  # same direction: overlap stays ink
    _rect(pen, 800, 100, 950, 250)
    _rect(pen, 850, 150, 900, 200, clockwise=False)  # opposite direction: a hole
    mask = outline_mask(pen.replay, FRAME)
    assert mask[60, 40]  # the overlap of the first two squares (x 350, y 400)
    assert not mask[82, 87]  # inside the hole (x 875, y 175)
    assert mask[78, 82]  # the ring around it


def test_coverage_is_fractional_on_edges():
    pen = RecordingPen()
    _rect(pen, 100, 500, 305, 800)  # the right edge at x = 30.5 px
    coverage = outline_coverage(pen.replay, FRAME, oversample=4)
    assert coverage[30, 20] == 255
    assert 100 <= coverage[30, 30] <= 160
    assert coverage[30, 31] == 0


def test_quadratic_curves_are_flattened():
    pen = RecordingPen()
    pen.moveTo((0, 500))
    pen.qCurveTo((0, 1000), (500, 1000))
    pen.qCurveTo((1000, 1000), (1000, 500))
    pen.closePath()
    mask = outline_mask(pen.replay, FRAME)
    assert mask[10, 50] and not mask[2, 5]  # under the arch's top, outside its shoulder


def test_iou():
    a = np.zeros((4, 4), bool)
    b = np.zeros((4, 4), bool)
    assert iou(a, b) == 1.0
    a[:2] = True
    b[1:3] = True
    assert iou(a, b) == 4 / 12
