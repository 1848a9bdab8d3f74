"""Every architecture choice of the generator and discriminator, in one frozen value.

The config is saved inside each checkpoint; ``build_generator(config)`` and
``build_discriminator(config)`` rebuild exactly the same modules from it, so a
checkpoint file alone is enough to run the model it holds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fontassist.configfields import check_types, setting
from fontassist.errors import FontAssistError

# A bottleneck cell of the U-Net sees about 3 * 2**depth pixels (4x4 kernels,
# stride 2), and the image is bottleneck * 2**depth pixels wide, so a
# bottleneck of 3x3 or less is the largest whose cells still see the whole glyph.
_LARGEST_GLOBAL_BOTTLENECK = 3

NORM_NAMES = ("batch", "instance", "none")  # built by fontassist.model.norms.get_norm_layer


@dataclass(frozen=True)
class ModelConfig:
    """Architecture of the U-Net generator and the PatchGAN discriminator.

    image_size: width and height of the square glyph images, in pixels. The
        generator halves it while it is even and the half is still at least
        ``min_bottleneck``; the map where it stops is the bottleneck, which must
        be at most 3x3 (or below twice ``min_bottleneck``). Sizes of the form
        2**k and 3 * 2**k work: 64, 96, 128, 192, 256, 384, ...
    base_channels: channels of the outermost encoder level; each deeper level
        doubles them, up to ``max_channels`` (pix2pix: ngf=64, cap 8 * ngf).
    norm: "batch", "instance" or "none", for generator and discriminator.
    attention: encoder feature-map sizes (in pixels) after which a SAGAN
        self-attention layer sits, e.g. (16,) or (16, 32).
    dropout: dropout probability on the up path of the three innermost levels
        (pix2pix's "first three decoder layers"); 0 disables it.
    num_styles: number of target styles for zi2zi's style (category)
        embedding, concatenated to the bottleneck; 0 = a single style, no
        embedding. With styles, ``forward`` of both networks takes a style id.
    style_dim: size of the style embedding vector.
    min_bottleneck: smallest bottleneck size the generator may reach.
    disc_layers: stride-2 layers of the PatchGAN discriminator (pix2pix
        n_layers); 3 gives 70x70 patches.
    disc_channels: channels of the discriminator's first layer (pix2pix ndf).
    spectral_norm: wrap every discriminator conv in spectral normalisation;
        the discriminator then uses no other normalisation, as in SAGAN.
    in_channels / out_channels: image channels (1: grey glyph rasters).
    """

    image_size: int = setting(128, "image size in pixels")
    base_channels: int = setting(32, "generator width at full resolution")
    max_channels: int = setting(256, "generator width cap")
    norm: str = setting("instance", "normalization")
    attention: tuple[int, ...] = setting(
        (16,), "self-attention at these feature-map sizes, e.g. 16,32, or none"
    )
    dropout: float = setting(0.0, "dropout on the innermost up levels")
    num_styles: int = 0
    style_dim: int = 64
    min_bottleneck: int = 1
    disc_layers: int = 3
    disc_channels: int = setting(64, "discriminator width")
    spectral_norm: bool = setting(False, "spectral normalisation in the discriminator")
    in_channels: int = 1
    out_channels: int = 1
    # Derived, not part of the saved config.
    feature_sizes: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.attention, (list, tuple)):
            object.__setattr__(self, "attention", tuple(self.attention))
        check_types(self, "Model setting")
        object.__setattr__(self, "feature_sizes", _feature_sizes(self.image_size, self.min_bottleneck))
        self._check_values()

    @property
    def depth(self) -> int:
        """Number of U-Net levels (stride-2 convolutions on the down path)."""
        return len(self.feature_sizes)

    @property
    def bottleneck_size(self) -> int:
        return self.feature_sizes[-1]

    @property
    def channels(self) -> tuple[int, ...]:
        """Channels of the encoder's output at each level, outermost first."""
        return tuple(min(self.base_channels * 2**level, self.max_channels) for level in range(self.depth))

    @property
    def encoding_dim(self) -> int:
        """Length of one sample's vector from ``UNetGenerator.encode``."""
        return self.channels[-1] * self.bottleneck_size**2

    @property
    def patch_size(self) -> int:
        """Width of the discriminator's map of patch logits."""
        return self.image_size // 2**self.disc_layers - 2

    def to_dict(self) -> dict[str, Any]:
        """The saved fields as plain JSON values (tuples become lists)."""
        return {
            f.name: list(value) if isinstance(value, tuple) else value
            for f in dataclasses.fields(self)
            if f.init
            for value in [getattr(self, f.name)]
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ModelConfig:
        """Rebuild a config from ``to_dict`` output; missing fields take their defaults."""
        if not isinstance(data, Mapping):
            raise FontAssistError(
                f"The model configuration must be a mapping of field names to values, not {type(data).__name__}.",
                hint="The checkpoint or config file is damaged; retrain or pick another file.",
            )
        known = {f.name for f in dataclasses.fields(cls) if f.init}
        unknown = sorted(set(data) - known)
        if unknown:
            raise FontAssistError(
                f"The model configuration has unknown field(s) {', '.join(map(repr, unknown))}.",
                hint=f"Known fields: {', '.join(sorted(known))}. The file may come from a newer fontassist; "
                "upgrade, or remove those fields.",
            )
        values = dict(data)
        if isinstance(values.get("attention"), list):
            values["attention"] = tuple(values["attention"])
        return cls(**values)

    def _check_values(self) -> None:
        def fail(message: str, hint: str | None = None) -> None:
            raise FontAssistError(message, hint=hint)

        for name in (
            "base_channels",
            "max_channels",
            "style_dim",
            "min_bottleneck",
            "disc_layers",
            "disc_channels",
            "in_channels",
            "out_channels",
        ):
            if getattr(self, name) < 1:
                fail(f"Model setting {name} = {getattr(self, name)} must be at least 1.")
        if self.num_styles < 0:
            fail(f"Model setting num_styles = {self.num_styles} must be 0 (no style embedding) or more.")
        if self.max_channels < self.base_channels:
            fail(
                f"Model setting max_channels = {self.max_channels} is below base_channels = {self.base_channels}.",
                "Raise max_channels or lower base_channels.",
            )
        if not 0.0 <= self.dropout < 1.0:
            fail(f"Model setting dropout = {self.dropout} must be at least 0 and below 1.")
        if self.norm not in NORM_NAMES:
            fail(f"Unknown normalization {self.norm!r}.", f"Use one of: {', '.join(NORM_NAMES)}.")

        sizes = self.feature_sizes
        largest = max(_LARGEST_GLOBAL_BOTTLENECK, 2 * self.min_bottleneck - 1)
        if len(sizes) < 2 or sizes[-1] > largest:
            reached = sizes[-1] if sizes else self.image_size
            fail(
                f"Image size {self.image_size} cannot be used: halving it stops at a {reached}x{reached} "
                f"bottleneck after {len(sizes)} level(s), and the U-Net needs at least 2 levels and a "
                f"bottleneck of at most {largest}x{largest} so that it sees the whole glyph.",
                "Use a size of the form 2^k or 3*2^k, such as 64, 96, 128, 192, 256 or 384.",
            )

        if len(set(self.attention)) != len(self.attention):
            fail(f"Model setting attention = {self.attention} lists a feature-map size twice.")
        misplaced = [size for size in self.attention if size not in sizes]
        if misplaced:
            fail(
                f"Self-attention at {', '.join(map(str, misplaced))} px is impossible for image size "
                f"{self.image_size}: no encoder feature map has that size.",
                f"Choose from {', '.join(map(str, sizes))}, or () for none.",
            )

        if self.patch_size < 1:
            fail(
                f"A discriminator with {self.disc_layers} stride-2 layers cannot judge {self.image_size} px "
                f"images: nothing is left of the image after its last layer.",
                f"Use at most {_max_disc_layers(self.image_size)} layers or larger images.",
            )


def _feature_sizes(image_size: int, min_bottleneck: int) -> tuple[int, ...]:
    """Sizes of the encoder's feature maps, outermost first; the last is the bottleneck."""
    sizes = []
    size = image_size
    while size % 2 == 0 and size // 2 >= min_bottleneck:
        size //= 2
        sizes.append(size)
    return tuple(sizes)


def _max_disc_layers(image_size: int) -> int:
    layers = 0
    while image_size // 2 ** (layers + 1) - 2 >= 1:
        layers += 1
    return layers
