"""The Budget page's dialogs: a budget year, a ledger entry, a bank statement import, a reconciliation."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QVBoxLayout,
)

from pa_manager.domain.budget import (
    BASIS_FOUR_WEEKLY, BudgetYear, LedgerEntry, MONEY_IN, MONEY_OUT, PAYMENTS_PER_YEAR, budget_year_label,
    budget_year_start,
)
from pa_manager.messages import describe, format_date, say
from pa_manager.services import budget
from pa_manager.budget_words import BASIS_NAMES
from pa_manager.services.errors import ValidationFailed
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.file_import import FileImportDialog
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, DecimalEdit, InputError, WrappingCheckBox
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.wording import CATEGORY_NAMES

PENNY = Decimal("0.01")


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _money(row: FieldRow, *, required: bool = True, positive: bool = False) -> Decimal | None:
    """The amount typed in the row's field, or None after showing what is wrong beside it."""
    try:
        value = row.field.value()
    except InputError as error:
        row.show_error(say(error))
        return None
    if value is None:
        if required:
            row.show_error("Enter an amount in pounds, like 12.50.")
        return None
    if value != value.quantize(PENNY):
        row.show_error("Enter pounds and pence, with no more than 2 numbers after the decimal point.")
        return None
    if positive and value <= 0:
        row.show_error("Enter an amount of more than £0.")
        return None
    return value


class BudgetYearDialog(QDialog):
    """Add a council year or change one. After OK, `year` is the year as entered."""

    def __init__(self, years: list[BudgetYear], chosen: str | None, today: date, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle("Add or change a budget year")
        self.setMinimumWidth(620)  # room for the hints to wrap without being cut short
        self._years = {y.label: y for y in years}
        self.year: BudgetYear | None = None
        layout = QVBoxLayout(self)
        intro = paragraph("A budget year is the council's year, 1 April to 31 March. Take the figures from the "
                       "council's letter about your direct payment.")
        layout.addWidget(intro)
        form = QFormLayout()
        self.label_box = QComboBox()
        labels = set(self._years) | {budget_year_label(today)}
        latest = max(labels, key=budget_year_start)
        labels.add(f"{budget_year_start(latest).year + 1}-{(budget_year_start(latest).year + 2) % 100:02d}")
        for label in sorted(labels, key=budget_year_start):
            start = budget_year_start(label)
            state = "" if label in self._years else ", new"
            self.label_box.addItem(f"{label} (from {format_date(start)}{state})", label)
        self.amount = DecimalEdit(money=True)
        self.basis = QComboBox()
        for basis in PAYMENTS_PER_YEAR:
            self.basis.addItem(BASIS_NAMES[basis].capitalize(), basis)
        self.rate = DecimalEdit(money=True)
        self.on_costs = DecimalEdit()
        self.opening = DecimalEdit(money=True)
        self.surplus_weeks = QSpinBox()
        self.surplus_weeks.setRange(0, 52)
        self.first_payment = DateEdit()
        self.contribution = DecimalEdit(money=True)
        self.plan_hours = DecimalEdit()
        self.rows = {
            "label": add_row(form, "&Year:", self.label_box),
            "amount": add_row(form, "Direct payment &amount (£):", self.amount, "What the council pays each time."),
            "basis": add_row(form, "&Paid:", self.basis),
            "council_hourly_rate": add_row(form, "Council's &hourly rate (£):", self.rate,
                                           "The rate an hour the council built your direct payment on."),
            "council_on_cost_rate": add_row(form, "&On-costs the council assumes (%):", self.on_costs,
                                            "The share on top of pay the council allows for holiday pay, National "
                                            "Insurance and pension, like 22. Leave blank if the letter does not say."),
            "opening_balance": add_row(form, "Opening ba&lance on 1 April (£):", self.opening,
                                       "What the direct-payment account held at the start of the year."),
            "surplus_limit_weeks": add_row(form, "&Surplus limit (weeks of payments):", self.surplus_weeks,
                                           "How much the council lets the account hold before it takes money "
                                           "back. Most councils allow 8 weeks."),
            "first_payment_on": add_row(form, "&First payment date:", self.first_payment,
                                        "Leave blank if payments start on 1 April. " + DATE_HINT),
            "assessed_contribution": add_row(form, "Your assessed co&ntribution (£ a week):", self.contribution,
                                             "What the council's financial assessment says you pay towards your "
                                             "care each week. Enter 0 if you pay nothing; leave blank if you do "
                                             "not know. The monitoring return sets it beside what you paid in."),
            "support_plan_hours": add_row(form, "Support plan hours a &week:", self.plan_hours,
                                          "The hours of support a week your support plan sets out, like 42. The "
                                          "monitoring return sets the hours your PAs worked beside them."),
        }
        layout.addLayout(form)
        buttons = _buttons(self, "Sa&ve year")
        buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(buttons)
        self.label_box.currentIndexChanged.connect(self._on_label_box_changed)
        chosen_index = self.label_box.findData(chosen if chosen in self._years else budget_year_label(today))
        self.label_box.setCurrentIndex(max(chosen_index, 0))
        self._on_label_box_changed()

    def _on_label_box_changed(self) -> None:
        label = self.label_box.currentData()
        # A new year starts from the latest year's figures: most change little from one year to the next.
        shown = self._years.get(label) or (self._years[max(self._years, key=budget_year_start)] if self._years else None)
        self.amount.set_value(shown.amount if shown else None)
        self.basis.setCurrentIndex(self.basis.findData(shown.basis if shown else BASIS_FOUR_WEEKLY))
        self.rate.set_value(shown.council_hourly_rate if shown else None)
        self.on_costs.set_value(shown.council_on_cost_rate * 100 if shown and shown.council_on_cost_rate else None)
        exists = label in self._years
        self.opening.set_value(shown.opening_balance if exists else None)
        self.surplus_weeks.setValue(shown.surplus_limit_weeks if shown else 8)
        self.first_payment.set_value(shown.first_payment_on if exists else None)
        self.contribution.set_value(shown.assessed_contribution if shown else None)
        self.plan_hours.set_value(shown.support_plan_hours if shown else None)
        for row in self.rows.values():
            row.show_error(None)

    def _on_buttons_accepted(self) -> None:
        for row in self.rows.values():
            row.show_error(None)
        amount = _money(self.rows["amount"])
        rate = _money(self.rows["council_hourly_rate"], positive=True)
        opening = _money(self.rows["opening_balance"], required=False)
        contribution = _money(self.rows["assessed_contribution"], required=False)
        try:
            plan_hours = self.plan_hours.value()
        except InputError as error:
            self.rows["support_plan_hours"].show_error(say(error))
            return
        try:
            on_costs = self.on_costs.value()
        except InputError as error:
            self.rows["council_on_cost_rate"].show_error(say(error))
            return
        try:
            first = self.first_payment.value()
        except InputError as error:
            self.rows["first_payment_on"].show_error(say(error))
            return
        if amount is None or rate is None or (opening is None and self.opening.text().strip()):
            return
        if contribution is None and self.contribution.text().strip():
            return
        try:
            self.year = budget.make_year(
                label=self.label_box.currentData(), amount=amount, basis=self.basis.currentData(),
                council_hourly_rate=rate, council_on_cost_rate=(on_costs or Decimal(0)) / 100,
                opening_balance=opening or Decimal("0.00"), surplus_limit_weeks=self.surplus_weeks.value(),
                first_payment_on=first, assessed_contribution=contribution, support_plan_hours=plan_hours)
        except ValidationFailed as failure:
            for field, problem in failure.problems.items():
                self.rows.get(field, self.rows["label"]).show_error(describe(problem))
            return
        self.accept()


class LedgerEntryDialog(QDialog):
    """Add an entry by hand or change one. After OK, `entry` is the entry as entered. The amount is
    typed without a sign: the category says whether it is money in or out, and `money_back` turns
    that round (a refund, or the council taking money back)."""

    def __init__(self, entry: LedgerEntry | None, today: date, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle("Change an entry" if entry else "Add an entry")
        self.entry: LedgerEntry | None = None
        self._before = entry
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date_edit = DateEdit()
        self.date_edit.set_value(entry.on if entry else today)
        self.description = QLineEdit(entry.description if entry else "")
        self.category = QComboBox()
        for category in MONEY_IN:
            self.category.addItem(f"Money in: {CATEGORY_NAMES[category]}", category)
        for category in MONEY_OUT:
            self.category.addItem(f"Money out: {CATEGORY_NAMES[category]}", category)
        self.category.setCurrentIndex(self.category.findData(entry.category if entry else "other"))
        self.amount = DecimalEdit(money=True)
        self.amount.set_value(abs(entry.amount) if entry else None)
        self.money_back_box = WrappingCheckBox("Money &back: a refund, or the council taking money back")
        self.money_back_box.setChecked(bool(entry and entry.is_money_back))
        self.money_back = self.money_back_box.isChecked()
        self.rows = {
            "on": add_row(form, "&Date:", self.date_edit, DATE_HINT),
            "description": add_row(form, "D&escription:", self.description),
            "category": add_row(form, "&Category:", self.category),
            "amount": add_row(form, "A&mount (£):", self.amount,
                              "Without a minus sign: the category says whether it is money in or out."),
        }
        form.addRow("", self.money_back_box)
        layout.addLayout(form)
        buttons = _buttons(self, "&Save entry")
        buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        for row in self.rows.values():
            row.show_error(None)
        try:
            on = self.date_edit.value()
        except InputError as error:
            self.rows["on"].show_error(say(error))
            return
        if on is None:
            self.rows["on"].show_error("Enter the date the money went in or out.")
            return
        amount = _money(self.rows["amount"])
        if amount is None:
            return
        if amount == 0:
            self.rows["amount"].show_error("Enter an amount of more than £0.")
            return
        source = self._before.source if self._before else "manual"
        reference = self._before.reference if self._before else ""
        self.entry = LedgerEntry(on, abs(amount), self.category.currentData(), self.description.text().strip(),
                                 source, reference)
        self.money_back = self.money_back_box.isChecked()
        self.accept()


STATEMENT_HELP = (
    "Save your bank statement as a CSV or XLSX file. The first row must name the columns: date, description "
    "and amount (money in as a positive number, money out with a minus sign). Lines already in your records "
    "are not added again.\n\n"
    "A category column is optional, using: " + ", ".join(CATEGORY_NAMES) + ". Without one, money in counts as a "
    "payment from the council and money out as other spending."
)


class StatementImportDialog(FileImportDialog):
    """Check a bank statement, then import it: every line or none. After OK, `result` says what was added."""

    noun = "bank statement"
    file_filter = "Bank statements (*.csv *.xlsx)"
    rows_word = "lines"

    def __init__(self, context: AppContext, parent=None):
        self.context = context
        super().__init__("Import a bank statement", (STATEMENT_HELP,), parent)

    def run_import(self, path: Path, dry_run: bool):
        return budget.import_bank_statement(self.context.db, self.context.employer_id, path, dry_run=dry_run)

    def ready_lines(self, result) -> tuple[list[str], bool]:
        lines = [f"Ready to add {result.added} line{'s' if result.added != 1 else ''}."]
        if result.already_there:
            lines.append(f"{result.already_there} line{'s are' if result.already_there != 1 else ' is'} "
                         "already in your records, so will not be added again.")
        return lines, result.added > 0


class ReconcileDialog(QDialog):
    """The bank statement's balance at the end of a day. After OK, `on` and `balance` hold them."""

    def __init__(self, today: date, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle("Check your records against your bank statement")
        self.on: date | None = None
        self.balance: Decimal | None = None
        layout = QVBoxLayout(self)
        intro = paragraph("Enter the balance your bank statement shows at the end of a day. PA Manager compares it "
                       "with the balance in your records on that day.")
        layout.addWidget(intro)
        form = QFormLayout()
        self.date_edit = DateEdit()
        self.date_edit.set_value(today)
        self.balance_edit = DecimalEdit(money=True)
        self.date_row = add_row(form, "Statement &date:", self.date_edit, DATE_HINT)
        self.balance_row = add_row(form, "Statement &balance (£):", self.balance_edit,
                                   "With a minus sign if the account is overdrawn.")
        layout.addLayout(form)
        buttons = _buttons(self, "&Compare")
        buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        self.date_row.show_error(None)
        try:
            on = self.date_edit.value()
        except InputError as error:
            self.date_row.show_error(say(error))
            return
        if on is None:
            self.date_row.show_error("Enter the date of the statement balance.")
            return
        balance = _money(self.balance_row)
        if balance is None:
            return
        self.on, self.balance = on, balance
        self.accept()
