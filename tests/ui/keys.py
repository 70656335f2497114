"""What Tab does, worked out from Qt's own focus chain: the sweeps use it on every page and dialog."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget


def _internal(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    if widget.focusProxy() is not None:
        return True
    if isinstance(parent, (QAbstractSpinBox, QComboBox)):
        return True
    return isinstance(parent, QAbstractScrollArea) and widget is parent.viewport()


def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits under `root` (or in its whole window), in order, as Qt would."""
    window = root.window()
    chain, widget = [], window
    while True:
        widget = widget.nextInFocusChain()
        if widget is window or widget in chain:
            break
        chain.append(widget)
    stops = [w for w in chain
             if (w is root or root.isAncestorOf(w)) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
             and w.isVisibleTo(window) and w.isEnabled() and not _internal(w) and w.window() is window]
    if not stops:
        return stops
    # Tab goes round in a circle; where the window itself sits in it does not matter. Start the circle
    # where reading starts: the control nearest the top left.
    first = min(stops, key=lambda w: (where(w).top(), where(w).left()))
    at = stops.index(first)
    return stops[at:] + stops[:at]


def where(widget: QWidget) -> QRect:
    window = widget.window()
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def describe(widget: QWidget) -> str:
    text = widget.accessibleName() or (widget.text() if hasattr(widget, "text") and callable(widget.text) else "")
    return f"{type(widget).__name__} {str(text)[:40]!r} at {where(widget).topLeft().toTuple()}"


def out_of_reading_order(stops: list[QWidget]) -> list[str]:
    """Each step of Tab that goes against reading order: left within a row, or back up the page
    other than to the top of a column further right."""
    wrong, slack = [], 4
    for before, after in zip(stops, stops[1:]):
        a, b = where(before), where(after)
        same_row = b.top() < a.bottom() and a.top() < b.bottom()
        if same_row:
            ok = b.left() >= a.left() - slack or b.top() > a.top() + slack
        elif b.top() >= a.top():
            ok = True
        else:  # up the window: only to a column to the right
            ok = b.left() >= a.right() - slack
        if not ok:
            wrong.append(f"{describe(before)} -> {describe(after)}")
    return wrong
