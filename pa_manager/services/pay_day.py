"""After a pay run: what to pay whom and by when, the figures for HMRC's Basic PAYE Tools and the
year's totals per PA, all read from the finalised pay records (domain.payroll adds them up); and
before one, the extras for a pay day: expenses, deductions, one-off payments and minimum-wage arrears."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from pa_manager.domain import payroll
from pa_manager.domain.minimum_wage import APPRENTICE, MinimumWageError, arrears_for_period
from pa_manager.domain.money import ZERO
from pa_manager.domain.pay_period import check_extra
from pa_manager.domain.payroll import HMRCSummary, YearTotals
from pa_manager.domain.tax_year import tax_month_end, tax_year_end, tax_year_start
from pa_manager.domain.validation import Problem
from pa_manager.messages import format_date
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.pay_runs import ARREARS, PayRunDraft, records_between
from pa_manager.services.undo import Change, Done, Recorder, Rule, done
from pa_manager.storage import models
from pa_manager.storage.database import Database, lock_employer


@dataclass(frozen=True)
class Payment:
    to: str  # a PA's name, "HMRC" or the pension provider
    amount: Decimal
    by: date
    what: str  # "Take-home pay", "Tax and National Insurance for the tax month ending 5 December 2026"


def hmrc_month(db: Database, employer_id: int, pay_date: date) -> HMRCSummary:
    """What is owed to HMRC for the tax month (6th to 5th) the pay date falls in, from every pay
    run paid in it, with each payment's Basic PAYE Tools figures."""
    month_end = tax_month_end(pay_date)
    records = records_between(db, employer_id, month_end - timedelta(days=31), month_end)
    return payroll.hmrc_summary(records, pay_date)


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
        provider = run.pas[0].payslip.employer.pension_provider if run.finalised else run.employer.pension_provider
        payments.append(Payment(provider or "Your pension provider", pension, run.pay_date,
                                "Pension contributions (yours and your PAs')"))
    return payments


def year_end_summary(db: Database, employer_id: int, tax_year: str) -> list[tuple[str, YearTotals]]:
    """(PA's name, their totals) for a tax year: the figures for their P60, by domain.payroll's rules."""
    records = records_between(db, employer_id, tax_year_start(tax_year), tax_year_end(tax_year))
    names = {r.pa_id: r.pa_name for r in records}  # the name on their latest payslip
    totals = payroll.year_end_summary(records).values()
    return sorted(((names[t.pa], t) for t in totals), key=lambda pair: pair[0].lower())


# --- extras for a pay day ----------------------------------------------------------------------


@dataclass(frozen=True)
class Extra:
    id: int | None
    pa_id: int
    pay_date: date
    kind: str  # one of domain.pay_period.EXTRA_KINDS
    description: str
    amount: Decimal
    purpose: str = ""
    for_employer: bool = False
    relates_to: date | None = None  # arrears: the pay day they put right


def list_extras(db: Database, employer_id: int, pay_date: date) -> list[Extra]:
    with db.session() as s:
        rows = s.scalars(select(models.PayAdjustment).where(models.PayAdjustment.employer_id == employer_id,
                                                            models.PayAdjustment.pay_date == pay_date)
                         .order_by(models.PayAdjustment.id))
        return [Extra(r.id, r.pa_id, r.pay_date, r.kind, r.description, r.amount, r.purpose, r.for_employer,
                      r.relates_to) for r in rows]


def _paid_on(session, employer_id: int, pay_date: date) -> bool:
    return session.scalar(select(models.PayRun.id).where(models.PayRun.employer_id == employer_id,
                                                         models.PayRun.pay_date == pay_date)) is not None


def save_extra(db: Database, employer_id: int, extra: Extra) -> Done[Extra]:
    """Put something on a PA's pay for a pay day not yet finalised (PAY_EXTRA_ADDED)."""
    with db.session(write=True) as s:
        recorder = Recorder(s)
        saved = _save_extra(s, employer_id, extra)
        recorder.added(models.PayAdjustment, saved.id)
        return done(saved, recorder, "PAY_EXTRA_ADDED", employer_id, name=_pa_name(s, saved.pa_id), kind=saved.kind,
                    description=saved.description)


def _save_extra(s, employer_id: int, extra: Extra) -> Extra:
    problems = check_extra(extra.kind, extra.description, extra.amount, extra.purpose)
    if problems:
        raise ValidationFailed(problems)
    lock_employer(s, employer_id)  # PostgreSQL: finalising takes turns with this (SQLite: the write lock)
    _refuse_if_paid(s, employer_id, extra.pay_date)
    row = models.PayAdjustment()
    row.employer_id, row.pa_id, row.pay_date, row.kind = employer_id, extra.pa_id, extra.pay_date, extra.kind
    row.description, row.purpose = extra.description.strip(), extra.purpose.strip()
    row.amount, row.for_employer, row.relates_to = extra.amount, extra.for_employer, extra.relates_to
    s.add(row)
    s.flush()
    return Extra(row.id, extra.pa_id, extra.pay_date, extra.kind, row.description, extra.amount, row.purpose,
                 extra.for_employer, extra.relates_to)


def _refuse_if_paid(s, employer_id: int, pay_date: date) -> None:
    if _paid_on(s, employer_id, pay_date):
        raise ValidationFailed({"amount": Problem("PAY_RUN_ALREADY_FINALISED", pay_date)})


def _pa_name(s, pa_id: int) -> str:
    pa = s.get(models.PersonalAssistant, pa_id)
    return pa.name if pa else ""


def delete_extra(db: Database, extra_id: int) -> Change | None:
    """Take something off a pay day not yet finalised (PAY_EXTRA_REMOVED); None if it was not there."""
    with db.session(write=True) as s:
        row = s.get(models.PayAdjustment, extra_id)
        if row is None:
            return None
        lock_employer(s, row.employer_id)
        _refuse_if_paid(s, row.employer_id, row.pay_date)
        recorder = Recorder(s)
        recorder.watch(models.PayAdjustment, models.PayAdjustment.id == extra_id)
        facts = dict(name=_pa_name(s, row.pa_id), kind=row.kind, description=row.description)
        s.delete(row)
        return recorder.change("PAY_EXTRA_REMOVED", row.employer_id, **facts)


class PayDayRule(Rule):
    """Undo and redo of what goes on a pay day (extras, and the reason recorded for pay below the
    minimum): never on a pay day already finalised, and an extra put back is checked as adding checks
    it. (A finalised run's own records move only with their whole employer.)"""

    tables = frozenset({"pay_adjustments", "pay_notes"})

    def before(self, s, rows, reversal):
        for r in rows:
            for v in (r.old, r.new):
                if v is not None and v["employer_id"] not in reversal.whole_employers:
                    _refuse_if_paid(s, v["employer_id"], v["pay_date"])

    def after(self, s, rows, state, reversal):
        for r in rows:
            v = r.new
            if r.table == "pay_adjustments" and v is not None:
                problems = check_extra(v["kind"], v["description"], v["amount"], v["purpose"])
                if problems:
                    raise ValidationFailed(problems)


# --- minimum-wage arrears ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ArrearsDue:
    """Arrears owed for a pay day on which a PA was paid below the legal minimum."""

    pa_id: int
    pa_name: str
    relates_to: date   # the pay day that fell short
    shortfall: Decimal
    amount: Decimal    # to pay now: the shortfall at today's rate when that is higher (NMWA 1998 s.17)


def arrears_due(db: Database, employer_id: int, pay_date: date) -> list[ArrearsDue]:
    """Every shortfall in a finalised pay run before `pay_date` that no arrears line puts right yet,
    costed at the rates in force on `pay_date`."""
    records = [r for r in records_between(db, employer_id, date.min, pay_date - timedelta(days=1))
               if r.minimum_wage_shortfall > 0]
    if not records:
        return []
    with db.session() as s:
        settled = set(s.execute(select(models.PayAdjustment.pa_id, models.PayAdjustment.relates_to).where(
            models.PayAdjustment.employer_id == employer_id, models.PayAdjustment.kind == ARREARS)).all())
    due = []
    for r in records:
        if (r.pa_id, r.pay_date) in settled:
            continue
        apprentice = r.minimum_wage_band == APPRENTICE
        try:
            amount = arrears_for_period(r.minimum_wage_shortfall, r.period_start, pay_date,
                                        date_of_birth=r.pa_details.date_of_birth, apprentice=apprentice,
                                        apprenticeship_start=r.period_start if apprentice else None)
        except MinimumWageError:
            amount = r.minimum_wage_shortfall  # no date of birth kept: the shortfall itself, at least
        due.append(ArrearsDue(r.pa_id, r.pa_name, r.pay_date, r.minimum_wage_shortfall, amount))
    return due


def add_arrears(db: Database, employer_id: int, pay_date: date, due: list[ArrearsDue]) -> Done[list[Extra]]:
    """Put the arrears on this pay day's payslips, one taxable line for each short pay day, all in one
    change (ARREARS_ADDED)."""
    with db.session(write=True) as s:
        recorder = Recorder(s)
        added = [_save_extra(s, employer_id, Extra(
            None, item.pa_id, pay_date, ARREARS,
            f"Minimum wage arrears for the pay day of {format_date(item.relates_to)}",
            item.amount, relates_to=item.relates_to)) for item in due]
        recorder.added(models.PayAdjustment, *(x.id for x in added))
        return done(added, recorder, "ARREARS_ADDED", employer_id, total=sum((x.amount for x in added), ZERO))
