import pytest
import torch

from fontassist.model import ModelConfig, build_discriminator

TINY = dict(base_channels=4, max_channels=16, disc_channels=4, attention=())


def images(batch, size, seed=0):
    generator = torch.Generator().manual_seed(seed)
    return torch.rand(batch, 1, size, size, generator=generator) * 2 - 1


@pytest.mark.parametrize(("size", "layers", "patch"), [(64, 3, 6), (128, 3, 14), (256, 3, 30), (384, 4, 22)])
@pytest.mark.parametrize("norm", ["batch", "instance", "none"])
def test_patch_logits_shape(size, layers, patch, norm):
    config = ModelConfig(image_size=size, norm=norm, disc_layers=layers, **TINY)
    model = build_discriminator(config)
    assert config.patch_size == patch
    with torch.no_grad():
        for training in (True, False):
            model.train(training)
            assert model(images(1, size), images(1, size, seed=1)).shape == (1, 1, patch, patch)
            assert model(images(4, size), images(4, size, seed=1)).shape == (4, 1, patch, patch)


def test_judges_the_pair_not_just_the_image():
    torch.manual_seed(0)
    model = build_discriminator(ModelConfig(image_size=64, norm="instance", **TINY)).eval()
    image = images(1, 64)
    with torch.no_grad():
        assert not torch.allclose(model(images(1, 64, seed=1), image), model(images(1, 64, seed=2), image))


@pytest.mark.parametrize("spectral_norm", [False, True])
def test_gradients_reach_every_parameter(spectral_norm):
    torch.manual_seed(0)
    config = ModelConfig(image_size=64, norm="batch", spectral_norm=spectral_norm, num_styles=3, **TINY)
    model = build_discriminator(config)
    model(images(2, 64), images(2, 64, seed=1), style=torch.tensor([1, 2])).square().mean().backward()
    for name, parameter in model.named_parameters():
        assert parameter.grad is not None, name
        assert parameter.grad.abs().sum() > 0, name


def test_spectral_norm_bounds_every_conv_and_replaces_the_norm_layers():
    torch.manual_seed(0)
    model = build_discriminator(ModelConfig(image_size=64, norm="batch", spectral_norm=True, **TINY))
    assert not any(isinstance(m, torch.nn.BatchNorm2d) for m in model.modules())
    convs = [m for m in model.modules() if isinstance(m, torch.nn.Conv2d)]
    assert len(convs) == 5
    with torch.no_grad():
        for _ in range(20):  # power iterations run in training mode
            model(images(2, 64), images(2, 64, seed=1))
    model.eval()
    with torch.no_grad():
        sigmas = [torch.linalg.matrix_norm(conv.weight.flatten(1), ord=2).item() for conv in convs]
    assert sigmas == pytest.approx([1.0] * len(convs), abs=0.05)


def test_style_projection_makes_the_verdict_style_dependent():
    torch.manual_seed(0)
    model = build_discriminator(ModelConfig(image_size=64, num_styles=2, **TINY)).eval()
    source, image = images(1, 64), images(1, 64, seed=1)
    with torch.no_grad():
        assert not torch.allclose(
            model(source, image, torch.tensor([0])), model(source, image, torch.tensor([1]))
        )
    with pytest.raises(ValueError, match="2 styles"):
        model(source, image)


def test_spectral_normalised_weights_are_initialised_too():
    torch.manual_seed(0)
    model = build_discriminator(ModelConfig(image_size=64, spectral_norm=True, **TINY))
    originals = torch.cat(
        [
            m.parametrizations.weight.original.flatten()
            for m in model.modules()
            if isinstance(m, torch.nn.Conv2d)
        ]
    )
    assert originals.std().item() == pytest.approx(0.02, rel=0.1)
