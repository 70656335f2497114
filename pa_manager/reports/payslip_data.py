"""A payslip in words: a finalised pay record laid out as the payslip document (ERA 1996 s.8) that
pa_manager.reports.payslip draws, with the names of its lines, its notes and its holiday position.

Everything printed comes from the record kept when the pay run was finalised (domain.pay_record):
the names, NI number, figures and holiday position as they were on the day, whatever has changed
since. Nothing here reads a PA's or employer's current details, or works a figure out again.
"""
from __future__ import annotations

from decimal import Decimal

from pa_manager.domain import holiday as rules
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_record import PayRecord
from pa_manager.messages import format_date
from pa_manager.reports import payslip as doc
from pa_manager.wording import FAMILY_PAY_NAMES, SHIFT_TYPE_NAMES

_LINE_NAMES = {
    "PREMIUM": "Extra pay for weekends and bank holidays",
    "HOLIDAY_ON_LEAVING": "Holiday owed on leaving",
}
_ONE_OFF_NAMES = {"BONUS": "Bonus", "BACK_PAY": "Back pay", "PAY_IN_LIEU_OF_NOTICE": "Pay in lieu of notice"}
_DEDUCTIONS = {
    "INCOME_TAX": ("Income tax", "Paid to HMRC for you"),
    "EMPLOYEE_NI": ("National Insurance", "Paid to HMRC for you"),
}
_RELIEF = {
    "relief-at-source": "Relief at source: your pension provider claims basic-rate tax relief and adds it to your pension.",
    "net-pay": "Net pay arrangement: taken before tax, so you get tax relief straight away.",
}
_PAYMENT_METHODS = {"BANK_TRANSFER": "Bank transfer"}


def _tax_period(record: PayRecord) -> str:
    return f"Month {record.period}" if record.frequency == PayFrequency.MONTHLY.value else f"Week {record.period}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _pay_lines(record: PayRecord):
    lines, holiday, rolled_up, sick = [], None, None, None
    first_osp = None  # where the employer's sick pay lines start
    for line in record.lines:
        if line.code == "BASIC":
            name = SHIFT_TYPE_NAMES.get(line.shift_type or "standard", "Hours worked").capitalize()
            name = f"{name} hours" if line.shift_type == "standard" else name
            why = f" ({line.description})" if line.description else ""  # a pay scale step, say
            lines.append(doc.PayLine(name + why, line.hours, line.rate, line.amount))
        elif line.code == "HOLIDAY":
            holiday = doc.PayLine("Holiday pay", line.hours, line.rate, line.amount)
        elif line.code == "ROLLED_UP_HOLIDAY":
            rolled_up = doc.PayLine("Rolled-up holiday pay (12.07% of pay for work done)", None, None, line.amount)
        elif line.code == "SSP":
            days = f", {_plural(line.quantity, 'day')}" if line.quantity else ""
            sick = doc.PayLine(f"Statutory Sick Pay{days}", None, None, line.amount)
        elif line.code == "OSP":
            first_osp = len(lines) if first_osp is None else first_osp
            part = "full pay" if line.description == "FULL" else "half pay"
            days = _plural(line.quantity, "day") if line.quantity else "days"
            each = f" (£{line.rate:,.2f} a day)" if line.rate is not None else ""
            lines.append(doc.PayLine(f"Your employer's sick pay above Statutory Sick Pay, {days} at {part}{each}",
                                     None, None, line.amount))
        elif line.code in FAMILY_PAY_NAMES:
            days = f", {_plural(line.quantity, 'day')} at £{line.rate:,.2f} a week" if line.quantity and line.rate else ""
            lines.append(doc.PayLine(f"{FAMILY_PAY_NAMES[line.code]}{days}", None, None, line.amount))
        elif line.code == "SLEEP_IN_ALLOWANCE":
            count = f", {_plural(line.quantity, 'night')}" if line.quantity else ""
            lines.append(doc.PayLine(f"Sleep-in allowance{count}", None, None, line.amount))
        elif line.code in _ONE_OFF_NAMES:
            lines.append(doc.PayLine(f"{_ONE_OFF_NAMES[line.code]}: {line.description}", None, None, line.amount))
        elif line.code == "MINIMUM_WAGE_ARREARS":
            lines.append(doc.PayLine(line.description or "Minimum wage arrears", None, None, line.amount))
        else:
            lines.append(doc.PayLine(_LINE_NAMES.get(line.code, line.code.replace("_", " ").capitalize()),
                                     line.hours, line.rate, line.amount))
    if sick is not None and first_osp is not None:
        # The employer's sick pay is what it adds above SSP: SSP first, then the lines on top of it.
        lines.insert(first_osp, sick)
        sick = None
    return tuple(lines), holiday, rolled_up, sick


def _deductions(record: PayRecord):
    out = []
    for d in record.deductions:
        if d.code in _DEDUCTIONS:
            name, purpose = _DEDUCTIONS[d.code]
            out.append(doc.Deduction(name, purpose, d.amount))
        elif d.code == "STUDENT_LOAN":
            out.append(doc.Deduction(f"Student Loan (Plan {d.description})" if d.description else "Student Loan",
                                     "Paid to HMRC towards your student loan", d.amount))
        elif d.code == "ATTACHMENT_OF_EARNINGS":
            out.append(doc.Deduction(f"Attachment of earnings order {d.description}",
                                     f"Paid to {d.purpose or 'the court'} under the court's order", d.amount))
        elif d.code == "ATTACHMENT_FEE":
            out.append(doc.Deduction("Attachment of earnings: employer's fee",
                                     f"Kept by your employer towards the cost of order {d.description}, as the law "
                                     "allows", d.amount))
        elif d.code == "POSTGRADUATE_LOAN":
            out.append(doc.Deduction("Postgraduate Loan", "Paid to HMRC towards your Postgraduate Loan", d.amount))
        elif d.code == "PENSION":
            out.append(doc.Deduction("Pension", "Paid into your workplace pension", d.amount,
                                     _RELIEF.get(record.employer.pension_tax_relief, "")))
        else:
            out.append(doc.Deduction(d.description, d.purpose, d.amount))
    return tuple(out)


def _hours(value: Decimal) -> Decimal:
    return value.quantize(doc.HUNDREDTH)


def _holiday(record: PayRecord) -> doc.HolidayHours | None:
    """The holiday position kept with the record, in the words that fit how the PA's holiday works:
    a year's entitlement (fixed hours) is not the same thing as what has been earned so far."""
    h = record.holiday
    if h is None:
        return None
    lines: list[tuple[str, Decimal]] = []
    if h.basis == rules.FIXED_HOURS and h.entitlement is not None:
        lines.append(("Entitlement this year", h.entitlement))
    if h.earned is not None:
        lines.append(("Earned so far", h.earned))
    lines.append(("Taken so far", h.taken))
    if h.paid_on_leaving:
        lines.append(("Paid on leaving", h.paid_on_leaving))
    if h.remaining is not None:
        lines.append(("Left to take", h.remaining))
    year = f"{format_date(h.leave_year_start)} to {format_date(h.leave_year_end)}"
    return doc.HolidayHours(tuple((label, _hours(value)) for label, value in lines), year)


def _notes(record: PayRecord) -> tuple[str, ...]:
    notes = []
    if not record.minimum_wage_ok and record.minimum_wage_reason:
        notes.append(f"Pay for this period was below the legal minimum wage. Reason recorded: {record.minimum_wage_reason}")
    if record.previous_employment_pay:
        notes.append("Tax takes account of the pay and tax on your P45 from your previous job this tax year.")
    if record.holiday is not None and record.holiday.basis == rules.ROLLED_UP:
        notes.append("Your holiday pay is paid with each pay, as rolled-up holiday pay: take your holiday unpaid.")
    return tuple(notes)


def document_for(record: PayRecord) -> doc.PayslipData:
    """One payslip, from its record alone."""
    e, pa, ytd = record.employer, record.pa_details, record.year_to_date
    pay_lines, holiday_pay, rolled_up, sick = _pay_lines(record)
    return doc.PayslipData(
        employer_name=e.name, employer_address="\n".join(part for part in (e.address, e.postcode) if part),
        paye_reference=e.paye_reference,
        pa_name=pa.name, ni_number=pa.ni_number, tax_code=record.tax_code, ni_category=record.ni_category,
        pay_date=record.pay_date, period_start=record.period_start, period_end=record.period_end,
        tax_period=_tax_period(record), pay_lines=pay_lines, holiday_pay=holiday_pay,
        rolled_up_holiday_pay=rolled_up, sick_pay=sick, net_pay=record.net_pay,
        payment_method=_PAYMENT_METHODS.get(record.payment_method, "Bank transfer"),
        deductions=_deductions(record),
        additions=tuple(doc.Addition(a.description, a.amount) for a in record.additions),
        employer_costs=doc.EmployerCosts(record.employer_ni, record.employer_pension),
        holiday=_holiday(record),
        year_to_date=doc.YearToDate(
            ytd.gross_pay, ytd.taxable_pay, ytd.tax, ytd.employee_ni, ytd.employee_pension,
            record.tax_year.replace("-", " to 20"),
            student_loan=ytd.student_loan if (ytd.student_loan or pa.student_loan_plan) else None,
            postgraduate_loan=ytd.postgraduate_loan if (ytd.postgraduate_loan or pa.postgraduate_loan) else None),
        notes=_notes(record),
    )
