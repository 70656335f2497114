"""An employer's details: used both to add a new employer and to change one."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit,
    QSpinBox, QVBoxLayout, QWidget,
)

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.nation import Nation
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.validation import show_sort_code
from pa_manager.help_pages import gloss
from pa_manager.messages import describe, say
from pa_manager.services import employers
from pa_manager.services.errors import ServiceError, ValidationFailed
from pa_manager.services.data_files import Database
from pa_manager.services.undo import Change
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.wording import BANK_HOLIDAY_CHOICE_NAMES
from pa_manager.ui.widgets.adaptive import fit_to_screen
from pa_manager.ui.widgets.form import FieldRow, add_row, form_message, show_form_message
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, DecimalEdit, InputError, WrappingCheckBox
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll

FREQUENCY_NAMES = {
    PayFrequency.WEEKLY: "Weekly",
    PayFrequency.FORTNIGHTLY: "Every 2 weeks (fortnightly)",
    PayFrequency.FOUR_WEEKLY: "Every 4 weeks",
    PayFrequency.MONTHLY: "Monthly",
}

FIELDS = ("name", "address", "postcode", "nation", "london", "council", "dp_reference", "paye_reference",
          "accounts_office_reference", "pay_frequency", "pension_provider", "follows_rlw", "care_wage",
          "care_wage_uplift", "leave_year_day", "leave_year_month", "bank_holidays", "insurer", "policy", "renewal",
          "bank_sort_code", "bank_account_number", "bank_account_name", "service_user_number", "pension_sort_code",
          "pension_account_number", "pension_account_name", "pension_reference")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


class EmployerForm(QWidget):
    """The employer's details, to add a new employer or change one: the dialog below, and a step of
    the first run. `save()` stores them through the service; `saved` holds the record as stored.

    `intro` replaces the opening words (the first run speaks to an advocate of "the person you
    support"); `ask_pay_frequency` and `ask_benchmarks` leave out what the first run asks elsewhere or
    can wait."""

    def __init__(self, db: Database, record: EmployerRecord | None = None, parent=None, *, intro: str | None = None,
                 ask_pay_frequency: bool = True, ask_benchmarks: bool = True):
        super().__init__(parent)
        ready_dialog(self)  # its first field and Tab order, in this dialog and in the first run's step
        self.db = db
        self.before = record
        self.saved: EmployerRecord | None = None
        self.change: Change | None = None  # what saving did, for the undo stack
        self._record = record or EmployerRecord(name="")
        self.rows: dict[str, FieldRow] = {}

        body = QWidget()
        layout = QVBoxLayout(body)
        self.intro = paragraph(intro or (
            "The employer is the person who holds the direct payment and employs the PAs. "
            "You can leave anything you do not know yet blank and add it later."
        ))
        layout.addWidget(self.intro)

        who = QGroupBox("Employer")
        form = QFormLayout(who)
        self.name = QLineEdit(self._record.name)
        self.address = QPlainTextEdit(self._record.address)
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 4)
        self.postcode = QLineEdit(self._record.postcode)
        self.nation = QComboBox()
        for nation in Nation:
            self.nation.addItem(nation.label, nation.value)
        self.nation.setCurrentIndex(self.nation.findData(self._record.nation.value))
        self.london = WrappingCheckBox("&Works in London (for the London Living Wage)")
        self.london.setChecked(self._record.london)
        self.rows["name"] = add_row(form, "&Name:", self.name, "The person who holds the direct payment")
        self.rows["address"] = add_row(form, "&Address:", self.address)
        self.rows["postcode"] = add_row(form, "P&ostcode:", self.postcode)
        self.rows["nation"] = add_row(form, "UK na&tion:", self.nation, "This decides bank holidays and which tax rates apply")
        self.rows["london"] = add_row(form, "London:", self.london)
        layout.addWidget(who)

        council = QGroupBox("Council")
        form = QFormLayout(council)
        self.council = QLineEdit(self._record.council)
        self.dp_reference = QLineEdit(self._record.direct_payment_reference)
        self.rows["council"] = add_row(form, "&Council:", self.council, "The council that pays the direct payment")
        self.rows["direct_payment_reference"] = add_row(form, "&Direct payment reference:", self.dp_reference)
        layout.addWidget(council)

        hmrc = QGroupBox("HMRC and pay")
        form = QFormLayout(hmrc)
        self.paye_reference = QLineEdit(self._record.paye_reference)
        self.accounts_office_reference = QLineEdit(self._record.accounts_office_reference)
        self.pay_frequency = QComboBox()
        for frequency, label in FREQUENCY_NAMES.items():
            self.pay_frequency.addItem(label, frequency.value)
        self.pay_frequency.setCurrentIndex(self.pay_frequency.findData(self._record.pay_frequency.value))
        self.pension_provider = QLineEdit(self._record.pension_provider)
        self.rows["paye_reference"] = add_row(
            form, "Employer &PAYE reference:", self.paye_reference,
            f"{gloss('PAYE')} 3 numbers, a slash, then letters and numbers, like 123/AB45678"
        )
        self.rows["accounts_office_reference"] = add_row(
            form, "Accounts O&ffice reference:", self.accounts_office_reference, "13 characters, like 123PF00045678"
        )
        self.rows["pay_frequency"] = add_row(form, "Pay fr&equency:", self.pay_frequency, "How often you usually pay your PAs")
        self.rows["pension_provider"] = add_row(form, "Pension pro&vider:", self.pension_provider, "For example NEST")
        self._hmrc_form = form
        self.ask_pay_frequency(ask_pay_frequency)
        layout.addWidget(hmrc)

        benchmarks = QGroupBox("Pay above the legal minimum (your choice)")
        form = QFormLayout(benchmarks)
        self.follows_rlw = WrappingCheckBox("Follow the Real Living Wa&ge")
        self.follows_rlw.setChecked(self._record.follows_real_living_wage)
        self.care_wage = WrappingCheckBox("Compare pay with a National &Minimum Care Wage")
        self.care_wage.setChecked(self._record.care_wage_benchmark)
        self.care_wage_uplift = DecimalEdit(money=True)
        self.care_wage_uplift.set_value(self._record.care_wage_uplift)
        self.rows["follows_real_living_wage"] = add_row(
            form, "Real Living Wage:", self.follows_rlw,
            "A voluntary rate set each autumn by the Living Wage Foundation. You will be told the date to pay it by.",
        )
        self.rows["care_wage_benchmark"] = add_row(
            form, "Care wage:", self.care_wage,
            "A campaign aim, not the law: the National Living Wage plus an amount (the Reinventing Social Care campaign proposes £2).",
        )
        self.rows["care_wage_uplift"] = add_row(form, "Amount a&bove the National Living Wage (£):", self.care_wage_uplift)
        self.care_wage.toggled.connect(self.care_wage_uplift.setEnabled)
        self.care_wage_uplift.setEnabled(self.care_wage.isChecked())
        benchmarks.setVisible(ask_benchmarks)
        layout.addWidget(benchmarks)

        leave = QGroupBox("Holiday")
        form = QFormLayout(leave)
        self.leave_year_day = QSpinBox()
        self.leave_year_day.setRange(1, 31)
        self.leave_year_day.setValue(self._record.leave_year_start_day)
        self.leave_year_month = QComboBox()
        for number, month in enumerate(MONTH_NAMES, start=1):
            self.leave_year_month.addItem(month, number)
        self.leave_year_month.setCurrentIndex(self._record.leave_year_start_month - 1)
        self.bank_holidays = QComboBox()
        for choice, label in BANK_HOLIDAY_CHOICE_NAMES.items():
            self.bank_holidays.addItem(label, choice)
        self.bank_holidays.setCurrentIndex(max(0, self.bank_holidays.findData(self._record.bank_holidays)))
        self.rows["leave_year_start"] = add_row(
            form, "&Leave year starts on day:", self.leave_year_day,
            "Your PAs' holiday year: the day of the month it starts, as their contracts say")
        self.rows["leave_year_start_month"] = add_row(form, "Leave year starts in mont&h:", self.leave_year_month,
                                                      "1 April matches the pay and budget years")
        self.rows["bank_holidays"] = add_row(form, "Bank holidays co&unt as:", self.bank_holidays,
                                             "Whether bank holidays come out of the 5.6 weeks' holiday or are extra")
        layout.addWidget(leave)

        insurance = QGroupBox("Employer's liability insurance")
        form = QFormLayout(insurance)
        self.insurer = QLineEdit(self._record.insurer)
        self.policy = QLineEdit(self._record.insurance_policy_number)
        self.renewal = DateEdit()
        self.renewal.set_value(self._record.insurance_renewal_date)
        self.rows["insurer"] = add_row(form, "&Insurer:", self.insurer)
        self.rows["insurance_policy_number"] = add_row(form, "Polic&y number:", self.policy)
        self.rows["insurance_renewal_date"] = add_row(form, "&Renewal date:", self.renewal, DATE_HINT)
        layout.addWidget(insurance)

        paying = QGroupBox("Paying people")  # short: a title cannot wrap
        form = QFormLayout(paying)
        form.addRow(paragraph("For the payment file on the Pay page, which your bank can take to pay your PAs, "
                              "HMRC and your pension provider in one go. Leave blank if you pay by hand."))
        self.bank_sort_code = QLineEdit(show_sort_code(self._record.bank_sort_code))
        self.bank_account_number = QLineEdit(self._record.bank_account_number)
        self.bank_account_name = QLineEdit(self._record.bank_account_name)
        self.service_user_number = QLineEdit(self._record.bacs_service_user_number)
        self.pension_sort_code = QLineEdit(show_sort_code(self._record.pension_sort_code))
        self.pension_account_number = QLineEdit(self._record.pension_account_number)
        self.pension_account_name = QLineEdit(self._record.pension_account_name)
        self.pension_reference = QLineEdit(self._record.pension_payment_reference)
        self.rows["bank_sort_code"] = add_row(form, "Your sort code:", self.bank_sort_code,
                                              "Of the account you pay wages from, 6 numbers like 12-34-56")
        self.rows["bank_account_number"] = add_row(form, "Your account number:", self.bank_account_number, "8 numbers")
        self.rows["bank_account_name"] = add_row(form, "Name on your account:", self.bank_account_name)
        self.rows["bacs_service_user_number"] = add_row(
            form, "Bacs service user number:", self.service_user_number,
            "Only for a Bacs file: 6 characters your bank gives you; leave blank to save a CSV file instead")
        self.rows["pension_sort_code"] = add_row(form, "Pension provider's sort code:", self.pension_sort_code,
                                                 "Leave blank if your provider collects by Direct Debit")
        self.rows["pension_account_number"] = add_row(form, "Pension provider's account number:",
                                                      self.pension_account_number)
        self.rows["pension_account_name"] = add_row(form, "Pension provider's account name:", self.pension_account_name)
        self.rows["pension_payment_reference"] = add_row(form, "Reference for your pension provider:",
                                                         self.pension_reference, "The reference your provider asks for")
        paying.setVisible(ask_benchmarks)  # the first run leaves it for later, with the benchmarks
        layout.addWidget(paying)

        scroll = vertical_scroll(body, "Employer details")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.message = form_message()
        outer.addWidget(self.message)

    def ask_pay_frequency(self, on: bool) -> None:
        self._hmrc_form.setRowVisible(self.rows["pay_frequency"].label, on)

    def save(self) -> EmployerRecord | None:
        """Store the details as typed; None (each problem shown next to its field, the cursor on the
        first) when they cannot be stored as they are."""
        for row in self.rows.values():
            row.show_error(None)
        try:
            renewal = self.renewal.value()
        except InputError as error:
            self.rows["insurance_renewal_date"].show_error(say(error))
            self.renewal.setFocus()
            return None
        try:
            uplift = self.care_wage_uplift.value()
        except InputError as error:
            self.rows["care_wage_uplift"].show_error(say(error))
            self.care_wage_uplift.setFocus()
            return None
        record = replace(
            self._record,
            name=self.name.text().strip(),
            address=self.address.toPlainText().strip(),
            postcode=self.postcode.text(),
            nation=Nation(self.nation.currentData()),  # Qt hands back the plain string
            london=self.london.isChecked(),
            council=self.council.text().strip(),
            direct_payment_reference=self.dp_reference.text().strip(),
            paye_reference=self.paye_reference.text(),
            accounts_office_reference=self.accounts_office_reference.text(),
            pay_frequency=PayFrequency(self.pay_frequency.currentData()),
            pension_provider=self.pension_provider.text().strip(),
            insurer=self.insurer.text().strip(),
            insurance_policy_number=self.policy.text().strip(),
            insurance_renewal_date=renewal,
            follows_real_living_wage=self.follows_rlw.isChecked(),
            care_wage_benchmark=self.care_wage.isChecked(),
            care_wage_uplift=uplift if uplift is not None else self._record.care_wage_uplift,
            bank_sort_code=self.bank_sort_code.text(),
            bank_account_number=self.bank_account_number.text(),
            bank_account_name=self.bank_account_name.text().strip(),
            bacs_service_user_number=self.service_user_number.text(),
            pension_sort_code=self.pension_sort_code.text(),
            pension_account_number=self.pension_account_number.text(),
            pension_account_name=self.pension_account_name.text().strip(),
            pension_payment_reference=self.pension_reference.text(),
            leave_year_start_day=self.leave_year_day.value(),
            leave_year_start_month=self.leave_year_month.currentData(),
            bank_holidays=self.bank_holidays.currentData(),
        )
        try:
            done = employers.save_employer_undoably(self.db, record)
            self.saved, self.change = done.value, done.change
        except ValidationFailed as failure:
            first = None
            for field, problem in failure.problems.items():
                row = self.rows.get(field, self.rows["name"])
                row.show_error(describe(problem))
                first = first or row
            first.field.setFocus()
            return None
        except ServiceError as error:  # someone else changed or removed the employer since this opened
            show_form_message(self.message, say(error))
            return None
        self._record = self.saved  # saving again changes this employer rather than adding another
        return self.saved


class EmployerDialog(QDialog):
    """On Save the employer is saved; `saved` and `before` hold the record after and before."""

    def __init__(self, db: Database, record: EmployerRecord | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Change employer details" if record else "Add an employer")
        self.form = EmployerForm(db, record)
        self.before = record
        self.saved: EmployerRecord | None = None
        self.change = None
        self.rows = self.form.rows
        self.message = self.form.message
        for name in FIELDS:  # the fields, as the dialog's own (tests and callers reach them here)
            setattr(self, name, getattr(self.form, name))
        outer = QVBoxLayout(self)
        outer.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(640, 720)
        fit_to_screen(self)  # a small screen, or large text: the form scrolls inside it

    def _on_buttons_accepted(self) -> None:
        self.saved = self.form.save()
        if self.saved is not None:
            self.change = self.form.change  # what the save did, for the undo stack
            self.accept()
