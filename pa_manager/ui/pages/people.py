"""People: the PAs on the left, the chosen PA's details on the right."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QSplitter, QTableView,
    QVBoxLayout, QWidget,
)

from pa_manager.domain.people import PARecord
from pa_manager.services import employers, people, wages
from pa_manager.services.errors import ChangedElsewhere, ServiceError, ValidationFailed
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.leaver_dialog import LeaverDialog
from pa_manager.ui.models.people_table import SORT_ROLE, PeopleTableModel
from pa_manager.ui.pages.pa_form import PAForm
from pa_manager.ui.widgets.form import form_message, show_form_message
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.inputs import InputError
from pa_manager.ui.widgets.status_list import StatusList
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.wording import standing_lines


class PeoplePage(QWidget):
    title = "People"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.model = PeopleTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Your PAs")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PeopleTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.add_button = QPushButton("&Add a PA")
        self.leaver_button = QPushButton("Record a lea&ver…")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(heading("People"))
        left_layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.leaver_button)
        left_layout.addLayout(row)

        self.form = PAForm(today=context.today)
        self.form_heading = heading(scale=1.25)
        self.save_button = QPushButton("&Save details")
        self.save_button.setDefault(True)
        scroll = vertical_scroll(self.form, "PA details")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.form_heading)
        self.pay_check = StatusList("Pay check")
        right_layout.addWidget(self.pay_check)
        right_layout.addWidget(scroll, stretch=1)
        self.save_message = form_message()  # why the details were not saved, when no one field is to blame
        right_layout.addWidget(self.save_message)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([480, 720])  # wide enough for every column of the list
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.leaver_button.clicked.connect(self._on_leaver_button_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._on_save_button_clicked)
        context.data_changed.connect(self.refresh)
        context.employer_changed.connect(self.refresh)
        self._editing: PARecord = PARecord(name="")
        self.refresh()

    # --- what is shown ---
    def refresh(self) -> None:
        keep = self._editing.id
        employer_id = self.context.employer_id
        rows = people.list_pas(self.context.db, employer_id) if employer_id is not None else []
        self.model.set_rows(rows, self.context.today())
        self.setEnabled(employer_id is not None)
        if keep is not None and self.model.row_of(keep) is not None:
            self.select_pa(keep)
        elif rows:
            self.table.selectRow(0)
            self._on_table_current_changed(self.table.currentIndex())
        else:
            self._start_new()

    def select_pa(self, pa_id: int) -> None:
        source_row = self.model.row_of(pa_id)
        if source_row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self._show(self.model.record(source_row))

    def _show(self, record: PARecord) -> None:
        self._editing = record
        self.form.show_record(record)
        show_form_message(self.save_message, None)
        self.form_heading.setText(f"{record.name}" if record.id is not None else "New PA")
        self.leaver_button.setEnabled(record.id is not None)
        self._show_pay_check(record)

    def _show_pay_check(self, record: PARecord) -> None:
        """Their band, today's legal minimum, their rate and the Real Living Wage, in words."""
        standing = None
        if record.id is not None and self.context.employer_id is not None:
            employer = employers.get_employer(self.context.db, self.context.employer_id)
            standing = wages.wage_standing(record, employer, self.context.today())
        if standing is not None:
            self.pay_check.set_lines(standing_lines(standing))
        elif record.id is not None and record.date_of_birth is None:
            self.pay_check.set_lines([("missing", "Missing: add their date of birth to check their pay against the legal minimum.")])
        else:
            self.pay_check.set_lines([])
        self.pay_check.setVisible(self.pay_check.count() > 0)

    def _start_new(self) -> None:
        self.table.clearSelection()
        self._show(PARecord(name=""))

    # --- slots ---
    def _on_table_current_changed(self, index) -> None:
        if index.isValid():
            self._show(self.model.record(self.proxy.mapToSource(index).row()))

    def _on_add_button_clicked(self) -> None:
        self._start_new()
        self.form.name.setFocus()

    def _on_save_button_clicked(self) -> None:
        if self.context.employer_id is None:
            return
        try:
            record = self.form.record()
        except InputError:
            return
        before = self._editing
        employer_id = self.context.employer_id
        db, today = self.context.db, self.context.today()
        show_form_message(self.save_message, None)
        try:
            saved = people.save_pa(db, employer_id, record, today)
        except ValidationFailed as failure:
            self.form.show_problems(failure.problems)
            return
        except ServiceError as error:
            self._not_saved(error)
            return
        self._editing = saved
        if before.id is None:
            self.context.record(
                f"Add {saved.name}",
                redo=lambda: people.restore_pa(db, employer_id, saved),
                undo=lambda: people.delete_pa(db, saved.id),
            )
        else:
            self.context.record(
                f"Change {saved.name}'s details",
                redo=lambda: people.restore_pa(db, employer_id, saved),
                undo=lambda: people.restore_pa(db, employer_id, before),
            )

    def _not_saved(self, error: ServiceError) -> None:
        """Say why under the form, keeping what was typed. When someone else saved the PA first, the list
        is read again (the form is left as it is): choosing them in it opens the latest."""
        show_form_message(self.save_message, str(error))
        self.context.status_message.emit(str(error))
        if isinstance(error, ChangedElsewhere) and self.context.employer_id is not None:
            self.model.set_rows(people.list_pas(self.context.db, self.context.employer_id), self.context.today())

    def _on_leaver_button_clicked(self) -> None:
        pa = self._editing
        if pa.id is None:
            return
        dialog = LeaverDialog(pa, self.context.today(), self)
        if not dialog.exec():
            return
        after = replace(pa, leaving_date=dialog.leaving_date, leaving_reason=dialog.reason)
        db, employer_id = self.context.db, self.context.employer_id
        try:
            saved = people.save_pa(db, employer_id, after, self.context.today())
        except ValidationFailed as failure:
            self.form.show_problems(failure.problems)
            return
        except ServiceError as error:
            self._not_saved(error)
            return
        self._editing = saved
        self.context.record(
            f"Record {pa.name} as leaving",
            redo=lambda: people.restore_pa(db, employer_id, saved),
            undo=lambda: people.restore_pa(db, employer_id, pa),
        )
