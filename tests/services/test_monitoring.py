"""The monitoring return through the real services, from the demo household and from a household with
gaps. Every expected figure is summed in the test from the ledger rows and shifts, never read back
from the code that makes the return."""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from pa_manager.domain.shifts import ShiftType, length_minutes
from pa_manager.services import budget
from pa_manager.services.errors import ServiceError
from pa_manager.services.monitoring import build_monitoring_return
from pa_manager.services.shifts import shifts_between
from tests.household_with_gaps import LEDGER, OCTOBER, OPENING, PAY_DATE, create_household_with_gaps
from tests.saying import raises_saying
from pa_manager.messages import say

SEPTEMBER_OCTOBER = (date(2026, 9, 1), date(2026, 10, 31))
CARE = {ShiftType.STANDARD, ShiftType.WAKING_NIGHT, ShiftType.SLEEP_IN, ShiftType.TRAVEL}


def _rows(db, employer_id):
    return [stored.entry for stored in budget.list_entries(db, employer_id)]


def test_the_demo_return_adds_up_from_the_ledger_rows(demo_db, today):
    first, last = SEPTEMBER_OCTOBER
    report = build_monitoring_return(demo_db, 1, first, last, today)
    rows = _rows(demo_db, 1)
    year = budget.get_year(demo_db, 1, "2026-27")
    opening = year.opening_balance + sum(r.amount for r in rows if year.starts_on <= r.on < first)
    in_period = [r for r in rows if first <= r.on <= last]
    assert report.opening_balance == opening
    assert report.closing_balance == opening + sum(r.amount for r in in_period)
    assert report.money_in == sum(r.amount for r in in_period if r.amount > 0)
    assert report.money_out == -sum(r.amount for r in in_period if r.amount < 0)
    assert len(report.transactions) == len(in_period)
    # Each line's balance is the balance before it plus its amount, and the last is the closing balance.
    balance = opening
    for line, row in zip(report.transactions, in_period):
        balance += row.amount
        assert (line.day, line.balance) == (row.on, balance)
    assert report.transactions[-1].balance == report.closing_balance
    # October's pay run (paid 30 October) has HMRC's share entered on 22 November: owed at 31 October.
    hmrc = [r for r in rows if r.reference == "pay run 2026-10-30" and r.category == "hmrc_tax_ni"]
    assert [r.on for r in hmrc] == [date(2026, 11, 22)]
    assert report.owed_total == -hmrc[0].amount
    assert report.balance_after_owed == report.closing_balance + hmrc[0].amount


def test_the_demo_hours_of_support_are_the_shifts_less_their_breaks(demo_db, today):
    first, last = SEPTEMBER_OCTOBER
    report = build_monitoring_return(demo_db, 1, first, last, today)
    shifts = shifts_between(demo_db, 1, first, last)
    # The demo's sleep-ins (Tom's) are paid by the allowance: nights, with no awake hours.
    care = sum(length_minutes(s) - s.break_minutes for s in shifts if s.shift_type in CARE - {ShiftType.SLEEP_IN})
    other = sum(length_minutes(s) - s.break_minutes for s in shifts if s.shift_type not in CARE)
    nights = sum(1 for s in shifts if s.shift_type == ShiftType.SLEEP_IN)
    assert sum(h.support_hours for h in report.hours) == D(care) / 60
    assert sum(h.other_hours for h in report.hours) == D(other) / 60
    assert sum(h.sleep_in_nights for h in report.hours) == nights > 0
    # 42 hours a week for the 61 days: 42 x 61 / 7 = 366 hours.
    assert ("Support plan hours for these dates (61 days)", "366 hours") in report.hours_plan
    assert dict(report.contribution)["Assessed contribution"] == "£0.00 a week"
    assert report.contribution_status.sentence.startswith("Nothing to pay")


@pytest.fixture
def gaps(db, today):
    return create_household_with_gaps(db, today)


def test_a_household_with_gaps_shows_the_short_contribution_fewer_hours_and_hmrc_owed(db, gaps, today):
    report = build_monitoring_return(db, gaps.employer_id, *OCTOBER, today)
    rows = _rows(db, gaps.employer_id)
    # 800.00 opening + 400.00 on 28 September.
    assert report.opening_balance == OPENING + D("400.00") == D("1200.00")
    october = [r for r in rows if OCTOBER[0] <= r.on <= OCTOBER[1]]
    made_by_hand = [e for e in LEDGER if OCTOBER[0] <= e.on <= OCTOBER[1]]
    pay_run = [r for r in october if r.source == "pay_run"]
    assert len(october) == len(made_by_hand) + len(pay_run)
    assert report.closing_balance == D("1200.00") + sum(r.amount for r in october)
    assert report.money_in == D("1600.00") + D("50.00") + D("30.00")
    assert report.money_out == D("45.00") - sum(r.amount for r in pay_run)
    # The contribution: 31 days at £21.00 a week = £93.00 due; £50.00 + £30.00 paid; £13.00 short.
    assert dict(report.contribution)["Due for these dates (31 days)"] == "£93.00"
    assert dict(report.contribution)["Paid into the account in the period"] == "£80.00"
    assert report.contribution_status.code == "warning"
    assert report.contribution_status.sentence.startswith("Short: £13.00 less was paid in")
    # Hours: Ewa 330 + 330 + 240 minutes, Callum 360 + 345: 26.75 hours against 8 x 31 / 7 = 35.43.
    by_name = {h.name: h for h in report.hours}
    assert (by_name["Ewa Nowak"].support_hours, by_name["Ewa Nowak"].sleep_in_nights) == (D("15.00"), 1)
    assert (by_name["Callum Reid"].support_hours, by_name["Callum Reid"].other_hours) == (D("11.75"), D("3.00"))
    assert by_name["Ewa Nowak"].other_hours == D("6.00")  # her holiday
    assert report.hours_status.sentence.startswith("Fewer hours: 8.68 hours fewer")
    # The October pay run's tax and NI are due to HMRC on 22 November.
    hmrc = [r for r in rows if r.category == "hmrc_tax_ni"]
    assert [(o.due_on, o.amount) for o in report.owed] == [(date(2026, 11, 22), -hmrc[0].amount)]
    assert report.owed[0].what == "Tax and National Insurance to HMRC for the pay run of 30 October 2026"
    assert PAY_DATE == date(2026, 10, 30)


def test_a_bank_statement_balance_in_the_period_is_checked(db, gaps, today):
    budget.save_statement_balance(db, gaps.employer_id, date(2026, 10, 12), D("2805.00"))
    report = build_monitoring_return(db, gaps.employer_id, *OCTOBER, today)
    # 1,200.00 + 1,600.00 + 50.00 - 45.00 = 2,805.00 at the end of 12 October.
    assert report.checks[0].sentence.startswith("Matches: the bank statement and these records both show £2,805.00")
    budget.save_statement_balance(db, gaps.employer_id, date(2026, 10, 12), D("2800.00"))
    report = build_monitoring_return(db, gaps.employer_id, *OCTOBER, today)
    assert "£5.00 less than these records" in report.checks[0].sentence


def test_a_period_before_any_budget_year_names_the_missing_year(db, gaps, today):
    with pytest.raises(ServiceError) as raised:
        build_monitoring_return(db, gaps.employer_id, date(2026, 3, 1), date(2026, 4, 30), today)
    assert say(raised.value) == ("There is no 2025-26 budget year for Olu Bankole, so the return has no balance to "
                                 "start from on 1 March 2026: add the year on the Budget page, or choose dates from "
                                 "1 April 2026.")


def test_dates_the_wrong_way_round_are_refused_in_words(db, gaps, today):
    with raises_saying(ServiceError, "Choose a last date on or after 31 October 2026"):
        build_monitoring_return(db, gaps.employer_id, date(2026, 10, 31), date(2026, 10, 1), today)


def test_a_year_without_a_contribution_or_plan_says_what_to_add(demo_db, today):
    from dataclasses import replace

    year = budget.get_year(demo_db, 1, "2026-27")
    budget.save_year(demo_db, 1, replace(year, assessed_contribution=None, support_plan_hours=None))
    report = build_monitoring_return(demo_db, 1, date(2026, 10, 1), date(2026, 10, 31), today)
    assert report.contribution_status.code == "missing"
    assert "assessed contribution for 2026-27 is not recorded" in report.contribution_status.sentence
    assert "support plan's hours for 2026-27 are not recorded" in report.hours_status.sentence
