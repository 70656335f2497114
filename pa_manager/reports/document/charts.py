"""Bar and line charts of money, every value printed beside its bar or point.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from pa_manager.domain.money import format_money
from pa_manager.reports.document.measures import FRAME_WIDTH, INK
from pa_manager.reports.document.fonts import Fonts, embedded_fonts


# ---- Charts ------------------------------------------------------------------------------------------

CHART_HEIGHT = 75 * mm
CHART_TEXT = 11
CHART_FILL = colors.HexColor("#4d4d4d")  # one dark grey: every value is printed, colour means nothing
LABEL_NUDGE = 6


def bar_chart(title: str, points: Sequence[tuple[str, Decimal]], *, value_title: str = "Pounds",
              width: float = FRAME_WIDTH, height: float = CHART_HEIGHT, fonts: Fonts | None = None) -> Drawing:
    """Bars with their amounts printed on them, for example spending per month."""
    fonts = fonts or embedded_fonts()
    drawing, chart = _chart(VerticalBarChart(), title, value_title, width, height, fonts)
    chart.data = [[float(value) for _, value in points]]  # floats only position the bars
    chart.bars[0].fillColor = CHART_FILL
    chart.bars[0].strokeColor = INK
    labels, angle = _value_labels(points, chart.width, fonts)
    chart.barLabelFormat = "values"
    chart.barLabelArray = [labels]
    _style_labels(chart.barLabels, angle, fonts)
    chart.barLabels.nudge = LABEL_NUDGE
    _style_axes(chart, points, labels, angle, fonts)
    drawing.add(chart)
    _add_zero_line(drawing, chart)
    return drawing


def line_chart(title: str, points: Sequence[tuple[str, Decimal]], *, value_title: str = "Pounds",
               width: float = FRAME_WIDTH, height: float = CHART_HEIGHT, fonts: Fonts | None = None) -> Drawing:
    """A line through the amounts with each one printed, for example the budget left month by month."""
    fonts = fonts or embedded_fonts()
    drawing, chart = _chart(HorizontalLineChart(), title, value_title, width, height, fonts)
    chart.data = [[float(value) for _, value in points]]
    chart.lines[0].strokeColor = INK
    chart.lines[0].strokeWidth = 1.5
    chart.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=INK, strokeColor=INK)
    labels, angle = _value_labels(points, chart.width, fonts)
    chart.lineLabelFormat = "values"
    chart.lineLabelArray = [labels]
    _style_labels(chart.lineLabels, angle, fonts)
    if not angle:
        chart.lineLabels.boxAnchor = "s"  # just above its point, whichever way the line runs
    chart.lineLabelNudge = LABEL_NUDGE
    _style_axes(chart, points, labels, angle, fonts)
    drawing.add(chart)
    _add_zero_line(drawing, chart)
    return drawing


def _chart(chart, title: str, value_title: str, width: float, height: float, fonts: Fonts):
    """The drawing with the chart's title and value-axis title above the plot, and the plot placed."""
    drawing = Drawing(width, height, initialFontName=fonts.regular, initialFontSize=CHART_TEXT)
    drawing.add(String(0, height - CHART_TEXT - 2, title, fontName=fonts.bold, fontSize=CHART_TEXT + 1))
    drawing.add(String(0, height - 2 * CHART_TEXT - 10, value_title, fontName=fonts.regular, fontSize=CHART_TEXT))
    left, bottom, top_room = 66, 22, 2 * CHART_TEXT + 20
    chart.x, chart.y, chart.width, chart.height = left, bottom, width - left - 10, height - bottom - top_room
    return drawing, chart


def _value_labels(points: Sequence[tuple[str, Decimal]], plot_width: float, fonts: Fonts) -> tuple[list[str], int]:
    """Exact amounts when they fit side by side; whole pounds if those fit; else whole pounds turned upright."""
    slot = plot_width / max(len(points), 1) - 4
    exact = [format_money(value) for _, value in points]
    if _widest(exact, fonts) <= slot:
        return exact, 0
    whole = [format_money(value.quantize(Decimal(1))).removesuffix(".00") for _, value in points]
    return whole, 0 if _widest(whole, fonts) <= slot else 90


def _widest(texts: Sequence[str], fonts: Fonts) -> float:
    return max((stringWidth(text, fonts.regular, CHART_TEXT) for text in texts), default=0)


def _style_labels(labels, angle: int, fonts: Fonts) -> None:
    labels.fontName, labels.fontSize, labels.angle = fonts.regular, CHART_TEXT, angle
    if angle:
        labels.boxAnchor = "w"  # upright text starts at the bar's end and reads upwards


def _style_axes(chart, points: Sequence[tuple[str, Decimal]], labels: Sequence[str], angle: int, fonts: Fonts) -> None:
    chart.categoryAxis.categoryNames = [label for label, _ in points]
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = CHART_TEXT
    chart.categoryAxis.labels.dy = -4
    chart.categoryAxis.joinAxisMode = "bottom"  # names stay below the plot even when values go below zero
    axis = chart.valueAxis
    axis.labels.fontName, axis.labels.fontSize = fonts.regular, CHART_TEXT
    axis.labelTextFormat = lambda value: format_money(Decimal(round(value))).removesuffix(".00")
    axis.visibleGrid = 0
    axis.valueMin, axis.valueMax = _value_range([value for _, value in points], labels, angle, chart.height, fonts)


def _add_zero_line(drawing: Drawing, chart) -> None:
    """A line at £0 when amounts go below it (an overspent budget), as the names sit at the bottom."""
    low, high = chart.valueAxis.valueMin, chart.valueAxis.valueMax
    if low >= 0:
        return
    y = chart.y + chart.height * (0 - low) / (high - low)
    drawing.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=INK, strokeWidth=0.8, strokeDashArray=[3, 2]))


def _value_range(values: Sequence[Decimal], labels: Sequence[str], angle: int, height: float,
                 fonts: Fonts) -> tuple[float, float]:
    """From zero (or the lowest value) to the highest, with room beyond for the printed amounts."""
    low, high = float(min([Decimal(0), *values])), float(max([Decimal(0), *values]))
    if high == low:
        high = low + 1
    room = (_widest(labels, fonts) if angle else CHART_TEXT) + LABEL_NUDGE + 2  # points
    stretch = (high - low) * room / max(height - 2 * room, 1)
    return (low - stretch if low < 0 else low), high + stretch
