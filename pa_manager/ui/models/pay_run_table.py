"""The pay run table: one row per PA with their pay in money and their minimum-wage check in words;
a small figures table for the Basic PAYE Tools figures and the year-end totals; and the pay run's
warnings and payments as sentences.

Sort values are kept raw (pence, hundredths of an hour) so money sorts as money, not as text.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt

from pa_manager.domain import payment_file, pension
from pa_manager.domain.money import format_money
from pa_manager.domain.rates import RatesError
from pa_manager.messages import date_range, describe, format_date
from pa_manager.services import pay_day
from pa_manager.services.pay_runs import PADraft, PayRunDraft
from pa_manager.ui.models.rows_table import SORT_ROLE, RowsTableModel
from pa_manager.ui.widgets.status import Status, status_icon

DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def hours_shown(hours: Decimal) -> str:
    """66.00 -> '66', 16.50 -> '16.5' (never '1E+2')."""
    return f"{hours.quantize(Decimal('0.01')).normalize():f}"


def _hundredths(amount: Decimal | None) -> int:
    return -1 if amount is None else int((amount * 100).to_integral_value())


def minimum_wage_words(draft: PADraft) -> tuple[Status, str]:
    """The check as a status and words that start with it, or the problem stopping the pay being worked out."""
    slip = draft.payslip
    if slip is None:
        return Status.MISSING, f"Not worked out: {describe(draft.problem)}"
    if "MINIMUM_WAGE_NOT_COVERED" in slip.flags:
        return Status.INFO, "Not covered (under school-leaving age)"
    if slip.minimum_hourly_rate is None:
        return Status.INFO, "No hours to check in this pay period"
    if slip.minimum_wage_ok:
        return Status.DONE, "Meets the legal minimum"
    short = format_money(slip.minimum_wage_shortfall)
    if slip.minimum_wage_reason:
        return Status.ATTENTION, f"Reason recorded (below the legal minimum by {short})"
    return Status.OVERDUE, f"Below the legal minimum by {short}"


_STATUS_ORDER = {Status.MISSING: 0, Status.OVERDUE: 1, Status.ATTENTION: 2, Status.INFO: 3, Status.DONE: 4}


class PayRunTableModel(RowsTableModel):
    COL_NAME, COL_HOURS, COL_GROSS, COL_TAX, COL_NI, COL_PENSION, COL_NET, COL_MINIMUM = range(8)
    HEADERS = ("Name", "Hours", "Gross pay", "Income tax", "NI", "Pension", "Take-home pay",
               "Minimum wage check")
    _FIGURES = {COL_GROSS: "gross_pay", COL_TAX: "tax", COL_NI: "employee_ni", COL_PENSION: "employee_pension",
                COL_NET: "net_pay"}

    def draft(self, row: int) -> PADraft:
        return self._rows[row]

    def row_of(self, pa_id: int) -> int | None:
        return next((i for i, d in enumerate(self._rows) if d.pa.id == pa_id), None)

    def _value(self, draft: PADraft, column: int) -> Decimal | None:
        slip = draft.payslip
        if slip is None:
            return None
        if column == self.COL_HOURS:
            return slip.hours
        return getattr(slip, self._FIGURES[column])

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        draft, column = self._rows[index.row()], index.column()
        if role == DRAFT_ROLE:
            return draft
        if column == self.COL_NAME:
            return {Qt.ItemDataRole.DisplayRole: draft.pa.name, SORT_ROLE: draft.pa.name.lower()}.get(role)
        if column == self.COL_MINIMUM:
            status, words = minimum_wage_words(draft)
            if role == Qt.ItemDataRole.DecorationRole:
                return status_icon(status)
            return {Qt.ItemDataRole.DisplayRole: words, Qt.ItemDataRole.ToolTipRole: words,
                    SORT_ROLE: _STATUS_ORDER[status]}.get(role)
        value = self._value(draft, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""  # the last column says why
            return hours_shown(value) if column == self.COL_HOURS else format_money(value)
        if role == SORT_ROLE:
            return _hundredths(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        return None


class FiguresTableModel(RowsTableModel):
    """A read-only table of names and figures: money as £1,234.56 and right-aligned, sorting by value."""

    def __init__(self, headers: Sequence[str], parent=None):
        super().__init__(parent, headers)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_money(value) if isinstance(value, Decimal) else str(value)
        if role == SORT_ROLE:
            if isinstance(value, Decimal):
                return _hundredths(value)
            return value.lower() if isinstance(value, str) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (Decimal, int)):
            return RIGHT
        return None


# --- a pay run's warnings, extras and payments in words ---------------------------------------

PER_PERIOD = {"weekly": "a week", "fortnightly": "a fortnight", "four-weekly": "every four weeks", "monthly": "a month"}


def _pounds(amount: Decimal) -> str:
    """£833 for whole pounds (as the thresholds are published), otherwise £833.50."""
    return f"£{int(amount):,}" if amount == amount.to_integral_value() else format_money(amount)


def flag_lines(run: PayRunDraft) -> list[tuple[str, str]]:
    """Each payslip's flags in words, every one saying what to do next."""
    lines, said = [], set()  # `said`: employer-wide lines, given once
    frequency = run.employer.pay_frequency
    for d in run.pas:
        slip, name = d.payslip, d.pa.name
        if slip is None:
            continue
        flags = set(slip.flags)
        if "PENSION_ENROL_NOW" in flags:
            try:
                trigger = _pounds(pension.thresholds(frequency, run.pay_date).earnings_trigger)
                age = pension.age_band(run.pay_date).automatic_enrolment_min_age
                why = f"they earn over {trigger} {PER_PERIOD[frequency.value]} and are {age} or over"
            except RatesError:
                why = "they earn enough and are old enough to be enrolled automatically"
            lines.append(("warning", f"Needs attention: Enrol {name} in your workplace pension: {why}. Write to tell "
                                     "them, then record their pension on the People page."))
        if "TAX_REFUND" in flags:
            lines.append(("info", f"For information: {name} gets {format_money(-slip.tax)} of tax back (a refund), "
                                  "because they paid more than they owe so far this tax year. It is added to their "
                                  "take-home pay and taken off what you pay HMRC."))
        if "MINIMUM_WAGE_OVERRIDDEN" in flags:
            lines.append(("warning", f"Needs attention: {name} is paid {format_money(slip.minimum_wage_shortfall)} "
                                     f"below the legal minimum. You recorded why: “{slip.minimum_wage_reason}”. "
                                     "Pay them what they are owed as soon as you can."))
        if "NET_PAY_NEGATIVE" in flags:
            lines.append(("warning", f"Needs attention: {name}'s deductions are more than their pay. Make a "
                                     "deduction smaller or move it to a later pay day."))
        if "K_CODE_LIMIT" in flags:
            lines.append(("info", f"For information: {name}'s tax is limited to half their pay, as the law sets for "
                                  "K tax codes. HMRC collects the rest later."))
        if "TAX_WEEK1_BASIS" in flags or "TAX_EXTRA_WEEK_PAYDAY" in flags:
            lines.append(("info", f"For information: {name}'s tax is worked out on this pay period alone "
                                  "(week 1 or month 1 basis), as their tax code or this pay day requires."))
        if "LEAVER" in flags:
            lines.append(("info", f"For information: this is {name}'s last pay, with any holiday owed. Give them "
                                  "a P45 from Basic PAYE Tools after you finalise."))
        if "MINIMUM_WAGE_NOT_COVERED" in flags:
            lines.append(("info", f"For information: {name} is under school-leaving age, so the minimum wage "
                                  "does not apply. Check the rules on employing children with your council."))
        if any(f.startswith("SSP_") for f in flags):
            lines.append(("info", f"For information: {name} has sick days in this period. Their payslip shows "
                                  "the Statutory Sick Pay paid and the days it was not due."))
        scheme = [line for line in slip.lines if line.code == "OSP"]
        if scheme:
            days = {kind: sum(line.quantity or 0 for line in scheme if line.description == kind)
                    for kind in ("FULL", "HALF")}
            parts = [f"{n} day{'s' if n != 1 else ''} at {words}" for n, words in
                     ((days["FULL"], "full pay"), (days["HALF"], "half pay")) if n]
            lines.append(("info", f"For information: {name} gets {format_money(sum(line.amount for line in scheme))} "
                                  f"from your sick pay scheme on top of Statutory Sick Pay ({' and '.join(parts)})."))
        if "EMPLOYMENT_ALLOWANCE_USED_UP" in flags and "allowance" not in said:
            said.add("allowance")
            lines.append(("info", "For information: you have used all of this tax year's Employment Allowance, "
                                  "so from now on you pay all of the employer's National Insurance."))
    return lines


def payment_sentence(payment: pay_day.Payment, pay_date: date) -> str:
    """'Pay Janet Moyo £1,365.84 on 30 October 2026 (take-home pay).' A deadline says 'by'."""
    when = "on" if payment.by == pay_date else "by"
    what = payment.what[:1].lower() + payment.what[1:]
    if "(" in what:  # no brackets inside brackets
        return f"Pay {payment.to} {format_money(payment.amount)} {when} {format_date(payment.by)}: {what}."
    return f"Pay {payment.to} {format_money(payment.amount)} {when} {format_date(payment.by)} ({what})."


_PAYEE_KINDS = {"NET_PAY": "take-home pay", "HMRC": "tax and National Insurance", "PENSION": "pension contributions"}


def payment_file_line(payment: payment_file.Payment) -> str:
    """'Ann Cole, account ending 5678: £987.65 (take-home pay), reference WAGES 30 OCT 2026.' Bank details are
    personal data: only the last 4 digits of the account number are ever listed."""
    return (f"{payment.to.name}, account ending {payment.to.account_number[-4:]}: {format_money(payment.amount)} "
            f"({_PAYEE_KINDS[payment.kind]}), reference {payment.reference}.")


_TAXED = {"bonus": "a bonus, taxed", "back_pay": "back pay, taxed", "arrears": "minimum-wage arrears, taxed"}


def extra_sentence(extra: pay_day.Extra, pa_name: str) -> str:
    """'Janet Moyo: Mileage, £12.50 added (expenses, not taxed)'."""
    if extra.kind == "addition":
        return f"{pa_name}: {extra.description}, {format_money(extra.amount)} added (expenses, not taxed)"
    if extra.kind in _TAXED:
        return f"{pa_name}: {extra.description}, {format_money(extra.amount)} added ({_TAXED[extra.kind]})"
    return f"{pa_name}: {extra.description}, {format_money(extra.amount)} taken off (for {extra.purpose})"


def arrears_sentence(due: pay_day.ArrearsDue) -> str:
    return (f"Needs attention: you owe {due.pa_name} {format_money(due.amount)} of minimum-wage arrears for the "
            f"pay day of {format_date(due.relates_to)} (they were paid {format_money(due.shortfall)} too little; the law "
            "says arrears are paid at today's rate). Choose Add minimum-wage arrears to pay them in this pay run.")


def repeated_run_sentence(run) -> str:
    """For a pay run an older version let through, which paid a period already paid."""
    first = run.already_paid_by
    return (f"Needs attention: this pay run paid {date_range(run.period_start, run.period_end)} again: the pay run of "
            f"{format_date(first.pay_date)} had paid it. If the same hours were paid twice, take the overpayment back "
            "in the next pay run (Add expenses, a bonus or a deduction, then Taking back an overpayment of wages).")


_SENT_HOW = {"FILE_SENT": "the file saved here was sent", "BASIC_PAYE_TOOLS": "sent with Basic PAYE Tools",
             "TRANSACTION_ENGINE": "sent by PA Manager",
             "BEFORE_RTI_FILES": "reported with Basic PAYE Tools, before PA Manager made FPS files"}


def fps_status_line(report, pay_date: date, today: date) -> tuple[str, str]:
    """(status code, sentence) for a pay run's FPS (services.rti.Report, or None when nothing was made)."""
    if report is not None and report.sent:
        when = f" (recorded {format_date(report.sent_at.date())})" if report.sent_at else ""
        return "ok", f"Done: the FPS reached HMRC – {_SENT_HOW.get(report.sent_how, 'sent')}{when}."
    made = (f" The FPS file was saved on {format_date(report.made_at.date())} (IRmark {report.irmark}): send it, then "
            "choose I sent the FPS file." if report is not None and report.made_at else "")
    if today > pay_date:
        return "below", f"Late: the FPS was due on or before the pay day, {format_date(pay_date)}.{made}"
    return "warning", f"Due by {format_date(pay_date)}: send HMRC the FPS on or before the pay day.{made}"
