"""Dialogs of the Pay area: a reason for pay below the legal minimum, expenses or a deduction for a
pay day, the year-end totals per PA, the one question before finalising, and saving payslips; and
the small widgets the Pay page shares with them (a table as tall as its rows, wrapped words)."""
from __future__ import annotations

from decimal import Decimal

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHeaderView,
    QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTableView, QVBoxLayout,
)

from pa_manager.domain.money import format_money
from pa_manager.domain.people import PARecord
from pa_manager.messages import describe, format_date, say
from pa_manager.services import pay_day
from pa_manager.services.errors import ServiceError, ValidationFailed
from pa_manager.services.pay_runs import ADDITION, BACK_PAY, BONUS, DEDUCTION, OVERPAYMENT_RECOVERY, PADraft
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.models.pay_run_table import FiguresTableModel
from pa_manager.ui.models.spoken import SpokenTableModel
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DecimalEdit, InputError, WrappingCheckBox
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.status_list import StatusList
from pa_manager.wording import per_hour


# --- small widgets the Pay page shares ---------------------------------------------------------


class FittedTable(QTableView):
    """A sortable, read-only table as tall as its rows, so the page scrolls rather than a small box
    inside it. It measures again when its rows change, or its width (a scroll bar may come or go)."""

    def __init__(self, model, name: str):
        super().__init__()
        proxy = SpokenTableModel(self)  # rows headed by the PA's name, amounts in words
        proxy.setSourceModel(model)
        self.setModel(proxy)
        self.setAccessibleName(name)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)  # one line a row: a long sentence gives its whole text as a tooltip
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model.modelReset.connect(self.fit)

    def fit(self) -> None:
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.model().rowCount()))
        too_wide = self.horizontalHeader().length() > self.viewport().width()
        scroll = self.horizontalScrollBar().sizeHint().height() if too_wide else 0
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth() + scroll)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()


def fill_lines(status_list: StatusList, lines: list[tuple[str, str]]) -> None:
    """Every line shown at once: the list is exactly as tall as its lines."""
    status_list.set_lines(lines)
    status_list.setMinimumHeight(status_list.maximumHeight())


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.rejected.connect(dialog.reject)
    return buttons


class MinimumWageReasonDialog(QDialog):
    """Why a PA's pay for this period is below the legal minimum. It lets the pay run be finalised;
    it does not make the underpayment legal, and the dialog says so plainly."""

    def __init__(self, draft: PADraft, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        slip, name = draft.payslip, draft.pa.name
        short = format_money(slip.minimum_wage_shortfall)
        self.setWindowTitle(f"Record why {name} is paid below the legal minimum")
        self.reason = ""
        layout = QVBoxLayout(self)
        if slip.effective_hourly_rate is not None and slip.minimum_hourly_rate is not None:
            layout.addWidget(paragraph(
                f"{name}'s pay for this pay period works out at {per_hour(slip.effective_hourly_rate)}. "
                f"The legal minimum for them is {per_hour(slip.minimum_hourly_rate)}, so they are {short} short."))
        layout.addWidget(paragraph(
            f"The law requires you to pay at least the legal minimum wage. Recording a reason lets you finalise "
            f"this pay run, but it does not make paying less legal: you still owe {name} the {short} (arrears) and "
            "must pay it. The simplest fix is to raise their hourly rate on the People page, then work out the pay again."))
        layout.addWidget(paragraph("The reason is kept with the pay run and printed on the payslip."))
        form = QFormLayout()
        self.reason_edit = QPlainTextEdit(slip.minimum_wage_reason)
        self.reason_edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.reason_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.reason_row = add_row(form, "&Reason:", self.reason_edit,
                                  f"For example: the shift times were recorded wrongly; the {short} owed will be "
                                  "paid in the next pay run.")
        layout.addLayout(form)
        buttons = _buttons(self, "&Save reason")
        buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _on_buttons_accepted(self) -> None:
        text = self.reason_edit.toPlainText().strip()
        if not text:
            self.reason_row.show_error("Write the reason, or choose Cancel.")
            self.reason_edit.setFocus()
            return
        self.reason = text
        self.accept()


KINDS = (
    (ADDITION, "Expenses paid back to them (not taxed)"),
    (BONUS, "A bonus (taxed like pay)"),
    (BACK_PAY, "Back pay for an earlier pay day (taxed like pay)"),
    (DEDUCTION, "A deduction they agreed to"),
    (OVERPAYMENT_RECOVERY, "Taking back an overpayment of wages"),
)
_TAKES_OFF = (DEDUCTION, OVERPAYMENT_RECOVERY)
_OVERPAYMENT_PURPOSE = "Recovering an overpayment of wages"


class ExtrasDialog(QDialog):
    """Add expenses paid back, a bonus or back pay, or take off an agreed deduction or an overpayment,
    for one PA's pay on a pay day. Saves on OK;
    `saved` is the stored extra (the page puts it on the undo stack)."""

    def __init__(self, db, employer_id: int, pay_date: date, pas: list[PARecord], pa_id: int | None = None, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.db, self.employer_id, self.pay_date = db, employer_id, pay_date
        self.saved: pay_day.Extra | None = None
        self.change = None  # what saving did (services.undo.Change)
        self.setWindowTitle(f"Add to or take from pay for {format_date(pay_date)}")
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(
            "Expenses you pay back, such as mileage, are added to take-home pay and are not taxed. A bonus or "
            "back pay is added to pay and taxed like it. A deduction takes money off take-home pay: only make "
            "one your PA has agreed to in writing, or to take back wages you paid by mistake. "
            "Each is shown on the payslip."))
        form = QFormLayout()
        self.pa_box = QComboBox()
        for pa in pas:
            self.pa_box.addItem(pa.name, pa.id)
        if pa_id is not None and self.pa_box.findData(pa_id) >= 0:
            self.pa_box.setCurrentIndex(self.pa_box.findData(pa_id))
        self.kind_box = QComboBox()
        for kind, words in KINDS:
            self.kind_box.addItem(words, kind)
        self.description = QLineEdit()
        self.amount = DecimalEdit(money=True)
        self.purpose = QLineEdit()
        self.for_employer = WrappingCheckBox("It is for your own &benefit (for example, repaying a loan from you)")
        self.for_employer.setToolTip("Deductions for your own benefit count against the minimum wage.")
        self.rows = {
            "pa": add_row(form, "&PA:", self.pa_box),
            "kind": add_row(form, "&Type:", self.kind_box),
            "description": add_row(form, "&Description:", self.description, "For example: Mileage to the hospital"),
            "amount": add_row(form, "&Amount (£):", self.amount),
            "purpose": add_row(form, "P&urpose of the deduction:", self.purpose,
                               "What the money is for, as the payslip must say"),
        }
        form.addRow("", self.for_employer)
        layout.addLayout(form)
        buttons = _buttons(self, "&Save")
        buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(buttons)
        self.kind_box.currentIndexChanged.connect(self._on_kind_box_changed)
        self._on_kind_box_changed()
        self.resize(560, self.sizeHint().height())

    def _on_kind_box_changed(self, *_args) -> None:
        kind = self.kind_box.currentData()
        for widget in (self.purpose, self.rows["purpose"].label):
            widget.setEnabled(kind in _TAKES_OFF)
        self.for_employer.setEnabled(kind == DEDUCTION)
        if kind == OVERPAYMENT_RECOVERY and not self.purpose.text().strip():
            self.purpose.setText(_OVERPAYMENT_PURPOSE)

    def _on_buttons_accepted(self) -> None:
        for row in self.rows.values():
            row.show_error(None)
        try:
            amount = self.amount.value()
        except InputError as error:
            self.rows["amount"].show_error(say(error))
            return
        kind = self.kind_box.currentData()
        extra = pay_day.Extra(
            None, self.pa_box.currentData(), self.pay_date, kind, self.description.text(),
            amount if amount is not None else Decimal(0), self.purpose.text() if kind in _TAKES_OFF else "",
            self.for_employer.isChecked() and kind == DEDUCTION)
        try:
            done = pay_day.save_extra(self.db, self.employer_id, extra)
        except ValidationFailed as failure:
            for key, problem in failure.problems.items():
                self.rows.get(key, self.rows["amount"]).show_error(describe(problem))
            return
        self.saved, self.change = done.value, done.change
        self.accept()


# Two-line headings keep the ten columns within the dialog's width.
YEAR_END_HEADERS = ("Name", "Pay\ndays", "Gross\npay", "Taxable\npay", "Income\ntax", "PA's\nNI", "Your\nNI",
                    "PA's\npension", "Your\npension", "Statutory\nSick Pay")


def tax_year_words(label: str) -> str:
    """'2025-26' -> '6 April 2025 to 5 April 2026'."""
    start = int(label[:4])
    return f"6 April {start} to 5 April {start + 1}"


class YearEndDialog(QDialog):
    """Each PA's totals for a tax year: the figures for their P60 and for checking Basic PAYE Tools."""

    def __init__(self, db, employer_id: int, tax_years: list[str], parent=None, today: date | None = None):
        super().__init__(parent)
        ready_dialog(self)
        self.db, self.employer_id, self.today = db, employer_id, today
        self.setWindowTitle("Year-end summary")
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(
            "Each PA's pay, tax and National Insurance (NI) for the tax year, from the finalised pay runs. "
            "These are the figures for their P60: give one to every PA who works for you on 5 April, by 31 May. "
            "A tax year still under way shows the totals so far."))
        form = QFormLayout()
        self.year_box = QComboBox()
        for label in tax_years:
            self.year_box.addItem(tax_year_words(label), label)
        add_row(form, "&Tax year:", self.year_box)
        layout.addLayout(form)
        self.model = FiguresTableModel(YEAR_END_HEADERS, self)
        self.table = FittedTable(self.model, "Totals for each PA")
        layout.addWidget(self.table)
        self.empty = paragraph("There are no finalised pay runs yet, so there is nothing to add up.")
        layout.addWidget(self.empty)
        self.p60_button = QPushButton("Save &P60s…")
        self.p60_button.setToolTip("A P60 for each PA paid in the tax year and still working for you on 5 April")
        self.p60_button.clicked.connect(self._on_p60_button_clicked)
        layout.addWidget(self.p60_button)
        self.p60_result = paragraph("")
        self.p60_result.setVisible(False)
        layout.addWidget(self.p60_result)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.year_box.currentIndexChanged.connect(self._on_year_box_changed)
        self._on_year_box_changed()
        self.resize(900, 420)

    def _on_year_box_changed(self, *_args) -> None:
        label = self.year_box.currentData()
        rows = pay_day.year_end_summary(self.db, self.employer_id, label) if label else []
        self.model.set_rows([(name, t.payments, t.gross_pay, t.taxable_pay, t.tax, t.employee_ni, t.employer_ni,
                              t.employee_pension, t.employer_pension, t.ssp) for name, t in rows])
        self.empty.setVisible(not rows)
        self.p60_button.setEnabled(bool(rows))

    def choose_p60_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, "Choose a folder for the P60s", str(Path.home()))

    def _on_p60_button_clicked(self) -> None:
        from pa_manager.services import year_end  # ReportLab loads only when forms are made

        label = self.year_box.currentData()
        folder = self.choose_p60_folder()
        if not label or not folder:
            return
        try:
            files = year_end.write_p60_files(self.db, self.employer_id, label, Path(folder), today=self.today)
        except (ServiceError, OSError) as error:
            said = say(error)
        else:
            said = (f"Saved {len(files)} P60{'s' if len(files) != 1 else ''} to {folder}. Give each PA theirs by "
                    f"{format_date(year_end.p60_due(label))}.")
        self.p60_result.setText(said)
        self.p60_result.setVisible(True)


def confirm_finalise(parent, pay_date: date, to_confirm: list[str] = ()) -> bool:
    """Ask once, saying that a finalised pay run is permanent (it is never on the undo stack), and
    listing first anything the law needs before money goes out, for the person to confirm they saw it."""
    checks = ""
    if to_confirm:
        checks = "Before you pay, check these:\n\n" + "\n\n".join(f"• {sentence}" for sentence in to_confirm) + "\n\n"
    answer = QMessageBox.question(
        parent, "Finalise the pay run?",
        f"{checks}Finalise the pay run for {format_date(pay_date)}"
        f"{' anyway' if to_confirm else ''}? The payslips become a permanent record. Corrections go in a later pay "
        "run. This cannot be undone.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def save_payslip_files(parent, context, employer_id: int, pay_date: date) -> None:
    """One PDF a PA, in a folder the person chooses; the status bar says how many."""
    folder = QFileDialog.getExistingDirectory(parent, "Choose a folder for the payslips", str(Path.home()))
    if not folder:
        return
    try:
        from pa_manager.services import payslips  # ReportLab loads only when payslips are made

        written = payslips.write_payslip_files(context.db, employer_id, pay_date, Path(folder))
    except (ServiceError, OSError) as error:
        QMessageBox.warning(parent, "The payslips were not saved", say(error))
        return
    count = len(written)
    context.status_message.emit(f"Saved {count} payslip{'s' * (count != 1)} in {folder}.")


def save_payslips_pdf(parent, context, employer_id: int, pay_date: date) -> None:
    """Every payslip in one PDF, each on its own pages, for printing in one go."""
    suggested = str(Path.home() / f"Payslips {format_date(pay_date)}.pdf")
    path, _ = QFileDialog.getSaveFileName(parent, "Save all payslips as one PDF", suggested, "PDF files (*.pdf)")
    if not path:
        return
    target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
    from pa_manager.services import payslips  # ReportLab loads only when payslips are made

    try:
        count = payslips.write_payslips_file(context.db, employer_id, pay_date, target)
    except (ServiceError, OSError) as error:
        QMessageBox.warning(parent, "The payslips were not saved", say(error))
        return
    context.status_message.emit(f"Saved {count} payslips in one PDF: {target}.")
