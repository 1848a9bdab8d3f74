import torch

from fontassist.model.attention import SelfAttention


def test_a_fresh_layer_is_the_identity():
    layer = SelfAttention(16)
    x = torch.randn(2, 16, 5, 7)
    assert layer.gamma.item() == 0.0
    assert torch.equal(layer(x), x)


def test_matches_a_hand_written_softmax_attention():
    torch.manual_seed(0)
    layer = SelfAttention(16)
    with torch.no_grad():
        layer.gamma.fill_(0.7)
    x = torch.randn(2, 16, 4, 6)
    q = layer.query(x).flatten(2)  # N x C' x L
    k = layer.key(x).flatten(2)
    v = layer.value(x).flatten(2)  # N x C x L
    weights = torch.softmax(q.transpose(1, 2) @ k / q.shape[1] ** 0.5, dim=-1)  # N x L x L, rows = queries
    expected = x + 0.7 * (v @ weights.transpose(1, 2)).reshape_as(x)
    torch.testing.assert_close(layer(x), expected, rtol=1e-5, atol=1e-5)


def test_every_position_can_influence_every_other():
    torch.manual_seed(0)
    layer = SelfAttention(8)
    with torch.no_grad():
        layer.gamma.fill_(1.0)
    x = torch.randn(1, 8, 6, 6, requires_grad=True)
    layer(x)[0, :, 0, 0].sum().backward()
    assert (x.grad[0].abs().sum(0) > 0).all()
