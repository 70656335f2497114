"""A read-only list of status lines: each an icon and a sentence that starts with its status word."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from pa_manager.ui.widgets.status import Status, status_icon

STATUS_BY_CODE = {
    "ok": Status.DONE,
    "below": Status.OVERDUE,
    "missing": Status.MISSING,
    "info": Status.INFO,
    "provisional": Status.INFO,
    "warning": Status.ATTENTION,
}


class StatusList(QListWidget):
    """Lines the keyboard and a screen reader can step through; Enter activates the line's target."""

    def __init__(self, accessible_name: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setWordWrap(True)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)

    def set_lines(self, lines: list[tuple[str, str]], data: list | None = None) -> None:
        self.clear()
        for index, (code, sentence) in enumerate(lines):
            item = QListWidgetItem(status_icon(STATUS_BY_CODE.get(code, Status.INFO)), sentence)
            if data is not None:
                item.setData(Qt.ItemDataRole.UserRole, data[index])
            self.addItem(item)
        # Tall enough for the lines, so short lists do not leave empty space or scroll.
        height = sum(self.sizeHintForRow(i) for i in range(self.count())) + 2 * self.frameWidth() + 4
        self.setMaximumHeight(max(height, self.fontMetrics().lineSpacing() * 2))

