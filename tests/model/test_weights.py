import json
import re

import pytest
import torch
from torch import nn

from fontassist.errors import FontAssistError
from fontassist.model import (
    ModelConfig,
    build_discriminator,
    build_generator,
    init_weights,
    load_discriminator_state,
    load_generator_state,
)
from fontassist.model.attention import SelfAttention

CONFIG = ModelConfig(
    image_size=64,
    base_channels=4,
    max_channels=16,
    disc_channels=4,
    norm="batch",
    attention=(16,),
    num_styles=2,
    style_dim=4,
)


def test_init_is_normal_with_std_002():
    torch.manual_seed(0)
    model = build_generator(ModelConfig(image_size=64, base_channels=32, max_channels=64, attention=(16,)))
    weights = torch.cat(
        [m.weight.flatten() for m in model.modules() if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d))]
    )
    assert weights.mean().item() == pytest.approx(0.0, abs=1e-3)
    assert weights.std().item() == pytest.approx(0.02, rel=0.02)
    scales = torch.cat([m.weight for m in model.modules() if isinstance(m, nn.InstanceNorm2d)])
    assert scales.mean().item() == pytest.approx(1.0, abs=0.01)
    assert all(m.bias is None or not m.bias.any() for m in model.modules() if isinstance(m, nn.Conv2d))
    assert all(m.gamma.item() == 0 for m in model.modules() if isinstance(m, SelfAttention))


def test_init_weights_returns_the_module():
    layer = nn.Conv2d(2, 2, 3)
    assert init_weights(layer) is layer


def test_config_round_trip_rebuilds_a_model_that_loads_strictly():
    torch.manual_seed(0)
    generator = build_generator(CONFIG)
    discriminator = build_discriminator(CONFIG)
    generator(torch.rand(2, 1, 64, 64), torch.tensor([0, 1]))  # moves the BatchNorm running statistics
    saved = json.loads(json.dumps(CONFIG.to_dict()))

    restored = load_generator_state(saved, generator.state_dict())
    assert restored.config == CONFIG
    x = torch.rand(2, 1, 64, 64) * 2 - 1
    style = torch.tensor([1, 0])
    with torch.no_grad():
        assert torch.equal(restored.eval()(x, style), generator.eval()(x, style))
    restored_d = load_discriminator_state(ModelConfig.from_dict(saved), discriminator.state_dict())
    with torch.no_grad():
        assert torch.equal(restored_d.eval()(x, x, style), discriminator.eval()(x, x, style))


def test_build_is_reproducible_under_a_seed():
    torch.manual_seed(3)
    first = build_generator(CONFIG).state_dict()
    torch.manual_seed(3)
    second = build_generator(CONFIG).state_dict()
    assert first.keys() == second.keys()
    assert all(torch.equal(first[key], second[key]) for key in first)


@pytest.mark.parametrize(
    ("other", "pattern"),
    [
        (
            dict(base_channels=8, max_channels=32),
            r"of the wrong shape \(down\.0\.0\.weight \(8x1x4x4 saved, 4x1x4x4 expected\)",
        ),
        (dict(attention=()), r"7 missing \(down\.1\.3\.gamma, down\.1\.3\.query\.weight, .* and 4 more\)\."),
        (dict(norm="instance"), r"27 missing \(down\.1\.2\.running_mean"),
        (dict(image_size=128), r"20 unexpected \(down\.2\.3\.gamma.*1 of the wrong shape \(up\.5\.1\.weight"),
    ],
)
def test_a_state_dict_from_another_config_is_rejected_clearly(other, pattern):
    foreign = build_generator(ModelConfig(**{**CONFIG.to_dict(), "attention": (16,), **other})).state_dict()
    with pytest.raises(FontAssistError, match="do not fit the model") as error:
        load_generator_state(CONFIG, foreign, path="run/last.pt")
    assert re.search(pattern, str(error.value)), str(error.value)
    assert str(error.value).startswith("run/last.pt: ")


def test_a_single_extra_or_missing_key_is_enough_to_refuse():
    state = build_generator(CONFIG).state_dict()
    extra = {**state, "extra.weight": torch.zeros(1)}
    with pytest.raises(FontAssistError, match=r"1 unexpected \(extra\.weight\)"):
        load_generator_state(CONFIG, extra)
    missing = dict(state)
    del missing["up.0.1.bias"]
    with pytest.raises(FontAssistError, match=r"1 missing \(up\.0\.1\.bias\)"):
        load_generator_state(CONFIG, missing)
    with pytest.raises(FontAssistError, match="not a mapping"):
        load_generator_state(CONFIG, [1, 2])
