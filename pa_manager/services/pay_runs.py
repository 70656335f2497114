"""Pay day: work out every PA's pay from the hours worked, check it, and finalise it as a permanent
record. A finalised pay run is never changed; later changes to rates or shifts do not touch it.

Gathering the inputs is this module's job; the arithmetic is domain.payroll's.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from pa_manager.domain.bank_holidays import is_bank_holiday
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.holiday import fixed_hours_entitlement
from pa_manager.domain.money import ZERO
from pa_manager.domain.pay_period import (
    Addition, OtherDeduction, PayPeriodInput, PayrollError, YearToDate, pay_reference_period,
)
from pa_manager.domain.pay_rates import PayRateError
from pa_manager.domain.rates import RatesError
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.payroll import calculate_payslip
from pa_manager.domain.pension import Membership, MembershipStatus, PensionScheme, TaxRelief
from pa_manager.domain.people import PARecord, pay_terms
from pa_manager.domain.shifts import ShiftType, local_date, minutes_to_hours, paid_minutes
from pa_manager.domain.sick_pay import average_weekly_earnings
from pa_manager.domain.tax_code import TaxCodeError
from pa_manager.domain.tax_year import tax_year_label
from pa_manager.domain.validation import Problem
from pa_manager.messages import describe, format_date
from pa_manager.services.employers import get_employer
from pa_manager.services.errors import ServiceError
from pa_manager.services.ledger_entries import add_pay_run_entries
from pa_manager.services.payslip_figures import PayslipFigures, from_json, from_payslip, to_json
from pa_manager.services.people import list_pas
from pa_manager.services.rota import list_patterns
from pa_manager.services.shifts import shifts_between
from pa_manager.storage import models
from pa_manager.storage.database import Database

WEEKDAYS = (0, 1, 2, 3, 4)


@dataclass(frozen=True)
class PADraft:
    """One PA in a pay run: their payslip's figures, or why their pay cannot be worked out."""

    pa: PARecord
    payslip: PayslipFigures | None
    problem: str | None = None  # a sentence saying what to put right

    @property
    def needs_reason(self) -> bool:
        """Below the minimum wage with no reason recorded: finalising is blocked."""
        return self.payslip is not None and self.payslip.needs_reason


@dataclass(frozen=True)
class PayRunDraft:
    employer: EmployerRecord
    pay_date: date
    period_start: date
    period_end: date
    pas: tuple[PADraft, ...]
    finalised: bool  # already finalised: these are the stored payslips' figures

    @property
    def blocking(self) -> list[str]:
        """Sentences saying what stops this pay run being finalised."""
        found = [f"{d.pa.name}: {d.problem}" for d in self.pas if d.problem]
        found += [f"{d.pa.name} is paid below the legal minimum wage. Raise their pay, or record why." for d in self.pas
                  if d.needs_reason]
        return found


# --- pay dates ---------------------------------------------------------------------------------


def default_pay_date(employer: EmployerRecord, today: date) -> date:
    """The next pay day on or after today: the last working day of the month for monthly pay,
    otherwise the next Friday. A starting point the user can change."""
    if employer.pay_frequency is PayFrequency.MONTHLY:
        end = pay_reference_period(today, PayFrequency.MONTHLY)[1]
        while end.weekday() >= 5:
            end -= timedelta(days=1)
        return end
    return today + timedelta(days=(4 - today.weekday()) % 7)


# --- gathering one PA's period ------------------------------------------------------------------


def _year_to_date(session, pa_id: int, tax_year: str, before: date) -> YearToDate:
    """This employment's figures so far in the tax year, from the last finalised payslip before `before`."""
    row = session.execute(
        select(models.StoredPayslip).join(models.PayRun)
        .where(models.StoredPayslip.pa_id == pa_id, models.PayRun.tax_year == tax_year, models.PayRun.pay_date < before)
        .order_by(models.PayRun.pay_date.desc()).limit(1)
    ).scalar()
    if row is None:
        return YearToDate()
    return from_json(row.document).year_to_date


def _history(session, pa_id: int, since: date, before: date) -> list[tuple[date, models.StoredPayslip]]:
    return list(session.execute(
        select(models.PayRun.pay_date, models.StoredPayslip).join(models.PayRun)
        .where(models.StoredPayslip.pa_id == pa_id, models.PayRun.pay_date >= since, models.PayRun.pay_date < before)
        .order_by(models.PayRun.pay_date)
    ).all())


def _average_hourly(history, fallback: Decimal | None) -> Decimal:
    """Holiday pay for variable pay: average pay for work an hour over the last 52 weeks of payslips."""
    hours = sum((slip.hours for _, slip in history), ZERO)
    pay = sum((slip.gross_pay - slip.ssp for _, slip in history), ZERO)
    if hours > 0:
        return pay / hours
    return fallback or ZERO


def _leave_year_start(day: date) -> date:
    """Leave years run from 1 April (the employer's choice; April matches the pay and budget years)."""
    start = date(day.year, 4, 1)
    return start if start <= day else date(day.year - 1, 4, 1)


def _qualifying_weekdays(patterns, pa_id: int) -> tuple[int, ...]:
    days = sorted({d for p in patterns if p.pattern.pa == pa_id for d in p.pattern.weekdays})
    return tuple(days) or WEEKDAYS


def _membership(pa: PARecord) -> Membership | None:
    status = MembershipStatus(pa.pension_status)
    if status is MembershipStatus.NOT_MEMBER:
        return None
    contributes = status in (MembershipStatus.ENROLLED, MembershipStatus.OPTED_IN)
    return Membership(status, pa.pension_active_from, pa.pension_active_from, contributes)


def _scheme(employer: EmployerRecord) -> PensionScheme:
    return PensionScheme(employer.pension_employer_rate, employer.pension_employee_rate,
                         TaxRelief(employer.pension_tax_relief), employer.pension_provider)


def _adjustments(session, pa_id: int, pay_date: date):
    rows = session.scalars(select(models.PayAdjustment).where(
        models.PayAdjustment.pa_id == pa_id, models.PayAdjustment.pay_date == pay_date).order_by(models.PayAdjustment.id))
    additions, deductions = [], []
    for r in rows:
        if r.kind == "addition":
            additions.append(Addition(r.description, r.amount))
        else:
            deductions.append(OtherDeduction(r.description, r.purpose, r.amount, r.for_employer))
    return tuple(additions), tuple(deductions)


def _period_input(session, employer: EmployerRecord, pa: PARecord, pay_date: date, start: date, end: date,
                  shifts, patterns, allowance_used: Decimal, earlier_sickness: tuple[date, ...]) -> PayPeriodInput:
    tax_year = tax_year_label(pay_date)
    terms = pay_terms(pa.pay_rates)
    mine = [s for s in shifts if s.pa == pa.id]
    worked = tuple(s for s in mine if s.shift_type not in (ShiftType.HOLIDAY, ShiftType.SICKNESS))
    holiday_minutes = sum(paid_minutes(s) for s in mine if s.shift_type is ShiftType.HOLIDAY)
    sick_days = tuple(sorted({local_date(s) for s in mine if s.shift_type is ShiftType.SICKNESS}))
    history = _history(session, pa.id, pay_date - timedelta(weeks=52), pay_date)
    holiday_rate = _average_hourly(history, pa.rate_on(end)) if pa.irregular_hours else (pa.rate_on(end) or ZERO)
    leave_year = _leave_year_start(start)
    accrued_this_year = sum((slip.holiday_hours_accrued for day, slip in history if day >= leave_year), ZERO)
    taken_this_year = sum((slip.holiday_hours_taken for day, slip in history if day >= leave_year), ZERO)
    leaver = pa.leaving_date is not None and start <= pa.leaving_date <= end
    owed = ZERO
    if leaver:
        if pa.irregular_hours:
            entitled = accrued_this_year
        else:
            entitled = fixed_hours_entitlement(pa.contracted_hours or ZERO, Decimal(5), leave_year,
                                               employed_from=pa.start_date, employed_to=pa.leaving_date).hours
        owed = max(ZERO, entitled - taken_this_year - minutes_to_hours(holiday_minutes))
    awe = None
    if sick_days:
        before = _history(session, pa.id, start - timedelta(weeks=8), start)
        if before:
            awe = average_weekly_earnings(sum((s.gross_pay for _, s in before), ZERO), employer.pay_frequency, len(before))
    additions, deductions = _adjustments(session, pa.id, pay_date)
    note = session.scalar(select(models.PayNote.minimum_wage_reason).where(
        models.PayNote.pa_id == pa.id, models.PayNote.pay_date == pay_date))
    return PayPeriodInput(
        frequency=employer.pay_frequency, pay_date=pay_date, period_start=start, period_end=end,
        date_of_birth=pa.date_of_birth, tax_code=pa.tax_code, pay_rates=terms.rates, pa=pa.id,
        ni_category=pa.ni_category, apprentice=pa.apprentice, apprenticeship_start=pa.apprenticeship_start,
        shifts=worked, sleep_in_allowances=terms.sleep_in_allowances, enhancements=terms.enhancements,
        is_bank_holiday=lambda d: is_bank_holiday(d, employer.nation),
        holiday_hours_taken=minutes_to_hours(holiday_minutes),
        holiday_pay_rate=ZERO if pa.rolled_up_holiday else holiday_rate,
        irregular_hours=pa.irregular_hours, leave_year_start=leave_year,
        holiday_accrued_in_leave_year=accrued_this_year, rolled_up_holiday=pa.rolled_up_holiday and pa.irregular_hours,
        sickness_days=sick_days, sickness_history=earlier_sickness,
        qualifying_weekdays=_qualifying_weekdays(patterns, pa.id), average_weekly_earnings=awe,
        additions=additions, deductions=deductions,
        year_to_date=_year_to_date(session, pa.id, tax_year, pay_date),
        previous_employment_pay=pa.p45_pay or ZERO if pa.p45_tax_year == tax_year else ZERO,
        previous_employment_tax=pa.p45_tax or ZERO if pa.p45_tax_year == tax_year else ZERO,
        pension_scheme=_scheme(employer), pension_membership=_membership(pa),
        claims_employment_allowance=employer.claims_employment_allowance, employment_allowance_used=allowance_used,
        leaver=leaver, holiday_owed_hours=owed, holiday_owed_rate=holiday_rate if owed else ZERO,
        minimum_wage_override_reason=note or "",
    )


def _allowance_used(session, employer_id: int, tax_year: str, before: date) -> Decimal:
    rows = session.scalars(select(models.StoredPayslip.employment_allowance).join(models.PayRun).where(
        models.PayRun.employer_id == employer_id, models.PayRun.tax_year == tax_year, models.PayRun.pay_date < before))
    return sum(rows, ZERO)


def _cannot(pa: PARecord) -> str | None:
    """What stops a PA's pay being worked out at all, in words."""
    if pa.date_of_birth is None:
        return "Add their date of birth on the People page."
    if not pa.tax_code:
        return "Add their tax code on the People page (from their P45 or starter checklist)."
    return None


def prepare_pay_run(db: Database, employer_id: int, pay_date: date) -> PayRunDraft:
    """Everyone's pay for the pay date: from the stored record if already finalised, otherwise
    worked out now from the hours recorded."""
    stored = finalised_pay_run(db, employer_id, pay_date)
    if stored is not None:
        return stored
    employer = get_employer(db, employer_id)
    start, end = pay_reference_period(pay_date, employer.pay_frequency)
    pas = [pa for pa in list_pas(db, employer_id)
           if (pa.start_date is None or pa.start_date <= end) and (pa.leaving_date is None or pa.leaving_date >= start)]
    shifts = shifts_between(db, employer_id, start, end)
    patterns = list_patterns(db, employer_id)
    # Sickness in the three years before: spells link across 56 days, and SSP stops after 28 weeks.
    sickness = {}
    for shift in shifts_between(db, employer_id, start - timedelta(days=3 * 365), start - timedelta(days=1),
                                shift_type=ShiftType.SICKNESS):
        sickness.setdefault(shift.pa, set()).add(local_date(shift))
    drafts = []
    with db.session() as s:
        allowance_used = _allowance_used(s, employer_id, tax_year_label(pay_date), pay_date)
        for pa in pas:
            problem = _cannot(pa)
            if problem:
                drafts.append(PADraft(pa, None, problem))
                continue
            try:
                slip = calculate_payslip(_period_input(s, employer, pa, pay_date, start, end, shifts, patterns,
                                                       allowance_used, tuple(sorted(sickness.get(pa.id, ())))))
            except PayRateError:
                drafts.append(PADraft(pa, None, "Add an hourly rate that covers every shift in this pay period."))
                continue
            except TaxCodeError as error:
                drafts.append(PADraft(pa, None, describe(Problem(error.code, pa.tax_code))))
                continue
            except RatesError:
                drafts.append(PADraft(pa, None, describe(Problem("NO_RATES_FOR_TAX_YEAR", tax_year_label(pay_date)))))
                continue
            except PayrollError as error:
                drafts.append(PADraft(pa, None, f"Their pay cannot be worked out ({error.code}). Check their details."))
                continue
            allowance_used += slip.employment_allowance_claimed
            drafts.append(PADraft(pa, from_payslip(slip, pa.id, pa.name)))
    return PayRunDraft(employer, pay_date, start, end, tuple(drafts), finalised=False)


# --- finalising and the record ------------------------------------------------------------------


def record_minimum_wage_reason(db: Database, employer_id: int, pa_id: int, pay_date: date, reason: str) -> None:
    """Record why a shortfall is accepted (for example, arrears will be paid next pay day), or clear it."""
    with db.session() as s:
        row = s.scalar(select(models.PayNote).where(models.PayNote.pa_id == pa_id, models.PayNote.pay_date == pay_date))
        if not reason.strip():
            if row is not None:
                s.delete(row)
            return
        row = row or models.PayNote(employer_id=employer_id, pa_id=pa_id, pay_date=pay_date)
        row.minimum_wage_reason = reason.strip()
        s.add(row)


def finalise_pay_run(db: Database, employer_id: int, pay_date: date, now: datetime) -> PayRunDraft:
    """Store the pay run for good, in one transaction. Refused, with the reasons, while any PA's pay
    cannot be worked out or is below the minimum wage without a recorded reason."""
    draft = prepare_pay_run(db, employer_id, pay_date)
    if draft.finalised:
        raise ServiceError(f"The pay run for {format_date(pay_date)} is already finalised. Make any corrections in the next pay run.")
    if draft.blocking:
        raise ServiceError(" ".join(draft.blocking))
    slips = [d for d in draft.pas if d.payslip is not None]
    if not slips:
        raise ServiceError(f"Nobody is due pay for the period ending {format_date(draft.period_end)}. Check the pay date.")
    first = slips[0].payslip
    with db.session() as s:
        run = models.PayRun(employer_id=employer_id, pay_date=pay_date, period_start=draft.period_start,
                            period_end=draft.period_end, frequency=first.frequency, tax_year=first.tax_year,
                            period=first.period, finalised_at=now)
        s.add(run)
        s.flush()
        for d in slips:
            slip = d.payslip
            s.add(models.StoredPayslip(
                employer_id=employer_id, pay_run_id=run.id, pa_id=d.pa.id, tax_code=slip.tax_code,
                ni_category=slip.ni_category, hours=slip.hours, gross_pay=slip.gross_pay, taxable_pay=slip.taxable_pay,
                tax=slip.tax, employee_ni=slip.employee_ni, employer_ni=slip.employer_ni,
                employment_allowance=slip.employment_allowance, employee_pension=slip.employee_pension,
                employer_pension=slip.employer_pension, ssp=slip.ssp, additions=slip.additions_total,
                net_pay=slip.net_pay, holiday_hours_accrued=slip.holiday_hours_accrued,
                holiday_hours_taken=slip.holiday_hours_taken, minimum_wage_ok=slip.minimum_wage_ok,
                minimum_wage_reason=slip.minimum_wage_reason, document=to_json(slip),
            ))
        add_pay_run_entries(s, employer_id, pay_date, [d.payslip for d in slips])
    return finalised_pay_run(db, employer_id, pay_date)


def finalised_pay_run(db: Database, employer_id: int, pay_date: date) -> PayRunDraft | None:
    """A finalised pay run exactly as stored (None if there is none for that date)."""
    with db.session() as s:
        run = s.scalar(select(models.PayRun).where(models.PayRun.employer_id == employer_id,
                                                   models.PayRun.pay_date == pay_date))
        if run is None:
            return None
        slips = [from_json(row.document) for row in s.scalars(
            select(models.StoredPayslip).where(models.StoredPayslip.pay_run_id == run.id).order_by(models.StoredPayslip.id))]
        period = (run.period_start, run.period_end)
    pas = {pa.id: pa for pa in list_pas(db, employer_id)}
    return PayRunDraft(get_employer(db, employer_id), pay_date, *period,
                       tuple(PADraft(pas[slip.pa_id], slip) for slip in slips), finalised=True)


def pay_run_dates(db: Database, employer_id: int) -> list[date]:
    """Pay dates of finalised pay runs, newest first."""
    with db.session() as s:
        return list(s.scalars(select(models.PayRun.pay_date).where(models.PayRun.employer_id == employer_id)
                              .order_by(models.PayRun.pay_date.desc())))
