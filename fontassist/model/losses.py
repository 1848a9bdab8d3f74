"""Losses of pix2pix / zi2zi training, as plain functions of tensors.

A training step combines them as (weights are the trainer's):
  discriminator: adversarial_loss(kind, D(src, real), True, True) + adversarial_loss(kind, D(src, fake), False, True)
  generator:     adversarial_loss(kind, D(src, fake), True, False) + 100 * l1_loss(fake, real)
                 [+ 15 * constant_loss(G, fake, src)]
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
