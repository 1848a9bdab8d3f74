"""The Train page's charts keep their legends and axis labels whole (issue 14), in English and Traditional Chinese.

Every text pyqtgraph draws (the title line that doubles as the legend, the
tick labels of the log-scaled loss axis, the axis titles) is measured against
the chart's visible rectangle, and each tick label against its axis's own
rectangle (pyqtgraph clips tick labels to it), at the client area of a
1366×768 and a 1280×720 screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

SIZES = [(1366, 680), (1280, 650)]


def text_rect(chart, item) -> QRectF:
    """Where a QGraphicsTextItem's text lies in the chart's coordinates (its document margin left out)."""
    m = item.document().documentMargin()
    scene = item.mapRectToScene(item.boundingRect().adjusted(m, m, -m, -m))
    return QRectF(chart.mapFromScene(scene).boundingRect())


def clipped_texts(chart) -> list[str]:
    visible = QRectF(chart.viewport().rect())
    plot = chart.getPlotItem()
    found = []
    if not visible.contains(text_rect(chart, plot.titleLabel.item)):
        found.append(f"title {text_rect(chart, plot.titleLabel.item).getRect()} outside {visible.getRect()}")
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            _, _, texts = axis.generateDrawSpecs(painter)
            assert texts, f"the {name} axis has no tick labels"
            for rect, _flags, text in texts:
                where = QRectF(chart.mapFromScene(axis.mapRectToScene(rect)).boundingRect())
                if not axis.boundingRect().contains(rect) or not visible.contains(where):
                    found.append(f"{name} tick {text!r}")
            if axis.label.isVisible() and not visible.contains(text_rect(chart, axis.label)):
                found.append(f"{name} axis title")
    finally:
        painter.end()
    return found


def test_chart_legends_and_log_axis_labels_are_not_clipped(qtbot, language_window, qapp):
    window = language_window
    page = window.train_page
    window.goTo("train")
    page.ensureCharts()
    losses, metrics = page.loss_chart, page.metrics_chart
    losses.reset()
    metrics.reset()
    metrics.setLastStep(2000)
    # Five losses from 100 down to 0.001: a long legend and log ticks from 10² to 10⁻³.
    for step in range(1, 2001, 20):
        losses.add(
            step,
            {
                "g": 100 / (1 + step / 100),
                "l1": 0.9 - step / 4000,
                "g_adv": 0.5 + step / 4000,
                "d": 0.3 / (1 + step / 20),
                "const": 0.02 / (1 + step / 200),
            },
        )
        if step % 100 == 1:
            metrics.add(
                step,
                {"l1": 0.4 - step / 10000, "ssim": 0.1 + step / 5000, "iou": 0.3 + step / 8000},
                {"l1": 0.16, "ssim": 0.49, "iou": 0.59},
            )
    losses.redraw()
    metrics.redraw()
    for size in SIZES:
        window.resize(*size)
        qtbot.waitUntil(lambda size=size: window.size().toTuple() == size)
        qtbot.waitUntil(lambda: losses.width() > 100 and metrics.width() > 100)
        for chart in (losses, metrics):
            qapp.processEvents()
            assert clipped_texts(chart) == [], f"{type(chart).__name__} at {size}"
