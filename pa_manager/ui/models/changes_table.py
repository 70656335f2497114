"""The change history as a table: when (newest first), who, and what changed in words."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from pa_manager.messages import format_date
from pa_manager.ui.models.rows_table import SORT_ROLE, RowsTableModel
from pa_manager.wording import change_sentence


class ChangesTableModel(RowsTableModel):
    HEADERS = ("When", "Who", "What changed")
    COL_WHEN, COL_WHO, COL_WHAT = range(3)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        change = self._rows[index.row()]
        if role == SORT_ROLE:
            return (change.at, change.who.lower(), change_sentence(change))[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            when = change.at.astimezone()
            return (f"{format_date(when.date())}, {when:%H:%M}", change.who, change_sentence(change))[index.column()]
        return None
