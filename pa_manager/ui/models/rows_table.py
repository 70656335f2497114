"""A read-only table over a list of rows under fixed column headings: the part every list-backed
table shares. Subclasses say what each cell shows (`data`)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole  # raw values, so dates and money sort as themselves, not as text


class RowsTableModel(QAbstractTableModel):
    HEADERS: Sequence[str] = ()
    # Qt may still ask a table being torn down for its size after Python's cycle collector has cleared the
    # model's own attributes (PySide keeps the C++ side until its parent goes): then it has no rows.
    _rows: Sequence[Any] = ()

    def __init__(self, parent=None, headers: Sequence[str] | None = None):
        super().__init__(parent)
        if headers is not None:
            self.HEADERS = tuple(headers)
        self._rows: list[Any] = []

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
