"""What the tidy stage learns from the target font's own ideographs.

Tolerances are read off the target, not tuned to one model: how far from
horizontal/vertical its own straight edges ever lean (so only leaner edges are
snapped, and its real slants are left alone), how little its consecutive lines
ever turn (so only smaller turns count as colinear), the box its
ideographs' ink stays inside, and how much its strokes' width varies (so
stroke width is evened out only for a near-monoline target).
"""

from __future__ import annotations

import io
import math
import struct
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont

from ..fonts.charsets import is_han
from ..fonts.render import render
from .evenwidth import width_variation

_SAMPLE = 800  # ideographs read; enough for stable percentiles, quick on every export
_SLANT_SHARE = 0.005  # share of the target's straight length it may lean at below the axis angle
_AXIS_RANGE = (1.0, 8.0)  # degrees
_TURN_RANGE = (2.0, 10.0)  # degrees
# Stroke width variation: the ideographs' median coefficient of variation of the width on their
# medial ridge, rendered at _WIDTH_SIZE px (100 of them: about half a second). A target under
# _MONOLINE is near-monoline and has its generated glyphs' stroke width evened out. Measured at
# 192 px: Zen Maru Gothic Regular 0.093 (0.072 at 500 ppem), Zen Maru Gothic Bold 0.125, Noto
# Sans TC Regular 0.124 and Bold 0.158 (their horizontals thinner than their verticals: evening
# would flatten a contrast the design has).
_WIDTH_SIZE = 192
_WIDTH_SAMPLE = 100
_MONOLINE = 0.10


@dataclass(frozen=True)
class TargetShape:
    """Tolerances taken from a target font (degrees; ink box in font units)."""

    axis_angle: float
    colinear_angle: float
    ink_box: tuple[float, float, float, float] | None  # x_min, y_min, x_max, y_max of its ideographs
    width_variation: float | None = None  # stroke width CV of its ideographs at _WIDTH_SIZE px

    @property
    def even_width(self) -> bool | None:
        """Whether to even out stroke width: the target is near-monoline (None: not measured)."""
        return None if self.width_variation is None else self.width_variation < _MONOLINE


def target_shape(font, *, width: bool = True) -> TargetShape | None:
    """The :class:`TargetShape` of a :class:`~fontassist.fonts.FontFile`; None when it has no ideographs.

    ``width=False`` leaves its stroke-width variation unmeasured (None): it takes rendering a
    hundred glyphs, and only the even-width step's default needs it."""
    shape = _measured(font.content_hash, font.face_index, font.font_bytes, font.freetype_index)
    if shape is None or not width:
        return shape
    key = (font.content_hash, font.face_index)
    if key not in _WIDTHS:
        han = sorted(c for c in font.chars if is_han(c))
        sample = han[:: max(1, len(han) // _WIDTH_SAMPLE)][:_WIDTH_SAMPLE]
        _WIDTHS[key] = width_variation(render(font, sample, _WIDTH_SIZE, cache=False).images)
    return replace(shape, width_variation=_WIDTHS[key])


_WIDTHS: dict[tuple[str, int], float | None] = {}


@lru_cache(maxsize=8)
def _measured(_hash: str, _face: int, data: bytes, index: int) -> TargetShape | None:
    ttfont = TTFont(io.BytesIO(data), fontNumber=index, lazy=True)
    cmap = ttfont.getBestCmap() or {}
    names = [cmap[cp] for cp in sorted(cmap) if is_han(chr(cp))]
    if not names:
        return None
    step = max(1, len(names) // _SAMPLE)
    contours = [c for name in names[::step] for c in _glyph_contours(ttfont, name)]
    shape = shape_of(contours)
    return replace(shape, ink_box=ink_box(ttfont, names) or shape.ink_box)


def ink_box(ttfont: TTFont, names: list[str]) -> tuple[float, float, float, float] | None:
    """The box every named glyph's ink stays inside, from the bounds the glyf table stores
    (read from each glyph's header, without decompiling it); None for other outline formats."""
    if "glyf" not in ttfont:
        return None
    glyf = ttfont["glyf"]
    boxes = []
    for name in names:
        glyph = glyf.glyphs.get(name) if hasattr(glyf, "glyphs") else None
        data = getattr(glyph, "data", None)
        if data is not None and len(data) >= 10:
            boxes.append(struct.unpack(">4h", data[2:10]))
        elif glyph is not None and getattr(glyph, "numberOfContours", 0):
            boxes.append((glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax))
    if not boxes:
        return None
    b = np.asarray(boxes, float)
    return (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max()))


def _glyph_contours(ttfont: TTFont, name: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """(points, on_curve) per contour; cubic outlines keep only their on-curve points flagged."""
    if "glyf" in ttfont:
        glyf = ttfont["glyf"]
        coords, ends, flags = glyf[name].getCoordinates(glyf)
        points = np.asarray(coords, float).reshape(-1, 2)
        on = (np.asarray(flags) & 1).astype(bool)
        starts = [0] + [e + 1 for e in ends[:-1]]
        return [(points[s : e + 1], on[s : e + 1]) for s, e in zip(starts, ends, strict=True)]
    pen = DecomposingRecordingPen(ttfont.getGlyphSet())
    ttfont.getGlyphSet()[name].draw(pen)
    out, points, flags = [], [], []
    for op, args in pen.value:
        if op == "moveTo":
            points, flags = [args[0]], [True]
        elif op in ("lineTo", "curveTo", "qCurveTo"):
            points.extend(args)
            flags.extend([False] * (len(args) - 1) + [args[-1] is not None])
        elif op in ("closePath", "endPath") and points:
            out.append((np.asarray([p for p in points if p is not None], float), np.asarray(flags, bool)))
    return out


def shape_of(contours: list[tuple[np.ndarray, np.ndarray]]) -> TargetShape:
    """Tolerances from (points, on_curve) contours of a target's ideographs."""
    angles, lengths, turns, boxes = [], [], [], []
    for points, on in contours:
        if len(points) < 2:
            continue
        boxes.append(np.concatenate([points.min(axis=0), points.max(axis=0)]))
        line = on & np.roll(on, -1)  # segment k runs from point k to k+1 with nothing between
        d = np.roll(points, -1, axis=0) - points
        length = np.hypot(d[:, 0], d[:, 1])
        off_axis = np.degrees(np.arctan2(np.abs(d).min(axis=1), np.abs(d).max(axis=1)))
        keep = line & (length > 0)
        angles.append(off_axis[keep])
        lengths.append(length[keep])
        # Turns between two consecutive lines.
        both = keep & np.roll(keep, 1)
        a, b = np.roll(d, 1, axis=0)[both], d[both]
        cross = a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]
        turns.append(np.abs(np.degrees(np.arctan2(cross, (a * b).sum(axis=1)))))
    angle = np.concatenate(angles) if angles else np.zeros(0)
    length = np.concatenate(lengths) if lengths else np.zeros(0)
    turn = np.concatenate(turns) if turns else np.zeros(0)
    return TargetShape(
        axis_angle=_axis_angle(angle, length),
        colinear_angle=float(np.clip(0.5 * np.percentile(turn, 0.5), *_TURN_RANGE)) if len(turn) else 5.7,
        ink_box=tuple(float(v) for v in _box(boxes)) if boxes else None,
    )


def _axis_angle(angle: np.ndarray, length: np.ndarray) -> float:
    """The largest lean below which the target has almost none of its straight length
    (``_SLANT_SHARE``) other than exact horizontals and verticals."""
    total = length.sum()
    if total == 0:
        return _AXIS_RANGE[0]
    leaning = angle > 0.01
    order = np.argsort(angle[leaning])
    cumulative = np.cumsum(length[leaning][order]) / total
    over = np.nonzero(cumulative > _SLANT_SHARE)[0]
    if not len(over):
        return _AXIS_RANGE[1]
    return float(np.clip(math.floor(angle[leaning][order][over[0]] * 10) / 10, *_AXIS_RANGE))


def _box(boxes: list) -> np.ndarray:
    b = np.asarray(boxes)
    return np.concatenate([b[:, :2].min(axis=0), b[:, 2:].max(axis=0)])
