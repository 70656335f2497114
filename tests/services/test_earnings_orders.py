"""Attachment of earnings orders through the service: recorded, refused in words when wrong, stopped,
undone and redone; the pay run taking them off pay after tax, NI and pension, shown on the payslip; and
what has been paid and carried forward read back from the stored pay records."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal as D

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import earnings_orders as orders
from pa_manager.services import employers, pay_runs, people, undo_rules
from pa_manager.services.errors import ServiceError, ValidationFailed
from pa_manager.services.payslips import payslip_documents
from pa_manager.services.shifts import ShiftInput, save_shift
from pa_manager.wording import undo_text
from tests.saying import raises_saying

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1990, 1, 1), start_date=date(2025, 1, 6), tax_code="1257L",
        ni_category="A", pay_rates=(PayRateEntry(date(2025, 1, 6), D("12.71")),)), today)
    return employer.id, pa


def _order(**changes) -> orders.OrderDetails:
    base = dict(kind="judgment_debt", reference="K12X3456", issued_by="County Court Business Centre",
                start_date=date(2026, 9, 1), normal_deduction_rate=D("100"), protected_earnings_rate=D("500"),
                rate_period="month", total_to_pay=D("850.00"))
    return orders.OrderDetails(**{**base, **changes})


def _work(db, employer_id, pa_id, days):
    for day in days:
        save_shift(db, employer_id, ShiftInput(pa_id, day, time(9), time(13)))


def _weekdays(year, month):
    day, out = date(year, month, 1), []
    while day.month == month:
        if day.weekday() < 5:
            out.append(day)
        day += timedelta(days=1)
    return out


def test_recorded_listed_and_stopped(db, household):
    employer_id, pa = household
    order_id = orders.add_order(db, employer_id, pa.id, _order(reference="  K12X3456 ", notes=" served 28 Aug "))
    [found] = orders.list_orders(db, employer_id, pa.id)
    assert (found.id, found.pa_name, found.details.reference, found.details.notes) == (
        order_id, "Ann Cole", "K12X3456", "served 28 Aug")
    assert (found.deducted, found.left_to_pay, found.end_date) == (0, D("850.00"), None)
    orders.stop_order(db, employer_id, order_id, date(2026, 11, 30))
    assert orders.get_order(db, employer_id, order_id).end_date == date(2026, 11, 30)
    with raises_saying(ServiceError, "Order K12X3456 is already stopped."):
        orders.stop_order(db, employer_id, order_id, date(2026, 12, 1))


def test_a_wrong_order_is_refused_in_words_and_nothing_kept(db, household):
    employer_id, pa = household
    with raises_saying(ValidationFailed, "Enter the order's reference") as refused:
        orders.add_order(db, employer_id, pa.id, _order(reference=" ", normal_deduction_rate=D("0")))
    assert set(refused.value.problems) == {"reference", "normal_deduction_rate"}
    # A weekly rate for a PA paid monthly is not converted by guesswork.
    with raises_saying(ValidationFailed, "ask the court that sent it"):
        orders.add_order(db, employer_id, pa.id, _order(rate_period="week"))
    assert orders.list_orders(db, employer_id) == []
    orders.add_order(db, employer_id, pa.id, _order())
    with raises_saying(ValidationFailed, "already has an order with reference k12x3456"):
        orders.add_order(db, employer_id, pa.id, _order(reference="k12x3456"))
    with raises_saying(ValidationFailed, "stop date on or after"):
        orders.stop_order(db, employer_id, orders.list_orders(db, employer_id)[0].id, date(2026, 8, 1))
    assert orders.list_orders(db, employer_id)[0].end_date is None


def test_undo_and_redo(db, household, today):
    employer_id, pa = household
    done = orders.add_order_undoably(db, employer_id, pa.id, _order())
    assert undo_text(done.change) == "Record attachment of earnings order K12X3456 for Ann Cole"
    redo = undo_rules.reverse(db, done.change, today)
    assert orders.list_orders(db, employer_id) == []
    undo_rules.reverse(db, redo, today)
    [back] = orders.list_orders(db, employer_id)
    stopped = orders.stop_order_undoably(db, employer_id, back.id, date(2026, 10, 1))
    assert undo_text(stopped.change) == "Stop attachment of earnings order K12X3456 for Ann Cole"
    undo_rules.reverse(db, stopped.change, today)
    assert orders.get_order(db, employer_id, back.id).end_date is None


def test_the_pay_run_deducts_the_order_and_the_payslip_shows_it(db, household):
    employer_id, pa = household
    orders.add_order(db, employer_id, pa.id, _order())
    _work(db, employer_id, pa.id, _weekdays(2026, 9))
    slip = pay_runs.prepare_pay_run(db, employer_id, date(2026, 9, 28)).pas[0].payslip
    court = [(d.code, d.amount, d.description) for d in slip.deductions if d.code.startswith("ATTACHMENT")]
    assert court == [("ATTACHMENT_OF_EARNINGS", D("100"), "K12X3456"), ("ATTACHMENT_FEE", D("1.00"), "K12X3456")]
    assert slip.net_pay == slip.gross_pay - slip.tax - slip.employee_ni - slip.employee_pension - D("101.00")
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 9, 28), NOW, confirmed=True)
    [doc] = payslip_documents(db, employer_id, date(2026, 9, 28))
    lines = {d.description: (d.purpose, d.amount) for d in doc.deductions}
    assert lines["Attachment of earnings order K12X3456"] == (
        "Paid to County Court Business Centre under the court's order", D("100"))
    assert lines["Attachment of earnings: employer's fee"][1] == D("1.00")
    [found] = orders.list_orders(db, employer_id)
    assert (found.deducted, found.fees, found.left_to_pay) == (D("100"), D("1.00"), D("750.00"))
    assert [p.pay_date for p in found.pay_days] == [date(2026, 9, 28)]


def test_a_maintenance_order_catches_up_from_the_stored_pay(db, household):
    employer_id, pa = household
    orders.add_order(db, employer_id, pa.id, _order(kind="maintenance", protected_earnings_rate=D("300"),
                                                    total_to_pay=None))
    # September: one morning's work, £50.84, far below the £300 protected: nothing deducted, £249.16 of
    # protected earnings short and the £100 carried forward.
    _work(db, employer_id, pa.id, [date(2026, 9, 1)])
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 9, 28), NOW, confirmed=True)
    [found] = orders.list_orders(db, employer_id)
    assert [p.attachable for p in found.pay_days] == [D("50.84")]
    assert (found.deducted, found.carried.protected_shortfall, found.carried.arrears) == (0, D("249.16"), D("100"))
    # October: a full month. The shortfall is made good first, then both months' £100 are taken.
    _work(db, employer_id, pa.id, _weekdays(2026, 10))
    slip = pay_runs.prepare_pay_run(db, employer_id, date(2026, 10, 28)).pas[0].payslip
    assert slip.gross_pay - slip.tax - slip.employee_ni - slip.employee_pension > D("300") + D("249.16") + D("201")
    assert [(d.code, d.amount) for d in slip.deductions if d.code.startswith("ATTACHMENT")] == [
        ("ATTACHMENT_OF_EARNINGS", D("200")), ("ATTACHMENT_FEE", D("1.00"))]
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 10, 28), NOW, confirmed=True)
    [found] = orders.list_orders(db, employer_id)
    assert (found.deducted, found.carried.protected_shortfall, found.carried.arrears) == (D("200"), 0, 0)


def test_an_order_takes_nothing_before_it_starts(db, household):
    employer_id, pa = household
    orders.add_order(db, employer_id, pa.id, _order(start_date=date(2026, 10, 1)))
    _work(db, employer_id, pa.id, _weekdays(2026, 9))
    slip = pay_runs.prepare_pay_run(db, employer_id, date(2026, 9, 28)).pas[0].payslip
    assert not [d for d in slip.deductions if d.code.startswith("ATTACHMENT")]


def test_a_stopped_order_takes_nothing(db, household):
    employer_id, pa = household
    order_id = orders.add_order(db, employer_id, pa.id, _order())
    orders.stop_order(db, employer_id, order_id, date(2026, 9, 28))
    _work(db, employer_id, pa.id, _weekdays(2026, 9))
    slip = pay_runs.prepare_pay_run(db, employer_id, date(2026, 9, 28)).pas[0].payslip
    assert not [d for d in slip.deductions if d.code.startswith("ATTACHMENT")]


def test_an_order_that_no_longer_fits_the_pay_frequency_stops_that_pa_s_pay_in_words(db, household):
    from dataclasses import replace

    from pa_manager.messages import describe
    employer_id, pa = household
    orders.add_order(db, employer_id, pa.id, _order())
    employer = employers.get_employer(db, employer_id)
    employers.save_employer(db, replace(employer, pay_frequency=PayFrequency.WEEKLY))
    _work(db, employer_id, pa.id, [date(2026, 9, 1)])
    [item] = pay_runs.prepare_pay_run(db, employer_id, date(2026, 9, 4)).pas
    assert item.payslip is None
    assert describe(item.problem).startswith("Enter the order's rates a week for a PA paid weekly")


def test_stopping_from_a_day_already_paid_keeps_what_was_taken(db, household):
    employer_id, pa = household
    order_id = orders.add_order(db, employer_id, pa.id, _order())
    _work(db, employer_id, pa.id, _weekdays(2026, 9))
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 9, 28), NOW, confirmed=True)
    orders.stop_order(db, employer_id, order_id, date(2026, 9, 15))
    found = orders.get_order(db, employer_id, order_id)
    assert (found.deducted, found.left_to_pay) == (D("100"), D("750.00"))
    _work(db, employer_id, pa.id, _weekdays(2026, 10))
    slip = pay_runs.prepare_pay_run(db, employer_id, date(2026, 10, 28)).pas[0].payslip
    assert not [d for d in slip.deductions if d.code.startswith("ATTACHMENT")]
