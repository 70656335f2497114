"""Sick pay in the budget forecast through the services: sickness recorded in the days still to pay is
costed as the pay run pays it, and the most the sick pay scheme could cost is worked out beside the
forecast, never taken off it.

The household, on Monday 23 November 2026 (the tests' today), with no pay run yet: monthly pay, no rota
(so Ann's qualifying days are Monday to Friday), a budget year of £600 a week. Ann Cole works 40 hours a
week at £12.50: a normal week's pay of £500, a scheme day at full pay £500 / 5 = £100, at half pay £50.
SSP from 6 April 2026: the lower of £123.25 a week and 80% of £500 (£400), so £123.25, £24.65 a day.
The scheme: 1 week (5 days) at full pay, then 1 week at half pay, no qualifying months or waiting days.
"""
from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from pa_manager.budget_words import sick_pay_lines
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.occupational_sick_pay import SickPayScheme
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.shifts import ShiftType
from pa_manager.services import budget, employers, people, sick_pay_scheme
from pa_manager.services.shifts import ShiftInput, save_shift

D = Decimal
SCHEME = SickPayScheme(full_pay_weeks=1, half_pay_weeks=1)


def household_with_scheme(db, today) -> tuple[int, int]:
    """(employer id, Ann's id): the household above, its scheme saved for every PA."""
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", pay_frequency=PayFrequency.MONTHLY))
    budget.save_year(db, employer.id, budget.make_year(
        label="2026-27", amount=D("600.00"), basis="weekly", council_hourly_rate=D("15.00"),
        opening_balance=D("1000.00")))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1980, 1, 1), start_date=date(2025, 4, 7), tax_code="1257L",
        ni_category="A", contracted_hours=D("40"), pay_rates=(PayRateEntry(date(2025, 4, 7), D("12.50")),)), today)
    sick_pay_scheme.save_scheme(db, employer.id, SCHEME)
    return employer.id, pa.id


# The most, with no sickness recorded: from Tuesday 24 November (the day after today) Ann would have
# 5 days at full pay, Tue 24 to Mon 30 November, then 5 at half pay, Tue 1 to Mon 7 December.
# Above SSP: 5 x (£100 - £24.65) = £376.75 and 5 x (£50 - £24.65) = £126.75: £503.50.
# Employer NI at most 15% x £503.50 = £75.525, HMRC's rounding £75.52; not in the pension: £0.
# At most £503.50 + £75.52 = £579.02.
AT_MOST_WORDS = ("If Ann Cole were off sick from 24 November 2026, your sick pay scheme would pay them 5 days at "
                 "full pay and 5 at half pay by 31 March 2027, costing up to £579.02 more than Statutory Sick Pay, "
                 "employer National Insurance and pension included.")


@pytest.fixture
def household(db, today):
    return household_with_scheme(db, today)


def test_the_most_the_scheme_could_cost_is_beside_the_forecast_not_taken_off_it(db, household, today):
    employer_id, pa_id = household
    summary = budget.budget_summary(db, employer_id, "2026-27", today)
    [risk] = summary.sick_pay_at_most
    assert (risk.pa_id, risk.name) == (pa_id, "Ann Cole")
    most = risk.at_most
    assert (most.first, most.last, most.full_pay_days, most.half_pay_days) == (
        date(2026, 11, 24), date(2027, 3, 31), 5, 5)
    assert (most.above_ssp, most.employer_ni, most.employer_pension) == (D("503.50"), D("75.52"), D("0.00"))
    assert summary.sick_pay_at_most_total == D("579.02")
    assert sick_pay_lines(summary) == [
        AT_MOST_WORDS, "That is up to £579.02 at most, which is not taken off the forecast balance: keep it in mind "
                       "as money you may need if a PA is off sick for a long time."]
    # Not taken off: without the scheme the forecast is the same, and there is no figure.
    sick_pay_scheme.save_scheme(db, employer_id, None)
    without = budget.budget_summary(db, employer_id, "2026-27", today)
    assert without.forecast.forecast_year_end_balance == summary.forecast.forecast_year_end_balance
    assert without.sick_pay_at_most == () and sick_pay_lines(without) == []


def test_sickness_recorded_ahead_is_costed_as_the_pay_run_pays_it(db, household, today):
    employer_id, pa_id = household
    before = budget.budget_summary(db, employer_id, "2026-27", today)
    # A fit note: off sick Tuesday 24 November to Tuesday 1 December.
    for n in range(8):
        save_shift(db, employer_id, ShiftInput(pa_id, date(2026, 11, 24) + timedelta(days=n), time(9), time(17),
                                               shift_type=ShiftType.SICKNESS))
    summary = budget.budget_summary(db, employer_id, "2026-27", today)
    costing = summary.forecast.costing
    # November: Tue 24 to Fri 27 and Mon 30, the 5 full-pay days, £100 each: SSP 5 x £24.65 = £123.25 and the
    # scheme 5 x £75.35 = £376.75, £500.00. December: Tuesday 1 at half pay, £50: SSP £24.65, scheme £25.35.
    assert costing.sick_pay == D("550.00")
    # Employer NI on November's £500.00: (£500.00 - £417) x 15% = £12.45; December's £50 is under £417.
    # Holiday pay: none on sick pay. Employment Allowance meets the £12.45, so the balance falls £550.00.
    assert (costing.employer_ni, costing.holiday_pay, costing.employment_allowance) == (
        D("12.45"), D("0.00"), D("12.45"))
    assert before.forecast.forecast_year_end_balance - summary.forecast.forecast_year_end_balance == D("550.00")
    # The most from the day after the fit note (Wednesday 2 December): the 5 full-pay days and 1 half-pay
    # day are used, so 4 at half pay are left (Wed 2, Thu 3, Fri 4, Mon 7 December): 4 x £25.35 = £101.40,
    # NI 15% = £15.21, £116.61 at most.
    [risk] = summary.sick_pay_at_most
    assert (risk.at_most.first, risk.at_most.full_pay_days, risk.at_most.half_pay_days) == (date(2026, 12, 2), 0, 4)
    assert risk.at_most.total == D("116.61")
    assert sick_pay_lines(summary)[0] == (
        "The forecast includes £550.00 of sick pay for sickness already recorded (Statutory Sick Pay and your "
        "sick pay scheme), with employer National Insurance and pension on it.")
