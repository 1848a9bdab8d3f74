"""Trace defaults live on TraceSettings: the CLI reads them from there; tolerances come from the target."""

import dataclasses

import numpy as np
import pytest

from fontassist.cli import build_parser
from fontassist.fonts import open_font
from fontassist.fonts.emframe import EmFrame
from fontassist.vector import TraceSettings, trace_outline
from fontassist.vector.targetshape import shape_of, target_shape


@pytest.mark.parametrize(
    "command", [["export", "run.pt", "--out", "x.ttf", "--family", "X"], ["glyphs", "--out", "d"]]
)
def test_cli_defaults_and_help_are_the_dataclass_defaults(command):
    parser = build_parser()
    args = parser.parse_args(command)
    sub = next(
        a for a in parser._subparsers._group_actions[0].choices.values() if a.prog.endswith(command[0])
    )
    helps = {}
    for action in sub._actions:
        helps[action.dest] = helps.get(action.dest, "") + (action.help or "")
    for f in TraceSettings.tunable():
        assert getattr(args, f.name) == f.default, f.name
        assert f.metadata["help"] in helps[f.name], f.name
        if f.default is not None and not isinstance(f.default, bool):
            assert f"(default {f.default:g})" in helps[f.name]


def test_each_cleaning_step_has_a_cli_switch():
    args = build_parser().parse_args(
        ["export", "run.pt", "--out", "x.ttf", "--family", "X", "--no-straighten", "--no-fit-extremes"]
    )
    assert args.straighten is False and args.fit_extremes is False and args.merge_colinear is True


def test_measured_fields_are_filled_from_the_target_or_their_fallback():
    fallback = TraceSettings().fitted_to(None)
    assert fallback.axis_angle == 3.5 and fallback.colinear_angle == 5.7 and fallback.ink_box is None
    chosen = TraceSettings(axis_angle=1.0).fitted_to(None)
    assert chosen.axis_angle == 1.0
    with pytest.raises(ValueError):
        TraceSettings(axis_angle=60)


def test_tolerances_come_from_the_targets_own_outlines():
    # A "target" whose straight edges lean 2.005° here and there: the axis angle stays below that.
    square = (np.array([[0, 0], [0, 800], [800, 800], [800, 0]], float), np.ones(4, bool))
    leaning = (np.array([[0, 0], [0, 800], [800, 828], [800, 0]], float), np.ones(4, bool))
    shape = shape_of([square] * 50 + [leaning] * 50)
    assert shape.axis_angle <= 2.0 and shape.ink_box == (0, 0, 800, 828)
    straight = shape_of([square] * 100)
    assert straight.axis_angle == 8.0  # never leans: the widest snapping allowed


def test_the_bundled_target_gives_its_shape(zen_path):
    shape = target_shape(open_font(zen_path))
    assert 1.0 <= shape.axis_angle <= 8.0
    x0, y0, x1, y1 = shape.ink_box
    assert -200 < y0 < 0 < x0 < 100 and 800 < y1 < 1000 and 900 < x1 < 1100


def test_every_step_can_be_switched_off():
    raster = np.zeros((64, 64), np.uint8)
    for col in range(8, 56):  # a bar whose bottom edge steps down a pixel twice
        raster[10 : 20 + (col >= 20) + (col >= 40), col] = 255
    frame = EmFrame(1000, -120, 64)
    off = {f.name: False for f in TraceSettings.tunable() if isinstance(f.default, bool)}
    raw = trace_outline(raster, frame, **off)
    tidy = trace_outline(raster, frame)
    assert tidy.stats().points < raw.stats().points
    assert np.array_equal(
        trace_outline(raster, frame, straighten=False, merge_colinear=False).points, raw.points
    )
    assert dataclasses.replace(TraceSettings(), **off).straighten is False


def test_stroke_width_variation_tells_a_monoline_drawing_from_one_with_contrast():
    from fontassist.vector.evenwidth import width_variation

    mono = np.zeros((1, 192, 192), np.uint8)
    contrast = np.zeros((1, 192, 192), np.uint8)
    for k in range(3):
        mono[0, 30 + 50 * k : 46 + 50 * k, 20:172] = 255  # three 16 px horizontals
        mono[0, 20:172, 30 + 60 * k : 46 + 60 * k] = 255  # three 16 px verticals
        contrast[0, 30 + 50 * k : 38 + 50 * k, 20:172] = 255  # 8 px horizontals
        contrast[0, 20:172, 30 + 60 * k : 52 + 60 * k] = 255  # 22 px verticals
    assert width_variation(mono) < 0.10 < width_variation(contrast)


def test_stroke_width_is_evened_by_default_for_a_near_monoline_target_only(zen_path):
    zen = target_shape(open_font(zen_path))
    assert zen.width_variation < 0.10 and zen.even_width is True
    assert TraceSettings().fitted_to(zen).even_width is True
    assert TraceSettings(even_width=False).fitted_to(zen).even_width is False
    contrast = dataclasses.replace(zen, width_variation=0.13)
    assert TraceSettings().fitted_to(contrast).even_width is False
    assert TraceSettings().fitted_to(None).even_width is False


def test_the_width_is_measured_only_when_the_target_decides_the_even_width_step(zen_path, monkeypatch):
    from fontassist import pipeline
    from fontassist.vector import targetshape

    zen = open_font(zen_path)
    calls = []
    monkeypatch.setattr(targetshape, "_WIDTHS", {})
    monkeypatch.setattr(targetshape, "width_variation", lambda images: calls.append(len(images)) or 0.05)
    assert target_shape(zen, width=False).width_variation is None
    assert pipeline.settings_for(TraceSettings(even_width=False), zen).even_width is False
    assert pipeline.settings_for(TraceSettings(even_width=True), zen).even_width is True
    assert calls == []
    assert pipeline.settings_for(None, zen).even_width is True
    assert len(calls) == 1
