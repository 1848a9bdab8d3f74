"""The app traces what the CLI traces: glyphs of a model paired with an upscaler are traced upscaled,
in the grid's outline mode, the detail view, the glyph window and the export alike (issue 17)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from fontassist import resources
from fontassist.fonts import open_font
from fontassist.model.upscaler import UpscalerConfig
from fontassist.train import upscale
from fontassist.train.upscale import UpscalerTraining, bicubic
from fontassist.vector import trace_outline

from .reviewkit import demo_session, make_page, missing_chars, synthetic_glyphs, wait_until

SIZE = 32


@pytest.fixture(scope="module")
def upscaler():
    """A real (tiny, briefly trained) 4x upscaler for 32 px glyphs of the demo target."""
    target = open_font(resources.DEMO_TARGET)
    return upscale.upscaler_for(
        target,
        SIZE,
        cache=False,
        config=UpscalerConfig(factor=4, channels=4, blocks=1),
        training=UpscalerTraining(steps=3, batch=2, crop=8, glyphs=12),
    )


def paired(glyphs, upscaler):
    """``glyphs`` as drawn by a model paired with ``upscaler``."""
    return dataclasses.replace(glyphs, upscalers={ref: upscaler for ref in set(glyphs.checkpoints)})


def test_glyphs_of_a_paired_model_are_traced_upscaled(upscaler):
    glyphs = synthetic_glyphs(6, size=SIZE)
    assert glyphs.trace_factor == 1 and glyphs.trace_frame == glyphs.frame  # no upscaler: as drawn
    np.testing.assert_array_equal(glyphs.subset(glyphs.chars[:2])[0], glyphs.images[:2])

    glyphs = paired(glyphs, upscaler)
    assert glyphs.trace_factor == 4
    assert glyphs.trace_frame == upscaler.frame(glyphs.frame) and glyphs.trace_frame.size == 4 * SIZE
    images, chars = glyphs.subset([glyphs.chars[3], "x", glyphs.chars[1]])
    assert chars == [glyphs.chars[3], glyphs.chars[1]]
    np.testing.assert_array_equal(images, upscaler.upscale(glyphs.images[[3, 1]]))
    np.testing.assert_array_equal(glyphs.trace_raster(3), images[0])  # one glyph: the same raster


def test_one_trace_size_for_the_whole_set(upscaler):
    """A set drawn partly by a model without an upscaler is traced as drawn, all of it, so no
    two views (or the export) can trace one glyph at two sizes."""
    glyphs = paired(synthetic_glyphs(4, size=SIZE), upscaler)
    mixed = dataclasses.replace(
        glyphs,
        checkpoints=glyphs.checkpoints[:3] + ["/runs/plain/last.pt"],
        upscalers={**glyphs.upscalers, "/runs/plain/last.pt": None},
    )
    assert mixed.trace_factor == 1
    np.testing.assert_array_equal(mixed.trace_raster(0), glyphs.images[0])
    # A glyph drawn by hand (no model, ref "") does not stop the others being upscaled; it is enlarged smoothly.
    by_hand = dataclasses.replace(glyphs, checkpoints=glyphs.checkpoints[:3] + [""])
    assert by_hand.trace_factor == 4
    np.testing.assert_array_equal(by_hand.trace_raster(3), bicubic(glyphs.images[3:4], 4)[0])


def test_regenerating_with_a_model_without_an_upscaler_traces_the_set_as_drawn(upscaler):
    from fontassist.generate.inference import GeneratedGlyphs

    glyphs = paired(synthetic_glyphs(3, size=SIZE), upscaler)
    other = GeneratedGlyphs(
        chars=[glyphs.chars[0]],
        images=glyphs.images[2:3],
        frame=glyphs.frame,
        flags=[{}],
        source_images=glyphs.source_images[2:3],
    )
    redrawn = glyphs.replaced(other, "/runs/plain/last.pt")
    assert redrawn.trace_factor == 1
    assert (
        glyphs.replaced(dataclasses.replace(other, upscaler=upscaler), "/runs/up/last.pt").trace_factor == 4
    )


def points_of(outline) -> set:
    return {
        (x, y, bool(on))
        for (x, y), on in zip(outline.points.tolist(), outline.on_curve.tolist(), strict=True)
    }


def test_detail_view_glyph_window_grid_and_export_trace_the_same_upscaled_raster(
    qtbot, settings, tmp_path, upscaler
):
    from fontassist.app.common.outlineview import outline_points
    from fontassist.app.export.exportjobs import export_font
    from fontassist.app.review.glyphwindow import GlyphWindow
    from fontassist.pipeline import settings_for
    from fontassist.vector import TraceSettings

    session = demo_session(missing_chars(2))
    page, state = make_page(qtbot, session, settings)
    glyphs = paired(synthetic_glyphs(6, size=SIZE), upscaler)
    state.setGlyphs(glyphs)
    page.show()
    qtbot.waitExposed(page)
    settings = settings_for(None, session.target)  # what the export, the detail and the grid use
    char = glyphs.chars[2]
    expected = trace_outline(glyphs.trace_raster(2), glyphs.trace_frame, settings)
    # The upscaler matters: the drawn 64 px raster traces otherwise (compared without the even-width
    # step, which enlarges small rasters itself and evens both into the same outline).
    plain = dataclasses.replace(settings, even_width=False)
    assert points_of(trace_outline(glyphs.trace_raster(2), glyphs.trace_frame, plain)) != points_of(
        trace_outline(glyphs.images[2], glyphs.frame, plain)
    )

    page.selectRow(page.grid_model.rowOfChar(char))
    detail = page.detail
    wait_until(qtbot, lambda: detail.outline_view.pointCounts()[0] > 0, 30)
    np.testing.assert_array_equal(
        detail.outline_view._on, outline_points(expected, detail.outline_view._frame)[0]
    )

    window = GlyphWindow(state)
    qtbot.addWidget(window)
    window.trace_options = settings
    window.showChar(char)
    wait_until(qtbot, lambda: len(window.canvas.on) > 0, 30)
    np.testing.assert_array_equal(window.canvas.on, outline_points(expected, window.canvas.frame)[0])

    page.grid_model.setTraceOptions(settings)
    page.outline_button.click()
    page.grid_model.outlines.outline(char)
    wait_until(qtbot, lambda: page.grid_model.outlines.outline(char) is not None, 30)
    assert points_of(page.grid_model.outlines.outline(char)) == points_of(expected)

    out = tmp_path / "upscaled.ttf"
    export_font(
        glyphs,
        [char],
        session.target,
        out,
        family="Upscaled Test",
        style="Regular",
        mode="new",
        trace_options=TraceSettings(),
    )
    from fontTools.ttLib import TTFont

    font = TTFont(out)
    glyph = font["glyf"][font.getBestCmap()[ord(char)]]
    coords, _ends, flags = glyph.getCoordinates(font["glyf"])
    written = {(int(x), int(y), bool(f & 1)) for (x, y), f in zip(coords, flags, strict=True)}
    assert written == points_of(expected)
