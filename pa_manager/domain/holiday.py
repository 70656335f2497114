"""Holiday: statutory entitlement, accrual, holiday pay and the balance, all in hours (Decimal).

Rules (Working Time Regulations 1998; figures from data/rates/holiday.toml):

- Fixed hours: 5.6 weeks a year, capped at 28 days (5 days a week -> 28 days; 3 days -> 16.8).
  Starters and leavers get the share of the leave year they are employed for (reg 14: A x B).
- Irregular-hours and part-year workers, leave years starting on or after 1 April 2024 (reg 15B):
  12.07% of the hours worked in each pay period, still within the 28-day cap. The employer may
  instead pay rolled-up holiday pay, 12.07% of the pay for work done, as its own payslip line (16A).
- Variable pay: a week's holiday pay is the average over the last 52 weeks with pay, skipping weeks
  with no pay, looking back no more than 104 weeks, and over fewer weeks if employed for less.

Rounding: entitlement hours and days are rounded UP to 0.01 (statutory leave may be rounded up, never
down); accrual at 12.07% is exact (12.07% of 10 hours is 1.207 hours). Averages are not rounded;
money is rounded half up to the penny once, where it is paid.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from typing import Sequence

from pa_manager.domain.money import ZERO, round_half_up
from pa_manager.domain.rates import dec, group, timeline, value

TOPIC = "holiday"
HUNDREDTH = Decimal("0.01")
# The leave year is the employer's choice (WTR reg 13(3)); 1 April matches the pay and budget years.
LEAVE_YEAR_STARTS = (4, 1)


def _round_up_hundredth(value: Decimal) -> Decimal:
    return value.quantize(HUNDREDTH, rounding=ROUND_CEILING)


@dataclass(frozen=True)
class StatutoryLeave:
    weeks: Decimal
    cap_days: Decimal


def statutory_leave(on: date) -> StatutoryLeave:
    return StatutoryLeave(weeks=dec(value(TOPIC, "statutory_weeks", on)), cap_days=dec(value(TOPIC, "cap_days", on)))


# ---------------------------------------------------------------------------------------------
# Fixed hours
# ---------------------------------------------------------------------------------------------

def leave_year_start(day: date, starts: tuple[int, int] = LEAVE_YEAR_STARTS) -> date:
    """The first day of the leave year that `day` falls in."""
    month, first = starts
    start = date(day.year, month, first)
    return start if start <= day else date(day.year - 1, month, first)


def leave_year_end(leave_year_start: date) -> date:
    """The day before the leave year's anniversary (a 29 February start ends on 28 February)."""
    year = leave_year_start.year + 1
    day = min(leave_year_start.day, calendar.monthrange(year, leave_year_start.month)[1])
    following = date(year, leave_year_start.month, day)
    if (following.month, following.day) != (leave_year_start.month, leave_year_start.day):
        following += timedelta(days=1)  # 29 Feb start: the next leave year starts 1 March
    return following - timedelta(days=1)


def share_of_leave_year(leave_year_start: date, employed_from: date | None = None,
                        employed_to: date | None = None) -> Decimal:
    """Days employed inside the leave year over the days in it (both ends counted)."""
    end = leave_year_end(leave_year_start)
    first = max(leave_year_start, employed_from or leave_year_start)
    last = min(end, employed_to or end)
    if last < first:
        return Decimal(0)
    return Decimal((last - first).days + 1) / Decimal((end - leave_year_start).days + 1)


@dataclass(frozen=True)
class HolidayEntitlement:
    days: Decimal             # statutory days for the (part) year, rounded up to 0.01
    hours: Decimal            # the same in hours, rounded up to 0.01
    capped: bool              # the 28-day cap cut the full-year figure
    share_of_year: Decimal    # 1 for a whole leave year


def fixed_hours_entitlement(
    hours_per_week: Decimal,
    days_per_week: Decimal,
    leave_year_start: date,
    *,
    employed_from: date | None = None,
    employed_to: date | None = None,
) -> HolidayEntitlement:
    """5.6 weeks x the working week, capped at 28 days' worth, pro rata for part of the leave year.

    A day's hours are the week's hours over its days, so the cap in hours is 28 of those days.
    """
    if hours_per_week < 0 or days_per_week <= 0 or days_per_week > 7:
        raise ValueError("HOLIDAY_BAD_WORKING_WEEK")
    leave = statutory_leave(leave_year_start)
    full_days = leave.weeks * days_per_week
    capped = full_days > leave.cap_days
    full_days = min(full_days, leave.cap_days)
    share = share_of_leave_year(leave_year_start, employed_from, employed_to)
    days = full_days * share
    hours = days * hours_per_week / days_per_week
    return HolidayEntitlement(_round_up_hundredth(days), _round_up_hundredth(hours), capped, share)


# ---------------------------------------------------------------------------------------------
# Irregular hours and part-year workers (leave years from 1 April 2024)
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class IrregularHoursRates:
    accrual_rate: Decimal
    rolled_up_rate: Decimal


def irregular_hours_rates(leave_year_start: date) -> IrregularHoursRates:
    """12.07%; raises RatesError for a leave year that started before 1 April 2024."""
    figures = group(TOPIC, "irregular_hours", leave_year_start)
    return IrregularHoursRates(dec(figures["accrual_rate"]), dec(figures["rolled_up_rate"]))


def accrual_method_applies(leave_year_start: date) -> bool:
    """Reg 15B applies only to leave years starting on or after 1 April 2024."""
    return leave_year_start >= timeline(TOPIC, "irregular_hours.accrual_rate")[0].effective_from


def irregular_hours_accrual(
    hours_worked: Decimal,
    leave_year_start: date,
    *,
    accrued_so_far: Decimal = ZERO,
    cap_hours: Decimal | None = None,
) -> Decimal:
    """Hours of holiday earned at the end of a pay period: 12.07% of hours worked, not rounded,
    and no more than is left under the cap (28 days' worth, in hours, which the caller knows)."""
    if hours_worked < 0:
        raise ValueError("HOLIDAY_NEGATIVE_HOURS")
    accrual = hours_worked * irregular_hours_rates(leave_year_start).accrual_rate
    if cap_hours is not None:
        accrual = max(ZERO, min(accrual, cap_hours - accrued_so_far))
    return accrual


def rolled_up_holiday_pay(pay_for_work_done: Decimal, leave_year_start: date) -> Decimal:
    """12.07% of the pay for work done, rounded half up; its own payslip line (reg 16A)."""
    if pay_for_work_done < 0:
        raise ValueError("HOLIDAY_NEGATIVE_PAY")
    return round_half_up(pay_for_work_done * irregular_hours_rates(leave_year_start).rolled_up_rate)


# ---------------------------------------------------------------------------------------------
# Holiday pay for variable pay: the 52-week average
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PayWeek:
    """Pay for one pay period ending on `week_ending`, and the hours it paid for. `weeks` is how many
    weeks the period is (1, 2 or 4; 52/12 for a month), so pay periods of any length can be averaged."""

    week_ending: date
    pay: Decimal
    hours: Decimal
    weeks: Decimal = Decimal(1)


@dataclass(frozen=True)
class AverageHolidayPay:
    weeks_used: Decimal
    total_pay: Decimal
    total_hours: Decimal
    codes: tuple[str, ...]

    @property
    def weekly_exact(self) -> Decimal:
        return self.total_pay / self.weeks_used if self.weeks_used else ZERO

    @property
    def weekly(self) -> Decimal:
        """A week's holiday pay, rounded half up to the penny."""
        return round_half_up(self.weekly_exact)

    @property
    def hourly_exact(self) -> Decimal:
        """Average pay per hour worked, unrounded (multiply, then round the money)."""
        return self.total_pay / self.total_hours if self.total_hours else ZERO

    def pay_for_hours(self, hours: Decimal) -> Decimal:
        return round_half_up(hours * self.hourly_exact)


def reference_lookback(leave_starts: date) -> timedelta:
    """How far back the 52 paid weeks may be looked for (104 weeks): older pay never counts."""
    return timedelta(weeks=int(value(TOPIC, "reference_period.max_lookback_weeks", leave_starts)))


def average_holiday_pay(weeks: Sequence[PayWeek], leave_starts: date) -> AverageHolidayPay:
    """Average over the latest 52 weeks with pay that ended before the leave, skipping weeks with no
    pay and not looking back more than 104 weeks; fewer weeks when fewer exist. Longer pay periods
    count as the weeks they cover, taken whole, newest first, until 52 weeks are reached."""
    rules = group(TOPIC, "reference_period", leave_starts)
    wanted = int(rules["paid_weeks"])
    earliest_end = leave_starts - reference_lookback(leave_starts)
    candidates = sorted(
        (w for w in weeks if earliest_end <= w.week_ending < leave_starts and w.pay > 0),
        key=lambda w: w.week_ending,
        reverse=True,
    )
    used: list[PayWeek] = []
    for week in candidates:
        if sum((w.weeks for w in used), Decimal(0)) >= wanted:
            break
        used.append(week)
    covered = sum((w.weeks for w in used), Decimal(0))
    codes = []
    if not used:
        codes.append("HOLIDAY_NO_PAID_WEEKS")
    elif covered < wanted:
        codes.append("HOLIDAY_FEWER_THAN_52_WEEKS")
    return AverageHolidayPay(
        weeks_used=covered,
        total_pay=sum((w.pay for w in used), ZERO),
        total_hours=sum((w.hours for w in used), Decimal(0)),
        codes=tuple(codes),
    )


# ---------------------------------------------------------------------------------------------
# The balance, and holiday owed on leaving
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HolidayBalance:
    """Hours accrued and taken in the leave year; remaining = accrued - taken (may go negative)."""

    accrued: Decimal = Decimal(0)
    taken: Decimal = Decimal(0)

    @property
    def remaining(self) -> Decimal:
        return self.accrued - self.taken

    def accrue(self, hours: Decimal) -> HolidayBalance:
        if hours < 0:
            raise ValueError("HOLIDAY_NEGATIVE_HOURS")
        return HolidayBalance(self.accrued + hours, self.taken)

    def take(self, hours: Decimal) -> HolidayBalance:
        if hours < 0:
            raise ValueError("HOLIDAY_NEGATIVE_HOURS")
        return HolidayBalance(self.accrued, self.taken + hours)


@dataclass(frozen=True)
class HolidayOnLeaving:
    hours: Decimal      # accrued - taken; negative when more was taken than earned
    amount: Decimal     # hours x hourly rate, rounded half up to the penny
    codes: tuple[str, ...]


def holiday_on_leaving(balance: HolidayBalance, hourly_rate: Decimal) -> HolidayOnLeaving:
    """Pay in lieu of holiday not taken (reg 14: A x B - C, with A x B in `balance.accrued`).

    The hourly rate is the normal rate for fixed hours, or AverageHolidayPay.hourly_exact for
    variable pay. A negative result can be recovered only if the contract says so.
    """
    hours = balance.remaining
    codes = ("HOLIDAY_TAKEN_MORE_THAN_ACCRUED",) if hours < 0 else ()
    return HolidayOnLeaving(hours, round_half_up(hours * hourly_rate), codes)


# ---------------------------------------------------------------------------------------------
# The position on a payslip
# ---------------------------------------------------------------------------------------------

FIXED_HOURS = "FIXED_HOURS"          # the leave year's entitlement, taken so far, left to take
IRREGULAR_HOURS = "IRREGULAR_HOURS"  # earned so far (12.07% of hours worked), taken, left to take
ROLLED_UP = "ROLLED_UP"              # paid with each pay as rolled-up holiday pay: no balance
NOT_RECORDED = "NOT_RECORDED"        # an old record that kept only what was taken


@dataclass(frozen=True)
class HolidayPosition:
    """Holiday in the leave year, in hours, at the end of one pay period: what a payslip shows.

    `entitlement` is the whole leave year's (FIXED_HOURS, pro rata for a starter or leaver) and
    `earned` is what has accrued so far (IRREGULAR_HOURS); `remaining` is either of them less what
    was taken and what was paid off on leaving (nothing left once paid off)."""

    leave_year_start: date
    leave_year_end: date
    basis: str
    taken: Decimal
    entitlement: Decimal | None = None
    earned: Decimal | None = None
    paid_on_leaving: Decimal = ZERO
    remaining: Decimal | None = None


def holiday_position(leave_year_start: date, basis: str, taken: Decimal, *, entitlement: Decimal | None = None,
                     earned: Decimal | None = None, paid_on_leaving: Decimal = ZERO) -> HolidayPosition:
    allowance = entitlement if basis == FIXED_HOURS else earned if basis == IRREGULAR_HOURS else None
    remaining = None if allowance is None else allowance - taken - paid_on_leaving
    return HolidayPosition(leave_year_start, leave_year_end(leave_year_start), basis, taken, entitlement, earned,
                           paid_on_leaving, remaining)
