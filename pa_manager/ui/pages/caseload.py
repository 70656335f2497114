"""Caseload: every employer in the data file and how much is overdue, for advocates and council staff.

Most overdue first. Enter or a double-click on a row asks the window to open that employer.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from pa_manager.messages import format_date
from pa_manager.services.due import CaseloadRow, caseload
from pa_manager.ui.context import AppContext
from pa_manager.ui.refresh import Refresher
from pa_manager.ui.models.rows_table import SORT_ROLE, RowsTableModel
from pa_manager.ui.models.spoken import SpokenTableModel
from pa_manager.ui.pages.checks import CALENDAR_FILTER, save_calendar
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.status import Status, status_icon

EMPLOYER_ROLE = Qt.ItemDataRole.UserRole + 1


# The tables whose records the counts come from: a change to any of them counts again (ui/refresh.py).
SHOWS = frozenset({"employers", "pas", "dbs_checks", "dbs_status_checks", "right_to_work_checks", "references",
                    "contracts", "shifts", "courses", "training_records", "required_courses", "meetings"})


class CaseloadTableModel(RowsTableModel):
    COL_NAME, COL_COUNCIL, COL_PAS, COL_OVERDUE, COL_DUE_SOON, COL_NEXT = range(6)
    HEADERS = ("Employer", "Council", "Current PAs", "Overdue", "Due soon", "Next date")

    def row(self, index: int) -> CaseloadRow:
        return self._rows[index]

    def _text(self, row: CaseloadRow, column: int) -> str:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_COUNCIL:
            return row.council or "Not recorded"
        if column == self.COL_PAS:
            return str(row.current_pas)
        if column == self.COL_OVERDUE:
            return f"{row.overdue} overdue" if row.overdue else "None overdue"
        if column == self.COL_DUE_SOON:
            return f"{row.due_soon} due soon" if row.due_soon else "None due soon"
        return format_date(row.next_due) if row.next_due else "None in the next 30 days"

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            return {
                self.COL_NAME: row.name.lower(),
                self.COL_COUNCIL: row.council.lower(),
                self.COL_PAS: row.current_pas,
                # Ties on overdue go to whoever has more due soon, as the service orders them.
                self.COL_OVERDUE: row.overdue * 10_000 + row.due_soon,
                self.COL_DUE_SOON: row.due_soon,
                self.COL_NEXT: row.next_due.toordinal() if row.next_due else date.max.toordinal(),
            }[column]
        if role == EMPLOYER_ROLE:
            return row.employer_id
        if role == Qt.ItemDataRole.DecorationRole:
            # Status as an icon beside its word, never colour alone.
            if column == self.COL_OVERDUE:
                return status_icon(Status.OVERDUE if row.overdue else Status.DONE)
            if column == self.COL_DUE_SOON and row.due_soon:
                return status_icon(Status.ATTENTION)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_PAS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


PORTABLE_NOTE = ("A client's file on a USB stick, on a computer that is not yours: start PA Manager with "
                 "pa-manager --portable --data followed by the file's place on the stick. Nothing is kept on the "
                 "computer, and nothing is left behind when you close it.")


class CaseloadPage(QWidget):
    title = "Caseload"
    employer_requested = Signal(int)
    employer_add_requested = Signal()
    file_open_requested = Signal()

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.model = CaseloadTableModel(self)
        self.proxy = SpokenTableModel(self)
        self.proxy.setSourceModel(self.model)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Everyone in this data file")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(self.model.COL_OVERDUE, Qt.SortOrder.DescendingOrder)

        intro = paragraph("Everyone whose records are in this data file, with the most overdue first. Choose a "
                       "column heading to sort by it. Press Enter on a name to open their records.")
        self.summary = paragraph()
        self.calendar_button = QPushButton("Save calendar for every&one…")
        self.calendar_button.setToolTip("Save everyone's due dates as one file your calendar app can open (.ics)")
        self.add_button = QPushButton("&Add someone you support…")
        self.add_button.setToolTip("Add a client: the person who holds the direct payment and employs the PAs")
        self.open_button = QPushButton("O&pen a client's file…")
        self.open_button.setToolTip("Open another data file, such as a client's own file on a USB stick")
        self.portable_note = paragraph(PORTABLE_NOTE)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Caseload"))
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, stretch=1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.open_button)
        row.addWidget(self.calendar_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.portable_note)

        self.table.activated.connect(self._on_table_activated)  # Enter, or a double-click
        self.calendar_button.clicked.connect(self._on_calendar_button_clicked)
        # Everyone's counts are worked out once, away from the window, and again only when records they
        # count change; choosing another employer only moves the highlight.
        self.refresher = Refresher(self, context, SHOWS, self.refresh, employer_changed=self._select_current)
        self.add_button.clicked.connect(self.employer_add_requested)
        self.open_button.clicked.connect(self.file_open_requested)
        self.refresh()

    def refresh(self) -> None:
        if not self.model.rowCount():
            self.summary.setText("Working out who has something overdue…")
        db, today = self.context.db, self.context.today()
        self.context.background.run(("caseload", id(self)), lambda: caseload(db, today), self._show_rows)

    def _show_rows(self, rows: list[CaseloadRow]) -> None:
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        if not rows:
            self.summary.setText("There is nobody in this data file yet. Add someone you support, or open a "
                                 "client's file.")
        elif overdue and len(rows) == 1:
            self.summary.setText("This person has something overdue.")
        elif overdue:
            self.summary.setText(f"{overdue} of {len(rows)} people {'has' if overdue == 1 else 'have'} something overdue.")
        else:
            self.summary.setText("Nobody has anything overdue.")
        self.calendar_button.setEnabled(bool(rows))
        self.add_button.setEnabled(not self.context.db.read_only)
        self._select_current()

    def _select_current(self) -> None:
        """Open on the client whose records are open, not on the first row."""
        if self.proxy.rowCount():
            current = next((r for r in range(self.proxy.rowCount())
                            if self.employer_at(r) == self.context.employer_id), 0)
            self.table.selectRow(current)

    def employer_at(self, proxy_row: int) -> int:
        return self.proxy.index(proxy_row, 0).data(EMPLOYER_ROLE)

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.employer_requested.emit(self.employer_at(index.row()))

    def _on_calendar_button_clicked(self) -> None:
        ids = [self.model.row(i).employer_id for i in range(self.model.rowCount())]
        if not ids:
            return
        suggested = str(Path.home() / "Everyone – due dates.ics")
        path, _ = QFileDialog.getSaveFileName(self, "Save everyone's due dates as a calendar", suggested, CALENDAR_FILTER)
        if path:
            save_calendar(self, self.context, ids, Path(path))
