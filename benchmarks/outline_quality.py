"""Outline quality: the glyphs a fontassist export added, measured against the target's own ideographs.

For a font written by ``fontassist export`` / ``demo`` (merge mode: the glyphs
the target lacks; ``--mode new``: every ideograph in it) and the target font,
prints one row per measure with the target's own ideographs beside ours:

- ``hv_share``: share of straight-segment length that is exactly horizontal or vertical;
- ``semi_hv``: glyphs with a line within ``SEMI_DEGREES`` of horizontal/vertical but
  not on it (fontbakery's ``outline_semi_vertical``: 0.5°);
- ``colinear``: glyphs with two consecutive line segments whose directions differ
  by less than ``COLINEAR_RADIANS`` (fontbakery's ``outline_colinear_vectors``: 0.1 rad);
- ``width_cv``: stroke-width variation along strokes: per glyph, the coefficient of
  variation of twice the Euclidean distance transform on the medial ridge of the
  glyph rendered at 500 ppem (ridge pixels below half the glyph's median width,
  i.e. corner spurs and stroke tips, left out); the median over glyphs;
- ``width_p10``: the 10th percentile of those widths over all glyphs, font units;
- ``micro``: glyphs with a contour enclosing under ``MICRO_AREA`` unit²;
- ``miswound`` / ``self_intersecting``: contours wound against their nesting (outer
  contours clockwise, holes counter-clockwise, as TrueType wants; nesting = lying
  wholly inside another contour) / contours crossing themselves (skia-pathops'
  union of the contour alone differs from it);
- ``beyond_extremes``: glyphs whose ink passes the extremes of the target's own
  ideographs (max yMax, min yMin, min xMin, max xMax of the bounds its glyf table stores);
- ``counters_changed``: glyphs whose hole count (at 128 px) differs from the source
  font's glyph (needs ``--source``);
- ``points`` / ``contours``: per glyph, as the glyf table stores them;
- ``iou128``: for characters the target has (held-out glyphs exported with
  ``--mode new``), IoU of ours against the target's, both rendered at 128 px on the
  em square and binarised.

It also draws the 24 glyphs with the worst combined score, each beside the
nearest target glyph (by IoU at 64 px), at 400 px (``--sheet``).

    python benchmarks/outline_quality.py /tmp/outlines-demo/ZenMaruGothicTC-Demo.ttf \\
        --target /work/shared/fonts/ZenMaruGothic-Regular.ttf \\
        --source /work/shared/fonts/NotoSansTC-Regular.ttf --sheet /tmp/worst.png --json out.json

Definitions of our own where the issue's table gives none; both columns use the
same code, so the comparison is fair even where a figure differs from another tool's.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pathops
from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fontassist.fonts import open_font, render  # noqa: E402
from fontassist.fonts.charsets import is_han  # noqa: E402
from fontassist.train.similarity import iou  # noqa: E402
from fontassist.vector.targetshape import ink_box  # noqa: E402

SEMI_DEGREES = 0.5
COLINEAR_RADIANS = 0.1
MICRO_AREA = 400.0
WIDTH_PPEM = 500
IOU_SIZE = 128
_CURVE_STEPS = 8


# ------------------------------------------------------------------ outlines


@dataclass
class Contour:
    """One closed contour: its segments (lines and flattened curves) in font units."""

    lines: list = field(default_factory=list)  # (p0, p1) of each straight segment, in order
    kinds: list = field(default_factory=list)  # "line" / "curve" for each segment, in order
    polygon: list = field(default_factory=list)  # flattened vertices

    def area(self) -> float:
        """Signed area (y-up: counter-clockwise positive) of the flattened contour."""
        if len(self.polygon) < 3:
            return 0.0
        p = np.asarray(self.polygon, float)
        x, y = p[:, 0], p[:, 1]
        return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


class ContourPen(BasePen):
    """Collects contours with their line segments and flattened polygons; components decomposed."""

    def __init__(self, glyphSet=None):
        super().__init__(glyphSet)
        self.contours: list[Contour] = []
        self._start = None

    def _moveTo(self, pt):
        self.contours.append(Contour(polygon=[pt]))
        self._start = pt

    def _lineTo(self, pt):
        c = self.contours[-1]
        c.lines.append((self._getCurrentPoint(), pt))
        c.kinds.append("line")
        c.polygon.append(pt)

    def _qCurveToOne(self, pt1, pt2):
        p0 = np.asarray(self._getCurrentPoint(), float)
        t = np.linspace(0, 1, _CURVE_STEPS + 1)[1:, None]
        q = (1 - t) ** 2 * p0 + 2 * t * (1 - t) * np.asarray(pt1) + t**2 * np.asarray(pt2)
        c = self.contours[-1]
        c.kinds.append("curve")
        c.polygon.extend(map(tuple, q[:-1].tolist()))
        c.polygon.append(pt2)

    def _curveToOne(self, pt1, pt2, pt3):
        p0 = np.asarray(self._getCurrentPoint(), float)
        t = np.linspace(0, 1, _CURVE_STEPS + 1)[1:, None]
        q = (
            (1 - t) ** 3 * p0
            + 3 * t * (1 - t) ** 2 * np.asarray(pt1)
            + 3 * t**2 * (1 - t) * np.asarray(pt2)
            + t**3 * np.asarray(pt3)
        )
        c = self.contours[-1]
        c.kinds.append("curve")
        c.polygon.extend(map(tuple, q[:-1].tolist()))
        c.polygon.append(pt3)

    def _closePath(self):
        c = self.contours[-1]
        current = self._getCurrentPoint()
        if current != self._start:
            c.lines.append((current, self._start))
            c.kinds.append("line")
        else:
            c.polygon.pop()  # the closing point repeats the first

    _endPath = _closePath


def contours_of(draw) -> list[Contour]:
    """The contours of anything with ``draw(pen)``, or of a callable taking the pen."""
    pen = ContourPen(getattr(draw, "glyphSet", None))
    (draw if callable(draw) and not hasattr(draw, "draw") else draw.draw)(pen)
    return [c for c in pen.contours if len(c.polygon) >= 2]


# ------------------------------------------------------------------ measures (one glyph)


def _angle_off_axis(p0, p1) -> float:
    """Degrees between a segment and the nearest of horizontal/vertical."""
    dx, dy = abs(p1[0] - p0[0]), abs(p1[1] - p0[1])
    return math.degrees(math.atan2(min(dx, dy), max(dx, dy)))


def hv_lengths(contours: list[Contour]) -> tuple[float, float]:
    """(length of exactly horizontal/vertical line segments, length of all line segments)."""
    hv = total = 0.0
    for c in contours:
        for p0, p1 in c.lines:
            length = math.dist(p0, p1)
            total += length
            if p0[0] == p1[0] or p0[1] == p1[1]:
                hv += length
    return hv, total


def has_semi_axis_line(contours: list[Contour], degrees: float = SEMI_DEGREES) -> bool:
    """Any line within ``degrees`` of horizontal/vertical without being exactly on it."""
    return any(0.0 < _angle_off_axis(p0, p1) <= degrees for c in contours for p0, p1 in c.lines)


def has_colinear_lines(contours: list[Contour], radians: float = COLINEAR_RADIANS) -> bool:
    """Two consecutive line segments (the contour closing round) turning by less than ``radians``."""
    for c in contours:
        n = len(c.kinds)
        if n < 2:
            continue
        lines = iter(c.lines)
        segs = [next(lines) if kind == "line" else None for kind in c.kinds]
        for i in range(n):
            a, b = segs[i - 1], segs[i]
            if a is None or b is None:
                continue
            ta = math.atan2(a[1][1] - a[0][1], a[1][0] - a[0][0])
            tb = math.atan2(b[1][1] - b[0][1], b[1][0] - b[0][0])
            turn = abs((tb - ta + math.pi) % (2 * math.pi) - math.pi)
            if turn < radians:
                return True
    return False


def micro_contours(contours: list[Contour], area: float = MICRO_AREA) -> int:
    return sum(abs(c.area()) < area for c in contours)


def _inside(points: np.ndarray, polygon: np.ndarray) -> np.ndarray:
    """Even-odd point-in-polygon for many points against one polygon."""
    x, y = points[:, 0:1], points[:, 1:2]
    x0, y0 = polygon[:, 0], polygon[:, 1]
    x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
    crosses = (y0 > y) != (y1 > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        xs = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
    return np.sum(crosses & (x < xs), axis=1) % 2 == 1


def miswound_contours(contours: list[Contour]) -> int:
    """Contours whose direction is against their nesting depth (TrueType: outer clockwise)."""
    polys = [np.asarray(c.polygon, float) for c in contours]
    areas = [c.area() for c in contours]
    boxes = [(p.min(axis=0), p.max(axis=0)) for p in polys]
    bad = 0
    for i, p in enumerate(polys):
        sample = p[:: max(1, len(p) // 16)]
        depth = sum(
            1
            for j, q in enumerate(polys)
            if j != i
            and len(q) >= 3
            and abs(areas[j]) > abs(areas[i])
            and (boxes[j][0] <= boxes[i][0]).all()
            and (boxes[j][1] >= boxes[i][1]).all()
            and _inside(sample, q).all()
        )
        area = areas[i]
        clockwise = area < 0
        if area != 0 and clockwise != (depth % 2 == 0):
            bad += 1
    return bad


def polygon_path(polygon) -> pathops.Path:
    """A closed skia-pathops path through the polygon's points."""
    path = pathops.Path()
    pen = path.getPen()
    pen.moveTo(polygon[0])
    for point in polygon[1:]:
        pen.lineTo(point)
    pen.closePath()
    return path


def self_intersecting_contours(contours: list[Contour]) -> int:
    """Contours whose own union (skia-pathops, non-zero) is not the contour itself."""
    bad = 0
    for c in contours:
        if len(c.polygon) < 3:
            continue
        simple = pathops.simplify(polygon_path(c.polygon), fix_winding=False, keep_starting_points=True)
        areas = [Contour(polygon=_path_polygon(sub)).area() for sub in _subpaths(simple)]
        own = abs(c.area())
        if len(areas) != 1 or abs(abs(areas[0]) - own) > max(1.0, 1e-3 * own):
            bad += 1
    return bad


def _subpaths(path: pathops.Path):
    current: list = []
    for verb, pts in path:
        if verb == pathops.PathVerb.MOVE:
            current = [pts[0]]
        elif verb in (pathops.PathVerb.LINE, pathops.PathVerb.QUAD, pathops.PathVerb.CUBIC):
            current.append(pts[-1])
        elif verb == pathops.PathVerb.CLOSE:
            yield current
            current = []
    if len(current) >= 3:
        yield current


def _path_polygon(points):
    return list(points)


def ink_bounds(contours: list[Contour]):
    """(xMin, yMin, xMax, yMax) of the flattened ink, or None for an empty glyph."""
    pts = [np.asarray(c.polygon, float) for c in contours if len(c.polygon)]
    if not pts:
        return None
    p = np.concatenate(pts)
    return (*p.min(axis=0).tolist(), *p.max(axis=0).tolist())


def beyond(bounds, extremes) -> bool:
    if bounds is None:
        return False
    x0, y0, x1, y1 = bounds
    ex0, ey0, ex1, ey1 = extremes
    return x0 < ex0 - 0.5 or y0 < ey0 - 0.5 or x1 > ex1 + 0.5 or y1 > ey1 + 0.5


def _distance_transform(ink: np.ndarray) -> np.ndarray:
    from scipy.ndimage import distance_transform_edt

    return distance_transform_edt(ink)


def stroke_widths(ink: np.ndarray) -> np.ndarray:
    """Stroke widths (px) on the medial ridge of a binary glyph: twice the distance to paper.

    Ridge pixels are where the distance transform peaks across some direction
    (≥ both neighbours, > one of them). Only ridge pixels where the ridge runs
    level (no neighbour more than half a pixel higher) count: that leaves out
    the spurs into corners and the climbs into joins, whose distance says
    nothing about a stroke's width.
    """
    dt = _distance_transform(ink)
    padded = np.pad(dt, 1)
    h, w = dt.shape
    ridge = np.zeros(dt.shape, bool)
    highest = dt.copy()
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        a = padded[1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w]
        b = padded[1 - dy : 1 - dy + h, 1 - dx : 1 - dx + w]
        ridge |= (dt >= a) & (dt >= b) & ((dt > a) | (dt > b))
        highest = np.maximum(highest, np.maximum(a, b))
    return 2.0 * dt[ridge & (dt > 1) & (highest - dt <= 0.5)]


def width_cv(widths: np.ndarray) -> float:
    return float(np.std(widths) / np.mean(widths)) if len(widths) > 1 else float("nan")


def count_holes(ink: np.ndarray) -> int:
    """Counters: paper regions (4-connected) not touching the border."""
    from scipy.ndimage import label

    paper = np.pad(~ink, 1, constant_values=True)
    labels, n = label(paper)
    return int(n - 1)


# ------------------------------------------------------------------ whole fonts


@dataclass
class GlyphMeasures:
    char: str
    hv_length: float
    line_length: float
    semi_hv: bool
    colinear: bool
    micro: int
    miswound: int
    self_intersecting: int
    beyond_extremes: bool
    points: int
    contours: int
    width_cv: float = float("nan")
    widths: np.ndarray | None = None
    counters_changed: bool | None = None
    iou128: float | None = None

    def score(self) -> float:
        """Combined badness for picking the worst glyphs."""
        hv = self.hv_length / self.line_length if self.line_length else 1.0
        cv = 0.0 if math.isnan(self.width_cv) else max(0.0, self.width_cv - 0.06) * 10
        return (
            (1 - hv)
            + self.semi_hv
            + self.colinear
            + cv
            + min(self.micro, 3)
            + self.miswound
            + self.self_intersecting
            + self.beyond_extremes
            + bool(self.counters_changed)
        )


class FontOutlines:
    """A font's glyph outlines by character."""

    def __init__(self, path):
        self.font = TTFont(path, lazy=True)
        self.glyphs = self.font.getGlyphSet()
        self.cmap = self.font.getBestCmap()
        self.upm = self.font["head"].unitsPerEm

    def contours(self, char: str) -> list[Contour]:
        glyph = self.glyphs[self.cmap[ord(char)]]
        pen = ContourPen(self.glyphs)
        glyph.draw(pen)
        return [c for c in pen.contours if len(c.polygon) >= 2]

    def point_count(self, char: str) -> int:
        glyf = self.font["glyf"] if "glyf" in self.font else None
        if glyf is None:
            return sum(len(c.polygon) for c in self.contours(char))
        coords, _, _ = glyf[self.cmap[ord(char)]].getCoordinates(glyf)
        return len(coords)

    def han(self) -> list[str]:
        return sorted(chr(cp) for cp in self.cmap if is_han(chr(cp)))


def target_extremes(target: FontOutlines, chars: list[str]):
    """The box the target's ideographs stay inside: the bounds its glyf table stores, else
    the flattened ink's."""
    stored = ink_box(target.font, [target.cmap[ord(c)] for c in chars])
    if stored is not None:
        return stored
    bounds = [b for b in (ink_bounds(target.contours(c)) for c in chars) if b is not None]
    b = np.asarray(bounds)
    return (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max()))


def measure(
    font: FontOutlines,
    chars: list[str],
    extremes,
    *,
    font_path,
    source_path=None,
    target_path=None,
) -> list[GlyphMeasures]:
    """Every measure of every character of ``chars`` in ``font``."""
    rows = []
    for char in chars:
        cs = font.contours(char)
        hv, total = hv_lengths(cs)
        rows.append(
            GlyphMeasures(
                char,
                hv,
                total,
                has_semi_axis_line(cs),
                has_colinear_lines(cs),
                micro_contours(cs),
                miswound_contours(cs),
                self_intersecting_contours(cs),
                beyond(ink_bounds(cs), extremes),
                font.point_count(char),
                len(cs),
            )
        )
    opened = open_font(font_path)
    for start in range(0, len(chars), 64):
        chunk = chars[start : start + 64]
        images = render(opened, chunk, WIDTH_PPEM * opened.upm // 1000, cache=False).images
        scale = opened.upm / images.shape[1]
        for row, image in zip(rows[start : start + 64], images, strict=True):
            widths = stroke_widths(image >= 128) * scale
            row.widths, row.width_cv = widths, width_cv(widths)
    if source_path is not None:
        _counters(rows, chars, opened, open_font(source_path))
    if target_path is not None:
        _iou(rows, chars, opened, open_font(target_path))
    return rows


def _counters(rows, chars, font, source) -> None:
    have = [c for c in chars if source.has(c)]
    ours = render(font, have, IOU_SIZE, cache=False).images >= 128
    theirs = render(source, have, IOU_SIZE, cache=False).images >= 128
    by_char = {c: count_holes(a) != count_holes(b) for c, a, b in zip(have, ours, theirs, strict=True)}
    for row in rows:
        row.counters_changed = by_char.get(row.char)


def _iou(rows, chars, font, target) -> None:
    have = [c for c in chars if target.has(c)]
    if not have:
        return
    ours = render(font, have, IOU_SIZE, cache=False).images >= 128
    theirs = render(target, have, IOU_SIZE, cache=False).images >= 128
    by_char = {c: iou(a, b) for c, a, b in zip(have, ours, theirs, strict=True)}
    for row in rows:
        row.iou128 = by_char.get(row.char)


def summarise(rows: list[GlyphMeasures]) -> dict:
    n = len(rows)
    hv = sum(r.hv_length for r in rows)
    total = sum(r.line_length for r in rows)
    widths = np.concatenate([r.widths for r in rows if r.widths is not None and len(r.widths)] or [[]])
    cvs = [r.width_cv for r in rows if not math.isnan(r.width_cv)]
    counters = [r.counters_changed for r in rows if r.counters_changed is not None]
    ious = [r.iou128 for r in rows if r.iou128 is not None]
    return {
        "glyphs": n,
        "hv_share": hv / total if total else 1.0,
        "semi_hv": sum(r.semi_hv for r in rows) / n,
        "colinear": sum(r.colinear for r in rows) / n,
        "width_cv": float(np.median(cvs)) if cvs else None,
        "width_p10": float(np.percentile(widths, 10)) if len(widths) else None,
        "micro": sum(r.micro > 0 for r in rows),
        "miswound": sum(r.miswound for r in rows),
        "self_intersecting": sum(r.self_intersecting for r in rows),
        "beyond_extremes": sum(r.beyond_extremes for r in rows),
        "counters_changed": sum(counters) if counters else None,
        "points": sum(r.points for r in rows) / n,
        "contours": sum(r.contours for r in rows) / n,
        "iou128": float(np.mean(ious)) if ious else None,
    }


ROWS = (
    ("hv_share", "share of straight-segment length exactly horizontal/vertical", "pct"),
    ("semi_hv", "glyphs with a nearly-but-not-quite H/V line (≤ 0.5°)", "pct"),
    ("colinear", "glyphs with consecutive colinear lines (< 0.1 rad)", "pct"),
    ("width_cv", "stroke-width variation along strokes (CV, 500 ppem)", "f3"),
    ("width_p10", "10th-percentile stroke width, font units", "f0"),
    ("micro", "glyphs with micro-contours under 400 unit²", "count"),
    ("miswound", "contours wound against their nesting", "count"),
    ("self_intersecting", "self-intersecting contours", "count"),
    ("beyond_extremes", "glyphs whose ink passes the target's ideographic extremes", "count"),
    ("counters_changed", "glyphs whose counter count differs from the source glyph's", "count"),
    ("points", "points per glyph", "f1"),
    ("contours", "contours per glyph", "f1"),
    ("iou128", "IoU against the target's glyph at 128 px (held-out)", "f4"),
    ("export_s", "trace + write the 647-glyph demo font, CPU s", "f1"),
)


def _cell(value, kind, n) -> str:
    if value is None:
        return "–"
    if kind == "pct":
        return f"{100 * value:.1f} %"
    if kind == "count":
        return f"{value} ({100 * value / n:.1f} %)" if n else str(value)
    return f"{value:.{kind[1]}f}"


def table(columns: dict[str, dict]) -> str:
    """A Markdown table: one row per measure, one column per summary."""
    names = list(columns)
    head = "| measure | " + " | ".join(f"{k} ({columns[k]['glyphs']:,} glyphs)" for k in names) + " |"
    lines = [head, "|---|" + "---|" * len(names)]
    for key, label, kind in ROWS:
        if all(columns[k].get(key) is None for k in names):
            continue
        cells = [_cell(columns[k].get(key), kind, columns[k]["glyphs"]) for k in names]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def worst_sheet(rows, font_path, target_path, target_chars, out, count=24, size=400) -> None:
    """The ``count`` worst glyphs, each beside the nearest target glyph, at ``size`` px."""
    from PIL import Image, ImageDraw

    worst = sorted(rows, key=lambda r: -r.score())[:count]
    font, target = open_font(font_path), open_font(target_path)
    small_ours = render(font, [r.char for r in worst], 64, cache=False).images >= 128
    small_target = render(target, target_chars, 64, cache=False)
    pool = small_target.images >= 128
    flat = pool.reshape(len(pool), -1).astype(np.float32)
    nearest = []
    for image in small_ours:
        v = image.reshape(-1).astype(np.float32)
        inter = flat @ v
        union = flat.sum(1) + v.sum() - inter
        nearest.append(small_target.chars[int(np.argmax(inter / np.maximum(union, 1)))])
    ours = render(font, [r.char for r in worst], size, cache=False).images
    drawn = render(target, nearest, size, cache=False)
    theirs = [drawn.images[drawn.chars.index(c)] for c in nearest]
    cols = 4
    label = 28
    cell_w, cell_h = 2 * size + 20, size + label
    rows_n = math.ceil(len(worst) / cols)
    sheet = Image.new("L", (cols * cell_w, rows_n * cell_h), 255)
    draw = ImageDraw.Draw(sheet)
    for i, (row, a, b, near) in enumerate(zip(worst, ours, theirs, nearest, strict=True)):
        x, y = (i % cols) * cell_w, (i // cols) * cell_h
        sheet.paste(Image.fromarray(255 - a), (x, y + label))
        sheet.paste(Image.fromarray(255 - b), (x + size, y + label))
        draw.rectangle([x, y + label, x + 2 * size - 1, y + cell_h - 1], outline=160)
        draw.text(
            (x + 4, y + 6),
            f"U+{ord(row.char):04X} score {row.score():.2f}   nearest target: U+{ord(near):04X}",
            fill=0,
        )
    sheet.save(out)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("font", help="a font written by fontassist export/demo")
    p.add_argument("--target", required=True, help="the target font")
    p.add_argument("--source", help="the source font (for the counter-count row)")
    p.add_argument(
        "--target-sample", type=int, default=1000, help="target ideographs measured (0: all; default 1000)"
    )
    p.add_argument("--before", help="a second font written from the same glyphs (an earlier tracer)")
    p.add_argument("--sheet", help="PNG: the 24 worst glyphs beside their nearest target glyphs, 400 px")
    p.add_argument("--json", help="write the summaries (and per-glyph scores) here")
    args = p.parse_args(argv)

    target = FontOutlines(args.target)
    target_chars = target.han()
    extremes = target_extremes(target, target_chars)
    sample = target_chars
    if args.target_sample and len(target_chars) > args.target_sample:
        step = len(target_chars) / args.target_sample
        sample = [target_chars[int(i * step)] for i in range(args.target_sample)]

    def ours(path):
        font = FontOutlines(path)
        added = [c for c in font.han() if ord(c) not in target.cmap]
        chars = added or font.han()
        return chars, measure(
            font, chars, extremes, font_path=path, source_path=args.source, target_path=args.target
        )

    columns = {}
    target_rows = measure(target, sample, extremes, font_path=args.target)
    columns["target"] = summarise(target_rows)
    if args.before:
        columns["before"] = summarise(ours(args.before)[1])
    chars, rows = ours(args.font)
    columns["ours"] = summarise(rows)
    print(
        f"target ideographic ink extremes: xMin {extremes[0]:g}, yMin {extremes[1]:g}, "
        f"xMax {extremes[2]:g}, yMax {extremes[3]:g}"
    )
    print(table(columns))
    if args.sheet:
        worst_sheet(rows, args.font, args.target, sample, args.sheet)
        print(f"wrote {args.sheet}")
    if args.json:
        record = {
            "columns": columns,
            "extremes": extremes,
            "worst": [
                {k: v for k, v in asdict(r).items() if k != "widths"} | {"score": r.score()}
                for r in sorted(rows, key=lambda r: -r.score())[:24]
            ],
        }
        Path(args.json).write_text(json.dumps(record, indent=1, ensure_ascii=False, default=float))
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
