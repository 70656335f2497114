"""Notice, pay in lieu of notice and statutory redundancy pay, by the rules in ERA 1996 and GOV.UK's examples."""
from datetime import date
from decimal import Decimal as D

import pytest

from pa_manager.domain.leaving import (
    REDUNDANCY_UNDER_TWO_YEARS, complete_years, notice, redundancy_pay, relevant_date, statutory_notice_weeks,
    week_pay_cap,
)


@pytest.mark.parametrize("start, given, weeks", [
    (date(2026, 5, 1), date(2026, 5, 20), 0),     # under a month: none (s.86(1))
    (date(2026, 1, 1), date(2026, 5, 20), 1),     # a month to under 2 years: one week
    (date(2023, 1, 1), date(2026, 5, 20), 3),     # 3 complete years: 3 weeks
    (date(2006, 1, 1), date(2026, 5, 20), 12),    # 20 years: capped at 12
])
def test_statutory_minimum_notice(start, given, weeks):
    assert statutory_notice_weeks(start, given) == weeks


def test_notice_not_worked_is_paid_in_lieu_at_a_days_share_of_a_weeks_pay():
    # 5 years: 5 weeks statutory, 4 in the contract -> 5 weeks from 1 June, to 6 July. Last day 22 June:
    # 14 days in lieu at 350 a week = 700.00.
    n = notice(date(2021, 3, 1), date(2026, 6, 1), date(2026, 6, 22), 4, D("350.00"))
    assert (n.statutory_weeks, n.weeks_due, n.ends_on, n.days_in_lieu) == (5, 5, date(2026, 7, 6), 14)
    assert n.pay_in_lieu == D("700.00") and not n.worked_in_full
    worked = notice(date(2021, 3, 1), date(2026, 6, 1), date(2026, 7, 6), 4, D("350.00"))
    assert worked.worked_in_full and worked.pay_in_lieu == 0


def test_redundancy_gov_uk_example_45_with_10_years():
    # GOV.UK "Redundancy pay": aged 45 with 10 years' service: 1.5 weeks for each of the 4 full years
    # aged 41 or over and 1 week for the other 6: 12 weeks. At 500 a week (under the cap): 6,000.
    r = redundancy_pay(date(2016, 7, 1), date(2026, 6, 30), date(1981, 1, 15), D("500.00"))
    assert (r.years_counted, r.weeks, r.amount) == (10, D("12.0"), D("6000.00"))


def test_redundancy_counts_at_most_20_years_and_caps_a_weeks_pay():
    # 30 years' service, aged 66: the last 20 years all begun at 41 or over: 30 weeks; a week's pay of
    # 900 capped at 751 (from 6 April 2026): 22,530. (Aged 60, the 20th year back began at 40: 29.5.)
    r = redundancy_pay(date(1996, 6, 1), date(2026, 6, 30), date(1960, 1, 1), D("900.00"))
    assert redundancy_pay(date(1996, 6, 1), date(2026, 6, 30), date(1966, 1, 1), D("900.00")).weeks == D("29.5")
    assert (r.years_counted, r.weeks, r.week_pay) == (20, D("30.0"), D("751"))
    assert r.amount == D("22530.00")
    assert week_pay_cap(date(2026, 4, 5)) == D("719")


def test_young_years_count_half_a_week_and_under_two_years_nothing():
    # Started at 18, aged 21 on the relevant date: 3 years, each under 22: 1.5 weeks.
    r = redundancy_pay(date(2023, 6, 1), date(2026, 6, 30), date(2005, 3, 1), D("300.00"))
    assert (r.weeks, r.amount) == (D("1.5"), D("450.00"))
    none = redundancy_pay(date(2025, 1, 1), date(2026, 6, 30), date(1990, 1, 1), D("300.00"))
    assert none.amount == 0 and REDUNDANCY_UNDER_TWO_YEARS in none.codes


def test_the_relevant_date_moves_on_by_the_statutory_notice_not_given():
    # Given notice and left the same day, after 1 year 11 months: 1 week's statutory notice moves the
    # relevant date a week on (s.145(5)) - still short of 2 years.
    assert relevant_date(date(2026, 5, 20), date(2024, 6, 1), False, date(2026, 5, 20)) == date(2026, 5, 27)
    assert complete_years(date(2024, 6, 1), date(2026, 5, 31)) == 2
    assert complete_years(date(2024, 6, 1), date(2026, 5, 30)) == 1
