"""Small charts of the budget year painted with QPainter (PySide6-Essentials has no QtCharts).

Nothing rests on colour: recorded and forecast months differ by fill pattern and line style, every
line is named in a legend in words, and each chart's accessible description states its figures.
Colours come from the palette, so a high-contrast theme carries through. The same figures can be
shown as a table for anyone who would rather read them.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPalette, QPen, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QStyle, QStyleOptionFocusRect, QTableView,
    QVBoxLayout, QWidget,
)

from pa_manager.domain.money import format_money
from pa_manager.messages import format_date
from pa_manager.budget_words import MONTH_SHORT, month_name
from pa_manager.services.budget_report import ChartData, ChartMonth
from pa_manager.ui.models.spoken import SpokenTableModel

SWATCH = 22  # pixels of legend sample before each legend's words


def _whole_pounds(value: float) -> str:
    return format_money(Decimal(round(value))).removesuffix(".00")


def _nice_step(span: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about four gridlines over the span."""
    raw = max(span, 1.0) / 4
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


class _Chart(QWidget):
    """Shared drawing: the value axis with gridlines, the months along the bottom, a legend."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a screen reader reaches it, and reads its description
        line = self.fontMetrics().lineSpacing()
        self.setMinimumSize(line * 18, line * 15)  # grows with the text size, so the plot is never squeezed
        self.data: ChartData | None = None

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        return QSize(line * 26, line * 17)

    def set_data(self, data: ChartData | None) -> None:
        self.data = data
        description = self.describe() if data and data.months else "No budget figures to show yet."
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    # what a subclass gives
    def values(self) -> list[float]:
        raise NotImplementedError

    def legend(self) -> list[tuple[str, object]]:
        """(words, how to draw the sample) pairs."""
        raise NotImplementedError

    def draw_series(self, painter: QPainter, plot: QRectF, to_y) -> None:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError

    # painting
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        line = metrics.lineSpacing()
        painter.setPen(ink)
        if not self.data or not self.data.months:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             "No budget figures to show yet.")
            return
        legend_rows = self._legend_rows(metrics)
        low, high, step = self._range()
        ticks = [low + i * step for i in range(round((high - low) / step) + 1)]
        label_width = max(metrics.horizontalAdvance(_whole_pounds(t)) for t in ticks) + 8
        top = line * 2  # below the axis title
        plot = QRectF(label_width, top, self.width() - label_width - 8,
                      self.height() - top - line * 1.6 - len(legend_rows) * (line + 4) - 6)

        def to_y(value: float) -> float:
            return plot.bottom() - (value - low) / (high - low) * plot.height()

        painter.drawText(QPointF(0, line), "Pounds")
        grid = QPen(palette.color(QPalette.ColorRole.Mid), 1)
        for tick in ticks:
            y = to_y(tick)
            painter.setPen(QPen(ink, 1.2) if tick == 0 else grid)  # the £0 line stands out as the axis
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(ink)
            painter.drawText(QRectF(0, y - line / 2, label_width - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, _whole_pounds(tick))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
        self.draw_series(painter, plot, to_y)
        self._draw_months(painter, plot, metrics)
        self._draw_legend(painter, legend_rows, plot.bottom() + line * 1.6 + 4, line)
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)

    def _range(self) -> tuple[float, float, float]:
        values = [0.0, *self.values()]
        low, high = min(values), max(values)
        step = _nice_step(high - low)
        return math.floor(low / step) * step, max(math.ceil(high / step) * step, step), step

    def slot(self, plot: QRectF) -> float:
        return plot.width() / len(self.data.months)

    def _draw_months(self, painter: QPainter, plot: QRectF, metrics) -> None:
        slot = self.slot(plot)
        # Every month's name when there is room, else every other one.
        every = 1 if metrics.horizontalAdvance("May ") * 1.1 < slot else 2
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        for i, month in enumerate(self.data.months):
            if i % every == 0:
                rect = QRectF(plot.left() + i * slot - slot, plot.bottom() + 2, slot * 3, metrics.lineSpacing())
                painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                                 MONTH_SHORT[month.month.month - 1])

    def _legend_rows(self, metrics) -> list[list[tuple[str, object, float]]]:
        rows, row, used = [], [], 0.0
        for words, sample in self.legend():
            width = SWATCH + 6 + metrics.horizontalAdvance(words) + 16
            if row and used + width > self.width():
                rows.append(row)
                row, used = [], 0.0
            row.append((words, sample, width))
            used += width
        return rows + ([row] if row else [])

    def _draw_legend(self, painter: QPainter, rows, top: float, line: float) -> None:
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        for row in rows:
            x = 0.0
            for words, sample, width in row:
                sample(painter, QRectF(x, top + 2, SWATCH, line - 4))
                painter.setPen(ink)
                painter.drawText(QPointF(x + SWATCH + 6, top + line * 0.8), words)
                x += width
            top += line + 4

    # helpers for subclasses
    def series_pen(self, style=Qt.PenStyle.SolidLine, width: float = 2.0) -> QPen:
        return QPen(self.palette().color(QPalette.ColorRole.Highlight), width, style)

    def ink_pen(self, style=Qt.PenStyle.SolidLine, width: float = 1.5) -> QPen:
        return QPen(self.palette().color(QPalette.ColorRole.WindowText), width, style)

    def line_sample(self, pen: QPen, hollow: bool | None = None):
        def draw(painter: QPainter, box: QRectF) -> None:
            painter.setPen(pen)
            painter.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()))
            if hollow is not None:
                self.dot(painter, box.center(), hollow)
        return draw

    def dot(self, painter: QPainter, at: QPointF, hollow: bool) -> None:
        painter.setPen(self.series_pen(width=1.5))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base if hollow else QPalette.ColorRole.Highlight))
        painter.drawEllipse(at, 3.5, 3.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)


def _forecast_from(months: Sequence[ChartMonth]) -> str:
    projected = [m for m in months if m.projected]
    if not projected:
        return "All figures are recorded."
    if len(projected) == len(months):
        return "All figures are forecast."
    return f"Figures from {month_name(projected[0].month)} on are forecast."


class SpendChart(_Chart):
    """Spending each month as bars (solid when recorded, hatched when forecast) and the monthly
    budget (the year's direct payment over 12) as a dashed line."""

    def __init__(self, parent=None):
        super().__init__("Spending by month against the monthly budget", parent)

    def values(self) -> list[float]:
        return [float(m.spend) for m in self.data.months] + [float(self.data.monthly_budget)]

    def _brush(self, projected: bool) -> QBrush:
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        return QBrush(colour, Qt.BrushStyle.BDiagPattern if projected else Qt.BrushStyle.SolidPattern)

    def legend(self):
        def box(projected):
            def draw(painter: QPainter, rect: QRectF) -> None:
                painter.setPen(self.series_pen(width=1))
                painter.setBrush(self._brush(projected))
                painter.drawRect(rect)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            return draw
        return [("Spent", box(False)), ("Forecast", box(True)),
                (f"Monthly budget ({format_money(self.data.monthly_budget)})",
                 self.line_sample(self.ink_pen(Qt.PenStyle.DashLine, 2)))]

    def draw_series(self, painter: QPainter, plot: QRectF, to_y) -> None:
        slot = self.slot(plot)
        for i, month in enumerate(self.data.months):
            top, bottom = sorted((to_y(float(month.spend)), to_y(0)))
            painter.setPen(self.series_pen(width=1))
            painter.setBrush(self._brush(month.projected))
            painter.drawRect(QRectF(plot.left() + i * slot + slot * 0.2, top, slot * 0.6, bottom - top))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self.ink_pen(Qt.PenStyle.DashLine, 2))
        y = to_y(float(self.data.monthly_budget))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))

    def describe(self) -> str:
        months, budget = self.data.months, self.data.monthly_budget
        first, last = month_name(months[0].month), month_name(months[-1].month)

        def said(m: ChartMonth) -> str:
            return f"{month_name(m.month)} ({format_money(m.spend)}{', forecast' if m.projected else ''})"
        over = [m for m in months if m.spend > budget]
        highest = max(months, key=lambda m: m.spend)
        over_words = (f"Over the monthly budget in {len(over)} month{'s' if len(over) != 1 else ''}: "
                      + ", ".join(said(m) for m in over) + ".") if over else "No month is over the monthly budget."
        return (f"Spending each month from {first} to {last} against a monthly budget of {format_money(budget)}. "
                f"{over_words} Highest: {said(highest)}. {_forecast_from(months)}")


class BalanceChart(_Chart):
    """The balance at the end of each month (solid when recorded, dashed when forecast), with the
    council's surplus limit (dash-dot) and £0 (the axis) marked."""

    def __init__(self, parent=None):
        super().__init__("Balance over the year", parent)

    def values(self) -> list[float]:
        return [float(m.balance) for m in self.data.months] + [float(self.data.surplus_limit)]

    def legend(self):
        return [("Balance recorded", self.line_sample(self.series_pen(), hollow=False)),
                ("Balance forecast", self.line_sample(self.series_pen(Qt.PenStyle.DashLine), hollow=True)),
                (f"Surplus limit ({format_money(self.data.surplus_limit)})",
                 self.line_sample(self.ink_pen(Qt.PenStyle.DashDotLine, 2))),
                ("£0", self.line_sample(self.ink_pen(width=1.2)))]

    def draw_series(self, painter: QPainter, plot: QRectF, to_y) -> None:
        slot = self.slot(plot)
        painter.setPen(self.ink_pen(Qt.PenStyle.DashDotLine, 2))
        y = to_y(float(self.data.surplus_limit))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        points = [QPointF(plot.left() + (i + 0.5) * slot, to_y(float(m.balance))) for i, m in enumerate(self.data.months)]
        for i in range(1, len(points)):
            forecast = self.data.months[i].projected
            painter.setPen(self.series_pen(Qt.PenStyle.DashLine if forecast else Qt.PenStyle.SolidLine))
            painter.drawLine(points[i - 1], points[i])
        for point, month in zip(points, self.data.months):
            self.dot(painter, point, month.projected)

    def describe(self) -> str:
        months, limit = self.data.months, self.data.surplus_limit
        end = months[-1]
        year_end = date(end.month.year, end.month.month, 31) if end.month.month == 3 else None
        when = f"on {format_date(year_end)}" if year_end else f"at the end of {month_name(end.month)}"
        verb = "forecast at" if end.projected else "was"
        if end.balance > limit:
            against = f"above the surplus limit of {format_money(limit)} by {format_money(end.balance - limit)}"
        else:
            against = f"below the surplus limit of {format_money(limit)}"
        lowest = min(months, key=lambda m: m.balance)
        words = [f"Balance at the end of each month from {month_name(months[0].month)} to {month_name(end.month)}.",
                 f"Balance {when} {verb} {format_money(end.balance)}, {against}.",
                 f"Lowest: {format_money(lowest.balance)} at the end of {month_name(lowest.month)}"
                 + (" (forecast)." if lowest.projected else ".")]
        below = [m for m in months if m.balance < 0]
        if below:
            words.append(f"Below £0 at the end of {month_name(below[0].month)}.")
        words.append(_forecast_from(months))
        return " ".join(words)


_TABLE_HEADERS = ("Month", "Recorded or forecast", "Money in", "Spending", "Monthly budget", "Balance at the month's end")


class BudgetCharts(QWidget):
    """Both charts side by side, and the same figures as a table behind a button."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.spend_chart = SpendChart()
        self.balance_chart = BalanceChart()
        self.table_button = QPushButton("Show the figures as a &table")
        self.table_button.setCheckable(True)
        self.model = QStandardItemModel(0, len(_TABLE_HEADERS), self)
        self.model.setHorizontalHeaderLabels(list(_TABLE_HEADERS))
        self.table = QTableView()
        spoken = SpokenTableModel(self.table)  # each row headed by its month, amounts in words
        spoken.setSourceModel(self.model)
        self.table.setModel(spoken)
        self.table.setAccessibleName("Budget figures by month")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVisible(False)
        charts = QHBoxLayout()
        charts.addWidget(self.spend_chart)
        charts.addWidget(self.balance_chart)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(charts)
        layout.addWidget(self.table_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table)
        self.table_button.toggled.connect(self._on_table_button_toggled)

    def set_data(self, data: ChartData | None) -> None:
        self.spend_chart.set_data(data)
        self.balance_chart.set_data(data)
        self.model.removeRows(0, self.model.rowCount())
        for m in data.months if data else ():
            cells = [month_name(m.month), "Forecast" if m.projected else "Recorded"]
            money = [m.money_in, m.spend, m.budget, m.balance]
            row = [QStandardItem(text) for text in cells]
            for amount in money:
                item = QStandardItem(format_money(amount))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                row.append(item)
            self.model.appendRow(row)
        rows = self.model.rowCount()
        height = self.table.horizontalHeader().sizeHint().height() + rows * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)

    def _on_table_button_toggled(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self.table_button.setText("Hide the &table of figures" if shown else "Show the figures as a &table")
