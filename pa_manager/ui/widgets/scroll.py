"""A page body that scrolls up and down only: text wraps to the width instead of running off the side,
which matters most at large text sizes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget


def vertical_scroll(body: QWidget, accessible_name: str) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    scroll.setAccessibleName(accessible_name)
    return scroll
