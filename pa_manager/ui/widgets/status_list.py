"""A read-only list of status lines: each an icon and a sentence that starts with its status word.

Qt's own row heights ignore word wrapping, so `fit_to_text` measures each line's wrapped text: nothing
is cut off at a narrow width or a large text size, and the page (not each little list) scrolls.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle

from pa_manager.ui.widgets.status import Status, status_icon

STATUS_BY_CODE = {
    "ok": Status.DONE,
    "below": Status.OVERDUE,
    "missing": Status.MISSING,
    "info": Status.INFO,
    "provisional": Status.INFO,
    "warning": Status.ATTENTION,
}


class _Refit(QObject):
    """Measures a list's lines again whenever its width changes."""

    def __init__(self, view: QListWidget, whole_list: bool):
        super().__init__(view)
        self._whole_list = whole_list

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
            fit_to_text(self.parent(), whole_list=self._whole_list)
        return False


def fit_to_text(view: QListWidget, *, whole_list: bool = True) -> None:
    """Make each line as tall as its wrapped text; with `whole_list`, the list as tall as its lines
    (so a short list neither scrolls nor leaves a gap). Keeps doing so when the width changes."""
    if not view.property("fits_text"):
        view.setProperty("fits_text", True)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if whole_list:
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.viewport().installEventFilter(_Refit(view, whole_list))
    metrics = view.fontMetrics()
    icon = view.iconSize() if view.iconSize().isValid() else None
    icon_side = icon.width() if icon else view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    width = max(view.viewport().width() - 2 * view.spacing(), 80)
    total = 0
    font = (view.font().key(), metrics.height(), metrics.averageCharWidth())
    for row in range(view.count()):
        item = view.item(row)
        indent = icon_side + 8 if not item.icon().isNull() else 0
        height = max(_wrapped_height(metrics, font, width - indent - 8, item.text()), icon_side if indent else 0) + 6
        item.setSizeHint(QSize(width, height))
        total += height + 2 * view.spacing()
    if whole_list:
        view.setFixedHeight(max(total, metrics.lineSpacing() * 2) + 2 * view.frameWidth() + 2)


_HEIGHTS: dict[tuple, int] = {}  # wrapped heights measured, by font, width and text


def _wrapped_height(metrics: QFontMetrics, font: tuple, width: int, text: str) -> int:
    """The height of the text word-wrapped to the width. Remembered: a page shown again (the dashboard after
    each change, say) has mostly the same lines at the same width, and measuring hundreds costs more than
    everything else in showing them."""
    key = (font, width, text)
    height = _HEIGHTS.get(key)
    if height is None:
        if len(_HEIGHTS) >= 20_000:  # a long session's old lines: measured again if they come back
            _HEIGHTS.clear()
        height = _HEIGHTS[key] = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text).height()
    return height


class StatusList(QListWidget):
    """Lines the keyboard and a screen reader can step through; Enter activates the line's target."""

    def __init__(self, accessible_name: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setWordWrap(True)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)

    def set_lines(self, lines: list[tuple[str, str]], data: list | None = None) -> None:
        self._shown = (list(lines), None if data is None else list(data))
        # Lines shown again (a forecast worked out in the background, say) keep the one you are on.
        was = self.currentItem().text() if self.currentItem() is not None else None
        self.clear()
        for index, (code, sentence) in enumerate(lines):
            item = QListWidgetItem(status_icon(STATUS_BY_CODE.get(code, Status.INFO)), sentence)
            if data is not None:
                item.setData(Qt.ItemDataRole.UserRole, data[index])
            self.addItem(item)
            if sentence == was:
                self.setCurrentItem(item)
        fit_to_text(self)

    def shown(self) -> tuple[list[tuple[str, str]], list | None]:
        """The lines on show and where each leads, as given to set_lines."""
        return getattr(self, "_shown", ([], None))
