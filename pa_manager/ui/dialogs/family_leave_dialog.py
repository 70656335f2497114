"""A PA's family leave with statutory pay (SMP, SPP, SAP, ShPP, SPBP): the leave already recorded, each
one's weeks and amounts, and a form to record a new one or change the one chosen (services.family_leave).
Everything is reached by Tab and typed; the lists are named by their labels for a screen reader."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QMessageBox, QPlainTextEdit, QPushButton

from pa_manager.domain import family_pay
from pa_manager.domain.family_pay import FamilyLeave
from pa_manager.services import family_leave
from pa_manager.services.data_files import Database
from pa_manager.ui.dialogs.check_dialogs import _CheckDialog as FormDialog, _Wrong
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DateEdit, DecimalEdit, InputError, WrappingCheckBox
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.wording import FAMILY_PAY_NAMES, family_leave_text, family_pay_week_text




class FamilyLeaveDialog(FormDialog):
    """The form, then the PA's leave in a list (choose one to see its weeks and change it in the form, or
    'Record new leave'), then the chosen leave's weeks of pay."""

    def __init__(self, db: Database, employer_id: int, pa_id: int, pa_name: str, parent=None):
        super().__init__(
            f"Family leave for {pa_name}",
            "Record maternity, paternity, adoption, shared parental or parental bereavement leave. PA Manager "
            "works out whether statutory pay is due and how much each week, and pays it in your pay runs. "
            "Choose leave in the list below the form to see its weeks or change it.", parent, scroll=True)
        self.db, self.employer_id, self.pa_id, self.pa_name = db, employer_id, pa_id, pa_name
        self.records = family_leave.list_leave(db, employer_id, pa_id)

        self.leave_list = QListWidget()
        self.leave_list.addItem("Record new leave")
        for record in self.records:
            self.leave_list.addItem(family_leave_text(record))
        self.weeks_list = QListWidget()
        for view in (self.leave_list, self.weeks_list):   # long lines wrap rather than run off the side
            view.setWordWrap(True)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.summary = paragraph()

        self.kind = QComboBox()
        for code in family_pay.KINDS:
            self.kind.addItem(FAMILY_PAY_NAMES[code], code)
        self.adoption = WrappingCheckBox("This is for an adoption")
        self.key_date = DateEdit()
        self.leave_start, self.pay_start, self.leave_end = DateEdit(), DateEdit(), DateEdit()
        self.weeks = QLineEdit()
        self.earnings = DecimalEdit(money=True)
        self.evidence = DateEdit()
        self.kit_days = QLineEdit()
        self.kit_days.setPlaceholderText("3/11/2026, 10/11/2026")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.notes.fontMetrics().lineSpacing() * 5)   # a line or two is usual
        self.rows["kind"] = add_row(self.form, "Kind of pay:", self.kind)
        self.rows["adoption"] = add_row(self.form, "Adoption:", self.adoption)
        self.rows["key_date"] = add_row(self.form, "Due date, matching date or date the child died:", self.key_date,
                                        "The week the baby is due, the adopter was matched, or the child died sets "
                                        "who qualifies")
        self.rows["leave_start"] = add_row(self.form, "First day of leave:", self.leave_start)
        self.rows["pay_start"] = add_row(self.form, "First day of pay:", self.pay_start,
                                         "Leave blank to start pay on the first day of leave")
        self.rows["weeks"] = add_row(self.form, "Weeks of pay:", self.weeks,
                                     "Leave blank for the most the law allows (39 for maternity and adoption)")
        self.rows["leave_end"] = add_row(self.form, "Last day of leave:", self.leave_end, "Leave blank if not known")
        self.rows["average_weekly_earnings"] = add_row(
            self.form, "Average weekly earnings in pounds:", self.earnings,
            "Leave blank to work it out from the pay you finalised in the 8 weeks up to the qualifying week")
        self.rows["evidence_received"] = add_row(self.form, "Evidence received on:", self.evidence,
                                                 "For example the MATB1 certificate or the matching certificate")
        self.rows["keeping_in_touch_days"] = add_row(
            self.form, "Keeping-in-touch days worked:", self.kit_days,
            "Dates separated by commas: up to 10 during maternity or adoption leave, 20 during shared parental leave")
        self.rows["notes"] = add_row(self.form, "Notes:", self.notes)
        self.rows["leave"] = add_row(self.form, "Family leave recorded:", self.leave_list,
                                     "Choose leave to see its weeks and change it above")
        self.form.addRow(self.summary)
        self.rows["weeks_list"] = add_row(self.form, "Pay week by week:", self.weeks_list)
        self.remove_button = QPushButton("Remove this leave…")
        self.remove_button.setToolTip("Take the chosen leave off the record (you can undo this)")
        self.form.addRow(self.remove_button)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.leave_list.currentRowChanged.connect(self._on_leave_list_current_row_changed)
        self.leave_list.setCurrentRow(0)

    # --- what is shown ---
    def _chosen(self):
        row = self.leave_list.currentRow()
        return self.records[row - 1] if row >= 1 else None

    def _on_leave_list_current_row_changed(self, row: int) -> None:
        if row < 0:   # the list emptied (as the dialog closes): nothing chosen, nothing to show
            return
        record = self._chosen()
        self.weeks_list.clear()
        for field in (self.key_date, self.leave_start, self.pay_start, self.leave_end, self.evidence):
            field.set_value(None)
        self._shown_earnings = None
        self.remove_button.setEnabled(record is not None)
        if record is None:
            self.summary.setText("Fill in the form below and save to record new leave.")
            self.weeks.clear(), self.earnings.clear(), self.kit_days.clear(), self.notes.clear()
            self.adoption.setChecked(False)
            self.kind.setCurrentIndex(0)
            return
        leave, pay = record.leave, record.pay
        for week in pay.weeks:
            self.weeks_list.addItem(family_pay_week_text(week))
        self.summary.setText(family_leave_text(record))
        self.kind.setCurrentIndex(self.kind.findData(leave.kind))
        self.adoption.setChecked(leave.adoption)
        self.key_date.set_value(leave.key_date)
        self.leave_start.set_value(leave.leave_start)
        self.pay_start.set_value(leave.pay_start)
        self.leave_end.set_value(leave.leave_end)
        self.evidence.set_value(leave.evidence_received)
        self.weeks.setText("" if leave.weeks is None else str(leave.weeks))
        # Shown to the penny; kept exact (the law does not round it) unless it is typed again.
        self._shown_earnings = (f"{leave.average_weekly_earnings:.2f}", leave.average_weekly_earnings)
        self.earnings.setText(self._shown_earnings[0])
        self.kit_days.setText(", ".join(f"{d.day}/{d.month}/{d.year}" for d in leave.keeping_in_touch_days))
        self.notes.setPlainText(leave.notes)

    def _on_remove_button_clicked(self) -> None:
        record = self._chosen()
        if record is None:
            return
        answer = QMessageBox.question(
            self, "Remove this leave?",
            f"Remove {family_leave_text(record)} from {self.pa_name}'s record? Pay runs not yet finalised will no "
            "longer pay it. You can undo this.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._keep(family_leave.remove_leave_undoably(self.db, self.employer_id, record.id))
        self.accept()

    # --- saving ---
    def _kit_days(self) -> tuple[date, ...]:
        days = []
        for part in self.kit_days.text().split(","):
            if part.strip():
                reader = DateEdit()
                reader.setText(part.strip())
                try:
                    days.append(reader.value())
                except InputError as error:
                    raise _Wrong("keeping_in_touch_days", str(error)) from None
        return tuple(days)

    def _save(self) -> None:
        kind = self.kind.currentData()
        adoption = self.adoption.isChecked()
        key_date = self._date("key_date", "Enter the date the baby is due, the matching date or the date the child died.")
        leave_start = self._date("leave_start", "Enter the first day of leave.")
        pay_start = self._date("pay_start") or leave_start
        leave_end = self._date("leave_end")
        evidence = self._date("evidence_received")
        text = self.weeks.text().strip()
        if text and not text.isdigit():
            raise _Wrong("weeks", "Enter the weeks of pay as a whole number, or leave it blank.")
        weeks = int(text) if text else None
        shown = getattr(self, "_shown_earnings", None)
        try:
            earnings = shown[1] if shown and self.earnings.text().strip() == shown[0] else self.earnings.value()
        except InputError as error:
            raise _Wrong("average_weekly_earnings", str(error)) from None
        if earnings is None:
            earnings = family_leave.earnings_for(self.db, self.employer_id, self.pa_id, kind, key_date, adoption).amount
        leave = FamilyLeave(kind=kind, key_date=key_date, leave_start=leave_start, pay_start=pay_start,
                            average_weekly_earnings=earnings, adoption=adoption, weeks=weeks, leave_end=leave_end,
                            evidence_received=evidence, keeping_in_touch_days=self._kit_days(),
                            notes=self.notes.toPlainText())
        chosen = self._chosen()
        self._keep(family_leave.save_leave_undoably(self.db, self.employer_id, self.pa_id, leave,
                                                    chosen.id if chosen else None))


