"""Sick pay in the budget forecast: sickness already recorded, and the most the employer's own sick pay
scheme could cost in the rest of the year.

* Recorded sickness (recorded_sick_pay) is paid as the pay run pays it, by the same functions:
  sick_pay.ssp_for_period for SSP and occupational_sick_pay.scheme_pay for what the scheme adds above
  SSP, pay period by pay period, with the earlier sick days as history (for waiting days, linking and
  the scheme's 12 months). So a scheme day costs the scheme's full or half pay with SSP inside it.
  Each period's pay is one forecast line with no hours, which earns no holiday pay but bears employer
  NI and pension like other pay (forecast.cost_planned).
* The most the scheme could cost (scheme_at_most): if the PA were off sick every day from the day
  after the forecast's date (after their recorded sickness, and once they qualify) to the end of the
  year or their leaving date, what the scheme would pay above SSP for it, with employer NI at the
  PA's full employer rate and pension at the employer's rate on all of it. A continuous absence uses
  the most of the scheme (a new absence starts new waiting days), and NI and pension on all of it
  are at least what the thresholds leave, so the figure is an upper bound, for a contingency: it is
  never taken off the forecast balance.

Average weekly earnings for SSP are taken to be `week_pay`, the normal week's pay the scheme pays
from: the forecast has no pay history for days still to come.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Hashable

from pa_manager.domain.forecast import OnCosts, PlannedCost, employer_ni_rate, pay_period
from pa_manager.domain.money import ZERO, round_half_up
from pa_manager.domain.national_insurance import ni_round
from pa_manager.domain.occupational_sick_pay import FULL, HALF, SickPayScheme, qualifies_from, scheme_pay, ssp_by_day
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.sick_pay import ssp_for_period
from pa_manager.domain.tax_year import tax_year_label


@dataclass(frozen=True)
class SickPA:
    """What one PA's sick pay is worked out from.

    sick_days            every recorded sick day (earlier ones are history)
    qualifying_weekdays  the days they normally work (date.weekday() numbers), as SSP counts them
    week_pay             their normal week's pay (contract hours at their basic rate, or an average week)
    scheme               the sick pay scheme that covers them; None: SSP only
    """

    pa_key: Hashable
    sick_days: tuple[date, ...]
    qualifying_weekdays: frozenset[int]
    week_pay: Decimal
    scheme: SickPayScheme | None = None
    employed_from: date | None = None
    employed_to: date | None = None


def _pay(pa: SickPA, days: list[date], history: list[date], first: date, last: date):
    """(SSP, the scheme's pay above it) for the sick days from first to last, as the pay run works them."""
    ssp = ssp_for_period(days, pa.qualifying_weekdays, pa.week_pay, first, last, history)
    if pa.scheme is None:
        return ssp, None
    above = scheme_pay(days, history, pa.qualifying_weekdays, pa.scheme, pa.employed_from, pa.week_pay, first, last,
                       ssp_by_day(ssp, pa.qualifying_weekdays))
    return ssp, above


def recorded_sick_pay(pa: SickPA, first: date, last: date, frequency: PayFrequency) -> list[PlannedCost]:
    """SSP and the scheme's pay for the PA's recorded sick days from `first` to `last`: one line per pay
    period, on the period's last sick day, with no hours and no holiday pay on it."""
    if not pa.qualifying_weekdays:
        return []
    by_period: dict[tuple[str, int], list[date]] = {}
    for day in sorted(d for d in set(pa.sick_days) if first <= d <= last):
        by_period.setdefault(pay_period(day, frequency), []).append(day)
    lines = []
    for days in by_period.values():
        start, end = days[0], days[-1]  # a period is a run of days: only its own sick days lie between
        ssp, above = _pay(pa, days, [d for d in pa.sick_days if d < start], start, end)
        amount = ssp.amount + (above.amount if above is not None else ZERO)
        if amount > 0:
            lines.append(PlannedCost(end, pa.pa_key, amount, Decimal(0), holiday_earned=False))
    return lines


@dataclass(frozen=True)
class SchemeAtMost:
    """The most a PA's sick pay scheme could cost from `first` to `last` if they were off sick all of it."""

    pa_key: Hashable
    first: date
    last: date
    full_pay_days: int
    half_pay_days: int
    above_ssp: Decimal        # the scheme's pay above SSP for those days
    employer_ni: Decimal      # at most: the full employer rate on all of above_ssp
    employer_pension: Decimal  # at most: the employer's rate on all of above_ssp

    @property
    def total(self) -> Decimal:
        return self.above_ssp + self.employer_ni + self.employer_pension


def scheme_at_most(pa: SickPA, as_of: date, year_end: date, costs: OnCosts) -> SchemeAtMost | None:
    """What the PA's scheme would pay above SSP, with its on-costs, if they were off sick every day from
    the day after `as_of` (or after their last recorded sick day, or from when they qualify, whichever
    is latest) to `year_end` (or their leaving date). None when no scheme covers them, or it could pay
    nothing more this year."""
    if pa.scheme is None or not pa.qualifying_weekdays:
        return None
    qualifies = qualifies_from(pa.scheme, pa.employed_from)
    if qualifies is None:
        return None
    first = max(as_of, max(pa.sick_days, default=as_of)) + timedelta(days=1)
    first = max(first, qualifies)
    last = min(year_end, pa.employed_to or year_end)
    if first > last:
        return None
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    _ssp, above = _pay(pa, days, list(pa.sick_days), first, last)
    full = sum(line.days for line in above.lines if line.kind == FULL)
    half = sum(line.days for line in above.lines if line.kind == HALF)
    amount = above.amount
    if (not full and not half) or amount <= 0:  # nothing above SSP (no usual pay known): no risk to show
        return None
    ni = ni_round(amount * employer_ni_rate(costs.ni_year(tax_year_label(first)), costs.category_for(pa.pa_key)))
    pension = round_half_up(amount * costs.employer_pension_rate) if costs.in_pension(pa.pa_key) else ZERO
    return SchemeAtMost(pa.pa_key, first, last, full, half, amount, ni, pension)
