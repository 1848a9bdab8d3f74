"""Evening out stroke width on the raster: exact distances, edges moved within the ramp, round ends."""

from pathlib import Path

import numpy as np

from fontassist.vector.evenwidth import _doubled, distance_to_paper, even_stroke_width, medial_ridge, upsample


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
        np.testing.assert_allclose(got[g], brute_force_distance(ink[g]), atol=1e-5)


def test_the_ridge_of_a_bar_is_its_middle_line():
    ink = np.zeros((1, 32, 64), bool)
    ink[0, 10:21, 5:60] = True  # 11 px tall: the middle row is 15
    ridge, level = medial_ridge(distance_to_paper(ink, 16))
    rows = np.nonzero(level[0].any(axis=1))[0]
    assert rows.tolist() == [15]


def test_upsampling_is_bilinear_up_to_the_border():
    ramp = np.arange(12, dtype=np.float32).reshape(1, 3, 4)
    up = upsample(ramp, 2)
    assert up[0, 0].tolist() == [0.0, 0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3.0]  # edge values clamped
    np.testing.assert_allclose(_doubled(ramp), up)


def test_doubling_is_exactly_three_quarters_own_plus_a_quarter_neighbour_in_float32():
    # The evened rasters depend on these bits: pin the arithmetic, one size at a time.
    rng = np.random.default_rng(1)
    for shape in [(2, 5, 7), (1, 1, 1), (3, 2, 3)]:
        values = (rng.standard_normal(shape) * 40).astype(np.float32)
        expected = values
        for axis in (1, 2):
            n = expected.shape[axis]
            before = np.take(expected, [0] + list(range(n - 1)), axis=axis)
            after = np.take(expected, list(range(1, n)) + [n - 1], axis=axis)
            even, odd = 0.75 * expected + 0.25 * before, 0.75 * expected + 0.25 * after
            expected = np.stack([even, odd], axis=axis + 1).reshape(
                *expected.shape[:axis], 2 * n, *expected.shape[axis + 1 :]
            )
        got = _doubled(values)
        assert got.dtype == np.float32 and got.shape == expected.shape
        assert np.array_equal(got, expected)


def test_upsampling_keeps_pixel_centres():
    raster = np.zeros((1, 8, 8), np.uint8)
    raster[0, 2:6, 2:6] = 255
    up = upsample(raster, 2)
    assert up.shape == (1, 16, 16) and up[0, 4:12, 4:12].min() >= 127 and up[0, 0].max() == 0


def _anti_aliased(ink: np.ndarray) -> np.ndarray:
    """A binary drawing as the upscaler draws it: an edge ramp about 5 px wide (box blur)."""
    f = np.pad(ink.astype(float), 2)
    for axis in (0, 1):
        f = sum(np.roll(f, d, axis=axis) for d in range(-2, 3)) / 5.0
    return np.round(255 * f[2:-2, 2:-2]).astype(np.uint8)[None]


def _thickness(raster: np.ndarray) -> np.ndarray:
    """Ink pixels (at half coverage) in each column."""
    return (raster[0] >= 128).sum(axis=0)


def _bar(top: int, bottom: int, swelling: float = 0.0) -> np.ndarray:
    """A horizontal bar; ``swelling`` > 0 adds a round bulge of that radius (px) in its middle,
    < 0 a round waist pinching it to that much less than its thickness."""
    y, x = np.mgrid[:256, :256]
    ink = (y >= top) & (y < bottom) & (x >= 30) & (x < 226)
    middle = (top + bottom - 1) / 2
    if swelling > 0:
        ink |= np.hypot(y - middle, (x - 125) / 2.5) < swelling
    elif swelling < 0:
        ink &= np.abs(y - middle) + np.clip(-swelling - np.abs(x - 125) / 4, 0, None) / 2 < (bottom - top) / 2
    return _anti_aliased(ink)


def test_the_glyph_keeps_its_size_and_an_even_bar_its_edges():
    raster = _bar(120, 136)  # 16 px thick
    even = even_stroke_width(raster)
    assert even.shape == raster.shape
    assert (even[0, :, 40:216] >= 128).sum(axis=0).tolist() == (raster[0, :, 40:216] >= 128).sum(
        axis=0
    ).tolist()
    assert np.abs(even[0, :, 40:216].astype(int) - raster[0, :, 40:216]).max() <= 40


def test_a_swelling_is_evened_out_along_a_straight_edge():
    raster = _bar(120, 136, swelling=14)  # 28 px thick in the middle
    assert _thickness(raster)[125] == 28
    thick = _thickness(even_stroke_width(raster))
    assert np.median(thick[40:80]) == 16
    assert thick[110:140].max() <= 24  # was 28: pulled towards 16 (edges move at most about 2 px)
    # Smoothly: no column of the evened swelling differs from its neighbour by more than 2 px.
    assert np.abs(np.diff(thick[60:190])).max() <= 2


def test_a_thin_spot_fills_out():
    raster = _bar(120, 136, swelling=-6)  # 10 px thin in the middle
    assert _thickness(raster)[125] == 10
    thick = _thickness(even_stroke_width(raster))
    assert thick[120:130].min() >= 13


def test_square_stroke_ends_come_out_round():
    raster = _bar(120, 136)
    even = even_stroke_width(raster)[0] >= 128
    assert not even[121, 30] and not even[134, 30]  # the end's corners are cut
    assert even[128, 31]  # its middle stays


def test_an_empty_raster_stays_empty():
    assert not even_stroke_width(np.zeros((2, 64, 64), np.uint8)).any()


def test_a_glyph_is_evened_the_same_alone_or_beside_a_bolder_one():
    # The export evens glyphs in batches, the Review detail one at a time: the same raster must
    # give the same outline either way.
    thin = _bar(120, 136, swelling=14)
    bold = _bar(110, 140)  # 30 px thick: a much larger typical width
    alone = even_stroke_width(thin)
    together = even_stroke_width(np.concatenate([bold, thin]))
    np.testing.assert_array_equal(together[1], alone[0])


def test_a_drawn_glyph_is_evened_the_same_alone_or_in_a_batch():
    # 冀 as the demo model draws it (upscaled to 256 px): its strokes are thin, so its discs reach
    # less far than a bar's; a search as far as the batch's widest disc cut it otherwise.
    from PIL import Image

    ji = np.asarray(Image.open(Path(__file__).parent / "data" / "ji-demo-model-256.png"))[None]
    alone = even_stroke_width(ji)
    together = even_stroke_width(np.concatenate([_bar(110, 140), ji]))
    np.testing.assert_array_equal(together[1], alone[0])


def test_full_resolution_chunks_give_the_same_rasters_as_one_pass(monkeypatch):
    # The last, full-resolution step runs a few glyphs at a time: how many may not change a pixel.
    import fontassist.vector.evenwidth as evenwidth

    rasters = np.concatenate([_bar(120, 136, swelling=14), _bar(110, 140), _bar(122, 132, swelling=-4)] * 4)
    rasters[5] = 0  # an empty glyph among them
    monkeypatch.setattr(evenwidth, "_CHUNK", len(rasters))
    one_pass = even_stroke_width(rasters)
    for chunk in (1, 5):
        monkeypatch.setattr(evenwidth, "_CHUNK", chunk)
        np.testing.assert_array_equal(even_stroke_width(rasters), one_pass)
