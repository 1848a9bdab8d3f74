import functools

import pytest
from torch import nn

from fontassist.errors import FontAssistError
from fontassist.model import get_norm_layer
from fontassist.model.norms import conv_bias


def test_factories_build_the_named_layers():
    batch = get_norm_layer("batch")(8)
    assert isinstance(batch, nn.BatchNorm2d) and batch.affine and batch.track_running_stats
    instance = get_norm_layer("instance")(8)
    assert isinstance(instance, nn.InstanceNorm2d) and instance.affine and not instance.track_running_stats
    assert instance.num_features == 8
    assert get_norm_layer("none") is None


def test_unknown_name_lists_the_valid_names():
    with pytest.raises(FontAssistError, match="'layer'.*batch, instance, none"):
        get_norm_layer("layer")


def test_conv_bias_only_without_an_affine_shift():
    assert conv_bias(None)
    assert not conv_bias(get_norm_layer("batch"))
    assert not conv_bias(get_norm_layer("instance"))
    assert conv_bias(functools.partial(nn.InstanceNorm2d, affine=False))  # pix2pix's InstanceNorm
