"""Layouts that fit a small screen at a large text size, without sideways scrolling.

At 200% text a 1366×768 screen is, to Qt, 683×384: side-by-side parts no longer fit beside each other.
- `AdaptiveSplitter`: two parts side by side when there is room, one above the other when not.
- `AdaptiveRow`: a row (of buttons, of charts) that becomes a column when it would not fit.
- `fit_to_screen`: a window or dialog no bigger than the screen's free area, frame included.
Each says, as its smallest width, the width it needs one above the other, so whatever holds it may
make it that narrow; it changes shape as soon as it is.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractScrollArea, QBoxLayout, QScrollArea, QSplitter, QStyle, QWidget

WIDE, NARROW = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


def _least_width(widget: QWidget) -> int:
    hint = widget.minimumSizeHint()
    return max(widget.minimumWidth(), hint.width() if hint.isValid() else 0)


class AdaptiveSplitter(QSplitter):
    """A splitter that lays its parts side by side while they fit at their smallest, and one above the
    other otherwise (the handle still moves the line between them)."""

    def __init__(self, parent=None):
        super().__init__(WIDE, parent)
        self.setChildrenCollapsible(False)

    def _shown(self) -> list[QWidget]:
        return [self.widget(i) for i in range(self.count()) if not self.widget(i).isHidden()]

    def width_side_by_side(self) -> int:
        parts = self._shown()
        return sum(_least_width(w) for w in parts) + self.handleWidth() * max(0, len(parts) - 1)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        narrowest = max((_least_width(w) for w in self._shown()), default=0)
        return QSize(narrowest, hint.height())

    def resizeEvent(self, event) -> None:
        wanted = WIDE if event.size().width() >= self.width_side_by_side() else NARROW
        if wanted != self.orientation():
            self.setOrientation(wanted)
            self.updateGeometry()
        super().resizeEvent(event)


class AdaptiveRow(QWidget):
    """Widgets in a row while they fit at their natural width, else in a column (stretched across)."""

    def __init__(self, *widgets: QWidget, stretch_last: bool = True, parent=None):
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self._stretch = stretch_last
        for widget in widgets:
            self.box.addWidget(widget)
        if stretch_last:
            self.box.addStretch()

    def add(self, widget: QWidget) -> None:
        self.box.insertWidget(self.box.count() - (1 if self._stretch else 0), widget)

    def _parts(self) -> list[QWidget]:
        return [c for c in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if not c.isHidden() and self.box.indexOf(c) >= 0]

    def width_in_a_row(self) -> int:
        parts = self._parts()
        return sum(max(w.sizeHint().width(), _least_width(w)) for w in parts) + self.box.spacing() * max(0, len(parts) - 1)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max((_least_width(w) for w in self._parts()), default=0), hint.height())

    def resizeEvent(self, event) -> None:
        in_a_row = event.size().width() >= self.width_in_a_row()
        wanted = QBoxLayout.Direction.LeftToRight if in_a_row else QBoxLayout.Direction.TopToBottom
        if wanted != self.box.direction():
            self.box.setDirection(wanted)
            self.updateGeometry()
        super().resizeEvent(event)


class VerticalScrollArea(QScrollArea):
    """Scrolls up and down only (words wrap to its width instead), so it is never made narrower than
    what it holds can be: whatever holds it then lays out, or changes shape, to give it that room."""

    def __init__(self, body: QWidget | None = None, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus of its own to show: Tab goes into it
        if body is not None:
            self.setWidget(body)

    def setWidget(self, body: QWidget) -> None:
        super().setWidget(body)
        body.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self.updateGeometry()  # what it holds needs more (or less) room
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        width = (_least_width(body) + 2 * self.frameWidth()
                 + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))
        return QSize(max(hint.width(), width), hint.height())


def keep_lines(view: QAbstractScrollArea, lines: int) -> None:
    """At least `lines` lines of text tall (and its heading), so a list or table stays usable when the
    page puts it above the details on a small screen; it grows with the text size."""
    header = getattr(view, "horizontalHeader", lambda: None)()
    top = header.sizeHint().height() if header is not None and not header.isHidden() else 0
    view.setMinimumHeight(top + view.fontMetrics().lineSpacing() * lines + 2 * view.frameWidth())


def _frame_margins(window: QWidget) -> QSize:
    """What the window manager adds around a window: measured once it is shown, else the style's guess."""
    frame, inside = window.frameGeometry(), window.geometry()
    if frame.size() != inside.size():
        return frame.size() - inside.size()
    style = window.style()
    border = style.pixelMetric(QStyle.PixelMetric.PM_MdiSubWindowFrameWidth)
    return QSize(2 * border, style.pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) + 2 * border)


def screen_room(window: QWidget) -> QSize:
    """The largest size `window` may have for it and its frame to fit the screen's free area."""
    free = QGuiApplication.primaryScreen().availableGeometry().size()
    return free - _frame_margins(window)


def fit_to_screen(window: QWidget) -> None:
    """No bigger than the screen, frame and all: its size and its smallest size (which a dialog may
    have been given for a big screen) are cut to the screen's free area."""
    room = screen_room(window)
    least = window.minimumSize()
    if least.width() > room.width() or least.height() > room.height():
        window.setMinimumSize(least.boundedTo(room))
    if window.width() > room.width() or window.height() > room.height():
        window.resize(window.size().boundedTo(room))
