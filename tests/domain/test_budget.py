"""The council's year, the direct-payment ledger, balances, the monthly series and reconciliation."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pa_manager.domain.budget import (
    CATEGORIES,
    MONEY_IN,
    MONEY_OUT,
    BudgetError,
    BudgetYear,
    LedgerEntry,
    balance_on,
    budget_year_label,
    budget_year_start,
    money_in,
    money_out,
    month_starts,
    monthly_series,
    reconcile,
    totals_by_category,
)

D = Decimal


def weekly_year(**overrides) -> BudgetYear:
    values = dict(label="2026-27", amount=D("300.00"), basis="weekly", council_hourly_rate=D("14.50"),
                  opening_balance=D("1000.00"))
    values.update(overrides)
    return BudgetYear(**values)


def entry(on: date, amount: str, category: str, **kwargs) -> LedgerEntry:
    return LedgerEntry(on, D(amount), category, **kwargs)


# --- the council's year -------------------------------------------------------------------------


def test_year_labels_run_from_1_april_to_31_march() -> None:
    assert budget_year_label(date(2026, 3, 31)) == "2025-26"
    assert budget_year_label(date(2026, 4, 1)) == "2026-27"
    assert budget_year_label(date(2027, 3, 31)) == "2026-27"
    assert budget_year_start("2026-27") == date(2026, 4, 1)
    year = weekly_year()
    assert (year.starts_on, year.ends_on) == (date(2026, 4, 1), date(2027, 3, 31))
    assert month_starts("2026-27")[0] == date(2026, 4, 1)
    assert month_starts("2026-27")[9] == date(2027, 1, 1)
    assert month_starts("2026-27")[-1] == date(2027, 3, 1)


@pytest.mark.parametrize("label", ["2026-28", "2026/27", "26-27", ""])
def test_bad_year_label_has_a_code(label: str) -> None:
    with pytest.raises(BudgetError) as raised:
        budget_year_start(label)
    assert raised.value.code == "BUDGET_YEAR_FORMAT"


@pytest.mark.parametrize("basis, amount, annual, limit", [
    # weekly: 300 x 52 = 15,600; limit 8 weeks x 300 = 2,400
    ("weekly", "300.00", "15600.00", "2400.00"),
    # four-weekly: 1,200 x 13 = 15,600; 8 weeks is two payments = 2,400
    ("four-weekly", "1200.00", "15600.00", "2400.00"),
    # yearly: 10,000 once; 10,000 x 8 / 52 = 1,538.4615... -> 1,538.46
    ("yearly", "10000.00", "10000.00", "1538.46"),
])
def test_annual_amount_and_surplus_limit(basis: str, amount: str, annual: str, limit: str) -> None:
    year = weekly_year(basis=basis, amount=D(amount))
    assert year.annual_amount == D(annual)
    assert year.amount_per_payment == D(amount)
    assert year.surplus_limit == D(limit)


def test_surplus_limit_weeks_can_be_changed() -> None:
    # 4 weeks x 300 = 1,200
    assert weekly_year(surplus_limit_weeks=4).surplus_limit == D("1200.00")


def test_funded_pay_rate_takes_off_the_council_on_costs() -> None:
    # Shropshire 2024/25: £13.75 an hour into the payment for £11.75 pay: 13.75 / 1.1702 = 11.7501...
    year = weekly_year(council_hourly_rate=D("13.75"), council_on_cost_rate=D("0.1702"))
    assert year.funded_pay_rate == D("11.75")


def test_payment_dates_weekly_four_weekly_and_late_start() -> None:
    weekly = weekly_year(first_payment_on=date(2026, 4, 3)).payment_dates()
    assert len(weekly) == 52 and weekly[-1] == date(2027, 3, 26)  # 3 Apr + 51 x 7 days
    four = weekly_year(basis="four-weekly", amount=D("1200.00")).payment_dates()
    assert len(four) == 13 and four[-1] == date(2027, 3, 3)  # 1 Apr + 12 x 28 days
    late = weekly_year(first_payment_on=date(2026, 10, 1)).payment_dates()
    assert len(late) == 26 and late[-1] == date(2027, 3, 25)  # 1 Oct + 25 x 7; one more is April
    assert weekly_year(basis="yearly", amount=D("9000.00")).payment_dates() == (date(2026, 4, 1),)


@pytest.mark.parametrize("overrides, code", [
    (dict(basis="monthly"), "BUDGET_BASIS_UNKNOWN"),
    (dict(amount=300.0), "BUDGET_AMOUNT_NOT_MONEY"),
    (dict(amount=D("300.005")), "BUDGET_AMOUNT_NOT_MONEY"),
    (dict(amount=D("-1.00")), "BUDGET_AMOUNT_NEGATIVE"),
    (dict(council_hourly_rate=D("-1")), "BUDGET_RATE_INVALID"),
    (dict(surplus_limit_weeks=-1), "BUDGET_SURPLUS_WEEKS_INVALID"),
    (dict(first_payment_on=date(2027, 4, 1)), "BUDGET_FIRST_PAYMENT_OUTSIDE_YEAR"),
    (dict(label="2026"), "BUDGET_YEAR_FORMAT"),
])
def test_budget_year_refuses_bad_input_with_a_code(overrides: dict, code: str) -> None:
    with pytest.raises(BudgetError) as raised:
        weekly_year(**overrides)
    assert raised.value.code == code


# --- the ledger ---------------------------------------------------------------------------------


def test_categories_are_exactly_the_stored_codes() -> None:
    assert MONEY_IN == ("council_payment", "personal_contribution", "other_income")
    assert MONEY_OUT == ("pa_net_pay", "hmrc_tax_ni", "pension", "insurance", "payroll_support_fees",
                         "training", "pa_expenses", "other")
    assert CATEGORIES == MONEY_IN + MONEY_OUT


@pytest.mark.parametrize("kwargs, code", [
    (dict(amount=D("1.00"), category="wages"), "LEDGER_CATEGORY_UNKNOWN"),
    (dict(amount=D("1.00"), category="other", source="email"), "LEDGER_SOURCE_UNKNOWN"),
    (dict(amount=1.0, category="other"), "LEDGER_AMOUNT_NOT_MONEY"),
    (dict(amount=D("1.001"), category="other"), "LEDGER_AMOUNT_NOT_MONEY"),
])
def test_ledger_entry_refuses_bad_input_with_a_code(kwargs: dict, code: str) -> None:
    with pytest.raises(BudgetError) as raised:
        LedgerEntry(date(2026, 5, 1), **kwargs)
    assert raised.value.code == code


LEDGER = [
    entry(date(2026, 3, 31), "999.00", "council_payment"),        # last year's: never counted
    entry(date(2026, 4, 3), "1200.00", "council_payment", source="bank_import", reference="DP APR"),
    entry(date(2026, 4, 10), "50.00", "personal_contribution"),
    entry(date(2026, 4, 30), "-800.00", "pa_net_pay", source="pay_run", reference="run-1"),
    entry(date(2026, 4, 30), "-120.50", "hmrc_tax_ni", source="pay_run"),
    entry(date(2026, 5, 2), "-61.00", "insurance"),
    entry(date(2026, 5, 20), "11.00", "insurance", description="refund"),  # a refund nets off
    entry(date(2026, 5, 29), "1200.00", "council_payment"),
    entry(date(2026, 5, 31), "-900.00", "pa_net_pay", source="pay_run"),
    entry(date(2026, 6, 1), "-200.00", "council_payment", description="clawback"),
]


def test_totals_by_category_for_a_date_range() -> None:
    totals = totals_by_category(LEDGER, date(2026, 4, 1), date(2026, 5, 31))
    assert set(totals) == set(CATEGORIES)
    assert totals["council_payment"] == D("2400.00")
    assert totals["pa_net_pay"] == D("-1700.00")
    assert totals["insurance"] == D("-50.00")          # -61 + 11
    assert totals["training"] == D("0.00")


def test_money_in_and_out_net_refunds_and_clawbacks() -> None:
    start, end = date(2026, 4, 1), date(2027, 3, 31)
    # in: 1200 + 50 + 1200 - 200 = 2250; out: 800 + 120.50 + 61 - 11 + 900 = 1870.50
    assert money_in(LEDGER, start, end) == D("2250.00")
    assert money_out(LEDGER, start, end) == D("1870.50")
    assert money_in(LEDGER, date(2026, 4, 1), date(2026, 4, 30)) == D("1250.00")
    assert money_out(LEDGER, date(2026, 4, 1), date(2026, 4, 30)) == D("920.50")
    assert str(money_out([])) == "0.00"


@pytest.mark.parametrize("amount, category, money_back", [
    ("-50.00", "insurance", False), ("50.00", "insurance", True),  # an insurer's refund
    ("600.00", "council_payment", False), ("-600.00", "council_payment", True),  # a clawback
])
def test_money_back_is_an_entry_against_its_categorys_side(amount: str, category: str, money_back: bool) -> None:
    assert entry(date(2026, 5, 1), amount, category).is_money_back is money_back


def test_balance_on_a_date_counts_that_days_entries_and_not_last_years() -> None:
    year = weekly_year()
    assert balance_on(year, LEDGER, date(2026, 3, 31)) == D("1000.00")
    assert balance_on(year, LEDGER, date(2026, 4, 29)) == D("2250.00")   # 1000 + 1200 + 50
    assert balance_on(year, LEDGER, date(2026, 4, 30)) == D("1329.50")   # - 800 - 120.50
    # 1000 + 2250 - 1870.50
    assert balance_on(year, LEDGER, date(2027, 3, 31)) == D("1379.50")


def test_monthly_series_april_to_march() -> None:
    months = monthly_series(weekly_year(), LEDGER)
    assert [m.month for m in months] == list(month_starts("2026-27"))
    april, may, june = months[:3]
    assert (april.money_in, april.spend, april.closing_balance) == (D("1250.00"), D("920.50"), D("1329.50"))
    # May: in 1200; spend 61 - 11 + 900 = 950
    assert (may.money_in, may.spend, may.closing_balance) == (D("1200.00"), D("950.00"), D("1579.50"))
    assert (june.money_in, june.spend, june.closing_balance) == (D("-200.00"), D("0.00"), D("1379.50"))
    assert months[-1].closing_balance == D("1379.50")
    assert not any(m.projected for m in months)


def test_reconciliation_to_the_penny() -> None:
    year = weekly_year()
    done = reconcile(year, LEDGER, date(2026, 4, 30), D("1329.50"))
    assert done.reconciled and done.difference == D("0.00")
    off = reconcile(year, LEDGER, date(2026, 4, 30), D("1329.49"))
    assert not off.reconciled
    assert off.difference == D("-0.01")          # the bank holds a penny less than the ledger
    assert off.ledger_balance == D("1329.50")
    with pytest.raises(BudgetError) as raised:
        reconcile(year, LEDGER, date(2026, 4, 30), D("1329.499"))
    assert raised.value.code == "STATEMENT_BALANCE_NOT_MONEY"


# --- properties ---------------------------------------------------------------------------------

YEAR = weekly_year()
pence = st.integers(min_value=-500_000, max_value=500_000).map(lambda p: D(p) / 100)
days = st.integers(min_value=-30, max_value=395).map(lambda n: date(2026, 4, 1) + timedelta(days=n))
entries = st.lists(st.builds(LedgerEntry, on=days, amount=pence, category=st.sampled_from(CATEGORIES)),
                   max_size=60)


@given(entries, days)
def test_balance_is_opening_plus_in_minus_out(ledger: list[LedgerEntry], on: date) -> None:
    expected = YEAR.opening_balance + money_in(ledger, YEAR.starts_on, on) - money_out(ledger, YEAR.starts_on, on)
    assert balance_on(YEAR, ledger, on) == expected


@given(entries)
def test_monthly_series_adds_up_to_the_year(ledger: list[LedgerEntry]) -> None:
    months = monthly_series(YEAR, ledger)
    assert sum(m.money_in for m in months) == money_in(ledger, YEAR.starts_on, YEAR.ends_on)
    assert sum(m.spend for m in months) == money_out(ledger, YEAR.starts_on, YEAR.ends_on)
    assert months[-1].closing_balance == balance_on(YEAR, ledger, YEAR.ends_on)
    totals = totals_by_category(ledger, YEAR.starts_on, YEAR.ends_on)
    assert sum(totals.values()) == months[-1].closing_balance - YEAR.opening_balance


@given(entries, days, pence)
def test_reconciled_exactly_when_the_statement_matches(ledger: list[LedgerEntry], on: date, shift: Decimal) -> None:
    ledger_balance = balance_on(YEAR, ledger, on)
    assert reconcile(YEAR, ledger, on, ledger_balance + shift).reconciled == (shift == 0)


@pytest.mark.parametrize("field, value, code", [
    ("assessed_contribution", D("-1.00"), "BUDGET_CONTRIBUTION_NEGATIVE"),
    ("assessed_contribution", D("25.405"), "BUDGET_CONTRIBUTION_NOT_MONEY"),
    ("support_plan_hours", D("-2"), "BUDGET_PLAN_HOURS_INVALID"),
    ("support_plan_hours", D("169"), "BUDGET_PLAN_HOURS_INVALID"),
])
def test_the_assessed_contribution_and_support_plan_hours_are_checked(field, value, code) -> None:
    with pytest.raises(BudgetError) as raised:
        weekly_year(**{field: value})
    assert raised.value.code == code


def test_a_year_need_not_record_a_contribution_or_support_plan_hours() -> None:
    year = weekly_year()
    assert (year.assessed_contribution, year.support_plan_hours) == (None, None)
    assert weekly_year(assessed_contribution=D("0.00"), support_plan_hours=D("37.5")).support_plan_hours == D("37.5")
