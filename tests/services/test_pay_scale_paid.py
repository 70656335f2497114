"""The employer's pay scale paid by pay runs when they choose (applies_pay_scale), and costed in the
budget forecast: from each PA's work anniversary, never below their own rate."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_scale import PayStep
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import budget, employers, history, pay_runs, pay_scale, people, rota, undo_rules
from pa_manager.services.errors import ChangedElsewhere
from pa_manager.services.payslips import document_for
from pa_manager.services.shifts import ShiftInput, save_shift
from pa_manager.wording import change_sentence, due_item_sentence

SCALE = [PayStep(0, Decimal("12.71")), PayStep(1, Decimal("13.10"))]
PAY_DAY = date(2026, 11, 27)


@pytest.fixture
def household(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Ann Cole", date_of_birth=date(1980, 1, 1), start_date=date(2025, 11, 15), tax_code="1257L",
        ni_category="A", pay_rates=(PayRateEntry(date(2025, 11, 15), Decimal("12.71")),)), today)
    pay_scale.save_steps(db, employer.id, SCALE)
    for day in (date(2026, 11, 10), date(2026, 11, 20)):  # either side of her first anniversary
        save_shift(db, employer.id, ShiftInput(pa.id, day, time(9), time(17)))
    return employer.id, pa.id


def _basic_lines(db, employer_id):
    [draft] = pay_runs.prepare_pay_run(db, employer_id, PAY_DAY).pas
    return draft.payslip, [(line.hours, line.rate, line.amount, line.description)
                           for line in draft.payslip.lines if line.code == "BASIC"]


def test_off_by_default_the_scale_is_only_suggested(db, household):
    employer_id, pa_id = household
    assert not employers.get_employer(db, employer_id).applies_pay_scale
    _, lines = _basic_lines(db, employer_id)
    assert lines == [(Decimal("16"), Decimal("12.71"), Decimal("203.36"), "")]
    [item] = pay_scale.pay_step_due(db, employer_id, date(2026, 11, 20))
    assert item.pa_key == pa_id


def test_opted_in_the_step_is_paid_from_the_anniversary_and_the_payslip_says_why(db, household, today):
    employer_id, _ = household
    done = pay_scale.set_applied(db, employer_id, True)
    slip, lines = _basic_lines(db, employer_id)
    # 8 h x £12.71 = £101.68 before 15 November; 8 h x £13.10 = £104.80 from it.
    assert lines == [
        (Decimal("8"), Decimal("12.71"), Decimal("101.68"), ""),
        (Decimal("8"), Decimal("13.10"), Decimal("104.80"), "pay scale step for 1 year with you, from 15 November 2026"),
    ]
    assert slip.gross_pay == Decimal("206.48")
    words = [line.description for line in document_for(slip).pay_lines]
    assert "Standard hours (pay scale step for 1 year with you, from 15 November 2026)" in words
    # Nothing to change: a warning before the anniversary, to tell her; nothing after it.
    [coming] = pay_scale.pay_step_due(db, employer_id, date(2026, 11, 5))
    assert (coming.code, coming.due, coming.status) == ("PAY_STEP_COMING", date(2026, 11, 15), "due_soon")
    assert due_item_sentence(coming, date(2026, 11, 5))[1] == (
        "Due in 10 days (15 November 2026): Tell Ann Cole that from 15 November 2026, after 1 year with you, your pay scale pays "
        "them £13.10 an hour (now £12.71): pay runs pay it for you.")
    assert pay_scale.pay_step_due(db, employer_id, date(2026, 11, 20)) == []
    undo_rules.reverse(db, done.change, today)
    assert not employers.get_employer(db, employer_id).applies_pay_scale


def test_their_own_higher_rate_is_never_cut(db, household, today):
    employer_id, pa_id = household
    pa = people.get_pa(db, pa_id)
    people.save_pa(db, employer_id, PARecord(**{**pa.__dict__, "pay_rates": (
        PayRateEntry(date(2025, 11, 15), Decimal("13.50")),)}), today)
    pay_scale.set_applied(db, employer_id, True)
    _, lines = _basic_lines(db, employer_id)
    assert lines == [(Decimal("16"), Decimal("13.50"), Decimal("216.00"), "")]


def test_the_finalised_record_keeps_the_rate_and_why(db, household, today):
    from datetime import datetime, timezone
    employer_id, pa_id = household
    pay_scale.set_applied(db, employer_id, True)
    before = people.get_pa(db, pa_id)
    pay_runs.finalise_pay_run(db, employer_id, PAY_DAY, datetime(2026, 11, 27, 12, tzinfo=timezone.utc),
                              confirmed=True)
    [record] = pay_runs.records_between(db, employer_id, date(2026, 11, 1), date(2026, 11, 30))
    assert [(line.rate, line.description) for line in record.lines if line.code == "BASIC"][1] == (
        Decimal("13.10"), "pay scale step for 1 year with you, from 15 November 2026")
    # The step paid is now her own dated rate, noted in the history: choosing later not to pay the scale
    # never cuts what she has been paid.
    assert people.get_pa(db, pa_id).pay_rates[-1] == PayRateEntry(date(2026, 11, 15), Decimal("13.10"))
    assert "Hourly rate for all shifts for Ann Cole from 15 November 2026: set to £13.10 by your pay scale, after 1 year with you." in [
        change_sentence(c) for c in history.change_history(db, employer_id)]
    # A form opened before the pay run cannot save her old rates over the new one.
    with pytest.raises(ChangedElsewhere):
        people.save_pa(db, employer_id, replace(before, phone="07700 900123"), today)
    pay_scale.set_applied(db, employer_id, False)
    [draft] = pay_runs.prepare_pay_run(db, employer_id, date(2026, 12, 24)).pas
    assert draft.pa.rate_on(date(2026, 12, 1)) == Decimal("13.10")


def test_the_forecast_costs_the_step_from_the_anniversary(db, household):
    # Whether or not pay runs pay it yet: the forecast plans for the rise the scale asks for.
    employer_id, pa_id = household
    rota.save_pattern(db, employer_id, rota.make_pattern(name="Tuesdays", pa=pa_id, start=time(9), end=time(17),
                                                         weekdays=frozenset({1}), starts_on=date(2026, 11, 3)))
    costs = {c.on: c.gross_pay for c in budget.planned_costs(db, employer_id, date(2026, 11, 1), date(2026, 11, 30))}
    assert costs[date(2026, 11, 10)] == Decimal("101.68")   # 8 h x £12.71
    assert costs[date(2026, 11, 17)] == Decimal("104.80")   # 8 h x £13.10, from 15 November
    assert costs[date(2026, 11, 24)] == Decimal("104.80")
