"""Tracing rasters into pens: fidelity on real glyphs, TrueType conventions, exact placement."""

import numpy as np
import pathops
import pytest
from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

from fontassist.fonts import open_font, render
from fontassist.fonts.emframe import EmFrame
from fontassist.train.similarity import iou
from fontassist.vector import (
    FontOutline,
    TraceSettings,
    trace,
    trace_outline,
    trace_outlines,
    trace_to_glyph,
    trace_to_svg_path,
)
from tests.conftest import draw_rect

from .masks import outline_coverage, outline_mask

CHARS = "永東國酬愛"
FRAME = EmFrame(upm=1000, bottom=-120, size=128)


@pytest.fixture(scope="module")
def noto(noto_path):
    font = open_font(noto_path)
    rendered = render(font, CHARS, 128, cache=False)
    ttfont = TTFont(noto_path)
    glyphs, cmap = ttfont.getGlyphSet(), ttfont.getBestCmap()
    outlines = {c: glyphs[cmap[ord(c)]] for c in CHARS}
    return rendered, outlines


def _signed_area(points):
    x, y = np.asarray(points, float).T
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))


def _square_raster(frame, x0, y0, x1, y1, hole=None):
    def draw(pen):
        draw_rect(pen, x0, y0, x1, y1)
        if hole is not None:
            draw_rect(pen, *hole, clockwise=False)

    return outline_coverage(draw, frame, oversample=8)


def test_real_glyphs_trace_back_to_their_outlines(noto):
    rendered, outlines = noto
    big = rendered.frame.with_size(512)
    for char, image in zip(rendered.chars, rendered.images, strict=False):
        pen = RecordingPen()
        stats = trace(image, rendered.frame, pen)
        score = iou(outline_mask(pen.replay, big), outline_mask(outlines[char].draw, big))
        assert score > 0.97, (char, score)
        assert 0 < stats.points < 250


def test_grey_levels_beat_the_thresholded_raster(noto):
    rendered, outlines = noto
    big = rendered.frame.with_size(512)
    grey, binary = [], []
    for char, image in zip(rendered.chars, rendered.images, strict=False):
        truth = outline_mask(outlines[char].draw, big)
        for raster, scores in ((image, grey), (np.where(image > 127, 255, 0).astype(np.uint8), binary)):
            pen = RecordingPen()
            trace(raster, rendered.frame, pen)
            scores.append(iou(outline_mask(pen.replay, big), truth))
    assert np.mean(grey) > np.mean(binary) + 0.01


def test_outer_contours_clockwise_holes_counter_clockwise():
    raster = _square_raster(FRAME, 100, 0, 700, 600, hole=(300, 200, 500, 400))
    outline = trace_outline(raster, FRAME)
    areas = sorted(_signed_area(points) for points, _ in outline.contours())
    assert len(areas) == 2
    assert areas[0] < 0 < areas[1]  # y-up: clockwise is negative
    assert abs(areas[0]) > abs(areas[1])  # the clockwise one is the outer


def test_glyph_contours_follow_truetype_winding(noto):
    rendered, _ = noto
    image = rendered.images[rendered.chars.index("國")]
    outline = trace_outline(image, rendered.frame)
    areas = [_signed_area(points) for points, _ in outline.contours()]
    assert sum(a < 0 for a in areas) >= 2 and sum(a > 0 for a in areas) >= 2  # strokes and counters
    assert sum(areas) < 0  # ink encloses more than the holes


def test_outlines_have_no_overlaps_or_self_intersections(noto):
    rendered, _ = noto
    for image in rendered.images:
        path = pathops.Path()
        trace(image, rendered.frame, path.getPen())
        again = pathops.simplify(path, fix_winding=True, clockwise=True)
        assert len(list(again.contours)) == len(list(path.contours))
        assert abs(again.area - path.area) <= 1e-6 * path.area  # removing overlaps would change nothing


def test_points_are_integers_and_segments_have_length(noto):
    rendered, _ = noto
    for image in rendered.images:
        pen = RecordingPen()
        trace(image, rendered.frame, pen)
        points = [p for _, args in pen.value for p in args if p is not None]
        assert points and all(isinstance(v, int) for p in points for v in p)
        for contour, _ in trace_outline(image, rendered.frame).contours():
            assert not np.any(np.all(contour == np.roll(contour, 1, axis=0), axis=1))  # cyclically


def test_position_and_size_come_back_exactly():
    frame = EmFrame(upm=1000, bottom=-120, size=128)
    raster = _square_raster(frame, 103, -47, 611, 529)
    outline = trace_outline(raster, frame)
    assert len(outline.count) == 1
    assert outline.on_curve.all() and len(outline.points) == 4  # four corners, four straight lines
    xs, ys = sorted(set(outline.points[:, 0])), sorted(set(outline.points[:, 1]))
    assert np.allclose([xs[0], xs[-1], ys[0], ys[-1]], [103, 611, -47, 529], atol=2)


def test_other_frames_map_back_too():
    frame = EmFrame(upm=2048, bottom=-400, size=96, margin=0.1, left=50)
    raster = _square_raster(frame, 400, 0, 1500, 1200)
    outline = trace_outline(raster, frame)
    assert np.allclose(outline.points.min(axis=0), [400, 0], atol=6)  # 1 px is 25.6 units here
    assert np.allclose(outline.points.max(axis=0), [1500, 1200], atol=6)


def test_round_shapes_become_smooth_curves_with_points_at_extremes():
    frame = FRAME.with_size(128)
    raster = outline_coverage(lambda pen: _circle(pen, 500, 380, 300), frame, oversample=8)
    outline = trace_outline(raster, frame)
    assert len(outline.count) == 1
    assert (~outline.on_curve).sum() >= 4  # curves, not a polygon
    points, on = outline.points, outline.on_curve
    assert 0 < on.sum() <= 4
    for i in np.nonzero(on)[0]:
        x, y = points[i]
        at_extreme_x, at_extreme_y = abs(abs(x - 500) - 300) <= 8, abs(abs(y - 380) - 300) <= 8
        assert at_extreme_x or at_extreme_y, (x, y)
        # The curve passes through smoothly: both neighbours share the extreme coordinate.
        before, after = points[i - 1], points[(i + 1) % len(points)]
        axis = 0 if at_extreme_x else 1
        assert before[axis] == after[axis] == points[i][axis]
    big = frame.with_size(512)
    assert (
        iou(outline_mask(outline.draw, big), outline_mask(lambda pen: _circle(pen, 500, 380, 300), big))
        > 0.99
    )


def test_rounded_rectangles_get_straight_sides_and_points_where_curves_begin():
    frame = FRAME.with_size(128)

    def rounded(pen):  # x 200..800, y 250..450, corners of radius 100: straight sides 400 and 0..100 long
        pen.moveTo((300, 250))
        pen.lineTo((700, 250))
        pen.qCurveTo((800, 250), (800, 350), (800, 450), (700, 450))  # (800, 300)-(800, 400) is straight
        pen.lineTo((300, 450))
        pen.qCurveTo((200, 450), (200, 350), (200, 250), (300, 250))
        pen.closePath()

    outline = trace_outline(outline_coverage(rounded, frame, oversample=8), frame)
    points, on = outline.points, outline.on_curve
    n = len(points)
    sides = [(points[i], points[(i + 1) % n], i) for i in range(n) if on[i] and on[(i + 1) % n]]
    horizontal = [(a, b, i) for a, b, i in sides if a[1] == b[1]]
    vertical = [(a, b, i) for a, b, i in sides if a[0] == b[0]]
    assert len(sides) == 4 and len(horizontal) == 2 and len(vertical) == 2
    assert all(abs(b[0] - a[0]) > 380 for a, b, _ in horizontal)
    for a, b, i in sides:
        # Where a side meets a rounded corner, the curve leaves along the side.
        axis = 1 if a[1] == b[1] else 0
        assert points[(i + 2) % n][axis] == b[axis] and points[i - 1][axis] == a[axis]
    big = frame.with_size(512)
    assert iou(outline_mask(outline.draw, big), outline_mask(rounded, big)) > 0.99


def _circle(pen, cx, cy, r, steps=64):
    angles = np.linspace(0, 2 * np.pi, steps, endpoint=False)
    pen.moveTo((cx + r, cy))
    for a in angles[1:]:
        pen.lineTo((cx + r * np.cos(a), cy - r * np.sin(a)))
    pen.closePath()


def test_specks_below_the_area_are_dropped():
    raster = _square_raster(FRAME, 100, 0, 700, 600, hole=(300, 200, 310, 210))  # a pinhole of ~1.6 px²
    raster[5:7, 120] = 255  # a 2 px speck
    assert len(trace_outline(raster, FRAME).count) == 1
    raster[10:12, 10:13] = 255  # 6 px² of ink stays
    assert len(trace_outline(raster, FRAME).count) == 2
    # Speck and pinhole kept (the traced pinhole encloses under 0.5 px², and the area holds after tracing too).
    assert len(trace_outline(raster, FRAME, speck_area=0.4).count) == 4


def test_empty_raster_draws_nothing():
    pen = RecordingPen()
    stats = trace(np.zeros((128, 128), np.uint8), FRAME, pen)
    assert pen.value == [] and stats.contours == 0 and stats.points == 0
    assert trace_to_glyph(np.zeros((128, 128), np.uint8), FRAME).numberOfContours == 0


def test_feeds_truetype_glyphs_and_svg(noto):
    rendered, _ = noto
    image = rendered.images[0]
    glyph = trace_to_glyph(image, rendered.frame)
    outline = trace_outline(image, rendered.frame)
    assert glyph.numberOfContours == len(outline.count)
    assert len(glyph.coordinates) == len(outline.points)
    flags = np.array(glyph.flags) & 1
    assert np.array_equal(flags.astype(bool), outline.on_curve)
    pen = TTGlyphPen(None)
    stats = trace(image, rendered.frame, pen)
    assert stats.points == len(pen.glyph().coordinates)
    svg = trace_to_svg_path(image, rendered.frame)
    assert svg.startswith("M") and svg.count("Z") == len(outline.count)


def test_a_batch_traces_like_one_glyph_at_a_time(noto):
    rendered, _ = noto
    stack = np.concatenate([rendered.images, np.zeros((1, 128, 128), np.uint8)])
    batch = trace_outlines(stack, rendered.frame)
    assert len(batch) == len(stack)
    for image, outline in zip(stack, batch, strict=False):
        alone = trace_outline(image, rendered.frame)
        assert np.array_equal(outline.points, alone.points)
        assert np.array_equal(outline.on_curve, alone.on_curve)
        assert np.array_equal(outline.count, alone.count)
    assert batch[-1].stats().contours == 0


def test_contours_of_only_off_curve_points_reach_every_pen():
    outline = FontOutline(
        np.array([[0, 100], [100, 100], [100, 0], [0, 0]]), np.zeros(4, bool), np.array([4])
    )
    pen = TTGlyphPen(None)
    outline.draw(pen)
    glyph = pen.glyph()
    assert glyph.numberOfContours == 1 and not any(flag & 1 for flag in glyph.flags)
    recording = RecordingPen()
    outline.draw(recording)
    assert recording.value[0] == ("qCurveTo", ((0, 100), (100, 100), (100, 0), (0, 0), None))
    svg = SVGPathPen(None)
    outline.draw(svg)
    assert svg.getCommands().startswith("M")


def test_bad_rasters_are_refused():
    with pytest.raises(ValueError, match="uint8"):
        trace_outline(np.zeros((128, 128), np.float32), FRAME)
    with pytest.raises(ValueError, match="em frame"):
        trace_outline(np.zeros((64, 64), np.uint8), FRAME)
    with pytest.raises(ValueError, match="threshold"):
        trace_outline(np.zeros((128, 128), np.uint8), FRAME, threshold=1.5)
    with pytest.raises(ValueError, match="uint8"):
        trace_outlines(np.zeros((128, 128), np.uint8), FRAME)  # one raster is not a stack
    with pytest.raises(TypeError):
        trace_outline(np.zeros((128, 128), np.uint8), FRAME, corner_angel=40)


def _pathops_contours(outline: FontOutline) -> list:
    path = pathops.Path()
    outline.draw(path.getPen())
    return list(path.contours)


def test_the_clean_contours_stage_ends_untangled_and_wound_truetype_s_way():
    """A bow-tie (crossing itself) and a counter-clockwise outer square, as rounding or the
    ink-box fit after the overlap removal can leave them, come out as simple clockwise contours."""
    from fontassist.vector.tracer import _glyph_cleaned
    from fontassist.vector.tracesettings import TraceSettings

    bowtie = [(0, 0), (400, 400), (400, 0), (0, 200)]  # crossing itself at (133.3, 133.3)
    square_ccw = [(600, 0), (900, 0), (900, 300), (600, 300)]
    points = np.array(bowtie + square_ccw, np.int64)
    tangled = FontOutline(points, np.ones(len(points), bool), np.array([4, 4]))
    bowtie_path, square_path = _pathops_contours(tangled)
    assert len(list(pathops.simplify(bowtie_path, fix_winding=False).contours)) == 2
    assert not square_path.clockwise

    cleaned = _glyph_cleaned(tangled, TraceSettings(), min_area=0.0)
    contours = _pathops_contours(cleaned)
    assert len(contours) == 3  # the bow-tie's two triangles and the square
    for contour in contours:
        alone = pathops.simplify(contour, fix_winding=False)
        assert len(list(alone.contours)) == 1 and alone.area == pytest.approx(contour.area)
        assert contour.clockwise  # outer contours clockwise (y-up), as TrueType wants
    triangles = 200 * (400 / 3) / 2 + 400 * (800 / 3) / 2
    assert sum(c.area for c in contours) == pytest.approx(triangles + 300 * 300, rel=0.01)
    assert cleaned.points.dtype == np.int64


# Held-out 陰's first contour as the clean-contours stage used to write it: down the left edge to
# y=106, up a 2-unit curve to 108, down again; the curves only touch, so skia-pathops' union
# keeps the fold, but flattened (as outline checks and rasterisers see it) it crosses itself.
_YIN = [
    ((346, 754), 1), ((310, 637), 0), ((237, 514), 1), ((251, 467), 1), ((360, 384), 0), ((337, 209), 1),
    ((773, 209), 1), ((831, 209), 0), ((886, 210), 1), ((929, 211), 0), ((939, 193), 1), ((942, 187), 0),
    ((942, 180), 1), ((942, 170), 0), ((937, 164), 1), ((925, 146), 0), ((876, 153), 1), ((810, 163), 0),
    ((760, 158), 1), ((778, 122), 0), ((808, 78), 0), ((836, 37), 0), ((887, 13), 0), ((906, -26), 0),
    ((951, -74), 1), ((902, -79), 0), ((831, -26), 0), ((791, -26), 1), ((517, -50), 1), ((501, -45), 0),
    ((459, -38), 0), ((426, -18), 0), ((376, -30), 0), ((344, -23), 1), ((482, 64), 0), ((540, 160), 1),
    ((382, 160), 1), ((330, 209), 1), ((305, 179), 0), ((251, 119), 0), ((210, 118), 1), ((174, 116), 0),
    ((153, 133), 1), ((174, 184), 0), ((192, 194), 1), ((261, 194), 1), ((280, 248), 0), ((280, 287), 1),
    ((280, 316), 0), ((265, 359), 0), ((253, 404), 0), ((210, 437), 0), ((186, 486), 0), ((174, 513), 1),
    ((246, 633), 0), ((277, 735), 1), ((195, 770), 0), ((162, 743), 1), ((142, 727), 0), ((142, 685), 1),
    ((142, 106), 1), ((143, 107), 0), ((143, 108), 1), ((137, 49), 0), ((142, -11), 1), ((146, -70), 0),
    ((124, -83), 1), ((118, -86), 0), ((110, -86), 1), ((93, -86), 0), ((75, -52), 0), ((82, 12), 0),
    ((74, 78), 0), ((85, 126), 0), ((85, 151), 1), ((85, 777), 1), ((140, 812), 0), ((308, 792), 0),
]  # fmt: skip


def _flattened_pieces(outline: FontOutline) -> list[int]:
    """How many simple pieces each contour falls into once its curves are flattened (1: simple)."""
    from benchmarks import outline_quality as q

    pieces = []
    for contour in q.contours_of(outline):
        path = q.polygon_path(contour.polygon)
        pieces.append(len(list(pathops.simplify(path, fix_winding=False).contours)))
    return pieces


def test_untangling_squares_off_the_fold_held_out_yin_kept():
    from fontassist.vector.tracer import untangled

    points = np.array([p for p, _ in _YIN], np.int64)
    on_curve = np.array([bool(f) for _, f in _YIN])
    count = np.array([len(_YIN)])
    assert _flattened_pieces(FontOutline(*untangled(points, on_curve, count))) == [2]  # the old way

    cleaned = FontOutline(*untangled(points, on_curve, count, fold_length=12))
    assert _flattened_pieces(cleaned) == [1]
    assert len(cleaned.points) == len(points) - 1  # the fold's handle went: it is a line now
    before = pathops.Path()
    FontOutline(points, on_curve, count).draw(before.getPen())
    after = pathops.Path()
    cleaned.draw(after.getPen())
    assert abs(after.area - before.area) < 0.001 * before.area


def test_enlarged_rasters_are_tidied_in_drawn_pixels():
    """Rasters an upscaler enlarged 4x are traced with the tolerances of the drawn 64 px glyph
    (the frame says so), not four times finer: a one-pixel wobble of the model stays a wobble."""
    from fontassist.fonts import EmFrame
    from fontassist.vector import TraceSettings

    drawn = EmFrame(1000, -120.0, 64)
    frame = drawn.upscaled(4)
    assert frame.size == 256 and frame.enlarged == 4 and frame.scale == 4 * drawn.scale
    assert frame.with_size(256).enlarged == 1 and EmFrame.from_dict(frame.to_dict()) == frame
    assert "enlarged" not in drawn.to_dict()  # frames of drawn rasters are stored as before
    settings = TraceSettings().enlarged(4)
    assert (settings.tolerance, settings.speck_area, settings.straighten_deviation) == (1.0, 64.0, 3.0)
    assert (settings.corner_window, settings.extremum_window) == (8.0, 2.0)
    assert TraceSettings().enlarged(1) == TraceSettings()

    # A speck of 5x5 px beside a square at 256 px: ink of its own when drawn at 256 px, a
    # speck of a fraction of a drawn pixel when the 256 px raster is a 4x enlargement.
    raster = np.zeros((256, 256), np.uint8)
    raster[64:192, 64:160] = 255
    raster[120:125, 200:205] = 255
    native, enlarged = (trace_outline(raster, f) for f in (drawn.with_size(256), frame))
    assert len(native.count) == 2 and len(enlarged.count) == 1


def test_a_round_ended_bar_without_corners_keeps_its_straight_edges_whole():
    """A bar with round ends has no corner, so its contour is one closed run whose first point
    lies on its top edge; that edge is still one flat stretch (an exact line between the two
    ends of the round caps), not cut at the contour's start and fitted as a curve."""
    n = 64 * 8
    y, x = (np.mgrid[0:n, 0:n] + 0.5) / 8
    r = 5.0
    inside = (
        ((x >= 16) & (x <= 48) & (np.abs(y - 32) <= r))
        | ((x - 16) ** 2 + (y - 32) ** 2 <= r * r)
        | ((x - 48) ** 2 + (y - 32) ** 2 <= r * r)
    )
    raster = np.round(inside.reshape(64, 8, 64, 8).mean(axis=(1, 3)) * 255).astype(np.uint8)
    outline = trace_outline(raster, EmFrame(1000, -120.0, 64))
    on = outline.points[outline.on_curve]
    lines = [
        (a, b)
        for a, b, fa, fb in zip(
            outline.points.tolist(),
            np.roll(outline.points, -1, axis=0).tolist(),
            outline.on_curve,
            np.roll(outline.on_curve, -1),
            strict=True,
        )
        if fa and fb
    ]
    horizontal = sorted(a[1] for a, b in lines if a[1] == b[1] and abs(a[0] - b[0]) > 400)
    assert len(horizontal) == 2  # top and bottom edges, each one exact line
    assert len(on) == 4  # and nothing else on-curve: the caps are curves from edge to edge


def test_enlarged_round_stroke_ends_are_curves_not_chamfers(demo_target):
    """Zen Maru Gothic's own glyphs drawn at 64 px and enlarged 4x (bicubic, as an upscaler
    would) have round stroke ends; corners judged over two drawn pixels leave them round, so
    every straight line traced is an exact horizontal or vertical. Judged over two pixels of
    the enlarged raster, the tight bends where a cap meets its stroke were corners, and the
    caps came out as slanted chords (永, 木: 6 % of their straight length)."""
    from PIL import Image

    target = open_font(demo_target)
    chars = list("永書言木貝")
    drawn = render(target, chars, 64, cache=False).images
    enlarged = np.stack([np.asarray(Image.fromarray(r).resize((256, 256), Image.BICUBIC)) for r in drawn])
    frame = target.frame(64).upscaled(4)
    for char, outline in zip(chars, trace_outlines(enlarged, frame, TraceSettings()), strict=True):
        p, on = outline.points, outline.on_curve
        line = on & np.roll(on, -1)
        # Contours one after another: a line's end is the next point of its own contour.
        stops = np.cumsum(outline.count)
        following = np.arange(len(p)) + 1
        following[stops - 1] = stops - outline.count
        d = p[following] - p
        leaning = line & (d[:, 0] != 0) & (d[:, 1] != 0)
        assert not leaning.any(), (char, p[leaning].tolist())
        assert np.hypot(*d[line].T).sum() > 1000  # its strokes' edges are lines, not curves


@pytest.mark.parametrize(("size", "enlarged"), [(64, 1), (256, 4)])
def test_even_width_evens_rasters_at_256_px_and_keeps_them_in_place(monkeypatch, size, enlarged):
    # Edges move within the anti-aliased ramp, so 64 px rasters traced as drawn are enlarged to
    # 256 px first, and the upscaler's 256 px rasters are evened as they are (not redrawn finer).
    from fontassist.vector import tracer

    seen = []
    real = tracer.even_stroke_width
    monkeypatch.setattr(
        tracer, "even_stroke_width", lambda r, *a, **k: seen.append(r.shape) or real(r, *a, **k)
    )
    frame = EmFrame(1000, -120, size // enlarged).upscaled(enlarged)
    raster = np.zeros((size, size), np.uint8)
    raster[size * 3 // 8 : size * 4 // 8, size // 8 : size * 7 // 8] = 255
    plain = trace_outline(raster, frame, even_width=False)
    even = trace_outline(raster, frame, even_width=True)
    assert seen == [(1, 256, 256)]
    assert np.abs(even.points.min(axis=0) - plain.points.min(axis=0)).max() <= 20
    assert np.abs(even.points.max(axis=0) - plain.points.max(axis=0)).max() <= 20
