"""Costing planned work with its on-costs, and the year-end forecast, against hand-worked cases."""
from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pa_manager.domain.budget import BudgetError, BudgetYear, LedgerEntry
from pa_manager.domain.forecast import (
    BUDGET_ABOVE_LIMIT_IN_YEAR,
    BUDGET_RUNS_OUT,
    BUDGET_SURPLUS_OVER_LIMIT,
    OnCosts,
    PlannedCost,
    cost_planned,
    employer_ni,
    forecast_year_end,
    on_costs_for,
    pay_period,
    planned_cost,
    summarise_plan,
)
from pa_manager.domain.national_insurance import CATEGORIES, calculate_ni
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_rates import PayRate, shift_cost
from pa_manager.domain.shifts import local_shift

D = Decimal
W, F, FW, M = PayFrequency.WEEKLY, PayFrequency.FORTNIGHTLY, PayFrequency.FOUR_WEEKLY, PayFrequency.MONTHLY

# Weekly payroll, 3% employer pension on qualifying earnings (weekly band £120 to £967), 12.07% holiday.
WEEKLY_COSTS = OnCosts(W, D("0.03"), D("120"), D("967"))
AS_OF = date(2026, 10, 4)  # a Sunday: tax week 27 starts on Monday 5 October 2026


def weekday_plan(pa: str = "ann", start: date = date(2026, 10, 5), end: date = date(2027, 3, 31)) -> list[PlannedCost]:
    """20 hours a week: 4 hours at £12.71 (£50.84) every weekday from `start` to `end`."""
    out, day = [], start
    while day <= end:
        if day.weekday() < 5:
            out.append(PlannedCost(day, pa, D("50.84"), D("4"), D("12.71")))
        day += timedelta(days=1)
    return out


def year_with(amount: str = "300.00", opening: str = "2500.00") -> BudgetYear:
    """A weekly £300 (or `amount`) direct payment, paid on Fridays from 3 April 2026."""
    return BudgetYear("2026-27", D(amount), "weekly", D("14.50"), opening_balance=D(opening),
                      first_payment_on=date(2026, 4, 3))


# --- the pieces ---------------------------------------------------------------------------------


def test_pay_periods_follow_the_tax_year() -> None:
    # Monthly: the calendar month, as a monthly pay run pays it, in the tax month of its last day:
    # April's work (1 to 5 April too) is paid in tax month 1; May's (31 May) in tax month 2.
    assert pay_period(date(2026, 4, 5), M) == ("2026-27", 1)
    assert pay_period(date(2026, 4, 30), M) == ("2026-27", 1)
    assert pay_period(date(2026, 5, 5), M) == ("2026-27", 2)
    assert pay_period(date(2026, 3, 31), M) == ("2025-26", 12)
    assert pay_period(date(2026, 11, 23), M) == ("2026-27", 8)   # 30 November: 6 November to 5 December
    assert pay_period(date(2026, 4, 6), W) == ("2026-27", 1)
    assert pay_period(date(2026, 10, 5), W) == ("2026-27", 27)
    assert pay_period(date(2026, 4, 20), F) == ("2026-27", 2)    # tax week 3
    assert pay_period(date(2026, 5, 4), FW) == ("2026-27", 2)    # tax week 5
    assert pay_period(date(2027, 4, 5), W) == ("2026-27", 53)    # the odd day at the end


@settings(max_examples=300)
@given(st.sampled_from(["2024-25", "2025-26", "2026-27"]), st.sampled_from(list(PayFrequency)),
       st.sampled_from(CATEGORIES), st.integers(min_value=0, max_value=900_000))
def test_employer_ni_matches_calculate_ni(tax_year: str, frequency: PayFrequency, category: str, pence: int) -> None:
    pay = D(pence) / 100
    expected = calculate_ni(tax_year=tax_year, frequency=frequency, gross_pay=pay, category=category).employer
    assert employer_ni(tax_year, frequency, pay, category) == expected


def test_on_costs_from_the_rates_data() -> None:
    costs = on_costs_for(M, date(2026, 11, 1))
    assert costs.employer_pension_rate == D("0.03")
    assert (costs.qualifying_lower_per_period, costs.qualifying_upper_per_period) == (D("520"), D("4189"))
    assert costs.holiday_rate == D("0.1207")
    assert on_costs_for(W, date(2026, 11, 1), employer_pension_rate=D("0.05")).employer_pension_rate == D("0.05")


def test_planned_cost_from_a_costed_shift() -> None:
    shift = local_shift(date(2026, 10, 5), time(9), time(13), pa="ann")
    line = planned_cost(shift, shift_cost(shift, [PayRate(date(2026, 4, 1), None, D("12.71"))]))
    assert line == PlannedCost(date(2026, 10, 5), "ann", D("50.84"), D("4"), D("12.71"))


def test_planned_cost_refuses_floats_and_fractions_of_a_penny() -> None:
    for bad in (dict(gross_pay=50.84, hours=D(4)), dict(gross_pay=D("50.845"), hours=D(4)),
                dict(gross_pay=D("1"), hours=D(-1))):
        with pytest.raises(BudgetError) as raised:
            PlannedCost(date(2026, 10, 5), "ann", **bad)
        assert raised.value.code == "PLANNED_COST_INVALID"


# --- costing, hand-worked -----------------------------------------------------------------------
#
# One full week, 20 hours at £12.71, weekly payroll, 2026-27:
#   pay            20 x 12.71                              = 254.20
#   holiday        254.20 x 12.07% = 30.68194              ->  30.68
#   earnings       254.20 + 30.68                          = 284.88
#   employer NI    (284.88 - 96 ST) x 15% = 28.332         ->  28.33
#   pension        (284.88 - 120) x 3% = 4.9464            ->   4.95
#   week's cost    254.20 + 30.68 + 28.33 + 4.95           = 318.16 (289.83 after the allowance)
# The last week (tax week 52: Mon 29 to Wed 31 March 2027) has 12 hours:
#   pay 152.52; holiday 18.409164 -> 18.41; earnings 170.93;
#   NI (170.93 - 96) x 15% = 11.2395 -> 11.24 (HMRC: third place 9 rounds up); pension 50.93 x 3% = 1.5279 -> 1.53
#   week's cost    152.52 + 18.41 + 11.24 + 1.53           = 183.70 (172.46 after the allowance)
# From 5 October: 25 full weeks (tax weeks 27 to 51) and the short one.
#   before the allowance  25 x 318.16 + 183.70             = 8,137.70
#   employer NI           25 x 28.33 + 11.24               =   719.49, all met by the £10,500 allowance
#   after the allowance   8,137.70 - 719.49                = 7,418.21


def test_costing_a_half_year_by_hand() -> None:
    costing = cost_planned(weekday_plan(), WEEKLY_COSTS)
    assert costing.gross_pay == D("6507.52")          # 25 x 254.20 + 152.52
    assert costing.holiday_pay == D("785.41")         # 25 x 30.68 + 18.41
    assert costing.employer_ni == D("719.49")
    assert costing.employment_allowance == D("719.49")
    assert costing.employer_pension == D("125.28")    # 25 x 4.95 + 1.53
    assert costing.total == D("7418.21")
    assert costing.hours == D("512")                  # 25 x 20 + 12
    (ann,) = costing.per_pa
    assert ann.total == D("8137.70")                  # the PA's cost before the employer's allowance
    assert len(costing.payments) == 26
    assert costing.payments[0] == (date(2026, 10, 9), D("289.83"))
    assert costing.payments[-1] == (date(2027, 3, 31), D("172.46"))


def test_allowance_is_shared_by_all_pas_and_runs_out() -> None:
    # Two PAs with the same week: employer NI 2 x 28.33 = 56.66; only £30 of allowance is left.
    week = weekday_plan("ann", end=date(2026, 10, 9)) + weekday_plan("bob", end=date(2026, 10, 9))
    costing = cost_planned(week, WEEKLY_COSTS, allowance_used={"2026-27": D("10470.00")})
    assert costing.employer_ni == D("56.66")
    assert costing.employment_allowance == D("30.00")
    assert costing.total == D("606.32")               # 2 x 318.16 - 30
    assert [p.employer_ni for p in costing.per_pa] == [D("28.33"), D("28.33")]


def test_ni_category_and_pension_membership_per_pa() -> None:
    week = weekday_plan("ann", end=date(2026, 10, 9)) + weekday_plan("young", end=date(2026, 10, 9))
    costs = OnCosts(W, D("0.03"), D("120"), D("967"), ni_categories={"young": "M"},
                    pension_members=frozenset({"ann"}), claims_employment_allowance=False)
    ann, young = cost_planned(week, costs).per_pa
    assert (ann.employer_ni, ann.employer_pension) == (D("28.33"), D("4.95"))
    # Under 21 (M): no employer NI below £967 a week; not in the pension: nothing.
    assert (young.employer_ni, young.employer_pension) == (D("0.00"), D("0.00"))


def test_a_summary_costs_the_same_as_the_lines_and_checks_the_frequency() -> None:
    lines = weekday_plan()
    assert cost_planned(summarise_plan(lines, W), WEEKLY_COSTS) == cost_planned(lines, WEEKLY_COSTS)
    with pytest.raises(BudgetError) as raised:
        cost_planned(summarise_plan(lines, M), WEEKLY_COSTS)
    assert raised.value.code == "PLAN_FREQUENCY_MISMATCH"


# --- the forecast -------------------------------------------------------------------------------
#
# Balance at the end of 4 October 2026: £2,500. Weekly £300 payments on Fridays from 3 April 2026:
# those after 4 October are 9 October to 26 March 2027, 25 payments = £7,500.
#   year end  2,500 + 7,500 - 7,418.21 = 2,581.79
#   surplus limit 8 weeks x 300 = 2,400: 181.79 over it, so the clawback warning.


def test_forecast_with_the_allowance_warns_of_surplus() -> None:
    result = forecast_year_end(year_with(), [], weekday_plan(), WEEKLY_COSTS, as_of=AS_OF)
    assert result.balance_now == D("2500.00")
    assert result.council_payments_to_come == D("7500.00")
    assert result.costing.total == D("7418.21")
    assert result.forecast_year_end_balance == D("2581.79")
    assert result.surplus_limit == D("2400.00")
    assert result.over_limit == D("181.79")
    assert (result.surplus, result.shortfall) == (D("2581.79"), D("0.00"))
    assert str(result.shortfall) == "0.00"            # never "-0.00" on a screen or in a CSV
    assert result.codes == (BUDGET_SURPLUS_OVER_LIMIT,)
    assert result.runs_out_on is None


def test_forecast_without_the_allowance_ends_under_the_limit_but_was_above_it() -> None:
    # No allowance: 2,581.79 - 719.49 = 1,862.30 at the year end, under the 2,400 limit. But the
    # ledger is empty, so April to September end on the £2,500 balance, above the limit: the month
    # series a chart draws goes over the line, and so does the status (first of equal months: April).
    costs = OnCosts(W, D("0.03"), D("120"), D("967"), claims_employment_allowance=False)
    result = forecast_year_end(year_with(), [], weekday_plan(), costs, as_of=AS_OF)
    assert result.forecast_year_end_balance == D("1862.30")
    assert result.codes == (BUDGET_ABOVE_LIMIT_IN_YEAR,)
    assert (result.highest_month.month, result.highest_month.closing_balance) == (date(2026, 4, 1), D("2500.00"))
    assert not result.highest_month.projected


def test_forecast_under_the_limit_every_month_is_on_track() -> None:
    # £2,300 on 4 October (under the limit) and no allowance: October's end is the highest, 2,300 +
    # 300 x 4 Fridays (9 to 30 October) - 4 weeks x 318.16 = 2,227.36; every month after is lower.
    costs = OnCosts(W, D("0.03"), D("120"), D("967"), claims_employment_allowance=False)
    result = forecast_year_end(year_with(opening="2300.00"), [], weekday_plan(), costs, as_of=AS_OF)
    assert result.codes == ()
    assert max(m.closing_balance for m in result.months) <= result.surplus_limit


def test_work_done_since_the_last_pay_run_is_still_to_pay() -> None:
    # The last pay run paid to Sunday 27 September; the week of 28 September to 2 October (tax week 26,
    # 20 hours: £289.83 after the allowance, as above) is worked but not paid on 4 October. It is paid
    # after the forecast's date (Monday 5 October, the day after), so it is October's spending.
    #   year end 2,581.79 - 289.83 = 2,291.96
    plan = weekday_plan(start=date(2026, 9, 28))
    result = forecast_year_end(year_with(), [], plan, WEEKLY_COSTS, as_of=AS_OF, paid_to=date(2026, 9, 27))
    assert result.forecast_year_end_balance == D("2291.96")
    assert (date(2026, 10, 5), D("289.83")) in [(max(d, date(2026, 10, 5)), a) for d, a in result.costing.payments]
    september, october = result.months[5], result.months[6]
    assert september.spend == 0 and october.spend == D("289.83") + 4 * D("289.83")
    # Without `paid_to` the forecast takes everything to 4 October as paid.
    assert forecast_year_end(year_with(), [], plan, WEEKLY_COSTS, as_of=AS_OF).forecast_year_end_balance == D("2581.79")


def test_forecast_with_the_allowance_nearly_used() -> None:
    # £100 of the allowance left: 2,581.79 - 719.49 + 100 = 1,962.30
    result = forecast_year_end(year_with(), [], weekday_plan(), WEEKLY_COSTS, as_of=AS_OF,
                               allowance_used=D("10400.00"))
    assert result.costing.employment_allowance == D("100.00")
    assert result.forecast_year_end_balance == D("1962.30")


def test_forecast_uses_the_ledger_and_planned_entries() -> None:
    year = year_with(opening="1000.00")
    ledger = [LedgerEntry(date(2026, 4, 3), D("8100.00"), "council_payment"),
              LedgerEntry(date(2026, 9, 30), D("-6600.00"), "pa_net_pay", source="pay_run"),
              LedgerEntry(date(2026, 10, 5), D("-5.00"), "other")]     # after as_of: the plan has it
    extra = [LedgerEntry(date(2027, 1, 15), D("-61.00"), "insurance"),
             LedgerEntry(date(2027, 2, 1), D("100.00"), "personal_contribution"),
             LedgerEntry(date(2027, 4, 2), D("-999.00"), "other")]     # next year's: left out
    result = forecast_year_end(year, ledger, weekday_plan(), WEEKLY_COSTS, as_of=AS_OF, planned_entries=extra)
    assert result.balance_now == D("2500.00")                           # 1,000 + 8,100 - 6,600
    assert (result.other_in_to_come, result.other_out_to_come) == (D("100.00"), D("61.00"))
    assert result.forecast_year_end_balance == D("2620.79")             # 2,581.79 - 61 + 100


# Running out: £250 a week and £500 in the account on 4 October. Each Friday brings £250 and the
# week's £289.83 goes out (318.16 less 28.33 of allowance): £39.83 a week less.
#   after 12 weeks 500 - 12 x 39.83 = 22.04; after 13 weeks 500 - 13 x 39.83 = -17.79
#   the 13th Friday from 9 October is 1 January 2027.
#   year end: 500 + 25 x 250 - 7,418.21 = -668.21


def test_forecast_finds_the_day_the_money_runs_out() -> None:
    result = forecast_year_end(year_with("250.00", "500.00"), [], weekday_plan(), WEEKLY_COSTS, as_of=AS_OF)
    assert result.runs_out_on == date(2027, 1, 1)
    assert result.codes == (BUDGET_RUNS_OUT,)
    assert result.forecast_year_end_balance == D("-668.21")
    assert (result.surplus, result.shortfall) == (D("0.00"), D("668.21"))
    assert (result.lowest_balance, result.lowest_on) == (D("-668.21"), date(2027, 3, 31))


def test_forecast_from_an_overdrawn_account_runs_out_at_once() -> None:
    result = forecast_year_end(year_with(opening="-10.00"), [], [], WEEKLY_COSTS, as_of=AS_OF)
    assert result.runs_out_on == AS_OF
    assert BUDGET_RUNS_OUT in result.codes


def test_forecast_months_join_actual_and_projected() -> None:
    result = forecast_year_end(year_with(opening="1000.00"),
                               [LedgerEntry(date(2026, 4, 3), D("1500.00"), "council_payment")],
                               weekday_plan(), WEEKLY_COSTS, as_of=AS_OF)
    months = result.months
    assert [m.projected for m in months] == [False] * 6 + [True] * 6
    assert months[0].money_in == D("1500.00") and months[5].closing_balance == D("2500.00")
    # October: Fridays 9, 16, 23, 30: 4 x 300 in and 4 x 289.83 out.
    assert (months[6].money_in, months[6].spend, months[6].closing_balance) == (
        D("1200.00"), D("1159.32"), D("2540.68"))
    # January has five Fridays; March has four and the short week: 4 x 289.83 + 172.46.
    assert (months[9].money_in, months[9].spend) == (D("1500.00"), D("1449.15"))
    assert (months[11].money_in, months[11].spend) == (D("1200.00"), D("1331.78"))
    assert months[-1].closing_balance == result.forecast_year_end_balance == D("2581.79")


def test_forecast_before_the_year_starts_and_after_it_ends() -> None:
    early = forecast_year_end(year_with(), [], [], WEEKLY_COSTS, as_of=date(2026, 1, 1))
    assert early.as_of == date(2026, 3, 31)
    assert early.council_payments_to_come == D("15600.00")              # all 52 payments
    with pytest.raises(BudgetError) as raised:
        forecast_year_end(year_with(), [], [], WEEKLY_COSTS, as_of=date(2027, 4, 1))
    assert raised.value.code == "FORECAST_AFTER_YEAR_END"


# --- properties ---------------------------------------------------------------------------------

plan_days = st.integers(min_value=0, max_value=364).map(lambda n: date(2026, 4, 1) + timedelta(days=n))
plan_lines = st.lists(st.builds(
    PlannedCost, on=plan_days, pa_key=st.sampled_from(["ann", "bob", "cat"]),
    gross_pay=st.integers(min_value=0, max_value=40_000).map(lambda p: D(p) / 100),
    hours=st.integers(min_value=0, max_value=48).map(D)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(plan_lines, plan_days, st.booleans())
def test_forecast_adds_up(lines: list[PlannedCost], as_of: date, allowance: bool) -> None:
    costs = OnCosts(M, D("0.03"), D("520"), D("4189"), claims_employment_allowance=allowance)
    result = forecast_year_end(year_with(), [], lines, costs, as_of=as_of)
    assert result.forecast_year_end_balance == (result.balance_now + result.council_payments_to_come
                                                - result.costing.total)
    assert result.months[-1].closing_balance == result.forecast_year_end_balance
    assert sum(p.total for p in result.costing.per_pa) - result.costing.employment_allowance \
        == result.costing.total == sum(amount for _, amount in result.costing.payments)
    assert result.costing.employment_allowance <= result.costing.employer_ni
    assert (BUDGET_RUNS_OUT in result.codes) == (result.lowest_balance < 0)
    # The status is read from the balances the months show: they cannot disagree.
    highest = max(m.closing_balance for m in result.months)
    assert (BUDGET_SURPLUS_OVER_LIMIT in result.codes) == (result.months[-1].closing_balance > result.surplus_limit)
    assert ({BUDGET_SURPLUS_OVER_LIMIT, BUDGET_ABOVE_LIMIT_IN_YEAR} & set(result.codes) != set()) == (
        highest > result.surplus_limit)
    assert result.highest_month.closing_balance == highest
