"""A strip over a week's grid that draws where the pay periods fall: one framed band per pay period,
spanning its days' columns, with its dates and whether it is paid in words (never by colour alone).
For weekly pay running Saturday to Friday, say, the week shows two bands, Monday to Friday and the
weekend, so the Hours week and the pay period are never confused."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QTableView, QWidget


@dataclass(frozen=True)
class Band:
    first_column: int
    last_column: int
    text: str
    short: str = ""  # shown when the text does not fit over the band's days


class PeriodBar(QWidget):
    def __init__(self, grid: QTableView, parent=None):
        super().__init__(parent)
        self._grid = grid
        self._bands: tuple[Band, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = grid.horizontalHeader()
        header.sectionResized.connect(self.update)
        header.geometriesChanged.connect(self.update)
        grid.horizontalScrollBar().valueChanged.connect(self.update)

    def set_bands(self, bands: list[Band], words: str) -> None:
        self._bands = tuple(bands)
        self.setAccessibleName(words)  # what the bands say, for a screen reader
        self.setToolTip(words)
        self.update()

    def bands(self) -> tuple[Band, ...]:
        return self._bands

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(200, self.fontMetrics().height() + 10)

    def span(self, band: Band) -> QRect:
        """Where the band is drawn: over its columns of the grid, as they are laid out now."""
        header = self._grid.horizontalHeader()
        origin = self._grid.viewport().mapTo(self.window(), self._grid.viewport().rect().topLeft()).x() \
            - self.mapTo(self.window(), self.rect().topLeft()).x()
        left = origin + header.sectionViewportPosition(band.first_column)
        right = origin + header.sectionViewportPosition(band.last_column) + header.sectionSize(band.last_column)
        return QRect(left + 1, 1, right - left - 3, self.height() - 3)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        palette = self.palette()
        for band in self._bands:
            rect = self.span(band)
            if rect.width() <= 0:
                continue
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.drawRect(rect)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            inner = rect.adjusted(6, 0, -6, 0)
            metrics = self.fontMetrics()
            fits = metrics.horizontalAdvance(band.text) <= inner.width() or not band.short
            text = metrics.elidedText(band.text if fits else band.short, Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(inner, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
