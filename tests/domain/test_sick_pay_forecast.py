"""Sick pay in the budget forecast: recorded sickness paid as the pay run pays it, and the most the
sick pay scheme could cost, against hand-worked figures.

The PA in every case, Sam: works Monday, Tuesday and Wednesday (3 qualifying days a week), 15 hours a
week at £20 an hour, so a normal week's pay of £300 and a scheme day at full pay of £300 / 3 = £100
(half pay £50). SSP from 6 April 2026 is the lower of £123.25 a week and 80% of average weekly earnings
(80% of £300 = £240, so £123.25), with no waiting days: £123.25 / 3 = £41.08333… a qualifying day.
The scheme: 4 weeks at full pay and 4 at half pay (12 days of each for 3 days a week).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from pa_manager.domain.forecast import OnCosts, PlannedCost, cost_planned
from pa_manager.domain.occupational_sick_pay import SickPayScheme
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.sick_pay_forecast import SickPA, recorded_sick_pay, scheme_at_most

D = Decimal
M = PayFrequency.MONTHLY
MON_TUE_WED = frozenset({0, 1, 2})
SCHEME = SickPayScheme(full_pay_weeks=4, half_pay_weeks=4)
# Monthly payroll in 2026-27: 3% employer pension on qualifying earnings (monthly band £520 to £4,189).
MONTHLY_COSTS = OnCosts(M, D("0.03"), D("520"), D("4189"))
YEAR_END = date(2027, 3, 31)
# Off sick Tuesday 1 to Thursday 3 December 2026 (Thursday is not one of Sam's working days).
SICK = (date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3))


def sam(sick=SICK, scheme: SickPayScheme | None = SCHEME, **more) -> SickPA:
    return SickPA("sam", tuple(sick), MON_TUE_WED, D("300"), scheme, employed_from=date(2024, 1, 8), **more)


def test_recorded_sickness_costs_the_schemes_pay_with_ssp_inside_it():
    # Tuesday and Wednesday are paid at full pay, £100 each, £200 in all: SSP 2 x £41.08333 = £82.1666…,
    # rounded up as SSP is, £82.17; the scheme adds 2 x (£100 - £41.08333) = £117.8333…, half up £117.83.
    # £82.17 + £117.83 = £200.00, one line on the last sick day, with no hours and no holiday pay.
    lines = recorded_sick_pay(sam(), date(2026, 11, 1), YEAR_END, M)
    assert lines == [PlannedCost(date(2026, 12, 3), "sam", D("200.00"), D("0"), holiday_earned=False)]


def test_without_a_scheme_recorded_sickness_costs_ssp_only():
    # 2 qualifying days of SSP: 2 x £123.25 / 3 = £82.1666…, rounded up: £82.17.
    lines = recorded_sick_pay(sam(scheme=None), date(2026, 11, 1), YEAR_END, M)
    assert [line.gross_pay for line in lines] == [D("82.17")]


def test_sickness_across_two_pay_periods_is_paid_in_each_as_the_pay_run_rounds_it():
    # Monday 30 November and Tuesday 1 December, monthly pay: one day in each month. Each month: SSP
    # £41.08333 rounded up £41.09, the scheme £58.91666 half up £58.92: £100.01 a month.
    lines = recorded_sick_pay(sam(sick=(date(2026, 11, 30), date(2026, 12, 1))), date(2026, 11, 1), YEAR_END, M)
    assert [(line.on, line.gross_pay) for line in lines] == [(date(2026, 11, 30), D("100.01")),
                                                             (date(2026, 12, 1), D("100.01"))]


def test_sickness_already_paid_is_history_not_cost():
    # The forecast costs from 2 December: only Wednesday's £100 (SSP £41.09 rounded up, scheme £58.92
    # half up, £100.01); Tuesday was paid by a pay run but still counts towards the scheme's 12 days.
    lines = recorded_sick_pay(sam(), date(2026, 12, 2), YEAR_END, M)
    assert [line.gross_pay for line in lines] == [D("100.01")]


def test_sick_pay_bears_employer_ni_and_pension_but_no_holiday_pay():
    # December: £1,000.00 of planned work and Sam's £200.00 of sick pay.
    # Holiday pay on the work only: 12.07% x £1,000.00 = £120.70 (none on the sick pay).
    # Earnings £1,000.00 + £120.70 + £200.00 = £1,320.70.
    # Employer NI: (£1,320.70 - £417 secondary threshold) x 15% = £135.555, HMRC's rounding: £135.55.
    # Pension: (£1,320.70 - £520) x 3% = £24.021, half up £24.02.
    plan = [PlannedCost(date(2026, 12, 7), "sam", D("1000.00"), D("50"), D("20")),
            *recorded_sick_pay(sam(), date(2026, 11, 1), YEAR_END, M)]
    costing = cost_planned(plan, MONTHLY_COSTS)
    assert (costing.gross_pay, costing.sick_pay, costing.holiday_pay) == (D("1200.00"), D("200.00"), D("120.70"))
    assert (costing.employer_ni, costing.employer_pension) == (D("135.55"), D("24.02"))


def test_the_most_the_scheme_could_cost_in_the_rest_of_the_year():
    # From the day after 4 December (Saturday 5th) to 31 March. Tuesday 1 and Wednesday 2 December used
    # 2 of the 12 full-pay days, so 10 are left: Mon-Wed 7-9, 14-16, 21-23 and Monday 28 December; then
    # the 12 half-pay days: 29, 30 December and Mon-Wed 4-6, 11-13, 18-20 January and Monday 25 January.
    # Above SSP: full pay 10 x (£100 - £41.08333) = £589.1666…, half up £589.17;
    # half pay 12 x (£50 - £41.08333) = £107.00. In all £696.17.
    # Employer NI at most: 15% x £696.17 = £104.4255, HMRC's rounding (third place 5 rounds down) £104.42.
    # Pension at most: 3% x £696.17 = £20.8851, half up £20.89. Total £696.17 + £104.42 + £20.89 = £821.48.
    found = scheme_at_most(sam(), date(2026, 12, 4), YEAR_END, MONTHLY_COSTS)
    assert (found.first, found.last) == (date(2026, 12, 5), YEAR_END)
    assert (found.full_pay_days, found.half_pay_days) == (10, 12)
    assert (found.above_ssp, found.employer_ni, found.employer_pension) == (D("696.17"), D("104.42"), D("20.89"))
    assert found.total == D("821.48")


def test_a_pa_outside_the_pension_has_no_pension_on_it():
    costs = OnCosts(M, D("0.03"), D("520"), D("4189"), pension_members=frozenset())
    found = scheme_at_most(sam(), date(2026, 12, 4), YEAR_END, costs)
    assert (found.employer_pension, found.total) == (D("0"), D("800.59"))  # £696.17 + £104.42


def test_the_days_left_in_the_year_limit_it():
    # From Saturday 20 March 2027 to 31 March: Mon-Wed 22-24 and 29-31 March, 6 full-pay days (none used
    # in the 12 months before, the December sickness aside: 2 used, 10 left, so all 6 are full pay).
    # 6 x (£100 - £41.08333) = £353.50.
    found = scheme_at_most(sam(), date(2027, 3, 19), YEAR_END, MONTHLY_COSTS)
    assert (found.full_pay_days, found.half_pay_days, found.above_ssp) == (6, 0, D("353.50"))


def test_a_leaving_date_limits_it():
    # Leaving on Wednesday 9 December: Monday 7 to Wednesday 9, 3 full-pay days: 3 x £58.91666 = £176.75.
    found = scheme_at_most(sam(employed_to=date(2026, 12, 9)), date(2026, 12, 4), YEAR_END, MONTHLY_COSTS)
    assert (found.last, found.full_pay_days, found.above_ssp) == (date(2026, 12, 9), 3, D("176.75"))


def test_waiting_days_and_qualifying_months_are_the_schemes_own():
    # 6 months' service before it pays and 3 waiting days: starting on 8 October 2026, Sam qualifies on
    # 8 April 2027, after the year ends, so the scheme can cost nothing this year.
    later = SickPA("sam", (), MON_TUE_WED, D("300"), SickPayScheme(4, 4, qualifying_months=6, waiting_days=3),
                   employed_from=date(2026, 10, 8))
    assert scheme_at_most(later, date(2026, 12, 4), YEAR_END, MONTHLY_COSTS) is None
    # With no qualifying months: Mon-Wed 7-9 December are the 3 waiting days, so the full-pay days are
    # 14-16, 21-23, 28-30 December and 4-6 January (12), then 12 half-pay days to 3 February.
    waits = SickPA("sam", (), MON_TUE_WED, D("300"), SickPayScheme(4, 4, waiting_days=3),
                   employed_from=date(2026, 10, 8))
    found = scheme_at_most(waits, date(2026, 12, 4), YEAR_END, MONTHLY_COSTS)
    # 12 x £58.91666 = £707.00; 12 x £8.91666 = £107.00; £814.00.
    assert (found.full_pay_days, found.half_pay_days, found.above_ssp) == (12, 12, D("814.00"))


def test_no_scheme_no_figure():
    assert scheme_at_most(sam(scheme=None), date(2026, 12, 4), YEAR_END, MONTHLY_COSTS) is None


def test_no_usual_pay_no_figure():
    # A relief PA with no contract hours and nothing planned: their usual week is £0, so the scheme's
    # full pay is never above SSP's £0 and there is nothing at risk to show (not a "£0.00" line).
    relief = SickPA("relief", (), MON_TUE_WED, D("0"), SCHEME, employed_from=date(2024, 1, 8))
    assert scheme_at_most(relief, date(2026, 12, 4), YEAR_END, MONTHLY_COSTS) is None
