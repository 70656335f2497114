"""Leaving properly: notice, pay in lieu of notice, and statutory redundancy pay.

- Statutory minimum notice from the employer (ERA 1996 s.86(1)): none under one month's continuous
  employment; one week under two years; then one week for each complete year, up to twelve weeks.
  The notice due is the longer of that and the contract's.
- Notice runs from the day it is given. Notice worked is paid as normal through the hours worked;
  the part of the notice after the last working day is paid in lieu (PILON): taxable pay and NI-able,
  on the last payslip (ITEPA 2003 s.402A-402E, post-employment notice pay, from 6 April 2018).
- Statutory redundancy pay (ERA 1996 ss.155, 162, 227): only after two years' continuous employment
  by the relevant date; for each complete year, counted back from the relevant date and at most 20,
  half a week's pay for a year throughout which the employee was under 22, one week's for 22 to 40,
  and one and a half weeks' from 41; a week's pay capped at the figure in force on the relevant date.
  The relevant date is the last working day, moved on by the statutory minimum notice when that
  notice was not given (s.145(5)). It is free of tax and NI up to £30,000 (ITEPA s.403): paid as an
  untaxed addition.
The age bands, the 20-year cap and the weekly cap are data (data/rates/redundancy.toml).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from pa_manager.domain.money import ZERO, round_half_up
from pa_manager.domain.rates import dec, timeline, value

PAY_IN_LIEU_OF_NOTICE = "PAY_IN_LIEU_OF_NOTICE"   # one-off pay line code
REDUNDANCY_PAY = "Statutory redundancy pay"         # the untaxed addition's description

# Codes saying why there is no redundancy pay, or what to look at.
REDUNDANCY_UNDER_TWO_YEARS = "REDUNDANCY_UNDER_TWO_YEARS"
REDUNDANCY_OVER_TAX_FREE = "REDUNDANCY_OVER_TAX_FREE"


def _rules():
    """The parts of the law that are not uprated, as the law stands (each timeline's latest entry)."""
    return {name: timeline("redundancy", name)[-1].value
            for name in ("qualifying_years", "max_years", "bands", "tax_free_up_to", "notice_min_service_months",
                         "notice_max_weeks")}


def complete_years(start: date, end: date) -> int:
    """Whole years from `start` to `end` (both days worked)."""
    if end < start:
        return 0
    return relativedelta(end + timedelta(days=1), start).years


def statutory_notice_weeks(start: date, notice_given_on: date) -> int:
    """ERA 1996 s.86(1): the least notice an employer must give after this much continuous employment."""
    rules = _rules()
    served = relativedelta(notice_given_on + timedelta(days=1), start)
    if served.years == 0 and served.months < rules["notice_min_service_months"]:
        return 0
    years = served.years
    if years < 2:
        return 1
    return min(years, rules["notice_max_weeks"])


@dataclass(frozen=True)
class Notice:
    statutory_weeks: int
    contractual_weeks: int
    given_on: date
    ends_on: date                  # the last day of the notice
    weeks_due: int                 # the longer of the two
    days_in_lieu: int              # notice days after the last working day, paid in lieu
    pay_in_lieu: Decimal

    @property
    def worked_in_full(self) -> bool:
        return self.days_in_lieu == 0


def notice(start: date, given_on: date, last_day: date, contractual_weeks: int | None, week_pay: Decimal) -> Notice:
    """The notice due, when it ends, and the pay for any of it not worked: week's pay / 7 a day,
    rounded to the penny once."""
    statutory = statutory_notice_weeks(start, given_on)
    weeks = max(statutory, contractual_weeks or 0)
    ends = given_on + timedelta(days=7 * weeks) if weeks else given_on
    days = max((ends - last_day).days, 0)
    return Notice(statutory, contractual_weeks or 0, given_on, ends, weeks, days,
                  round_half_up(week_pay * days / 7) if days else ZERO)


def week_pay_cap(relevant_date: date) -> Decimal:
    return dec(value("redundancy", "week_pay_cap", relevant_date))


def relevant_date(last_day: date, start: date, statutory_notice_given: bool, notice_given_on: date | None) -> date:
    """ERA s.145: the last working day, moved on by the statutory minimum notice when it was not given."""
    if statutory_notice_given:
        return last_day
    weeks = statutory_notice_weeks(start, notice_given_on or last_day)
    return max(last_day, (notice_given_on or last_day) + timedelta(days=7 * weeks))


@dataclass(frozen=True)
class RedundancyPay:
    relevant_date: date
    years_counted: int
    weeks: Decimal                 # weeks' pay due
    week_pay: Decimal              # as capped
    amount: Decimal
    codes: tuple[str, ...] = ()


def redundancy_pay(start: date, relevant: date, date_of_birth: date, week_pay: Decimal) -> RedundancyPay:
    """Statutory redundancy pay on the relevant date."""
    rules = _rules()
    cap = week_pay_cap(relevant)
    pay = min(week_pay, cap)
    years = complete_years(start, relevant)
    if years < rules["qualifying_years"]:
        return RedundancyPay(relevant, 0, Decimal(0), pay, ZERO, (REDUNDANCY_UNDER_TWO_YEARS,))
    counted = min(years, rules["max_years"])
    bands = sorted(((b["from_age"], dec(b["weeks"])) for b in rules["bands"]), reverse=True)
    weeks = Decimal(0)
    for back in range(counted):
        year_start = relevant - relativedelta(years=back + 1) + timedelta(days=1)
        age = relativedelta(year_start, date_of_birth).years   # throughout the year: the age at its start
        weeks += next(w for from_age, w in bands if age >= from_age)
    amount = round_half_up(weeks * pay)
    codes = (REDUNDANCY_OVER_TAX_FREE,) if amount > dec(rules["tax_free_up_to"]) else ()
    return RedundancyPay(relevant, counted, weeks, pay, amount, codes)
