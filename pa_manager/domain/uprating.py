"""Uprating: the council's hourly rate beside the wage floors, what an hour of the household's care
costs in each council year against what the council pays, and what-ifs on pay and hours.

Councils are not obliged to raise a direct payment when the National Living Wage rises, so the
employer needs to see, year by year, how the council's rate has moved beside the NLW and the Real
Living Wage, and what an hour of their PAs' work costs against it this year and from next April.

A year is costed whole, each day at the figures in force on it (cost_year): the rota's planned shifts
costed the payslip's way (pay_rates.shift_cost: each PA's rate for the shift's type, sleep-in
allowances, weekend and bank-holiday enhancements), then holiday pay, employer NI less the Employment
Allowance and employer pension by pay period, in the forecast's model (see forecast.py). A year still
to come is costed as a need: every PA paid below that year's wage floor (the legal minimum for their
age on the day, or the Real Living Wage for an employer who follows it) is raised to it.

The cost of an hour is the year's cost over its hours paid by the hour, rounded once; the gap is that
less the council's rate (positive: the council's rate falls short). Rises are exact fractions until
they are shown, so they are rounded once.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Callable, Hashable, Iterable, Mapping

from pa_manager.domain import dates, living_wage, minimum_wage, rates
from pa_manager.domain.budget import BudgetError, BudgetYear, budget_year_start
from pa_manager.domain.forecast import (
    Costing,
    OnCosts,
    PACost,
    PlannedCost,
    PlanGroup,
    PlanSummary,
    cost_planned,
    summarise_plan,
)
from pa_manager.domain.money import PENNY, ZERO, round_half_up
from pa_manager.domain.pay_rates import PayRate, PayRateError, rate_for, shift_cost
from pa_manager.domain.people import PayTerms
from pa_manager.domain.shifts import Shift, ShiftType, local_date
from pa_manager.domain.tax_year import tax_year_label

WEEKS_PER_YEAR = Decimal(52)
ABSENCES = frozenset({ShiftType.HOLIDAY, ShiftType.SICKNESS})


def uplift(new: Decimal | None, old: Decimal | None) -> Decimal | None:
    """The rise from old to new as an exact fraction (0.0674603… for 12.60 -> 13.45), left unrounded
    so that whoever shows it rounds once; None when either is unknown."""
    if new is None or old is None or old == 0:
        return None
    return (new - old) / old


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


# --- a year's work costed -----------------------------------------------------------------------


def ni_stand_ins(tax_years: Iterable[str]) -> dict[str, str]:
    """For each tax year not in the NI data yet, the latest earlier year whose figures stand in for it
    (the costing is then provisional). Years in the data are left out; rates.RatesError if a year
    comes before every year in the data."""
    known = sorted(entry.value for entry in rates.timeline("national_insurance", "tax_year"))
    out = {}
    for tax_year in tax_years:
        if tax_year in known:
            continue
        earlier = [label for label in known if label < tax_year]
        if not earlier:
            raise rates.RatesError(f"no national insurance rates for {tax_year}", topic="national_insurance",
                                   when=tax_year)
        out[tax_year] = earlier[-1]
    return out


@dataclass(frozen=True)
class PAWork:
    """One PA's planned work in a council year, their pay terms, and what their legal minimum depends on.

    Holiday and sickness are absences, costed as the holiday on-cost, so they are left out, as are
    shifts outside the year."""

    pa_key: Hashable
    name: str
    shifts: tuple[Shift, ...]
    terms: PayTerms
    date_of_birth: date | None = None
    apprentice: bool = False
    apprenticeship_start: date | None = None


@dataclass(frozen=True)
class Raise:
    """A PA raised to the wage floor in a year costed as a need: their basic rate `from_rate` became
    `to_rate` from `first_day` (a birthday can bring a second raise later in the year)."""

    pa_key: Hashable
    name: str
    from_rate: Decimal
    to_rate: Decimal
    first_day: date


# Parts of a year's cost, in the order the lines are shown. Codes, never words.
FLOOR_PAY = "FLOOR_PAY"            # hours x the wage floor (legal minimum for the PA's age, or the RLW)
PAY_ABOVE_FLOOR = "PAY_ABOVE_FLOOR"  # basic pay above the floor: rates agreed above it
PREMIUMS = "PREMIUMS"              # weekend and bank-holiday enhancements above the basic rate
SLEEP_INS = "SLEEP_INS"            # sleep-in nights paid a set allowance
HOLIDAY_PAY = "HOLIDAY_PAY"        # holiday pay on top of pay for work
EMPLOYER_NI = "EMPLOYER_NI"        # employer's Class 1 NI, less the Employment Allowance claimed
EMPLOYER_PENSION = "EMPLOYER_PENSION"
PARTS = (FLOOR_PAY, PAY_ABOVE_FLOOR, PREMIUMS, SLEEP_INS, HOLIDAY_PAY, EMPLOYER_NI, EMPLOYER_PENSION)
ALWAYS_SHOWN = frozenset({FLOOR_PAY, HOLIDAY_PAY, EMPLOYER_NI, EMPLOYER_PENSION})


@dataclass(frozen=True)
class CostLine:
    """One part of a year's cost: the year's amount (exact pence) and its share of an hour. The
    hourly shares are rounded so that they add up to the year's cost of an hour: each is the
    rounded running total less the one before, never more than a penny from its own quotient."""

    code: str
    year: Decimal
    per_hour: Decimal


@dataclass(frozen=True)
class YearCost:
    """A council year's planned work costed at the figures in force on its own dates: each PA's pay
    rates, sleep-in allowances and enhancements (as the payslip counts them), holiday pay, employer
    NI and the Employment Allowance of each tax year, and the employer's pension.

    raised_to_floor   a year costed as a need: every PA paid below the wage floor on a day (the legal
                      minimum for their age, or the Real Living Wage for an employer who follows it)
                      is raised to it for that day's work
    hours             hours paid by the hour; a sleep-in night paid an allowance counts only its awake time
    nights            sleep-in nights paid an allowance; their cost is spread over the hours
    floor_pay         the part of basic pay up to the floor (every hour at the lower of its rate and the floor)
    council_rate_recorded  False when the year has no budget year recorded: the rate is the year
                      before's, "if it stays the same"
    provisional       a figure is not confirmed: the year's minimum wage, the Real Living Wage (the
                      newest in the data is older than a year), or NI figures borrowed from an earlier
                      year (`ni_borrowed`, tax year -> the year standing in)
    unpriced          planned shifts left out because the PA has no pay rate for them

    gap_per_year = total - council_rate x hours (rounded once); gap_per_hour = hourly_cost - council_rate,
    which is the exact gap an hour rounded once, as the council rate is whole pence.
    """

    label: str
    council_rate: Decimal
    council_rate_recorded: bool
    raised_to_floor: bool
    follows_real_living_wage: bool
    hours: Decimal
    nights: int
    floor_pay: Decimal
    basic_pay: Decimal
    premiums: Decimal
    allowances: Decimal
    holiday_pay: Decimal
    employer_ni: Decimal
    employment_allowance: Decimal
    employer_pension: Decimal
    nlw: Decimal
    nlw_provisional: bool
    rlw: Decimal | None
    rlw_provisional: bool
    ni_borrowed: tuple[tuple[str, str], ...]
    raises: tuple[Raise, ...]
    unpriced: int
    holiday_rate: Decimal
    night_rates: tuple[Decimal, ...] = ()  # the sleep-in allowances paid, each amount once, lowest first

    @property
    def starts_on(self) -> date:
        return budget_year_start(self.label)

    @property
    def provisional(self) -> bool:
        return self.nlw_provisional or (self.follows_real_living_wage and self.rlw_provisional) or bool(self.ni_borrowed)

    @property
    def total(self) -> Decimal:
        return (self.basic_pay + self.premiums + self.allowances + self.holiday_pay + self.employer_ni
                - self.employment_allowance + self.employer_pension)

    def _parts(self) -> list[tuple[str, Decimal]]:
        return [(FLOOR_PAY, self.floor_pay), (PAY_ABOVE_FLOOR, self.basic_pay - self.floor_pay),
                (PREMIUMS, self.premiums), (SLEEP_INS, self.allowances), (HOLIDAY_PAY, self.holiday_pay),
                (EMPLOYER_NI, self.employer_ni - self.employment_allowance), (EMPLOYER_PENSION, self.employer_pension)]

    def lines(self) -> tuple[CostLine, ...]:
        """The cost part by part. Pay above the floor, premiums and sleep-ins are left out when there
        are none; the floor's pay and the on-costs never are (an on-cost of nothing says so)."""
        out, running, shown = [], ZERO, ZERO
        for code, amount in self._parts():
            running += amount
            upto = round_half_up(running / self.hours)
            if amount or code in ALWAYS_SHOWN:
                out.append(CostLine(code, amount, upto - shown))
                shown = upto
        return tuple(out)

    @property
    def hourly_cost(self) -> Decimal:
        """The year's cost over its hours, rounded once: what the council's rate needs to be."""
        return round_half_up(self.total / self.hours)

    @property
    def council_pays(self) -> Decimal:
        return round_half_up(self.council_rate * self.hours)

    @property
    def gap_per_hour(self) -> Decimal:
        """Positive: the council's rate falls short by this much an hour."""
        return self.hourly_cost - self.council_rate

    @property
    def gap_per_year(self) -> Decimal:
        return self.total - self.council_pays


def real_living_wage_for_year(label: str, *, london: bool = False) -> tuple[Decimal, bool] | None:
    """The Real Living Wage for a council year: the newest announced by its 1 April, which employers
    who follow it pay by May; provisional when unverified or announced over a year before (that
    autumn's rate is not in the data yet). None before the first in the data."""
    found, provisional = _rlw(budget_year_start(label), london)
    return None if found is None else (found, provisional)


def wage_floor(on: date, work: PAWork, rlw: Decimal | None) -> Decimal:
    """The least a PA may be paid an hour on a day: the legal minimum for their age and apprenticeship
    (the National Living Wage when the date of birth is not recorded), or the Real Living Wage when
    given and higher (it is for workers aged 18 and over)."""
    table = minimum_wage.rates_in_force(on)
    if work.date_of_birth is None or work.date_of_birth > on:
        legal, age = table.rate(minimum_wage.NLW), None
    else:
        age = dates.age_on(work.date_of_birth, on)
        try:
            apprentice = minimum_wage.apprentice_rate_applies(age, on, work.apprentice, work.apprenticeship_start)
            legal = table.rate(minimum_wage.band_for(age, table, apprentice_rate=apprentice))
        except minimum_wage.MinimumWageError:  # under school-leaving age: no minimum applies
            legal = ZERO
    if rlw is not None and (age is None or age >= living_wage.min_age(on)):
        return max(legal, rlw)
    return legal


def cost_year(label: str, work: Iterable[PAWork], costs: OnCosts, council_rate: Decimal, *,
              council_rate_recorded: bool = True, raise_to_floor: bool = False,
              follows_real_living_wage: bool = False, london: bool = False,
              is_bank_holiday: Callable[[date], bool] = lambda day: False) -> YearCost:
    """Cost a council year's planned work at the figures in force on each day (see YearCost).

    Each shift is costed as the payslip costs it (pay_rates.shift_cost: the rate for its type in force
    on its date, the sleep-in allowance, weekend and bank-holiday enhancements); with `raise_to_floor`
    a basic rate below the day's wage floor is replaced by the floor, so enhancements follow it.
    BudgetError UPRATING_NO_HOURS when no planned hour has a rate."""
    start = budget_year_start(label)
    end = date(start.year + 1, 3, 31)
    nlw, nlw_provisional = _nlw(start)
    rlw_found = real_living_wage_for_year(label, london=london)
    rlw, rlw_provisional = rlw_found if rlw_found else (None, False)
    floor_rlw = rlw if follows_real_living_wage else None
    lines: list[PlannedCost] = []
    floor_pay_minutes = Decimal(0)  # pounds an hour x minutes: exact in Decimal, divided by 60 once
    basic = premiums = allowances = ZERO
    nights = unpriced = 0
    night_rates: set[Decimal] = set()
    raises: dict[tuple, Raise] = {}
    for pa in work:
        terms = pa.terms
        floors: dict[date, Decimal] = {}  # a PA's wage floor by day (most days hold more than one shift)
        for shift in pa.shifts:
            day = local_date(shift)
            if not start <= day <= end or shift.shift_type in ABSENCES:
                continue
            try:
                rate = rate_for(terms.rates, shift.shift_type, day)
                floor = floors.get(day)
                if floor is None:
                    floor = floors[day] = wage_floor(day, pa, floor_rlw)
                if raise_to_floor and rate < floor:
                    key = (pa.pa_key, rate, floor)
                    if key not in raises or day < raises[key].first_day:
                        raises[key] = Raise(pa.pa_key, pa.name, rate, floor, day)
                    rate = floor
                # The rate found, as the one rate in force that day: shift_cost need not look it up again.
                pay = shift_cost(shift, (PayRate(day, shift.shift_type, rate),), terms.enhancements, is_bank_holiday,
                                 sleep_in_allowances=terms.sleep_in_allowances)
            except PayRateError:
                unpriced += 1
                continue
            floor_pay_minutes += min(pay.basic_rate, floor) * pay.paid_minutes
            basic += pay.basic
            premiums += pay.premium
            allowances += pay.sleep_in_allowance
            nights += pay.night
            if pay.night:
                night_rates.add(pay.sleep_in_allowance)
            lines.append(PlannedCost(day, pa.pa_key, pay.total, pay.paid_hours, pay.basic_rate))
    hours = sum((line.hours for line in lines), Decimal(0))
    if not hours:
        raise BudgetError("UPRATING_NO_HOURS", label)
    tax_years = {tax_year_label(start), tax_year_label(end)}
    borrowed = ni_stand_ins(sorted(tax_years))
    costing = cost_planned(lines, replace(costs, ni_years={**costs.ni_years, **borrowed}))
    floor_pay = Fraction(floor_pay_minutes) / 60
    floor_pence = (Decimal(math.floor(floor_pay * 100 + Fraction(1, 2))) / 100).quantize(PENNY)  # half up, once
    return YearCost(
        label=label, council_rate=council_rate, council_rate_recorded=council_rate_recorded,
        raised_to_floor=raise_to_floor, follows_real_living_wage=follows_real_living_wage,
        hours=hours, nights=nights, floor_pay=min(floor_pence, basic), basic_pay=basic, premiums=premiums,
        allowances=allowances, holiday_pay=costing.holiday_pay, employer_ni=costing.employer_ni,
        employment_allowance=costing.employment_allowance, employer_pension=costing.employer_pension,
        nlw=nlw, nlw_provisional=nlw_provisional, rlw=rlw, rlw_provisional=rlw_provisional,
        ni_borrowed=tuple(sorted(borrowed.items())),
        raises=tuple(sorted(raises.values(), key=lambda r: (r.name, r.first_day, r.to_rate))),
        unpriced=unpriced, holiday_rate=costs.holiday_rate, night_rates=tuple(sorted(night_rates)),
    )


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
                             round_half_up(g.gross_pay * rate_factor * factor), new_rate, g.holiday_earned))
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
