import numpy as np
import pytest
import torch

from fontassist import resources
from fontassist.errors import FontAssistError
from fontassist.fonts import open_font, render
from fontassist.model.upscaler import GlyphUpscaler, UpscalerConfig
from fontassist.train import upscale
from fontassist.train.upscale import Upscaler, UpscalerTraining, bicubic, training_glyphs, upscaler_for

TINY = UpscalerTraining(steps=3, batch=2, crop=8, glyphs=12)
SMALL = UpscalerConfig(factor=4, channels=4, blocks=1)


@pytest.fixture(autouse=True)
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def target():
    return open_font(resources.DEMO_TARGET)


def test_a_fresh_upscaler_is_bicubic_and_keeps_the_em_frame():
    model = GlyphUpscaler(SMALL).eval()
    images = np.zeros((2, 16, 16), np.uint8)
    images[:, 4:12, 6:9] = 255
    up = Upscaler(model, 16, 0.0, "hash")
    out = up.upscale(images)
    assert out.shape == (2, 64, 64)
    assert np.array_equal(out, bicubic(images, 4))  # the correction starts at zero
    frame = open_font(resources.DEMO_TARGET).frame(16)
    big = up.frame(frame)
    assert (big.size, big.upm, big.bottom, big.margin) == (64, frame.upm, frame.bottom, frame.margin)


def test_upscaled_glyphs_do_not_depend_on_the_batch(target):
    """The upscaler runs a few glyphs a call (less fresh memory); what it draws is the same in any batch."""
    torch.manual_seed(0)
    model = GlyphUpscaler(SMALL).eval()
    torch.nn.init.normal_(model.tail.weight, std=0.3)  # a correction that is not zero
    up = Upscaler(model, 16, 0.0, "hash")
    images = render(target, "永東國一二三日", 16).images
    one_call = up.upscale(images, batch_size=len(images))
    assert not np.array_equal(one_call, bicubic(images, 4))
    for batch in (1, 3, upscale.UPSCALE_BATCH):
        assert np.array_equal(up.upscale(images, batch_size=batch), one_call)
    calls = []
    up.upscale(images, batch_size=4, progress=lambda *call: calls.append(call))
    assert calls == [(4, 7, "Enlarging"), (7, 7, "Enlarging")]


def test_pixel_shuffle_is_torchs():
    """The upscaler's own pixel shuffle (quicker on a CPU) puts every value where torch's does."""
    from fontassist.model.upscaler import _PixelShuffle2

    for shape in [(3, 32, 5, 7), (2, 16, 64, 64)]:
        x = torch.randn(*shape)
        assert torch.equal(_PixelShuffle2()(x), torch.nn.functional.pixel_shuffle(x, 2))
        channels_last = x.contiguous(memory_format=torch.channels_last)
        assert torch.equal(_PixelShuffle2()(channels_last), torch.nn.functional.pixel_shuffle(x, 2))


def test_training_glyphs_leave_out_the_excluded_and_the_held_out(target):
    excluded = "永東國"
    train, held = training_glyphs(target, excluded, 50)
    assert len(train) == 50 and len(held) == upscale.HELD_OUT
    assert not set(train) & set(excluded) and not set(held) & set(excluded) and not set(train) & set(held)
    assert training_glyphs(target, excluded, 50) == (train, held)  # deterministic


def test_upscaler_is_trained_once_per_font_and_then_read_from_the_cache(target, monkeypatch):
    first = upscaler_for(target, 16, exclude="永", config=SMALL, training=TINY)
    assert first.size == 16 and first.factor == 4 and first.font_hash == target.content_hash
    assert set(first.metrics) >= {"iou", "bicubic_iou", "glyphs"}

    def no_training(*args, **kwargs):
        raise AssertionError("trained again instead of reading the cache")

    monkeypatch.setattr(upscale, "training_steps", no_training)
    again = upscaler_for(target, 16, exclude="永", config=SMALL, training=TINY)
    for a, b in zip(first.model.state_dict().values(), again.model.state_dict().values(), strict=True):
        assert torch.allclose(a.half().float(), b)
    with pytest.raises(AssertionError, match="trained again"):  # other excluded characters: another upscaler
        upscaler_for(target, 16, exclude="東", config=SMALL, training=TINY)


def test_payload_round_trip_and_size_check(target):
    up = upscale.upscaler_for(target, 16, config=SMALL, training=TINY, cache=False)
    loaded = Upscaler.from_payload(up.to_payload())
    images = render(target, "永東", 16).images
    assert np.abs(loaded.upscale(images).astype(int) - up.upscale(images).astype(int)).max() <= 2
    with pytest.raises(FontAssistError, match="16 px glyphs, not 32 px"):
        loaded.upscale(render(target, "永", 32).images)
    with pytest.raises(FontAssistError, match="not a fontassist upscaler"):
        Upscaler.from_payload({"format": "something else"})


def test_cancel_ends_the_job_the_protocol_way(target):
    from fontassist.jobs import CancelToken, JobCancelled

    token = CancelToken()
    token.cancel()
    with pytest.raises(JobCancelled, match="upscaler was cancelled"):
        upscale.upscaler_for(target, 16, config=SMALL, training=TINY, cache=False, cancel=token)


def test_training_reports_each_step_to_the_progress_callback(target):
    seen = []
    upscale.upscaler_for(
        target, 16, config=SMALL, training=TINY, cache=False, progress=lambda *a: seen.append(a)
    )
    assert seen == [(step, TINY.steps, "Training the upscaler") for step in range(1, TINY.steps + 1)]
