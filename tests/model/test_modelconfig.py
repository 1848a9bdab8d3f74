import dataclasses
import json

import pytest

from fontassist.errors import FontAssistError
from fontassist.model import ModelConfig


@pytest.mark.parametrize(
    ("size", "depth", "bottleneck"),
    [(64, 6, 1), (96, 5, 3), (128, 7, 1), (256, 8, 1), (384, 7, 3)],
)
def test_depth_follows_from_the_image_size(size, depth, bottleneck):
    config = ModelConfig(image_size=size, attention=())
    assert config.depth == depth
    assert config.bottleneck_size == bottleneck
    assert config.feature_sizes[0] == size // 2
    assert config.encoding_dim == config.channels[-1] * bottleneck**2


def test_min_bottleneck_stops_the_halving_early():
    config = ModelConfig(image_size=128, min_bottleneck=4, attention=())
    assert config.feature_sizes == (64, 32, 16, 8, 4)


def test_channels_double_up_to_the_cap():
    config = ModelConfig(image_size=128, base_channels=32, max_channels=256)
    assert config.channels == (32, 64, 128, 256, 256, 256, 256)


@pytest.mark.parametrize("size", [80, 100, 320, 127, 2, 0, -64])
def test_an_unusable_image_size_is_a_clear_error(size):
    with pytest.raises(FontAssistError, match=rf"Image size {size} cannot be used.*such as 64"):
        ModelConfig(image_size=size, attention=())


def test_an_unknown_norm_lists_the_valid_ones():
    with pytest.raises(FontAssistError, match="Unknown normalization 'group'.*batch, instance, none"):
        ModelConfig(norm="group")


def test_attention_must_sit_on_an_existing_feature_map():
    with pytest.raises(
        FontAssistError, match=r"Self-attention at 16 px .* image size 384.*Choose from 192, 96"
    ):
        ModelConfig(image_size=384, attention=(16,))
    with pytest.raises(FontAssistError, match="twice"):
        ModelConfig(attention=(16, 16))


def test_attention_given_as_a_list_becomes_a_tuple():
    config = ModelConfig(attention=[16, 32])
    assert config.attention == (16, 32)
    assert hash(config) == hash(ModelConfig(attention=(16, 32)))


@pytest.mark.parametrize(
    ("field", "value", "pattern"),
    [
        ("base_channels", 0, "at least 1"),
        ("max_channels", 16, "below base_channels"),
        ("dropout", 1.0, "below 1"),
        ("num_styles", -1, "0 \\(no style embedding\\)"),
        ("disc_layers", 6, "at most 5 layers"),
        ("image_size", 128.0, "wrong type"),
        ("spectral_norm", 1, "wrong type"),
        ("attention", ("16",), "wrong type"),
        ("base_channels", True, "wrong type"),
    ],
)
def test_bad_values_are_clear_errors(field, value, pattern):
    with pytest.raises(FontAssistError, match=pattern):
        ModelConfig(**{field: value})


def test_json_round_trip_gives_an_equal_config():
    config = ModelConfig(
        image_size=64, norm="batch", attention=(16, 8), num_styles=3, dropout=0.5, spectral_norm=True
    )
    data = json.loads(json.dumps(config.to_dict()))
    assert "feature_sizes" not in data
    restored = ModelConfig.from_dict(data)
    assert restored == config
    assert restored.attention == (16, 8)


def test_from_dict_fills_missing_fields_with_defaults():
    assert ModelConfig.from_dict({"image_size": 64}) == ModelConfig(image_size=64)


def test_from_dict_rejects_unknown_fields():
    with pytest.raises(FontAssistError, match="unknown field.*'depth_multiplier'.*Known fields"):
        ModelConfig.from_dict({"image_size": 64, "depth_multiplier": 2})
    with pytest.raises(FontAssistError, match="must be a mapping"):
        ModelConfig.from_dict([("image_size", 64)])


def test_replace_recomputes_the_derived_sizes():
    config = dataclasses.replace(ModelConfig(image_size=64), image_size=256)
    assert config.depth == 8 and config == ModelConfig(image_size=256)
