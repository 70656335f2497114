"""Payslips as documents: a finalised pay run's figures laid out for the payslip PDF (ERA 1996 s.8)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from pa_manager.domain.holiday import fixed_hours_entitlement
from pa_manager.domain.money import ZERO
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.messages import format_date
from pa_manager.reports import payslip as doc
from pa_manager.services.errors import ServiceError
from pa_manager.services.pay_runs import PayRunDraft, _leave_year_start, finalised_pay_run
from pa_manager.services.payslip_figures import PayslipFigures
from pa_manager.storage import models
from pa_manager.storage.database import Database
from pa_manager.wording import SHIFT_TYPE_NAMES

_LINE_NAMES = {
    "PREMIUM": "Extra pay for weekends and bank holidays",
    "SLEEP_IN_ALLOWANCE": "Sleep-in nights",
    "HOLIDAY_ON_LEAVING": "Holiday owed on leaving",
}
_DEDUCTIONS = {
    "INCOME_TAX": ("Income tax", "Paid to HMRC for you"),
    "EMPLOYEE_NI": ("National Insurance", "Paid to HMRC for you"),
}
_RELIEF = {
    "relief-at-source": "Relief at source: your pension provider claims basic-rate tax relief and adds it to your pension.",
    "net-pay": "Net pay arrangement: taken before tax, so you get tax relief straight away.",
}


def _tax_period(figures: PayslipFigures) -> str:
    return f"Month {figures.period}" if figures.frequency == PayFrequency.MONTHLY.value else f"Week {figures.period}"


def _pay_lines(figures: PayslipFigures):
    lines, holiday, rolled_up, sick = [], None, None, None
    for line in figures.lines:
        if line.code == "BASIC":
            name = SHIFT_TYPE_NAMES.get(line.shift_type or "standard", "Hours worked").capitalize()
            lines.append(doc.PayLine(f"{name} hours" if line.shift_type == "standard" else name, line.hours, line.rate, line.amount))
        elif line.code == "HOLIDAY":
            holiday = doc.PayLine("Holiday pay", line.hours, line.rate, line.amount)
        elif line.code == "ROLLED_UP_HOLIDAY":
            rolled_up = doc.PayLine("Rolled-up holiday pay (12.07% of pay for work done)", None, None, line.amount)
        elif line.code == "SSP":
            days = f", {line.quantity} day{'s' if line.quantity != 1 else ''}" if line.quantity else ""
            sick = doc.PayLine(f"Statutory Sick Pay{days}", None, None, line.amount)
        elif line.code == "SLEEP_IN_ALLOWANCE":
            count = f", {line.quantity} night{'s' if line.quantity != 1 else ''}" if line.quantity else ""
            lines.append(doc.PayLine(f"Sleep-in allowance{count}", None, None, line.amount))
        else:
            lines.append(doc.PayLine(_LINE_NAMES.get(line.code, line.code.replace("_", " ").capitalize()),
                                     line.hours, line.rate, line.amount))
    return tuple(lines), holiday, rolled_up, sick


def _deductions(figures: PayslipFigures, relief: str):
    out = []
    for d in figures.deductions:
        if d.code in _DEDUCTIONS:
            name, purpose = _DEDUCTIONS[d.code]
            out.append(doc.Deduction(name, purpose, d.amount))
        elif d.code == "PENSION":
            out.append(doc.Deduction("Pension", "Paid into your workplace pension", d.amount, _RELIEF.get(relief, "")))
        else:
            out.append(doc.Deduction(d.description, d.purpose, d.amount))
    return tuple(out)


def _holiday(session, figures: PayslipFigures, pa) -> doc.HolidayHours:
    """Holiday hours in the leave year (1 April) up to and including this payslip."""
    start = _leave_year_start(figures.period_start)
    rows = session.execute(
        select(models.StoredPayslip.holiday_hours_accrued, models.StoredPayslip.holiday_hours_taken)
        .join(models.PayRun).where(models.StoredPayslip.pa_id == figures.pa_id, models.PayRun.pay_date >= start,
                                   models.PayRun.pay_date <= figures.pay_date)).all()
    taken = sum((r[1] for r in rows), ZERO)
    if pa.irregular_hours:
        accrued = sum((r[0] for r in rows), ZERO)
    else:
        accrued = fixed_hours_entitlement(pa.contracted_hours or ZERO, Decimal(5), start, employed_from=pa.start_date,
                                          employed_to=pa.leaving_date).hours
    year = f"{format_date(start)} to {format_date(date(start.year + 1, 3, 31))}"
    return doc.HolidayHours(accrued.quantize(Decimal("0.01")), taken, (accrued - taken).quantize(Decimal("0.01")), year)


def payslip_documents(db: Database, employer_id: int, pay_date: date) -> list[doc.PayslipData]:
    run = finalised_pay_run(db, employer_id, pay_date)
    if run is None:
        raise ServiceError(f"There is no finalised pay run for {format_date(pay_date)}. Finalise it first, then make the payslips.")
    return documents_for(db, run)


def documents_for(db: Database, run: PayRunDraft) -> list[doc.PayslipData]:
    e = run.employer
    address = "\n".join(part for part in (e.address, e.postcode) if part)
    out = []
    with db.session() as s:
        for item in run.pas:
            f, pa = item.payslip, item.pa
            pay_lines, holiday, rolled_up, sick = _pay_lines(f)
            ytd = f.year_to_date
            notes = []
            if not f.minimum_wage_ok and f.minimum_wage_reason:
                notes.append(f"Pay for this period was below the legal minimum wage. Reason recorded: {f.minimum_wage_reason}")
            if f.previous_employment_pay:
                notes.append("Tax takes account of the pay and tax on your P45 from your previous job this tax year.")
            out.append(doc.PayslipData(
                employer_name=e.name, employer_address=address, paye_reference=e.paye_reference or "Not recorded",
                pa_name=pa.name, ni_number=pa.ni_number, tax_code=f.tax_code, ni_category=f.ni_category,
                pay_date=f.pay_date, period_start=f.period_start, period_end=f.period_end, tax_period=_tax_period(f),
                pay_lines=pay_lines, holiday_pay=holiday, rolled_up_holiday_pay=rolled_up, sick_pay=sick,
                net_pay=f.net_pay, payment_method="Bank transfer",
                deductions=_deductions(f, e.pension_tax_relief),
                additions=tuple(doc.Addition(a.description, a.amount) for a in f.additions),
                employer_costs=doc.EmployerCosts(f.employer_ni, f.employer_pension),
                holiday=_holiday(s, f, pa),
                year_to_date=doc.YearToDate(ytd.gross_pay, ytd.taxable_pay, ytd.tax, ytd.employee_ni,
                                            ytd.employee_pension, f.tax_year.replace("-", " to 20")),
                notes=tuple(notes),
            ))
    return out


def write_payslip_files(db: Database, employer_id: int, pay_date: date, folder: Path) -> list[Path]:
    """One PDF a PA, in `folder` (made if needed)."""
    documents = payslip_documents(db, employer_id, pay_date)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return doc.write_payslips_separately(documents, folder)


def write_payslips_file(db: Database, employer_id: int, pay_date: date, path: Path) -> int:
    """All of a pay run's payslips in one PDF; returns how many."""
    documents = payslip_documents(db, employer_id, pay_date)
    doc.write_payslips(documents, Path(path))
    return len(documents)
