"""The monitoring return's figures: balances line by line, money owed at the end, the contribution and
the hours of support. Every expected figure is worked by hand in the comments, not taken from the code."""
from __future__ import annotations

from datetime import date, time
from decimal import Decimal as D

import pytest

from pa_manager.domain.budget import BudgetYear, LedgerEntry
from pa_manager.domain.monitoring import (
    OPENING_BALANCE_DIFFERS, MonitoringError, PayRunPayment, monitoring_figures,
)
from pa_manager.domain.pay_rates import PayRate, SleepInAllowance
from pa_manager.domain.shifts import ShiftType, local_shift
from pa_manager.domain.work_pay import work_pay


def year(label="2026-27", opening="1000.00", **fields) -> BudgetYear:
    return BudgetYear(label, D("300.00"), "weekly", D("15.00"), opening_balance=D(opening), **fields)


def entry(on: date, amount: str, category: str, description: str = "") -> LedgerEntry:
    return LedgerEntry(on, D(amount), category, description)


MAY = (date(2026, 5, 1), date(2026, 5, 31))
LEDGER = [
    entry(date(2026, 4, 10), "300.00", "council_payment"),
    entry(date(2026, 4, 20), "-50.00", "insurance"),
    entry(date(2026, 5, 1), "300.00", "council_payment", "Direct payment"),
    entry(date(2026, 5, 3), "-120.50", "pa_net_pay", "Take-home pay"),
    entry(date(2026, 5, 3), "-10.00", "other", "Stamps"),
    entry(date(2026, 5, 31), "-200.00", "hmrc_tax_ni", "HMRC"),
    entry(date(2026, 6, 2), "300.00", "council_payment"),
]


def test_the_opening_balance_is_the_year_to_the_day_before_and_each_line_carries_the_balance_after_it():
    figures = monitoring_figures([year()], LEDGER, *MAY)
    # 1,000.00 opening + 300.00 - 50.00 in April = 1,250.00 on the morning of 1 May.
    assert figures.opening_balance == D("1250.00")
    # 1,250.00 + 300.00 = 1,550.00; - 120.50 = 1,429.50; - 10.00 = 1,419.50 (same day, in the order given);
    # - 200.00 = 1,219.50. June's payment is after the period.
    assert [(line.entry.description, line.balance) for line in figures.lines] == [
        ("Direct payment", D("1550.00")), ("Take-home pay", D("1429.50")), ("Stamps", D("1419.50")),
        ("HMRC", D("1219.50"))]
    assert (figures.money_in, figures.money_out) == (D("300.00"), D("330.50"))
    assert figures.closing_balance == D("1250.00") + D("300.00") - D("330.50") == D("1219.50")
    assert figures.lines[1].money_out == D("120.50") and figures.lines[1].money_in is None
    assert figures.totals_by_category()["council_payment"] == (D("300.00"), D("0.00"))


def test_a_period_with_no_entries_closes_where_it_opened():
    figures = monitoring_figures([year()], LEDGER, date(2026, 5, 4), date(2026, 5, 30))
    # 1,250.00 + 300.00 - 120.50 - 10.00 = 1,419.50 at the start of 4 May, and nothing moves after it.
    assert figures.lines == () and figures.opening_balance == figures.closing_balance == D("1419.50")


def test_hmrc_due_after_the_period_for_a_pay_run_paid_in_it_is_owed_at_the_end():
    payments = [
        # April's pay run: HMRC paid on 22 May, inside the period, so nothing owed for it.
        PayRunPayment(date(2026, 4, 30), entry(date(2026, 5, 22), "-180.00", "hmrc_tax_ni")),
        # May's pay run: pension on the pay day, HMRC on 22 June, after the period: owed.
        PayRunPayment(date(2026, 5, 29), entry(date(2026, 5, 29), "-40.00", "pension")),
        PayRunPayment(date(2026, 5, 29), entry(date(2026, 6, 22), "-215.35", "hmrc_tax_ni")),
        # A pension contribution entered after the period for May's run is owed too.
        PayRunPayment(date(2026, 5, 29), entry(date(2026, 6, 5), "-12.00", "pension")),
        # June's pay run is after the period altogether.
        PayRunPayment(date(2026, 6, 30), entry(date(2026, 7, 22), "-190.00", "hmrc_tax_ni")),
    ]
    figures = monitoring_figures([year()], LEDGER, *MAY, pay_run_payments=payments)
    assert [(o.category, o.pay_date, o.due_on, o.amount) for o in figures.owed] == [
        ("pension", date(2026, 5, 29), date(2026, 6, 5), D("12.00")),
        ("hmrc_tax_ni", date(2026, 5, 29), date(2026, 6, 22), D("215.35"))]
    assert figures.owed_total == D("227.35")
    assert figures.balance_after_owed == D("1219.50") - D("227.35")


def test_a_period_across_1_april_runs_on_and_says_when_the_new_years_opening_balance_disagrees():
    ledger = [entry(date(2027, 3, 20), "-100.00", "other"), entry(date(2027, 4, 2), "250.00", "council_payment")]
    old, new = year("2026-27", "500.00"), year("2027-28", "450.00")
    figures = monitoring_figures([old, new], ledger, date(2027, 3, 1), date(2027, 4, 30))
    # 500.00 - 100.00 = 400.00 on 31 March, + 250.00 = 650.00: the running balance, not the 450.00 recorded.
    assert figures.opening_balance == D("500.00")
    assert [line.balance for line in figures.lines] == [D("400.00"), D("650.00")]
    assert figures.codes == (OPENING_BALANCE_DIFFERS,)
    assert [(d.label, d.recorded, d.running) for d in figures.year_differences] == [("2027-28", D("450.00"), D("400.00"))]
    agreeing = monitoring_figures([old, year("2027-28", "400.00")], ledger, date(2027, 3, 1), date(2027, 4, 30))
    assert agreeing.codes == ()


def test_a_period_starting_in_a_year_not_recorded_is_refused_with_a_code():
    with pytest.raises(MonitoringError) as raised:
        monitoring_figures([year()], LEDGER, date(2026, 3, 1), date(2026, 4, 30))
    assert (raised.value.code, raised.value.value) == ("MONITORING_NO_BUDGET_YEAR", "2025-26")


@pytest.mark.parametrize("first, last, years, due", [
    # 31 days of May at £21.00 a week: 21 x 31 / 7 = 93.00.
    (date(2026, 5, 1), date(2026, 5, 31), [year(assessed_contribution=D("21.00"))], D("93.00")),
    # March 2027 at £21.00 (93.00) and April 2027 at £28.00: 28 x 30 / 7 = 120.00; 213.00 together.
    (date(2027, 3, 1), date(2027, 4, 30), [year(assessed_contribution=D("21.00")),
                                           year("2027-28", assessed_contribution=D("28.00"))], D("213.00")),
    # 10 days at £25.40: 254 / 7 = 36.2857… rounded half up once: 36.29.
    (date(2026, 5, 1), date(2026, 5, 10), [year(assessed_contribution=D("25.40"))], D("36.29")),
    # A year with no assessed contribution recorded: not known.
    (date(2027, 3, 1), date(2027, 4, 30), [year(assessed_contribution=D("21.00")), year("2027-28")], None),
])
def test_the_assessed_contribution_due_for_the_period(first, last, years, due):
    ledger = [entry(date(2026, 5, 2), "50.00", "personal_contribution"),
              entry(date(2026, 5, 20), "30.00", "personal_contribution"),
              entry(date(2026, 5, 25), "-5.00", "personal_contribution")]  # money back
    figures = monitoring_figures(years, ledger, first, last)
    assert figures.contribution.due == due
    paid = D("75.00") if first == date(2026, 5, 1) and last == date(2026, 5, 31) else (
        D("50.00") if last == date(2026, 5, 10) else D("0.00"))
    assert figures.contribution.paid == paid  # 50.00 + 30.00 - 5.00 in May; only the 50.00 by 10 May
    if due is not None:
        assert figures.contribution.short_by == due - paid


def test_support_hours_are_care_hours_paid_by_the_hour_with_nights_apart():
    april = date(2026, 4, 1)
    rates, allowances = [PayRate(april, None, D("12.00"))], [SleepInAllowance(april, D("60.00"))]
    work = {
        "jo": work_pay([
            # Mon 4 May 08:00-14:00 less 30 min: 330 minutes of care.
            local_shift(date(2026, 5, 4), time(8), time(14), pa="jo", break_minutes=30),
            # Tue 5 May, a waking night 22:00-06:00: 480 minutes of care.
            local_shift(date(2026, 5, 5), time(22), time(6), pa="jo", shift_type=ShiftType.WAKING_NIGHT),
            # Wed 6 May on holiday, 6 hours: paid, but not support given.
            local_shift(date(2026, 5, 6), time(9), time(15), pa="jo", shift_type=ShiftType.HOLIDAY),
        ], rates),
        "sam": work_pay([
            # Sat 9 May a sleep-in 22:00-08:00 with the allowance: a night, no hours.
            local_shift(date(2026, 5, 9), time(22), time(8), pa="sam", shift_type=ShiftType.SLEEP_IN),
            # Thu 7 May training 10:00-12:00: paid, not support.
            local_shift(date(2026, 5, 7), time(10), time(12), pa="sam", shift_type=ShiftType.TRAINING),
        ], rates, sleep_in_allowances=allowances),
    }
    figures = monitoring_figures([year(support_plan_hours=D("42"))], [], date(2026, 5, 4), date(2026, 5, 17),
                                 work=work)
    support = figures.support
    assert [(p.pa, p.support_minutes, p.other_minutes, p.sleep_in_nights) for p in support.by_pa] == [
        ("jo", 330 + 480, 360, 0), ("sam", 0, 120, 1)]
    assert support.delivered_hours == D("13.50")  # 810 minutes
    assert support.planned_hours == D("84.00")  # 42 a week for 14 days
    assert support.hours_short == D("70.50")
    assert support.sleep_in_nights == 1


def test_the_statement_balance_is_set_against_the_balance_at_the_end_of_its_day():
    figures = monitoring_figures([year()], LEDGER, *MAY, statement=(date(2026, 5, 3), D("1420.00")))
    # The records show 1,419.50 at the end of 3 May: the bank holds 0.50 more.
    assert figures.reconciliation.ledger_balance == D("1419.50")
    assert figures.reconciliation.difference == D("0.50")
    assert monitoring_figures([year()], LEDGER, *MAY, statement=(date(2026, 6, 3), D("1.00"))).reconciliation is None
