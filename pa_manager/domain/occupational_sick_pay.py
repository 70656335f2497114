"""The employer's own sick pay scheme (occupational or contractual sick pay, OSP) on top of SSP.

No law asks for one; the Citizens UK charter asks employers for sick pay above SSP, and many contracts
give it: full pay for so many weeks, then half pay for so many more, in any rolling 12 months, once the
PA has worked for the employer for a qualifying time, with or without waiting days. The scheme:

* `full_pay_weeks` and `half_pay_weeks`: weeks of sick pay at full and at half the PA's normal pay in
  any 12 months. A week is as many days as the PA's qualifying days in a week (the days they normally
  work, as SSP counts them), so 4 weeks for someone who works 3 days a week is 12 sick days.
* `qualifying_months`: whole months of service from the start date before the scheme pays (a day
  before it, only SSP). Months are calendar months, a day the month lacks being its last day.
* `waiting_days`: the first qualifying days of each run of consecutive sick days that the scheme does
  not pay (SSP may still pay them).
* Rolling 12 months: on each sick day, the full-pay and half-pay days already paid in the 12 months
  before it are counted; full pay is paid while full-pay days are left, then half pay while half-pay
  days are left, then only SSP. Only qualifying days are paid, as with SSP.

A day's full pay is the PA's normal week's pay (the caller's `week_pay`: their contract's hours at
their basic rate on that day, or their average weekly earnings as SSP works them out) divided by their
qualifying days in the week; half pay is half that. The scheme includes SSP, never on top of it: on each day the
PA gets the higher of the scheme's pay and SSP, so the scheme adds only what is above the day's SSP.
Its lines are the amounts added for the full-pay days and for the half-pay days, each summed exactly
and rounded half up to the penny once (no statutory rule: a contractual payment, rounded as pay is).

Codes, never English: messages words them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from pa_manager.domain.dates import anniversary
from pa_manager.domain.money import PENNY, ZERO
from pa_manager.domain.pension import add_months
from pa_manager.domain.sick_pay import PAID, SickPayResult, consecutive_runs

MAX_WEEKS = 52
MAX_MONTHS = 60
MAX_WAITING_DAYS = 7

FULL = "FULL"
HALF = "HALF"
WAITING = "WAITING"
NOT_QUALIFIED = "NOT_QUALIFIED"   # before the qualifying service
USED_UP = "USED_UP"               # no full-pay or half-pay days left in the 12 months
NOT_QUALIFYING_DAY = "NOT_QUALIFYING_DAY"

SICK_PAY_SCHEME_WEEKS_OUT_OF_RANGE = "SICK_PAY_SCHEME_WEEKS_OUT_OF_RANGE"
SICK_PAY_SCHEME_MONTHS_OUT_OF_RANGE = "SICK_PAY_SCHEME_MONTHS_OUT_OF_RANGE"
SICK_PAY_SCHEME_WAITING_OUT_OF_RANGE = "SICK_PAY_SCHEME_WAITING_OUT_OF_RANGE"
SICK_PAY_SCHEME_PAYS_NOTHING = "SICK_PAY_SCHEME_PAYS_NOTHING"
CODES = frozenset({SICK_PAY_SCHEME_WEEKS_OUT_OF_RANGE, SICK_PAY_SCHEME_MONTHS_OUT_OF_RANGE,
                   SICK_PAY_SCHEME_WAITING_OUT_OF_RANGE, SICK_PAY_SCHEME_PAYS_NOTHING})


@dataclass(frozen=True)
class SickPayScheme:
    full_pay_weeks: int = 0
    half_pay_weeks: int = 0
    qualifying_months: int = 0
    waiting_days: int = 0


def check_scheme(scheme: SickPayScheme) -> dict[str, str]:
    """What is wrong with a scheme, keyed by field: weeks 0 to 52, months 0 to 60, waiting days 0 to 7,
    and some weeks of pay (a scheme paying nothing is no scheme: remove it instead)."""
    found = {}
    for name in ("full_pay_weeks", "half_pay_weeks"):
        if not 0 <= getattr(scheme, name) <= MAX_WEEKS:
            found[name] = SICK_PAY_SCHEME_WEEKS_OUT_OF_RANGE
    if not 0 <= scheme.qualifying_months <= MAX_MONTHS:
        found["qualifying_months"] = SICK_PAY_SCHEME_MONTHS_OUT_OF_RANGE
    if not 0 <= scheme.waiting_days <= MAX_WAITING_DAYS:
        found["waiting_days"] = SICK_PAY_SCHEME_WAITING_OUT_OF_RANGE
    if not found and scheme.full_pay_weeks == 0 and scheme.half_pay_weeks == 0:
        found["full_pay_weeks"] = SICK_PAY_SCHEME_PAYS_NOTHING
    return found


@dataclass(frozen=True)
class SchemeDay:
    day: date
    status: str   # FULL, HALF, WAITING, NOT_QUALIFIED, USED_UP, NOT_QUALIFYING_DAY


def qualifies_from(scheme: SickPayScheme, employed_from: date | None) -> date | None:
    """The first day the scheme pays for (None: no start date, so never, unless it asks no service)."""
    if employed_from is None:
        return date.min if scheme.qualifying_months == 0 else None
    return add_months(employed_from, scheme.qualifying_months)


def scheme_days(sickness_days: Iterable[date], qualifying_weekdays: Iterable[int], scheme: SickPayScheme,
                employed_from: date | None) -> list[SchemeDay]:
    """Every sick day, in order, with what the scheme pays for it (earlier days are walked too, as the
    waiting days and the 12 months' allowance run across them)."""
    qualifying = frozenset(qualifying_weekdays)
    per_week = len(qualifying)
    full_days, half_days = scheme.full_pay_weeks * per_week, scheme.half_pay_weeks * per_week
    first = qualifies_from(scheme, employed_from)
    paid: list[SchemeDay] = []
    out: list[SchemeDay] = []
    for run_first, run_last in consecutive_runs(sickness_days):
        waited = 0
        day = run_first
        while day <= run_last:
            if day.weekday() not in qualifying:
                status = NOT_QUALIFYING_DAY
            elif waited < scheme.waiting_days:
                waited += 1
                status = WAITING
            elif first is None or day < first:
                status = NOT_QUALIFIED
            else:
                year_before = anniversary(day, -1)
                recent = [d.status for d in paid if d.day > year_before]
                if recent.count(FULL) < full_days:
                    status = FULL
                elif recent.count(HALF) < half_days:
                    status = HALF
                else:
                    status = USED_UP
            item = SchemeDay(day, status)
            out.append(item)
            if status in (FULL, HALF):
                paid.append(item)
            day += timedelta(days=1)
    return out


@dataclass(frozen=True)
class SchemeLine:
    """What the scheme adds above SSP for the days at one kind of pay (FULL or HALF) in the period."""

    kind: str
    days: int
    day_rate: Decimal   # the scheme's pay for one such day, to the penny (display only)
    amount: Decimal


@dataclass(frozen=True)
class SchemePay:
    lines: tuple[SchemeLine, ...]
    days: tuple[SchemeDay, ...]   # the period's sick days

    @property
    def amount(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def codes(self) -> tuple[str, ...]:
        """OSP_<status> for each day in the period the scheme did not pay, once each, in order."""
        found: list[str] = []
        for d in self.days:
            code = f"OSP_{d.status}"
            if d.status in (WAITING, NOT_QUALIFIED, USED_UP) and code not in found:
                found.append(code)
        return tuple(found)


def ssp_by_day(result: SickPayResult | None, qualifying_weekdays: Iterable[int]) -> dict[date, Fraction]:
    """Each day's SSP, exactly (its weekly rate over the qualifying days in the week)."""
    if result is None:
        return {}
    per_week = len(frozenset(qualifying_weekdays))
    return {d.day: Fraction(d.weekly_rate) / per_week for d in result.days if d.status == PAID and d.weekly_rate}


def _half_up(amount: Fraction) -> Decimal:
    pence = (amount * 100 + Fraction(1, 2)).__floor__()
    return (Decimal(pence) / 100).quantize(PENNY)


def scheme_pay(sickness_days: Iterable[date], history: Iterable[date], qualifying_weekdays: Iterable[int],
               scheme: SickPayScheme, employed_from: date | None, week_pay: Decimal | Callable[[date], Decimal],
               period_start: date, period_end: date, ssp_daily: Mapping[date, Fraction]) -> SchemePay:
    """What the scheme adds above SSP for the sick days inside one pay period (history: earlier sick
    days with this employer, for the waiting days and the 12 months' allowance). `week_pay` is the
    normal week's pay, or what it is on a given day (a pay rise in the period pays the days after it
    more): days at one kind of pay and one day's rate make one line, full pay first, then by date."""
    if isinstance(week_pay, float):
        raise TypeError("week_pay is a float; money is Decimal")
    qualifying = frozenset(qualifying_weekdays)
    if not qualifying or not qualifying <= set(range(7)):
        raise ValueError("OSP_QUALIFYING_DAYS_NEEDED")
    all_days = set(sickness_days) | set(history)
    days = [d for d in scheme_days(all_days, qualifying, scheme, employed_from) if period_start <= d.day <= period_end]
    pay_on = week_pay if callable(week_pay) else (lambda _day: week_pay)
    groups: dict[tuple[str, Fraction], list[date]] = {}
    for d in days:
        if d.status in (FULL, HALF):
            week = pay_on(d.day)
            if isinstance(week, float):
                raise TypeError("week_pay is a float; money is Decimal")
            rate = Fraction(max(week, ZERO)) / len(qualifying) / (1 if d.status == FULL else 2)
            groups.setdefault((d.status, rate), []).append(d.day)
    lines = []
    for (kind, rate), mine in sorted(groups.items(), key=lambda item: (item[0][0] != FULL, item[1][0])):
        above = sum((max(rate - ssp_daily.get(day, Fraction(0)), Fraction(0)) for day in mine), Fraction(0))
        lines.append(SchemeLine(kind, len(mine), _half_up(rate), _half_up(above)))
    return SchemePay(tuple(lines), tuple(days))
