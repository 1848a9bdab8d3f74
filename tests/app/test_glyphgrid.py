import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from fontassist import resources
from fontassist.app.common.glyphgrid import ArrayGlyphSource, FontGlyphSource, GlyphGridModel, GlyphGridView
from fontassist.fonts import named_charset, open_font, render


def test_font_source_renders_the_same_rasters_as_the_core():
    font = open_font(resources.DEMO_SOURCE)
    chars = named_charset("tw-edu-4808")[:150]
    source = FontGlyphSource(font, chars, size=48, chunk=64)
    expected = render(font, chars, 48, cache=False).images
    for row in (0, 63, 64, 149):
        np.testing.assert_array_equal(source.raster(row), expected[row])
    assert len(source._chunks) == 3


def test_missing_glyphs_are_blank_cells():
    font = open_font(resources.DEMO_TARGET)
    source = FontGlyphSource(font, ["\U00020000", "永"], size=32)
    assert source.raster(0).max() == 0 and source.raster(1).max() > 0


def test_model_roles_and_cell_size():
    images = np.zeros((3, 16, 16), np.uint8)
    images[1, 4:12, 4:12] = 255
    model = GlyphGridModel(ArrayGlyphSource(["一", "永", "A"], images), cell_size=32)
    assert model.rowCount() == 3
    index = model.index(1)
    assert model.data(index) == "永"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "永  U+6C38"
    pixmap = model.data(index, Qt.ItemDataRole.DecorationRole)
    assert isinstance(pixmap, QPixmap) and pixmap.width() == 32
    image = pixmap.toImage()
    assert (
        image.pixelColor(16, 16).lightness() < 20 and image.pixelColor(1, 1).lightness() > 240
    )  # black ink on white
    model.setCellSize(48)
    assert model.cachedCount() == 0
    assert model.data(index, Qt.ItemDataRole.DecorationRole).width() == 48


def test_a_grid_of_8000_cells_draws_only_what_is_visible(qtbot):
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(8000, 32, 32), dtype=np.uint8)
    chars = [chr(0x4E00 + i) for i in range(8000)]
    model = GlyphGridModel(ArrayGlyphSource(chars, images), cell_size=40)
    view = GlyphGridView()
    view.setModel(model)
    view.resize(600, 400)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: model.cachedCount() > 0)  # one paint draws the whole screen
    visible = model.cachedCount()
    assert 0 < visible < 400
    view.scrollToBottom()
    last = model.index(7999)
    # the cells at the bottom were never drawn, so drawing them grows the cache
    qtbot.waitUntil(
        lambda: view.visualRect(last).intersects(view.viewport().rect()) and model.cachedCount() > visible
    )
    assert model.cachedCount() < 2 * visible + 100
    with qtbot.waitSignal(view.glyphActivated) as blocker:
        view.activated.emit(model.index(7999))
    assert blocker.args == [7999]
