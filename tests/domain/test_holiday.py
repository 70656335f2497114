"""Holiday: fixed-hours entitlement, 12.07% accrual, rolled-up pay, 52-week average, balance, leaving.

Each table row names where its expected answer comes from.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pa_manager.domain import holiday as h
from pa_manager.domain.rates import RatesError

GOV = "GOV.UK holiday entitlement (via selective-group): 5.6 weeks, capped at 28 days"

FIXED = [
    # hours a week, days a week, days, hours, capped, source
    ("37.5", "5", "28.00", "210.00", False, GOV + ": 5 days a week -> 28 days"),
    ("22.5", "3", "16.80", "126.00", False, GOV + ": 3 days a week -> 16.8 days"),
    ("48", "6", "28.00", "224.00", True, GOV + ": 6 x 5.6 = 33.6 days, capped at 28"),
    ("10", "2", "11.20", "56.00", False, "5.6 x 2 days; 5 hours a day"),
    ("16", "2.5", "14.00", "89.60", False, "5.6 x 2.5 days; 6.4 hours a day"),
]


@pytest.mark.parametrize("hours, days, exp_days, exp_hours, capped, source", FIXED)
def test_fixed_hours_whole_year(hours, days, exp_days, exp_hours, capped, source):
    e = h.fixed_hours_entitlement(D(hours), D(days), date(2025, 4, 1))
    assert (e.days, e.hours, e.capped, e.share_of_year) == (D(exp_days), D(exp_hours), capped, 1), source


PART_YEAR = [
    # leave year start, from, to, days, source
    (date(2025, 1, 1), None, date(2025, 8, 15), "17.42",
     "QCS / Napthens leaver example: 227 of 365 days; 28 x 227/365 = 17.413 rounded up"),
    (date(2025, 1, 1), date(2025, 7, 2), None, "14.04", "starter: 183 of 365 days; 28 x 183/365 = 14.038"),
    (date(2024, 4, 1), date(2024, 10, 1), date(2024, 12, 31), "7.06", "92 of 365 days; 7.0575 rounded up"),
    (date(2023, 4, 1), None, date(2023, 9, 30), "14.00", "183 of 366 days (leave year holds 29 Feb 2024)"),
    (date(2025, 1, 1), date(2026, 1, 1), None, "0.00", "starts after the leave year"),
]


@pytest.mark.parametrize("start, employed_from, employed_to, days, source", PART_YEAR)
def test_fixed_hours_part_year(start, employed_from, employed_to, days, source):
    e = h.fixed_hours_entitlement(D("37.5"), D(5), start, employed_from=employed_from, employed_to=employed_to)
    assert e.days == D(days), source


def test_part_year_leaver_balance_matches_reg_14_example():
    # QCS / Napthens: full-time leaver on 15 Aug, 11 days taken: (5.6 x 227/365) - 2.2 = 1.283 weeks.
    e = h.fixed_hours_entitlement(D("37.5"), D(5), date(2025, 1, 1), employed_to=date(2025, 8, 15))
    assert e.share_of_year == D(227) / D(365)
    weeks_owed = D("5.6") * e.share_of_year - D("2.2")
    assert weeks_owed.quantize(D("0.001")) == D("1.283")


@pytest.mark.parametrize("hours, days", [("37.5", "0"), ("37.5", "8"), ("-1", "5")])
def test_fixed_hours_bad_week(hours, days):
    with pytest.raises(ValueError):
        h.fixed_hours_entitlement(D(hours), D(days), date(2025, 4, 1))


def test_leave_year_end():
    assert h.leave_year_end(date(2025, 4, 1)) == date(2026, 3, 31)
    assert h.leave_year_end(date(2024, 1, 1)) == date(2024, 12, 31)
    assert h.leave_year_end(date(2024, 2, 29)) == date(2025, 2, 28)


# --- irregular hours -------------------------------------------------------------------------------

ACCRUAL = [
    ("10", "1.207", "brief / Lawgistics: 12.07% of 10 hours"),
    ("5", "0.6035", "12.07% of 5 hours"),
    ("0", "0", "no hours, no holiday"),
    ("37.5", "4.52625", "12.07% of 37.5 hours, not rounded"),
]


@pytest.mark.parametrize("worked, accrued, source", ACCRUAL)
def test_irregular_hours_accrual(worked, accrued, source):
    assert h.irregular_hours_accrual(D(worked), date(2025, 4, 1)) == D(accrued), source


def test_accrual_is_capped():
    assert h.irregular_hours_accrual(D("100"), date(2025, 4, 1), accrued_so_far=D("220"),
                                     cap_hours=D("224")) == D("4")
    assert h.irregular_hours_accrual(D("100"), date(2025, 4, 1), accrued_so_far=D("224"),
                                     cap_hours=D("224")) == 0


@pytest.mark.parametrize("leave_year_start, applies", [
    (date(2024, 3, 31), False),
    (date(2024, 4, 1), True),   # Acas: leave years starting on or after 1 April 2024
    (date(2025, 1, 1), True),
])
def test_accrual_method_applies_from_april_2024(leave_year_start, applies):
    assert h.accrual_method_applies(leave_year_start) is applies
    if not applies:
        with pytest.raises(RatesError):
            h.irregular_hours_accrual(D("10"), leave_year_start)
        with pytest.raises(RatesError):
            h.rolled_up_holiday_pay(D("100"), leave_year_start)


@pytest.mark.parametrize("pay, rolled_up, source", [
    ("100.00", "12.07", "12.07% of pay for work done"),
    ("123.45", "14.90", "14.900415 rounded half up"),
    ("254.10", "30.67", "30.669870 rounded half up"),
    ("0.00", "0.00", "no pay"),
])
def test_rolled_up_holiday_pay(pay, rolled_up, source):
    assert h.rolled_up_holiday_pay(D(pay), date(2025, 4, 1)) == D(rolled_up), source


# --- 52-week average --------------------------------------------------------------------------------

LEAVE = date(2025, 6, 2)  # a Monday


def weeks_back(pays: list[tuple[str, str]], last_week_ending: date = date(2025, 6, 1)) -> list[h.PayWeek]:
    """Weeks ending on Sundays, most recent first."""
    return [h.PayWeek(last_week_ending - timedelta(weeks=i), D(pay), D(hours))
            for i, (pay, hours) in enumerate(pays)]


def test_average_over_52_paid_weeks():
    weeks = weeks_back([("200", "16")] * 26 + [("300", "24")] * 26 + [("1000", "80")] * 10)
    avg = h.average_holiday_pay(weeks, LEAVE)
    assert avg.weeks_used == 52 and avg.codes == ()
    assert avg.weekly == D("250.00")            # (26 x 200 + 26 x 300) / 52; the older weeks ignored
    assert avg.hourly_exact == D("12.5")


def test_weeks_without_pay_are_skipped():
    # Barrco / Lexology: weeks with no pay are not counted; earlier weeks are brought in instead.
    weeks = weeks_back([("0", "0")] * 10 + [("100", "10")] * 52 + [("999", "1")] * 5)
    avg = h.average_holiday_pay(weeks, LEAVE)
    assert avg.weeks_used == 52 and avg.weekly == D("100.00")


def test_no_more_than_104_weeks_back():
    weeks = weeks_back([("0", "0")] * 100 + [("100", "10")] * 4 + [("500", "10")] * 10)
    avg = h.average_holiday_pay(weeks, LEAVE)
    assert avg.weeks_used == 4 and avg.weekly == D("100.00")
    assert avg.codes == ("HOLIDAY_FEWER_THAN_52_WEEKS",)


def test_fewer_weeks_when_employed_less_than_52():
    weeks = weeks_back([("150", "12"), ("90", "6"), ("120", "12")])
    avg = h.average_holiday_pay(weeks, LEAVE)
    assert avg.weeks_used == 3 and avg.weekly == D("120.00")
    assert avg.hourly_exact == D("12")
    assert avg.pay_for_hours(D("7.5")) == D("90.00")


def test_weeks_on_or_after_leave_are_ignored_and_no_pay_is_flagged():
    future = [h.PayWeek(LEAVE + timedelta(days=6), D("500"), D("40"))]
    avg = h.average_holiday_pay(future, LEAVE)
    assert avg.weeks_used == 0 and avg.weekly == 0 and avg.codes == ("HOLIDAY_NO_PAID_WEEKS",)


def test_average_weekly_is_rounded_half_up_only_for_display():
    weeks = weeks_back([("100", "8"), ("100", "8"), ("100.01", "8")])
    avg = h.average_holiday_pay(weeks, LEAVE)
    assert avg.weekly == D("100.00")
    assert avg.weekly_exact > D("100.003")


# --- balance and leaving ---------------------------------------------------------------------------

def test_balance():
    balance = h.HolidayBalance().accrue(D("1.207")).accrue(D("2.414")).take(D("3"))
    assert (balance.accrued, balance.taken, balance.remaining) == (D("3.621"), D("3"), D("0.621"))
    with pytest.raises(ValueError):
        balance.take(D("-1"))


@pytest.mark.parametrize("accrued, taken, rate, hours, amount, codes", [
    ("40", "30", "12.21", "10", "122.10", ()),
    ("1.207", "0", "12.50", "1.207", "15.09", ()),          # 15.0875 rounded half up
    ("20", "25", "12.00", "-5", "-60.00", ("HOLIDAY_TAKEN_MORE_THAN_ACCRUED",)),
])
def test_holiday_on_leaving(accrued, taken, rate, hours, amount, codes):
    result = h.holiday_on_leaving(h.HolidayBalance(D(accrued), D(taken)), D(rate))
    assert (result.hours, result.amount, result.codes) == (D(hours), D(amount), codes)


hours = st.decimals(min_value=0, max_value=200, places=2, allow_nan=False, allow_infinity=False)


@given(st.lists(st.tuples(st.booleans(), hours), max_size=40))
def test_balance_is_accrued_minus_taken(moves):
    balance = h.HolidayBalance()
    accrued = taken = D(0)
    for is_accrual, amount in moves:
        if is_accrual:
            balance, accrued = balance.accrue(amount), accrued + amount
        else:
            balance, taken = balance.take(amount), taken + amount
    assert (balance.accrued, balance.taken) == (accrued, taken)
    assert balance.remaining == accrued - taken


@given(worked=hours, so_far=hours, cap=hours)
def test_accrual_never_negative_nor_over_cap(worked, so_far, cap):
    accrual = h.irregular_hours_accrual(worked, date(2025, 4, 1), accrued_so_far=so_far, cap_hours=cap)
    assert accrual >= 0
    assert accrual <= worked * D("0.1207")
    if so_far <= cap:
        assert so_far + accrual <= cap


@given(hours_per_week=st.decimals(min_value=1, max_value=70, places=2, allow_nan=False, allow_infinity=False),
       days=st.sampled_from([D(1), D(2), D("2.5"), D(3), D(4), D(5), D(6), D(7)]),
       start=st.dates(date(2024, 1, 1), date(2027, 12, 31)),
       offset=st.integers(0, 400))
def test_entitlement_properties(hours_per_week, days, start, offset):
    whole = h.fixed_hours_entitlement(hours_per_week, days, start)
    part = h.fixed_hours_entitlement(hours_per_week, days, start, employed_from=start + timedelta(days=offset))
    assert whole.days <= 28
    assert part.days <= whole.days and part.hours <= whole.hours
    assert 0 <= part.share_of_year <= 1
    # Never rounded down: at least the exact pro-rata figure.
    assert part.days >= min(D("5.6") * days, D(28)) * part.share_of_year
