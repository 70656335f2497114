"""Pay: pay day from start to finish. Choose the date, work out everyone's pay, read the warnings,
finalise, save the payslips, and see exactly what to pay to whom and by when.

Finalising is a permanent record, so it is never put on the undo stack; the reasons and extras that
come before it are.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QMessageBox,
    QPushButton, QVBoxLayout, QWidget,
)

from pa_manager.domain import before_paying
from pa_manager.domain.payroll import PENSION_ENROL_NOW
from pa_manager.domain.money import ZERO, format_money
from pa_manager.domain.tax_year import tax_year_label
from pa_manager.help_pages import gloss
from pa_manager.messages import date_range, describe, format_date, say
from pa_manager.domain.payment_file import PENSION_BY_PROVIDER
from pa_manager.services import pay_day, pay_runs, payment_files, rti
from pa_manager.services.errors import ServiceError
from pa_manager.ui.context import AppContext
from pa_manager.ui.refresh import Refresher
from pa_manager.ui.dialogs.pay_dialogs import (
    ExtrasDialog, FittedTable, MinimumWageReasonDialog, YearEndDialog, confirm_finalise, fill_lines,
    save_payslip_files, save_payslips_pdf,
)
from pa_manager.ui.models.pay_run_table import (
    DRAFT_ROLE, fps_status_line, FiguresTableModel, PayRunTableModel, arrears_sentence, extra_sentence, flag_lines,
    payment_file_line, payment_sentence, repeated_run_sentence,
)
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.ui.widgets.status_list import StatusList

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # not the locale's
# Two-line headers keep the ten columns within the page's width.
BPT_HEADERS = ("Name", "Tax\ncode", "NI\nletter", "Taxable\npay", "Pay\nfor NI", "Tax", "PA's\nNI", "Your\nNI",
               "Pay to\ndate", "Tax to\ndate")


# The tables whose records this page shows: a change to any of them redraws it (ui/refresh.py).
SHOWS = frozenset({"shifts", "pas", "pay_rates", "pay_runs", "payslips", "pay_adjustments", "pay_notes", "employers",
                    "rota_patterns", "rota_changes", "right_to_work_checks", "rti_reports"})


class PayPage(QWidget):
    title = "Pay"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self._run: pay_runs.PayRunDraft | None = None
        self._arrears: list[pay_day.ArrearsDue] = []
        self._stale = False
        self._suggested: date | None = None  # the pay day last put in the date field for you
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(heading("Pay"))

        day_box = QGroupBox("Pay day")
        form = QFormLayout()
        self.date_edit = DateEdit()
        self.date_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("30/11/2026") * 2)
        self.date_row = add_row(form, "Pay &date:", self.date_edit, DATE_HINT)
        self.period_label = paragraph()
        form.addRow("Pays for:", self.period_label)
        self.work_out_button = QPushButton("&Work out pay")
        self.work_out_button.setToolTip("Work out everyone's pay for this pay date (or press Enter in the date)")
        day_layout = QVBoxLayout(day_box)
        self.next_pay_day = paragraph()
        day_layout.addWidget(self.next_pay_day)
        day_layout.addLayout(form)
        day_layout.addWidget(self.work_out_button, alignment=Qt.AlignmentFlag.AlignLeft)
        day_layout.addStretch(1)
        runs_box = QGroupBox("Past pay runs")
        runs_layout = QVBoxLayout(runs_box)
        self.past_runs = QListWidget()
        self.past_runs.setAccessibleName("Past pay runs")
        self.past_runs.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        runs_label = QLabel("Finalised pay r&uns (choose one to see it):")
        runs_label.setBuddy(self.past_runs)
        self.year_end_button = QPushButton("Year-e&nd summary…")
        runs_layout.addWidget(runs_label)
        runs_layout.addWidget(self.past_runs)
        runs_layout.addWidget(self.year_end_button, alignment=Qt.AlignmentFlag.AlignLeft)
        top = QHBoxLayout()
        top.addWidget(day_box, stretch=3)
        top.addWidget(runs_box, stretch=2)
        layout.addLayout(top)

        self.state_heading = heading(scale=1.2)
        layout.addWidget(self.state_heading)
        self.model = PayRunTableModel(self)
        self.table = FittedTable(self.model, "Pay for each PA")
        self.table.horizontalHeader().setSectionResizeMode(PayRunTableModel.COL_MINIMUM, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.terms = paragraph("Gross pay is pay before anything is taken off. Income tax, National Insurance (NI) "
                            "and pension are taken off it; take-home pay is what the PA gets.")
        layout.addWidget(self.terms)
        self.totals = paragraph()
        layout.addWidget(self.totals)
        self.reason_button = QPushButton("&Record a reason…")
        self.reason_button.setToolTip("For a PA paid below the legal minimum: record why, before you finalise")
        self.extras_button = QPushButton("Add e&xpenses, a bonus or a deduction…")
        self.arrears_button = QPushButton("Add minimum-wage &arrears")
        self.arrears_button.setToolTip("Pay what is owed from earlier pay days that were below the legal minimum")
        self.remove_extra_button = QPushButton("Re&move the chosen expense or deduction")
        row = QHBoxLayout()
        for button in (self.reason_button, self.extras_button, self.arrears_button):
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.extras = QListWidget()
        self.extras.setAccessibleName("Expenses and deductions for this pay day")
        self.extras.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.extras_heading = QLabel("Expenses and deductions for this pay day:")
        layout.addWidget(self.extras_heading)
        layout.addWidget(self.extras)
        layout.addWidget(self.remove_extra_button, alignment=Qt.AlignmentFlag.AlignLeft)

        checks_label = self.checks_label = QLabel("Things to &check:")
        self.warnings = StatusList("Things to check")
        checks_label.setBuddy(self.warnings)
        layout.addWidget(checks_label)
        layout.addWidget(self.warnings)
        self.finalise_button = QPushButton("Fina&lise pay run")
        self.finalise_note = paragraph()
        finalise_row = QHBoxLayout()
        finalise_row.addWidget(self.finalise_button)
        finalise_row.addWidget(self.finalise_note, stretch=1)
        layout.addLayout(finalise_row)

        self.paid_box = QGroupBox("What to pay")
        paid = QVBoxLayout(self.paid_box)
        self.payments = StatusList("What to pay")
        paid.addWidget(self.payments)
        self.save_button = QPushButton("&Save payslips…")
        self.save_button.setToolTip("One PDF for each PA, in a folder you choose")
        self.save_pdf_button = QPushButton("Save all payslips as one &PDF…")
        self.save_pdf_button.setToolTip("Every payslip in one PDF, each starting on a new page, for printing")
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.save_pdf_button)
        save_row.addStretch()
        paid.addLayout(save_row)
        self.payment_file_button = QPushButton("Save the payment file…")
        self.payment_file_button.setToolTip(
            "A file your bank can take to make these payments in one go: a CSV for online banking's bulk payments, "
            "or a Bacs Standard 18 file")
        self.payment_file_button.setAccessibleDescription(self.payment_file_button.toolTip())
        payment_row = QHBoxLayout()
        payment_row.addWidget(self.payment_file_button)
        payment_row.addStretch()
        paid.addLayout(payment_row)
        self.payment_file_heading = paragraph("In the payment file you saved:")
        self.payment_file_lines = StatusList("In the payment file you saved")
        for widget in (self.payment_file_heading, self.payment_file_lines):
            widget.setVisible(False)
            paid.addWidget(widget)
        paid.addWidget(heading("Report to HMRC", scale=1.1))
        paid.addWidget(paragraph(
            "HMRC needs a Full Payment Submission (FPS) on or before each pay day. PA Manager cannot send it to HMRC "
            "itself yet: save the FPS file and send it with software that can, or through your payroll bureau, or "
            "enter the figures below in HMRC's Basic PAYE Tools. Then record here how you sent it."))
        self.rti_status = StatusList("The FPS for this pay day")
        paid.addWidget(self.rti_status)
        self.save_fps_button = QPushButton("Save the FPS f&ile…")
        self.save_fps_button.setToolTip("The FPS for this pay run in HMRC's file format, made from the payslips")
        self.fps_sent_button = QPushButton("I sen&t the FPS file")
        self.fps_sent_button.setToolTip("Record that the FPS file you saved has reached HMRC")
        self.bpt_sent_button = QPushButton("I entered it in &Basic PAYE Tools")
        self.bpt_sent_button.setToolTip("Record that you sent this pay day's figures with HMRC's Basic PAYE Tools")
        rti_row = QHBoxLayout()
        for button in (self.save_fps_button, self.fps_sent_button, self.bpt_sent_button):
            rti_row.addWidget(button)
        rti_row.addStretch()
        paid.addLayout(rti_row)
        paid.addWidget(heading("Figures for Basic PAYE Tools", scale=1.1))
        paid.addWidget(paragraph(f"{gloss('Basic PAYE Tools')} PA Manager does not send anything to HMRC itself: "
                                 "enter these figures in Basic PAYE Tools on or before the pay day."))
        self.bpt_model = FiguresTableModel(BPT_HEADERS, self)
        self.bpt_table = FittedTable(self.bpt_model, "Figures for Basic PAYE Tools")
        paid.addWidget(self.bpt_table)
        self.hmrc_note = paragraph()
        paid.addWidget(self.hmrc_note)
        layout.addWidget(self.paid_box)
        layout.addStretch(1)  # spare height goes below everything, not into the boxes

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = vertical_scroll(body, "Pay")
        outer.addWidget(self.scroll)

        self.work_out_button.clicked.connect(self._on_work_out_button_clicked)
        self.date_edit.returnPressed.connect(self._on_work_out_button_clicked)
        self.date_edit.textChanged.connect(self._on_date_edit_changed)
        self.past_runs.currentItemChanged.connect(self._on_past_runs_current_changed)
        self.past_runs.itemClicked.connect(self._on_past_runs_current_changed)  # again, after another date
        self.year_end_button.clicked.connect(self._on_year_end_button_clicked)
        self.reason_button.clicked.connect(self._on_reason_button_clicked)
        self.extras_button.clicked.connect(self._on_extras_button_clicked)
        self.arrears_button.clicked.connect(self._on_arrears_button_clicked)
        self.remove_extra_button.clicked.connect(self._on_remove_extra_button_clicked)
        self.finalise_button.clicked.connect(self._on_finalise_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.save_pdf_button.clicked.connect(self._on_save_pdf_button_clicked)
        self.save_fps_button.clicked.connect(self._on_save_fps_button_clicked)
        self.payment_file_button.clicked.connect(self._on_payment_file_button_clicked)
        self.fps_sent_button.clicked.connect(self._on_fps_sent_button_clicked)
        self.bpt_sent_button.clicked.connect(self._on_bpt_sent_button_clicked)
        self.refresher = Refresher(self, context, SHOWS, self.refresh, employer_changed=self._on_employer_changed)
        self._on_employer_changed()

    # --- what is shown ---
    def _on_employer_changed(self) -> None:
        """Another employer: start again from their next pay day."""
        self._run = None
        self._suggested = None
        self._suggest_pay_day()
        self.refresh()

    def _suggest_pay_day(self, *, into_the_date: bool = True) -> None:
        """Show the next pay day (it follows the work: shifts just entered, a new pay frequency, a pay run
        finalised), and put it in the date field unless a date of your own, or a pay run, is there."""
        employer_id = self.context.employer_id
        if employer_id is None:
            return
        day = pay_runs.default_pay_date(self.context.db, employer_id, self.context.today())
        self.next_pay_day.setText(f"Your next pay day is {DAY_NAMES[day.weekday()]} {format_date(day)}.")
        if into_the_date and (self._suggested is None or self._chosen_date() == self._suggested):
            self.date_edit.set_value(day)
            self._suggested = day

    def open_next_pay_run(self) -> None:
        """Show the next pay run to make (the earliest with unpaid work), worked out."""
        if self.context.employer_id is None:
            return
        self.date_edit.set_value(pay_runs.default_pay_date(self.context.db, self.context.employer_id,
                                                           self.context.today()))
        self._on_work_out_button_clicked()

    def refresh(self) -> None:
        if not self.isVisible() and self._run is not None:
            self._stale = True  # work it out again when the page is shown, not on every edit elsewhere
            return
        self._stale = False
        employer_id = self.context.employer_id
        self.setEnabled(employer_id is not None)
        self._suggest_pay_day(into_the_date=self._run is None)
        dates = pay_runs.pay_run_dates(self.context.db, employer_id) if employer_id is not None else []
        if self._run is not None:
            self._run = pay_runs.prepare_pay_run(self.context.db, employer_id, self._run.pay_date, self.context.today())
        elif employer_id is not None and self._chosen_date() in dates:
            self._run = pay_runs.prepare_pay_run(self.context.db, employer_id, self._chosen_date(), self.context.today())
        self._show_past_runs(dates)
        self._show_run()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _chosen_date(self) -> date | None:
        try:
            return self.date_edit.value()
        except InputError:
            return None

    def _show_past_runs(self, dates: list[date]) -> None:
        self.past_runs.blockSignals(True)
        self.past_runs.clear()
        for day in dates:
            item = QListWidgetItem(format_date(day))
            item.setData(Qt.ItemDataRole.UserRole, day)
            self.past_runs.addItem(item)
        if not dates:
            self.past_runs.addItem("None yet")
        self.past_runs.blockSignals(False)
        self.year_end_button.setEnabled(bool(dates))

    def _mark_past_run(self) -> None:
        """Highlight the shown pay run in the list, or nothing when a draft is shown."""
        self.past_runs.blockSignals(True)
        shown = self._run.pay_date if self._run is not None else None
        rows = [i for i in range(self.past_runs.count())
                if self.past_runs.item(i).data(Qt.ItemDataRole.UserRole) == shown]
        self.past_runs.setCurrentRow(rows[0] if rows else -1)
        if not rows:
            self.past_runs.clearSelection()
        self.past_runs.blockSignals(False)

    def _show_run(self) -> None:
        run = self._run
        self._mark_past_run()
        self.model.set_rows(run.pas if run else [])
        for widget in (self.table, self.terms):
            widget.setVisible(run is not None)
        if run is None:
            self.state_heading.setText("Press Work out pay to see everyone's pay for this date.")
        else:
            state = "Finalised" if run.finalised else "Not finalised yet"
            self.state_heading.setText(f"{state}: pay for {date_range(run.period_start, run.period_end)}")
        self._show_totals(run)
        self._show_extras(run)
        lines = [("below", f"Blocks finalising: {describe(problem)}") for problem in (run.blocking if run else [])]
        if run is not None and run.finalised and run.already_paid_by is not None:
            lines.append(("warning", repeated_run_sentence(run)))
        # What finalising will ask to confirm; a PA to enrol in the pension is said once, with why, below.
        enrol = {d.pa.id for d in (run.pas if run else []) if d.payslip and PENSION_ENROL_NOW in d.payslip.flags}
        lines += [("warning", f"Confirm before finalising: {describe(problem)}") for item, problem in
                  (zip(run.to_confirm, run.confirm_problems) if run and not run.finalised else [])
                  if not (item.code == before_paying.PENSION_ENROL_NOW and item.pa in enrol)]
        lines += flag_lines(run) if run else []
        self._arrears = self._arrears_due(run)
        lines += [("warning", arrears_sentence(due)) for due in self._arrears]
        if run is not None and not lines:
            lines = [("ok", "Done: nothing needs your attention in this pay run.")]
        fill_lines(self.warnings, lines)
        self.warnings.setVisible(bool(lines))
        self.checks_label.setVisible(bool(lines))
        editable = run is not None and not run.finalised
        below = [d for d in (run.pas if run else []) if d.payslip is not None and not d.payslip.minimum_wage_ok]
        self.reason_button.setVisible(editable and bool(below))  # only when someone is below the minimum
        self.extras_button.setEnabled(editable and any(d.payslip is not None for d in run.pas))
        self.extras_button.setVisible(editable)  # a finalised run cannot change
        self.arrears_button.setVisible(editable and bool(self._arrears))
        self._show_finalise(run)
        self._show_paid(run)

    def _arrears_due(self, run) -> list[pay_day.ArrearsDue]:
        """Arrears owed to PAs paid in this (unfinalised) run, for earlier pay days below the minimum."""
        if run is None or run.finalised:
            return []
        paid = {d.pa.id for d in run.pas if d.payslip is not None}
        return [due for due in pay_day.arrears_due(self.context.db, run.employer.id, run.pay_date) if due.pa_id in paid]

    def _show_totals(self, run) -> None:
        slips = [d.payslip for d in run.pas if d.payslip is not None] if run else []
        if not slips:
            self.totals.setText("Nobody is due pay for this period." if run else "")
            return

        def total(name: str) -> Decimal:
            return sum((getattr(s, name) for s in slips), ZERO)

        self.totals.setText(f"Take-home pay for everyone: {format_money(total('net_pay'))}. On top of their pay you pay "
                            f"employer's NI of {format_money(total('employer_ni') - total('employment_allowance'))} "
                            f"and pension contributions of {format_money(total('employer_pension'))}.")

    def _show_extras(self, run) -> None:
        self.extras.clear()
        found = []
        if run is not None and not run.finalised:  # once finalised they are on the payslips
            names = {d.pa.id: d.pa.name for d in run.pas}
            found = [x for x in pay_day.list_extras(self.context.db, run.employer.id, run.pay_date) if x.pa_id in names]
            for extra in found:
                text = extra_sentence(extra, names[extra.pa_id])
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, extra)
                self.extras.addItem(item)
        for widget in (self.extras_heading, self.extras, self.remove_extra_button):
            widget.setVisible(bool(found))

    def _show_finalise(self, run) -> None:
        if run is None:
            note = "Work out the pay first."
        elif run.finalised:
            note = "This pay run is finalised: it is a permanent record. Make any corrections in a later pay run."
        elif run.blocking:
            note = "You cannot finalise yet: first put right each line marked Blocks finalising."
        elif not run.pays_anyone:
            note = "Nobody is due pay for this period, so there is nothing to finalise."
        else:
            note = "Finalising keeps the payslips as a permanent record. It cannot be undone."
        self.finalise_button.setEnabled(run is not None and run.can_finalise)
        self.finalise_note.setText(note)
        self.finalise_button.setAccessibleDescription(note)

    def _show_paid(self, run) -> None:
        self.paid_box.setVisible(run is not None and run.finalised)
        if run is None or not run.finalised:
            return
        self.payment_file_heading.setVisible(False)
        self.payment_file_lines.setVisible(False)
        db = self.context.db
        fill_lines(self.payments, [("info", payment_sentence(p, run.pay_date)) for p in pay_day.payments_for(db, run)])
        slips = [d.payslip for d in run.pas if d.payslip is not None]
        self.bpt_model.set_rows([(s.pa_name, s.tax_code, s.ni_category, s.taxable_pay, s.gross_pay, s.tax,
                                  s.employee_ni, s.employer_ni, s.year_to_date.taxable_pay, s.year_to_date.tax)
                                 for s in slips])
        self._show_rti(run)
        month = pay_day.hmrc_month(db, run.employer.id, run.pay_date)
        allowance = (f", less Employment Allowance of {format_money(month.employment_allowance_claimed)}"
                     if month.employment_allowance_claimed else "")
        self.hmrc_note.setText(
            f"For the tax month ending {format_date(month.month_ends)}: income tax {format_money(month.tax)}, "
            f"your PAs' NI {format_money(month.employee_ni)} and your NI as employer {format_money(month.employer_ni)}"
            f"{allowance}. In all {format_money(month.amount_due)}, to pay HMRC by {format_date(month.pay_by)}.")

    def _show_rti(self, run) -> None:
        report = rti.fps_status(self.context.db, run.employer.id, run.pay_date)
        fill_lines(self.rti_status, [fps_status_line(report, run.pay_date, self.context.today())])
        sent = report is not None and report.sent
        self.fps_sent_button.setEnabled(not sent and report is not None and report.made_at is not None)
        self.bpt_sent_button.setEnabled(not sent)

    # --- slots ---
    def _on_date_edit_changed(self, _text: str) -> None:
        day, employer_id = self._chosen_date(), self.context.employer_id
        if day is None or employer_id is None:
            self.period_label.setText("Enter the pay date, like 30/11/2026.")
            return
        self.period_label.setText(date_range(*pay_runs.period_for(self.context.db, employer_id, day)))
        if self._run is not None and self._run.pay_date != day:
            self._run = None  # the figures shown are for another date
            self._show_run()

    def _on_work_out_button_clicked(self) -> None:
        self.date_row.show_error(None)
        try:
            day = self.date_edit.value()
        except InputError as error:
            self.date_row.show_error(say(error))
            return
        if day is None or self.context.employer_id is None:
            self.date_row.show_error("Enter the pay date, like 30/11/2026.")
            return
        self._run = pay_runs.prepare_pay_run(self.context.db, self.context.employer_id, day, self.context.today())
        self._show_run()
        count = sum(d.payslip is not None for d in self._run.pas)
        self.context.status_message.emit(f"Worked out the pay for {format_date(day)} for {count} PA{'s' * (count != 1)}.")

    def _on_past_runs_current_changed(self, item, _previous=None) -> None:
        day = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if day is None:
            return
        self.date_edit.set_value(day)
        self._run = pay_runs.prepare_pay_run(self.context.db, self.context.employer_id, day, self.context.today())
        self._show_run()

    def _on_year_end_button_clicked(self) -> None:
        dates = pay_runs.pay_run_dates(self.context.db, self.context.employer_id)
        years = list(dict.fromkeys(tax_year_label(day) for day in dates))  # newest first, once each
        YearEndDialog(self.context.db, self.context.employer_id, years, self, today=self.context.today()).exec()

    def _selected_draft(self) -> pay_runs.PADraft | None:
        index = self.table.currentIndex()
        return index.data(DRAFT_ROLE) if index.isValid() else None

    def _on_reason_button_clicked(self) -> None:
        run = self._run
        below = [d for d in run.pas if d.payslip is not None and not d.payslip.minimum_wage_ok]
        chosen = self._selected_draft()
        draft = chosen if chosen in below else below[0]  # the chosen PA, or the first one below the minimum
        dialog = MinimumWageReasonDialog(draft, self)
        if not dialog.exec():
            return
        self.context.push(pay_runs.record_minimum_wage_reason(self.context.db, run.employer.id, draft.pa.id,
                                                              run.pay_date, dialog.reason))

    def _on_extras_button_clicked(self) -> None:
        run = self._run
        chosen = self._selected_draft()
        pas = [d.pa for d in run.pas if d.payslip is not None]
        dialog = ExtrasDialog(self.context.db, run.employer.id, run.pay_date, pas, chosen.pa.id if chosen else None, self)
        if not dialog.exec() or dialog.change is None:
            return
        self.context.push(dialog.change)

    def _on_arrears_button_clicked(self) -> None:
        run, due = self._run, self._arrears
        if run is None or not due:
            return
        try:
            added = pay_day.add_arrears(self.context.db, run.employer.id, run.pay_date, due)
        except ServiceError as error:
            QMessageBox.warning(self, "The arrears were not added", say(error))
            return
        self.context.push(added.change)

    def _on_remove_extra_button_clicked(self) -> None:
        item = self.extras.currentItem() or self.extras.item(0)
        if item is None:
            return
        extra = item.data(Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(self, "Remove it?", f"Remove “{item.text()}” from this pay day? You can undo this.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            change = pay_day.delete_extra(self.context.db, extra.id)
        except ServiceError as error:
            QMessageBox.warning(self, "It was not removed", say(error))
            return
        if change is None:
            self.context.announce_change()
        else:
            self.context.push(change)

    def _on_finalise_button_clicked(self) -> None:
        run = self._run
        if run is None or not self.finalise_button.isEnabled():
            return
        day = format_date(run.pay_date)
        if not confirm_finalise(self, run.pay_date, [describe(p) for p in run.confirm_problems]):
            return
        try:
            self._run = pay_runs.finalise_pay_run(self.context.db, run.employer.id, run.pay_date,
                                                  datetime.now().astimezone(), confirmed=True)
        except ServiceError as error:
            QMessageBox.warning(self, "The pay run was not finalised", say(error))
            return
        # A permanent record: never on the undo stack, and nothing before it can be undone either,
        # since the records rest on it.
        self.context.forget_history(run.employer.id)
        self.context.announce_change()
        self.context.status_message.emit(f"Finalised the pay run for {day}. Now save the payslips and make the "
                                         "payments under What to pay.")
        self.scroll.ensureWidgetVisible(self.paid_box)  # What to pay is the next step
        self.payments.setFocus()

    def _on_save_button_clicked(self) -> None:
        save_payslip_files(self, self.context, self._run.employer.id, self._run.pay_date)

    def _on_save_pdf_button_clicked(self) -> None:
        save_payslips_pdf(self, self.context, self._run.employer.id, self._run.pay_date)

    def _on_save_fps_button_clicked(self) -> None:
        run = self._run
        path = self.choose_fps_path(str(Path.home() / f"FPS {run.pay_date.isoformat()}.xml"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xml") else Path(path + ".xml")
        try:
            made = rti.write_fps(self.context.db, run.employer.id, run.pay_date, target, datetime.now().astimezone())
        except ServiceError as error:
            QMessageBox.warning(self, "The FPS file was not saved", say(error))
            return
        self._show_rti(run)
        self.context.status_message.emit(f"Saved the FPS for {format_date(run.pay_date)} in {made.path}. Send it to "
                                         "HMRC, then choose I sent the FPS file.")

    def _on_payment_file_button_clicked(self) -> None:
        run = self._run
        path, file_format = self.choose_payment_file(str(Path.home() / f"Payments {run.pay_date.isoformat()}"))
        if not path:
            return
        ending = ".txt" if file_format == payment_files.BACS else ".csv"
        target = Path(path) if path.lower().endswith(ending) else Path(path + ending)
        try:
            made = payment_files.write_payment_file(self.context.db, run.employer.id, run.pay_date, file_format,
                                                    target, self.context.today())
        except ServiceError as error:
            QMessageBox.warning(self, "The payment file was not saved", say(error))
            return
        lines = [("info", payment_file_line(p)) for p in made.run.payments]
        if PENSION_BY_PROVIDER in made.run.left_out:
            lines.append(("info", "Not in the file: the pension contributions, as your pension provider's bank "
                                  "account is not recorded. Pay them as the provider asks."))
        fill_lines(self.payment_file_lines, lines)
        self.payment_file_heading.setVisible(True)
        self.payment_file_lines.setVisible(True)
        self.context.status_message.emit(
            f"Saved {len(made.run.payments)} payments, {format_money(made.run.total)} in all, in {made.path}. Upload "
            "it to your bank and check the total before you approve it.")

    def choose_payment_file(self, suggested: str) -> tuple[str, str]:
        """Where to save the payment file, and which kind (from the file type chosen)."""
        kinds = {"Bank bulk-payment CSV (*.csv)": payment_files.CSV, "Bacs Standard 18 file (*.txt)": payment_files.BACS}
        path, chosen = QFileDialog.getSaveFileName(self, "Save the payment file", suggested, ";;".join(kinds))
        return path, kinds.get(chosen, payment_files.CSV)

    def choose_fps_path(self, suggested: str) -> str:
        return QFileDialog.getSaveFileName(self, "Save the FPS file", suggested, "RTI files (*.xml)")[0]

    def _mark_sent(self, how: str) -> None:
        run = self._run
        try:
            made = rti.mark_fps_sent_undoably(self.context.db, run.employer.id, run.pay_date, how,
                                              datetime.now().astimezone())
        except ServiceError as error:
            QMessageBox.warning(self, "Not recorded", say(error))
            return
        self.context.push(made.change)

    def _on_fps_sent_button_clicked(self) -> None:
        self._mark_sent(rti.FILE_SENT)

    def _on_bpt_sent_button_clicked(self) -> None:
        self._mark_sent(rti.BASIC_PAYE_TOOLS)

    def show_pay_run(self, day: date) -> None:
        """Show a finalised pay run (from the dashboard's FPS reminder)."""
        self.date_edit.set_value(day)
        self._run = pay_runs.prepare_pay_run(self.context.db, self.context.employer_id, day, self.context.today())
        self._show_run()
        if self._run.finalised:
            self.scroll.ensureWidgetVisible(self.save_fps_button)
            self.save_fps_button.setFocus()

