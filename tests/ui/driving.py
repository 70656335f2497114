"""Driving the real widgets as a person would, shared by the page tests."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

# Shortcut letters the main window already takes on every page: the File, Edit, Go and Help menus
# and "Emplo&yer". A page's own shortcuts must not use them again.
WINDOW_LETTERS = frozenset({"f", "e", "g", "h", "y"})
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def type_into(qtbot, widget, text: str) -> None:
    """Replace what the field holds by typing, key by key."""
    widget.clear()
    qtbot.keyClicks(widget, text)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- by keys only: every key goes to whatever has the keyboard focus, as on a real keyboard ----------

def focused() -> QWidget:
    """What has the keyboard focus (a window just opened gets it once the window system says so)."""
    deadline = time.monotonic() + 5
    while QApplication.focusWidget() is None and time.monotonic() < deadline:
        QApplication.processEvents()
        if time.monotonic() > deadline - 4.5:
            _window_manager_gives_focus_back()
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


# The windows a test drives (`drives(window)`): where the focus goes back to when a dialog closes.
_WINDOWS: list[QWidget] = []


def drives(window: QWidget) -> QWidget:
    """Note the window a test drives by keys, so that focus can go back to it as a desktop would."""
    _WINDOWS.append(window)
    return window


def forget_windows() -> None:
    """At the end of a test: the windows it drove are closing."""
    _WINDOWS.clear()


def _window_manager_gives_focus_back() -> None:
    """When a dialog closes, a desktop's window manager makes the window beneath it active again; the
    offscreen platform has none, so do what it would: activate the dialog still open, else the window the
    test drives. (Asked of the windows the test holds, never of every top-level widget: wrapping a
    window Qt is about to delete leaves a stale wrapper that crashes the garbage collector later.)"""
    waiting = QApplication.activeModalWidget()
    shown = [w for w in _WINDOWS if w.isVisible()]
    target = waiting or (shown[-1] if shown else None)
    if target is not None:
        target.activateWindow()


def wait_for_focus(qtbot, window: QWidget) -> None:
    """Wait until a window just opened is the active one, with the keyboard focus in it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is window)


def press(key: Qt.Key, modifier=NO_MODIFIER, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(focused(), key, modifier)
        if modifier & ALT:
            QTest.qWait(200)  # a button's Alt+letter presses it the way a click looks: a moment later


def type_text(text: str) -> None:
    """Type into the field that has the focus, after whatever it holds (Ctrl+A first to replace it)."""
    QTest.keyClicks(focused(), text)


def replace_text(text: str) -> None:
    press(Qt.Key.Key_A, CTRL)
    if text:
        type_text(text)
    else:
        press(Qt.Key.Key_Delete)


def fill(*values: str | None) -> None:
    """Type each value into the field with the focus, then Tab to the next one; None leaves a field as it is."""
    for value in values:
        if value is not None:
            replace_text(value)
        press(Qt.Key.Key_Tab)


def shortcut(window: QWidget, key: Qt.Key, modifier=CTRL) -> None:
    """A window shortcut (Ctrl+3, Ctrl+Z…): the window has to be the active one for it to fire."""
    window.activateWindow()
    deadline = time.monotonic() + 5
    while not window.isActiveWindow() and time.monotonic() < deadline:
        QApplication.processEvents()
    target = QApplication.focusWidget()
    QTest.keyClick(target if target is not None and target.window() is window else window, key, modifier)


def when_dialog_opens(action: Callable[[QWidget], None], kind: type = QWidget, *, within: float = 20) -> list:
    """Answer the next modal dialog of `kind` with `action(dialog)` (keys), once it is open: a dialog that
    waits for an answer holds the test until something answers it. Returns a list that gets the dialog's
    window title once answered. A dialog that does not open in time is reported, and any other modal
    dialog still waiting is closed, so a test fails rather than hangs."""
    answered: list = []
    deadline = time.monotonic() + within

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() and not dialog.isActiveWindow() \
                and time.monotonic() < deadline:
            dialog.activateWindow()  # keys (and Alt+letter shortcuts) go to the active window, as on a desktop
            QTimer.singleShot(20, poll)
        elif isinstance(dialog, kind) and dialog.isVisible():
            answered.append(dialog.windowTitle())
            action(dialog)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)
        else:
            answered.append(f"no {kind.__name__} opened")
            if dialog is not None:
                dialog.reject()

    QTimer.singleShot(0, poll)
    return answered


def keys_in(dialog: QWidget, *keys: Qt.Key | tuple) -> None:
    """Press keys in a dialog: each to what has the focus in it (a key, or (key, modifier))."""
    for key in keys:
        key, modifier = key if isinstance(key, tuple) else (key, NO_MODIFIER)
        QTest.keyClick(dialog.focusWidget() or dialog, key, modifier)


def choose_path(dialog: QWidget, path: Path) -> None:
    """In a file dialog, by keys: select what the name field holds, paste the path over it, press Enter. (Typed
    key by key, Qt's own file dialog completes each folder name as it goes; pasting is what a person
    copying a path does.)"""
    QApplication.clipboard().setText(str(path))
    keys_in(dialog, (Qt.Key.Key_A, CTRL), (Qt.Key.Key_V, CTRL), Qt.Key.Key_Return)


def screenshot(widget: QWidget, name: str) -> None:
    """Save a picture of the widget's window (of the whole screen, on a real or Xvfb display) as NAME.png
    when PA_MANAGER_SCREENSHOTS names a folder (the journeys take one of each step this way; nothing is
    saved otherwise)."""
    import os

    folder = os.environ.get("PA_MANAGER_SCREENSHOTS")
    if not folder:
        return
    QTest.qWait(150)  # laid out and painted as a person would see it, not half-way through
    Path(folder).mkdir(parents=True, exist_ok=True)
    if QApplication.platformName() == "offscreen":
        picture = widget.window().grab()
    else:  # a real screen (Xvfb): the whole of it, with a dialog or an open list over the window as it is seen
        picture = widget.screen().grabWindow(0)
    picture.save(str(Path(folder) / f"{name}.png"))
