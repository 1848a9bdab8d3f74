import numpy as np
import pytest

from fontassist.fonts import EmFrame, open_font
from tests.conftest import build_font


@pytest.mark.parametrize(
    "frame",
    [
        EmFrame(1000, -120, 128),
        EmFrame(1000, -120, 256, margin=0.1),
        EmFrame(2048, -483, 64, margin=0.05),
        EmFrame(1000, -120, 97, margin=0.2, left=30),
    ],
)
def test_round_trip_is_exact(frame):
    rng = np.random.default_rng(0)
    px, py = rng.uniform(-10, frame.size + 10, (2, 1000))
    x, y = frame.to_font_units(px, py)
    px2, py2 = frame.to_pixels(x, y)
    assert np.allclose(px, px2, atol=1e-9) and np.allclose(py, py2, atol=1e-9)


def test_em_box_corners():
    frame = EmFrame(1000, -120, 128)
    assert frame.to_pixels(0, 880) == (0, 0)
    assert tuple(map(float, frame.to_pixels(1000, -120))) == (128.0, 128.0)
    margin = EmFrame(1000, -120, 120, margin=0.1)
    assert np.allclose(margin.to_pixels(0, 880), (10, 10))
    assert np.allclose(margin.to_pixels(1000, -120), (110, 110))


def test_fonttools_transforms_agree():
    frame = EmFrame(2048, -483, 100, margin=0.1)
    a, b, c, d, e, f = frame.font_transform()
    x, y = frame.to_font_units(12.5, 40.0)
    assert np.allclose((a * 12.5 + c * 40.0 + e, b * 12.5 + d * 40.0 + f), (x, y))
    a, b, c, d, e, f = frame.pixel_transform()
    assert np.allclose((a * x + c * y + e, b * x + d * y + f), (12.5, 40.0))


def test_invalid_frames():
    with pytest.raises(ValueError):
        EmFrame(0, 0, 64)
    with pytest.raises(ValueError):
        EmFrame(1000, -120, 64, margin=0.6)


def test_other_upm_maps_through_its_own_frame(tmp_path):
    """A 2048-UPM font (like DejaVu Sans) and a 1000-UPM font drawing the same shape in em fractions render alike."""
    big = open_font(
        build_font(tmp_path / "big.ttf", upm=2048, descender=-483, glyphs={"A": (205, 0, 1024, 1434)})
    )
    small = open_font(
        build_font(tmp_path / "small.ttf", upm=1000, descender=-236, glyphs={"A": (100, 0, 500, 700)})
    )
    assert big.frame(64).scale * 2048 == pytest.approx(64)
    from fontassist.fonts import render

    a = render(big, "A", 64, cache=False).images[0].astype(int)
    b = render(small, "A", 64, cache=False).images[0].astype(int)
    assert abs(a - b).max() <= 16
