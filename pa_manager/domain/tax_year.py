"""The UK tax year (6 April to 5 April), its weeks and months, and when PAYE is due to HMRC.

Tax week 1 is 6 to 12 April; week 53 is the one or two days left at the end (5 April, or 4 and 5
April when the tax year holds 29 February). Tax month 1 is 6 April to 5 May.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.rates import RatesError, known, value

_LABEL = re.compile(r"^(\d{4})-(\d{2})$")

# HMRC's number for the extra payday at the end of the year (a payday in tax week 53): the weekly
# payroll calls it week 53, fortnightly week 54, four-weekly week 56 (RTI guidance on week 53).
EXTRA_WEEK = {PayFrequency.WEEKLY: 53, PayFrequency.FORTNIGHTLY: 54, PayFrequency.FOUR_WEEKLY: 56}


class TaxYearError(ValueError):
    """A tax year label or period number that cannot be right; `.code` says which."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


def tax_year_label(on: date) -> str:
    """'2026-27' for any date from 6 April 2026 to 5 April 2027."""
    first = on.year if on >= date(on.year, 4, 6) else on.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def tax_year_start(label: str) -> date:
    """6 April of the year a label such as '2026-27' starts."""
    match = _LABEL.match(label.strip())
    if not match or int(match.group(2)) != (int(match.group(1)) + 1) % 100:
        raise TaxYearError("TAX_YEAR_FORMAT", f"not a tax year label: {label!r}")
    return date(int(match.group(1)), 4, 6)


def tax_year_end(label: str) -> date:
    """5 April at the end of the tax year."""
    return date(tax_year_start(label).year + 1, 4, 5)


def tax_week(on: date) -> int:
    """Tax week 1..53: week n runs from 6 April + 7(n-1) days."""
    start = tax_year_start(tax_year_label(on))
    return (on - start).days // 7 + 1


def tax_month(on: date) -> int:
    """Tax month 1..12: month 1 runs 6 April to 5 May, month 12 runs 6 March to 5 April."""
    start = tax_year_start(tax_year_label(on))
    months = (on.year - start.year) * 12 + on.month - 4
    if on.day < 6:
        months -= 1
    return months + 1


def period_number(pay_date: date, frequency: PayFrequency) -> int:
    """The period HMRC counts a payday in: the tax month for monthly pay, else the tax week.

    A fortnightly or four-weekly payday in tax week 53 is numbered 54 or 56, as HMRC's RTI guidance
    asks; such a payday is taxed on a week 1 basis (see is_extra_week).
    """
    if frequency is PayFrequency.MONTHLY:
        return tax_month(pay_date)
    week = tax_week(pay_date)
    return EXTRA_WEEK[frequency] if week == 53 else week


def is_extra_week(frequency: PayFrequency, period: int) -> bool:
    """True for HMRC's week 53 / 54 / 56 payday, which PAYE treats on a week 1 basis."""
    return frequency is not PayFrequency.MONTHLY and period == EXTRA_WEEK[frequency]


def check_period(frequency: PayFrequency, period: int) -> None:
    """Refuse period numbers HMRC never uses: months 1..12; weeks 1..52 or the extra week."""
    if frequency is PayFrequency.MONTHLY:
        valid = 1 <= period <= 12
    else:
        valid = 1 <= period <= 52 or is_extra_week(frequency, period)
    if not valid:
        raise TaxYearError("PERIOD_OUT_OF_RANGE", f"{frequency.value} period {period} does not exist")


def tax_month_end(pay_date: date) -> date:
    """The 5th that ends the tax month a date falls in."""
    if pay_date.day >= 6:
        following = date(pay_date.year, pay_date.month, 28) + timedelta(days=4)
        return date(following.year, following.month, 5)
    return date(pay_date.year, pay_date.month, 5)


def hmrc_payment_due(pay_date: date) -> date:
    """PAYE and NI for pay made in a tax month reach HMRC by the 22nd after the month ends
    (electronic payment; GOV.UK 'Paying HMRC', DMBM520055)."""
    end = tax_month_end(pay_date)
    return date(end.year, end.month, 22)


def confirmed_year_start(topic: str, label: str) -> date:
    """6 April of a tax year the rates data confirms `topic`'s figures for (its `tax_year` timeline),
    the day to look those figures up on. A later year never silently borrows an earlier year's
    figures: payroll for a year with no rates must stop (RatesError), not guess."""
    start = tax_year_start(label)
    if not known(topic, "tax_year", start) or value(topic, "tax_year", start) != label:
        raise RatesError(f"no {topic} rates for the {label} tax year", topic=topic, when=label)
    return start
