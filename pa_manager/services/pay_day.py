"""After a pay run: what to pay whom and by when, the figures for HMRC's Basic PAYE Tools, the year's
totals per PA, and the extras (expenses and agreed deductions) entered before a pay run."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from pa_manager.domain import payroll
from pa_manager.domain.money import ZERO
from pa_manager.domain.payroll import YearTotals
from pa_manager.domain.tax_year import hmrc_payment_due, tax_month_end, tax_year_label
from pa_manager.domain.validation import Problem
from pa_manager.messages import format_date
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.pay_runs import PayRunDraft, finalised_pay_run, pay_run_dates
from pa_manager.services.payslip_figures import PayslipFigures
from pa_manager.storage import models
from pa_manager.storage.database import Database


@dataclass(frozen=True)
class Payment:
    to: str  # a PA's name, "HMRC" or the pension provider
    amount: Decimal
    by: date
    what: str  # "Take-home pay", "Tax and National Insurance for the tax month ending 5 December 2026"


@dataclass(frozen=True)
class HMRCMonth:
    """What is owed to HMRC for one tax month (6th to 5th), from every pay run paid in it."""

    month_ends: date
    pay_by: date
    tax: Decimal
    employee_ni: Decimal
    employer_ni: Decimal
    employment_allowance: Decimal
    payslips: tuple[PayslipFigures, ...]

    @property
    def amount_due(self) -> Decimal:
        return self.tax + self.employee_ni + self.employer_ni - self.employment_allowance


def hmrc_month(db: Database, employer_id: int, pay_date: date) -> HMRCMonth:
    month_end = tax_month_end(pay_date)
    slips = []
    for day in pay_run_dates(db, employer_id):
        if tax_month_end(day) == month_end:
            slips += [p.payslip for p in finalised_pay_run(db, employer_id, day).pas]

    def total(name: str) -> Decimal:
        return sum((getattr(s, name) for s in slips), ZERO)

    return HMRCMonth(month_end, hmrc_payment_due(pay_date), total("tax"), total("employee_ni"), total("employer_ni"),
                     total("employment_allowance"), tuple(slips))


def payments_for(db: Database, run: PayRunDraft) -> list[Payment]:
    """Who to pay after this pay run: each PA's take-home pay on the pay day, HMRC by the 22nd after
    the tax month ends, and the pension provider (both parts of the contributions)."""
    payments = [Payment(d.pa.name, d.payslip.net_pay, run.pay_date, "Take-home pay")
                for d in run.pas if d.payslip is not None and d.payslip.net_pay > 0]
    hmrc = hmrc_month(db, run.employer.id, run.pay_date) if run.finalised else None
    if hmrc is not None and hmrc.amount_due > 0:
        payments.append(Payment("HMRC", hmrc.amount_due, hmrc.pay_by,
                                f"Tax and National Insurance for the tax month ending {format_date(hmrc.month_ends)}"))
    pension = sum((d.payslip.employee_pension + d.payslip.employer_pension for d in run.pas if d.payslip), ZERO)
    if pension > 0:
        payments.append(Payment(run.employer.pension_provider or "Your pension provider", pension, run.pay_date,
                                "Pension contributions (yours and your PAs')"))
    return payments


def year_end_summary(db: Database, employer_id: int, tax_year: str) -> list[tuple[str, YearTotals]]:
    """(PA's name, their totals) for a tax year: the figures for their P60, by domain.payroll's rules."""
    slips = [d.payslip for day in pay_run_dates(db, employer_id) if tax_year_label(day) == tax_year
             for d in finalised_pay_run(db, employer_id, day).pas]
    names = {s.pa_id: s.pa_name for s in slips}
    totals = payroll.year_end_summary(slips).values()
    return sorted(((names[t.pa], t) for t in totals), key=lambda pair: pair[0].lower())


# --- extras for a pay day ----------------------------------------------------------------------


@dataclass(frozen=True)
class Extra:
    id: int | None
    pa_id: int
    pay_date: date
    kind: str  # addition (not taxed, e.g. mileage) or deduction (agreed, with its purpose)
    description: str
    amount: Decimal
    purpose: str = ""
    for_employer: bool = False


def list_extras(db: Database, employer_id: int, pay_date: date) -> list[Extra]:
    with db.session() as s:
        rows = s.scalars(select(models.PayAdjustment).where(models.PayAdjustment.employer_id == employer_id,
                                                            models.PayAdjustment.pay_date == pay_date)
                         .order_by(models.PayAdjustment.id))
        return [Extra(r.id, r.pa_id, r.pay_date, r.kind, r.description, r.amount, r.purpose, r.for_employer) for r in rows]


def save_extra(db: Database, employer_id: int, extra: Extra) -> Extra:
    problems = {}
    if not extra.description.strip():
        problems["description"] = Problem("EXTRA_DESCRIPTION_MISSING")
    if extra.amount <= 0:
        problems["amount"] = Problem("EXTRA_AMOUNT_NOT_POSITIVE")
    if extra.kind == "deduction" and not extra.purpose.strip():
        problems["purpose"] = Problem("DEDUCTION_PURPOSE_MISSING")
    if problems:
        raise ValidationFailed(problems)
    if finalised_pay_run(db, employer_id, extra.pay_date) is not None:
        raise ValidationFailed({"amount": Problem("PAY_RUN_ALREADY_FINALISED", extra.pay_date)})
    with db.session() as s:
        row = (s.get(models.PayAdjustment, extra.id) if extra.id else None) or models.PayAdjustment(id=extra.id)
        row.employer_id, row.pa_id, row.pay_date, row.kind = employer_id, extra.pa_id, extra.pay_date, extra.kind
        row.description, row.purpose = extra.description.strip(), extra.purpose.strip()
        row.amount, row.for_employer = extra.amount, extra.for_employer
        s.add(row)
        s.flush()
        return Extra(row.id, extra.pa_id, extra.pay_date, extra.kind, row.description, extra.amount, row.purpose,
                     extra.for_employer)


def delete_extra(db: Database, extra_id: int) -> None:
    with db.session() as s:
        row = s.get(models.PayAdjustment, extra_id)
        if row is not None:
            s.delete(row)
