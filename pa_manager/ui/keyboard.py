"""Keyboard and focus rules that every page and dialog follows, in one place.

- Tab goes in reading order, which is the order of the layouts (top to bottom, then left to right
  within a row; a splitter's left side before its right), whatever order the widgets were made in.
- A dialog opens with its first field focused, its buttons last in the Tab order, and no bigger than
  the screen: at large text sizes its body scrolls up and down, with the buttons always in view.
- A field that takes focus (by Tab, by its Alt shortcut, or because an error moved the cursor there)
  is scrolled into view.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractScrollArea, QApplication, QBoxLayout, QDialog, QDialogButtonBox,
    QFormLayout, QGridLayout, QLayout, QPushButton, QScrollArea, QSplitter, QStackedWidget, QTabWidget, QToolButton,
    QVBoxLayout, QWidget,
)

from pa_manager.ui.widgets.adaptive import VerticalScrollArea, fit_to_screen, screen_room

# Widgets Tab treats as one stop, whatever parts they are made of inside.
_LEAVES = (QAbstractButton, QAbstractItemView)


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and not _is_plain_scroll_area(widget)


def _is_plain_scroll_area(widget: QWidget) -> bool:
    """A scroll area that only holds other widgets: never a Tab stop of its own (it has no visible focus)."""
    return isinstance(widget, QScrollArea)


def _layout_widgets(layout: QLayout, children: list[QWidget]) -> list[QWidget]:
    """The widgets of a layout (and of the layouts inside it) in reading order, from the owner's
    `children`. Asked by index (indexOf, getItemPosition), never through itemAt: a Python wrapper of a
    layout item outlives the item when Qt deletes it, and a later object made at the same address then
    crashes the app when it is destroyed."""
    if isinstance(layout, QFormLayout):
        def key(i: int):
            row, role = layout.getItemPosition(i)
            return (row, role.value if hasattr(role, "value") else int(role))
    elif isinstance(layout, QGridLayout):
        def key(i: int):
            return tuple(layout.getItemPosition(i)[:2])
    elif isinstance(layout, QBoxLayout) and layout.direction() in (QBoxLayout.Direction.RightToLeft,
                                                                  QBoxLayout.Direction.BottomToTop):
        def key(i: int):
            return (-i,)
    else:
        def key(i: int):
            return (i,)
    entries: list[tuple[tuple, int, QWidget | QLayout]] = []
    for part in [*children, *(c for c in layout.children() if isinstance(c, QLayout))]:
        index = layout.indexOf(part)
        if index >= 0:
            entries.append((key(index), len(entries), part))
    found: list[QWidget] = []
    for _key, _n, part in sorted(entries, key=lambda e: (e[0], e[1])):
        if isinstance(part, QLayout):
            found.extend(_layout_widgets(part, children))
        else:
            found.append(part)
    return found


def _children_in_order(widget: QWidget) -> list[QWidget]:
    if isinstance(widget, _LEAVES) or (isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QScrollArea)):
        return []
    if isinstance(widget, QSplitter):
        return [widget.widget(i) for i in range(widget.count())]
    if isinstance(widget, QScrollArea):
        return [widget.widget()] if widget.widget() is not None else []
    if isinstance(widget, QStackedWidget):
        return [widget.widget(i) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        return [widget.tabBar()] + [widget.widget(i) for i in range(widget.count())]
    if isinstance(widget, QDialogButtonBox):
        # Its layout keeps the buttons by role, not in the platform's order on screen.
        return sorted(widget.buttons(), key=lambda b: (b.y(), b.x()))
    if widget.layout() is not None:
        children = [c for c in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                    if not c.isWindow()]
        listed = _layout_widgets(widget.layout(), children)
        # Children outside the layout (rare) keep their place after it.
        rest = [c for c in children if c not in listed]
        return listed + [c for c in rest if takes_tab(c) or c.layout() is not None]
    return []


def reading_order(root: QWidget) -> list[QWidget]:
    """Every widget under `root` that takes Tab focus, in the order a person reads the window."""
    found: list[QWidget] = []

    def visit(widget: QWidget) -> None:
        if widget is not root and widget.isWindow():
            return
        if takes_tab(widget):
            found.append(widget)
        for child in _children_in_order(widget):
            visit(child)

    visit(root)
    return found


def order_tabs(root: QWidget) -> None:
    """Make Tab follow reading order under `root`."""
    order = reading_order(root)
    if order and root.isWindow():
        QWidget.setTabOrder(root, order[0])  # the chain starts where reading starts
    for before, after in zip(order, order[1:]):
        QWidget.setTabOrder(before, after)


def _usable(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.isEnabled()


def first_control(root: QWidget) -> QWidget | None:
    """The first control a person can use under `root`, in reading order."""
    return next((w for w in reading_order(root) if _usable(w, root)), None)


def first_field(root: QWidget) -> QWidget | None:
    """The first control that is not a push button (a field, a choice, a list or a table), else the first
    control."""
    usable = [w for w in reading_order(root) if _usable(w, root)]
    return next((w for w in usable if not isinstance(w, (QPushButton, QToolButton))), usable[0] if usable else None)


# --- scrolling what has focus into view ------------------------------------------------------------


def bring_into_view(widget: QWidget) -> None:
    """Scroll every scroll area holding `widget` so that it shows, with a line of room around it: the
    innermost first, so each one outside it scrolls to where the widget has come to be. Found by
    walking up from the widget (alive, as it has focus), never from a list of areas that may be dying."""
    inner = widget
    while inner is not None and not inner.isWindow():
        viewport = inner.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if isinstance(area, QScrollArea) and area.widget() is inner:
            _show_in(area, inner, widget)
        inner = viewport


def _show_in(area: QScrollArea, body: QWidget, widget: QWidget) -> None:
    """Scroll up or down just enough to show all of `widget` with a line of room (its top if it is
    taller than the view). Qt's ensureWidgetVisible aims at a line edit's text cursor instead."""
    top = widget.mapTo(body, QPoint(0, 0)).y()
    bottom = top + widget.height()
    room = widget.fontMetrics().lineSpacing()
    bar, height = area.verticalScrollBar(), area.viewport().height()
    if top - room < bar.value() or bottom - top + 2 * room > height:
        bar.setValue(max(0, top - room))
    elif bottom + room > bar.value() + height:
        bar.setValue(bottom + room - height)


class _FocusFollower(QObject):
    def on_focus_changed(self) -> None:
        # Takes no arguments on purpose: the widget losing focus may be half destroyed (its window
        # closing), and handing it to Python leaves a stale wrapper behind that later crashes the app.
        new = QApplication.focusWidget()
        if new is not None:
            bring_into_view(new)


_follower: _FocusFollower | None = None


def follow_focus() -> None:
    """Once per application: whatever takes focus is scrolled into view."""
    global _follower
    app = QApplication.instance()
    if _follower is not None or app is None:
        return
    _follower = _FocusFollower(app)
    app.focusChanged.connect(_follower.on_focus_changed)


# --- dialogs ---------------------------------------------------------------------------------------

def _scroll_the_body(dialog: QDialog) -> None:
    """Move everything above the dialog's buttons into a scroll area that scrolls up and down. The
    dialog's whole layout moves into the scroll area (Qt moves its widgets with it), then the button
    box comes back out below it, so the buttons stay in view."""
    moved = dialog.layout()
    if not isinstance(moved, QVBoxLayout):
        return
    margins = moved.contentsMargins()
    body = QWidget()
    body.setLayout(moved)  # takes it from the dialog, with every widget in it
    moved.setContentsMargins(0, 0, 0, 0)
    kept_below = [box for box in body.findChildren(QDialogButtonBox, options=Qt.FindChildOption.FindDirectChildrenOnly)
                  if moved.indexOf(box) >= 0]
    for box in kept_below:
        moved.removeWidget(box)
    scroll = VerticalScrollArea(body)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setAccessibleName(dialog.windowTitle())
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(margins)
    outer.addWidget(scroll, 1)
    for box in kept_below:
        outer.addWidget(box)
    # Moved while the dialog is being shown, Qt would show them only later, and lay the dialog out as
    # if they were not there: show them now.
    for widget in (scroll, *kept_below):
        widget.show()


def _least_size(dialog: QDialog, room) -> QSize:
    """The smallest size the dialog's layout needs, with its wrapped words at the width it will have."""
    layout = dialog.layout()
    layout.activate()
    least = layout.totalMinimumSize()
    width = min(max(dialog.width(), least.width()), room.width())
    height = layout.totalMinimumHeightForWidth(width) if layout.hasHeightForWidth() else 0
    return QSize(least.width(), max(least.height(), height))


def _prepare(dialog: QDialog, first: QWidget | None) -> None:
    room = screen_room(dialog)
    if dialog.minimumWidth() > room.width() or dialog.minimumHeight() > room.height():
        dialog.setMinimumSize(dialog.minimumSize().boundedTo(room))  # set for a bigger screen
    layout = dialog.layout()
    if layout is not None:
        # As tall as its wrapped words need at the width it can have (with any list in it at its smallest):
        # more than the screen, and it scrolls.
        if _least_size(dialog, room).height() > room.height() * 0.95:
            _scroll_the_body(dialog)
        # Never smaller than that (Qt sizes a window without asking how tall its wrapped words are), nor
        # narrower than what it holds, whatever smallest size it was given for a bigger screen.
        least = _least_size(dialog, room).boundedTo(room)
        dialog.setMinimumSize(least)
        if dialog.width() < least.width() or dialog.height() < least.height():
            dialog.resize(dialog.size().expandedTo(least))
    order_tabs(dialog)
    chosen = dialog.focusWidget()
    buttons = dialog.findChildren(QDialogButtonBox)
    unsuitable = (chosen is None or isinstance(chosen, QScrollArea) or not chosen.isVisibleTo(dialog)
                  or any(box.isAncestorOf(chosen) for box in buttons))
    target = first if first is not None else (first_field(dialog) if unsuitable else None)
    if target is not None:
        target.setFocus(Qt.FocusReason.OtherFocusReason)
    fit_to_screen(dialog)


class _ReadyOnShow(QObject):
    def __init__(self, dialog: QDialog, first: QWidget | None):
        super().__init__(dialog)
        self._first = first

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and watched is self.parent():
            watched.removeEventFilter(self)
            _prepare(watched, self._first)
            self.deleteLater()
        return False


def ready_dialog(dialog: QDialog, first: QWidget | None = None) -> None:
    """Call in a dialog's __init__ (a base class may: it happens when the dialog first shows, after
    any subclass has added its fields). Then: Tab in reading order with the buttons last; the first
    field (or `first`, or the field the dialog chose itself) focused when it opens; and a size that fits
    the screen, the body scrolling up and down when it would not, with the buttons always in view."""
    follow_focus()
    dialog.installEventFilter(_ReadyOnShow(dialog, first))
