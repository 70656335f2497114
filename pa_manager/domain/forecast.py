"""What the planned rota will cost with its on-costs, and where the account will stand on 31 March.

The model (each choice is one the screens explain):

* Planned work comes in as PlannedCost lines: a day, a PA, the gross pay for the time worked (as
  shift_cost works it out, in pence) and the hours. Holiday, sickness and other absences are not
  planned work, so leave them out: holiday is costed as an on-cost instead (next point), sickness
  already recorded as sick pay lines (the point after).
* Holiday pay is an on-cost of 12.07% of the pay for time worked, for every PA: holiday is paid on
  top of the hours worked, whether it is taken as leave or rolled up. It is treated as paid in the
  pay period it is earned in, so it counts for employer NI and pension like other pay.
* Sickness already recorded for the days the forecast costs is paid as the pay run pays it: SSP, and
  the employer's own sick pay scheme's full or half pay with SSP inside it (sick_pay_forecast.
  recorded_sick_pay). It comes in as lines with no hours that earn no holiday pay
  (`holiday_earned` False) but count for employer NI and pension like other pay. The rota's planned
  work on those days is still costed: someone has to cover it.
* The most the sick pay scheme could cost in the rest of the year (sick_pay_forecast.scheme_at_most)
  is a figure beside the forecast, for the budget holder to keep in mind; it is not taken off the
  forecast balance, as nobody knows who will be ill.
* Work is grouped by PA and pay period: for monthly pay the calendar month (as the pay run pays it),
  in the tax month of its last day; otherwise tax weeks from 6 April, in ones, twos or fours. A
  day's work belongs to the period the day falls in. Employer NI is worked on each PA's period earnings (pay plus holiday pay) with the
  HMRC exact percentage method for the PA's NI category.
* Employment Allowance (care and support employers qualify) is claimed against the employer NI of
  all PAs together, period by period, until the tax year's allowance is used up; a new tax year
  starts a new allowance. It lowers the payment to HMRC, so it appears once for the employer, not
  per PA.
* Employer pension: the employer rate times qualifying earnings (earnings above the period's lower
  amount and up to the upper amount) for the PAs in the pension.
* Rounding: each PA's holiday pay and pension for a period are rounded half up to the penny, as a
  payslip would; NI uses HMRC's own rounding. Every figure after that is an exact sum of pence.
* Timing: a pay period's costs all leave the account on its last planned day; council payments
  arrive on their scheduled days. On one day, all of the day's money counts before the balance is
  read. Real paydays and HMRC's 22nd come a little later, so the run-out date errs early.
* A forecast from a date counts the planned work not yet paid: from the day after the last pay run's
  period (`paid_to`; the forecast's own date when not given). Work already done but not yet paid is
  paid after the forecast's date, never before it.
* The status codes are read from the same balances the month-by-month series shows: the year end
  over the surplus limit; a month's end over it (when the year end is not); a day below £0 from the
  forecast's date. So a chart of `months` and the status cannot disagree.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Hashable, Iterable, Mapping, Sequence

from pa_manager.domain import rates
from pa_manager.domain.budget import (
    BudgetError,
    BudgetYear,
    LedgerEntry,
    MonthSummary,
    balance_on,
    series_from_flows,
)
from pa_manager.domain.money import PENNY, ZERO, round_half_up
from pa_manager.domain.national_insurance import (
    category_rates,
    claim_employment_allowance,
    employment_allowance,
    ni_round,
    thresholds,
)
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_rates import ShiftPay
from pa_manager.domain.shifts import Shift, local_date
from pa_manager.domain.tax_year import tax_month, tax_week, tax_year_label

BUDGET_SURPLUS_OVER_LIMIT = "BUDGET_SURPLUS_OVER_LIMIT"
BUDGET_ABOVE_LIMIT_IN_YEAR = "BUDGET_ABOVE_LIMIT_IN_YEAR"  # a month's end over the limit, the year end not
BUDGET_RUNS_OUT = "BUDGET_RUNS_OUT"


# --- inputs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedCost:
    """Planned work for one PA on one day. `hourly_rate` is the PA's basic rate for it, used by
    what-ifs to scale pay; None means gross_pay / hours."""

    on: date
    pa_key: Hashable
    gross_pay: Decimal
    hours: Decimal
    hourly_rate: Decimal | None = None
    holiday_earned: bool = True  # False for sick pay: the 12.07% is of pay for time worked

    def __post_init__(self) -> None:
        for name in ("gross_pay", "hours"):
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
                raise BudgetError("PLANNED_COST_INVALID", name)
        if self.gross_pay != self.gross_pay.quantize(PENNY):
            raise BudgetError("PLANNED_COST_INVALID", "gross_pay has fractions of a penny")


def planned_cost(shift: Shift, pay: ShiftPay) -> PlannedCost:
    """A planned shift and its cost (from pay_rates.shift_cost) as a forecast line."""
    return PlannedCost(local_date(shift), shift.pa, pay.total, pay.paid_hours, pay.basic_rate)


@dataclass(frozen=True)
class OnCosts:
    """What the employer pays on top of pay, and how.

    qualifying_*_per_period   the pension qualifying earnings band for one pay period of `frequency`
    ni_categories             NI letters of PAs who are not `ni_category` (M for under-21s, C over
                              State Pension age ...)
    pension_members           the PAs the employer pays pension for; None means every PA
    ni_years                  a tax year whose NI figures are not in the rates data yet, mapped to
                              the year whose figures stand in for them (see uprating.ni_stand_ins)
    """

    frequency: PayFrequency
    employer_pension_rate: Decimal
    qualifying_lower_per_period: Decimal
    qualifying_upper_per_period: Decimal
    holiday_rate: Decimal = Decimal("0.1207")
    ni_category: str = "A"
    ni_categories: Mapping[Hashable, str] = field(default_factory=dict, hash=False)
    pension_members: frozenset | None = None
    claims_employment_allowance: bool = True
    ni_years: Mapping[str, str] = field(default_factory=dict, hash=False)

    def ni_year(self, tax_year: str) -> str:
        """The tax year whose NI figures and allowance cost work in `tax_year`."""
        return self.ni_years.get(tax_year, tax_year)

    def category_for(self, pa_key: Hashable) -> str:
        return self.ni_categories.get(pa_key, self.ni_category)

    def in_pension(self, pa_key: Hashable) -> bool:
        return self.pension_members is None or pa_key in self.pension_members


def on_costs_for(frequency: PayFrequency, on: date, **overrides) -> OnCosts:
    """OnCosts from the rates data in force on a day: the minimum employer pension rate, the
    qualifying band for the frequency, the 12.07% holiday rate. Keyword overrides win."""
    band = rates.group("pension", frequency.value, on)
    minimum = rates.group("pension", "minimum_contribution", on)
    holiday = rates.group("holiday", "irregular_hours", on)
    values = dict(
        frequency=frequency,
        employer_pension_rate=rates.dec(minimum["employer_rate"]),
        qualifying_lower_per_period=rates.dec(band["lower_qualifying"]),
        qualifying_upper_per_period=rates.dec(band["upper_qualifying"]),
        holiday_rate=rates.dec(holiday["rolled_up_rate"]),
    )
    values.update(overrides)
    return OnCosts(**values)


# --- the pieces ---------------------------------------------------------------------------------


@cache
def pay_period(on: date, frequency: PayFrequency) -> tuple[str, int]:
    """(tax year, period number) a day's work is paid in.

    Monthly: the calendar month, as a monthly pay run pays it (pay_period.pay_reference_period), paid
    at the month's end and so in the tax month holding that day (April's work: tax month 1, 1 to 5
    April included). Weekly, fortnightly, four-weekly: the tax week counted in ones, twos or fours from
    6 April (a 53rd week's one or two days make a short last period)."""
    if frequency is PayFrequency.MONTHLY:
        month_end = date(on.year, on.month, calendar.monthrange(on.year, on.month)[1])
        return tax_year_label(month_end), tax_month(month_end)
    return tax_year_label(on), (tax_week(on) - 1) // frequency.weeks + 1


@cache
def _employer_terms(tax_year: str, frequency: PayFrequency, category: str) -> tuple[Decimal, Decimal]:
    # The threshold the employer pays above and the rate, looked up once per year and letter.
    letter = category_rates(tax_year, category)
    return getattr(thresholds(tax_year, frequency), letter.employer_from), letter.employer


def employer_ni(tax_year: str, frequency: PayFrequency, earnings: Decimal, category: str) -> Decimal:
    """Employer Class 1 NI on one period's earnings: the same exact percentage method and rounding
    as national_insurance.calculate_ni (the tests hold them equal), with the lookups cached so a
    what-if over thousands of shifts stays fast."""
    threshold, rate = _employer_terms(tax_year, frequency, category.strip().upper())
    return ni_round(max(earnings - threshold, ZERO) * rate)


def employer_ni_rate(tax_year: str, category: str) -> Decimal:
    """The employer's Class 1 NI rate above the threshold for an NI category letter."""
    return _employer_terms(tax_year, PayFrequency.MONTHLY, category.strip().upper())[1]


@cache
def _allowance(tax_year: str) -> Decimal:
    return employment_allowance(tax_year)


def qualifying_earnings(earnings: Decimal, lower: Decimal, upper: Decimal) -> Decimal:
    """Pensions Act 2008 s.13: the part above the lower amount, up to the upper amount."""
    return max(min(earnings, upper) - lower, ZERO)


# --- costing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PACost:
    """One PA's costs over the lines costed; employer_ni is before Employment Allowance."""

    pa_key: Hashable
    hours: Decimal
    gross_pay: Decimal
    holiday_pay: Decimal
    employer_ni: Decimal
    employer_pension: Decimal

    @property
    def total(self) -> Decimal:
        return self.gross_pay + self.holiday_pay + self.employer_ni + self.employer_pension

    def __add__(self, other: PACost) -> PACost:
        """This PA's costs with more of theirs (another period, say) added."""
        return PACost(self.pa_key, self.hours + other.hours, self.gross_pay + other.gross_pay,
                      self.holiday_pay + other.holiday_pay, self.employer_ni + other.employer_ni,
                      self.employer_pension + other.employer_pension)


@dataclass(frozen=True)
class PeriodCost(PACost):
    """One PA's costs in one pay period; employer_ni is before any Employment Allowance."""

    tax_year: str
    period: int
    last_day: date
    sick_pay: Decimal = ZERO  # of gross_pay, the sick pay for sickness recorded (no holiday pay on it)


@dataclass(frozen=True)
class Costing:
    """Planned work costed. `payments` holds one (day, net cost) per pay period: every PA's costs
    in the period less the allowance claimed in it, dated on the period's last planned day.
    total = gross_pay + holiday_pay + employer_ni - employment_allowance + employer_pension."""

    periods: tuple[PeriodCost, ...]
    per_pa: tuple[PACost, ...]
    payments: tuple[tuple[date, Decimal], ...]
    hours: Decimal
    gross_pay: Decimal
    holiday_pay: Decimal
    employer_ni: Decimal
    employment_allowance: Decimal
    employer_pension: Decimal
    sick_pay: Decimal = ZERO  # of gross_pay, SSP and scheme pay for sickness already recorded

    @property
    def total(self) -> Decimal:
        return (self.gross_pay + self.holiday_pay + self.employer_ni - self.employment_allowance
                + self.employer_pension)


@dataclass(frozen=True)
class PlanGroup:
    """Planned work of one PA in one pay period at one basic rate (None: not given), summed."""

    pa_key: Hashable
    tax_year: str
    period: int
    last_day: date
    hours: Decimal
    gross_pay: Decimal
    hourly_rate: Decimal | None
    holiday_earned: bool = True


@dataclass(frozen=True)
class PlanSummary:
    """A plan summed by PA, pay period and rate: what costing needs, built once so that a what-if
    over thousands of planned shifts costs a few hundred groups, not every shift."""

    frequency: PayFrequency
    groups: tuple[PlanGroup, ...]


def summarise_plan(planned: Iterable[PlannedCost], frequency: PayFrequency) -> PlanSummary:
    """Sum planned lines by PA, pay period and basic rate, keeping each group's last day."""
    periods_of: dict[date, tuple[str, int]] = {}  # a day's pay period, looked up once a call
    groups: dict[tuple, list] = {}
    for line in planned:
        on = line.on
        tax_period = periods_of.get(on)
        if tax_period is None:
            tax_period = periods_of[on] = pay_period(on, frequency)
        key = (line.pa_key, tax_period, line.hourly_rate, line.holiday_earned)
        group = groups.get(key)
        if group is None:
            groups[key] = [line.hours, line.gross_pay, on]
        else:
            group[0] += line.hours
            group[1] += line.gross_pay
            if on > group[2]:
                group[2] = on
    return PlanSummary(frequency, tuple(
        PlanGroup(pa_key, tax_period[0], tax_period[1], last_day, hours, gross, rate, earned)
        for (pa_key, tax_period, rate, earned), (hours, gross, last_day) in groups.items()))


def _period_cost(key: tuple, hours: Decimal, gross: Decimal, last_day: date, sick_pay: Decimal,
                 costs: OnCosts) -> PeriodCost:
    pa_key, tax_year, period = key
    holiday = round_half_up((gross - sick_pay) * costs.holiday_rate)
    earnings = gross + holiday  # holiday pay is pay: NI-able and pensionable
    ni = employer_ni(costs.ni_year(tax_year), costs.frequency, earnings, costs.category_for(pa_key))
    pension = ZERO
    if costs.in_pension(pa_key):
        qualifying = qualifying_earnings(earnings, costs.qualifying_lower_per_period,
                                         costs.qualifying_upper_per_period)
        pension = round_half_up(qualifying * costs.employer_pension_rate)
    return PeriodCost(pa_key, hours, gross, holiday, ni, pension, tax_year=tax_year, period=period, last_day=last_day,
                      sick_pay=sick_pay)


def cost_planned(planned: Iterable[PlannedCost] | PlanSummary, costs: OnCosts, *,
                 allowance_used: Mapping[str, Decimal] | None = None) -> Costing:
    """Cost planned work (lines, or a plan summed by summarise_plan) with its on-costs.
    `allowance_used` is the Employment Allowance already claimed in a tax year before the first
    line, by tax year label (none when absent)."""
    if not isinstance(planned, PlanSummary):
        planned = summarise_plan(planned, costs.frequency)
    elif planned.frequency is not costs.frequency:
        raise BudgetError("PLAN_FREQUENCY_MISMATCH", planned.frequency.value)
    by_pa_period: dict[tuple, list] = {}
    for g in planned.groups:
        key = (g.pa_key, g.tax_year, g.period)
        sums = by_pa_period.get(key)
        sick = ZERO if g.holiday_earned else g.gross_pay
        if sums is None:
            by_pa_period[key] = [g.hours, g.gross_pay, g.last_day, sick]
        else:
            sums[0] += g.hours
            sums[1] += g.gross_pay
            sums[2] = max(sums[2], g.last_day)
            sums[3] += sick
    period_costs = [_period_cost(key, *values, costs) for key, values in by_pa_period.items()]

    # The allowance is the employer's, so it meets all PAs' NI of each period in date order.
    by_period: dict[tuple[str, int], list[PeriodCost]] = {}
    for cost in period_costs:
        by_period.setdefault((cost.tax_year, cost.period), []).append(cost)
    used = dict(allowance_used or {})
    claimed_total = ZERO
    payments = []
    for (tax_year, _), items in sorted(by_period.items()):
        due = sum((c.employer_ni for c in items), ZERO)
        claimed = ZERO
        if costs.claims_employment_allowance and due > 0:
            claim = claim_employment_allowance(employer_ni_due=due, allowance_used=used.get(tax_year, ZERO),
                                               annual_allowance=_allowance(costs.ni_year(tax_year)))
            claimed = claim.claimed
            used[tax_year] = used.get(tax_year, ZERO) + claimed
        claimed_total += claimed
        payments.append((max(c.last_day for c in items), sum((c.total for c in items), ZERO) - claimed))

    per_pa: dict[Hashable, PACost] = {}
    for c in period_costs:
        nothing = PACost(c.pa_key, *[Decimal(0)] * 5)
        per_pa[c.pa_key] = per_pa.get(c.pa_key, nothing) + c
    pa_costs = tuple(per_pa.values())
    return Costing(
        periods=tuple(period_costs),
        per_pa=pa_costs,
        payments=tuple(payments),
        hours=sum((p.hours for p in pa_costs), Decimal(0)),
        gross_pay=sum((p.gross_pay for p in pa_costs), ZERO),
        holiday_pay=sum((p.holiday_pay for p in pa_costs), ZERO),
        employer_ni=sum((p.employer_ni for p in pa_costs), ZERO),
        employment_allowance=claimed_total,
        employer_pension=sum((p.employer_pension for p in pa_costs), ZERO),
        sick_pay=sum((c.sick_pay for c in period_costs), ZERO),
    )


# --- the forecast -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Forecast:
    """Where the account is heading, from `as_of` to 31 March.

    balance_now              the ledger balance at the end of as_of
    council_payments_to_come scheduled payments after as_of
    other_in_to_come, other_out_to_come  planned entries after as_of (out as a positive figure)
    forecast_year_end_balance  balance_now + money to come in - costing.total - other_out_to_come
    surplus / shortfall      the year-end balance above / below nothing (one of them is zero)
    over_limit               the year-end balance above the surplus limit: at risk of clawback
    runs_out_on              the first day from as_of whose end-of-day balance is below zero
    lowest_balance           the lowest end-of-day balance from as_of, and its first day
    highest_month            the month of `months` whose closing balance is highest (the first of equals)
    codes                    BUDGET_SURPLUS_OVER_LIMIT or BUDGET_ABOVE_LIMIT_IN_YEAR, BUDGET_RUNS_OUT
    months                   April to March: actual figures to as_of, forecast after it
    """

    as_of: date
    balance_now: Decimal
    council_payments_to_come: Decimal
    other_in_to_come: Decimal
    other_out_to_come: Decimal
    costing: Costing
    forecast_year_end_balance: Decimal
    surplus_limit: Decimal
    surplus: Decimal
    shortfall: Decimal
    over_limit: Decimal
    runs_out_on: date | None
    lowest_balance: Decimal
    lowest_on: date
    codes: tuple[str, ...]
    months: tuple[MonthSummary, ...]
    highest_month: MonthSummary


def forecast_year_end(year: BudgetYear, entries: Sequence[LedgerEntry], planned: Iterable[PlannedCost],
                      costs: OnCosts, *, as_of: date, allowance_used: Decimal = ZERO,
                      planned_entries: Iterable[LedgerEntry] = (), paid_to: date | None = None) -> Forecast:
    """The year-end forecast from the ledger to `as_of` and the plan after it.

    allowance_used    Employment Allowance already claimed in the tax year of the day after as_of
    planned_entries   other money expected after as_of (an insurance renewal, a contribution),
                      signed like ledger entries
    paid_to           the last day of work already paid (the last pay run's period end); planned work
                      after it is costed, and paid after as_of. None: as_of
    """
    if as_of > year.ends_on:
        raise BudgetError("FORECAST_AFTER_YEAR_END", as_of.isoformat())
    as_of = max(as_of, year.starts_on - timedelta(days=1))

    def in_future(on: date) -> bool:
        return as_of < on <= year.ends_on

    now = balance_on(year, entries, as_of)
    # Once the year is over nothing more is paid in it, whatever is still owed.
    unpaid_from = max(min(paid_to, as_of) if paid_to is not None and as_of < year.ends_on else as_of,
                      year.starts_on - timedelta(days=1))
    tomorrow = as_of + timedelta(days=1)

    costing = cost_planned((p for p in planned if unpaid_from < p.on <= year.ends_on), costs,
                           allowance_used={tax_year_label(tomorrow): allowance_used})
    council = [(d, year.amount_per_payment, True) for d in year.payment_dates() if in_future(d)]
    others = [(e.on, e.amount, e.is_money_in) for e in planned_entries if in_future(e.on)]
    # Work done but not yet paid is paid from tomorrow; a period's pay never leaves after 31 March's.
    spending = [(max(d, tomorrow), -amount, False) for d, amount in costing.payments]
    to_come = council + others + spending

    # Day by day from as_of: every flow of a day counts before its balance is read.
    by_day: dict[date, Decimal] = {}
    for on, amount, _ in to_come:
        by_day[on] = by_day.get(on, ZERO) + amount
    balance, lowest, lowest_on = now, now, as_of
    runs_out_on = as_of if now < 0 else None
    for on in sorted(by_day):
        balance += by_day[on]
        if balance < lowest:
            lowest, lowest_on = balance, on
        if balance < 0 and runs_out_on is None:
            runs_out_on = on

    limit = year.surplus_limit
    actual = [(e.on, e.amount, e.is_money_in) for e in entries if e.on <= as_of]
    months = series_from_flows(year, actual + to_come, projected_after=as_of)
    highest = max(months, key=lambda m: m.closing_balance)  # the first of equals
    codes = []
    if balance > limit:
        codes.append(BUDGET_SURPLUS_OVER_LIMIT)
    elif highest.closing_balance > limit:
        codes.append(BUDGET_ABOVE_LIMIT_IN_YEAR)
    if runs_out_on is not None:
        codes.append(BUDGET_RUNS_OUT)
    return Forecast(
        as_of=as_of,
        balance_now=now,
        council_payments_to_come=sum((a for _, a, _ in council), ZERO),
        other_in_to_come=sum((a for _, a, incoming in others if incoming), ZERO),
        other_out_to_come=ZERO - sum((a for _, a, incoming in others if not incoming), ZERO),
        costing=costing,
        forecast_year_end_balance=balance,
        surplus_limit=limit,
        surplus=max(balance, ZERO),
        shortfall=ZERO - balance if balance < 0 else ZERO,  # never a "-0.00"
        over_limit=max(balance - limit, ZERO),
        runs_out_on=runs_out_on,
        lowest_balance=lowest,
        lowest_on=lowest_on,
        codes=tuple(codes),
        months=months,
        highest_month=highest,
    )
