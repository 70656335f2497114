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
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from typing import Sequence

from pa_manager.domain.compliance.items import DueItem, deadline_status
from pa_manager.domain.money import ZERO, round_half_up
from pa_manager.domain.rates import dec, group, timeline, value, value_or_first

TOPIC = "holiday"
HUNDREDTH = Decimal("0.01")


def _default_starts() -> tuple[int, int]:
    month, day = str(timeline(TOPIC, "default_leave_year_start")[-1].value).split("-")
    return int(month), int(day)


# The leave year is the employer's choice (WTR reg 13(3)); this app's default, 1 April (data), matches the
# pay and budget years. An employer chooses their own (month, day) in their settings.
LEAVE_YEAR_STARTS = _default_starts()


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


# ---------------------------------------------------------------------------------------------
# The employer's leave year
# ---------------------------------------------------------------------------------------------

LEAVE_YEAR_START_INVALID = "LEAVE_YEAR_START_INVALID"


def check_leave_year_starts(month: int, day: int) -> str | None:
    """LEAVE_YEAR_START_INVALID unless (month, day) is a day every year has (29 February is not)."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2001, month)[1]:
        return LEAVE_YEAR_START_INVALID
    return None


@dataclass(frozen=True)
class LeaveYear:
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def following(self) -> LeaveYear:
        return LeaveYear(self.end + timedelta(days=1), leave_year_end(self.end + timedelta(days=1)))

    def previous(self) -> LeaveYear:
        start = leave_year_start(self.start - timedelta(days=1), (self.start.month, self.start.day))
        return LeaveYear(start, leave_year_end(start))


def leave_year(day: date, starts: tuple[int, int] = LEAVE_YEAR_STARTS) -> LeaveYear:
    """The leave year `day` falls in, for a leave year starting each year on `starts` (month, day)."""
    start = leave_year_start(day, starts)
    return LeaveYear(start, leave_year_end(start))


# ---------------------------------------------------------------------------------------------
# Bank holidays: part of the entitlement, or on top of it
# ---------------------------------------------------------------------------------------------

BANK_HOLIDAYS_INCLUDED, BANK_HOLIDAYS_EXTRA = "included", "extra"
BANK_HOLIDAY_CHOICES = (BANK_HOLIDAYS_INCLUDED, BANK_HOLIDAYS_EXTRA)
BANK_HOLIDAY_CHOICE_UNKNOWN = "BANK_HOLIDAY_CHOICE_UNKNOWN"


def working_bank_holidays(bank_holidays: Sequence[date], weekdays: Sequence[int], year: LeaveYear, *,
                          employed_from: date | None = None, employed_to: date | None = None) -> tuple[date, ...]:
    """The bank holidays in the leave year that fall on a day the PA normally works, while employed."""
    first = max(year.start, employed_from or year.start)
    last = min(year.end, employed_to or year.end)
    return tuple(sorted(d for d in set(bank_holidays) if first <= d <= last and d.weekday() in weekdays))


# ---------------------------------------------------------------------------------------------
# Carrying leave over into the next leave year
# ---------------------------------------------------------------------------------------------

SICKNESS = "sickness"                # reg 13(10): too ill to take it
FAMILY_LEAVE = "family_leave"        # reg 13(11): maternity, paternity, adoption, shared parental, ...
EMPLOYER_DID_NOT_ALLOW = "employer_did_not_allow"  # reg 13(16): no reasonable chance, encouragement or warning
AGREEMENT = "agreement"              # reg 13A(7): the 1.6 weeks, by agreement only
CARRY_OVER_REASONS = (SICKNESS, FAMILY_LEAVE, EMPLOYER_DID_NOT_ALLOW, AGREEMENT)
# Which part of the leave a reason carries: the 4 weeks (reg 13), the 1.6 weeks (reg 13A), or, for
# irregular-hours and part-year workers, their reg 15B leave.
FOUR_WEEKS, EXTRA_WEEKS, IRREGULAR_LEAVE = "4_weeks", "1.6_weeks", "irregular"

CARRY_OVER_REASON_UNKNOWN = "CARRY_OVER_REASON_UNKNOWN"
CARRY_OVER_HOURS_INVALID = "CARRY_OVER_HOURS_INVALID"
CARRY_OVER_MORE_THAN_ALLOWED = "CARRY_OVER_MORE_THAN_ALLOWED"


def carry_over_part(reason: str, irregular: bool) -> str:
    if irregular:
        return IRREGULAR_LEAVE
    return EXTRA_WEEKS if reason == AGREEMENT else FOUR_WEEKS


def carry_over_take_by(reason: str, year: LeaveYear, irregular: bool) -> date:
    """The last day carried-over leave may be taken: sickness 18 months after the end of the leave year
    it was due in; reg 15B leave 2 leave years; otherwise the next leave year (figures from the data)."""
    on = year.end
    if irregular and accrual_method_applies(year.start):
        years = int(value_or_first(TOPIC, "carry_over.irregular_hours_years", on))
    elif reason == SICKNESS:
        months = int(value_or_first(TOPIC, "carry_over.sickness_months", on))
        after = year.end + timedelta(days=1)
        month = after.month - 1 + months
        target = date(after.year + month // 12, month % 12 + 1, 1)
        day = min(after.day, calendar.monthrange(target.year, target.month)[1])
        return date(target.year, target.month, day) - timedelta(days=1)
    else:
        name = {FAMILY_LEAVE: "family_leave_years", EMPLOYER_DID_NOT_ALLOW: "employer_failure_years"}.get(
            reason, "agreement_years")
        years = int(value_or_first(TOPIC, f"carry_over.{name}", on))
    last = year
    for _ in range(years):
        last = last.following()
    return last.end


@dataclass(frozen=True)
class CarryOver:
    """Hours carried out of `from_year_start`'s leave year into the next, and why."""

    hours: Decimal
    reason: str
    from_year_start: date
    irregular: bool = False
    note: str = ""
    id: int | None = None

    @property
    def part(self) -> str:
        return carry_over_part(self.reason, self.irregular)


def carry_take_by(carry: CarryOver) -> date:
    """The last day the carried-over leave may be taken (carry_over_take_by, for its own leave year)."""
    start = carry.from_year_start
    return carry_over_take_by(carry.reason, LeaveYear(start, leave_year_end(start)), carry.irregular)


@dataclass(frozen=True)
class CarryOverLimits:
    """Most that may still be carried out of a leave year, in hours, by part of the leave."""

    four_weeks: Decimal
    extra_weeks: Decimal
    irregular: Decimal

    def for_reason(self, reason: str, irregular: bool) -> Decimal:
        part = carry_over_part(reason, irregular)
        return {FOUR_WEEKS: self.four_weeks, EXTRA_WEEKS: self.extra_weeks, IRREGULAR_LEAVE: self.irregular}[part]


def four_weeks_share(entitlement_hours: Decimal, hours_per_week: Decimal, share_of_year: Decimal,
                     on: date) -> Decimal:
    """The reg 13 part of a fixed-hours entitlement: 4 weeks' hours for the share of the year, never
    more than the whole (capped) entitlement; the rest is the reg 13A part."""
    weeks = dec(value(TOPIC, "regulation_13_weeks", on))
    return min(entitlement_hours, _round_up_hundredth(weeks * hours_per_week * share_of_year))


# ---------------------------------------------------------------------------------------------
# The balance for a leave year, and booking holiday against it
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Booking:
    first_day: date
    last_day: date
    hours: Decimal
    note: str = ""
    id: int | None = None
    hours_taken: Decimal = ZERO  # holiday recorded on the rota or timesheets inside these dates

    @property
    def outstanding(self) -> Decimal:
        """What the booking still holds back: its hours less the holiday already recorded in it."""
        return max(ZERO, self.hours - self.hours_taken)


@dataclass(frozen=True)
class LeaveYearBalance:
    """Holiday in one leave year, in hours. `entitlement` is the year's (fixed hours, pro rata) or what
    has been earned so far (irregular hours); `bank_holidays` are hours of bank holidays on working days,
    taken from the entitlement when they are part of it and left out of the sum when they are on top;
    `left` = entitlement + carried in - bank holidays (when included) - taken - booked."""

    year: LeaveYear
    irregular: bool
    entitlement: Decimal
    carried_in: Decimal
    bank_holiday_choice: str
    bank_holiday_days: tuple[date, ...]
    bank_holidays: Decimal
    taken: Decimal
    booked: Decimal
    four_weeks: Decimal  # the reg 13 part of the entitlement (all of it for irregular hours)
    carried_out: Decimal = ZERO
    carried_out_four_weeks: Decimal = ZERO
    carried_out_extra_weeks: Decimal = ZERO

    @property
    def bank_holidays_used(self) -> Decimal:
        return self.bank_holidays if self.bank_holiday_choice == BANK_HOLIDAYS_INCLUDED else ZERO

    @property
    def left(self) -> Decimal:
        return self.entitlement + self.carried_in - self.bank_holidays_used - self.taken - self.booked

    def carry_over_limits(self) -> CarryOverLimits:
        """What may still be carried into the next leave year. Leave used counts first against leave
        carried in, then the 4 weeks, then the 1.6 weeks; never more than is left."""
        used = max(ZERO, self.bank_holidays_used + self.taken + self.booked - self.carried_in)
        left = max(ZERO, self.left - self.carried_out)
        if self.irregular:
            return CarryOverLimits(ZERO, ZERO, left)
        four = max(ZERO, self.four_weeks - used - self.carried_out_four_weeks)
        extra_part = self.entitlement - self.four_weeks
        extra = max(ZERO, extra_part - max(ZERO, used - self.four_weeks) - self.carried_out_extra_weeks)
        return CarryOverLimits(min(four, left), min(extra, left), ZERO)


def leave_year_balance(year: LeaveYear, *, irregular: bool, entitlement: Decimal, four_weeks: Decimal | None = None,
                       carried_in: Sequence[CarryOver] = (), carried_out: Sequence[CarryOver] = (),
                       bank_holiday_choice: str = BANK_HOLIDAYS_INCLUDED, bank_holiday_days: Sequence[date] = (),
                       day_hours: Decimal = ZERO, taken: Decimal = ZERO, coming: Decimal = ZERO,
                       bookings: Sequence[Booking] = ()) -> LeaveYearBalance:
    """The balance for a leave year from its parts (the service gathers them). Irregular-hours PAs'
    bank holidays are part of the leave they earn, so none are counted separately. `coming` is holiday
    already on the timesheet for days still to come: booked, not yet taken."""
    days = () if irregular else tuple(bank_holiday_days)
    out_four = sum((c.hours for c in carried_out if c.part == FOUR_WEEKS), ZERO)
    out_extra = sum((c.hours for c in carried_out if c.part == EXTRA_WEEKS), ZERO)
    return LeaveYearBalance(
        year=year, irregular=irregular, entitlement=entitlement,
        carried_in=sum((c.hours for c in carried_in), ZERO), bank_holiday_choice=bank_holiday_choice,
        bank_holiday_days=days, bank_holidays=day_hours * len(days), taken=taken,
        booked=coming + sum((b.outstanding for b in bookings), ZERO),
        four_weeks=entitlement if irregular or four_weeks is None else four_weeks,
        carried_out=out_four + out_extra + sum((c.hours for c in carried_out if c.part == IRREGULAR_LEAVE), ZERO),
        carried_out_four_weeks=out_four, carried_out_extra_weeks=out_extra)


def carried_unused(balance: LeaveYearBalance, carried_in: Sequence[CarryOver]) -> tuple[CarryOver, ...]:
    """Leave carried into the balance's leave year and not yet used (taken, booked, or bank holidays
    counted), with the hours left: leave used counts first against carried-in leave, the leave to be
    taken soonest first."""
    used = balance.bank_holidays_used + balance.taken + balance.booked
    kept = []
    for carry in sorted(carried_in, key=carry_take_by):
        spent = min(carry.hours, used)
        used -= spent
        if carry.hours > spent:
            kept.append(replace(carry, hours=carry.hours - spent))
    return tuple(kept)


def carried_forward(balance: LeaveYearBalance, carried_in: Sequence[CarryOver]) -> tuple[CarryOver, ...]:
    """Carried-in leave still unused at the end of the balance's leave year that may be taken after it
    (sickness: 18 months; irregular hours: 2 leave years), with the hours left."""
    return tuple(c for c in carried_unused(balance, carried_in) if carry_take_by(c) > balance.year.end)


HOLIDAY_CARRIED_TO_TAKE = "HOLIDAY_CARRIED_TO_TAKE"


def carried_leave_items(pa_key, pa_name: str, balance: LeaveYearBalance, carried_in: Sequence[CarryOver],
                        today: date, within_days: int) -> list[DueItem]:
    """HOLIDAY_CARRIED_TO_TAKE for carried-over leave not yet used or booked whose take-by date is in
    view (from today on: after it the leave is gone), with the hours left."""
    items = []
    for carry in carried_unused(balance, carried_in):
        take_by = carry_take_by(carry)
        if take_by >= today:
            items.append(DueItem.of(HOLIDAY_CARRIED_TO_TAKE, take_by, deadline_status(take_by, today, within_days),
                                    pa_key=pa_key, pa_name=pa_name, hours=carry.hours.quantize(HUNDREDTH)))
    return items


def check_carry_over(balance: LeaveYearBalance, reason: str, hours: Decimal) -> str | None:
    """Why `hours` may not be carried out of the balance's leave year for `reason`, or None."""
    if reason not in CARRY_OVER_REASONS:
        return CARRY_OVER_REASON_UNKNOWN
    if hours <= 0 or hours != hours.quantize(HUNDREDTH):
        return CARRY_OVER_HOURS_INVALID
    if hours > balance.carry_over_limits().for_reason(reason, balance.irregular):
        return CARRY_OVER_MORE_THAN_ALLOWED
    return None


HOLIDAY_BOOKING_DATES_REVERSED = "HOLIDAY_BOOKING_DATES_REVERSED"
HOLIDAY_BOOKING_HOURS_INVALID = "HOLIDAY_BOOKING_HOURS_INVALID"
HOLIDAY_BOOKING_SPANS_LEAVE_YEARS = "HOLIDAY_BOOKING_SPANS_LEAVE_YEARS"
HOLIDAY_BOOKING_OUTSIDE_EMPLOYMENT = "HOLIDAY_BOOKING_OUTSIDE_EMPLOYMENT"
HOLIDAY_BOOKING_OVERLAPS = "HOLIDAY_BOOKING_OVERLAPS"
HOLIDAY_BOOKING_EXCEEDS_BALANCE = "HOLIDAY_BOOKING_EXCEEDS_BALANCE"
# The holiday shifts a booking would put on the timesheet (its days' shifts on the rota) are more than is left.
HOLIDAY_BOOKING_SHIFTS_EXCEED_BALANCE = "HOLIDAY_BOOKING_SHIFTS_EXCEED_BALANCE"


def booking_hours(first_day: date, last_day: date, weekdays: Sequence[int], day_hours: Decimal,
                  bank_holiday_days: Sequence[date] = ()) -> Decimal:
    """A fixed-hours booking's usual hours: a working day's hours for each working weekday in it,
    leaving out bank holidays on working days (already counted in the balance, or given on top)."""
    skip = set(bank_holiday_days)
    count = sum(1 for n in range((last_day - first_day).days + 1)
                if (first_day + timedelta(days=n)).weekday() in weekdays and first_day + timedelta(days=n) not in skip)
    return _round_up_hundredth(day_hours * count)


def check_booking(booking: Booking, balance: LeaveYearBalance, existing: Sequence[Booking] = (), *,
                  employed_from: date | None = None, employed_to: date | None = None,
                  adding: Decimal = ZERO) -> str | None:
    """Why the booking cannot be made, or None: in order, dates the wrong way round, hours not above
    nothing, a booking across two leave years or outside employment, one that overlaps another booking,
    and one that takes more hours than are left: what it holds back beyond the holiday recorded in its
    dates, or the holiday shifts it is `adding` to the timesheet (which then count as taken).
    `balance` leaves the booking out."""
    if booking.last_day < booking.first_day:
        return HOLIDAY_BOOKING_DATES_REVERSED
    if booking.hours <= 0 or booking.hours != booking.hours.quantize(HUNDREDTH):
        return HOLIDAY_BOOKING_HOURS_INVALID
    if booking.first_day not in balance.year or booking.last_day not in balance.year:
        return HOLIDAY_BOOKING_SPANS_LEAVE_YEARS
    if (employed_from and booking.first_day < employed_from) or (employed_to and booking.last_day > employed_to):
        return HOLIDAY_BOOKING_OUTSIDE_EMPLOYMENT
    if any(b.id != booking.id and b.first_day <= booking.last_day and booking.first_day <= b.last_day
           for b in existing):
        return HOLIDAY_BOOKING_OVERLAPS
    if booking.outstanding > balance.left:
        return HOLIDAY_BOOKING_EXCEEDS_BALANCE
    if adding > balance.left:
        return HOLIDAY_BOOKING_SHIFTS_EXCEED_BALANCE
    return None
