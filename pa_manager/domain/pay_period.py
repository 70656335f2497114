"""The pay period a payday pays for, and everything one PA's pay for that period depends on.

`PayPeriodInput` is the whole question payroll.calculate_payslip answers: the period, the PA's facts,
the time worked and its pay terms, holiday, sickness, expenses and other deductions, the year to date,
pension and employer facts. It holds values only; the service gathers them from the records.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, fields
from datetime import date, timedelta
from decimal import Decimal
from typing import Callable, Hashable

from pa_manager.domain.attachment_of_earnings import OrderDue
from pa_manager.domain.money import ZERO
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_rates import Enhancement, PayRate, SleepInAllowance
from pa_manager.domain.pension import Membership, PensionScheme, add_months
from pa_manager.domain.shifts import Shift, ShiftType, local_date
from pa_manager.domain.occupational_sick_pay import SickPayScheme
from pa_manager.domain.sick_pay import AverageWeeklyEarnings
from pa_manager.domain.tax_year import period_number, tax_year_label
from pa_manager.domain.validation import Problem

NOT_WORK = frozenset({ShiftType.HOLIDAY, ShiftType.SICKNESS})


class PayrollError(ValueError):
    """Input a pay period cannot be worked out from; `.code` says which."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def pay_reference_period(pay_date: date, frequency: PayFrequency, period_end: date | None = None) -> tuple[date, date]:
    """(first day, last day) of the period a payday pays for, both days included.

    The convention, simple and common for household employers:
    - weekly, fortnightly, four-weekly: the period ends on the payday and is 1, 2 or 4 whole weeks
      long (paid on Friday 17 April, weekly: Saturday 11 to Friday 17 April);
    - monthly: the calendar month the payday falls in (paid 28 April: 1 to 30 April).
    An employer who pays in arrears gives `period_end` instead: week-based periods are then the whole
    weeks ending that day, and a monthly period runs from the day after the same date a month earlier
    (ending 25 May: 26 April to 25 May; ending on a month's last day: that whole month). Periods
    ending on the 29th or 30th can touch or skip a day around February: give both dates then.
    """
    weeks = frequency.weeks
    if weeks is None:
        if period_end is None:
            last = calendar.monthrange(pay_date.year, pay_date.month)[1]
            return pay_date.replace(day=1), pay_date.replace(day=last)
        return add_months(period_end + timedelta(days=1), -1), period_end
    end = period_end or pay_date
    return end - timedelta(days=7 * weeks - 1), end


def no_bank_holidays(day: date) -> bool:
    return False


# Week-based periods end on a Friday until the employer's own pay runs set another day.
USUAL_PERIOD_END = 4  # date.weekday(): Friday


def _working(day: date, is_bank_holiday: Callable[[date], bool]) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


def _brought_forward(pay_date: date, period_end: date, is_bank_holiday: Callable[[date], bool]) -> bool:
    """Is the pay date the last working day before a period end that is not one (a bank holiday)?"""
    days = [pay_date + timedelta(days=n) for n in range(1, (period_end - pay_date).days + 1)]
    return bool(days) and not any(_working(d, is_bank_holiday) for d in days) and any(map(is_bank_holiday, days))


def _grid_end_on_or_before(day: date, anchor: date, step: int) -> date:
    return anchor + timedelta(days=step * ((day - anchor).days // step))


def pay_period(pay_date: date, frequency: PayFrequency, *, earlier_period_end: date | None = None,
               is_bank_holiday: Callable[[date], bool] = no_bank_holidays) -> tuple[date, date]:
    """The period a pay date pays for, following on from the employer's earlier pay runs.

    - Monthly: the calendar month the pay date falls in.
    - Weekly, fortnightly, four-weekly: periods of 1, 2 or 4 weeks follow on from the end of an
      earlier period (`earlier_period_end`; with none, the first period ends on the pay date). A pay
      date pays for the latest period that has ended by then, or for the period ending soon after it
      when the pay date was brought forward because the days up to that end are a bank holiday or a
      bank holiday weekend (Thursday 2 April 2026 pays the week to Good Friday, 3 April).
    """
    frequency = PayFrequency(frequency)
    if frequency.weeks is None:
        return pay_reference_period(pay_date, frequency)
    step = 7 * frequency.weeks
    if earlier_period_end is None:
        friday = pay_date + timedelta(days=(USUAL_PERIOD_END - pay_date.weekday()) % 7)
        end = friday if _brought_forward(pay_date, friday, is_bank_holiday) else pay_date
    else:
        end = _grid_end_on_or_before(pay_date, earlier_period_end, step)
        following = end + timedelta(days=step)
        if end != pay_date and _brought_forward(pay_date, following, is_bank_holiday):
            end = following
    return pay_reference_period(pay_date, frequency, period_end=end)


def suggested_pay_date(today: date, frequency: PayFrequency, *, earlier_period_end: date | None = None,
                       is_bank_holiday: Callable[[date], bool] = no_bank_holidays) -> date:
    """The next usual pay day on or after today: the end of the current period (the month's last day,
    or the next period end on the employer's cycle, a Friday to begin with), moved back to the working
    day before when it falls on a weekend or a bank holiday. `pay_period` maps it back to that period."""
    frequency = PayFrequency(frequency)
    if frequency.weeks is None:
        end = pay_reference_period(today, frequency)[1]
    elif earlier_period_end is None:
        end = today + timedelta(days=(USUAL_PERIOD_END - today.weekday()) % 7)
    else:
        step = 7 * frequency.weeks
        end = _grid_end_on_or_before(today, earlier_period_end, step)
        if end < today:
            end += timedelta(days=step)
    day = end
    while not _working(day, is_bank_holiday) and (end - day).days < 6:
        day -= timedelta(days=1)
    return day


@dataclass(frozen=True)
class Addition:
    """Money paid back with the pay and not taxed or NI-able, such as mileage or other expenses."""

    description: str
    amount: Decimal


# One-off taxable payments: pay lines of their own, taxed and NI-able like any pay.
BONUS = "BONUS"
BACK_PAY = "BACK_PAY"                          # pay owed for an earlier period (a correction)
MINIMUM_WAGE_ARREARS = "MINIMUM_WAGE_ARREARS"  # NMWA 1998 s.17: at today's rate when it is higher
PAY_IN_LIEU_OF_NOTICE = "PAY_IN_LIEU_OF_NOTICE"  # a leaver's notice not worked (domain.leaving): taxed, NI-able
ONE_OFF_CODES = (BONUS, BACK_PAY, MINIMUM_WAGE_ARREARS, PAY_IN_LIEU_OF_NOTICE)

# Other deductions.
AGREED = "OTHER"            # agreed in writing beforehand (ERA 1996 s.13)
OVERPAYMENT = "OVERPAYMENT"  # recovering an overpayment of wages (s.14(1)(a): no prior agreement needed)


@dataclass(frozen=True)
class FamilyPayment:
    """Statutory family pay due in the period (domain.family_pay.pay_in_period): the kind (SMP, SPP, SAP,
    SHPP, SPBP, also its pay line code), the weekly rate, the days paid and the amount, and the first
    day of the qualifying week, on which the employer's recovery from HMRC depends."""

    kind: str
    weekly_rate: Decimal
    days: int
    amount: Decimal
    qualifying_week: date


@dataclass(frozen=True)
class OneOffPayment:
    """A taxable payment that is not for hours in this period: a bonus, back pay, or minimum-wage
    arrears for an earlier pay day (`relates_to`). Not counted as pay for this period's minimum-wage
    check: arrears and back pay belong to the periods they put right."""

    code: str
    description: str
    amount: Decimal
    relates_to: date | None = None

    def __post_init__(self) -> None:
        if self.code not in ONE_OFF_CODES:
            raise PayrollError("ONE_OFF_CODE_UNKNOWN", self.code)


@dataclass(frozen=True)
class OtherDeduction:
    """A deduction from pay with its purpose (ERA 1996 s.8(2)(b)): one the PA agreed to, or the
    recovery of an overpayment (`code` OVERPAYMENT). `for_employer` marks a deduction for the
    employer's own use and benefit, which reduces minimum-wage pay (NMW Regs reg 12)."""

    description: str
    purpose: str
    amount: Decimal
    for_employer: bool = False
    code: str = AGREED


# Pay-day extras as the user records them (models.PayAdjustment.kind), before they become an
# Addition, an OtherDeduction or a OneOffPayment.
EXTRA_ADDITION = "addition"                 # expenses paid back: not taxed
EXTRA_DEDUCTION = "deduction"               # agreed in writing
EXTRA_OVERPAYMENT_RECOVERY = "overpayment"
EXTRA_BONUS = "bonus"
EXTRA_BACK_PAY = "back_pay"
EXTRA_ARREARS = "arrears"                   # minimum-wage arrears for an earlier pay day
EXTRA_KINDS = (EXTRA_ADDITION, EXTRA_DEDUCTION, EXTRA_OVERPAYMENT_RECOVERY, EXTRA_BONUS, EXTRA_BACK_PAY, EXTRA_ARREARS)
EXTRA_DEDUCTIONS = (EXTRA_DEDUCTION, EXTRA_OVERPAYMENT_RECOVERY)


def check_extra(kind: str, description: str, amount: Decimal, purpose: str) -> dict[str, Problem]:
    """What is wrong with a pay-day extra as entered, by field (empty when it is acceptable): a known
    kind, a description, more than nothing, and for a deduction its purpose (ERA 1996 s.8(2)(b))."""
    problems: dict[str, Problem] = {}
    if kind not in EXTRA_KINDS:
        problems["kind"] = Problem("EXTRA_KIND_UNKNOWN", kind)
    if not description.strip():
        problems["description"] = Problem("EXTRA_DESCRIPTION_MISSING")
    if amount <= 0:
        problems["amount"] = Problem("EXTRA_AMOUNT_NOT_POSITIVE")
    if kind in EXTRA_DEDUCTIONS and not purpose.strip():
        problems["purpose"] = Problem("DEDUCTION_PURPOSE_MISSING")
    return problems


@dataclass(frozen=True)
class YearToDate:
    """This employment's figures so far in the tax year (a starter's P45 figures are not in here).

    gross_pay is all pay (NI-able pay); taxable_pay is pay for PAYE (gross less any net-pay pension);
    employee_pension is what was deducted from pay."""

    gross_pay: Decimal = ZERO
    taxable_pay: Decimal = ZERO
    tax: Decimal = ZERO
    employee_ni: Decimal = ZERO
    employer_ni: Decimal = ZERO
    employee_pension: Decimal = ZERO
    employer_pension: Decimal = ZERO
    ssp: Decimal = ZERO
    student_loan: Decimal = ZERO
    postgraduate_loan: Decimal = ZERO


@dataclass(frozen=True)
class PayPeriodInput:
    """One PA's pay period, as calculate_payslip needs it.

    Period       frequency, pay_date, period_start, period_end (see pay_reference_period); the tax
                 year and the tax period come from the pay date (properties below).
    PA           date_of_birth, tax_code as written ("1257L", "K475 M1"), ni_category, apprentice
                 and apprenticeship_start (minimum-wage band). `pa` is the caller's key for the PA.
    Work         shifts worked in the period (no HOLIDAY or SICKNESS shifts: those come as hours and
                 days below), with pay_rates, sleep_in_allowances, enhancements, is_bank_holiday.
    Holiday      holiday_hours_taken x holiday_pay_rate (an hourly rate the caller chose: the normal
                 rate for fixed hours, or holiday.AverageHolidayPay.hourly_exact for variable pay).
                 irregular_hours: accrue 12.07% of hours worked (leave years from 1 April 2024),
                 within holiday_cap_hours given holiday_accrued_in_leave_year before this period.
                 rolled_up_holiday: pay 12.07% of pay for work done as its own line instead (then
                 leave taken is not paid again: holiday_pay_rate must be 0).
    Sickness     sickness_days (this period's), sickness_history (earlier days with this employer),
                 qualifying_weekdays (Monday = 0), average_weekly_earnings of the linked spell
                 (sick_pay.spell_in_period, then sick_pay.spell_average_weekly_earnings on its first
                 day; None means nothing known): see ssp_for_period.
    Money        additions (not taxed), deductions (other than tax, NI and pension), one_off_payments
                 (taxable: bonus, back pay, minimum-wage arrears).
    Family pay   family_pay: statutory maternity, paternity, adoption, shared parental and parental
                 bereavement pay due in the period (taxable and NI-able earnings).
    To date      year_to_date before this period; previous_employment_pay / _tax from a starter's P45
                 (this tax year only), added to the cumulative figures for PAYE as HMRC requires.
    Pension      pension_scheme and pension_membership (None: not a member).
    Employer     claims_employment_allowance, employment_allowance_used this tax year before this PA's
                 payment (care and support employers can claim: NIM06520).
    Holiday so far  holiday_taken_in_leave_year before this period; holiday_entitlement_hours, the
                 leave year's entitlement for fixed hours (holiday.fixed_hours_entitlement, to the
                 leaving date for a leaver). With leave_year_start they give the payslip's holiday
                 position.
    Loans        student_loan_plan ("1", "2", "4", "5" or None) and postgraduate_loan: deductions
                 on NI-able pay (domain.student_loan).
    Court orders earnings_orders: attachment of earnings orders in force, oldest first, each deducted
                 after tax, NI and pension (domain.attachment_of_earnings).
    Leaving      leaver: holiday earned and not taken is paid at holiday_owed_rate as a final line.
    Override     minimum_wage_override_reason: the reason the user recorded for accepting a shortfall.
    """

    frequency: PayFrequency
    pay_date: date
    period_start: date
    period_end: date
    date_of_birth: date
    tax_code: str
    pay_rates: tuple[PayRate, ...] = ()
    pa: Hashable = None
    ni_category: str = "A"
    apprentice: bool = False
    apprenticeship_start: date | None = None
    shifts: tuple[Shift, ...] = ()
    sleep_in_allowances: tuple[SleepInAllowance, ...] = ()
    enhancements: tuple[Enhancement, ...] = ()
    is_bank_holiday: Callable[[date], bool] = no_bank_holidays
    holiday_hours_taken: Decimal = ZERO
    holiday_pay_rate: Decimal = ZERO
    irregular_hours: bool = False
    leave_year_start: date | None = None
    holiday_accrued_in_leave_year: Decimal = ZERO
    holiday_cap_hours: Decimal | None = None
    rolled_up_holiday: bool = False
    sickness_days: tuple[date, ...] = ()
    sickness_history: tuple[date, ...] = ()
    qualifying_weekdays: tuple[int, ...] = ()
    average_weekly_earnings: AverageWeeklyEarnings | Decimal | None = None
    # The employer's own sick pay scheme on top of SSP (domain.occupational_sick_pay), if any: the PA's
    # normal week's pay it pays from, and their start date for its qualifying service.
    sick_pay_scheme: SickPayScheme | None = None
    scheme_week_pay: Decimal | Callable[[date], Decimal] = ZERO   # or what it is on a given day
    employed_from: date | None = None
    additions: tuple[Addition, ...] = ()
    deductions: tuple[OtherDeduction, ...] = ()
    one_off_payments: tuple[OneOffPayment, ...] = ()
    family_pay: tuple[FamilyPayment, ...] = ()
    year_to_date: YearToDate = YearToDate()
    previous_employment_pay: Decimal = ZERO
    previous_employment_tax: Decimal = ZERO
    pension_scheme: PensionScheme | None = None
    pension_membership: Membership | None = None
    claims_employment_allowance: bool = False
    employment_allowance_used: Decimal = ZERO
    holiday_taken_in_leave_year: Decimal = ZERO
    holiday_entitlement_hours: Decimal | None = None
    leaver: bool = False
    holiday_owed_rate: Decimal = ZERO
    minimum_wage_override_reason: str = ""
    student_loan_plan: str | None = None
    postgraduate_loan: bool = False
    earnings_orders: tuple[OrderDue, ...] = ()

    def __post_init__(self) -> None:
        for name in ("pay_rates", "shifts", "sleep_in_allowances", "enhancements", "sickness_days",
                     "sickness_history", "qualifying_weekdays", "additions", "deductions", "one_off_payments", "family_pay",
                     "earnings_orders"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "frequency", PayFrequency(self.frequency))
        if self.period_end < self.period_start:
            raise PayrollError("PERIOD_ENDS_BEFORE_START")
        self._check_amounts()
        for shift in self.shifts:
            if shift.shift_type in NOT_WORK:
                raise PayrollError("SHIFT_TYPE_NOT_WORK", shift.shift_type.value)
            if not self.period_start <= local_date(shift) <= self.period_end:
                raise PayrollError("SHIFT_OUTSIDE_PERIOD", str(local_date(shift)))
            if self.pa is not None and shift.pa != self.pa:
                raise PayrollError("SHIFT_OTHER_PA", repr(shift.pa))
        if (self.irregular_hours or self.rolled_up_holiday) and self.leave_year_start is None:
            raise PayrollError("LEAVE_YEAR_START_NEEDED")
        if self.rolled_up_holiday and not self.irregular_hours:
            raise PayrollError("ROLLED_UP_HOLIDAY_NOT_IRREGULAR")   # WTR reg 16A: those workers only
        if self.rolled_up_holiday and self.holiday_hours_taken and self.holiday_pay_rate:
            raise PayrollError("ROLLED_UP_HOLIDAY_PAID_TWICE")
        membership = self.pension_membership
        if membership is not None and membership.contributing and self.pension_scheme is None:
            raise PayrollError("PENSION_SCHEME_NEEDED")

    def _check_amounts(self) -> None:
        named = [(f.name, getattr(self, f.name)) for f in fields(self)]
        named += [(f"year_to_date.{f.name}", getattr(self.year_to_date, f.name))
                  for f in fields(self.year_to_date) if f.name != "tax"]   # tax to date can be net of refunds
        named += [(item.description, item.amount)
                  for item in (*self.additions, *self.deductions, *self.one_off_payments)]
        named += [(item.kind, item.amount) for item in self.family_pay]
        for name, value in named:
            if isinstance(value, float):
                raise TypeError(f"{name} is a float; money and hours are Decimal")
            if isinstance(value, Decimal) and value < 0:
                raise PayrollError("NEGATIVE_AMOUNT", name)

    @property
    def tax_year(self) -> str:
        """The tax year the payday falls in: PAYE and NI follow the date paid, not the work."""
        return tax_year_label(self.pay_date)

    @property
    def period(self) -> int:
        """The tax month (monthly pay) or tax week of the payday (tax_year.period_number)."""
        return period_number(self.pay_date, self.frequency)
