"""The form for one PA's details and pay-rate history."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLineEdit, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from pa_manager.domain.earlier_payroll import PREFIX
from pa_manager.domain.people import NI_CATEGORIES, PARecord, PayRateEntry
from pa_manager.domain.record_checks import check_pay_line
from pa_manager.domain.tax_year import tax_year_label
from pa_manager.domain.validation import Problem, show_sort_code
from pa_manager.messages import describe, format_date
from pa_manager.ui.models.spoken import speak_table_widget
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, DecimalEdit, InputError, WrappingCheckBox
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.wording import EARLIER_PAYROLL_FIGURES, PAY_LINE_CHOICES, describe_pay_line

STUDENT_LOAN_PLANS = (
    ("", "No student loan"),
    ("1", "Plan 1"),
    ("2", "Plan 2"),
    ("4", "Plan 4"),
    ("5", "Plan 5"),
)
GENDERS = (("", "Not recorded"), ("F", "Female"), ("M", "Male"))
STARTER_DECLARATIONS = (
    ("", "Not recorded"),
    ("A", "A – their first job since 6 April, and no benefits or pension"),
    ("B", "B – now their only job, but they had another since 6 April"),
    ("C", "C – they have another job or a pension as well"),
)
NI_CATEGORY_NAMES = {
    "A": "A – most employees",
    "B": "B – married women or widows with the right to pay reduced NI",
    "C": "C – over State Pension age",
    "H": "H – apprentice under 25",
    "J": "J – pays NI in another job already",
    "M": "M – under 21",
    "Z": "Z – under 21 and pays NI in another job",
}
PENSION_STATUSES = (
    ("NOT_MEMBER", "Not a member"),
    ("POSTPONED", "Enrolment postponed"),
    ("ENROLLED", "Enrolled automatically"),
    ("OPTED_IN", "Opted in"),
    ("JOINED", "Asked to join"),
    ("OPTED_OUT", "Opted out"),
    ("CEASED", "Left the scheme"),
)
EARLIER_FIGURE_HINTS = {
    "tax": "Below nothing only if that payroll refunded more than it took",
    "ni_pay": "Gross pay for NI to date; the three lines below split it as that payroll's year-to-date report does",
}
CLOSE_RELATIVE_NOTE = (
    "Your council must agree before your direct payment can pay a close relative who lives with you. "
    "Ask them, and keep their answer in writing."
)


class PAForm(QWidget):
    """Shows a PA's details for editing; `record()` reads them back, raising on unreadable input."""

    edited = Signal()

    def __init__(self, parent=None, today: Callable[[], date] = date.today):
        super().__init__(parent)
        self._today = today
        self._record = PARecord(name="")
        self.rows: dict[str, FieldRow] = {}
        outer = QVBoxLayout(self)

        about = QGroupBox("About the PA")
        form = QFormLayout(about)
        self.name = QLineEdit()
        self.job_title = QLineEdit()
        self.date_of_birth = DateEdit()
        self.ni_number = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 4)
        self.postcode = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.rows["name"] = add_row(form, "&Name:", self.name)
        self.rows["job_title"] = add_row(form, "&Job title:", self.job_title)
        self.rows["date_of_birth"] = add_row(form, "Date of &birth:", self.date_of_birth, DATE_HINT)
        self.rows["ni_number"] = add_row(
            form, "National &Insurance number:", self.ni_number, "Two letters, six numbers and a letter, like AB 12 34 56 C"
        )
        self.gender = QComboBox()
        for value, label in GENDERS:
            self.gender.addItem(label, value)
        self.rows["gender"] = add_row(form, "Gender for HMRC:", self.gender,
                                      "As HMRC has it on their records: HMRC needs it in the Full Payment Submission")
        self.rows["address"] = add_row(form, "A&ddress:", self.address)
        self.rows["postcode"] = add_row(form, "P&ostcode:", self.postcode)
        self.rows["phone"] = add_row(form, "&Phone:", self.phone)
        self.rows["email"] = add_row(form, "E&mail:", self.email)
        outer.addWidget(about)

        job = QGroupBox("Job and pay")
        form = QFormLayout(job)
        self.start_date = DateEdit()
        self.leaving_date = DateEdit()
        self.tax_code = QLineEdit()
        self.ni_category = QComboBox()
        for letter in NI_CATEGORIES:
            self.ni_category.addItem(NI_CATEGORY_NAMES[letter], letter)
        self.contracted_hours = DecimalEdit()
        self.irregular_hours = WrappingCheckBox("Irreg&ular hours (no fixed hours each week)")
        self.apprentice = QCheckBox("Apprentice")
        self.apprenticeship_start = DateEdit()
        self.close_relative = WrappingCheckBox("Close relative who lives in the same household")
        self.regular = WrappingCheckBox("One of your regular PAs (not relief or cover)")
        self.close_relative_note = paragraph(CLOSE_RELATIVE_NOTE)
        self.rows["start_date"] = add_row(form, "Star&t date:", self.start_date, DATE_HINT)
        self.rows["leaving_date"] = add_row(form, "&Leaving date:", self.leaving_date, "Leave blank while they work for you")
        self.rows["tax_code"] = add_row(
            form, "Ta&x code:", self.tax_code, "From their P45 or starter checklist, like 1257L. Most people have 1257L."
        )
        self.rows["ni_category"] = add_row(
            form, "NI &category:", self.ni_category,
            "A letter HMRC uses to work out National Insurance; most people are A",
        )
        self.rows["contracted_hours"] = add_row(form, "Hours a &week:", self.contracted_hours, "Contracted hours, like 16 or 37.5")
        self.rows["irregular_hours"] = add_row(form, "Hours pattern:", self.irregular_hours)
        self.rows["apprentice"] = add_row(form, "Apprenticeship:", self.apprentice)
        self.rows["apprenticeship_start"] = add_row(form, "Apprenticeship start:", self.apprenticeship_start, DATE_HINT)
        self.rows["regular"] = add_row(form, "Regular PA:", self.regular)
        self.working_time_opt_out = DateEdit()
        self.rows["working_time_opt_out"] = add_row(
            form, "48-hour opt-out signed on:", self.working_time_opt_out,
            "The day they signed a written agreement to work more than 48 hours a week on average. Leave blank "
            "if they have not: nobody has to sign one")
        self.rows["close_relative_in_household"] = add_row(form, "Family:", self.close_relative)
        form.addRow(self.close_relative_note)
        outer.addWidget(job)

        rates = QGroupBox("Pay rates and their history")
        column = QVBoxLayout(rates)
        self.rates_table = QTableWidget(0, 3)
        self.rates_table.setHorizontalHeaderLabels(["From", "What", "Amount"])
        self.rates_table.setAccessibleName("Pay rates and their history")
        self.rates_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rates_table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move inside it
        self.rates_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rates_table.horizontalHeader().setStretchLastSection(True)
        self.rates_table.verticalHeader().hide()
        self.rates_table.setMinimumHeight(self.rates_table.fontMetrics().lineSpacing() * 6)
        column.addWidget(self.rates_table)
        add_form = QFormLayout()
        self.new_rate_from = DateEdit()
        self.new_rate_kind = QComboBox()
        for label, *_ in PAY_LINE_CHOICES:
            self.new_rate_kind.addItem(label)
        self.new_rate = DecimalEdit()
        self.rows["new_rate_from"] = add_row(add_form, "New rate f&rom:", self.new_rate_from, DATE_HINT)
        self.rows["new_rate_kind"] = add_row(add_form, "What the rate is for:", self.new_rate_kind)
        self.rows["pay_rates"] = add_row(
            add_form, "Amount:", self.new_rate, "Pounds, like 12.71 – or for a multiple, like 1.5 for time and a half")
        column.addLayout(add_form)
        buttons = QHBoxLayout()
        self.add_rate_button = QPushButton("Add rate")
        self.remove_rate_button = QPushButton("Remove selected rate")
        buttons.addWidget(self.add_rate_button)
        buttons.addWidget(self.remove_rate_button)
        buttons.addStretch()
        column.addLayout(buttons)
        outer.addWidget(rates)

        pay_extra = QGroupBox("Pension, holiday pay, loans, P45")  # short: a title cannot wrap
        form = QFormLayout(pay_extra)
        self.pension_status = QComboBox()
        for value, label in PENSION_STATUSES:
            self.pension_status.addItem(label, value)
        self.pension_from = DateEdit()
        self.rolled_up = WrappingCheckBox("Pay 12.07% holiday pay with each pay (irregular hours only)")
        self.p45_pay = DecimalEdit(money=True)
        self.p45_tax = DecimalEdit(money=True)
        self.rows["pension_status"] = add_row(
            form, "Workplace pension:", self.pension_status,
            "The pay run tells you when someone must be enrolled: aged 22 or over and earning over £833 a month")
        self.rows["pension_active_from"] = add_row(form, "Pension member from:", self.pension_from, DATE_HINT)
        self.rows["rolled_up_holiday"] = add_row(form, "Holiday pay:", self.rolled_up)
        self.rows["p45_pay"] = add_row(form, "P45 pay this tax year (£):", self.p45_pay,
                                       "From the P45 of a job they left earlier this tax year; leave blank if none")
        self.rows["p45_tax"] = add_row(form, "P45 tax this tax year (£):", self.p45_tax)
        self.student_loan_plan = QComboBox()
        for value, label in STUDENT_LOAN_PLANS:
            self.student_loan_plan.addItem(label, value)
        self.postgraduate_loan = WrappingCheckBox("Repays a Postgraduate Loan")
        self.rows["student_loan_plan"] = add_row(
            form, "Student loan plan:", self.student_loan_plan,
            "From their starter checklist, their P45 or HMRC's start notice (SL1). If they have more than one "
            "plan, choose the plan with the lowest threshold until HMRC tells you")
        self.rows["postgraduate_loan"] = add_row(
            form, "Postgraduate Loan:", self.postgraduate_loan,
            "Tick when their starter checklist, P45 or HMRC's notice (PGL1) says so")
        self.starter_declaration = QComboBox()
        for value, label in STARTER_DECLARATIONS:
            self.starter_declaration.addItem(label, value)
        self.rows["starter_declaration"] = add_row(
            form, "Starter declaration:", self.starter_declaration,
            "The statement they chose on their starter checklist: HMRC needs it in their first Full Payment "
            "Submission")
        self.earlier_payroll_last_paid = DateEdit()
        self.rows["earlier_payroll_last_paid"] = add_row(
            form, "Last paid by earlier payroll:", self.earlier_payroll_last_paid,
            "Only if another payroll paid them before PA Manager: its last pay day. Blank for a new PA")
        self.payroll_id = QLineEdit()
        self.payroll_id.setMaxLength(35)
        self.rows["payroll_id"] = add_row(
            form, "Earlier payroll ID:", self.payroll_id,
            "The payroll ID that payroll gave them, if any, from its payslips. Blank if none")
        outer.addWidget(pay_extra)

        # That payroll's figures to date, when it paid them earlier in this same tax year (domain.earlier_payroll).
        earlier = QGroupBox("Earlier payroll's figures to date")
        form = QFormLayout(earlier)
        form.addRow(paragraph(
            "Only if the payroll you used before PA Manager paid them earlier in the tax year of its last pay day "
            "above: copy its year-to-date figures for them, so their tax and figures to date carry on. "
            "Leave blank what it does not show."))
        self.earlier_figures: dict[str, DecimalEdit] = {}
        for name, words in EARLIER_PAYROLL_FIGURES.items():
            field = PREFIX + name
            edit = self.earlier_figures[field] = DecimalEdit(money=True)
            setattr(self, field, edit)
            # No access key: the page's letters are all taken (A to Y); Tab reaches each in turn.
            self.rows[field] = add_row(form, f"{words} (£):", edit, EARLIER_FIGURE_HINTS.get(name, ""))
        outer.addWidget(earlier)
        # Most PAs never had an earlier payroll: the figures show once its last pay day is typed.
        self.earlier_group = earlier
        self.earlier_payroll_last_paid.textChanged.connect(self._show_earlier_figures)

        bank = QGroupBox("Bank details")
        form = QFormLayout(bank)
        self.bank_sort_code = QLineEdit()
        self.bank_account_number = QLineEdit()
        self.bank_account_name = QLineEdit()
        self.roll_number = QLineEdit()
        self.rows["bank_sort_code"] = add_row(form, "Sort code:", self.bank_sort_code,
                                              "6 numbers, like 12-34-56: for the payment file on the Pay page")
        self.rows["bank_account_number"] = add_row(form, "Account number:", self.bank_account_number, "8 numbers")
        self.rows["bank_account_name"] = add_row(form, "Name on the account:", self.bank_account_name)
        self.rows["building_society_roll_number"] = add_row(
            form, "Roll number:", self.roll_number,
            "Only for a building society account that has one; it goes in the payment reference")
        outer.addWidget(bank)

        contact = QGroupBox("Emergency contact")
        form = QFormLayout(contact)
        self.emergency_name = QLineEdit()
        self.emergency_phone = QLineEdit()
        self.rows["emergency_contact_name"] = add_row(form, "Contact name:", self.emergency_name)
        self.rows["emergency_contact_phone"] = add_row(form, "Contact phone:", self.emergency_phone)
        outer.addWidget(contact)
        outer.addStretch()

        self.add_rate_button.clicked.connect(self._on_add_rate_clicked)
        self.remove_rate_button.clicked.connect(self._on_remove_rate_clicked)
        self.irregular_hours.toggled.connect(self._sync_enabled)
        self.apprentice.toggled.connect(self._sync_enabled)
        self.close_relative.toggled.connect(self._sync_enabled)
        self._rates: list[PayRateEntry] = []
        self._sync_enabled()

    # --- showing a record ---
    def typed(self) -> tuple:
        """Everything as typed, raw (text, ticks, choices, the rate lines), to tell whether it changed."""
        found = []
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit):
                found.append(widget.text())
            elif isinstance(widget, QPlainTextEdit):
                found.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                found.append(widget.currentIndex())
            elif isinstance(widget, QCheckBox):
                found.append(widget.isChecked())
        return (*found, tuple(self._rates))

    def has_unsaved_changes(self) -> bool:
        return self.typed() != getattr(self, "_shown", self.typed())

    def show_record(self, record: PARecord) -> None:
        self._record = record
        self.name.setText(record.name)
        self.job_title.setText(record.job_title)
        self.date_of_birth.set_value(record.date_of_birth)
        self.ni_number.setText(record.ni_number)
        self.address.setPlainText(record.address)
        self.postcode.setText(record.postcode)
        self.phone.setText(record.phone)
        self.email.setText(record.email)
        self.start_date.set_value(record.start_date)
        self.leaving_date.set_value(record.leaving_date)
        self.tax_code.setText(record.tax_code)
        self.ni_category.setCurrentIndex(max(0, self.ni_category.findData(record.ni_category)))
        self.contracted_hours.set_value(record.contracted_hours)
        self.irregular_hours.setChecked(record.irregular_hours)
        self.apprentice.setChecked(record.apprentice)
        self.apprenticeship_start.set_value(record.apprenticeship_start)
        self.close_relative.setChecked(record.close_relative_in_household)
        self.regular.setChecked(record.regular)
        self.working_time_opt_out.set_value(record.working_time_opt_out)
        self.pension_status.setCurrentIndex(max(0, self.pension_status.findData(record.pension_status)))
        self.pension_from.set_value(record.pension_active_from)
        self.rolled_up.setChecked(record.rolled_up_holiday)
        self.p45_pay.set_value(record.p45_pay)
        self.p45_tax.set_value(record.p45_tax)
        self.student_loan_plan.setCurrentIndex(max(0, self.student_loan_plan.findData(record.student_loan_plan)))
        self.postgraduate_loan.setChecked(record.postgraduate_loan)
        self.gender.setCurrentIndex(max(0, self.gender.findData(record.gender)))
        self.starter_declaration.setCurrentIndex(max(0, self.starter_declaration.findData(record.starter_declaration)))
        self.earlier_payroll_last_paid.set_value(record.earlier_payroll_last_paid)
        self.payroll_id.setText(record.payroll_id)
        for field, edit in self.earlier_figures.items():
            edit.set_value(getattr(record, field))
        self._show_earlier_figures()
        self.emergency_name.setText(record.emergency_contact_name)
        self.emergency_phone.setText(record.emergency_contact_phone)
        self.bank_sort_code.setText(show_sort_code(record.bank_sort_code))
        self.bank_account_number.setText(record.bank_account_number)
        self.bank_account_name.setText(record.bank_account_name)
        self.roll_number.setText(record.building_society_roll_number)
        self._rates = sorted(record.pay_rates, key=lambda r: r.effective_from)
        self.new_rate_from.clear()
        self.new_rate.clear()
        self._show_rates()
        self.clear_errors()
        self._shown = self.typed()  # what "unchanged" means until the next record is shown

    def _show_earlier_figures(self) -> None:
        shown = bool(self.earlier_payroll_last_paid.text().strip()) or any(
            edit.text().strip() for edit in self.earlier_figures.values())
        self.earlier_group.setVisible(shown)

    def _show_rates(self) -> None:
        self.rates_table.setRowCount(len(self._rates))
        for row, entry in enumerate(self._rates):
            what, amount = describe_pay_line(entry)
            self.rates_table.setItem(row, 0, QTableWidgetItem(format_date(entry.effective_from)))
            self.rates_table.setItem(row, 1, QTableWidgetItem(what))
            money = QTableWidgetItem(amount)
            money.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.rates_table.setItem(row, 2, money)
        speak_table_widget(self.rates_table)  # each rate headed by its date, its amount in words

    def _sync_enabled(self) -> None:
        self.contracted_hours.setEnabled(not self.irregular_hours.isChecked())
        self.apprenticeship_start.setEnabled(self.apprentice.isChecked())
        self.rolled_up.setEnabled(self.irregular_hours.isChecked())
        self.close_relative_note.setVisible(self.close_relative.isChecked())

    # --- pay rates ---
    def _on_add_rate_clicked(self) -> None:
        self.rows["new_rate_from"].show_error(None)
        self.rows["pay_rates"].show_error(None)
        try:
            starts = self.new_rate_from.value()
        except InputError as error:
            self.rows["new_rate_from"].show_error(str(error))
            return
        try:
            rate = self.new_rate.value()
        except InputError as error:
            self.rows["pay_rates"].show_error(str(error))
            return
        if starts is None:
            self.rows["new_rate_from"].show_error("Enter the date the new rate starts from.")
            self.new_rate_from.setFocus()
            return
        if rate is None:
            self.rows["pay_rates"].show_error("Enter the amount, like 12.71.")
            self.new_rate.setFocus()
            return
        _, kind, shift_type, multiple = PAY_LINE_CHOICES[self.new_rate_kind.currentIndex()]
        line = PayRateEntry(starts, None if multiple else rate, kind, shift_type, rate if multiple else None)
        problem = check_pay_line(line)
        if problem is not None:
            self.rows["pay_rates"].show_error(describe(problem))
            return
        self._rates = sorted([r for r in self._rates if r.key != line.key] + [line], key=lambda r: r.effective_from)
        self.new_rate_from.clear()
        self.new_rate.clear()
        self._show_rates()
        self.edited.emit()

    def _on_remove_rate_clicked(self) -> None:
        row = self.rates_table.currentRow()
        if 0 <= row < len(self._rates):
            del self._rates[row]
            self._show_rates()
            self.edited.emit()

    # --- reading back ---
    def record(self) -> PARecord:
        """The record as typed. Raises InputError after marking every field that cannot be read."""
        self.clear_errors()
        readers = {
            "date_of_birth": self.date_of_birth.value,
            "start_date": self.start_date.value,
            "leaving_date": self.leaving_date.value,
            "apprenticeship_start": self.apprenticeship_start.value,
            "contracted_hours": self.contracted_hours.value,
            "pension_active_from": self.pension_from.value,
            "p45_pay": self.p45_pay.value,
            "p45_tax": self.p45_tax.value,
            "working_time_opt_out": self.working_time_opt_out.value,
            "earlier_payroll_last_paid": self.earlier_payroll_last_paid.value,
            **{field: edit.value for field, edit in self.earlier_figures.items()},
        }
        values, failed = {}, []
        for field, read in readers.items():
            try:
                values[field] = read()
            except InputError as error:
                self.rows[field].show_error(str(error))
                failed.append(field)
        if failed:
            self.rows[failed[0]].field.setFocus()
            raise InputError("Some details need correcting.")
        return replace(
            self._record,
            name=self.name.text().strip(),
            job_title=self.job_title.text().strip(),
            ni_number=self.ni_number.text(),
            address=self.address.toPlainText().strip(),
            postcode=self.postcode.text(),
            phone=self.phone.text().strip(),
            email=self.email.text(),
            tax_code=self.tax_code.text(),
            ni_category=self.ni_category.currentData(),
            irregular_hours=self.irregular_hours.isChecked(),
            apprentice=self.apprentice.isChecked(),
            close_relative_in_household=self.close_relative.isChecked(),
            regular=self.regular.isChecked(),
            working_time_opt_out=values["working_time_opt_out"],
            pension_status=self.pension_status.currentData(),
            pension_active_from=values["pension_active_from"],
            rolled_up_holiday=self.rolled_up.isChecked() and self.irregular_hours.isChecked(),
            p45_pay=values["p45_pay"],
            p45_tax=values["p45_tax"],
            # P45 figures count for the tax year they were entered in.
            p45_tax_year=self._record.p45_tax_year or (tax_year_label(self._today())
                                                      if values["p45_pay"] is not None else ""),
            student_loan_plan=self.student_loan_plan.currentData() or "",
            postgraduate_loan=self.postgraduate_loan.isChecked(),
            gender=self.gender.currentData() or "",
            starter_declaration=self.starter_declaration.currentData() or "",
            earlier_payroll_last_paid=values["earlier_payroll_last_paid"],
            payroll_id=self.payroll_id.text().strip(),
            **{field: values[field] for field in self.earlier_figures},
            emergency_contact_name=self.emergency_name.text().strip(),
            emergency_contact_phone=self.emergency_phone.text().strip(),
            bank_sort_code=self.bank_sort_code.text(),
            bank_account_number=self.bank_account_number.text(),
            bank_account_name=self.bank_account_name.text().strip(),
            building_society_roll_number=self.roll_number.text(),
            pay_rates=tuple(self._rates),
            contracted_hours=None if self.irregular_hours.isChecked() else values["contracted_hours"],
            date_of_birth=values["date_of_birth"],
            start_date=values["start_date"],
            leaving_date=values["leaving_date"],
            apprenticeship_start=values["apprenticeship_start"] if self.apprentice.isChecked() else None,
        )

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.show_error(None)

    def show_problems(self, problems: dict[str, Problem]) -> None:
        """Put each problem next to its field, and move the cursor to the first one."""
        first = None
        for field, problem in problems.items():
            row = self.rows.get(field) or self.rows["name"]
            row.show_error(describe(problem))
            first = first or row
        if first is not None:
            first.field.setFocus()
