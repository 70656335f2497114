"""A page body that scrolls up and down only: text wraps to the width instead of running off the side,
which matters most at large text sizes.

The scroll area is not a Tab stop (it would show no focus): Tab goes straight to the first field in
it, and whatever takes focus is scrolled into view (ui/keyboard.py)."""
from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QWidget

from pa_manager.ui.keyboard import follow_focus
from pa_manager.ui.widgets.adaptive import VerticalScrollArea


def vertical_scroll(body: QWidget, accessible_name: str) -> QScrollArea:
    scroll = VerticalScrollArea(body)
    scroll.setAccessibleName(accessible_name)
    follow_focus()
    return scroll
