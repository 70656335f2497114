"""The People list: one row per PA, with sort values kept raw so dates and money sort properly."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from pa_manager.domain.money import format_money
from pa_manager.domain.people import PARecord
from pa_manager.messages import format_date
from pa_manager.ui.models.rows_table import SORT_ROLE, RowsTableModel

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


class PeopleTableModel(RowsTableModel):
    COL_NAME, COL_STATUS, COL_RATE, COL_START = range(4)
    HEADERS = ("Name", "Status", "Hourly rate", "Started")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._today = date.today()

    def set_rows(self, rows: list[PARecord], today: date) -> None:
        self._today = today
        super().set_rows(rows)

    def record(self, row: int) -> PARecord:
        return self._rows[row]

    def row_of(self, pa_id: int) -> int | None:
        return next((i for i, pa in enumerate(self._rows) if pa.id == pa_id), None)

    def _status(self, pa: PARecord) -> str:
        if pa.leaving_date and pa.leaving_date < self._today:
            return f"Left {format_date(pa.leaving_date)}"
        if pa.start_date and pa.start_date > self._today:
            return f"Starts {format_date(pa.start_date)}"
        if pa.leaving_date:
            return f"Leaving {format_date(pa.leaving_date)}"
        return "Current"

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        pa, column = self._rows[index.row()], index.column()
        rate = pa.rate_on(self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NAME:
                return pa.name
            if column == self.COL_STATUS:
                return self._status(pa)
            if column == self.COL_RATE:
                return format_money(rate) if rate is not None else "No rate"
            if column == self.COL_START:
                return format_date(pa.start_date) if pa.start_date else "Not recorded"
        if role == SORT_ROLE:
            return {
                self.COL_NAME: pa.name.lower(),
                self.COL_STATUS: self._status(pa),
                self.COL_RATE: int(rate * 100) if rate is not None else -1,
                self.COL_START: pa.start_date.toordinal() if pa.start_date else 0,
            }[column]
        if role == RECORD_ROLE:
            return pa
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_RATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
