"""Pay day: work out every PA's pay from the hours worked, check it, and finalise it as a permanent
record, one pay run per pay period.

This module only gathers what the rules need from the stored records and hands it to the domain:
the period (domain.pay_period), the payslip (domain.payroll), holiday pay and the leave year
(domain.holiday), sick pay (domain.sick_pay), the working week (domain.rota) and the record that is
kept (domain.pay_record). Once finalised, a pay run is read back from its records and nothing else.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import and_, func, insert, or_, select, union_all
from sqlalchemy.orm.attributes import flag_modified

from pa_manager.domain import earlier_payroll, holiday, pay_period as one_off, pay_period as one_off_codes, sick_pay
from pa_manager.domain.leaving import REDUNDANCY_PAY
from pa_manager.domain.bank_holidays import is_bank_holiday
from pa_manager.domain.before_paying import PAFacts, ToConfirm, before_paying
from pa_manager.domain.earlier_payroll import EarlierPayroll
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.money import ZERO
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_period import (
    AGREED, OVERPAYMENT, Addition, OneOffPayment, OtherDeduction, PayPeriodInput, PayrollError, YearToDate,
    pay_period, suggested_pay_date,
)
from pa_manager.domain.pay_rates import PayRateError, base_rate_on, shift_cost
from pa_manager.domain.pay_scale import PayStep, scaled_terms, step_for_rate, steps_paid
from pa_manager.domain.pay_record import EmployerDetails, PADetails, PayRecord, from_document, record_of, to_document
from pa_manager.domain.payroll import OSP, PENSION_ENROL_NOW, calculate_payslip
from pa_manager.domain.pension import Membership, MembershipStatus, PensionScheme, TaxRelief
from pa_manager.domain.people import HOURLY, PARecord, pay_terms
from pa_manager.domain.rates import RatesError
from pa_manager.domain.rota import working_weekdays
from pa_manager.domain.shifts import LONDON, Shift, ShiftType, local_date, minutes_to_hours, paid_minutes
from pa_manager.domain.tax_code import TaxCodeError
from pa_manager.domain.tax_year import tax_year_label, tax_year_start
from pa_manager.domain.validation import Problem, check_date_in_range
from pa_manager.messages import format_date
from pa_manager.domain.attachment_of_earnings import EarningsOrderError
from pa_manager.services import earnings_orders, family_leave, history, leaving
from pa_manager.services.employers import employer_in
from pa_manager.services.errors import NotFound, ServiceError
from pa_manager.services.ledger_entries import add_pay_run_entries
from pa_manager.services.mapping import pa_records_where
from pa_manager.services.pay_scale import steps_in
from pa_manager.services.sick_pay_scheme import scheme_for, schemes_in
from pa_manager.services.rota import pattern_record, planned_shifts
from pa_manager.services.shifts import paid_minutes_column, shift_rows, to_shift
from pa_manager.services.undo import Change, Recorder
from pa_manager.storage import models
from pa_manager.storage.database import Database, lock_employer, remembered

# Kinds of pay-day extras (models.PayAdjustment.kind, listed in domain.pay_period) and how the
# payslip treats each.
ADDITION = one_off.EXTRA_ADDITION
DEDUCTION = one_off.EXTRA_DEDUCTION
OVERPAYMENT_RECOVERY = one_off.EXTRA_OVERPAYMENT_RECOVERY
BONUS = one_off.EXTRA_BONUS
BACK_PAY = one_off.EXTRA_BACK_PAY
ARREARS = one_off.EXTRA_ARREARS
_ONE_OFF = {BONUS: one_off.BONUS, BACK_PAY: one_off.BACK_PAY, ARREARS: one_off.MINIMUM_WAGE_ARREARS}
EXTRA_KINDS = one_off.EXTRA_KINDS


@dataclass(frozen=True)
class PADraft:
    """One PA in a pay run: their pay record, or why their pay cannot be worked out."""

    pa: PARecord
    payslip: PayRecord | None
    problem: Problem | None = None  # what to put right

    @property
    def needs_reason(self) -> bool:
        """Below the minimum wage with no reason recorded: finalising is blocked."""
        return self.payslip is not None and self.payslip.needs_reason


@dataclass(frozen=True)
class PaidRun:
    """A finalised pay run, by its dates."""

    pay_date: date
    period_start: date
    period_end: date


@dataclass(frozen=True)
class PayRunDraft:
    employer: EmployerRecord
    pay_date: date
    period_start: date
    period_end: date
    pas: tuple[PADraft, ...]
    finalised: bool  # already finalised: these are the stored records
    already_paid_by: PaidRun | None = None  # another finalised run that paid some of this period
    to_confirm: tuple[ToConfirm, ...] = ()  # what must be seen and confirmed before finalising

    @property
    def confirm_problems(self) -> list[Problem]:
        """What to confirm before finalising (domain.before_paying), one Problem each."""
        return [Problem.of(c.code, c.name or c.day, day=c.day, hours=None if c.hours is None else f"{c.hours.normalize():f}")
                for c in self.to_confirm]

    @property
    def blocking(self) -> list[Problem]:
        """What stops this pay run being finalised."""
        found = []
        if self.already_paid_by is not None and not self.finalised:
            paid = self.already_paid_by
            found.append(Problem.of("PAY_RUN_PERIOD_PAID", (paid.period_start, paid.period_end), pay_date=paid.pay_date))
        found += [Problem.of("PAY_RUN_PA_NOT_WORKED_OUT", d.pa.name, why=d.problem) for d in self.pas if d.problem]
        found += [Problem("PAY_RUN_BELOW_MINIMUM_WAGE", d.pa.name) for d in self.pas if d.needs_reason]
        return found

    @property
    def pays_anyone(self) -> bool:
        return any(d.payslip is not None for d in self.pas)

    @property
    def can_finalise(self) -> bool:
        """Whether finalising may go ahead (once what `to_confirm` lists has been confirmed)."""
        return not self.finalised and not self.blocking and self.pays_anyone


# --- the schedule of pay periods -----------------------------------------------------------------


def _bank_holidays(employer: EmployerRecord):
    return lambda day: is_bank_holiday(day, employer.nation)


def _paid_runs(session, employer_id: int) -> list[PaidRun]:
    """The employer's pay runs by period end, read once a transaction (remembered): the dashboard's next pay
    day and its unpaid work both follow on from them."""
    def read() -> tuple[PaidRun, ...]:
        rows = session.execute(select(models.PayRun.pay_date, models.PayRun.period_start, models.PayRun.period_end)
                               .where(models.PayRun.employer_id == employer_id).order_by(models.PayRun.period_end))
        return tuple(PaidRun(*row) for row in rows)

    return list(remembered(session, ("paid runs", employer_id), read))


def _anchor(runs: list[PaidRun], day: date) -> date | None:
    """An earlier period end to follow on from: the latest by `day`, else the first there is."""
    before = [r.period_end for r in runs if r.period_end <= day]
    return before[-1] if before else (runs[0].period_end if runs else None)


def _period(employer: EmployerRecord, runs: list[PaidRun], pay_date: date) -> tuple[date, date]:
    return pay_period(pay_date, employer.pay_frequency, earlier_period_end=_anchor(runs, pay_date),
                      is_bank_holiday=_bank_holidays(employer))


def _paid_by(runs: list[PaidRun], start: date, end: date) -> PaidRun | None:
    return next((r for r in runs if r.period_start <= end and r.period_end >= start), None)


def _employer(session, employer_id: int) -> EmployerRecord:
    record = employer_in(session, employer_id)
    if record is None:
        raise NotFound("EMPLOYER_GONE_CHOOSE")
    return record


def unpaid_ranges(runs: list[PaidRun], today: date) -> list[tuple[date | None, date]]:
    """The days up to today that no finalised pay run paid for, as (first, last) ranges in order; a first
    of None is from the very beginning."""
    out: list[tuple[date | None, date]] = []
    day: date | None = None  # the first day not known to be paid; None: the beginning
    for start, end in sorted((r.period_start, r.period_end) for r in runs):
        if day is not None and day > today:
            break
        if day is None or start > day:
            last = min(start - timedelta(days=1), today)
            if day is None or last >= day:
                out.append((day, last))
        day = end + timedelta(days=1) if day is None else max(day, end + timedelta(days=1))
    if day is None:
        out.append((None, today))
    elif day <= today:
        out.append((day, today))
    return out


def _unpaid_selects(employer_id: int, runs: list[PaidRun], today: date, *columns) -> list:
    """`columns` of the employer's shifts up to today that no finalised pay run paid for: one select for
    each gap between pay runs, each an indexed range of dates (ix_shifts_employer_id_local_date), so the
    history already paid is never read (one query joining the ranges with OR makes SQLite read every
    shift the employer has)."""
    ranges = unpaid_ranges(runs, today)
    days = models.Shift.local_date
    if len(ranges) > 200:  # an unusual file, pay runs with many gaps: ask the database run by run
        run = models.PayRun
        covered = select(run.id).where(run.employer_id == employer_id, run.period_start <= days, run.period_end >= days)
        return [select(*columns).where(models.Shift.employer_id == employer_id, days <= today, ~covered.exists())]
    return [select(*columns).where(models.Shift.employer_id == employer_id,
                                   days <= last if first is None else days.between(first, last))
            for first, last in ranges]


def _first_unpaid_shift_day(session, employer_id: int, runs: list[PaidRun], today: date) -> date | None:
    """The earliest day up to today with shifts that no finalised pay run has paid for: the first gap
    between pay runs (in order) that holds any shift gives it."""
    firsts = _unpaid_selects(employer_id, runs, today, func.min(models.Shift.local_date).label("day"))
    if not firsts:
        return None
    found = union_all(*firsts).subquery() if len(firsts) > 1 else firsts[0].subquery()
    return session.scalar(select(func.min(found.c.day)))


@dataclass(frozen=True)
class UnpaidWork:
    """A PA's shifts up to today that no finalised pay run has paid, and the pay date that would."""

    pa_id: int
    pa_name: str
    hours: Decimal
    first_day: date
    last_day: date
    pay_date: date
    overdue: bool  # the usual pay day for the earliest of them has passed: they may have been missed


def unpaid_work(db: Database, employer_id: int, today: date) -> list[UnpaidWork]:
    """Every PA with worked time that is in no finalised pay run yet, earliest first."""
    with db.session() as s:
        employer, runs = _employer(s, employer_id), _paid_runs(s, employer_id)
        names = dict(s.execute(select(models.PersonalAssistant.id, models.PersonalAssistant.name).where(
            models.PersonalAssistant.employer_id == employer_id)).all())
        # Each PA's first and last unpaid day and paid minutes, summed by the database over the gaps.
        parts = _unpaid_selects(employer_id, runs, today, models.Shift.pa_id.label("pa_id"),
                                models.Shift.local_date.label("day"), paid_minutes_column().label("minutes"))
        if not parts:  # every day up to today is paid (a pay run paid ahead)
            return []
        unpaid = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
        rows = s.execute(select(unpaid.c.pa_id, func.min(unpaid.c.day), func.max(unpaid.c.day),
                                func.sum(unpaid.c.minutes)).group_by(unpaid.c.pa_id)).all()
    out = []
    for pa_id, first, last, minutes in rows:
        pay_date = suggested_pay_date(first, employer.pay_frequency, earlier_period_end=_anchor(runs, first),
                                      is_bank_holiday=_bank_holidays(employer))
        out.append(UnpaidWork(pa_id, names.get(pa_id, ""), minutes_to_hours(int(minutes)),
                              first, last, pay_date, pay_date < today))
    return sorted(out, key=lambda u: (u.first_day, u.pa_name.lower()))


@dataclass(frozen=True)
class EnrolmentDue:
    """A PA whose latest finalised pay run found they must be enrolled in the workplace pension, who is
    still recorded as not a member."""

    pa_id: int
    pa_name: str
    found_on: date  # the pay day of that pay run


def pension_enrolment_due(db: Database, employer_id: int, today: date) -> list[EnrolmentDue]:
    """Current PAs to enrol in the pension now: their latest payslip says so (an eligible jobholder,
    domain.payroll) and their record still says they are not a member. By name."""
    latest = (select(models.StoredPayslip.pa_id, func.max(models.PayRun.pay_date).label("pay_date"))
              .join(models.PayRun).where(models.PayRun.employer_id == employer_id)
              .group_by(models.StoredPayslip.pa_id).subquery())
    pa = models.PersonalAssistant
    with db.session() as s:
        rows = s.execute(
            select(pa.id, pa.name, models.PayRun.pay_date, models.StoredPayslip.document)
            .join(models.StoredPayslip, models.StoredPayslip.pa_id == pa.id)
            .join(models.PayRun, models.PayRun.id == models.StoredPayslip.pay_run_id)
            .join(latest, and_(latest.c.pa_id == pa.id, latest.c.pay_date == models.PayRun.pay_date))
            .where(pa.employer_id == employer_id, models.PayRun.employer_id == employer_id,
                   pa.pension_status == MembershipStatus.NOT_MEMBER.value,
                   or_(pa.leaving_date.is_(None), pa.leaving_date >= today))).all()
    due = [EnrolmentDue(pa_id, name, pay_date) for pa_id, name, pay_date, document in rows
           if PENSION_ENROL_NOW in json.loads(document).get("flags", ())]
    return sorted(due, key=lambda e: e.pa_name.lower())


@dataclass(frozen=True)
class DaysInPeriod:
    """Some consecutive days of a week (say) and the pay period they fall in."""

    first: date
    last: date
    period_start: date
    period_end: date
    paid_on: date | None  # the finalised pay run that paid them, if one has


def periods_of(db: Database, employer_id: int, first: date, last: date) -> list[DaysInPeriod]:
    """Which pay period each day from `first` to `last` is in, as runs of days: so the Hours page can
    show where its week meets the pay periods (which run Saturday to Friday for weekly pay, say)."""
    with db.session() as s:
        employer, runs = _employer(s, employer_id), _paid_runs(s, employer_id)
    out: list[DaysInPeriod] = []
    day = first
    while day <= last:
        paid = _paid_by(runs, day, day)
        if paid is not None:
            start, end, paid_on = paid.period_start, paid.period_end, paid.pay_date
        else:
            pay_date = suggested_pay_date(day, employer.pay_frequency, earlier_period_end=_anchor(runs, day),
                                          is_bank_holiday=_bank_holidays(employer))
            (start, end), paid_on = _period(employer, runs, pay_date), None
        until = min(end, last)
        out.append(DaysInPeriod(day, until, start, end, paid_on))
        day = until + timedelta(days=1)
    return out


def period_for(db: Database, employer_id: int, pay_date: date) -> tuple[date, date]:
    """The period a pay date would pay for (see domain.pay_period.pay_period)."""
    with db.session() as s:
        return _period(_employer(s, employer_id), _paid_runs(s, employer_id), pay_date)


def default_pay_date(db: Database, employer_id: int, today: date) -> date:
    """The next pay day to suggest: for the earliest unpaid period that holds shifts already worked
    (so no PA goes unpaid), else the first unpaid period from today; its end, moved back to a working
    day before a weekend or a bank holiday. A starting point the user can change."""
    return suggest_pay_day(db, employer_id, today).pay_date


@dataclass(frozen=True)
class SuggestedPayDay:
    pay_date: date
    period_start: date
    period_end: date


def suggest_pay_day(db: Database, employer_id: int, today: date,
                    frequency: PayFrequency | None = None) -> SuggestedPayDay:
    """The pay day default_pay_date suggests and the period it pays for; with `frequency`, as they would
    be if the employer paid that often (the first run shows them before the choice is stored)."""
    with db.session() as s:
        employer, runs = _employer(s, employer_id), _paid_runs(s, employer_id)
        unpaid = _first_unpaid_shift_day(s, employer_id, runs, today)
    if frequency is not None:
        employer = replace(employer, pay_frequency=frequency)
    return _unpaid_period_from(employer, runs, min(today, unpaid or today))


def _unpaid_period_from(employer: EmployerRecord, runs: list[PaidRun], day: date) -> SuggestedPayDay:
    """The first period from `day` on that no pay run has paid, and its usual pay day."""
    while True:
        suggested = suggested_pay_date(day, employer.pay_frequency, earlier_period_end=_anchor(runs, day),
                                       is_bank_holiday=_bank_holidays(employer))
        start, end = _period(employer, runs, suggested)
        if _paid_by(runs, start, end) is None:
            return SuggestedPayDay(suggested, start, end)
        day = end + timedelta(days=1)


def _following_pay_days(session, employer: EmployerRecord, runs: list[PaidRun], since: date,
                        before: date) -> list[SuggestedPayDay]:
    """The pay days suggest_pay_day suggests on `since`, then each period following on from the one before,
    while the pay day is before `before`: as if each were finalised in turn."""
    runs = list(runs)
    unpaid = _first_unpaid_shift_day(session, employer.id, runs, since)
    day, out = min(since, unpaid or since), []
    while (next_one := _unpaid_period_from(employer, runs, day)).pay_date < before:
        out.append(next_one)
        runs = sorted([*runs, PaidRun(next_one.pay_date, next_one.period_start, next_one.period_end)],
                      key=lambda r: r.period_end)
        day = next_one.period_end + timedelta(days=1)
    return out


# --- what earlier pay says ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Earlier:
    """One earlier finalised payslip, as far as this pay run's inputs need it."""

    pay_date: date
    period_start: date
    period_end: date
    tax_year: str
    gross_pay: Decimal
    ssp: Decimal
    hours_worked: Decimal
    accrued: Decimal
    taken: Decimal
    document: str

    @property
    def sick_pay(self) -> Decimal:
        """SSP and the employer's sick pay above it (OSP lines): pay for time not worked."""
        if '"OSP"' not in self.document:  # most records: no need to read the document
            return self.ssp
        lines = json.loads(self.document)["lines"]
        return self.ssp + sum((Decimal(line["amount"]) for line in lines if line["code"] == OSP), ZERO)


def _earlier_pay(session, employer_id: int, since: date, before: date) -> dict[int, list[_Earlier]]:
    rows = session.execute(
        select(models.StoredPayslip.pa_id, models.PayRun.pay_date, models.PayRun.period_start,
               models.PayRun.period_end, models.PayRun.tax_year, models.StoredPayslip.gross_pay,
               models.StoredPayslip.ssp, models.StoredPayslip.hours_worked, models.StoredPayslip.holiday_hours_accrued,
               models.StoredPayslip.holiday_hours_taken, models.StoredPayslip.document)
        .join(models.PayRun).where(models.PayRun.employer_id == employer_id, models.PayRun.pay_date >= since,
                                   models.PayRun.pay_date < before)
        .order_by(models.PayRun.pay_date))
    found: dict[int, list[_Earlier]] = defaultdict(list)
    for pa_id, *values in rows:
        found[pa_id].append(_Earlier(*values))
    return found


def _year_to_date(earlier: list[_Earlier], tax_year: str, carried: EarlierPayroll | None) -> YearToDate:
    """This employment's figures so far in the tax year: the latest record's year to date, or before the
    first, the earlier payroll's figures this pay run carries on from."""
    mine = [e for e in earlier if e.tax_year == tax_year]
    if mine:
        return from_document(json.loads(mine[-1].document)).year_to_date
    return carried.year_to_date() if carried is not None else YearToDate()


def _carried_on_from(pa: PARecord, earlier: list[_Earlier], tax_year: str) -> EarlierPayroll | None:
    """The figures to date of an earlier payroll that paid the PA in this tax year, which their first pay
    in it by PA Manager carries on from (domain.earlier_payroll); None after that, or when there are none."""
    if any(e.tax_year == tax_year for e in earlier):
        return None
    return earlier_payroll.figures_for(pa, tax_year)


def _period_weeks(frequency: PayFrequency) -> Decimal:
    return Decimal(frequency.weeks) if frequency.weeks else Decimal(52) / 12


def _holiday_rate(pa: PARecord, earlier: list[_Earlier], frequency: PayFrequency, period_start: date,
                  basic: Decimal) -> Decimal:
    """Holiday pay an hour: the normal rate for fixed hours; for irregular hours the average pay for
    an hour over the last 52 paid weeks (domain.holiday.average_holiday_pay): pay other than sick pay
    (SSP and the employer's own sick pay, both paid for no hours worked), over the hours worked (as
    holiday accrues on them, sleep-ins whole) and the holiday hours paid; the normal rate while there
    is no pay yet."""
    if not pa.irregular_hours:
        return basic
    weeks = [holiday.PayWeek(e.period_end, e.gross_pay - e.sick_pay, e.hours_worked + e.taken, _period_weeks(frequency))
             for e in earlier]
    average = holiday.average_holiday_pay(weeks, period_start)  # pay periods ended before this one
    return average.hourly_exact if average.total_hours else basic


def _sick_pay_inputs(session, p: _Period, pa: PARecord, sick_days: tuple[date, ...], earlier: list[_Earlier],
                     terms) -> sick_pay.AverageWeeklyEarnings | None:
    """Average weekly earnings of the linked spell this period's sickness belongs to, by
    domain.sick_pay.spell_average_weekly_earnings: from earlier pay days, or for a new starter (or the
    first month in the app) their contract's week or the work done before the sickness."""
    spell = sick_pay.spell_in_period((*p.sickness.get(pa.id, ()), *sick_days), p.start, p.end)
    if spell is None:
        return None
    critical = spell.first
    payments = [sick_pay.Payment(e.pay_date, e.gross_pay, e.period_start, e.period_end)
                for e in earlier if e.pay_date < critical]
    rate = base_rate_on(terms.rates, critical)
    contractual = pa.contracted_hours * rate if pa.contracted_hours and rate and not pa.irregular_hours else None
    records_from = p.first_paid_from or p.start
    unpaid_from = max(d for d in (pa.start_date, records_from, p.paid_up_to and p.paid_up_to + timedelta(days=1)) if d)
    earned = ZERO
    if unpaid_from < critical:
        earned = _cost_of_work(session, p.employer, pa, terms, unpaid_from, critical - timedelta(days=1))
    return sick_pay.spell_average_weekly_earnings(
        critical, payments, p.employer.pay_frequency, employed_from=pa.start_date, contractual_weekly_pay=contractual,
        earned_before_sickness=earned, records_from=records_from)


def _cost_of_work(session, employer: EmployerRecord, pa: PARecord, terms, first: date, last: date) -> Decimal:
    rows = session.execute(shift_rows().where(
        models.Shift.pa_id == pa.id, models.Shift.local_date >= first, models.Shift.local_date <= last,
        models.Shift.shift_type.not_in([ShiftType.HOLIDAY.value, ShiftType.SICKNESS.value])))
    total = ZERO
    for shift in map(to_shift, rows):
        try:
            total += shift_cost(shift, terms.rates, terms.enhancements, _bank_holidays(employer),
                                sleep_in_allowances=terms.sleep_in_allowances).total
        except PayRateError:
            continue
    return total


# --- one PA's period ---------------------------------------------------------------------------------


def _membership(pa: PARecord) -> Membership | None:
    status = MembershipStatus(pa.pension_status)
    if status is MembershipStatus.NOT_MEMBER:
        return None
    contributes = status in (MembershipStatus.ENROLLED, MembershipStatus.OPTED_IN)
    return Membership(status, pa.pension_active_from, pa.pension_active_from, contributes)


def _scheme(employer: EmployerRecord) -> PensionScheme:
    return PensionScheme(employer.pension_employer_rate, employer.pension_employee_rate,
                         TaxRelief(employer.pension_tax_relief), employer.pension_provider)


def _extras(rows: Iterable[models.PayAdjustment]):
    additions, deductions, one_off = [], [], []
    for r in rows:
        if r.kind == ADDITION:
            additions.append(Addition(r.description, r.amount))
        elif r.kind in (DEDUCTION, OVERPAYMENT_RECOVERY):
            deductions.append(OtherDeduction(r.description, r.purpose, r.amount, r.for_employer,
                                             OVERPAYMENT if r.kind == OVERPAYMENT_RECOVERY else AGREED))
        elif r.kind in _ONE_OFF:
            one_off.append(OneOffPayment(_ONE_OFF[r.kind], r.description, r.amount, r.relates_to))
    return tuple(additions), tuple(deductions), tuple(one_off)


def employer_details(employer: EmployerRecord) -> EmployerDetails:
    return EmployerDetails(employer.name, employer.address, employer.postcode, employer.paye_reference,
                           employer.accounts_office_reference, employer.pension_provider,
                           employer.pension_tax_relief)


def pa_details(pa: PARecord) -> PADetails:
    return PADetails(pa.name, pa.ni_number, pa.date_of_birth, pa.address, pa.postcode, pa.job_title,
                     pa.start_date, pa.leaving_date, pa.student_loan_plan, pa.postgraduate_loan, pa.gender,
                     pa.starter_declaration, pa.earlier_payroll_last_paid,
                     pa.payroll_id)


@dataclass(frozen=True)
class _Period:
    """What every PA's pay in one pay run is worked out from."""

    employer: EmployerRecord
    pay_date: date
    start: date
    end: date
    shifts: list
    patterns: list
    sickness: dict[int, tuple[date, ...]]
    earlier: dict[int, list[_Earlier]]
    extras: dict[int, list[models.PayAdjustment]]
    notes: dict[int, str]
    first_paid_from: date | None  # the first day any finalised pay run of the employer paid for
    paid_up_to: date | None       # the last day paid before this period
    pay_scale: tuple[PayStep, ...] = ()  # the employer's scale, when pay runs pay it (applies_pay_scale)
    sick_pay_schemes: dict = field(default_factory=dict)  # services.sick_pay_scheme.schemes_in
    family_leave: dict = field(default_factory=dict)  # services.family_leave.leave_by_pa
    earnings_orders: dict = field(default_factory=dict)  # services.earnings_orders.orders_by_pa


def _terms(p: _Period, pa: PARecord):
    """A PA's pay terms for the pay run: their own rates, with the employer's pay scale paid from each
    work anniversary when the employer has chosen that (domain.pay_scale.with_steps)."""
    return scaled_terms(pay_terms(pa.pay_rates), p.pay_scale, pa.start_date)


def _period_input(session, p: _Period, pa: PARecord, allowance_used: Decimal) -> PayPeriodInput:
    employer, frequency = p.employer, p.employer.pay_frequency
    tax_year = tax_year_label(p.pay_date)
    terms = _terms(p, pa)
    mine = [s for s in p.shifts if s.pa == pa.id]
    worked = tuple(s for s in mine if s.shift_type not in (ShiftType.HOLIDAY, ShiftType.SICKNESS))
    holiday_hours = minutes_to_hours(sum(paid_minutes(s) for s in mine if s.shift_type is ShiftType.HOLIDAY))
    sick_days = tuple(sorted({local_date(s) for s in mine if s.shift_type is ShiftType.SICKNESS}))
    earlier = p.earlier.get(pa.id, [])
    leave_starts = holiday.leave_year_start(p.start, employer.leave_year_starts)
    this_leave_year = [e for e in earlier if e.pay_date >= leave_starts]
    basic = base_rate_on(terms.rates, p.end) or ZERO
    holiday_rate = _holiday_rate(pa, earlier, frequency, p.start, basic)
    weekdays = working_weekdays([r.pattern for r in p.patterns], pa.id, p.start, p.end)
    entitlement = None
    if not pa.irregular_hours and pa.contracted_hours is not None:
        entitlement = holiday.fixed_hours_entitlement(
            pa.contracted_hours, Decimal(len(weekdays)), leave_starts,
            employed_from=pa.start_date, employed_to=pa.leaving_date).hours
    additions, deductions, one_off = _extras(p.extras.get(pa.id, ()))
    leaver = pa.leaving_date is not None and p.start <= pa.leaving_date <= p.end
    if leaver:
        additions, one_off = _leaving_extras(pa, earlier, additions, one_off)
    rolled_up = pa.rolled_up_holiday and pa.irregular_hours
    p45 = pa.p45_tax_year == tax_year
    awe = _sick_pay_inputs(session, p, pa, sick_days, earlier, terms)
    scheme = scheme_for(p.sick_pay_schemes, pa.id) if sick_days else None
    return PayPeriodInput(
        frequency=frequency, pay_date=p.pay_date, period_start=p.start, period_end=p.end,
        date_of_birth=pa.date_of_birth, tax_code=pa.tax_code, pay_rates=terms.rates, pa=pa.id,
        ni_category=pa.ni_category, apprentice=pa.apprentice, apprenticeship_start=pa.apprenticeship_start,
        shifts=worked, sleep_in_allowances=terms.sleep_in_allowances, enhancements=terms.enhancements,
        is_bank_holiday=_bank_holidays(employer),
        holiday_hours_taken=holiday_hours, holiday_pay_rate=ZERO if rolled_up else holiday_rate,
        irregular_hours=pa.irregular_hours, leave_year_start=leave_starts,
        holiday_accrued_in_leave_year=sum((e.accrued for e in this_leave_year), ZERO),
        holiday_taken_in_leave_year=sum((e.taken for e in this_leave_year), ZERO),
        holiday_entitlement_hours=entitlement, rolled_up_holiday=rolled_up,
        sickness_days=sick_days, sickness_history=p.sickness.get(pa.id, ()), qualifying_weekdays=weekdays,
        average_weekly_earnings=awe,
        sick_pay_scheme=scheme, scheme_week_pay=(lambda day: _scheme_week_pay(pa, terms, day, awe)),
        employed_from=pa.start_date,
        additions=additions, deductions=deductions, one_off_payments=one_off,
        family_pay=family_leave.pay_in_period(p.family_leave.get(pa.id, ()), pa, p.start, p.end),
        year_to_date=_year_to_date(earlier, tax_year, _carried_on_from(pa, earlier, tax_year)),
        previous_employment_pay=(pa.p45_pay or ZERO) if p45 else ZERO,
        previous_employment_tax=(pa.p45_tax or ZERO) if p45 else ZERO,
        pension_scheme=_scheme(employer), pension_membership=_membership(pa),
        claims_employment_allowance=employer.claims_employment_allowance, employment_allowance_used=allowance_used,
        leaver=leaver,
        holiday_owed_rate=holiday_rate, minimum_wage_override_reason=p.notes.get(pa.id, ""),
        student_loan_plan=pa.student_loan_plan or None, postgraduate_loan=pa.postgraduate_loan,
        earnings_orders=earnings_orders.orders_due(session, employer.id, p.earnings_orders.get(pa.id, ()),
                                                   p.pay_date, frequency),
    )


def _scheme_week_pay(pa: PARecord, terms, day: date, awe) -> Decimal:
    """The normal week's pay the employer's sick pay scheme pays from: the contract's hours at the basic
    rate for fixed hours; otherwise their average weekly earnings as SSP works them out."""
    rate = base_rate_on(terms.rates, day)
    if not pa.irregular_hours and pa.contracted_hours and rate:
        return pa.contracted_hours * rate
    return awe.amount if awe is not None else ZERO


def _leaving_extras(pa: PARecord, earlier: list[_Earlier], additions, one_off):
    """A leaver's last pay run: pay in lieu of the notice not worked (taxed and NI-able) and statutory
    redundancy pay (not taxed), by services.leaving."""
    paid = [leaving.PaidPeriod(e.period_start, e.period_end, e.gross_pay) for e in earlier]
    due = leaving.leaving_pay(pa, paid)
    if due is None:
        return additions, one_off
    if due.pay_in_lieu:
        n = due.notice
        one_off = (*one_off, OneOffPayment(one_off_codes.PAY_IN_LIEU_OF_NOTICE,
                                           f"{n.days_in_lieu} days of notice to {format_date(n.ends_on)}", due.pay_in_lieu))
    if due.redundancy is not None and due.redundancy.amount:
        r = due.redundancy
        additions = (*additions, Addition(f"{REDUNDANCY_PAY} ({r.weeks.normalize():f} weeks at "
                                          f"£{r.week_pay:,.2f}, not taxed)", r.amount))
    return additions, one_off


def _cannot(pa: PARecord) -> Problem | None:
    """What stops a PA's pay being worked out at all."""
    if pa.date_of_birth is None:
        return Problem("PAY_NO_DATE_OF_BIRTH")
    if not pa.tax_code:
        return Problem("PAY_NO_TAX_CODE")
    return None


def _work_out(session, p: _Period, pa: PARecord, allowance_used: Decimal) -> PADraft:
    problem = _cannot(pa)
    tax_year = tax_year_label(p.pay_date)
    carried = _carried_on_from(pa, p.earlier.get(pa.id, []), tax_year)
    if carried is None and _needs_earlier_figures(pa, p.earlier.get(pa.id, []), tax_year):
        problem = problem or Problem("PAY_EARLIER_PAYROLL_FIGURES_MISSING")
    if problem:
        return PADraft(pa, None, problem)
    try:
        slip = calculate_payslip(_period_input(session, p, pa, allowance_used))
    except PayRateError:
        return PADraft(pa, None, Problem("PAY_NO_RATE_FOR_SHIFT"))
    except TaxCodeError as error:
        return PADraft(pa, None, Problem(error.code, pa.tax_code))
    except RatesError:
        return PADraft(pa, None, Problem("NO_RATES_FOR_TAX_YEAR", tax_year_label(p.pay_date)))
    except PayrollError as error:
        return PADraft(pa, None, Problem("PAY_NOT_WORKED_OUT", error.code))
    except EarningsOrderError as error:   # an order's rates no longer fit how the PA is paid
        return PADraft(pa, None, Problem(error.code, pa.name))
    record = replace(record_of(slip, employer_details(p.employer), pa_details(pa)), earlier_payroll=carried)
    return PADraft(pa, _why_rates(p, pa, record))


def _needs_earlier_figures(pa: PARecord, earlier: list[_Earlier], tax_year: str) -> bool:
    """An earlier payroll paid them in this tax year and PA Manager has not yet: without that payroll's
    figures to date the cumulative tax (and every figure to date) would start again from nothing."""
    return (earlier_payroll.tax_year_of(pa) == tax_year and not any(e.tax_year == tax_year for e in earlier))


def _why_rates(p: _Period, pa: PARecord, record: PayRecord) -> PayRecord:
    """Hours paid at a step of the pay scale say so on the payslip and in the pay record."""
    paid = steps_paid(pay_terms(pa.pay_rates).rates, p.pay_scale, pa.start_date)
    if not paid:
        return record
    lines = []
    for line in record.lines:
        step = step_for_rate(paid, line.rate, p.end) if line.code == "BASIC" and line.rate is not None else None
        if step is not None and not line.description:
            years = f"{step.years} year{'' if step.years == 1 else 's'}"
            line = replace(line, description=f"pay scale step for {years} with you, from {format_date(step.on)}")
        lines.append(line)
    return replace(record, lines=tuple(lines))


@dataclass(frozen=True)
class _Standing:
    """What pay runs are worked out from that finalising them does not change, read once for their
    periods (`first` to `last`) and pay days: one pay run's, or a row of them finalised together
    (finalise_pay_runs). Each pay run takes its own period's part (`period`); what finalising does change
    (the pay runs, earlier pay, Employment Allowance claimed) each reads afresh."""

    employer: EmployerRecord
    first: date
    last: date
    pas: list[PARecord] | None  # None when finalising changes them (pay scale steps become their rates)
    shifts: list[tuple[date, Shift]]  # (its day, the shift) from `first` to `last`, by start
    patterns: list
    sickness: list[tuple[int, date]]  # days off sick, from as far back as any period's sick pay looks
    extras: dict[date, dict[int, list[models.PayAdjustment]]]  # by pay day, by PA
    notes: dict[date, dict[int, str]]
    pay_scale: tuple[PayStep, ...]
    sick_pay_schemes: dict
    family_leave: dict   # services.family_leave.leave_by_pa
    earnings_orders: dict  # services.earnings_orders.orders_by_pa

    @classmethod
    def read(cls, session, employer: EmployerRecord, periods: list[tuple[date, date, date]]) -> _Standing:
        """Read for `periods`: (pay day, first day, last day) each."""
        employer_id, pay_dates = employer.id, [pay_date for pay_date, _, _ in periods]
        first, last = min(start for _, start, _ in periods), max(end for _, _, end in periods)
        day = models.Shift.local_date
        shifts = [(row.local_date, to_shift(row)) for row in session.execute(
            shift_rows().add_columns(day).where(models.Shift.employer_id == employer_id, day >= first, day <= last)
            .order_by(models.Shift.starts_at, models.Shift.id))]
        patterns = [pattern_record(r) for r in session.scalars(select(models.RotaPattern).where(
            models.RotaPattern.employer_id == employer_id))]
        sickness = session.execute(select(models.Shift.pa_id, day).where(
            models.Shift.employer_id == employer_id, models.Shift.shift_type == ShiftType.SICKNESS.value,
            day >= min(sick_pay.history_needed_from(start) for _, start, _ in periods),
            day < max(start for _, start, _ in periods))).all()
        extras: dict[date, dict[int, list[models.PayAdjustment]]] = defaultdict(lambda: defaultdict(list))
        for row in session.scalars(select(models.PayAdjustment).where(
                models.PayAdjustment.employer_id == employer_id, models.PayAdjustment.pay_date.in_(pay_dates))
                .order_by(models.PayAdjustment.id)):
            extras[row.pay_date][row.pa_id].append(row)
        notes: dict[date, dict[int, str]] = defaultdict(dict)
        for pay_date, pa_id, reason in session.execute(
                select(models.PayNote.pay_date, models.PayNote.pa_id, models.PayNote.minimum_wage_reason).where(
                    models.PayNote.employer_id == employer_id, models.PayNote.pay_date.in_(pay_dates))):
            notes[pay_date][pa_id] = reason
        pas = None if employer.applies_pay_scale else _pas_of(session, employer_id)
        scale = tuple(steps_in(session, employer_id)) if employer.applies_pay_scale else ()
        return cls(employer, first, last, pas, shifts, patterns, sickness, extras, notes, scale,
                   schemes_in(session, employer_id), family_leave.leave_by_pa(session, employer_id),
                   earnings_orders.orders_by_pa(session, employer_id))

    def period(self, session, runs: list[PaidRun], pay_date: date, start: date, end: date) -> _Period:
        """One pay run's inputs: this period's part of what was read, and the earlier pay it follows."""
        if start < self.first or end > self.last:
            raise ValueError("a pay period outside the days read for it")  # a bug: its records were not read
        since_sick = sick_pay.history_needed_from(start)
        sickness: dict[int, set[date]] = defaultdict(set)
        for pa_id, day in self.sickness:
            if since_sick <= day < start:
                sickness[pa_id].add(day)
        # Earlier pay that matters: the holiday-pay reference period, and this tax year's year to date.
        since = min(start - holiday.reference_lookback(start), tax_year_start(tax_year_label(pay_date)))
        before = [r.period_end for r in runs if r.period_end < start]
        return _Period(self.employer, pay_date, start, end, [shift for day, shift in self.shifts if start <= day <= end],
                       self.patterns, {pa: tuple(sorted(days)) for pa, days in sickness.items()},
                       _earlier_pay(session, self.employer.id, since, pay_date), self.extras.get(pay_date, {}),
                       self.notes.get(pay_date, {}), min((r.period_start for r in runs), default=None),
                       max(before, default=None), self.pay_scale, self.sick_pay_schemes, self.family_leave,
                       self.earnings_orders)


def _pas_of(session, employer_id: int) -> list[PARecord]:
    return pa_records_where(session, models.PersonalAssistant.employer_id == employer_id)


def paid_to(session, employer_id: int, by: date) -> date | None:
    """The end of the latest pay period paid by a finalised pay run dated on or before `by`: work after
    it is still to be paid. None before the first pay run."""
    return session.scalar(select(models.PayRun.period_end).where(
        models.PayRun.employer_id == employer_id, models.PayRun.pay_date <= by)
        .order_by(models.PayRun.period_end.desc()).limit(1))


def allowance_claimed(session, employer_id: int, tax_year: str, before: date) -> Decimal:
    """Employment Allowance claimed in the tax year by the finalised pay runs paid before a day."""
    rows = session.scalars(select(models.StoredPayslip.employment_allowance).join(models.PayRun).where(
        models.PayRun.employer_id == employer_id, models.PayRun.tax_year == tax_year, models.PayRun.pay_date < before))
    return sum(rows, ZERO)


def _draft(session, employer_id: int, pay_date: date, standing: _Standing | None = None) -> PayRunDraft:
    """The pay run worked out from the stored records; `standing`: what was read already for it."""
    runs = _paid_runs(session, employer_id)
    employer = standing.employer if standing is not None else _employer(session, employer_id)
    start, end = _period(employer, runs, pay_date)
    standing = standing or _Standing.read(session, employer, [(pay_date, start, end)])
    pas = standing.pas if standing.pas is not None else _pas_of(session, employer_id)
    pas = sorted((pa for pa in pas if (pa.start_date is None or pa.start_date <= end)
                  and (pa.leaving_date is None or pa.leaving_date >= start)), key=lambda pa: (pa.name.lower(), pa.id))
    period = standing.period(session, runs, pay_date, start, end)
    allowance_used = allowance_claimed(session, employer_id, tax_year_label(pay_date), pay_date)
    drafts = []
    for pa in pas:
        draft = _work_out(session, period, pa, allowance_used)
        if draft.payslip is not None:
            allowance_used += draft.payslip.employment_allowance
        drafts.append(draft)
    return PayRunDraft(employer, pay_date, start, end, tuple(drafts), finalised=False,
                       already_paid_by=_paid_by(runs, start, end))


def prepare_pay_run(db: Database, employer_id: int, pay_date: date, today: date | None = None) -> PayRunDraft:
    """Everyone's pay for the pay date: the stored records if already finalised, otherwise worked
    out now from the hours recorded, with what to confirm before finalising it on `today`."""
    with db.session() as s:  # one transaction: the run, the rules' inputs and what to confirm, read together
        stored = finalised_pay_run(db, employer_id, pay_date)
        if stored is not None:
            return stored
        _refuse_unknown_years(pay_date)
        draft = _worked_out(lambda: _draft(s, employer_id, pay_date), pay_date)
        return replace(draft, to_confirm=tuple(_to_confirm(s, db, draft, today))) if today else draft


def _to_confirm(session, db: Database, draft: PayRunDraft, today: date) -> list[ToConfirm]:
    """The facts domain.before_paying needs, for the PAs this pay run pays."""
    paid = [d for d in draft.pas if d.payslip is not None]
    ids = [d.pa.id for d in paid]
    checked = dict(session.execute(select(models.RightToWorkCheck.pa_id, func.min(models.RightToWorkCheck.checked_on))
                                   .where(models.RightToWorkCheck.pa_id.in_(ids))
                                   .group_by(models.RightToWorkCheck.pa_id)).all())
    first_shift = dict(session.execute(select(models.Shift.pa_id, func.min(models.Shift.local_date))
                                       .where(models.Shift.pa_id.in_(ids)).group_by(models.Shift.pa_id)).all())
    planned: dict[int, int] = defaultdict(int)
    for shift in planned_shifts(db, draft.employer.id, draft.period_start, draft.period_end):
        planned[shift.pa] += paid_minutes(shift)
    people = [PAFacts(d.pa.id, d.pa.name, first_shift.get(d.pa.id), checked.get(d.pa.id),
                      PENSION_ENROL_NOW in d.payslip.flags, d.payslip.gross_pay,
                      minutes_to_hours(planned.get(d.pa.id, 0))) for d in paid]
    return before_paying(draft.pay_date, today, bool(draft.employer.paye_reference.strip()), people)


def _refuse_unknown_years(pay_date: date) -> None:
    if (problem := check_date_in_range(pay_date)) is not None:
        raise ServiceError(problem)


def _worked_out(draft, pay_date: date) -> PayRunDraft:
    """A pay run worked out; one for a date whose rates PA Manager does not have is refused in words
    (a PA's own pay that cannot be worked out is that PA's problem, in the draft)."""
    try:
        return draft()
    except RatesError:
        raise ServiceError(Problem("NO_RATES_FOR_TAX_YEAR", tax_year_label(pay_date))) from None


# --- finalising and the record ------------------------------------------------------------------


def record_minimum_wage_reason(db: Database, employer_id: int, pa_id: int, pay_date: date, reason: str) -> Change:
    """Record why a shortfall is accepted (for example, arrears will be paid next pay day), or clear it
    (MINIMUM_WAGE_REASON_RECORDED)."""
    with db.session() as s:
        recorder = Recorder(s)
        that_day = and_(models.PayNote.pa_id == pa_id, models.PayNote.pay_date == pay_date)
        recorder.watch(models.PayNote, that_day)
        row = s.scalar(select(models.PayNote).where(that_day))
        if not reason.strip():
            if row is not None:
                s.delete(row)
        else:
            row = row or models.PayNote(employer_id=employer_id, pa_id=pa_id, pay_date=pay_date)
            row.minimum_wage_reason = reason.strip()
            s.add(row)
        pa = s.get(models.PersonalAssistant, pa_id)
        return recorder.change("MINIMUM_WAGE_REASON_RECORDED", employer_id, name=pa.name if pa else "")


class NeedsConfirming(ServiceError):
    """Finalising would go ahead, but something must be seen and confirmed first; `to_confirm` says what."""

    def __init__(self, to_confirm: list[Problem]):
        self.to_confirm = tuple(to_confirm)
        super().__init__("PAY_RUN_NEEDS_CONFIRMING", self.to_confirm)


def finalise_pay_run(db: Database, employer_id: int, pay_date: date, now: datetime, *,
                     confirmed: bool = False) -> PayRunDraft:
    """Store the pay run for good. Worked out again and checked inside the one transaction that
    stores it, so nothing can change between the check and the record: refused, with the reasons,
    when the date or any day of its period has been paid already, while any PA's pay cannot be
    worked out, or is below the minimum wage without a recorded reason; and, until `confirmed`, while
    anything the law needs first (domain.before_paying) has not been seen."""
    _refuse_unknown_years(pay_date)
    with db.session(write=True) as s:
        lock_employer(s, employer_id)
        draft = _finalisable(s, employer_id, pay_date)
        if not confirmed:
            draft = replace(draft, to_confirm=tuple(_to_confirm(s, db, draft, now.astimezone(LONDON).date())))
            if draft.to_confirm:
                raise NeedsConfirming(draft.confirm_problems)
        return _store(s, employer_id, draft, now)


def finalise_pay_runs(db: Database, employer_id: int, since: date, before: date,
                      finalised_at: Callable[[date], datetime]) -> list[PayRunDraft]:
    """Pay days gone by, finalised at once: the pay day suggest_pay_day suggests on `since`, then each
    period following on from the one before, while the pay day is before `before`; each finalised as
    finalise_pay_run finalises it (confirmed, at `finalised_at(pay day)`) and refused the same way, all in
    one transaction: all of them or none. What finalising does not change (the employer, the PAs, the
    shifts of all the periods, the rota) is read once, not for each pay run: the demo's two years."""
    with db.session(write=True) as s:
        lock_employer(s, employer_id)
        employer = _employer(s, employer_id)
        days = _following_pay_days(s, employer, _paid_runs(s, employer_id), since, before)
        for day in days:
            _refuse_unknown_years(day.pay_date)
        if not days:
            return []
        standing = _Standing.read(s, employer, [(day.pay_date, day.period_start, day.period_end) for day in days])
        return [_store(s, employer_id, _finalisable(s, employer_id, day.pay_date, standing), finalised_at(day.pay_date))
                for day in days]


def _finalisable(session, employer_id: int, pay_date: date, standing: _Standing | None = None) -> PayRunDraft:
    """The pay run worked out, refused when it cannot be finalised (see finalise_pay_run)."""
    if any(run.pay_date == pay_date for run in _paid_runs(session, employer_id)):
        raise ServiceError("PAY_RUN_FINALISED_ALREADY", pay_date)
    draft = _worked_out(lambda: _draft(session, employer_id, pay_date, standing), pay_date)
    if draft.blocking:
        raise ServiceError("PAY_RUN_BLOCKED", tuple(draft.blocking))
    return draft


def _store(s, employer_id: int, draft: PayRunDraft, now: datetime) -> PayRunDraft:
    """The pay run's records stored: the run, its payslips, its lines in the budget, the history."""
    pay_date = draft.pay_date
    slips = [d.payslip for d in draft.pas if d.payslip is not None]
    if not slips:
        raise ServiceError("PAY_RUN_NOBODY_DUE", (draft.period_start, draft.period_end))
    run = models.PayRun(employer_id=employer_id, pay_date=pay_date, period_start=draft.period_start,
                        period_end=draft.period_end, frequency=slips[0].frequency, tax_year=slips[0].tax_year,
                        period=slips[0].period, finalised_at=now)
    s.add(run)
    s.flush()
    s.execute(insert(models.StoredPayslip), [payslip_row(employer_id, run.id, slip) for slip in slips])
    add_pay_run_entries(s, employer_id, pay_date, slips)
    _record_steps_paid(s, draft)
    history.note(s, employer_id, history.PAY_RUN_FINALISED, pay_date=pay_date,
                 period_start=draft.period_start, period_end=draft.period_end, people=len(slips),
                 gross_pay=sum((r.gross_pay for r in slips), ZERO), net_pay=sum((r.net_pay for r in slips), ZERO))
    s.flush()  # all written now, so the next read of the pay runs is remembered (storage.database.remembered)
    # The run as stored (finalised_pay_run reads back these very records, in this order), without reading it back.
    return PayRunDraft(draft.employer, pay_date, draft.period_start, draft.period_end,
                       tuple(PADraft(_as_paid(r), r) for r in slips), finalised=True)


def _record_steps_paid(session, draft: PayRunDraft) -> None:
    """The pay scale's steps this pay run paid become the PAs' own dated hourly rates (each noted in the
    change history as a rate set by the pay scale): so the People page shows the rate they are paid, and
    choosing later not to pay the scale never cuts the pay a PA has already had."""
    if not draft.employer.applies_pay_scale:
        return
    steps = steps_in(session, draft.employer.id)
    for item in draft.pas:
        pa = item.pa
        if item.payslip is None or pa.id is None:
            continue
        own = {(r.effective_from, r.kind, r.shift_type): r for r in session.scalars(
            select(models.PayRate).where(models.PayRate.pa_id == pa.id))}
        changed = False
        for step in steps_paid(pay_terms(pa.pay_rates).rates, steps, pa.start_date):
            if step.on > draft.period_end:
                continue
            changed = True
            row = own.get((step.on, HOURLY, ""))
            facts = dict(pa=pa.name, kind=HOURLY, shift_type="", effective_from=step.on, amount=step.hourly_rate,
                         multiplier=None, pay_scale_years=step.years)
            if row is None:
                session.add(models.PayRate(employer_id=draft.employer.id, pa_id=pa.id, effective_from=step.on,
                                           kind=HOURLY, shift_type="", amount=step.hourly_rate))
                history.note(session, draft.employer.id, history.PAY_RATE_ADDED, pa_id=pa.id, **facts)
            elif row.amount is not None and row.amount < step.hourly_rate:
                history.note(session, draft.employer.id, history.PAY_RATE_CHANGED, pa_id=pa.id, was=row.amount, **facts)
                row.amount = step.hourly_rate
        if changed:
            # A new saved version of the PA: a form opened before this pay run cannot save their old rates over it.
            flag_modified(session.get(models.PersonalAssistant, pa.id), "name")


def payslip_row(employer_id: int, pay_run_id: int, slip: PayRecord) -> dict:
    """The record, and the figures kept beside it as columns for sums in SQL: the stored row's values."""
    return dict(
        employer_id=employer_id, pay_run_id=pay_run_id, pa_id=slip.pa_id, tax_code=slip.tax_code,
        ni_category=slip.ni_category, hours=slip.hours, hours_worked=slip.hours_worked, gross_pay=slip.gross_pay,
        taxable_pay=slip.taxable_pay,
        tax=slip.tax, employee_ni=slip.employee_ni, employer_ni=slip.employer_ni,
        employment_allowance=slip.employment_allowance, employee_pension=slip.employee_pension,
        employer_pension=slip.employer_pension, ssp=slip.ssp, additions=slip.additions_total,
        net_pay=slip.net_pay, holiday_hours_accrued=slip.holiday_hours_accrued,
        holiday_hours_taken=slip.holiday_hours_taken, minimum_wage_ok=slip.minimum_wage_ok,
        minimum_wage_reason=slip.minimum_wage_reason, document=json.dumps(to_document(slip), sort_keys=True),
    )


def records_between(db: Database, employer_id: int, first: date, last: date) -> list[PayRecord]:
    """Every stored pay record of the pay runs paid from `first` to `last`, by pay date then PA."""
    with db.session() as s:
        rows = s.execute(select(models.StoredPayslip.pa_id, models.StoredPayslip.document).join(models.PayRun)
                         .where(models.PayRun.employer_id == employer_id, models.PayRun.pay_date >= first,
                                models.PayRun.pay_date <= last)
                         .order_by(models.PayRun.pay_date, models.StoredPayslip.id)).all()
    return [from_document(json.loads(document), pa_id) for pa_id, document in rows]


def finalised_pay_run(db: Database, employer_id: int, pay_date: date) -> PayRunDraft | None:
    """A finalised pay run exactly as stored (None if there is none for that date). The people are
    as the records keep them; `pa.id` still leads to the PA's current record."""
    with db.session() as s:
        run = s.scalar(select(models.PayRun).where(models.PayRun.employer_id == employer_id,
                                                   models.PayRun.pay_date == pay_date))
        if run is None:
            return None
        employer = _employer(s, employer_id)
        period = (run.period_start, run.period_end)
        first_paid = None
        if run.repeats_period:  # made before one run per period was the rule: say which run paid first
            first_paid = _paid_by([r for r in _paid_runs(s, employer_id) if r.pay_date != pay_date], *period)
    records = records_between(db, employer_id, pay_date, pay_date)
    return PayRunDraft(employer, pay_date, *period, tuple(PADraft(_as_paid(r), r) for r in records), finalised=True,
                       already_paid_by=first_paid)


def _as_paid(record: PayRecord) -> PARecord:
    """The PA as the record keeps them (for screens that list a pay run's people)."""
    d = record.pa_details
    return PARecord(name=d.name, date_of_birth=d.date_of_birth, ni_number=d.ni_number, address=d.address,
                    postcode=d.postcode, start_date=d.start_date, leaving_date=d.leaving_date, job_title=d.job_title,
                    tax_code=record.tax_code, ni_category=record.ni_category, id=record.pa_id)


def pay_run_dates(db: Database, employer_id: int) -> list[date]:
    """Pay dates of finalised pay runs, newest first."""
    with db.session() as s:
        return list(s.scalars(select(models.PayRun.pay_date).where(models.PayRun.employer_id == employer_id)
                              .order_by(models.PayRun.pay_date.desc())))
