"""How rasters become outlines: every tracing and tidying default, in one place.

The CLI (``fontassist export`` / ``glyphs``), the app's Export page and Review
detail read their defaults, switches and help text from :class:`TraceSettings`
(its fields' ``metadata``); a test fails when one of them disagrees.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace


def _tuning(help_text: str, **extra) -> dict:
    return {"help": help_text, **extra}


@dataclass(frozen=True)
class TraceSettings:
    """How a raster is traced and tidied.

    Tracing lengths are in pixels of the raster, areas in square pixels; the
    tidy stage's angles are degrees. Angle fields left at None are measured
    from the target font's own ideographs (:mod:`~fontassist.vector.targetshape`)
    by :meth:`fitted_to`, and fall back to the value in their metadata without a target.
    """

    threshold: float = 0.5  # ink level of the traced boundary, as a fraction of full ink
    tolerance: float = field(
        default=0.25,
        metadata=_tuning(
            "how far outlines may stray from the raster's edge, in pixels", metavar="PX", positive=True
        ),
    )
    speck_area: float = field(
        default=4.0,
        metadata=_tuning(
            "drop ink specks and pinholes smaller than this many square pixels, before and after tracing",
            metavar="PX2",
        ),
    )
    corner_angle: float = 30.0  # degrees the boundary must turn within ± corner_window to be a corner
    corner_window: float = 2.0  # judged on the drawn glyph: enlarged rasters scale it (enlarged)
    corner_sharpness: float = 0.7  # least share of the turn over twice the window already made within it
    corner_arm: float = 4.0  # arm length used to find a corner's sharp point
    corner_skip: float = 1.5  # rounded-off stretch next to a corner, ignored by fits
    corner_max_shift: float = 2.5  # farthest a sharp point may lie from the traced corner
    extremum_window: float = 2.0  # px either side over which the tangent is read at extrema and flats
    extremum_prominence: float = 0.08  # how far an extremum must stand out within ± 3 px to count
    flat_angle: float = 1.5  # degrees a straight stretch may lean and still be a horizontal/vertical extreme
    flat_length: float = 6.0  # shortest such stretch
    straight_share: float = 0.8  # of a run's spline parameter given to arc length (the rest to turning)
    fit_spacing: float = 4.0  # spacing of the points a fit looks at on straight stretches (denser in bends)
    fit_iterations: int = 1  # parameter refinements per fit

    # Raster clean-up before tracing. On when the target is near-monoline (its own stroke width
    # varies little, :mod:`~fontassist.vector.targetshape`), off otherwise and without a target:
    # evening a design's contrast away would reshape it (README, "Outline quality").
    even_width: bool | None = field(
        default=None,
        metadata={
            **_tuning(
                "even out stroke width on the raster (each stroke's edges moved towards the glyph's "
                "typical width, swollen joins trimmed, stroke ends rounded); default: on when the target is "
                "near-monoline, off otherwise"
            ),
            "fallback": False,
        },
    )
    # Tidy stage switches (each can be turned off to measure what it does).
    straighten: bool = field(
        default=True,
        metadata=_tuning("make near-horizontal/vertical stroke edges exactly horizontal/vertical"),
    )
    merge_colinear: bool = field(
        default=True, metadata=_tuning("merge consecutive line segments that continue one straight edge")
    )
    clean_contours: bool = field(
        default=True,
        metadata=_tuning("drop specks left after tracing and remove overlaps and self-intersections"),
    )
    fit_extremes: bool = field(
        default=True,
        metadata=_tuning("keep each glyph's ink inside the box the target's own ideographs stay in"),
    )
    # Tidy stage tolerances.
    axis_angle: float | None = field(
        default=None,
        metadata={"fallback": 3.5},  # degrees a line may lean and still be snapped to the axis
    )
    colinear_angle: float | None = field(
        default=None,
        metadata={"fallback": 5.7},  # degrees two lines may turn and still be one edge
    )
    straighten_deviation: float = 0.75  # px: how far a straightened curve or merged point may move;
    # an edge is snapped to the axis only when its ends lie within twice this across it
    ink_box: tuple[float, float, float, float] | None = None  # font units; from the target

    def __post_init__(self):
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"threshold is a fraction of full ink in (0, 1), not {self.threshold}")
        if self.tolerance <= 0:
            raise ValueError(f"tolerance must be positive, not {self.tolerance}")
        if self.speck_area < 0:
            raise ValueError(f"speck area cannot be negative, not {self.speck_area}")
        for name in ("axis_angle", "colinear_angle"):
            value = getattr(self, name)
            if value is not None and not 0.0 <= value < 45.0:
                raise ValueError(f"{name} is in degrees, from 0 up to 45, not {value}")

    def fitted_to(self, shape) -> TraceSettings:
        """These settings with the target-measured fields a :class:`TargetShape` gives filled in
        (those still None), or their fallbacks where there is no shape."""
        changes = {}
        for f in fields(self):
            if "fallback" in f.metadata and getattr(self, f.name) is None:
                measured = getattr(shape, f.name, None) if shape is not None else None
                changes[f.name] = measured if measured is not None else f.metadata["fallback"]
        if self.ink_box is None and shape is not None and shape.ink_box is not None:
            changes["ink_box"] = shape.ink_box
        return replace(self, **changes)

    def enlarged(self, factor: float) -> TraceSettings:
        """These settings for rasters ``factor`` times larger than drawn: the lengths and areas
        that say how closely to follow the edge, what is a speck and what is a corner keep their
        size on the drawn glyph (a wobble of one drawn pixel is still a wobble, not a shape, at
        4x; a round stroke end, enlarged, bends tightly over a few of its own pixels but is no
        corner over two drawn pixels). Where a corner's sharp point or a curve's extremum lies
        is still read off the traced raster, at its own pixels."""
        if factor == 1:
            return self
        return replace(
            self,
            tolerance=self.tolerance * factor,
            speck_area=self.speck_area * factor**2,
            straighten_deviation=self.straighten_deviation * factor,
            corner_window=self.corner_window * factor,
        )

    @classmethod
    def tunable(cls) -> list:
        """The fields a designer tunes (those with help text): CLI options and Export page controls."""
        return [f for f in fields(cls) if "help" in f.metadata]

    @classmethod
    def default(cls, name: str):
        """The default of field ``name``."""
        return next(f.default for f in fields(cls) if f.name == name)
