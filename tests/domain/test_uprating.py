"""Uprating history, the uprating gap and what-ifs, against hand-worked figures."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time as clock, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pa_manager.domain.budget import BudgetError, BudgetYear
from pa_manager.domain.forecast import OnCosts, PlannedCost, summarise_plan
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_rates import Enhancement, EnhancementKind, PayRate, SleepInAllowance
from pa_manager.domain.people import PayTerms
from pa_manager.domain.rates import RatesError
from pa_manager.domain.shifts import ShiftType, local_shift
from pa_manager.domain.uprating import (
    EMPLOYER_NI,
    EMPLOYER_PENSION,
    FLOOR_PAY,
    HOLIDAY_PAY,
    PAY_ABOVE_FLOOR,
    PREMIUMS,
    SLEEP_INS,
    PAWork,
    Raise,
    Scenario,
    YearCost,
    apply_scenario,
    cost_year,
    ni_stand_ins,
    nlw_plus,
    real_living_wage_target,
    uplift,
    uprating_history,
    wage_floor,
    what_if,
)

D = Decimal
W, M = PayFrequency.WEEKLY, PayFrequency.MONTHLY
WEEKLY_COSTS = OnCosts(W, D("0.03"), D("120"), D("967"))
TODAY = date(2026, 11, 23)


# --- history ------------------------------------------------------------------------------------


def test_uplift_is_an_exact_fraction_rounded_only_when_shown() -> None:
    assert uplift(D("14.20"), D("13.75")) == D("0.45") / D("13.75")   # 0.032727…
    # The Real Living Wage's 2025 rise: 0.85 / 12.60 = 0.0674603…, which is 6.75% rounded once
    # (rounding it to four places first, then to one, made it "6.8%").
    assert uplift(D("13.45"), D("12.60")) == D("0.85") / D("12.60")
    assert uplift(D("12.71"), None) is None
    assert uplift(D("12.71"), D("0")) is None


def test_history_beside_the_nlw_and_rlw() -> None:
    rows = uprating_history({"2026-27": D("14.50"), "2024-25": D("13.75"), "2025-26": D("14.20"),
                             "2027-28": D("14.50")})
    assert [r.year_label for r in rows] == ["2024-25", "2025-26", "2026-27", "2027-28"]
    y24, y25, y26, y27 = rows
    # 2024-25: NLW 11.44 (10.42 the year before: +0.097889); RLW 12.00 announced Oct 2023
    # (10.90 the year before: +0.100917); no council figure for 2023-24.
    def four(x):
        return x.quantize(D("0.0001"))
    assert (y24.council_uplift, y24.nlw, four(y24.nlw_uplift), y24.rlw, four(y24.rlw_uplift)) == (
        None, D("11.44"), D("0.0979"), D("12.00"), D("0.1009"))
    # 2025-26: council 14.20 / 13.75; NLW 12.21 / 11.44 = +0.067308; RLW 12.60 / 12.00
    assert (y25.council_uplift, y25.nlw_uplift, y25.rlw_uplift) == (
        D("0.45") / D("13.75"), D("0.77") / D("11.44"), D("0.60") / D("12.00"))
    # 2026-27: council 14.50 / 14.20 = +0.021127 behind NLW 12.71 / 12.21 = +0.040950 and
    # RLW 13.45 / 12.60 = +0.067460
    assert (four(y26.council_uplift), four(y26.nlw_uplift), four(y26.rlw_uplift)) == (
        D("0.0211"), D("0.0410"), D("0.0675"))
    assert not (y26.nlw_provisional or y26.rlw_provisional)
    # 2027-28: NLW 13.21 is unverified (U); the 2026 RLW is not in the data, so the last is shown.
    assert (y27.council_uplift, y27.nlw, four(y27.nlw_uplift)) == (D("0"), D("13.21"), D("0.0393"))
    assert y27.nlw_provisional and y27.rlw_provisional and y27.rlw == D("13.45")


def test_history_london_rlw() -> None:
    (row,) = uprating_history({"2026-27": D("16.00")}, london=True)
    assert row.rlw == D("14.80")


# --- a year costed at its own figures -------------------------------------------------------------
#
# Ann, 40, works Mondays 09:00 to 14:00 (5 hours) and sleeps in on Saturdays 22:00 to 08:00, never
# woken (no hours: the night is paid by its allowance). Weekly payroll; 3% employer pension on the
# weekly band £120 to £967; 12.07% holiday pay; no Employment Allowance unless said. Her terms:
#   from 1 April 2025: £12.21 an hour, £50 a sleep-in night; from 1 April 2026: £12.71, £55 a night;
#   bank holidays at time and a half (the tests name the bank holidays, so no calendar is assumed).
#
# 2026-27 (1 April 2026 to 31 March 2027): 52 Mondays (6 April 2026 to 29 March 2027) and 52 Saturdays
# (4 April 2026 to 27 March 2027); bank holidays 4 May and 31 August 2026.
#   hours 52 x 5 = 260; basic 52 x 5 x 12.71 = 3,304.60; premium 2 x 5 x 12.71 x 0.5 = 2 x 31.775 -> 2 x 31.78
#   = 63.56; sleep-ins 52 x 55 = 2,860.00.
#   Tax weeks: Saturday 4 April 2026 is week 52 of 2025-26 (29 March to 4 April), on its own; weeks 1
#   to 51 of 2026-27 hold a Monday and a Saturday each (2 of them the bank holidays); week 52 (from 29
#   March 2027) holds the last Monday alone.
#     4 April      55.00 + holiday 6.6385 -> 6.64 = 61.64 earnings; under the NI and pension thresholds
#     49 weeks     63.55 + 55 = 118.55; holiday 14.309485 -> 14.31; earnings 132.86;
#                  NI (132.86 - 96) x 15% = 5.529 -> 5.53; pension (132.86 - 120) x 3% = 0.3858 -> 0.39
#     2 BH weeks   150.33; holiday 18.144831 -> 18.14; earnings 168.47; NI 72.47 x 15% = 10.8705 -> 10.87;
#                  pension 48.47 x 3% = 1.4541 -> 1.45
#     29 March     63.55; holiday 7.670485 -> 7.67; 71.22 earnings, under both thresholds
#   holiday 6.64 + 49 x 14.31 + 2 x 18.14 + 7.67 = 751.78; NI 49 x 5.53 + 2 x 10.87 = 292.71;
#   pension 49 x 0.39 + 2 x 1.45 = 22.01
#   total 3,304.60 + 63.56 + 2,860.00 + 751.78 + 292.71 + 22.01 = 7,294.66
#     (= 61.64 + 49 x 138.78 + 2 x 180.79 + 71.22, week by week)
#   an hour 7,294.66 / 260 = 28.0564… -> 28.06; against £16.00: 12.06 an hour, 7,294.66 - 4,160 = 3,134.66 a year
#
# 2025-26 (1 April 2025 to 31 March 2026): 52 Mondays (7 April 2025 to 30 March 2026), 52 Saturdays (5 April
# 2025 to 28 March 2026); bank holidays 5 May and 25 August 2025; £12.21 and £50.
#   Saturday 5 April 2025 is week 53 of 2024-25, on its own: 50.00 + 6.035 -> 6.04 = 56.04 (2024-25's
#   threshold is £175: no NI); 49 weeks: 61.05 + 50 = 111.05, holiday 13.403735 -> 13.40, earnings 124.45,
#   NI 28.45 x 15% = 4.2675 -> 4.27, pension 4.45 x 3% = 0.1335 -> 0.13; 2 BH weeks: premium 30.525 -> 30.53,
#   pay 141.58, holiday 17.088706 -> 17.09, earnings 158.67, NI 62.67 x 15% = 9.4005 -> 9.40, pension
#   38.67 x 3% = 1.1601 -> 1.16; 30 March 2026: 61.05 + 7.368735 -> 7.37 = 68.42.
#   total 56.04 + 49 x 128.85 + 2 x 169.23 + 68.42 = 6,776.57; an hour 26.0637… -> 26.06
#
# 2027-28 costed as a need (1 April 2027 to 31 March 2028): the NLW becomes £13.21 (unverified, U), so
# Ann's £12.71 is raised to it; the 2026-27 NI figures stand in for 2027-28's. No bank holidays named.
#   52 Mondays (5 April 2027 to 27 March 2028), 52 Saturdays (3 April 2027 to 25 March 2028).
#   Saturday 3 April 2027 is week 52 of 2026-27 (61.64, as above); Monday 5 April 2027 is week 53 of
#   2026-27: 66.05 + 7.972235 -> 7.97 = 74.02, under both thresholds; weeks 1 to 51 of 2027-28 each
#   hold a Monday and a Saturday: 66.05 + 55 = 121.05, holiday 14.610735 -> 14.61, earnings 135.66,
#   NI 39.66 x 15% = 5.949 -> 5.95, pension 15.66 x 3% = 0.4698 -> 0.47: 142.08 a week.
#   total 61.64 + 74.02 + 51 x 142.08 = 7,381.74; an hour 28.3913… -> 28.39


def ann(*, born: date = date(1986, 6, 1), rates=(("2025-04-01", "12.21"), ("2026-04-01", "12.71")),
        first: date = date(2025, 3, 29), last: date = date(2028, 4, 2)) -> PAWork:
    shifts, day = [], first
    while day <= last:
        if day.weekday() == 0:
            shifts.append(local_shift(day, clock(9), clock(14), pa="ann"))
        if day.weekday() == 5:
            shifts.append(local_shift(day, clock(22), clock(8), pa="ann", shift_type=ShiftType.SLEEP_IN))
        day += timedelta(days=1)
    terms = PayTerms(
        rates=tuple(PayRate(date.fromisoformat(d), None, D(r)) for d, r in rates),
        sleep_in_allowances=(SleepInAllowance(date(2025, 4, 1), D("50.00")), SleepInAllowance(date(2026, 4, 1), D("55.00"))),
        enhancements=(Enhancement(date(2025, 4, 1), EnhancementKind.BANK_HOLIDAY, multiplier=D("1.5")),),
    )
    return PAWork("ann", "Ann Cole", tuple(shifts), terms, date_of_birth=born)


NO_ALLOWANCE = replace(WEEKLY_COSTS, claims_employment_allowance=False)
BANK_HOLIDAYS = {date(2025, 5, 5), date(2025, 8, 25), date(2026, 5, 4), date(2026, 8, 31)}


def _cost(label: str, costs: OnCosts = NO_ALLOWANCE, **options) -> YearCost:
    return cost_year(label, [ann()], costs, D("16.00"), is_bank_holiday=BANK_HOLIDAYS.__contains__, **options)


def test_a_year_is_costed_at_its_own_pay_rates_allowances_and_on_costs() -> None:
    year = _cost("2026-27")
    assert (year.hours, year.nights) == (D("260"), 52)
    assert (year.basic_pay, year.premiums, year.allowances) == (D("3304.60"), D("63.56"), D("2860.00"))
    assert (year.holiday_pay, year.employer_ni, year.employment_allowance, year.employer_pension) == (
        D("751.78"), D("292.71"), D("0.00"), D("22.01"))
    assert year.total == D("7294.66")
    assert (year.hourly_cost, year.gap_per_hour, year.gap_per_year) == (D("28.06"), D("12.06"), D("3134.66"))
    assert not year.provisional and not year.raises and year.night_rates == (D("55.00"),)


def test_the_year_before_is_costed_at_the_year_befores_figures() -> None:
    year = _cost("2025-26")
    assert (year.hours, year.nights, year.basic_pay, year.premiums, year.allowances) == (
        D("260"), 52, D("3174.60"), D("61.06"), D("2600.00"))
    assert (year.holiday_pay, year.employer_ni, year.employer_pension) == (D("704.19"), D("228.03"), D("8.69"))
    assert (year.total, year.hourly_cost) == (D("6776.57"), D("26.06"))
    assert (year.nlw, year.rlw) == (D("12.21"), D("12.60"))


def test_the_allowance_meets_the_employer_ni() -> None:
    year = _cost("2026-27", WEEKLY_COSTS)
    assert year.employment_allowance == year.employer_ni == D("292.71")
    assert year.total == D("7294.66") - D("292.71")


def test_the_lines_add_up_to_the_year_and_to_the_hour() -> None:
    # Running totals over 260 hours, each rounded once: 3,304.60 -> 12.71; + 63.56 -> 12.9545… -> 12.95;
    # + 2,860 -> 23.9545… -> 23.95; + 751.78 -> 26.8459… -> 26.85; + 292.71 -> 27.9717… -> 27.97;
    # + 22.01 -> 28.06. No pay above the floor: Ann is on the NLW of £12.71.
    lines = _cost("2026-27").lines()
    assert [(line.code, line.year, line.per_hour) for line in lines] == [
        (FLOOR_PAY, D("3304.60"), D("12.71")), (PREMIUMS, D("63.56"), D("0.24")), (SLEEP_INS, D("2860.00"), D("11.00")),
        (HOLIDAY_PAY, D("751.78"), D("2.90")), (EMPLOYER_NI, D("292.71"), D("1.12")),
        (EMPLOYER_PENSION, D("22.01"), D("0.09"))]
    # With the allowance the NI line is still shown, at nothing.
    assert [(line.code, line.year) for line in _cost("2026-27", WEEKLY_COSTS).lines()][4] == (EMPLOYER_NI, D("0.00"))


def test_the_year_ahead_raises_pay_to_the_new_minimum() -> None:
    year = cost_year("2027-28", [ann()], NO_ALLOWANCE, D("16.00"), council_rate_recorded=False, raise_to_floor=True)
    assert year.raises == (Raise("ann", "Ann Cole", D("12.71"), D("13.21"), date(2027, 4, 3)),)
    assert (year.hours, year.basic_pay, year.allowances) == (D("260"), D("3434.60"), D("2860.00"))
    assert (year.holiday_pay, year.employer_ni, year.employer_pension) == (D("759.72"), D("303.45"), D("23.97"))
    assert (year.total, year.hourly_cost, year.gap_per_hour) == (D("7381.74"), D("28.39"), D("12.39"))
    assert (year.nlw, year.nlw_provisional) == (D("13.21"), True)
    assert year.ni_borrowed == (("2027-28", "2026-27"),) and year.provisional
    # Not costed as a need, the same year keeps her £12.71.
    assert cost_year("2027-28", [ann()], NO_ALLOWANCE, D("16.00")).basic_pay == D("3304.60")


def test_a_higher_rate_is_kept_and_pay_above_the_floor_is_its_own_line() -> None:
    paid_more = ann(rates=(("2025-04-01", "12.21"), ("2026-04-01", "14.00")))
    year = cost_year("2027-28", [paid_more], NO_ALLOWANCE, D("16.00"), raise_to_floor=True)
    assert not year.raises
    # 260 hours x 13.21 = 3,434.60 at the floor; 260 x 0.79 = 205.40 above it
    assert (year.floor_pay, year.basic_pay - year.floor_pay) == (D("3434.60"), D("205.40"))
    assert year.lines()[1].code == PAY_ABOVE_FLOOR


def test_the_wage_floor_follows_age_and_the_real_living_wage() -> None:
    young = ann(born=date(2008, 1, 10))
    # 19 on 1 April 2027: the 18 to 20 rate, £11.27 (unverified); 20 on 10 January 2028, still that band.
    assert wage_floor(date(2027, 4, 5), young, None) == D("11.27")
    # Someone turning 21 on 4 March 2028 moves to the NLW from that day.
    turning = ann(born=date(2007, 3, 4))
    assert (wage_floor(date(2028, 3, 3), turning, None), wage_floor(date(2028, 3, 4), turning, None)) == (
        D("11.27"), D("13.21"))
    # An employer who follows the Real Living Wage: £13.45 (the newest in the data) beats £11.27.
    assert wage_floor(date(2027, 4, 5), young, D("13.45")) == D("13.45")
    assert wage_floor(date(2027, 4, 5), ann(born=None), None) == D("13.21")  # no birth date: the NLW
    # Paid £12.71, above £11.27 until the 21st birthday (Saturday 4 March 2028, a sleep-in night).
    year = cost_year("2027-28", [turning], NO_ALLOWANCE, D("16.00"), raise_to_floor=True)
    assert [(r.from_rate, r.to_rate, r.first_day) for r in year.raises] == [(D("12.71"), D("13.21"), date(2028, 3, 4))]
    low = ann(born=date(2007, 3, 4), rates=(("2025-04-01", "10.00"),))
    assert [(r.to_rate, r.first_day) for r in cost_year("2027-28", [low], NO_ALLOWANCE, D("16.00"),
                                                        raise_to_floor=True).raises] == [
        (D("11.27"), date(2027, 4, 3)), (D("13.21"), date(2028, 3, 4))]
    follower = cost_year("2027-28", [young], NO_ALLOWANCE, D("16.00"), raise_to_floor=True,
                         follows_real_living_wage=True)
    # 13.45 was announced in October 2025, more than a year before 1 April 2027: provisional.
    assert (follower.rlw, follower.rlw_provisional) == (D("13.45"), True)
    assert follower.raises[0].to_rate == D("13.45")


def test_a_year_with_no_priced_hours_is_refused() -> None:
    with pytest.raises(BudgetError) as raised:
        cost_year("2026-27", [], WEEKLY_COSTS, D("16.00"))
    assert raised.value.code == "UPRATING_NO_HOURS"


def test_ni_stand_ins() -> None:
    assert ni_stand_ins(["2026-27", "2027-28", "2029-30"]) == {"2027-28": "2026-27", "2029-30": "2026-27"}
    with pytest.raises(RatesError) as raised:
        ni_stand_ins(["2001-02"])
    assert (raised.value.topic, raised.value.when) == ("national_insurance", "2001-02")


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


def test_what_if_over_thousands_of_shifts_counts_every_hour() -> None:
    # Eight PAs, a four-hour shift every day of the year: 2,920 lines, weekly payroll.
    # (How long this takes is measured in benchmarks/payroll.py, not here.)
    lines = [PlannedCost(date(2026, 4, 1) + timedelta(days=n), pa, D("50.84"), D("4"), D("12.71"))
             for n in range(365) for pa in range(8)]
    plan = summarise_plan(lines, W)
    result = what_if(YEAR, plan, WEEKLY_COSTS, Scenario(rate_at_least=D("13.45")))
    assert result.costing.hours == D("11680")


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
