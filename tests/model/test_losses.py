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


def _bar(size=32, width=6, gap=None):
    """A vertical stroke in model range (-1 paper, +1 ink), optionally cut by a gap of rows."""
    image = -torch.ones(1, 1, size, size)
    left = (size - width) // 2
    image[..., 4:-4, left : left + width] = 1.0
    if gap is not None:
        image[..., gap[0] : gap[1], :] = -1.0
    return image


def test_soft_skeleton_of_a_stroke_is_its_centre_line():
    from fontassist.model.losses import soft_skeleton

    ink = (_bar() + 1) / 2
    skeleton = soft_skeleton(ink, iterations=4)[0, 0]
    columns = skeleton[10:-10].sum(dim=0)
    assert columns[:12].sum() == 0 and columns[20:].sum() == 0  # nothing outside the stroke
    assert columns[14:18].sum() > 0.9 * columns.sum()  # the middle of a 6 px stroke (columns 13-18)


def test_cldice_sees_a_broken_stroke_that_l1_barely_sees():
    from fontassist.model.losses import cldice_loss

    real = _bar(width=6)
    broken = _bar(width=6, gap=(15, 17))  # 12 pixels wrong, the stroke in two
    thinner = _bar(width=4)  # 48 pixels wrong, the topology intact
    assert cldice_loss(real, real).item() == pytest.approx(0.0, abs=1e-6)
    assert l1_loss(broken, real) < l1_loss(thinner, real)
    assert cldice_loss(broken, real) > cldice_loss(thinner, real)


def test_cldice_has_gradients_and_handles_blank_glyphs():
    from fontassist.model.losses import cldice_loss

    fake = torch.zeros(2, 1, 32, 32, requires_grad=True)
    real = torch.cat([_bar(), -torch.ones(1, 1, 32, 32)])
    loss = cldice_loss(fake, real)
    loss.backward()
    assert torch.isfinite(loss) and fake.grad is not None and fake.grad.abs().sum() > 0
    blank = -torch.ones(1, 1, 32, 32)
    assert cldice_loss(blank, blank).item() == pytest.approx(0.0, abs=1e-6)
