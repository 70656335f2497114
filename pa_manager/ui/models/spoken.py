"""Tables as a screen reader says them: each row headed by what it is about (the PA's name, the date),
and every amount of money in words ("14 pounds 80 pence", not a bare "£14.80").

Qt gives AT-SPI a row's header from the model's vertical header data, and a cell's name from its
AccessibleTextRole (else its text). `SpokenTableModel` sits between a table view and its model (and
sorts it too, by SORT_ROLE, where the table is sortable); `speak_table_widget` does the same for a
QTableWidget after it is filled.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from pa_manager.ui.models.rows_table import SORT_ROLE
from pa_manager.wording import amounts_in_words

_WORDS = re.compile(r"[A-Za-z]{2,}")
_SPOKEN = Qt.ItemDataRole.AccessibleTextRole
_SHOWN = Qt.ItemDataRole.DisplayRole


def row_name(texts: Sequence[str]) -> str:
    return ", ".join(t.replace("\n", " ") for t in texts if t)


class SpokenTableModel(QSortFilterProxyModel):
    """Passes its model through (sorted by SORT_ROLE when the view sorts), with each row headed by the
    text of `header_columns` (unless the model heads its rows in words itself) and amounts in words."""

    def __init__(self, parent=None, *, header_columns: Sequence[int] = (0,)):
        super().__init__(parent)
        self.header_columns = tuple(header_columns)
        self.setSortRole(SORT_ROLE)

    def data(self, index, role=_SHOWN):
        if role == _SPOKEN and index.isValid():
            own = super().data(index, _SPOKEN)
            text = own if own else super().data(index, _SHOWN)
            return amounts_in_words(str(text)) if text not in (None, "") else None
        return super().data(index, role)

    def headerData(self, section, orientation, role=_SHOWN):
        if orientation == Qt.Orientation.Vertical and role in (_SHOWN, _SPOKEN):
            own = super().headerData(section, orientation, role)
            if isinstance(own, str) and _WORDS.search(own):
                return own
            if 0 <= section < self.rowCount():
                texts = [self.data(self.index(section, c), _SHOWN) for c in self.header_columns
                         if c < self.columnCount()]
                return row_name([str(t) for t in texts if t not in (None, "")]) or None
        return super().headerData(section, orientation, role)


def speak_table_widget(table: QTableWidget, header_columns: Sequence[int] = (0,)) -> None:
    """After filling a QTableWidget: head each row by the text of `header_columns`, and put every
    amount in words for a screen reader (what is shown does not change)."""
    for row in range(table.rowCount()):
        texts = [table.item(row, c).text() for c in header_columns if table.item(row, c) is not None]
        table.setVerticalHeaderItem(row, QTableWidgetItem(row_name(texts)))
        for column in range(table.columnCount()):
            cell = table.item(row, column)
            if cell is not None and "£" in cell.text():
                cell.setData(_SPOKEN, amounts_in_words(cell.text()))
