"""Live charts of a training run: losses per step, validation metrics with the identity baseline.

pyqtgraph draws them (fast, kept up, made for live data); it is imported only
here and only when the Train page first needs a chart, so it costs nothing at
start-up. Points are collected as events arrive and drawn by ``redraw()``,
which the page calls on a timer, so a fast run cannot flood the event loop
with repaints.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from ...train.metricnames import METRIC_LABELS, METRIC_NAMES

pg.setConfigOptions(antialias=True, background="w", foreground="#333333")

TITLE_PADDING = 6  # px kept free on each side of the title line
LOSS_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2")
METRIC_COLOURS = {"l1": "#1f77b4", "ssim": "#2ca02c", "iou": "#d62728"}


def loss_label(name: str) -> str:
    """The trainer's loss keys as a designer reads them."""
    labels = {
        "g": _tr("generator"),
        "l1": "L1",
        "g_adv": _tr("adversarial"),
        "d": _tr("discriminator"),
        "const": _tr("constant"),
    }
    return labels.get(name, name)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainCharts", text)


class _Chart(pg.PlotWidget):
    """A chart whose title doubles as its legend, so no legend box hides the curves.

    ``reset()`` empties it for a new run. (Not ``clear``: PlotWidget copies its
    PlotItem's ``clear`` onto every instance, which would shadow a method of
    that name and leave the next run's curves detached from the plot.)
    """

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._title = title
        self._legend: list[tuple[str, str, bool]] = []  # (label, colour, dashed)
        # The title (with its legend) spans the whole chart, not just the column above the plot,
        # so it is centred on the chart and has all of its width.
        item = self.getPlotItem()
        item.layout.removeItem(item.titleLabel)
        item.layout.addItem(item.titleLabel, 0, 0, 1, 3)
        self._show_title()
        self.setLabel("bottom", _tr("step"))
        self.showGrid(x=True, y=True, alpha=0.2)
        self.getPlotItem().setDownsampling(auto=True, mode="peak")
        self.getPlotItem().setClipToView(True)
        self.setMinimumSize(200, 160)
        self.setMouseEnabled(x=True, y=False)

    def _add_legend_entry(self, label: str, colour: str, dashed: bool = False) -> None:
        self._legend.append((label, colour, dashed))
        self._show_title()

    def _clear_legend(self) -> None:
        self._legend = []
        self._show_title()

    def _show_title(self) -> None:
        """The title and the legend on one line where the chart is wide enough, else as many lines as needed."""
        entries = [
            f"<span style='color:{colour}'>{'┅' if dashed else '━'}</span>&nbsp;{label}"
            for label, colour, dashed in self._legend
        ]
        self._titled_width = self.width()
        room = self.width() - 2 * TITLE_PADDING
        lines = [[f"<b>{self._title}</b>"]]
        for entry in entries:
            lines[-1].append(entry)
            if len(lines[-1]) > 1 and self._title_width(lines) > room:
                lines[-1].pop()
                lines.append([entry])
        self.setTitle(self._title_html(lines), size="10pt")
        # pyqtgraph gives the title row a fixed 30 px: room for one line only.
        height = max(30, int(self.getPlotItem().titleLabel.item.boundingRect().height()) + 2)
        self.getPlotItem().titleLabel.setMaximumHeight(height)
        self.getPlotItem().layout.setRowFixedHeight(0, height)

    def _title_html(self, lines: list[list[str]]) -> str:
        def small(entries: list[str], lead: str = "") -> str:
            return (
                f"<span style='font-size:8pt'>{lead}{'&nbsp;&nbsp;'.join(entries)}</span>" if entries else ""
            )

        first = lines[0][0] + small(lines[0][1:], "&nbsp;&nbsp;")
        return "<br>".join([first] + [small(line) for line in lines[1:]])

    def _title_width(self, lines: list[list[str]]) -> float:
        """How wide the title label would draw these lines (its own font and document margin included)."""
        document = QTextDocument()
        item = self.getPlotItem().titleLabel.item
        document.setDefaultFont(item.font())
        document.setDocumentMargin(item.document().documentMargin())
        document.setHtml(f"<span style='font-size:10pt'>{self._title_html(lines)}</span>")
        return document.idealWidth()

    def resizeEvent(self, event) -> None:
        # The title first: its width is the plot's minimum width, which the resize below must see.
        if getattr(self, "_title", None) is not None and self.width() != self._titled_width:
            self._show_title()
        super().resizeEvent(event)  # pyqtgraph itself calls this with None


class LossChart(_Chart):
    """One curve per loss the trainer reports."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(_tr("Losses"), parent)
        self.setLogMode(y=True)
        self._steps: dict[str, list[int]] = {}
        self._values: dict[str, list[float]] = {}
        self._curves: dict[str, pg.PlotDataItem] = {}

    def reset(self) -> None:
        for curve in self._curves.values():
            self.removeItem(curve)
        self._clear_legend()
        self._steps, self._values, self._curves = {}, {}, {}

    def add(self, step: int, losses: dict[str, float]) -> None:
        for name, value in losses.items():
            if (
                value is None or not np.isfinite(value) or value <= 0
            ):  # log scale: non-positive values cannot show
                continue
            self._steps.setdefault(name, []).append(step)
            self._values.setdefault(name, []).append(float(value))

    def names(self) -> list[str]:
        return list(self._values)

    def redraw(self) -> None:
        for name, values in self._values.items():
            curve = self._curves.get(name)
            if curve is None:
                colour = LOSS_COLOURS[len(self._curves) % len(LOSS_COLOURS)]
                curve = self.plot([], [], pen=pg.mkPen(colour, width=1.5))
                self._curves[name] = curve
                self._add_legend_entry(loss_label(name), colour)
            curve.setData(np.asarray(self._steps[name]), np.asarray(values))


class MetricsChart(_Chart):
    """Validation L1 / SSIM / IoU over steps; dashed lines are the same metrics of the source itself."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(_tr("Validation"), parent)
        self.setYRange(0, 1)
        self._steps: list[int] = []
        self._values: dict[str, list[float]] = {}
        self._baseline: dict[str, float] = {}
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._baseline_curves: dict[str, pg.PlotDataItem] = {}
        self._last_step = 0

    def reset(self) -> None:
        for curve in list(self._curves.values()) + list(self._baseline_curves.values()):
            self.removeItem(curve)
        self._clear_legend()
        self._steps, self._values, self._baseline = [], {}, {}
        self._curves, self._baseline_curves = {}, {}
        self._last_step = 0

    def add(self, step: int, metrics: dict[str, float], baseline: dict[str, float]) -> None:
        self._steps.append(step)
        for name in METRIC_NAMES:
            if name in metrics:
                self._values.setdefault(name, []).append(float(metrics[name]))
        self._baseline.update({k: float(v) for k, v in baseline.items() if k in METRIC_NAMES})

    def setLastStep(self, step: int) -> None:
        """How far the baseline lines reach (the run's length)."""
        self._last_step = step

    def latest(self) -> dict[str, float]:
        return {name: values[-1] for name, values in self._values.items() if values}

    def redraw(self) -> None:
        steps = np.asarray(self._steps)
        for name, values in self._values.items():
            colour = METRIC_COLOURS[name]
            curve = self._curves.get(name)
            if curve is None:
                curve = self.plot(
                    [],
                    [],
                    pen=pg.mkPen(colour, width=2),
                    symbol="o",
                    symbolSize=5,
                    symbolBrush=colour,
                    symbolPen=None,
                )
                self._curves[name] = curve
                self._add_legend_entry(METRIC_LABELS[name], colour)
            curve.setData(steps[: len(values)], np.asarray(values))
        end = max([self._last_step] + self._steps) if self._steps else self._last_step
        for name, value in self._baseline.items():
            curve = self._baseline_curves.get(name)
            if curve is None:
                curve = self.plot(
                    [], [], pen=pg.mkPen(METRIC_COLOURS[name], width=1.5, style=Qt.PenStyle.DashLine)
                )
                if not self._baseline_curves:
                    self._add_legend_entry(_tr("source as is"), "#555555", dashed=True)
                self._baseline_curves[name] = curve
            curve.setData([0, max(end, 1)], [value, value])
