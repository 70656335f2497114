"""Telling a screen reader about something that changed where the focus is not: an area opened, a
status message, an error on the field that already has focus. Said once, politely, after what is
being read now; on screen the same words are always shown somewhere too."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

_listeners: list[Callable[[str], None]] = []


def announce(source: QWidget, text: str, *, urgent: bool = False) -> None:
    if not text:
        return
    for listener in list(_listeners):
        listener(text)
    if not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if urgent
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def listen(callback: Callable[[str], None]) -> Callable[[], None]:
    """Hear every announcement too (the tests do); returns how to stop."""
    _listeners.append(callback)
    return lambda: _listeners.remove(callback) if callback in _listeners else None
