"""Uprating: the council's hourly rate beside the wage floors, the gap between what a PA costs an
hour and what the council pays, and what-ifs on pay and hours against the year's budget.

Councils are not obliged to raise a direct payment when the National Living Wage rises, so the
employer needs to see, year by year, how the council's rate has moved beside the NLW and the Real
Living Wage, and what an hour of a PA costs against it now and from next April.

The hourly cost of a PA is the pay rate times (1 + the on-cost rate), the on-cost rate being the
sum of three fractions of pay for time worked, in the forecast's model (see forecast.py):

* holiday: 12.07% (holiday pay on top of the hours worked);
* employer NI: the year's employer NI on the PA's earnings (pay plus holiday pay) for their weekly
  hours, less the Employment Allowance when the employer claims it, over the year's pay;
* employer pension: the employer rate on qualifying earnings, over the pay.

Figures are exact Decimals until the end; only the results are rounded half up, money to the penny
and uplifts (fractions, 0.0409 = 4.09%) to four places. The gap is cost minus council rate:
positive means the council's rate falls short.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Hashable, Iterable, Mapping

from pa_manager.domain import living_wage, minimum_wage, rates
from pa_manager.domain.budget import BudgetError, BudgetYear, budget_year_start
from pa_manager.domain.forecast import (
    Costing,
    OnCosts,
    PACost,
    PlannedCost,
    PlanGroup,
    PlanSummary,
    cost_planned,
    employer_ni,
    qualifying_earnings,
    summarise_plan,
)
from pa_manager.domain.money import ZERO, round_half_up
from pa_manager.domain.national_insurance import employment_allowance
from pa_manager.domain.tax_year import tax_year_label

UPLIFT_STEP = Decimal("0.0001")
WEEKS_PER_YEAR = Decimal(52)


def uplift(new: Decimal | None, old: Decimal | None) -> Decimal | None:
    """The rise from old to new as a fraction, to four places; None when either is unknown."""
    if new is None or old is None or old == 0:
        return None
    return ((new - old) / old).quantize(UPLIFT_STEP, rounding=ROUND_HALF_UP)


# --- history ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UpratingRow:
    """One council year: the council's rate and the floors in force on its 1 April.

    nlw   the National Living Wage in force on 1 April (None before the rates data starts)
    rlw   the newest Real Living Wage announced by 1 April: the one employers who follow it must
          be paying by May of that year
    *_provisional  the figure is unverified, or the data has no figure for that year yet and the
          last known one is shown
    *_uplift  the rise on the year before (council: only when the year before was given)
    """

    year_label: str
    council_rate: Decimal
    council_uplift: Decimal | None
    nlw: Decimal | None
    nlw_uplift: Decimal | None
    nlw_provisional: bool
    rlw: Decimal | None
    rlw_uplift: Decimal | None
    rlw_provisional: bool


def _nlw(on: date) -> tuple[Decimal | None, bool]:
    # The NLW in force on 1 April; provisional when unverified or when the data has no rate from
    # that April yet (the last known one is shown).
    try:
        table = minimum_wage.rates_in_force(on)
    except rates.RatesError:
        return None, False
    return table.rate(minimum_wage.NLW), table.provisional or table.effective_from != on


def _rlw(on: date, london: bool) -> tuple[Decimal | None, bool]:
    # The newest RLW announced by the day; provisional when unverified or when it was announced
    # more than a year before (that autumn's announcement is missing from the data).
    found = living_wage.latest_announced(on)
    if found is None:
        return None, False
    stale = found.announced < date(on.year - 1, on.month, 1)
    return found.rate(london), found.provisional or stale


def uprating_history(council_rates: Mapping[str, Decimal], *, london: bool = False) -> tuple[UpratingRow, ...]:
    """The council's hourly rate per year (by label "2026-27") beside the NLW and RLW, oldest first."""
    rows = []
    for label in sorted(council_rates, key=budget_year_start):
        start = budget_year_start(label)
        before = date(start.year - 1, 4, 1)
        previous_label = f"{start.year - 1}-{start.year % 100:02d}"
        nlw, nlw_provisional = _nlw(start)
        rlw, rlw_provisional = _rlw(start, london)
        rows.append(UpratingRow(
            year_label=label,
            council_rate=council_rates[label],
            council_uplift=uplift(council_rates[label], council_rates.get(previous_label)),
            nlw=nlw,
            nlw_uplift=uplift(nlw, _nlw(before)[0]),
            nlw_provisional=nlw_provisional,
            rlw=rlw,
            rlw_uplift=uplift(rlw, _rlw(before, london)[0]),
            rlw_provisional=rlw_provisional,
        ))
    return tuple(rows)


# --- the on-cost rate and the gap ---------------------------------------------------------------


@dataclass(frozen=True)
class OnCostRate:
    """On-costs as exact fractions of pay for time worked. `ni_tax_year` is the year whose NI
    figures were used: the latest known when the year asked for is not in the data yet, and then
    `provisional` is set."""

    holiday: Decimal
    employer_ni: Decimal
    employer_pension: Decimal
    ni_tax_year: str
    provisional: bool

    @property
    def total(self) -> Decimal:
        return self.holiday + self.employer_ni + self.employer_pension


def _ni_year(tax_year: str) -> tuple[str, bool]:
    # A year not in the NI data yet borrows the latest year's figures, marked provisional.
    known = [p.figures["tax_year"] for p in rates.periods("national_insurance")]
    if tax_year in known:
        return tax_year, False
    earlier = [label for label in known if label < tax_year]
    if not earlier:
        raise rates.RatesError(f"no national insurance rates for {tax_year}")
    return earlier[-1], True


def on_cost_rate(pay_rate: Decimal, weekly_hours: Decimal, tax_year: str, costs: OnCosts, *,
                 category: str | None = None, after_allowance: bool = True,
                 allowance: Decimal | None = None) -> OnCostRate:
    """The on-cost rate for a PA on `pay_rate` for `weekly_hours`, paid on costs.frequency.

    after_allowance  set the Employment Allowance against the PA's employer NI for the year;
    allowance        how much of it to set (default the year's whole allowance: pass a share when
                     several PAs share it)
    Pension is costs.employer_pension_rate on qualifying earnings (pass OnCosts with a rate of 0
    for a PA the employer pays no pension for); pension_members is for planned costs only.
    """
    if pay_rate <= 0 or weekly_hours <= 0:
        raise BudgetError("UPRATING_NO_PAY")
    ni_year, provisional = _ni_year(tax_year)
    per_year = Decimal(costs.frequency.periods_per_year)
    worked = pay_rate * weekly_hours * WEEKS_PER_YEAR / per_year  # one period's pay for work
    earnings = worked + worked * costs.holiday_rate
    annual_ni = employer_ni(ni_year, costs.frequency, earnings, category or costs.ni_category) * per_year
    if after_allowance:
        offset = employment_allowance(ni_year) if allowance is None else allowance
        annual_ni = max(annual_ni - offset, ZERO)
    pension = costs.employer_pension_rate * qualifying_earnings(
        earnings, costs.qualifying_lower_per_period, costs.qualifying_upper_per_period) * per_year
    annual_pay = pay_rate * weekly_hours * WEEKS_PER_YEAR
    return OnCostRate(costs.holiday_rate, annual_ni / annual_pay, pension / annual_pay, ni_year, provisional)


def hourly_rate_needed(pay_rate: Decimal, on_cost_rate: Decimal) -> Decimal:
    """The council hourly rate that covers pay plus on-costs, rounded half up to the penny."""
    return round_half_up(pay_rate * (1 + on_cost_rate))


@dataclass(frozen=True)
class GapFigures:
    """The gap on one date. hourly_cost is also the council rate that would cover the PA (to the
    penny); gap_per_hour and gap_per_year (weekly hours x 52) are worked from the exact cost."""

    on: date
    pay_rate: Decimal
    weekly_hours: Decimal
    council_rate: Decimal
    on_costs: OnCostRate
    hourly_cost: Decimal
    gap_per_hour: Decimal
    gap_per_year: Decimal
    provisional: bool


@dataclass(frozen=True)
class UpratingGap:
    """Now, and from next April with the PA raised to at least the new minimum for `band`."""

    now: GapFigures
    next_april: GapFigures
    next_minimum: Decimal
    next_minimum_provisional: bool


def _gap(on: date, tax_year: str, pay_rate: Decimal, weekly_hours: Decimal, council_rate: Decimal,
         costs: OnCosts, provisional: bool, **options) -> GapFigures:
    rate = on_cost_rate(pay_rate, weekly_hours, tax_year, costs, **options)
    exact_gap = pay_rate * (1 + rate.total) - council_rate
    return GapFigures(
        on=on, pay_rate=pay_rate, weekly_hours=weekly_hours, council_rate=council_rate, on_costs=rate,
        hourly_cost=hourly_rate_needed(pay_rate, rate.total),
        gap_per_hour=round_half_up(exact_gap),
        gap_per_year=round_half_up(exact_gap * weekly_hours * WEEKS_PER_YEAR),
        provisional=provisional or rate.provisional,
    )


def uprating_gap(*, pay_rate: Decimal, weekly_hours: Decimal, council_rate: Decimal, on: date,
                 costs: OnCosts, council_rate_next: Decimal | None = None, band: str = minimum_wage.NLW,
                 category: str | None = None, after_allowance: bool = True,
                 allowance: Decimal | None = None) -> UpratingGap:
    """The uprating gap on `on` and from the next 1 April after it.

    Next April the PA is paid at least the minimum for `band` then (from the rates data; marked
    provisional when the figure is unverified or the data has no rate from that April) and the
    council's rate stays as it is unless `council_rate_next` is given (councils need not uprate).
    NI and the allowance from next April use the tax year starting on 6 April.
    """
    options = dict(category=category, after_allowance=after_allowance, allowance=allowance)
    now = _gap(on, tax_year_label(on), pay_rate, weekly_hours, council_rate, costs, False, **options)
    april = date(on.year + 1 if on.month >= 4 else on.year, 4, 1)
    table = minimum_wage.rates_in_force(april)
    minimum = table.rate(band)
    minimum_provisional = table.provisional or table.effective_from != april
    next_rate = max(pay_rate, minimum)
    council_next = council_rate if council_rate_next is None else council_rate_next
    following = _gap(april, tax_year_label(date(april.year, 4, 6)), next_rate, weekly_hours, council_next,
                     costs, minimum_provisional, **options)
    return UpratingGap(now, following, minimum, minimum_provisional)


# --- what-if ------------------------------------------------------------------------------------


def real_living_wage_target(on: date, *, london: bool = False) -> tuple[Decimal, bool] | None:
    """The newest Real Living Wage announced by the day and whether it is provisional; None
    before the first one in the data."""
    found = living_wage.latest_announced(on)
    return (found.rate(london), found.provisional) if found else None


def nlw_plus(on: date, extra: Decimal = ZERO) -> tuple[Decimal, bool]:
    """The National Living Wage in force on the day plus `extra` (NLW + £x), and if provisional."""
    nlw, provisional = minimum_wage.national_living_wage_on(on)
    return nlw + extra, provisional


@dataclass(frozen=True)
class Scenario:
    """A change to every PA, applied to every planned line.

    rate_change           each PA's rate rises by this fraction (0.05 = 5%), to the penny
    rate_at_least         then every PA is paid at least this hourly rate (the RLW, NLW + £x)
    hours_change          each PA's hours change by this fraction (-0.1 = a tenth fewer)
    hours_per_week_change then each PA gains (or loses) this many hours a week, spread over their
                          planned lines in proportion; hours never go below nothing
    Pay scales with the rate, so a premium or enhancement keeps its proportion to the basic rate.
    """

    rate_change: Decimal = ZERO
    rate_at_least: Decimal | None = None
    hours_change: Decimal = ZERO
    hours_per_week_change: Decimal = ZERO


def apply_scenario(plan: PlanSummary, scenario: Scenario, *, weeks: Decimal = WEEKS_PER_YEAR) -> PlanSummary:
    """The plan as it would be under the scenario. `weeks` is how many weeks the plan covers, for
    hours_per_week_change. New pay is rounded half up to the penny per PA, pay period and rate."""
    hours_by_pa: dict[Hashable, Decimal] = {}
    for g in plan.groups:
        hours_by_pa[g.pa_key] = hours_by_pa.get(g.pa_key, Decimal(0)) + g.hours
    hours_factor = {}
    for pa, hours in hours_by_pa.items():
        wanted = max(hours * (1 + scenario.hours_change) + scenario.hours_per_week_change * weeks, Decimal(0))
        hours_factor[pa] = wanted / hours if hours else Decimal(1)  # no hours: nothing to scale
    out = []
    for g in plan.groups:
        rate = g.hourly_rate if g.hourly_rate is not None else (g.gross_pay / g.hours if g.hours else None)
        if rate:
            new_rate = rate if not scenario.rate_change else round_half_up(rate * (1 + scenario.rate_change))
            if scenario.rate_at_least is not None:
                new_rate = max(new_rate, scenario.rate_at_least)
            rate_factor = new_rate / rate
        else:  # a flat amount with no hours: only the percentage applies
            new_rate, rate_factor = g.hourly_rate, 1 + scenario.rate_change
        factor = hours_factor[g.pa_key]
        out.append(PlanGroup(g.pa_key, g.tax_year, g.period, g.last_day, g.hours * factor,
                             round_half_up(g.gross_pay * rate_factor * factor), new_rate))
    return PlanSummary(plan.frequency, tuple(out))


@dataclass(frozen=True)
class WhatIfResult:
    """The year's cost under a scenario against the year's direct payment (its annual amount).

    difference  budget - total_cost: negative means the plan costs more than the council pays
    change      total_cost - baseline_cost: what the scenario adds
    """

    budget: Decimal
    baseline_cost: Decimal
    total_cost: Decimal
    difference: Decimal
    change: Decimal
    costing: Costing

    @property
    def per_pa(self) -> tuple[PACost, ...]:
        return self.costing.per_pa


def what_if(year: BudgetYear, plan: PlanSummary | Iterable[PlannedCost], costs: OnCosts, scenario: Scenario, *,
            weeks: Decimal = WEEKS_PER_YEAR, allowance_used: Mapping[str, Decimal] | None = None) -> WhatIfResult:
    """Cost the year's plan as it is and under the scenario, against the year's budget. Pass the
    planned lines (those in the council year are used) or, when trying many scenarios on one plan,
    summarise_plan(lines, costs.frequency) once and pass that."""
    if not isinstance(plan, PlanSummary):
        start, end = year.starts_on, year.ends_on
        plan = summarise_plan((p for p in plan if start <= p.on <= end), costs.frequency)
    baseline = cost_planned(plan, costs, allowance_used=allowance_used).total
    costing = cost_planned(apply_scenario(plan, scenario, weeks=weeks), costs, allowance_used=allowance_used)
    total = costing.total
    return WhatIfResult(year.annual_amount, baseline, total, year.annual_amount - total, total - baseline,
                        costing)
