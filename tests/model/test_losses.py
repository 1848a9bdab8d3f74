import pytest
import torch

from fontassist.errors import FontAssistError
from fontassist.model import ModelConfig, build_generator
from fontassist.model.losses import adversarial_loss, constant_loss, l1_loss

LOGITS = torch.tensor([[-2.0, -0.5], [0.5, 2.0]])


def test_l1_is_the_mean_absolute_difference():
    assert l1_loss(torch.zeros(2, 2), torch.tensor([[1.0, -1.0], [0.5, 0.5]])).item() == pytest.approx(0.75)


def test_lsgan_is_the_squared_distance_to_the_target():
    assert adversarial_loss("lsgan", LOGITS, True, True).item() == pytest.approx((9 + 2.25 + 0.25 + 1) / 4)
    assert adversarial_loss("lsgan", LOGITS, False, True).item() == pytest.approx((4 + 0.25 + 0.25 + 4) / 4)
    assert (
        adversarial_loss("lsgan", LOGITS, True, False).item()
        == adversarial_loss("lsgan", LOGITS, True, True).item()
    )


def test_hinge_for_each_network():
    assert adversarial_loss("hinge", LOGITS, True, True).item() == pytest.approx((3 + 1.5 + 0.5 + 0) / 4)
    assert adversarial_loss("hinge", LOGITS, False, True).item() == pytest.approx((0 + 0.5 + 1.5 + 3) / 4)
    assert adversarial_loss("hinge", LOGITS + 1, True, False).item() == pytest.approx(-1.0)
    with pytest.raises(ValueError, match="target_is_real=True"):
        adversarial_loss("hinge", LOGITS, False, False)


def test_vanilla_is_binary_cross_entropy():
    expected = torch.nn.functional.softplus(-LOGITS).mean()
    assert adversarial_loss("vanilla", LOGITS, True, True).item() == pytest.approx(expected.item())


def test_unknown_kind_lists_the_valid_ones():
    with pytest.raises(FontAssistError, match="'wgan'.*lsgan, hinge, vanilla"):
        adversarial_loss("wgan", LOGITS, True, True)


def test_constant_loss_compares_encodings():
    torch.manual_seed(0)
    model = build_generator(ModelConfig(image_size=64, base_channels=4, max_channels=16, attention=()))
    real = torch.rand(2, 1, 64, 64) * 2 - 1
    assert constant_loss(model, real, real).item() == 0.0
    fake = model(torch.rand(2, 1, 64, 64) * 2 - 1)
    loss = constant_loss(model, fake, real)
    expected = (model.encode(fake) - model.encode(real)).square().mean()
    assert loss.item() == pytest.approx(expected.item()) and loss.item() > 0
    loss.backward()
    assert model.down[0][0].weight.grad.abs().sum() > 0
