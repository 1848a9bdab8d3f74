import numpy as np
import pytest
import torch

from fontassist.data import GlyphPairs
from fontassist.data.dataset import (
    BatchStream,
    GlyphPairDataset,
    JointAugment,
    from_model_range,
    to_model_range,
)
from fontassist.fonts import named_charset, open_font


@pytest.fixture(scope="module")
def pairs(demo_source, demo_target):
    chars = named_charset("tw-edu-4808")[:60]
    return GlyphPairs.build(open_font(demo_source), open_font(demo_target), chars, 32, validation=10, seed=0)


def test_items_are_model_range_tensors(pairs):
    train = GlyphPairDataset(pairs)
    val = GlyphPairDataset.validation(pairs)
    assert len(train) + len(val) == len(pairs.chars) and val.chars == pairs.val_chars
    source, target = train[0]
    assert source.shape == target.shape == (1, 32, 32) and source.dtype == torch.float32
    assert source.min() >= -1 and source.max() <= 1
    assert np.array_equal(from_model_range(source[None]), pairs.source[pairs.train_index[:1]])


def test_range_conversion_round_trips():
    a = np.arange(256, dtype=np.uint8).reshape(1, 16, 16)
    x = to_model_range(a)
    assert x.shape == (1, 1, 16, 16) and x.min() == -1 and x.max() == 1
    assert np.array_equal(from_model_range(x), a)


def test_joint_augmentation_moves_both_alike():
    generator = torch.Generator().manual_seed(0)
    glyph = torch.full((4, 1, 32, 32), -1.0)
    glyph[:, :, 8:24, 12:20] = 1.0
    for augment in (JointAugment(shift=0.1), JointAugment(shift=0.1, scale=0.1)):
        source, target = augment(glyph.clone(), glyph.clone(), generator)
        assert torch.equal(source, target)
        assert not torch.equal(source, glyph)
        assert source.min() >= -1.0001 and source.max() <= 1.0001
    # Whole-pixel shifts keep the ink exactly (no resampling blur) when nothing leaves the frame.
    source, _ = JointAugment(shift=0.05)(glyph.clone(), glyph.clone(), generator)
    assert set(source.unique().tolist()) <= {-1.0, 1.0}
    assert (source == 1).sum(dim=(1, 2, 3)).tolist() == [16 * 8] * 4


def test_stream_covers_each_epoch_and_resumes_exactly(pairs):
    dataset = GlyphPairDataset(pairs)
    stream = BatchStream(dataset, batch_size=7, seed=3, augment=JointAugment(shift=0.05))
    seen = torch.cat([stream._positions() for _ in range(len(dataset) // 7)])
    assert len(set(seen.tolist())) == len(seen)
    state = stream.state_dict()
    after = [stream.next_batch() for _ in range(5)]
    again = BatchStream(dataset, batch_size=7, seed=99, augment=JointAugment(shift=0.05))
    again.load_state_dict(state)
    for (s1, t1), (s2, t2) in zip(after, [again.next_batch() for _ in range(5)], strict=False):
        assert torch.equal(s1, s2) and torch.equal(t1, t2)
    assert again.epoch >= 1
