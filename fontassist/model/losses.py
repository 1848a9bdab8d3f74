"""Losses of pix2pix / zi2zi training, as plain functions of tensors.

A training step combines them as (weights are the trainer's):
  discriminator: adversarial_loss(kind, D(src, real), True, True) + adversarial_loss(kind, D(src, fake), False, True)
  generator:     adversarial_loss(kind, D(src, fake), True, False) + 100 * l1_loss(fake, real)
                 [+ 15 * constant_loss(G, fake, src)] [+ w * cldice_loss(fake, real)]
"""

from __future__ import annotations

import torch
from torch.nn import functional as F

from fontassist.errors import FontAssistError

ADVERSARIAL_LOSSES = ("lsgan", "hinge", "vanilla")


def l1_loss(fake: torch.Tensor, real: torch.Tensor) -> torch.Tensor:
    """Mean absolute pixel difference; keeps the generated glyph's shape on the real one."""
    return F.l1_loss(fake, real)


def adversarial_loss(
    kind: str, logits: torch.Tensor, target_is_real: bool, for_discriminator: bool
) -> torch.Tensor:
    """The adversarial loss of ``kind`` on discriminator ``logits``.

    lsgan: mean squared distance of the logits to 1 (real) or 0 (fake), the
        same for both networks (Mao et al. 2017; pix2pix's ``lsgan``).
    hinge: discriminator mean(relu(1 - logits)) on real and mean(relu(1 + logits))
        on fake; generator -mean(logits) (SAGAN). The generator's hinge loss has
        no "fake" target, so ``target_is_real=False`` is refused there.
    vanilla: binary cross-entropy on the logits (pix2pix's default).
    """
    if kind == "lsgan":
        target = torch.ones_like(logits) if target_is_real else torch.zeros_like(logits)
        return F.mse_loss(logits, target)
    if kind == "vanilla":
        target = torch.ones_like(logits) if target_is_real else torch.zeros_like(logits)
        return F.binary_cross_entropy_with_logits(logits, target)
    if kind == "hinge":
        if for_discriminator:
            return F.relu(1.0 - logits).mean() if target_is_real else F.relu(1.0 + logits).mean()
        if not target_is_real:
            raise ValueError(
                "The generator's hinge loss pushes logits towards real; call it with target_is_real=True."
            )
        return -logits.mean()
    raise FontAssistError(
        f"Unknown adversarial loss {kind!r}.", hint=f"Use one of: {', '.join(ADVERSARIAL_LOSSES)}."
    )


def constant_loss(generator: torch.nn.Module, fake: torch.Tensor, real: torch.Tensor) -> torch.Tensor:
    """zi2zi's constant loss: mean squared distance of the bottleneck encodings of ``fake`` and ``real``.

    It asks the generated glyph to encode to the same point as the glyph it
    should stand for, so the encoder keeps the character's identity apart from
    its style. zi2zi compares with the *source* glyph (its ``encoded_real_A``);
    pass the source as ``real`` to follow it, or the real target glyph to tie
    the generated glyph to the target's encoding. Gradients flow through both
    encodings, as in zi2zi.
    """
    return F.mse_loss(generator.encode(fake), generator.encode(real))


def _ink(images: torch.Tensor) -> torch.Tensor:
    """Images in the model's range [-1, 1] (ink = +1) as ink probabilities in [0, 1]."""
    return ((images + 1) / 2).clamp(0, 1)


def _soft_erode(ink: torch.Tensor) -> torch.Tensor:
    # A plus-shaped min-pool, as in the clDice reference code: a 3x3 square would eat diagonals twice as fast.
    vertical = -F.max_pool2d(-ink, (3, 1), stride=1, padding=(1, 0))
    horizontal = -F.max_pool2d(-ink, (1, 3), stride=1, padding=(0, 1))
    return torch.minimum(vertical, horizontal)


def _soft_dilate(ink: torch.Tensor) -> torch.Tensor:
    return F.max_pool2d(ink, 3, stride=1, padding=1)


def soft_skeleton(ink: torch.Tensor, iterations: int) -> torch.Tensor:
    """The soft skeleton of ink probabilities N×1×H×W (Shit et al., CVPR 2021, Algorithm 1).

    Repeated soft erosion peels the strokes; what each peel leaves that an
    opening (erode then dilate) would remove is the centre line at that depth.
    ``iterations`` must reach half the widest stroke width in pixels, or the
    middle of the widest strokes is never found.
    """
    skeleton = F.relu(ink - _soft_dilate(_soft_erode(ink)))
    for _ in range(iterations):
        ink = _soft_erode(ink)
        delta = F.relu(ink - _soft_dilate(_soft_erode(ink)))
        skeleton = skeleton + F.relu(delta - skeleton * delta)
    return skeleton


def skeleton_iterations(image_size: int) -> int:
    """Erosions soft-clDice needs at ``image_size``: ``size / 16`` (4 at 64 px, 8 at 128 px), at least 3.

    Regular CJK strokes are about a fourteenth of the em wide, so half of them is reached with room
    for bold strokes twice as wide; each erosion costs two min-pools per image.
    """
    return max(3, round(image_size / 16))


def cldice_loss(fake: torch.Tensor, real: torch.Tensor, iterations: int | None = None) -> torch.Tensor:
    """1 - soft-clDice of the ink of ``fake`` and ``real`` (model range [-1, 1], ink = +1).

    Soft-clDice (Shit et al., "clDice - a Novel Topology-Preserving Loss
    Function for Tubular Structure Segmentation", CVPR 2021) is the harmonic
    mean of topology precision (how much of the generated strokes' centre line
    lies in real ink) and topology sensitivity (how much of the real centre
    line is covered by generated ink). A stroke broken in two loses the
    sensitivity of its gap; two strokes merged by a bridge lose the precision
    of the bridge's centre line. L1 sees either as a few pixels; clDice sees a
    missing piece of skeleton. Computed per glyph, then averaged, so a small
    glyph counts as much as a dense one. ``iterations``: see :func:`soft_skeleton`
    (default from the image size).
    """
    iterations = skeleton_iterations(fake.shape[-1]) if iterations is None else iterations
    p, t = _ink(fake.float()), _ink(real.float())
    skeleton_p, skeleton_t = soft_skeleton(p, iterations), soft_skeleton(t, iterations)
    dims = tuple(range(1, p.dim()))
    smooth = 1.0
    precision = ((skeleton_p * t).sum(dims) + smooth) / (skeleton_p.sum(dims) + smooth)
    sensitivity = ((skeleton_t * p).sum(dims) + smooth) / (skeleton_t.sum(dims) + smooth)
    return (1 - 2 * precision * sensitivity / (precision + sensitivity)).mean()
