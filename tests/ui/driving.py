"""Driving the real widgets as a person would, shared by the page tests."""
from __future__ import annotations

from PySide6.QtCore import Qt

# Shortcut letters the main window already takes on every page: the File, Edit, Go and Help menus
# and "Emplo&yer". A page's own shortcuts must not use them again.
WINDOW_LETTERS = frozenset({"f", "e", "g", "h", "y"})


def type_into(qtbot, widget, text: str) -> None:
    """Replace what the field holds by typing, key by key."""
    widget.clear()
    qtbot.keyClicks(widget, text)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
