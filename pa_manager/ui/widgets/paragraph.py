"""A paragraph of plain text that wraps to the width it is given, so nothing is cut off at large sizes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def paragraph(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a name with "<" in it is shown as typed
    return label


class ShortenedLine(QLabel):
    """One line that fits the room it is given: when it is too long, the middle is left out ("…") rather
    than the end cut off, and the whole line is its tooltip and what a screen reader reads. For the data
    file's place in the status bar, whose end says read-only, encrypted or portable."""

    def __init__(self, widest: int = 560, parent=None):
        super().__init__(parent)
        self._text = ""
        self._widest = widest
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._text = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.updateGeometry()
        self._fit()

    def text(self) -> str:
        return self._text

    def sizeHint(self):  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        hint.setWidth(min(self.fontMetrics().horizontalAdvance(self._text) + 8, self._widest))
        return hint

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance("…") * 8)
        return hint

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideMiddle, max(self.width() - 4, 0))
        super().setText(shown)
