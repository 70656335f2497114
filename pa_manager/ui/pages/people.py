"""People: the PAs on the left, the chosen PA's details on the right."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QMessageBox, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from pa_manager.domain.validation import Problem
from pa_manager.messages import describe, say
from pa_manager.domain.people import PARecord
from pa_manager.services import data_protection, employers, people, rti, wages, year_end
from pa_manager.services.errors import ChangedElsewhere, ServiceError, ValidationFailed
from pa_manager.ui.context import AppContext
from pa_manager.ui.refresh import Refresher
from pa_manager.ui.dialogs.holiday_dialog import HolidayDialog
from pa_manager.ui.dialogs.leaver_dialog import LeaverDialog
from pa_manager.ui.models.people_table import PeopleTableModel
from pa_manager.ui.models.spoken import SpokenTableModel
from pa_manager.ui.pages.pa_form import PAForm
from pa_manager.ui.unsaved import ask_before_leaving
from pa_manager.ui.widgets.adaptive import AdaptiveSplitter, keep_lines
from pa_manager.ui.widgets.form import form_message, show_form_message
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.inputs import InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.status_list import StatusList
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.wording import standing_lines


def _p45_ready(db, employer_id: int, pa) -> bool:
    try:
        year_end.p45(db, employer_id, pa.id)
    except ServiceError:
        return False
    return True


# Where to put the cursor when HMRC cannot be asked for a PA's NI number until a detail is recorded.
NVREQ_FIELDS = {"NVREQ_NAME_NEEDED": "name", "NVREQ_BIRTH_DATE_MISSING": "date_of_birth",
                "NVREQ_BIRTH_DATE_IMPOSSIBLE": "date_of_birth", "NVREQ_GENDER_MISSING": "gender",
                "NVREQ_ADDRESS_NEEDED": "address", "NVREQ_HAS_NI_NUMBER": "ni_number"}
NVREQ_TIP = ("Save a request in HMRC's file format asking for the National Insurance number of a PA who cannot "
             "give you one")


# The tables whose records this page shows: a change to any of them redraws it (ui/refresh.py).
SHOWS = frozenset({"pas", "pay_rates", "employers"})


class PeoplePage(QWidget):
    title = "People"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.model = PeopleTableModel(self)
        self.proxy = SpokenTableModel(self)
        self.proxy.setSourceModel(self.model)

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
        keep_lines(self.table, 8)  # usable above the details on a small screen

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
        # Data protection: a PA may ask for everything held about them; a former PA's details are
        # erased once they need no longer be kept.
        self.export_button = QPushButton("Export their data…")
        self.export_button.setToolTip("Everything held about this PA, in one file: for a request for their data")
        self.erase_button = QPushButton("Erase their details…")
        self.erase_button.setToolTip("For a former PA, once their records need no longer be kept")
        self.family_button = QPushButton("Family leave…")
        self.family_button.setToolTip("Maternity, paternity, adoption, shared parental or bereavement leave, "
                                      "and the statutory pay due for it")
        self.earnings_order_button = QPushButton("Attachment of earnings…")
        self.earnings_order_button.setToolTip("A court's attachment of earnings order on this PA's pay: record it, "
                                              "see what has been taken, or stop it")
        leave_and_orders = QHBoxLayout()
        leave_and_orders.addWidget(self.family_button)
        leave_and_orders.addWidget(self.earnings_order_button)
        left_layout.addLayout(leave_and_orders)
        self.nvreq_button = QPushButton("Re&quest their NI number from HMRC…")
        left_layout.addWidget(self.nvreq_button)
        protect = QHBoxLayout()
        protect.addWidget(self.export_button)
        protect.addWidget(self.erase_button)
        left_layout.addLayout(protect)
        self.erase_note = paragraph()
        left_layout.addWidget(self.erase_note)

        self.form = PAForm(today=context.today)
        self.form_heading = heading(scale=1.25)
        self.save_button = QPushButton("&Save details")
        self.save_button.setDefault(True)
        self.holiday_button = QPushButton("Holiday boo&king…")
        self.holiday_button.setToolTip("Their holiday this leave year: entitlement, carried over, taken, booked and "
                                       "left; book holiday or carry it over")
        scroll = self.form_scroll = vertical_scroll(self.form, "PA details")
        keep_lines(scroll, 12)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.form_heading)
        self.pay_check = StatusList("Pay check")
        right_layout.addWidget(self.pay_check)
        right_layout.addWidget(scroll, stretch=1)
        self.save_message = form_message()  # why the details were not saved, when no one field is to blame
        right_layout.addWidget(self.save_message)
        bottom = QHBoxLayout()
        bottom.addWidget(self.holiday_button)
        bottom.addStretch()
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)

        splitter = AdaptiveSplitter()  # one above the other on a small screen or at large text
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)  # a smaller window takes room from both sides, not the form's alone
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([480, 720])  # wide enough for every column of the list
        right.setMinimumWidth(right.fontMetrics().averageCharWidth() * 44)  # the form is never squeezed to nothing
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.family_button.clicked.connect(self._on_family_button_clicked)
        self.earnings_order_button.clicked.connect(self._on_earnings_order_button_clicked)
        self.nvreq_button.clicked.connect(self._on_nvreq_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.leaver_button.clicked.connect(self._on_leaver_button_clicked)
        self.holiday_button.clicked.connect(self._on_holiday_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.erase_button.clicked.connect(self._on_erase_button_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._on_save_button_clicked)
        self.refresher = Refresher(self, context, SHOWS, self.refresh)
        self._editing: PARecord = PARecord(name="")
        self._shown_for: int | None = None  # the employer whose PA the form shows
        self.refresh()

    # --- what is shown ---
    def refresh(self) -> None:
        keep = self._editing.id
        employer_id = self.context.employer_id
        rows = people.list_pas(self.context.db, employer_id) if employer_id is not None else []
        typing = (self.form.has_unsaved_changes() and self._shown_for == employer_id
                  and (keep is None or any(r.id == keep for r in rows)))
        self.model.set_rows(rows, self.context.today())
        self.setEnabled(employer_id is not None)
        if typing:  # another change elsewhere: keep what is being typed here
            self._select_quietly(keep)
            return
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
        self._shown_for = self.context.employer_id
        self.form.show_record(record)
        show_form_message(self.save_message, None)
        self.form_heading.setText(f"{record.name}" if record.id is not None else "New PA")
        self.leaver_button.setEnabled(record.id is not None)
        self.holiday_button.setEnabled(record.id is not None)
        self.export_button.setEnabled(record.id is not None)
        self.family_button.setEnabled(record.id is not None)
        self.earnings_order_button.setEnabled(record.id is not None)
        self._show_erasure(record)
        self._show_pay_check(record)
        self._show_nvreq(record)

    def _show_nvreq(self, record: PARecord) -> None:
        """Asking HMRC for an NI number is for a PA who has none recorded; otherwise the tip says why not."""
        has_number = bool(record.ni_number.strip())
        self.nvreq_button.setEnabled(record.id is not None and not has_number)
        tip = describe(Problem.of("NVREQ_HAS_NI_NUMBER", record.name)) if has_number else NVREQ_TIP
        self.nvreq_button.setToolTip(tip)
        self.nvreq_button.setAccessibleDescription(tip)

    def _show_erasure(self, record: PARecord) -> None:
        """Erasing is offered to former PAs; the note says from when, or that it may be done now."""
        refusal = None
        if record.id is not None and record.leaving_date is not None and self.context.employer_id is not None:
            erasure = data_protection.erasure_for(self.context.db, self.context.employer_id, record.id)
            refusal = erasure.refusal(self.context.today())
            self.erase_note.setText(describe(refusal) if refusal else f"{record.name}'s records need no longer be kept: you may erase their "
                                              "personal details.")
        else:
            self.erase_note.setText("")
        self.erase_button.setVisible(record.id is not None and record.leaving_date is not None)
        self.erase_button.setEnabled(record.leaving_date is not None and refusal is None)
        self.erase_note.setVisible(bool(self.erase_note.text()))

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

    # --- unsaved changes (the window asks before anything would throw them away) ---
    def has_unsaved_changes(self) -> bool:
        return self.isEnabled() and self.form.has_unsaved_changes()

    def unsaved_what(self) -> str:
        name = self._editing.name or self.form.name.text().strip()
        return f"your changes to {name}'s details" if self._editing.id is not None else "the new PA's details"

    def save_changes(self) -> bool:
        """Save what is typed; False (with the problems shown) when it cannot be saved as it is."""
        self._on_save_button_clicked()
        return not self.form.has_unsaved_changes()

    def discard_changes(self) -> None:
        self._show(self._editing)

    # --- slots ---
    def _on_table_current_changed(self, index) -> None:
        if not index.isValid():
            return
        record = self.model.record(self.proxy.mapToSource(index).row())
        if record.id != self._editing.id and not ask_before_leaving(self):
            self._select_quietly(self._editing.id)  # stay on the PA being edited, with what was typed
            return
        self._show(record)

    def _select_quietly(self, pa_id: int | None) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        source_row = self.model.row_of(pa_id) if pa_id is not None else None
        if source_row is None:
            self.table.clearSelection()
        else:
            selection.setCurrentIndex(self.proxy.mapFromSource(self.model.index(source_row, 0)),
                                      QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)

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
        employer_id = self.context.employer_id
        db, today = self.context.db, self.context.today()
        show_form_message(self.save_message, None)
        try:
            done = people.save_pa_undoably(db, employer_id, record, today)
        except ValidationFailed as failure:
            self.form.show_problems(failure.problems)
            return
        except ServiceError as error:
            self._not_saved(error)
            return
        self._show(done.value)  # as stored (tidied), and no longer unsaved
        self.context.push(done.change)

    def _on_export_button_clicked(self) -> None:
        pa = self._editing
        if pa.id is None:
            return
        suggested = str(Path.home() / f"{pa.name} personal data.zip")
        path, _ = QFileDialog.getSaveFileName(self, f"Save everything held about {pa.name}", suggested,
                                              "Zip files (*.zip)")
        if not path:
            return
        try:
            written = data_protection.export_pa_data(self.context.db, self.context.employer_id, pa.id, Path(path),
                                                     self.context.today())
        except (ServiceError, OSError) as error:
            QMessageBox.warning(self, "Their data was not saved", say(error))
            return
        self.context.status_message.emit(f"Saved everything held about {pa.name} in {written}.")

    def _on_erase_button_clicked(self) -> None:
        pa = self._editing
        if pa.id is None or not self.erase_button.isEnabled():
            return
        answer = QMessageBox.question(
            self, "Erase their personal details?",
            f"Erase {pa.name}'s personal details? Their contact details, NI number, date of birth, checks, training "
            "and notes are deleted; their pay figures are kept without their name, so your accounts still add up. "
            "This cannot be undone: export their data first if they may ask for it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            new_name = data_protection.erase_former_pa(self.context.db, self.context.employer_id, pa.id,
                                                       self.context.today())
        except ServiceError as error:
            QMessageBox.warning(self, "Their details were not erased", say(error))
            return
        self.context.forget_history(self.context.employer_id)  # no undo can bring the erased details back
        self.context.announce_change()
        self.context.status_message.emit(f"Erased {pa.name}'s personal details; their pay figures are kept as {new_name}.")

    def choose_nvreq_path(self, suggested: str) -> str:
        return QFileDialog.getSaveFileName(self, "Save the request for their NI number", suggested,
                                           "RTI files (*.xml)")[0]

    def _on_nvreq_button_clicked(self) -> None:
        if self._editing.id is None or not self.nvreq_button.isEnabled():
            return
        if self.form.has_unsaved_changes() and not self.save_changes():
            return  # the request is made from the saved details; the form says what stops saving them
        pa = self._editing
        show_form_message(self.save_message, None)
        try:  # what stops the request is said before a file is asked for
            rti.nvreq_of(self.context.db, self.context.employer_id, pa.name, self.context.today())
        except ServiceError as error:
            self._nvreq_refused(error)
            return
        path = self.choose_nvreq_path(str(Path.home() / f"NI number request {pa.name}.xml"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xml") else Path(path + ".xml")
        try:
            made = rti.write_nvreq(self.context.db, self.context.employer_id, pa.name, target, self.context.today())
        except ServiceError as error:
            self._nvreq_refused(error)
            return
        self.context.status_message.emit(
            f"Saved the request for {made.pa_name}'s NI number in {made.path}. PA Manager cannot send it to HMRC itself: "
            "send the file with RTI software that can, or make the same request in HMRC's Basic PAYE Tools, then "
            "record the number here when HMRC tells you it.")

    def _nvreq_refused(self, error: ServiceError) -> None:
        """Say in one sentence what stops the request, under the form, with the cursor on the field to fix."""
        show_form_message(self.save_message, say(error))
        self.context.status_message.emit(say(error))
        field = NVREQ_FIELDS.get(error.problem.code)
        if field is not None:
            widget = self.form.rows[field].field
            self.form_scroll.ensureWidgetVisible(widget)
            widget.setFocus()

    def _not_saved(self, error: ServiceError) -> None:
        """Say why under the form, keeping what was typed. When someone else saved the PA first, the list
        is read again (the form is left as it is): choosing them in it opens the latest."""
        show_form_message(self.save_message, say(error))
        self.context.status_message.emit(say(error))
        if isinstance(error, ChangedElsewhere) and self.context.employer_id is not None:
            self.model.set_rows(people.list_pas(self.context.db, self.context.employer_id), self.context.today())

    def _p45_saver(self, pa):
        """What saves the PA's P45, once their last pay run is finalised (None before then)."""
        db, employer_id = self.context.db, self.context.employer_id
        if pa.leaving_date is None or not _p45_ready(db, employer_id, pa):
            return None

        def save(path):
            year_end.write_p45_file(db, employer_id, pa.name, path)
            return f"Saved {pa.name}'s P45 to {path}. Give Parts 1A, 2 and 3 to them."
        return save

    def _on_holiday_button_clicked(self) -> None:
        pa = self._editing
        if pa.id is None:
            return
        HolidayDialog(self.context.db, pa.id, self.context.today(), self.context.push, self).exec()
    def _on_family_button_clicked(self) -> None:
        from pa_manager.ui.dialogs.family_leave_dialog import FamilyLeaveDialog

        pa = self._editing
        if pa.id is None:
            return
        dialog = FamilyLeaveDialog(self.context.db, self.context.employer_id, pa.id, pa.name, self)
        if dialog.exec() and dialog.change is not None:
            self.context.push(dialog.change)

    def _on_earnings_order_button_clicked(self) -> None:
        from pa_manager.ui.dialogs.earnings_order_dialog import EarningsOrderDialog

        pa = self._editing
        if pa.id is None:
            return
        dialog = EarningsOrderDialog(self.context.db, self.context.employer_id, pa.id, pa.name, self.context.today, self)
        accepted = dialog.exec()
        if dialog.stopped_change is not None:
            self.context.push(dialog.stopped_change)
        if accepted and dialog.change is not None and dialog.change is not dialog.stopped_change:
            self.context.push(dialog.change)

    def _on_leaver_button_clicked(self) -> None:
        pa = self._editing
        if pa.id is None:
            return
        dialog = LeaverDialog(pa, self.context.today(), self, save_p45=self._p45_saver(pa))
        if not dialog.exec():
            return
        try:
            done = people.record_leaver(self.context.db, self.context.employer_id, pa.id, dialog.leaving_date,
                                        dialog.reason, self.context.today(), version=pa.version, terms=dialog.terms)
        except ValidationFailed as failure:
            self.form.show_problems(failure.problems)
            return
        except ServiceError as error:
            self._not_saved(error)
            return
        self._show(done.value)
        self.context.push(done.change)
