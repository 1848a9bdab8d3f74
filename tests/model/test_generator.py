import pytest
import torch
from torch import nn

from fontassist.model import ModelConfig, build_generator
from fontassist.model.attention import SelfAttention

# Tiny widths keep 384 px fast on CPU; the architecture is the same at any width.
TINY = dict(base_channels=4, max_channels=16)
# Per size: no attention, and attention on two feature maps (384 has no 16 px map).
ATTENTION = {64: (16, 8), 128: (16, 32), 256: (16, 32), 384: (12, 24)}


def images(batch, size, seed=0):
    generator = torch.Generator().manual_seed(seed)
    return torch.rand(batch, 1, size, size, generator=generator) * 2 - 1


@pytest.mark.parametrize("size", [64, 128, 256, 384])
@pytest.mark.parametrize("norm", ["batch", "instance", "none"])
@pytest.mark.parametrize("with_attention", [False, True], ids=["plain", "attention"])
def test_output_shape_and_range(size, norm, with_attention):
    torch.manual_seed(0)
    config = ModelConfig(
        image_size=size, norm=norm, attention=ATTENTION[size] if with_attention else (), **TINY
    )
    model = build_generator(config)
    assert sum(isinstance(m, SelfAttention) for m in model.modules()) == len(config.attention)
    with torch.no_grad():
        for training, batch in ((True, 1), (True, 16), (False, 1), (False, 16)):
            model.train(training)
            out = model(images(batch, size))
            assert out.shape == (batch, 1, size, size)
            assert out.dtype == torch.float32
            assert out.abs().max() <= 1.0
            assert out.std() > 0


def test_input_of_the_wrong_size_is_refused():
    model = build_generator(ModelConfig(image_size=64, attention=(), **TINY))
    with pytest.raises(ValueError, match=r"N x 1 x 64 x 64 images, not \(2, 1, 32, 32\)"):
        model(images(2, 32))


def test_no_norm_on_the_outermost_and_bottleneck_down_paths():
    model = build_generator(ModelConfig(image_size=64, norm="instance", attention=(), **TINY))
    norms = [any(isinstance(m, nn.InstanceNorm2d) for m in down) for down in model.down]
    assert norms == [False, True, True, True, True, False]
    assert not any(isinstance(m, nn.InstanceNorm2d) for m in model.up[0])
    assert all(any(isinstance(m, nn.InstanceNorm2d) for m in up) for up in model.up[1:])
    assert isinstance(model.up[0][-1], nn.Tanh)


def test_conv_bias_only_where_no_norm_shifts():
    model = build_generator(ModelConfig(image_size=64, norm="batch", attention=(), **TINY))
    for block in list(model.down) + list(model.up):
        convs = [m for m in block if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d))]
        has_norm = any(isinstance(m, nn.BatchNorm2d) for m in block)
        assert (convs[0].bias is None) == has_norm
    plain = build_generator(ModelConfig(image_size=64, norm="none", attention=(), **TINY))
    assert all(m.bias is not None for m in plain.modules() if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)))


def test_batch_norm_eval_uses_running_statistics():
    torch.manual_seed(0)
    model = build_generator(ModelConfig(image_size=64, norm="batch", attention=(16,), **TINY))
    x = images(4, 64)
    running_mean = model.down[1][2].running_mean.clone()
    with torch.no_grad():
        model.train()
        train_out = model(x)
        train_first = model(x[:1])
        assert not torch.equal(model.down[1][2].running_mean, running_mean)
        model.eval()
        eval_out = model(x)
        eval_first = model(x[:1])
    # Training normalises with the batch's statistics, so a sample depends on its batch mates ...
    assert not torch.allclose(train_out[:1], train_first, atol=1e-4)
    # ... eval normalises with the running averages, so it does not, and it differs from training.
    torch.testing.assert_close(eval_out[:1], eval_first, rtol=1e-4, atol=1e-5)
    assert not torch.allclose(eval_out, train_out, atol=1e-4)


def test_instance_norm_normalises_each_sample_on_its_own():
    torch.manual_seed(0)
    model = build_generator(ModelConfig(image_size=64, norm="instance", attention=(16,), **TINY))
    x = images(4, 64)
    with torch.no_grad():
        model.train()
        train_out = model(x)
        train_first = model(x[:1])
        model.eval()
        eval_out = model(x)
    torch.testing.assert_close(train_out[:1], train_first, rtol=1e-4, atol=1e-5)
    torch.testing.assert_close(eval_out, train_out, rtol=1e-4, atol=1e-5)
    assert not any(buffer.numel() for buffer in model.buffers())


@pytest.mark.parametrize("norm", ["batch", "instance", "none"])
def test_gradients_reach_every_parameter(norm):
    torch.manual_seed(0)
    config = ModelConfig(
        image_size=64, norm=norm, attention=(16, 4), num_styles=3, style_dim=4, dropout=0.5, **TINY
    )
    model = build_generator(config)
    # gamma = 0 makes attention the identity, which blocks the gradient to its query/key/value convs.
    with torch.no_grad():
        for layer in model.modules():
            if isinstance(layer, SelfAttention):
                layer.gamma.fill_(0.5)
    x = images(2, 64)
    out = model(x, style=torch.tensor([0, 2]))
    (out - images(2, 64, seed=1)).abs().mean().backward()
    for name, parameter in model.named_parameters():
        assert parameter.grad is not None, name
        assert parameter.grad.abs().sum() > 0, name


def test_gamma_learns_from_zero():
    torch.manual_seed(0)
    model = build_generator(ModelConfig(image_size=64, attention=(16,), **TINY))
    model(images(2, 64)).sum().backward()
    gamma = next(m.gamma for m in model.modules() if isinstance(m, SelfAttention))
    assert gamma.item() == 0.0 and gamma.grad.abs() > 0


def test_style_changes_the_output_and_is_required_when_configured():
    torch.manual_seed(0)
    model = build_generator(
        ModelConfig(image_size=64, attention=(), num_styles=2, style_dim=4, **TINY)
    ).eval()
    x = images(1, 64)
    with torch.no_grad():
        assert not torch.allclose(model(x, torch.tensor([0])), model(x, torch.tensor([1])))
    with pytest.raises(ValueError, match="2 styles"):
        model(x)
    single = build_generator(ModelConfig(image_size=64, attention=(), **TINY))
    with pytest.raises(ValueError, match="no style embedding"):
        single(x, torch.tensor([0]))


def test_dropout_sits_on_the_three_innermost_up_paths():
    model = build_generator(ModelConfig(image_size=64, attention=(), dropout=0.5, **TINY))
    with_dropout = [any(isinstance(m, nn.Dropout) for m in up) for up in model.up]
    assert with_dropout == [False, False, False, True, True, True]
    x = images(2, 64)
    model.eval()
    with torch.no_grad():
        assert torch.equal(model(x), model(x))


@pytest.mark.parametrize(("size", "min_bottleneck", "bottleneck"), [(64, 1, 1), (384, 1, 3), (128, 4, 4)])
def test_encode_returns_the_flat_bottleneck(size, min_bottleneck, bottleneck):
    config = ModelConfig(image_size=size, min_bottleneck=min_bottleneck, attention=(), **TINY)
    model = build_generator(config)
    code = model.encode(images(3, size))
    assert code.shape == (3, config.encoding_dim) == (3, 16 * bottleneck**2)
    assert model(images(3, size)).shape == (3, 1, size, size)


def test_without_norm_layers_activations_keep_their_scale():
    """N(0, 0.02) weights with no norm to rescale them shrink the signal level by level until the
    U-Net only learns blank paper; norm="none" models are He-initialised instead."""
    torch.manual_seed(0)
    x = torch.rand(4, 1, 64, 64) * 2 - 1
    for norm in ("none", "instance"):
        generator = build_generator(ModelConfig(image_size=64, base_channels=8, max_channels=32, norm=norm))
        assert generator.encode(x).std() > 0.05, norm
