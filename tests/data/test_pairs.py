import numpy as np
import pytest

from fontassist.data import GlyphPairs, split_indices
from fontassist.errors import FontAssistError
from fontassist.fonts import named_charset, open_font
from tests.conftest import build_font


def test_split_is_deterministic_and_stable():
    chars = named_charset("tw-edu-4808")[:1000]
    train, val = split_indices(chars, 100, seed=3)
    assert len(val) == 100 and len(train) == 900 and not set(train) & set(val)
    again_train, again_val = split_indices(chars, 100, seed=3)
    assert np.array_equal(val, again_val)
    assert not np.array_equal(val, split_indices(chars, 100, seed=4)[1])
    _, frac = split_indices(chars, 0.25, seed=3)
    assert len(frac) == 250


def test_pairs_from_demo_fonts(demo_source, demo_target):
    source, target = open_font(demo_source), open_font(demo_target)
    chars = named_charset("tw-edu-4808")[:200]
    pairs = GlyphPairs.build(source, target, chars, 32, validation=20, seed=0)
    shared = [c for c in chars if target.has(c)]
    assert pairs.chars == shared
    assert pairs.source.shape == pairs.target.shape == (len(shared), 32, 32)
    assert len(pairs.val_chars) == 20 and len(pairs.train_chars) == len(shared) - 20
    assert not np.array_equal(pairs.source, pairs.target)
    assert pairs.source_frame == source.frame(32)


def test_no_shared_characters_is_a_clear_error(tmp_path, demo_source):
    latin = open_font(build_font(tmp_path / "latin.ttf", glyphs={"A": (0, 0, 500, 700)}))
    with pytest.raises(FontAssistError, match="share none of the"):
        GlyphPairs.build(open_font(demo_source), latin, named_charset("tw-edu-4808"), 32)


def test_too_few_shared_characters(demo_source, demo_target):
    with pytest.raises(FontAssistError, match="share only 3"):
        GlyphPairs.build(open_font(demo_source), open_font(demo_target), list("一丁七"), 32)
