"""Tax years, tax weeks and months, HMRC's week 53 / 54 / 56, and when PAYE is due."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.rates import RatesError
from pa_manager.domain.tax_year import (
    TaxYearError,
    check_period,
    confirmed_year_start,
    hmrc_payment_due,
    is_extra_week,
    period_number,
    tax_month,
    tax_week,
    tax_year_label,
    tax_year_start,
)

W, F, FW, M = PayFrequency.WEEKLY, PayFrequency.FORTNIGHTLY, PayFrequency.FOUR_WEEKLY, PayFrequency.MONTHLY


@pytest.mark.parametrize("on, label", [
    (date(2026, 4, 5), "2025-26"),
    (date(2026, 4, 6), "2026-27"),
    (date(2026, 12, 31), "2026-27"),
    (date(2027, 1, 1), "2026-27"),
    (date(2027, 4, 5), "2026-27"),
    (date(1999, 4, 6), "1999-00"),
    (date(2000, 4, 5), "1999-00"),
])
def test_tax_year_label(on, label):
    assert tax_year_label(on) == label


def test_tax_year_start():
    assert tax_year_start("2026-27") == date(2026, 4, 6)
    assert tax_year_start(" 1999-00 ") == date(1999, 4, 6)


@pytest.mark.parametrize("label", ["2026-28", "2026/27", "26-27", "2026", "", "2026-2027"])
def test_bad_tax_year_labels(label):
    with pytest.raises(TaxYearError) as err:
        tax_year_start(label)
    assert err.value.code == "TAX_YEAR_FORMAT"


@pytest.mark.parametrize("on, frequency, expected", [
    # Tax months run 6th to 5th; month 1 is 6 April to 5 May.
    (date(2026, 4, 6), M, 1),
    (date(2026, 5, 5), M, 1),
    (date(2026, 5, 6), M, 2),
    (date(2026, 12, 31), M, 9),
    (date(2027, 1, 5), M, 9),
    (date(2027, 1, 6), M, 10),
    (date(2027, 3, 6), M, 12),
    (date(2027, 4, 5), M, 12),
    # Tax week n runs from 6 April + 7(n - 1) days.
    (date(2026, 4, 6), W, 1),
    (date(2026, 4, 12), W, 1),
    (date(2026, 4, 13), W, 2),
    (date(2026, 4, 24), F, 3),
    (date(2027, 4, 3), W, 52),
    (date(2027, 4, 4), W, 52),
    # Week 53: 5 April, or 4 and 5 April in a tax year holding 29 February (2023-24).
    (date(2027, 4, 5), W, 53),
    (date(2027, 4, 5), F, 54),
    (date(2027, 4, 5), FW, 56),
    (date(2024, 4, 3), W, 52),
    (date(2024, 4, 4), W, 53),
    (date(2024, 4, 5), F, 54),
])
def test_period_number(on, frequency, expected):
    assert period_number(on, frequency) == expected


@pytest.mark.parametrize("frequency, period, extra", [
    (W, 53, True), (F, 54, True), (FW, 56, True),
    (W, 52, False), (F, 53, False), (FW, 53, False), (M, 12, False),
])
def test_is_extra_week(frequency, period, extra):
    assert is_extra_week(frequency, period) is extra


@pytest.mark.parametrize("frequency, period", [
    (M, 0), (M, 13), (W, 0), (W, 54), (F, 53), (F, 55), (FW, 53), (FW, 57), (W, -1),
])
def test_periods_hmrc_never_uses(frequency, period):
    with pytest.raises(TaxYearError) as err:
        check_period(frequency, period)
    assert err.value.code == "PERIOD_OUT_OF_RANGE"


@pytest.mark.parametrize("pay_date, due", [
    (date(2026, 4, 6), date(2026, 5, 22)),     # tax month 1 ends 5 May
    (date(2026, 5, 5), date(2026, 5, 22)),
    (date(2026, 5, 6), date(2026, 6, 22)),
    (date(2026, 5, 10), date(2026, 6, 22)),
    (date(2026, 12, 31), date(2027, 1, 22)),   # month 9 ends 5 January
    (date(2027, 1, 5), date(2027, 1, 22)),
    (date(2027, 3, 6), date(2027, 4, 22)),
    (date(2027, 4, 5), date(2027, 4, 22)),
])
def test_hmrc_payment_due(pay_date, due):
    assert hmrc_payment_due(pay_date) == due


def test_a_year_with_no_rates_is_refused():
    assert confirmed_year_start("income_tax", "2026-27") == date(2026, 4, 6)
    with pytest.raises(RatesError):
        confirmed_year_start("income_tax", "2027-28")  # 2026-27's figures are not borrowed
    with pytest.raises(RatesError):
        confirmed_year_start("national_insurance", "2023-24")  # before the data starts


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@given(dates)
def test_every_date_sits_inside_its_tax_year(on):
    label = tax_year_label(on)
    start = tax_year_start(label)
    assert start <= on < date(start.year + 1, 4, 6)
    assert 1 <= tax_month(on) <= 12
    assert 1 <= tax_week(on) <= 53


@given(dates)
def test_payment_is_due_after_the_tax_month_ends(on):
    due = hmrc_payment_due(on)
    assert due.day == 22
    assert timedelta(days=17) <= due - on <= timedelta(days=48)
    assert tax_month(due) == tax_month(on) % 12 + 1
