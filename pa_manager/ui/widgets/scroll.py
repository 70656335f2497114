"""A page body that scrolls up and down only: text wraps to the width instead of running off the side,
which matters most at large text sizes. A field that takes the keyboard focus in any way (Tab, its
Alt+letter, a message pointing at it) is scrolled into view."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

# Room kept around a field scrolled into view, so its label and hint show with it.
MARGIN = 40


class VerticalScroll(QScrollArea):
    def __init__(self, body: QWidget, accessible_name: str, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(body)
        self.setAccessibleName(accessible_name)
        QApplication.instance().focusChanged.connect(self._on_application_focus_changed)

    def _on_application_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        body = self.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.ensureWidgetVisible(new, MARGIN, MARGIN)


def vertical_scroll(body: QWidget, accessible_name: str) -> QScrollArea:
    return VerticalScroll(body, accessible_name)
