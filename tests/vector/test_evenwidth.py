"""Evening out stroke width on the raster: exact distances, an even redraw, round ends."""

import numpy as np
import pytest

from fontassist.vector.evenwidth import distance_to_paper, even_stroke_width, medial_ridge, upsample


def brute_force_distance(ink):
    paper = np.argwhere(~np.pad(ink, 1)) - 1
    out = np.zeros(ink.shape)
    for y, x in np.argwhere(ink):
        out[y, x] = np.sqrt(((paper - (y, x)) ** 2).sum(axis=1).min())
    return out


def test_distances_are_exact_euclidean_ones():
    rng = np.random.default_rng(0)
    ink = rng.random((2, 24, 24)) < 0.7
    got = distance_to_paper(ink, 24)
    for g in range(2):
        np.testing.assert_allclose(got[g], brute_force_distance(ink[g]), atol=1e-9)


def test_the_ridge_of_a_bar_is_its_middle_line():
    ink = np.zeros((1, 32, 64), bool)
    ink[0, 10:21, 5:60] = True  # 11 px tall: the middle row is 15
    ridge, level = medial_ridge(distance_to_paper(ink, 16))
    rows = np.nonzero(level[0].any(axis=1))[0]
    assert rows.tolist() == [15]


def test_upsampling_keeps_pixel_centres():
    raster = np.zeros((1, 8, 8), np.uint8)
    raster[0, 2:6, 2:6] = 255
    up = upsample(raster, 2)
    assert up.shape == (1, 16, 16) and up[0, 4:12, 4:12].min() >= 127 and up[0, 0].max() == 0


def _bar_with_a_swelling():
    raster = np.zeros((1, 64, 64), np.uint8)
    raster[0, 28:36, 6:58] = 255  # 8 px thick
    raster[0, 25:39, 22:42] = 255  # a swelling to 14 px over 20 px in the middle
    return raster


def test_a_swelling_is_evened_out_and_the_shape_kept():
    raster = _bar_with_a_swelling()
    even = even_stroke_width(raster, scale=2)[0] > 0
    thickness = even.sum(axis=0)
    middle, elsewhere = thickness[60:68].max(), np.median(thickness[20:40])
    assert elsewhere == pytest.approx(16, abs=2)  # 8 px at twice the resolution
    assert middle <= 0.8 * 28  # was 14 px: pulled towards the typical width
    original = upsample(raster, 2)[0] >= 127.5
    assert (even & original).sum() / (even | original).sum() > 0.8


def test_an_empty_raster_stays_empty():
    assert not even_stroke_width(np.zeros((2, 16, 16), np.uint8)).any()
