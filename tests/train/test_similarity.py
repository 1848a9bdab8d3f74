import numpy as np
import pytest

from fontassist.train.similarity import format_metrics, glyph_metrics, iou, mean_metrics


def _square(size=32, x0=8, x1=24, y0=8, y1=24):
    a = np.zeros((size, size), np.uint8)
    a[y0:y1, x0:x1] = 255
    return a


def test_identical_glyphs_score_perfectly():
    a = np.stack([_square(), _square(x0=4)])
    m = glyph_metrics(a, a)
    assert np.allclose(m["l1"], 0) and np.allclose(m["ssim"], 1) and np.allclose(m["iou"], 1)


def test_iou_binarises_at_half_ink():
    a = _square()
    b = _square(x0=16, x1=32)  # overlaps half of a
    assert glyph_metrics(a, b)["iou"][0] == pytest.approx(8 * 16 / (24 * 16))
    faint = (a // 2).astype(np.uint8)  # 127: below 50 %
    assert glyph_metrics(faint, a)["iou"][0] == 0
    assert glyph_metrics(np.zeros_like(a), np.zeros_like(a))["iou"][0] == 1


def test_iou_of_one_pair_is_a_float_and_takes_bool_masks():
    a, b = _square(), _square(x0=16, x1=32)
    assert iou(a, b) == pytest.approx(1 / 3) and isinstance(iou(a, b), float)
    assert iou(a >= 128, b >= 128) == pytest.approx(1 / 3)
    assert iou(np.zeros((4, 4), bool), np.zeros((4, 4), bool)) == 1.0
    assert iou(np.stack([a, a]), np.stack([a, b])) == pytest.approx([1, 1 / 3])


def test_l1_and_ssim_order_shapes_by_similarity():
    a = _square()
    near, far = _square(x0=9, x1=25), _square(x0=20, x1=31)
    m = glyph_metrics(np.stack([near, far]), np.stack([a, a]))
    assert m["l1"][0] < m["l1"][1] and m["ssim"][0] > m["ssim"][1]
    assert m["l1"][1] == pytest.approx(np.abs(far.astype(float) - a).mean() / 255)


def test_means_and_formatting():
    a = np.stack([_square(), _square(x0=16, x1=32)])
    means = mean_metrics(glyph_metrics(a, np.stack([_square(), _square()])))
    assert means["iou"] == pytest.approx((1 + 1 / 3) / 2)
    assert format_metrics(means, means).startswith("L1 ")


def test_shapes_must_match():
    with pytest.raises(ValueError):
        glyph_metrics(np.zeros((2, 8, 8), np.uint8), np.zeros((2, 16, 16), np.uint8))
