"""Uprating history, the uprating gap and what-ifs, against hand-worked figures."""
from __future__ import annotations

import time
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pa_manager.domain.budget import BudgetError, BudgetYear
from pa_manager.domain.forecast import OnCosts, PlannedCost, summarise_plan
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.uprating import (
    Scenario,
    apply_scenario,
    hourly_rate_needed,
    nlw_plus,
    on_cost_rate,
    real_living_wage_target,
    uplift,
    uprating_gap,
    uprating_history,
    what_if,
)

D = Decimal
W, M = PayFrequency.WEEKLY, PayFrequency.MONTHLY
WEEKLY_COSTS = OnCosts(W, D("0.03"), D("120"), D("967"))
TODAY = date(2026, 11, 23)


# --- history ------------------------------------------------------------------------------------


def test_uplift_is_a_fraction_to_four_places() -> None:
    assert uplift(D("14.20"), D("13.75")) == D("0.0327")      # 0.45 / 13.75 = 0.032727
    assert uplift(D("12.71"), None) is None
    assert uplift(D("12.71"), D("0")) is None


def test_history_beside_the_nlw_and_rlw() -> None:
    rows = uprating_history({"2026-27": D("14.50"), "2024-25": D("13.75"), "2025-26": D("14.20"),
                             "2027-28": D("14.50")})
    assert [r.year_label for r in rows] == ["2024-25", "2025-26", "2026-27", "2027-28"]
    y24, y25, y26, y27 = rows
    # 2024-25: NLW 11.44 (10.42 the year before: +0.097889); RLW 12.00 announced Oct 2023
    # (10.90 the year before: +0.100917); no council figure for 2023-24.
    assert (y24.council_uplift, y24.nlw, y24.nlw_uplift, y24.rlw, y24.rlw_uplift) == (
        None, D("11.44"), D("0.0979"), D("12.00"), D("0.1009"))
    # 2025-26: council 14.20 / 13.75; NLW 12.21 / 11.44 = +0.067308; RLW 12.60 / 12.00
    assert (y25.council_uplift, y25.nlw_uplift, y25.rlw_uplift) == (D("0.0327"), D("0.0673"), D("0.0500"))
    # 2026-27: council 14.50 / 14.20 = +0.021127 behind NLW 12.71 / 12.21 = +0.040950 and
    # RLW 13.45 / 12.60 = +0.067460
    assert (y26.council_uplift, y26.nlw_uplift, y26.rlw_uplift) == (D("0.0211"), D("0.0410"), D("0.0675"))
    assert not (y26.nlw_provisional or y26.rlw_provisional)
    # 2027-28: NLW 13.21 is unverified (U); the 2026 RLW is not in the data, so the last is shown.
    assert (y27.council_uplift, y27.nlw, y27.nlw_uplift) == (D("0.0000"), D("13.21"), D("0.0393"))
    assert y27.nlw_provisional and y27.rlw_provisional and y27.rlw == D("13.45")


def test_history_london_rlw() -> None:
    (row,) = uprating_history({"2026-27": D("16.00")}, london=True)
    assert row.rlw == D("14.80")


# --- the gap ------------------------------------------------------------------------------------
#
# A PA on £12.71 for 20 hours a week, weekly payroll, 2026-27, council rate £14.50:
#   pay a week       20 x 12.71                                   = 254.20
#   holiday          254.20 x 12.07%                              =  30.68194 (exact, not rounded)
#   earnings         254.20 + 30.68194                            = 284.88194
#   employer NI      (284.88194 - 96) x 15% = 28.332291           ->  28.33 (HMRC rounding)
#   pension          (284.88194 - 120) x 3%                       =   4.9464582
#   cost a week      254.20 + 30.68194 + 28.33 + 4.9464582        = 318.1583982
#   cost an hour     318.1583982 / 20 = 15.90791991               ->  15.91
#   gap an hour      15.90791991 - 14.50 = 1.40791991             ->   1.41
#   gap a year       1.40791991 x 20 x 52 = 1,464.236706          -> 1,464.24
# With the Employment Allowance (£10,500 > 52 x 28.33 = 1,473.16, so no NI at all):
#   cost an hour     (318.1583982 - 28.33) / 20 = 14.49141991     ->  14.49
#   gap an hour      -0.00858009 -> -0.01; a year -0.00858009 x 1040 = -8.9232936 -> -8.92
# With only £1,000 of allowance for this PA: NI left 1,473.16 - 1,000 = 473.16 a year, so the
#   year's gap is -8.92 + 473.16 = 464.24; an hour (289.8283982 + 473.16 / 52) / 20 = 14.946 -> 14.95


def test_gap_now_without_the_allowance() -> None:
    gap = uprating_gap(pay_rate=D("12.71"), weekly_hours=D(20), council_rate=D("14.50"), on=TODAY,
                       costs=WEEKLY_COSTS, after_allowance=False).now
    assert (gap.hourly_cost, gap.gap_per_hour, gap.gap_per_year) == (D("15.91"), D("1.41"), D("1464.24"))
    assert gap.on_costs.holiday == D("0.1207")
    assert gap.on_costs.employer_ni == D("28.33") / D("254.20")
    assert gap.on_costs.ni_tax_year == "2026-27" and not gap.provisional


def test_gap_now_with_the_allowance() -> None:
    gap = uprating_gap(pay_rate=D("12.71"), weekly_hours=D(20), council_rate=D("14.50"), on=TODAY,
                       costs=WEEKLY_COSTS).now
    assert gap.on_costs.employer_ni == 0
    assert (gap.hourly_cost, gap.gap_per_hour, gap.gap_per_year) == (D("14.49"), D("-0.01"), D("-8.92"))
    shared = uprating_gap(pay_rate=D("12.71"), weekly_hours=D(20), council_rate=D("14.50"), on=TODAY,
                          costs=WEEKLY_COSTS, allowance=D("1000")).now
    assert (shared.hourly_cost, shared.gap_per_hour, shared.gap_per_year) == (D("14.95"), D("0.45"), D("464.24"))


# Next April (1 April 2027): the NLW becomes £13.21 (unverified, U), so the PA rises to it. There are
# no NI figures for 2027-28 yet: 2026-27's are used and the result is provisional.
#   pay a week 20 x 13.21 = 264.20; holiday 31.88894; earnings 296.08894
#   NI (296.08894 - 96) x 15% = 30.013341 -> 30.01; pension 176.08894 x 3% = 5.2826682
#   cost a week 264.20 + 31.88894 + 30.01 + 5.2826682 = 331.3816082; an hour 16.56908041 -> 16.57
#   gap an hour (council still 14.50) 2.06908041 -> 2.07; a year x 1040 = 2,151.8436 -> 2,151.84


def test_gap_from_next_april() -> None:
    result = uprating_gap(pay_rate=D("12.71"), weekly_hours=D(20), council_rate=D("14.50"), on=TODAY,
                          costs=WEEKLY_COSTS, after_allowance=False)
    nxt = result.next_april
    assert (result.next_minimum, result.next_minimum_provisional) == (D("13.21"), True)
    assert nxt.on == date(2027, 4, 1) and nxt.pay_rate == D("13.21")
    assert (nxt.hourly_cost, nxt.gap_per_hour, nxt.gap_per_year) == (D("16.57"), D("2.07"), D("2151.84"))
    assert nxt.on_costs.ni_tax_year == "2026-27" and nxt.on_costs.provisional and nxt.provisional


def test_next_april_keeps_a_higher_rate_and_takes_a_new_council_rate() -> None:
    result = uprating_gap(pay_rate=D("14.00"), weekly_hours=D(20), council_rate=D("14.50"), on=TODAY,
                          costs=WEEKLY_COSTS, council_rate_next=D("16.00"))
    assert result.next_april.pay_rate == D("14.00")
    assert result.next_april.council_rate == D("16.00")


def test_next_april_from_early_in_the_year() -> None:
    # From 1 April 2026 itself the next April is 2027's; from March 2026 it is 1 April 2026 (12.71).
    assert uprating_gap(pay_rate=D("12.00"), weekly_hours=D(10), council_rate=D("14"), on=date(2026, 4, 1),
                        costs=WEEKLY_COSTS).next_april.on == date(2027, 4, 1)
    early = uprating_gap(pay_rate=D("12.00"), weekly_hours=D(10), council_rate=D("14"), on=date(2026, 3, 1),
                         costs=WEEKLY_COSTS)
    assert (early.next_april.on, early.next_minimum, early.next_minimum_provisional) == (
        date(2026, 4, 1), D("12.71"), False)


def test_on_cost_rate_monthly_payroll() -> None:
    # 20 hours a week at 12.71 paid monthly: a month's pay 254.20 x 52 / 12 = 1,101.5333...;
    # holiday 1,101.5333 x 12.07% = 132.9551; earnings 1,234.4885;
    # NI (1,234.4885 - 417) x 15% = 122.6233 -> 122.62 a month, x 12 over a year's pay 254.20 x 52.
    costs = OnCosts(M, D("0.03"), D("520"), D("4189"))
    rate = on_cost_rate(D("12.71"), D(20), "2026-27", costs, after_allowance=False)
    assert rate.employer_ni == D("122.62") * 12 / (D("254.20") * 52)


def test_on_cost_rate_needs_pay() -> None:
    with pytest.raises(BudgetError) as raised:
        on_cost_rate(D("12.71"), D(0), "2026-27", WEEKLY_COSTS)
    assert raised.value.code == "UPRATING_NO_PAY"


def test_hourly_rate_needed() -> None:
    assert hourly_rate_needed(D("12.71"), D("0.2516")) == D("15.91")    # 15.907836
    assert hourly_rate_needed(D("11.75"), D("0.1702")) == D("13.75")    # 13.74985


# --- what-if ------------------------------------------------------------------------------------
#
# One PA, 10 hours every Monday from 6 April 2026 (tax week 1) to 29 March 2027 (week 52): 52 weeks
# at £12.71, weekly payroll; the council pays £150 a week = £7,800 a year.
#   pay 127.10; holiday 127.10 x 12.07% = 15.34097 -> 15.34; earnings 142.44
#   NI (142.44 - 96) x 15% = 6.966 -> 6.97 (met by the allowance); pension 22.44 x 3% = 0.6732 -> 0.67
#   a week after the allowance 127.10 + 15.34 + 0.67 = 143.11; a year x 52 = 7,441.72; 358.28 to spare

YEAR = BudgetYear("2026-27", D("150.00"), "weekly", D("14.50"))
MONDAYS = [PlannedCost(date(2026, 4, 6) + timedelta(days=7 * k), "ann", D("127.10"), D("10"), D("12.71"))
           for k in range(52)]


def test_what_if_nothing_changes() -> None:
    result = what_if(YEAR, MONDAYS, WEEKLY_COSTS, Scenario())
    assert result.budget == D("7800.00")
    assert result.total_cost == result.baseline_cost == D("7441.72")
    assert (result.difference, result.change) == (D("358.28"), D("0.00"))
    assert result.costing.employment_allowance == D("362.44")    # 52 x 6.97


@pytest.mark.parametrize("scenario, cost", [
    # Real Living Wage 13.45: pay 134.50; holiday 16.23415 -> 16.23; earnings 150.73;
    # pension 30.73 x 3% = 0.9219 -> 0.92; a week 134.50 + 16.23 + 0.92 = 151.65; x 52 = 7,885.80
    (Scenario(rate_at_least=D("13.45")), "7885.80"),
    # NLW + £1 = 13.71: pay 137.10; holiday 16.54797 -> 16.55; pension 33.65 x 3% = 1.0095 -> 1.01;
    # a week 154.66; x 52 = 8,042.32
    (Scenario(rate_at_least=D("13.71")), "8042.32"),
    # +10%: 12.71 x 1.1 = 13.981 -> 13.98; pay 139.80; holiday 16.87386 -> 16.87; pension
    # 36.67 x 3% = 1.1001 -> 1.10; a week 157.77; x 52 = 8,204.04
    (Scenario(rate_change=D("0.10")), "8204.04"),
    # +2 hours a week: 12 hours, pay 152.52; holiday 18.41; pension 50.93 x 3% = 1.53;
    # a week 172.46; x 52 = 8,967.92
    (Scenario(hours_per_week_change=D("2")), "8967.92"),
    # Half the hours: pay 63.55; holiday 7.670485 -> 7.67; earnings 71.22, under the NI and
    # pension thresholds; a week 71.22; x 52 = 3,703.44
    (Scenario(hours_change=D("-0.5")), "3703.44"),
])
def test_what_if_by_hand(scenario: Scenario, cost: str) -> None:
    result = what_if(YEAR, MONDAYS, WEEKLY_COSTS, scenario)
    assert result.total_cost == D(cost)
    assert result.difference == D("7800.00") - D(cost)
    assert result.change == D(cost) - D("7441.72")
    (ann,) = result.per_pa
    assert ann.total - result.costing.employment_allowance == D(cost)


def test_what_if_against_the_rlw_is_over_budget() -> None:
    result = what_if(YEAR, MONDAYS, WEEKLY_COSTS, Scenario(rate_at_least=real_living_wage_target(TODAY)[0]))
    assert (result.total_cost, result.difference, result.change) == (D("7885.80"), D("-85.80"), D("444.08"))


def test_targets_from_the_rates_data() -> None:
    assert real_living_wage_target(TODAY) == (D("13.45"), False)
    assert real_living_wage_target(TODAY, london=True) == (D("14.80"), False)
    assert real_living_wage_target(date(2015, 1, 1)) is None
    assert nlw_plus(TODAY, D("2.00")) == (D("14.71"), False)
    assert nlw_plus(date(2027, 4, 1)) == (D("13.21"), True)


def test_scenario_keeps_premiums_in_proportion_and_flat_amounts_flat() -> None:
    lines = [PlannedCost(date(2026, 4, 6), "ann", D("190.65"), D("10"), D("12.71")),   # time and a half
             PlannedCost(date(2026, 4, 7), "ann", D("40.00"), D("0")),                  # a sleep-in allowance
             PlannedCost(date(2026, 4, 8), "bob", D("127.10"), D("10"))]                # rate not given
    plan = summarise_plan(lines, W)
    raised = {(g.pa_key, g.hourly_rate): g.gross_pay
              for g in apply_scenario(plan, Scenario(rate_at_least=D("13.45"))).groups}
    # 190.65 x 13.45 / 12.71 = 201.75 (10 x 13.45 x 1.5); the allowance stays; bob's 12.71 is derived
    assert raised == {("ann", D("13.45")): D("201.75"), ("ann", None): D("40.00"), ("bob", D("13.45")): D("134.50")}
    percent = {(g.pa_key, g.hours): g.gross_pay
               for g in apply_scenario(plan, Scenario(rate_change=D("0.05"))).groups}
    # 12.71 x 1.05 = 13.3455 -> 13.35: 190.65 x 13.35 / 12.71 = 200.25; the allowance 40 x 1.05 = 42
    assert percent[("ann", D("0"))] == D("42.00")
    assert percent[("ann", D("10"))] == D("200.25")


def test_what_if_over_thousands_of_shifts_is_fast() -> None:
    # Eight PAs, a four-hour shift every day of the year: 2,920 lines, weekly payroll.
    lines = [PlannedCost(date(2026, 4, 1) + timedelta(days=n), pa, D("50.84"), D("4"), D("12.71"))
             for n in range(365) for pa in range(8)]
    started = time.perf_counter()
    plan = summarise_plan(lines, W)
    result = what_if(YEAR, plan, WEEKLY_COSTS, Scenario(rate_at_least=D("13.45")))
    elapsed = time.perf_counter() - started
    assert result.costing.hours == D("11680")
    assert elapsed < 0.5   # a few ms on a quiet machine; generous so a busy one does not fail


money_rates = st.integers(min_value=1000, max_value=2500).map(lambda p: D(p) / 100)


@settings(max_examples=40, deadline=None)
@given(money_rates, st.integers(min_value=0, max_value=30).map(lambda p: D(p) / 100),
       st.integers(min_value=0, max_value=20).map(D), st.booleans())
def test_raising_pay_or_hours_never_costs_less(rate: Decimal, rise: Decimal, extra_hours: Decimal,
                                               allowance: bool) -> None:
    costs = OnCosts(W, D("0.03"), D("120"), D("967"), claims_employment_allowance=allowance)
    lines = [PlannedCost(p.on, p.pa_key, (rate * 10).quantize(D("0.01")), p.hours, rate) for p in MONDAYS]
    result = what_if(YEAR, lines, costs, Scenario(rate_change=rise, hours_per_week_change=extra_hours))
    assert result.total_cost >= result.baseline_cost
    assert result.difference == result.budget - result.total_cost
